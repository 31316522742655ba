import { z } from 'zod';

import { AppError } from '@/lib/errors/app-error';
import { progressStream, wantsProgress } from '@/lib/server/api/progress-stream';
import { readBytes, readFileNameHeader } from '@/lib/server/api/read-bytes';
import { apiRoute } from '@/lib/server/api/route';
import { authorizeDatasetWrite, listDatasets } from '@/lib/server/data/dataset/datasets';
import { importDatasetUpload } from '@/lib/server/data/dataset/dataset-work';
import { DATASET_LIMITS } from '@/lib/datasets/import';
import { ZDatasetName, ZDatasetReadOptions, ZTypeOverrides } from '@/lib/validation/dataset';

type Params = { projectId: string };

/** GET /api/projects/:id/datasets — members: `{ datasets: [{ id, name, rowCount, variableCount, versionCount, analysisCount }] }`. */
export const GET = apiRoute<Params>(async ({ user, params }) => ({ datasets: await listDatasets({ userId: user.id, projectId: params.projectId }) }));

const ZImportQuery = ZDatasetReadOptions.extend({
  name: ZDatasetName,
  /** The user's type changes from the preview, JSON: `{"age":{"type":"numeric"}}`. */
  types: z
    .string()
    .max(100_000)
    .optional()
    .transform((text, ctx) => {
      if (!text) return {};
      try {
        return ZTypeOverrides.parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'The type choices are not valid.' });
        return z.NEVER;
      }
    }),
});

/**
 * POST /api/projects/:id/datasets?name=&sheet=&encoding=&delimiter=&decimalComma=&types= —
 * owners and coders import a CSV, XLSX or SPSS .sav file (raw body, name in X-File-Name) as a new
 * dataset. The file is read whole and checked in a worker before anything is stored; a bad cell
 * is named by row and column. 201 `{ dataset: { id, name, versionId } }`; with
 * `Accept: application/x-ndjson`, progress lines and then the result line (as for sources).
 */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const fileName = readFileNameHeader(request);
  const query = ZImportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError('INVALID_INPUT', { userMessage: query.error.issues[0]?.message ?? 'Invalid import options.' });
  await authorizeDatasetWrite({ userId: user.id, projectId: params.projectId });
  const bytes = await readBytes(request, DATASET_LIMITS.maxBytes + 1);
  const { name, types, ...read } = query.data;
  const create = (onProgress?: (p: { stage: string }) => void) =>
    importDatasetUpload({ userId: user.id, projectId: params.projectId, name, fileName, bytes, read, types, onProgress });
  if (!wantsProgress(request)) return Response.json({ dataset: await create() }, { status: 201 });
  return progressStream(async (send) => {
    send({ progress: { stage: 'received' } });
    return { status: 201, dataset: await create((p) => send({ progress: { stage: p.stage } })) };
  });
});
