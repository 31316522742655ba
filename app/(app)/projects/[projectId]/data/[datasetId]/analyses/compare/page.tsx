import type { Metadata } from 'next';

import { COMPARABLE_KINDS } from '@/lib/stats/analysis-spec';
import { ComparisonPicker, ComparisonView } from '@/components/analyses/comparison-view';
import { isAppError } from '@/lib/errors/app-error';
import { listAnalyses } from '@/lib/server/data/dataset/analyses';
import { loadComparison } from '@/lib/server/data/dataset/analysis-export';

import { Breadcrumb, loadDatasetPage } from '../load';

type Props = { params: Promise<{ projectId: string; datasetId: string }>; searchParams: Promise<{ ids?: string }> };

export const metadata: Metadata = { title: 'Compare models' };

export default async function CompareModelsPage(props: Props) {
  const { projectId, datasetId } = await props.params;
  const { user, project, dataset } = await loadDatasetPage(projectId, datasetId);
  const ids = ((await props.searchParams).ids ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const all = await listAnalyses({ userId: user.id, projectId: project.id, datasetId: dataset.id });
  const items = all
    .filter((a) => COMPARABLE_KINDS.includes(a.kind) && !a.options.includes('--group'))
    .map((a) => ({ id: a.id, kind: a.kind, title: a.title, versionNumber: a.versionNumber, stale: a.stale, createdAt: a.createdAt }));
  let analyses: Awaited<ReturnType<typeof loadComparison>> | null = null;
  let error: string | null = null;
  if (ids.length >= 2) {
    try {
      analyses = await loadComparison({ userId: user.id, projectId: project.id, ids });
      if (analyses.some((a) => a.datasetId !== dataset.id)) throw Object.assign(new Error(), { userMessage: 'Every model must come from this dataset.' });
    } catch (e) {
      if (isAppError(e)) error = e.userMessage;
      else if (e instanceof Error && 'userMessage' in e) error = String(e.userMessage);
      else throw e;
      analyses = null;
    }
  }
  const versions = analyses ? [...new Set(analyses.map((a) => a.versionNumber))] : [];
  return (
    <>
      <Breadcrumb projectId={project.id} dataset={dataset} here="Compare models" />
      <h1>Compare models</h1>
      <p className="muted">Regression models side by side, as journals print them: one column per model, coefficients with stars and standard errors in parentheses.</p>
      {error ? (
        <p className="message message-error" data-testid="compare-error">
          {error}
        </p>
      ) : null}
      {analyses ? (
        <section className="stack" style={{ marginBottom: '2rem' }}>
          {versions.length > 1 ? <p className="message">These models ran on different dataset versions ({versions.map((v) => `v${v}`).join(', ')}): their samples may differ.</p> : null}
          <ComparisonView projectId={project.id} ids={analyses.map((a) => a.id)} analyses={analyses.map((a) => ({ kind: a.kind, title: a.title, options: a.options, result: a.result }))} />
        </section>
      ) : null}
      <ComparisonPicker key={ids.join(',')} base={`/projects/${project.id}/data/${dataset.id}/analyses/compare`} items={items} selected={ids} />
    </>
  );
}
