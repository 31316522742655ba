import { apiRoute, readJson } from '@/lib/server/api/route';
import { createAttribute, loadAttributeTable } from '@/lib/server/data/cases/attributes';
import { ZAttributeCreate } from '@/lib/validation/cases';

type Params = { projectId: string };

/** GET /api/projects/:id/cases/attributes — members: the attribute table (attributes, cases, values). */
export const GET = apiRoute<Params>(async ({ user, params }) => loadAttributeTable({ userId: user.id, projectId: params.projectId }));

/** POST /api/projects/:id/cases/attributes {name, type, choices?} — owners and coders. */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZAttributeCreate);
  const attribute = await createAttribute({ userId: user.id, projectId: params.projectId, ...input });
  return Response.json({ attribute }, { status: 201 });
});
