import { apiRoute } from '@/lib/server/api/route';
import { deleteDataset, getDataset } from '@/lib/server/data/dataset/datasets';

type Params = { projectId: string; datasetId: string };

/** GET /api/projects/:id/datasets/:datasetId — members: the dataset, its versions and the latest version's variables. */
export const GET = apiRoute<Params>(async ({ user, params }) => ({ dataset: await getDataset({ userId: user.id, ...params }) }));

/** DELETE /api/projects/:id/datasets/:datasetId — owners: the dataset with its versions, scales and saved analyses. */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteDataset({ userId: user.id, ...params });
});
