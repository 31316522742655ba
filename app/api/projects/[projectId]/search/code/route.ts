import { ZCodeHitsSchema } from '@/lib/search/schemas';
import { apiRoute, readJson } from '@/lib/server/api/route';
import { codeSearchHits } from '@/lib/server/data/search/code-search-hits';

type Params = { projectId: string };

/**
 * POST /api/projects/:id/search/code {query, filters?, codeId, unit: hit|paragraph|turn, dryRun}
 * — owners and coders: code every hit of a search (or each hit's paragraph or speaker turn) with
 * one code, as the acting user, in one transaction; ranges the user already coded with that
 * code are skipped. `{ hits, codings, sources, duplicates, dryRun }`; with `dryRun: true`
 * nothing is stored (the counts for the confirmation).
 */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZCodeHitsSchema);
  return codeSearchHits({ userId: user.id, projectId: params.projectId, input, signal: request.signal });
});
