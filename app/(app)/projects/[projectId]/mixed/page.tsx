import type { Metadata } from 'next';
import Link from 'next/link';

import { JointFilters } from '@/components/mixed/joint-filters';
import { codeTitle } from '@/components/mixed/joint-helpers';
import { JointRow } from '@/components/mixed/joint-row';
import styles from '@/components/mixed/mixed.module.css';
import { can } from '@/lib/auth/roles';
import { jointDisplayNote } from '@/lib/mixed/joint-display';
import { listDatasets } from '@/lib/server/data/dataset/datasets';
import { jointDisplay } from '@/lib/server/data/mixed/joint-display';
import { loadProjectPage } from '@/lib/server/pages';
import { ZJointDisplayQuery } from '@/lib/validation/mixed';

export const metadata: Metadata = { title: 'Mixed methods' };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ under?: string; order?: string }> };

/**
 * The joint display: one row per link between a code and a survey construct, the qualitative
 * and the quantitative evidence side by side with the team's meta-inference.
 */
export default async function MixedMethodsPage(props: Props) {
  const { user, project } = await loadProjectPage((await props.params).projectId);
  const search = await props.searchParams;
  const parsed = ZJointDisplayQuery.safeParse({ under: search.under || undefined, order: search.order || undefined });
  const filter = parsed.success ? parsed.data : { order: 'hierarchy' as const };
  const { rows, links, codes, latestVersions } = await jointDisplay({ userId: user.id, projectId: project.id, filter });
  const canWrite = can(project.role, 'coding:write');
  const base = `/projects/${project.id}`;
  const branches = codes
    .filter((c) => c.level >= 3)
    .sort((a, b) => b.level - a.level || a.label.localeCompare(b.label, 'en', { numeric: true }))
    .map((c) => ({ id: c.id, title: codeTitle(c), level: c.level }));
  const underCode = filter.under ? codes.find((c) => c.id === filter.under) : undefined;

  return (
    <>
      <h1>Mixed methods</h1>
      <p className="muted">
        The joint display: each code linked to a survey construct, with its exemplar quotes beside the construct’s reliability, descriptives and coefficients, and the team’s
        meta-inference. {links.length} {links.length === 1 ? 'link' : 'links'}.
      </p>
      {links.length === 0 ? <EmptyState base={base} datasets={(await listDatasets({ userId: user.id, projectId: project.id })).map((d) => ({ id: d.id, name: d.name }))} /> : (
        <>
          <JointFilters projectId={project.id} under={filter.under ?? ''} order={filter.order} branches={branches} />
          {rows.length === 0 ? (
            <p className="card empty">
              No linked codes under {underCode ? codeTitle(underCode) : 'that code'}. <Link href={`${base}/mixed${filter.order !== 'hierarchy' ? `?order=${filter.order}` : ''}`}>Show all links</Link>
            </p>
          ) : (
            <div className={styles.display} role="list" aria-label="Joint display">
              <div className={`${styles.grid} ${styles.head}`} aria-hidden="true">
                <div>Qualitative: category and exemplar quotes</div>
                <div>Quantitative: construct and statistics</div>
                <div>Meta-inference</div>
              </div>
              {rows.map((row) => (
                <div role="listitem" key={row.linkId}>
                  <JointRow projectId={project.id} row={row} latestVersion={latestVersions[row.linkId] ?? 0} canWrite={canWrite} />
                </div>
              ))}
            </div>
          )}
          <p className={styles.footnote}>{jointDisplayNote()}</p>
        </>
      )}
    </>
  );
}

function EmptyState(props: { base: string; datasets: Array<{ id: string; name: string }> }) {
  return (
    <section className="card" aria-labelledby="no-links-heading" data-testid="joint-empty">
      <h2 id="no-links-heading">No links yet</h2>
      <p>
        A joint display row starts with a <strong>link</strong>: a code of your theory joined to the survey construct (a scale) or variable that measures the same idea. Create
        links in either place:
      </p>
      <ul>
        <li>
          In the <Link href={`${props.base}/hierarchy`}>Theory outline</Link>, open a category’s menu and choose <em>Link to survey…</em>
        </li>
        <li>
          In a dataset’s <em>Scales</em> tab, link a scale to the code it measures
          {props.datasets.length > 0 ? (
            <>
              :{' '}
              {props.datasets.map((d, i) => (
                <span key={d.id}>
                  {i > 0 && ', '}
                  <Link href={`${props.base}/data/${d.id}?tab=scales`}>{d.name}</Link>
                </span>
              ))}
            </>
          ) : (
            <>
              {' '}
              (<Link href={`${props.base}/data`}>import a dataset</Link> first)
            </>
          )}
          .
        </li>
      </ul>
      <p className="muted">Each row then shows the category’s quotes beside the construct’s α, ω, M (SD) and the coefficients of your saved analyses.</p>
    </section>
  );
}
