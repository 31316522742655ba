import { z } from 'zod';

import { apiRoute, readJson, readQuery } from '@/lib/server/api/route';
import { createLink, listLinks } from '@/lib/server/data/mixed/links';
import { ZLinkInput } from '@/lib/validation/mixed';

type Params = { projectId: string };

const ZListQuery = z.object({ datasetId: z.string().max(64).optional(), codeId: z.string().max(64).optional() });

/** GET /api/projects/:id/links?datasetId=&codeId= — members: links between codes and survey constructs. */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const q = readQuery(request, ZListQuery);
  return { links: await listLinks({ userId: user.id, projectId: params.projectId, ...q }) };
});

/** POST /api/projects/:id/links {codeId, datasetId, target: {kind:'scale', scaleId} | {kind:'variable', variable}, rationale} — owners and coders. */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZLinkInput);
  return { link: await createLink({ userId: user.id, projectId: params.projectId, input }) };
});
