import { apiRoute, readJson } from '@/lib/server/api/route';
import { updateJointDisplayRow } from '@/lib/server/data/mixed/joint-display';
import { deleteLink } from '@/lib/server/data/mixed/links';
import { ZLinkPatch } from '@/lib/validation/mixed';

type Params = { projectId: string; linkId: string };

/** PATCH /api/projects/:id/links/:linkId {rationale?, inference?, inferenceNote?, exemplars?, reviewed?} — owners and coders. */
export const PATCH = apiRoute<Params>(async ({ user, params, request }) => {
  const patch = await readJson(request, ZLinkPatch);
  return { link: await updateJointDisplayRow({ userId: user.id, ...params, patch }) };
});

/** DELETE /api/projects/:id/links/:linkId — owners and coders. */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteLink({ userId: user.id, ...params });
});
