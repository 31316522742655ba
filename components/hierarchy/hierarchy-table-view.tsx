import Link from 'next/link';

import { LinkBadge } from '@/components/mixed/link-badges';
import type { HierarchyCell, HierarchyTable } from '@/lib/coding/hierarchy-types';
import { HIERARCHY_TABLE_NOTE, rowLinks, type LinkedConstructs } from '@/lib/io/export/hierarchy-table';

import styles from './hierarchy-table-view.module.css';

function Cell({ cell, projectId, empty, linked }: { cell: HierarchyCell | null; projectId: string; empty: string; linked?: LinkedConstructs }) {
  if (!cell) return <span className="muted">{empty}</span>;
  const links = linked?.[cell.id] ?? [];
  return (
    <>
      <Link href={`/projects/${projectId}/codes/${cell.id}`} className={styles.code}>
        {cell.label && <span className={styles.label}>{cell.label}</span>} {cell.name} <span className={styles.count}>({cell.segments})</span>
      </Link>
      {links.length > 0 && (
        <span className={styles.linkMark} title={`Linked to ${links.map((l) => l.targetName).join(', ')}`} aria-label={`linked to ${links.map((l) => l.targetName).join(', ')}`} role="img">
          ↔
        </span>
      )}
    </>
  );
}

/**
 * The hierarchy in the published layout "Core category | Main category | Category |
 * Concepts": core and main cells span the rows of their categories; numbers in brackets are
 * coded segments (distinct spans, overlaps counted once). With `links`, linked codes carry a ↔
 * mark and a last column "Linked constructs" lists each row's links with their key figures.
 */
export function HierarchyTableView({ table, projectId, links }: { table: HierarchyTable; projectId: string; links?: LinkedConstructs }) {
  const showLinks = links !== undefined && Object.keys(links).length > 0;
  return (
    <div className={styles.wrap}>
      <table className={styles.table} data-testid="hierarchy-table">
        <thead>
          <tr>
            <th scope="col">Core category</th>
            <th scope="col">Main category</th>
            <th scope="col">Category</th>
            <th scope="col">Concepts</th>
            {showLinks && (
              <th scope="col" className={styles.linksHead}>
                Linked constructs
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.coreSpan > 0 && (
                <td rowSpan={row.coreSpan} className={styles.core}>
                  <Cell cell={row.core} projectId={projectId} empty="—" linked={links} />
                </td>
              )}
              {row.mainSpan > 0 && (
                <td rowSpan={row.mainSpan} className={styles.main}>
                  <Cell cell={row.main} projectId={projectId} empty="—" linked={links} />
                </td>
              )}
              <td>
                <Cell cell={row.category} projectId={projectId} empty="(no category yet)" linked={links} />
              </td>
              <td>
                <ul className={styles.concepts}>
                  {row.concepts.map((c) => (
                    <li key={c.id}>
                      <Cell cell={c} projectId={projectId} empty="" linked={links} />
                    </li>
                  ))}
                </ul>
              </td>
              {showLinks && (
                <td className={styles.links}>
                  <ul className={styles.linkList}>
                    {rowLinks(row, links).map(({ code, link }) => (
                      <li key={link.linkId}>
                        <LinkBadge link={link} prefix={code.label.trim() || code.name} stacked />
                      </li>
                    ))}
                  </ul>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{HIERARCHY_TABLE_NOTE}.</p>
    </div>
  );
}
