import { apiRoute, readQuery } from '@/lib/server/api/route';
import { ZCellQuery } from '@/lib/queries/schema';
import { queryCell } from '@/lib/server/data/queries/queries';

type Params = { projectId: string };

/**
 * GET /api/projects/:id/queries/cell?matrix=…&row=<codeId>&column=<sourceId|caseId|none|codeId>&… (matrix
 * parameters and filters as for /queries/matrix) — members: the segments behind one cell, with texts.
 */
export const GET = apiRoute<Params>(async ({ user, params, request }) => ({
  cell: await queryCell({ userId: user.id, projectId: params.projectId, query: readQuery(request, ZCellQuery) }),
}));
