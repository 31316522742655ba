import { apiRoute, readJson } from '@/lib/server/api/route';
import { deleteSource } from '@/lib/server/data/source/delete-source';
import { getSource } from '@/lib/server/data/source/get-source';
import { updateSource } from '@/lib/server/data/source/update-source';
import { ZUpdateSourceSchema } from '@/lib/validation/source';

type Params = { projectId: string; sourceId: string };

/** GET /api/projects/:id/sources/:sourceId — the source with its text and structure. */
export const GET = apiRoute<Params>(async ({ user, params }) => ({ source: await getSource({ userId: user.id, ...params }) }));

/** PATCH /api/projects/:id/sources/:sourceId {title?, kind?, folderId?, authors?, …} — owners and coders. */
export const PATCH = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZUpdateSourceSchema);
  await updateSource({ userId: user.id, ...params, input });
  return { source: await getSource({ userId: user.id, ...params }) };
});

/** DELETE /api/projects/:id/sources/:sourceId — owners and coders. */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteSource({ userId: user.id, ...params });
});
