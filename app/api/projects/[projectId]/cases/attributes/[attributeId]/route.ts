import { apiRoute, readJson } from '@/lib/server/api/route';
import { deleteAttribute, updateAttribute } from '@/lib/server/data/cases/attributes';
import { ZAttributePatch } from '@/lib/validation/cases';

type Params = { projectId: string; attributeId: string };

/** PATCH /api/projects/:id/cases/attributes/:attributeId {name?, type?, choices?} — owners and coders; values are converted or the change is refused. */
export const PATCH = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZAttributePatch);
  return { attribute: await updateAttribute({ userId: user.id, ...params, ...input }) };
});

/** DELETE /api/projects/:id/cases/attributes/:attributeId — owners and coders; its values go with it. */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteAttribute({ userId: user.id, ...params });
});
