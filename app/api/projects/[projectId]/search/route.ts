import { ZSearchQuery } from '@/lib/search/schemas';
import { apiRoute, readQuery } from '@/lib/server/api/route';
import { searchSources } from '@/lib/server/data/search/search-sources';

type Params = { projectId: string };

/**
 * GET /api/projects/:id/search?q=…&kind=interview,literature&folder=…&source=… — members:
 * full-text search across the project's sources (case, width and compatibility forms ignored;
 * Chinese matched as substrings). `{ query, searched, totalHits, sources: [{ sourceId, title,
 * kind, total, hits: [{ start, end, text, before, after }] }] }`, offsets in code points.
 */
export const GET = apiRoute<Params>(async ({ user, params, request }) => {
  const { query, filters } = readQuery(request, ZSearchQuery);
  return searchSources({ userId: user.id, projectId: params.projectId, query, filters, signal: request.signal });
});
