import { z } from 'zod';

import { apiRoute, readJson } from '@/lib/server/api/route';
import { addComputedVariables } from '@/lib/server/data/dataset/dataset-work';
import { ZText } from '@/lib/validation/text';

type Params = { projectId: string; datasetId: string };

const ZNewVersion = z.object({
  baseVersionId: z.string().min(1).max(64),
  /** Computed variables / recodes (lib/datasets/transform's recipe; checked there). */
  transforms: z.array(z.unknown()).min(1, 'Add at least one computed variable or recode.').max(200),
  note: ZText({ max: 300, singleLine: true, label: 'The note', required: 'Say what this version adds.' }),
});

/**
 * POST /api/projects/:id/datasets/:datasetId/versions {baseVersionId, transforms, note} — owners
 * and coders: the next version with computed variables or recodes; earlier versions are kept.
 * 201 `{ version }`; 409 when the base is no longer the latest version.
 */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZNewVersion);
  return Response.json({ version: await addComputedVariables({ userId: user.id, ...params, ...input }) }, { status: 201 });
});
