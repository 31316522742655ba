import { AppError } from '@/lib/errors/app-error';
import { DATASET_LIMITS } from '@/lib/datasets/import';
import { readBytes, readFileNameHeader } from '@/lib/server/api/read-bytes';
import { apiRoute } from '@/lib/server/api/route';
import { authorizeDatasetWrite } from '@/lib/server/data/dataset/datasets';
import { previewDatasetUpload } from '@/lib/server/data/dataset/dataset-work';
import { ZDatasetReadOptions } from '@/lib/validation/dataset';

type Params = { projectId: string };

/**
 * POST /api/projects/:id/datasets/preview?sheet=&encoding=&delimiter=&decimalComma= — owners and
 * coders: what importing this file would give (detected format, encoding, delimiter, sheets,
 * inferred variable types, the first rows, warnings). Nothing is stored. Errors name the row
 * and column.
 */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const fileName = readFileNameHeader(request);
  const query = ZDatasetReadOptions.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError('INVALID_INPUT', { userMessage: query.error.issues[0]?.message ?? 'Invalid import options.' });
  await authorizeDatasetWrite({ userId: user.id, projectId: params.projectId });
  const bytes = await readBytes(request, DATASET_LIMITS.maxBytes + 1);
  return { preview: await previewDatasetUpload({ userId: user.id, projectId: params.projectId, fileName, bytes, read: query.data }) };
});
