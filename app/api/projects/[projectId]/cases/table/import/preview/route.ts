import { z } from 'zod';

import { IMPORT_LIMITS } from '@/lib/cases/attribute-csv';
import { AppError } from '@/lib/errors/app-error';
import { readBytes } from '@/lib/server/api/read-bytes';
import { apiRoute, readQuery } from '@/lib/server/api/route';
import { previewAttributeImport } from '@/lib/server/data/cases/attributes';
import { ZImportTypes } from '@/lib/validation/cases';

type Params = { projectId: string };

const ZQuery = z.object({ types: z.string().max(20_000).optional() });

/** POST /api/projects/:id/cases/table/import/preview?types=<json> (raw CSV body) — owners and coders: what importing would do; nothing stored. */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const { types: rawTypes } = readQuery(request, ZQuery);
  let types: Record<string, 'text' | 'number' | 'date' | 'choice'> | undefined;
  if (rawTypes) {
    const parsed = ZImportTypes.safeParse((() => { try { return JSON.parse(rawTypes); } catch { return null; } })());
    if (!parsed.success) throw new AppError('INVALID_INPUT', { userMessage: 'The chosen column types are not valid.' });
    types = parsed.data;
  }
  const bytes = await readBytes(request, IMPORT_LIMITS.bytes);
  return previewAttributeImport({ userId: user.id, projectId: params.projectId, bytes, types });
});
