import 'server-only';

import type { TSearchFilters } from '@/lib/search/schemas';
import type { SearchHit } from '@/lib/search/search-texts';

import { requireProjectPermission } from '../../authz';
import { runJob } from '../../jobs/pool';
import { loadSearchSources } from './load-search-texts';

/** Hits listed with context per source (all are counted; the source's own find bar shows the rest). */
export const HITS_PER_SOURCE = 50;

/** A source's hits as the search page lists them. */
export interface SourceHits {
  sourceId: string;
  title: string;
  kind: string;
  total: number;
  hits: SearchHit[];
}

/** The result of a search across sources. */
export interface SearchResult {
  query: string;
  /** Sources searched (after the filters). */
  searched: number;
  /** Hits in all sources. */
  totalHits: number;
  sources: SourceHits[];
}

/**
 * Full-text search across a project's sources (members, any role): case, width and
 * compatibility forms ignored, Chinese matched without word segmentation (lib/search). The
 * texts are searched in worker jobs, a batch at a time, so a 1 MB book does not hold the
 * request thread.
 *
 * @param options.query - what the user typed (validated: non-empty, ≤ 500 characters).
 * @param options.filters - source kinds, a folder, or particular sources.
 * @returns sources with hits in the Sources list order, each with up to {@link HITS_PER_SOURCE} hits in context.
 * @throws AppError NOT_FOUND (not a member) | BUSY (job queue full)
 * @example
 * await searchSources({ userId, projectId, query: '信任', filters: { kinds: ['interview'] } });
 */
export async function searchSources(options: { userId: string; projectId: string; query: string; filters?: TSearchFilters; signal?: AbortSignal }): Promise<SearchResult> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const { sources, batches } = await loadSearchSources(options.projectId, options.filters ?? {});
  const info = new Map(sources.map((s) => [s.id, s]));
  const out: SourceHits[] = [];
  let totalHits = 0;
  for await (const texts of batches()) {
    const results = await runJob('searchSources', { texts, query: options.query, hitsPerSource: HITS_PER_SOURCE, context: 60 }, { signal: options.signal });
    for (const r of results) {
      const s = info.get(r.sourceId);
      if (!s) continue;
      totalHits += r.total;
      out.push({ sourceId: r.sourceId, title: s.title, kind: s.kind, total: r.total, hits: r.hits });
    }
  }
  return { query: options.query, searched: sources.length, totalHits, sources: out };
}
