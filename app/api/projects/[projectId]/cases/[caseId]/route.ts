import { z } from 'zod';

import { apiRoute, readJson } from '@/lib/server/api/route';
import { deleteCase, renameCase } from '@/lib/server/data/mixed/cases';
import { ZCaseName } from '@/lib/validation/mixed';

type Params = { projectId: string; caseId: string };

/** PATCH /api/projects/:id/cases/:caseId {name} — owners and coders. */
export const PATCH = apiRoute<Params>(async ({ user, params, request }) => {
  const { name } = await readJson(request, z.object({ name: ZCaseName }));
  await renameCase({ userId: user.id, ...params, name });
});

/** DELETE /api/projects/:id/cases/:caseId — owners and coders; its sources stay, without a case. */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteCase({ userId: user.id, ...params });
});
