import { z } from 'zod';

import { apiRoute, readQuery } from '@/lib/server/api/route';
import { exemplarCandidates } from '@/lib/server/data/mixed/joint-display';

type Params = { projectId: string; linkId: string };

const ZQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

/** GET /api/projects/:id/links/:linkId/segments?page= — members: the segments exemplar quotes can be picked from, 50 a page. */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const { page } = readQuery(request, ZQuery);
  return exemplarCandidates({ userId: user.id, ...params, page });
});
