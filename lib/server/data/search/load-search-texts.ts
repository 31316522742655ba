import 'server-only';

import type { TSearchFilters } from '@/lib/search/schemas';
import type { SearchText } from '@/lib/search/search-texts';

import { db } from '../../db/client';

/**
 * Code points of text handed to one search job: a project of many long sources is searched in
 * batches, so the request thread never holds every text at once.
 */
const BATCH_CODE_POINTS = 4_000_000;

/** A searchable source's list fields. */
export interface SearchSourceInfo {
  id: string;
  title: string;
  kind: string;
  length: number;
}

/** The `where` of the sources a search covers (membership is checked by the caller). */
export function searchSourceWhere(projectId: string, filters: TSearchFilters) {
  return {
    projectId,
    ...(filters.kinds?.length ? { kind: { in: filters.kinds } } : {}),
    ...(filters.folderId ? { folderId: filters.folderId } : {}),
    ...(filters.sourceIds?.length ? { id: { in: filters.sourceIds } } : {}),
  };
}

/**
 * The sources a search covers, in the order of the Sources list (oldest first here: a project
 * reads like its import order), and an iterator over their texts in batches.
 * Callers must have checked the user's membership.
 */
export async function loadSearchSources(projectId: string, filters: TSearchFilters): Promise<{
  sources: SearchSourceInfo[];
  batches: () => AsyncGenerator<SearchText[]>;
}> {
  const sources = await db.source.findMany({
    where: searchSourceWhere(projectId, filters),
    select: { id: true, title: true, kind: true, length: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  async function* batches(): AsyncGenerator<SearchText[]> {
    let i = 0;
    while (i < sources.length) {
      const ids: string[] = [];
      let size = 0;
      while (i < sources.length && (ids.length === 0 || size + sources[i].length <= BATCH_CODE_POINTS)) {
        size += sources[i].length;
        ids.push(sources[i++].id);
      }
      const rows = await db.source.findMany({ where: { projectId, id: { in: ids } }, select: { id: true, text: true, structure: true } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      // Keep the list order; a source deleted meanwhile is skipped.
      yield ids.flatMap((id) => {
        const r = byId.get(id);
        return r ? [{ id: r.id, text: r.text, structure: r.structure }] : [];
      });
    }
  }
  return { sources, batches };
}
