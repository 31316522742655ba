import { apiRoute } from '@/lib/server/api/route';
import { removeCasePart } from '@/lib/server/data/cases/parts';

type Params = { projectId: string; caseId: string; partId: string };

/** DELETE /api/projects/:id/cases/:caseId/parts/:partId — owners and coders. */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await removeCasePart({ userId: user.id, ...params });
});
