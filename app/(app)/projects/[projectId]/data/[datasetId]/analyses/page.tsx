import type { Metadata } from 'next';
import Link from 'next/link';

import { ANALYSIS_KINDS, COMPARABLE_KINDS, KIND_LABELS, isAnalysisKind } from '@/lib/stats/analysis-spec';
import styles from '@/components/analyses/analyses.module.css';
import { can } from '@/lib/auth/roles';
import { listAnalyses } from '@/lib/server/data/dataset/analyses';

import { Breadcrumb, loadDatasetPage } from './load';
import { LocalTime } from '@/components/ui/local-time';

type Props = { params: Promise<{ projectId: string; datasetId: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { projectId, datasetId } = await props.params;
  return { title: `Analyses · ${(await loadDatasetPage(projectId, datasetId)).dataset.name}` };
}

export default async function AnalysesPage(props: Props) {
  const { projectId, datasetId } = await props.params;
  const { user, project, dataset } = await loadDatasetPage(projectId, datasetId);
  const analyses = await listAnalyses({ userId: user.id, projectId: project.id, datasetId: dataset.id });
  const base = `/projects/${project.id}/data/${dataset.id}/analyses`;
  const comparable = analyses.filter((a) => COMPARABLE_KINDS.includes(a.kind) && !a.options.includes('--group'));
  return (
    <>
      <Breadcrumb projectId={project.id} dataset={dataset} />
      <h1>Analyses of {dataset.name}</h1>
      <p className="muted">
        Version {dataset.latest.number} · {dataset.latest.rowCount.toLocaleString('en-US')} rows · {dataset.latest.variables.length} variables.
      </p>
      {can(project.role, 'data:write') ? (
        <section className="card">
          <h2>New analysis</h2>
          <div className={styles.kindGrid}>
            {ANALYSIS_KINDS.map((k) => (
              <Link key={k} className={styles.kindLink} href={`${base}/new?kind=${k}`}>
                {KIND_LABELS[k]}
              </Link>
            ))}
          </div>
        </section>
      ) : null}
      <section className="card">
        <div className="row">
          <h2 className="grow">Saved analyses</h2>
          {comparable.length >= 2 ? (
            <Link className="btn btn-secondary btn-sm" href={`${base}/compare`}>
              Compare models
            </Link>
          ) : null}
        </div>
        {analyses.length === 0 ? (
          <p className="muted">No saved analyses yet.</p>
        ) : (
          <table className="table" aria-label="Saved analyses">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Analysis</th>
                <th scope="col">Version</th>
                <th scope="col">By</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {analyses.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link href={`${base}/${a.id}`}>{a.title}</Link>
                  </td>
                  <td>{isAnalysisKind(a.kind) ? KIND_LABELS[a.kind] : a.kind}</td>
                  <td>
                    v{a.versionNumber}
                    {a.stale ? <>{' '}<span className="badge">Stale</span></> : null}
                  </td>
                  <td>{a.createdBy ?? '—'}</td>
                  <td>
                    <LocalTime iso={a.createdAt} style="dateTime" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
