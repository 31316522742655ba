import { z } from 'zod';

import { AppError } from '@/lib/errors/app-error';
import { download, fileSlug } from '@/lib/server/api/download';
import { apiRoute } from '@/lib/server/api/route';
import { readCodebookSnapshot, readProjectSnapshot } from '@/lib/server/data/refi/read-project';
import { runJob } from '@/lib/server/jobs/pool';

const ZQuery = z.object({ format: z.enum(['qdpx', 'qdc'], { message: 'format must be qdpx or qdc' }) });

/**
 * GET /api/projects/:id/refi?format=qdpx|qdc — the project as a REFI-QDA project exchange file
 * (.qdpx: project.qde + sources/), or its codebook alone (.qdc). Members (project:read). The
 * file is written in a worker thread (503 + Retry-After when the job queue is full).
 */
export const GET = apiRoute<{ projectId: string }>(async ({ user, params, request }) => {
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError('INVALID_INPUT', { userMessage: query.error.issues[0]?.message ?? 'Invalid export options.' });
  if (query.data.format === 'qdc') {
    const snapshot = await readCodebookSnapshot({ userId: user.id, projectId: params.projectId });
    const bytes = await runJob('refiPackCodebook', { codes: snapshot.codes });
    return download(bytes as BodyInit, { fileName: `${fileSlug(snapshot.name)}-codebook.qdc`, contentType: 'application/xml; charset=utf-8' });
  }
  const snapshot = await readProjectSnapshot({ userId: user.id, projectId: params.projectId });
  const bytes = await runJob('refiPackProject', snapshot);
  return download(bytes as BodyInit, { fileName: `${fileSlug(snapshot.project.name)}.qdpx`, contentType: 'application/zip' });
});
