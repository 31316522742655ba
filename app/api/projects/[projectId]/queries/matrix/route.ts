import { apiRoute, readQuery } from '@/lib/server/api/route';
import { ZMatrixQuery } from '@/lib/queries/schema';
import { queryMatrix } from '@/lib/server/data/queries/queries';

type Params = { projectId: string };

/**
 * GET /api/projects/:id/queries/matrix?matrix=source|case|cooccurrence&unit=overlap|paragraph|turn&level=1-4
 * &kinds=&coders=&from=&to=&attribute=&attributeValue= — members: the matrix as JSON.
 */
export const GET = apiRoute<Params>(async ({ user, params, request }) => ({
  matrix: await queryMatrix({ userId: user.id, projectId: params.projectId, query: readQuery(request, ZMatrixQuery) }),
}));
