import Link from 'next/link';

import type { HierarchyCell, HierarchyTable } from '@/lib/coding/hierarchy-types';
import { HIERARCHY_TABLE_NOTE } from '@/lib/io/export/hierarchy-table';

import styles from './hierarchy-table-view.module.css';

function Cell({ cell, projectId, empty }: { cell: HierarchyCell | null; projectId: string; empty: string }) {
  if (!cell) return <span className="muted">{empty}</span>;
  return (
    <Link href={`/projects/${projectId}/codes/${cell.id}`} className={styles.code}>
      {cell.label && <span className={styles.label}>{cell.label}</span>} {cell.name} <span className={styles.count}>({cell.segments})</span>
    </Link>
  );
}

/**
 * The hierarchy in the published layout "Core category | Main category | Category |
 * Concepts": core and main cells span the rows of their categories; numbers in brackets are
 * coded segments (distinct spans, overlaps counted once).
 */
export function HierarchyTableView({ table, projectId }: { table: HierarchyTable; projectId: string }) {
  return (
    <div className={styles.wrap}>
      <table className={styles.table} data-testid="hierarchy-table">
        <thead>
          <tr>
            <th scope="col">Core category</th>
            <th scope="col">Main category</th>
            <th scope="col">Category</th>
            <th scope="col">Concepts</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.coreSpan > 0 && (
                <td rowSpan={row.coreSpan} className={styles.core}>
                  <Cell cell={row.core} projectId={projectId} empty="—" />
                </td>
              )}
              {row.mainSpan > 0 && (
                <td rowSpan={row.mainSpan} className={styles.main}>
                  <Cell cell={row.main} projectId={projectId} empty="—" />
                </td>
              )}
              <td>
                <Cell cell={row.category} projectId={projectId} empty="(no category yet)" />
              </td>
              <td>
                <ul className={styles.concepts}>
                  {row.concepts.map((c) => (
                    <li key={c.id}>
                      <Cell cell={c} projectId={projectId} empty="" />
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{HIERARCHY_TABLE_NOTE}.</p>
    </div>
  );
}
