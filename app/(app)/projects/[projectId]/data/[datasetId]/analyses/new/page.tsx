import type { Metadata } from 'next';
import Link from 'next/link';

import { AnalysisForm } from '@/components/analyses/analysis-form';
import { ANALYSIS_KINDS, KIND_LABELS, isAnalysisKind } from '@/lib/stats/analysis-spec';
import styles from '@/components/analyses/analyses.module.css';
import { can } from '@/lib/auth/roles';

import { Breadcrumb, loadDatasetPage } from '../load';

type Props = { params: Promise<{ projectId: string; datasetId: string }>; searchParams: Promise<{ kind?: string }> };

export const metadata: Metadata = { title: 'New analysis' };

export default async function NewAnalysisPage(props: Props) {
  const { projectId, datasetId } = await props.params;
  const { kind } = await props.searchParams;
  const { project, dataset } = await loadDatasetPage(projectId, datasetId);
  const base = `/projects/${project.id}/data/${dataset.id}/analyses/new`;
  const variables = dataset.latest.variables.map((v) => ({ name: v.name, label: v.label, type: v.type }));
  return (
    <>
      <Breadcrumb projectId={project.id} dataset={dataset} here={isAnalysisKind(kind) ? KIND_LABELS[kind] : 'New'} />
      <h1>{isAnalysisKind(kind) ? KIND_LABELS[kind] : 'New analysis'}</h1>
      <p className="muted">
        Runs on the latest version (v{dataset.latest.number}, {dataset.latest.rowCount.toLocaleString('en-US')} rows) and is saved with it. Rows with a missing value in a chosen variable are left out.
      </p>
      <nav aria-label="Analyses" className={styles.kindGrid} style={{ marginBottom: '1.25rem' }}>
        {ANALYSIS_KINDS.map((k) => (
          <Link key={k} className={styles.kindLink} href={`${base}?kind=${k}`} aria-current={k === kind ? 'page' : undefined}>
            {KIND_LABELS[k]}
          </Link>
        ))}
      </nav>
      {isAnalysisKind(kind) ? (
        // key: a new kind starts a fresh form.
        <AnalysisForm key={kind} projectId={project.id} datasetId={dataset.id} kind={kind} variables={variables} canWrite={can(project.role, 'data:write')} />
      ) : (
        <p className="muted">Choose an analysis.</p>
      )}
    </>
  );
}
