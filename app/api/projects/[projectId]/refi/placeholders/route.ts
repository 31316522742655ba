import { z } from 'zod';

import { apiRoute, readJson } from '@/lib/server/api/route';
import { assignPlaceholderCoder, listPlaceholderCoders } from '@/lib/server/data/refi/placeholders';

/** GET /api/projects/:id/refi/placeholders — imported coders without an account, with their codings and memos. Members. */
export const GET = apiRoute<{ projectId: string }>(async ({ user, params }) => ({ placeholders: await listPlaceholderCoders({ userId: user.id, projectId: params.projectId }) }));

const ZAssign = z.object({ placeholderId: z.string().min(1).max(60), memberId: z.string().min(1).max(60) });

/**
 * POST /api/projects/:id/refi/placeholders `{ placeholderId, memberId }` — gives an imported
 * coder's codings and memos to a member (owner or coder). Owners only.
 */
export const POST = apiRoute<{ projectId: string }>(async ({ user, params, request }) => {
  const body = await readJson(request, ZAssign);
  return assignPlaceholderCoder({ userId: user.id, projectId: params.projectId, ...body });
});
