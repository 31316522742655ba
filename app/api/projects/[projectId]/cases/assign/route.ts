import { apiRoute, readJson } from '@/lib/server/api/route';
import { assignSources } from '@/lib/server/data/mixed/cases';
import { ZCaseAssign } from '@/lib/validation/mixed';

type Params = { projectId: string };

/** POST /api/projects/:id/cases/assign {caseId | null, sourceIds} — owners and coders. */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZCaseAssign);
  return { assigned: await assignSources({ userId: user.id, projectId: params.projectId, ...input }) };
});
