import { z } from 'zod';

import { AppError } from '@/lib/errors/app-error';
import { download } from '@/lib/server/api/download';
import { apiRoute } from '@/lib/server/api/route';
import { linkBadges } from '@/lib/server/data/mixed/joint-display';
import { runJob } from '@/lib/server/jobs/pool';

const ZQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'docx'], { message: 'format must be csv, xlsx or docx' }),
  links: z.enum(['0', '1'], { message: 'links must be 0 or 1' }).optional(),
});

/**
 * GET /api/projects/:id/exports/hierarchy?format=docx|xlsx|csv&links=0|1 — the hierarchy table in the
 * published layout (Core category | Main category | Category | Concepts, labels and counts):
 * a Word table with merged cells, a spreadsheet with merged cells, or a flat CSV. Members only.
 * `links=1` adds the linked survey constructs: "Linked construct", "α", "M (SD)", "Strongest
 * coefficient". Built in a worker thread (503 + Retry-After when the job queue is full).
 */
export const GET = apiRoute<{ projectId: string }>(async ({ user, params, request }) => {
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError('INVALID_INPUT', { userMessage: query.error.issues[0]?.message ?? 'Invalid export options.' });
  // The links' figures come from jobs of their own: loaded here, handed to the export job.
  const links = query.data.links === '1' ? await linkBadges({ userId: user.id, projectId: params.projectId }) : undefined;
  const file = await runJob('exportHierarchyTable', { userId: user.id, projectId: params.projectId, format: query.data.format, links });
  return download(file.body as BodyInit, file);
});
