import { apiRoute, readJson } from '@/lib/server/api/route';
import { casesFromInterviewees, createCase, listCases } from '@/lib/server/data/mixed/cases';
import { ZCaseCreate } from '@/lib/validation/mixed';

type Params = { projectId: string };

/** GET /api/projects/:id/cases — members: cases with their sources, and the sources in none. */
export const GET = apiRoute<Params>(async ({ user, params }) => listCases({ userId: user.id, projectId: params.projectId }));

/** POST /api/projects/:id/cases {name, sourceIds?} | {fromInterviewees: true} — owners and coders. */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZCaseCreate);
  if ('fromInterviewees' in input) return casesFromInterviewees({ userId: user.id, projectId: params.projectId });
  return { case: await createCase({ userId: user.id, projectId: params.projectId, name: input.name, sourceIds: input.sourceIds }) };
});
