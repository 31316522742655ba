import { apiRoute, readQuery } from '@/lib/server/api/route';
import { matchCasesToDataset } from '@/lib/server/data/mixed/cases';
import { ZCaseMatch } from '@/lib/validation/mixed';

type Params = { projectId: string };

/** GET /api/projects/:id/cases/match?datasetId=&idVariable= — members: cases matched to respondents, with everything unmatched. */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const q = readQuery(request, ZCaseMatch);
  return matchCasesToDataset({ userId: user.id, projectId: params.projectId, ...q });
});
