import { apiRoute } from '@/lib/server/api/route';
import { deleteAnalysis, getAnalysis } from '@/lib/server/data/dataset/analyses';

type Params = { projectId: string; analysisId: string };

/** GET /api/projects/:id/analyses/:analysisId — members: `{ analysis }` with kind, title, options, result, version, stale. */
export const GET = apiRoute<Params>(async ({ user, params }) => ({ analysis: await getAnalysis({ userId: user.id, ...params }) }));

/** DELETE /api/projects/:id/analyses/:analysisId — owners and coders: 204. */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteAnalysis({ userId: user.id, ...params });
});
