import { download, fileSlug } from '@/lib/server/api/download';
import { apiRoute } from '@/lib/server/api/route';
import { getDataset } from '@/lib/server/data/dataset/datasets';
import { datasetCsv } from '@/lib/server/data/dataset/dataset-work';

type Params = { projectId: string; datasetId: string };

/** GET /api/projects/:id/datasets/:datasetId/csv[?versionId=] — members: the version as CSV (UTF-8, names as header, missing empty), as the CLI and R scripts read it. */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const versionId = new URL(request.url).searchParams.get('versionId') ?? undefined;
  const dataset = await getDataset({ userId: user.id, ...params });
  const { bytes, number } = await datasetCsv({ userId: user.id, ...params, versionId });
  return download(bytes as Uint8Array<ArrayBuffer>, { fileName: `${fileSlug(dataset.name)}-v${number}.csv`, contentType: 'text/csv; charset=utf-8' });
});
