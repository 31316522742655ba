import { apiRoute, readQuery } from '@/lib/server/api/route';
import { loadCellSegments } from '@/lib/server/data/cases/matrix';
import { ZMatrixCellQuery } from '@/lib/validation/cases';

type Params = { projectId: string };

/** GET /api/projects/:id/cases/matrix/cell?caseId=&codeId= — members: the coded segments behind one cell. */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const query = readQuery(request, ZMatrixCellQuery);
  return loadCellSegments({ userId: user.id, projectId: params.projectId, ...query });
});
