import { apiRoute, readJson } from '@/lib/server/api/route';
import { loadAttributeTable, setAttributeValue } from '@/lib/server/data/cases/attributes';
import { ZAttributeValue } from '@/lib/validation/cases';

type Params = { projectId: string };

/** GET /api/projects/:id/cases/table — members: the attribute table. */
export const GET = apiRoute<Params>(async ({ user, params }) => loadAttributeTable({ userId: user.id, projectId: params.projectId }));

/** PUT /api/projects/:id/cases/table {caseId, attributeId, value} — owners and coders: one cell, parsed to its type ('' clears). */
export const PUT = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZAttributeValue);
  return setAttributeValue({ userId: user.id, projectId: params.projectId, ...input });
});
