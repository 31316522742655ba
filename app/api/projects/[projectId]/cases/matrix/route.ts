import { apiRoute, readQuery } from '@/lib/server/api/route';
import { loadCaseMatrix } from '@/lib/server/data/cases/matrix';
import { ZMatrixQuery } from '@/lib/validation/cases';

type Params = { projectId: string };

/** GET /api/projects/:id/cases/matrix?level=2&attributes=id,id — members: the case comparison matrix (counts and summaries). */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const { level, attributes } = readQuery(request, ZMatrixQuery);
  return loadCaseMatrix({ userId: user.id, projectId: params.projectId, level, attributeIds: attributes });
});
