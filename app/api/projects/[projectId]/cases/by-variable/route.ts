import { apiRoute, readQuery } from '@/lib/server/api/route';
import { casesBySurveyVariable } from '@/lib/server/data/mixed/cases';
import { ZCasesByVariableQuery } from '@/lib/validation/mixed';

type Params = { projectId: string };

/**
 * GET /api/projects/:id/cases/by-variable?datasetId=&idVariable=&variable=&filter=top-quartile&codeId= —
 * members: matched cases ordered by a survey variable, with their segments of a code.
 */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const { filter, min, max, ...q } = readQuery(request, ZCasesByVariableQuery);
  return casesBySurveyVariable({ userId: user.id, projectId: params.projectId, ...q, filter: { kind: filter, min, max } });
});
