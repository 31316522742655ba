import { apiRoute, readJson } from '@/lib/server/api/route';
import { createCode } from '@/lib/server/data/code/create-code';
import { listCodes } from '@/lib/server/data/code/list-codes';
import { ZCreateCodeSchema } from '@/lib/validation/coding';

type Params = { projectId: string };

/**
 * GET /api/projects/:id/codes — members: the codebook by name
 * (`{ codes: [{ id, name, color, definition, label, level, segmentCount, sourceCount }] }`).
 */
export const GET = apiRoute<Params>(async ({ user, params }) => ({ codes: await listCodes({ userId: user.id, projectId: params.projectId }) }));

/**
 * POST /api/projects/:id/codes {name, color?, definition?, level?, parentId?} — owners and coders
 * add a code (level 1 concept … 4 core category, optionally under a parent one level up), as the
 * Codebook form does. 201 `{ code: { id, name, color, definition, label, level } }`; 409 when
 * the name is taken.
 */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZCreateCodeSchema);
  return Response.json({ code: await createCode({ userId: user.id, projectId: params.projectId, input }) }, { status: 201 });
});
