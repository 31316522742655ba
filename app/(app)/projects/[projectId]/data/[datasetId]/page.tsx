import type { Metadata } from 'next';

import { AnalysesPanel } from '@/components/datasets/analyses-panel';
import { ComputePanel } from '@/components/datasets/compute-panel';
import { DataGrid } from '@/components/datasets/data-grid';
import { DatasetHeader, type DatasetTab, DATASET_TABS } from '@/components/datasets/dataset-header';
import { ScalesPanel, type ScaleWithReliability } from '@/components/datasets/scales-panel';
import { VariableView } from '@/components/datasets/variable-view';
import { can } from '@/lib/auth/roles';
import type { Variable } from '@/lib/datasets/types';
import { listAnalyses } from '@/lib/server/data/dataset/analyses';
import { loadDatasetVersion } from '@/lib/server/data/dataset/datasets';
import { reliabilityOfScales } from '@/lib/server/data/dataset/dataset-work';
import { listScales } from '@/lib/server/data/dataset/scales';

import { loadDatasetPage } from './analyses/load';

type Props = { params: Promise<{ projectId: string; datasetId: string }>; searchParams: Promise<{ tab?: string; v?: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { projectId, datasetId } = await props.params;
  return { title: (await loadDatasetPage(projectId, datasetId)).dataset.name };
}

export default async function DatasetPage(props: Props) {
  const { projectId, datasetId } = await props.params;
  const search = await props.searchParams;
  const { user, project, dataset } = await loadDatasetPage(projectId, datasetId);
  const tab: DatasetTab = (DATASET_TABS as readonly string[]).includes(search.tab ?? '') ? (search.tab as DatasetTab) : 'variables';
  const canWrite = can(project.role, 'data:write');
  const ids = { userId: user.id, projectId: project.id, datasetId: dataset.id };

  // An earlier version is viewed by its number (?v=2); its own variables are read only then.
  const viewed = dataset.versions.find((v) => String(v.number) === search.v) ?? dataset.latest;
  const isLatest = viewed.id === dataset.latest.id;
  let variables: Variable[] = dataset.latest.variables;
  if (!isLatest && (tab === 'variables' || tab === 'data')) variables = (await loadDatasetVersion({ ...ids, versionId: viewed.id })).variables;

  const [scales, analyses] = await Promise.all([listScales(ids), listAnalyses(ids)]);
  const scaleResults = tab === 'scales' && scales.length > 0 ? ((await reliabilityOfScales(ids)) as ScaleWithReliability[]) : [];

  return (
    <>
      <DatasetHeader
        projectId={project.id}
        dataset={dataset}
        viewed={viewed}
        variableCount={variables.length}
        tab={tab}
        counts={{ scales: scales.length, analyses: analyses.length }}
        canDelete={can(project.role, 'project:update')}
      />
      {tab === 'variables' && (
        <VariableView
          variables={variables}
          edit={canWrite && isLatest ? { projectId: project.id, datasetId: dataset.id, baseVersionId: dataset.latest.id, latestNumber: dataset.latest.number } : undefined}
        />
      )}
      {tab === 'data' && <DataGrid key={viewed.id} projectId={project.id} datasetId={dataset.id} versionId={viewed.id} rowCount={viewed.rowCount} variables={variables} />}
      {tab === 'compute' &&
        (canWrite ? (
          <ComputePanel projectId={project.id} datasetId={dataset.id} baseVersionId={dataset.latest.id} latestNumber={dataset.latest.number} variables={dataset.latest.variables} />
        ) : (
          <p className="card muted">Only owners and coders can add computed variables. You can read every version and download it as CSV.</p>
        ))}
      {tab === 'scales' && (
        <ScalesPanel
          projectId={project.id}
          datasetId={dataset.id}
          baseVersionId={dataset.latest.id}
          latestNumber={dataset.latest.number}
          variables={dataset.latest.variables}
          scales={scaleResults}
          canWrite={canWrite}
        />
      )}
      {tab === 'analyses' && <AnalysesPanel projectId={project.id} datasetId={dataset.id} analyses={analyses} latestNumber={dataset.latest.number} canWrite={canWrite} />}
    </>
  );
}
