import { AppError } from '@/lib/errors/app-error';
import { apiRoute } from '@/lib/server/api/route';
import { readDatasetRows } from '@/lib/server/data/dataset/dataset-work';
import { z } from 'zod';

type Params = { projectId: string; datasetId: string };

const ZRowsQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  versionId: z.string().max(64).optional(),
});

/** GET /api/projects/:id/datasets/:datasetId/rows?offset=&limit=&versionId= — members: `{ offset, rows, rowCount }` (row-major, variable order). */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const query = ZRowsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError('INVALID_INPUT', { userMessage: query.error.issues[0]?.message ?? 'Invalid row range.' });
  return readDatasetRows({ userId: user.id, ...params, ...query.data });
});
