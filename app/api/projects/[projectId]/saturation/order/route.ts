import { apiRoute, readJson } from '@/lib/server/api/route';
import { setCodingOrder } from '@/lib/server/data/saturation/test-set';
import { ZCodingOrderInput } from '@/lib/saturation/schemas';

type Params = { projectId: string };

/** PUT /api/projects/:id/saturation/order { sourceIds } — owners and coders: set the coding order ([] = by first coding). */
export const PUT = apiRoute<Params>(async ({ user, params, request }) => {
  const { sourceIds } = await readJson(request, ZCodingOrderInput);
  await setCodingOrder({ userId: user.id, projectId: params.projectId, sourceIds });
});
