import { apiRoute, readJson } from '@/lib/server/api/route';
import { deleteScale, saveScale } from '@/lib/server/data/dataset/scales';
import { ZScaleInput } from '@/lib/validation/dataset';

type Params = { projectId: string; datasetId: string; scaleId: string };

/** PUT /api/projects/:id/datasets/:datasetId/scales/:scaleId {name, items, reversed, score} — owners and coders; the id stays. */
export const PUT = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZScaleInput);
  return { scale: await saveScale({ userId: user.id, projectId: params.projectId, datasetId: params.datasetId, scaleId: params.scaleId, input }) };
});

/** DELETE /api/projects/:id/datasets/:datasetId/scales/:scaleId — owners and coders. */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteScale({ userId: user.id, ...params });
});
