import { apiRoute, readQuery } from '@/lib/server/api/route';
import { loadSaturation } from '@/lib/server/data/saturation/load-saturation';
import { guestOptionsOf, ZGuestQuery } from '@/lib/saturation/schemas';

type Params = { projectId: string };

/** GET /api/projects/:id/saturation?base=4&run=2&threshold=5 — members: the saturation report (emergence, Guest et al., hold-out test, thin categories). */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const query = readQuery(request, ZGuestQuery);
  const { report, coders } = await loadSaturation({ userId: user.id, projectId: params.projectId, guest: guestOptionsOf(query) });
  return { report, coders };
});
