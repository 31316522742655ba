import { z } from 'zod';

import { AppError } from '@/lib/errors/app-error';
import { download } from '@/lib/server/api/download';
import { apiRoute } from '@/lib/server/api/route';
import { runJob } from '@/lib/server/jobs/pool';

const ZQuery = z.object({ format: z.enum(['csv', 'xlsx'], { message: 'format must be csv or xlsx' }), codeId: z.string().max(64).optional() });

/**
 * GET /api/projects/:id/exports/coded-segments?format=csv|xlsx[&codeId=] — every coded segment
 * (or one code's) as a table: source, kind, segment, start, end, code, coder, memo, created at.
 * Members only; cells that a spreadsheet would run as formulas are neutralised. Built in a
 * worker thread (503 + Retry-After when the job queue is full).
 */
export const GET = apiRoute<{ projectId: string }>(async ({ user, params, request }) => {
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError('INVALID_INPUT', { userMessage: query.error.issues[0]?.message ?? 'Invalid export options.' });
  const file = await runJob('exportCodedSegments', { userId: user.id, userName: user.name, projectId: params.projectId, ...query.data });
  return download(file.body as BodyInit, file);
});
