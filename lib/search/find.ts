/**
 * Finding every occurrence of a query in a source: a substring search over the folded copy of
 * the text (./normalize.ts), each match mapped back to stored code points.
 */
import type { CodePointRange } from '../coding/offsets';
import { normalizeForSearch, normalizeQuery, type NormalizedText } from './normalize';

/** The longest query accepted (code units after folding): longer ones are pasted paragraphs. */
export const MAX_QUERY_LENGTH = 500;

/**
 * Every non-overlapping occurrence of `query` in the text, in text order, as stored code point
 * ranges (`end` exclusive). Case, width and compatibility forms are ignored, whitespace runs
 * match any whitespace run; an empty or all-whitespace query finds nothing.
 *
 * @param text - the stored text, or its {@link normalizeForSearch} copy (reuse it for many queries).
 * @param query - what the user typed.
 * @returns the hits; two hits may map to ranges that touch but never overlap.
 * @example
 * findHits('信任平台，信任', '信任'); // [{ start: 0, end: 2 }, { start: 5, end: 7 }]
 */
export function findHits(text: string | NormalizedText, query: string): CodePointRange[] {
  const q = normalizeQuery(query);
  if (!q) return [];
  const n = typeof text === 'string' ? normalizeForSearch(text) : text;
  const hits: CodePointRange[] = [];
  let lastEnd = 0;
  for (let i = n.text.indexOf(q); i !== -1; i = n.text.indexOf(q, i + q.length)) {
    const range = n.toRange(i, i + q.length);
    // A match that starts inside the expansion of the character the previous hit ended in
    // ("ﬀ" → "ff", query "f") would share that character: it is the same hit.
    if (range.start < lastEnd) continue;
    hits.push(range);
    lastEnd = range.end;
  }
  return hits;
}
