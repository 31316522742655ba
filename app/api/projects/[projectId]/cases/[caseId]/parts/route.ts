import { z } from 'zod';

import { apiRoute, readJson } from '@/lib/server/api/route';
import { addCasePart, listCaseParts } from '@/lib/server/data/cases/parts';

type Params = { projectId: string; caseId: string };

const ZCasePartCreate = z.union([
  z.object({ sourceId: z.string().min(1), speaker: z.string().trim().min(1).max(200) }).strict(),
  z.object({ sourceId: z.string().min(1), start: z.number().int().min(0), end: z.number().int().min(1) }).strict(),
]);

/** GET /api/projects/:id/cases/:caseId/parts — members: the case's parts of sources. */
export const GET = apiRoute<Params>(async ({ user, params }) => ({ parts: await listCaseParts({ userId: user.id, ...params }) }));

/** POST /api/projects/:id/cases/:caseId/parts {sourceId, speaker} | {sourceId, start, end} — owners and coders. */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZCasePartCreate);
  return { part: await addCasePart({ userId: user.id, ...params, ...input }) };
});
