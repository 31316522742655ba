/**
 * Search over many sources at once (the across-sources search page and "code all hits"): the
 * hits of each source, with context for the list, and the ranges to code. Pure and linear in
 * the total text length; the server runs it in a worker job (lib/jobs/search-jobs.ts).
 */
import type { CodePointRange } from '../coding/offsets';
import { excerpt } from '../coding/segments';
import { rangesToCode, parseTurns, type HitUnit } from './expand';
import { findHits } from './find';

/** One source to search. */
export interface SearchText {
  id: string;
  text: string;
  /** The source's `structure` JSON (speaker turns), when it has one. */
  structure?: string | null;
}

/** One hit as the results list shows it. */
export interface SearchHit {
  start: number;
  end: number;
  /** The stored text of the hit (not the folded form: what the source says). */
  text: string;
  before: string;
  after: string;
}

/** A source's hits: how many in all, and the first few with context. */
export interface SourceSearchResult {
  sourceId: string;
  total: number;
  hits: SearchHit[];
}

/**
 * Hits of `query` in each text that has any, in the given order.
 *
 * @param texts - the sources to search.
 * @param query - what the user typed (folded: see lib/search/normalize.ts).
 * @param options.hitsPerSource - hits returned with context per source (all are counted).
 * @param options.context - code points of context on each side.
 * @returns one entry per source with at least one hit.
 * @example
 * searchTexts([{ id: 's1', text: '信任平台' }], '信任'); // [{ sourceId: 's1', total: 1, hits: [...] }]
 */
export function searchTexts(texts: readonly SearchText[], query: string, options: { hitsPerSource?: number; context?: number } = {}): SourceSearchResult[] {
  const perSource = options.hitsPerSource ?? 50;
  const context = options.context ?? 60;
  const out: SourceSearchResult[] = [];
  for (const t of texts) {
    const hits = findHits(t.text, query);
    if (hits.length === 0) continue;
    out.push({
      sourceId: t.id,
      total: hits.length,
      hits: hits.slice(0, perSource).map((h) => ({ start: h.start, end: h.end, ...withinParagraph(excerpt(t.text, h.start, h.end, context)) })),
    });
  }
  return out;
}

/** Context stops at the hit's paragraph: the next line is another speaker or another topic. */
function withinParagraph(e: { text: string; before: string; after: string }): { text: string; before: string; after: string } {
  const nl = e.after.indexOf('\n');
  return { text: e.text, before: e.before.slice(e.before.lastIndexOf('\n') + 1), after: nl === -1 ? e.after : e.after.slice(0, nl) };
}

/** The ranges to code in one source. */
export interface SourceCodeRanges {
  sourceId: string;
  hits: number;
  ranges: CodePointRange[];
}

/**
 * For "code all hits" and "code each hit's paragraph or speaker turn": the distinct ranges to
 * code in each source with hits (see {@link rangesToCode}).
 *
 * @param texts - the sources to search.
 * @param query - what the user typed.
 * @param unit - code the hit itself, its paragraph, or its speaker turn.
 * @returns one entry per source with at least one hit.
 * @example
 * rangesForHits(texts, '信任', 'paragraph');
 */
export function rangesForHits(texts: readonly SearchText[], query: string, unit: HitUnit): SourceCodeRanges[] {
  const out: SourceCodeRanges[] = [];
  for (const t of texts) {
    const hits = findHits(t.text, query);
    if (hits.length === 0) continue;
    out.push({ sourceId: t.id, hits: hits.length, ranges: rangesToCode(t.text, hits, unit, unit === 'turn' ? parseTurns(t.structure) : []) });
  }
  return out;
}
