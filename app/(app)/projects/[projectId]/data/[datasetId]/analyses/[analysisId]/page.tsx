import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { AnalysisResultView } from '@/components/analyses/analysis-result-view';
import { can } from '@/lib/auth/roles';
import { getAnalysis } from '@/lib/server/data/dataset/analyses';

import { Breadcrumb, loadDatasetPage, orNotFound } from '../load';

type Props = { params: Promise<{ projectId: string; datasetId: string; analysisId: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { projectId, datasetId, analysisId } = await props.params;
  const { user } = await loadDatasetPage(projectId, datasetId);
  return { title: (await orNotFound(getAnalysis({ userId: user.id, projectId, analysisId }))).title };
}

export default async function AnalysisPage(props: Props) {
  const { projectId, datasetId, analysisId } = await props.params;
  const { user, project, dataset } = await loadDatasetPage(projectId, datasetId);
  const analysis = await orNotFound(getAnalysis({ userId: user.id, projectId: project.id, analysisId }));
  // The analysis must belong to the dataset in the address.
  if (analysis.datasetId !== dataset.id) notFound();
  return (
    <>
      <Breadcrumb projectId={project.id} dataset={dataset} here={analysis.title} />
      <h1 data-testid="analysis-title">{analysis.title}</h1>
      <AnalysisResultView projectId={project.id} analysis={analysis} latestVersion={dataset.latest.number} canWrite={can(project.role, 'data:write')} />
    </>
  );
}
