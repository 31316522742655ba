import { apiRoute, readQuery } from '@/lib/server/api/route';
import { jointDisplay } from '@/lib/server/data/mixed/joint-display';
import { ZJointDisplayQuery } from '@/lib/validation/mixed';

type Params = { projectId: string };

/** GET /api/projects/:id/joint-display?under=&order=hierarchy|strength|label — members. */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const filter = readQuery(request, ZJointDisplayQuery);
  return jointDisplay({ userId: user.id, projectId: params.projectId, filter });
});
