import { z } from 'zod';

import { AppError } from '@/lib/errors/app-error';
import { ZLevelMapping } from '@/lib/io/refi/options';
import { apiRoute } from '@/lib/server/api/route';
import { readCodebookUpload } from '@/lib/server/data/refi/import-request';
import { mergeCodebook, previewCodebookMerge } from '@/lib/server/data/refi/merge-codebook';

const ZQuery = z.object({ mode: z.enum(['preview', 'merge'], { message: 'mode must be preview or merge' }), levelMapping: ZLevelMapping.default('nesting') });

/**
 * POST /api/projects/:id/refi/codebook?mode=preview|merge&levelMapping=nesting|flat — body: a
 * .qdc file (raw bytes), its name in X-File-Name. `preview` answers what would be created and
 * merged (by name); `merge` stores it in one transaction. Owners and coders (coding:write).
 */
export const POST = apiRoute<{ projectId: string }>(async ({ user, params, request }) => {
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError('INVALID_INPUT', { userMessage: query.error.issues[0]?.message ?? 'Invalid options.' });
  const codebook = await readCodebookUpload(request);
  const input = { userId: user.id, projectId: params.projectId, codebook, levelMapping: query.data.levelMapping };
  return query.data.mode === 'preview' ? previewCodebookMerge(input) : mergeCodebook(input);
});
