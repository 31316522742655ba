import { download } from '@/lib/server/api/download';
import { apiRoute, readQuery } from '@/lib/server/api/route';
import { ZMatrixExportQuery } from '@/lib/queries/schema';
import { exportMatrix } from '@/lib/server/data/queries/queries';

type Params = { projectId: string };

/** GET /api/projects/:id/queries/export?format=csv|xlsx&value=count|presence&matrix=…&… — members: a matrix as a file. */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const file = await exportMatrix({ userId: user.id, projectId: params.projectId, query: readQuery(request, ZMatrixExportQuery) });
  return download(file.body, file);
});
