import { apiRoute, readJson } from '@/lib/server/api/route';
import { reliabilityOfScales } from '@/lib/server/data/dataset/dataset-work';
import { saveScale } from '@/lib/server/data/dataset/scales';
import { ZScaleInput } from '@/lib/validation/dataset';

type Params = { projectId: string; datasetId: string };

/** GET /api/projects/:id/datasets/:datasetId/scales — members: each scale with its reliability on the latest version (α, ω, item-total, α if deleted). */
export const GET = apiRoute<Params>(async ({ user, params }) => ({ scales: await reliabilityOfScales({ userId: user.id, ...params }) }));

/** POST /api/projects/:id/datasets/:datasetId/scales {name, items, reversed, score} — owners and coders. 201 `{ scale }` with its stable id. */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZScaleInput);
  return Response.json({ scale: await saveScale({ userId: user.id, ...params, input }) }, { status: 201 });
});
