import { apiRoute, readJson } from '@/lib/server/api/route';
import { deleteProject } from '@/lib/server/data/project/delete-project';
import { getProject } from '@/lib/server/data/project/get-project';
import { updateProject } from '@/lib/server/data/project/update-project';
import { ZUpdateProjectSchema } from '@/lib/validation/project';

type Params = { projectId: string };

/** GET /api/projects/:id — 404 for non-members. */
export const GET = apiRoute<Params>(async ({ user, params }) => ({ project: await getProject({ userId: user.id, projectId: params.projectId }) }));

/** PATCH /api/projects/:id {name?, description?} — owners. */
export const PATCH = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZUpdateProjectSchema);
  return { project: await updateProject({ userId: user.id, projectId: params.projectId, input }) };
});

/** DELETE /api/projects/:id — owners. */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteProject({ userId: user.id, projectId: params.projectId });
});
