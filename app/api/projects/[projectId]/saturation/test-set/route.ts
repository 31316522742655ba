import { apiRoute, readJson } from '@/lib/server/api/route';
import { setTestSources } from '@/lib/server/data/saturation/test-set';
import { ZTestSetInput } from '@/lib/saturation/schemas';

type Params = { projectId: string };

/** POST /api/projects/:id/saturation/test-set { sourceIds, test, newSnapshot? } — owners and coders: mark or unmark saturation test sources (creating a set snapshots the hierarchy). */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZTestSetInput);
  return setTestSources({ userId: user.id, projectId: params.projectId, ...input });
});
