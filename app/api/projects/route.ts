import { apiRoute, readJson } from '@/lib/server/api/route';
import { createProject } from '@/lib/server/data/project/create-project';
import { listProjects } from '@/lib/server/data/project/list-projects';
import { ZCreateProjectSchema } from '@/lib/validation/project';

/** GET /api/projects — the caller's projects. */
export const GET = apiRoute(async ({ user }) => ({ projects: await listProjects({ userId: user.id }) }));

/** POST /api/projects {name, description?} — creates a project owned by the caller. */
export const POST = apiRoute(async ({ user, request }) => {
  const input = await readJson(request, ZCreateProjectSchema);
  return Response.json({ project: await createProject({ userId: user.id, input }) }, { status: 201 });
});
