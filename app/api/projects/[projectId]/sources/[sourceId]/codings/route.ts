import { apiRoute, readJson } from '@/lib/server/api/route';
import { applyCode } from '@/lib/server/data/coding/apply-code';
import { listSourceCodings } from '@/lib/server/data/coding/list-source-codings';
import { ZApplyCodeSchema } from '@/lib/validation/coding';

type Params = { projectId: string; sourceId: string };

/**
 * GET /api/projects/:id/sources/:sourceId/codings — members: every coding of the source in text
 * order (`{ codings: [{ id, codeId, start, end, coderId, coderName, memo, memoBody, createdAt }] }`;
 * offsets are code points, `end` exclusive).
 */
export const GET = apiRoute<Params>(async ({ user, params }) => ({
  codings: await listSourceCodings({ userId: user.id, projectId: params.projectId, sourceId: params.sourceId }),
}));

/**
 * POST /api/projects/:id/sources/:sourceId/codings {codeId, start, end} — owners and coders code
 * [start, end) with a code, as the workbench does (the same data-layer call as its server
 * action). 201 `{ coding }`; the same range, code and coder again returns the existing coding.
 */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZApplyCodeSchema);
  const coding = await applyCode({ userId: user.id, projectId: params.projectId, sourceId: params.sourceId, input });
  return Response.json({ coding }, { status: 201 });
});
