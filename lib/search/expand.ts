/**
 * Widening a search hit to the unit a researcher codes: its paragraph or its speaker turn.
 *
 * Paragraphs are what the workbench shows (lib/coding/doc-positions.ts): the stored text split
 * on '\n', one paragraph per line. Turns come from an imported transcript's structure
 * (`Source.structure.turns`, code point offsets). All offsets are code points, `end` exclusive.
 */
import { codePointLength, getOffsetIndex, type CodePointRange } from '../coding/offsets';
import { isSearchSpace } from './normalize';

/** A speaker turn kept at import: `[start, end)` in code points. */
export interface SearchTurn {
  speaker?: string;
  start: number;
  end: number;
}

/** The unit each hit is widened to before coding. */
export type HitUnit = 'hit' | 'paragraph' | 'turn';

/**
 * The paragraph(s) a hit lies in — from the start of the line holding its first character to
 * the end of the line holding its last — with whitespace trimmed from both ends, as the
 * workbench trims a selection before coding it.
 *
 * @param text - the stored text.
 * @param hit - a non-empty code point range inside the text.
 * @returns the paragraph's range (never empty: it contains the hit's visible characters).
 * @example
 * paragraphRange('a\n信任平台\nb', { start: 3, end: 5 }); // { start: 2, end: 6 }
 */
export function paragraphRange(text: string, hit: CodePointRange): CodePointRange {
  const index = getOffsetIndex(text);
  const from = index.toUtf16(hit.start);
  const to = index.toUtf16(Math.max(hit.start, hit.end - 1)); // the hit's last character
  let a = from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
  let b = text.indexOf('\n', to);
  if (b === -1) b = text.length;
  // Trim, keeping at least the hit itself.
  while (a < from && isSearchSpace(text.charCodeAt(a))) a++;
  const hitEnd = index.toUtf16(hit.end);
  while (b > hitEnd && isSearchSpace(text.charCodeAt(b - 1))) b--;
  return { start: index.toCodePoint(a), end: index.toCodePoint(b) };
}

/**
 * The speaker turn(s) a hit lies in: from the turn holding its first character to the turn
 * holding its last.
 *
 * @param turns - the source's turns, any order.
 * @param hit - a non-empty code point range.
 * @returns the turns' range, or null when the hit's start lies in no turn.
 * @example
 * turnRange([{ start: 0, end: 10 }, { start: 10, end: 30 }], { start: 12, end: 14 }); // { start: 10, end: 30 }
 */
export function turnRange(turns: readonly SearchTurn[], hit: CodePointRange): CodePointRange | null {
  const first = turns.find((t) => t.start <= hit.start && hit.start < t.end);
  if (!first) return null;
  const last = turns.find((t) => t.start < hit.end && hit.end <= t.end) ?? first;
  return { start: Math.min(first.start, last.start, hit.start), end: Math.max(first.end, last.end, hit.end) };
}

/**
 * The ranges to code for a source's hits: each hit itself, its paragraph, or its speaker turn
 * (a hit outside every turn — or a source without turns — falls back to its paragraph). Hits in
 * the same unit give one range; the result is sorted and has no duplicates.
 *
 * @param text - the stored text.
 * @param hits - hits in the text (code points).
 * @param unit - what to code.
 * @param turns - the source's speaker turns (empty when none).
 * @returns distinct ranges, in text order.
 * @example
 * rangesToCode(text, hits, 'turn', source.turns);
 */
export function rangesToCode(text: string, hits: readonly CodePointRange[], unit: HitUnit, turns: readonly SearchTurn[] = []): CodePointRange[] {
  const length = codePointLength(text);
  const valid = turns.filter((t) => Number.isInteger(t.start) && Number.isInteger(t.end) && t.start >= 0 && t.end <= length && t.start < t.end);
  const seen = new Set<string>();
  const out: CodePointRange[] = [];
  for (const hit of hits) {
    const range = unit === 'hit' ? hit : unit === 'turn' ? (turnRange(valid, hit) ?? paragraphRange(text, hit)) : paragraphRange(text, hit);
    const key = `${range.start}:${range.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(range);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The speaker turns of a source's `structure` JSON (`{ turns?: [{speaker,startMs,endMs,start,end}] }`),
 * or [] when it has none or does not parse.
 *
 * @param structure - the stored JSON string, or null.
 * @returns the turns.
 * @example
 * parseTurns(source.structure);
 */
export function parseTurns(structure: string | null | undefined): SearchTurn[] {
  if (!structure) return [];
  try {
    const parsed = JSON.parse(structure) as { turns?: unknown };
    if (!Array.isArray(parsed.turns)) return [];
    return parsed.turns.filter(
      (t): t is SearchTurn => !!t && typeof t === 'object' && typeof (t as SearchTurn).start === 'number' && typeof (t as SearchTurn).end === 'number',
    );
  } catch {
    return [];
  }
}
