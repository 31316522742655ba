import { apiRoute, readJson } from '@/lib/server/api/route';
import { setCaseCodeSummary } from '@/lib/server/data/cases/matrix';
import { ZCaseCodeSummary } from '@/lib/validation/cases';

type Params = { projectId: string };

/** PUT /api/projects/:id/cases/matrix/summary {caseId, codeId, text} — owners and coders: the team's summary in a cell ('' clears). */
export const PUT = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZCaseCodeSummary);
  return setCaseCodeSummary({ userId: user.id, projectId: params.projectId, ...input });
});
