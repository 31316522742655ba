/**
 * Which text belongs to which case. Pure.
 *
 * A case holds whole sources (Source.caseId) and parts of sources (CasePart): a range of a
 * source's text, or every turn of one transcript speaker (the turns stored at import in
 * Source.structure). This module turns both into, per case and source, the case's **ranges**:
 * sorted, merged, half-open `[start, end)` code point ranges. A whole source is `[0, length)`;
 * a speaker part is that speaker's turns; a plain range is itself. A source may feed several
 * cases — a focus group with two speakers assigned to two cases feeds both.
 *
 * How coding counts for a case (every case view — quantitizing, the case comparison matrix,
 * the code × case query matrix — uses these rules):
 *
 * - **membership** — a coding counts for a case when it shares at least one code point with
 *   the case's ranges in its source. A coding that spans two speakers' turns counts for both
 *   speakers' cases.
 * - **share of text** — only the coded code points *inside* the case's ranges count, over the
 *   total length of the case's ranges (see {@link insideLength}, {@link caseTextLength}).
 */

/** A source as case membership needs it. */
export interface CaseRangeSource {
  id: string;
  /** The case holding the whole source, if any. */
  caseId: string | null;
  /** Length of the text in code points. */
  length: number;
  /** Source.structure as stored (JSON with `turns: [{ speaker, start, end, … }]`), or null. */
  structure?: string | null;
}

/** A part of a source belonging to a case (CasePart). `speaker` '' for a plain range. */
export interface CasePartInput {
  caseId: string;
  sourceId: string;
  start: number;
  end: number;
  speaker: string;
}

/** A half-open code point range. */
export type Range = readonly [number, number];

/** The ranges of one case in one source: sorted, merged, non-empty unless the source is empty. */
export interface CaseSourceRanges {
  caseId: string;
  sourceId: string;
  ranges: Array<[number, number]>;
}

/** A transcript turn as stored in Source.structure. */
export interface StoredTurn {
  speaker: string;
  start: number;
  end: number;
}

/** The stored turns of a source (well-formed ones only; [] when none or unreadable). */
export function storedTurns(structure: string | null | undefined): StoredTurn[] {
  if (!structure) return [];
  try {
    const parsed = JSON.parse(structure) as { turns?: unknown };
    if (!Array.isArray(parsed.turns)) return [];
    return (parsed.turns as Array<Partial<StoredTurn>>)
      .filter((t) => Number.isInteger(t.start) && Number.isInteger(t.end) && t.end! > t.start!)
      .map((t) => ({ speaker: typeof t.speaker === 'string' ? t.speaker : '', start: t.start!, end: t.end! }));
  } catch {
    return [];
  }
}

/**
 * The distinct speakers of a source's stored turns, in order of first appearance, with how
 * many turns each has. Turns without a speaker are left out.
 * @example speakersOf('{"turns":[{"speaker":"A","start":0,"end":3},{"speaker":"B","start":4,"end":6}]}') // [{ speaker: 'A', turns: 1 }, { speaker: 'B', turns: 1 }]
 */
export function speakersOf(structure: string | null | undefined): Array<{ speaker: string; turns: number }> {
  const counts = new Map<string, number>();
  for (const t of storedTurns(structure)) if (t.speaker) counts.set(t.speaker, (counts.get(t.speaker) ?? 0) + 1);
  return [...counts].map(([speaker, turns]) => ({ speaker, turns }));
}

/** Sorts and merges ranges (touching ranges join); empty ranges are dropped unless all are empty. */
export function mergeRanges(ranges: readonly Range[]): Array<[number, number]> {
  const sorted = ranges.map(([a, b]) => [a, b] as [number, number]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const nonEmpty = sorted.filter(([a, b]) => b > a);
  if (nonEmpty.length === 0) return sorted.length ? [sorted[0]] : [];
  const out: Array<[number, number]> = [];
  for (const [a, b] of nonEmpty) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * Each case's ranges per source (see the module comment), for the cases that have any, ordered
 * by case then source as first met (sources' whole-source cases first, then parts in order).
 * Parts of unknown sources and speaker parts whose speaker has no turns give nothing; ranges
 * are clipped to the source.
 * @example
 * // A focus group (turns: A 0–10, B 10–20, A 20–30) with A in case x, B in case y:
 * caseRanges([{ id: 's', caseId: null, length: 30, structure }], [{ caseId: 'x', sourceId: 's', start: 0, end: 30, speaker: 'A' }, { caseId: 'y', sourceId: 's', start: 0, end: 30, speaker: 'B' }])
 * // [{ caseId: 'x', sourceId: 's', ranges: [[0, 10], [20, 30]] }, { caseId: 'y', sourceId: 's', ranges: [[10, 20]] }]
 */
export function caseRanges(sources: readonly CaseRangeSource[], parts: readonly CasePartInput[] = []): CaseSourceRanges[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const collected = new Map<string, { caseId: string; sourceId: string; ranges: Range[] }>();
  const add = (caseId: string, sourceId: string, ranges: readonly Range[]) => {
    const key = `${caseId}\u0000${sourceId}`;
    const entry = collected.get(key);
    if (entry) entry.ranges.push(...ranges);
    else collected.set(key, { caseId, sourceId, ranges: [...ranges] });
  };
  for (const s of sources) if (s.caseId) add(s.caseId, s.id, [[0, s.length]]);
  const turnsCache = new Map<string, StoredTurn[]>();
  for (const p of parts) {
    const source = byId.get(p.sourceId);
    if (!source) continue;
    let ranges: Range[];
    if (p.speaker) {
      let turns = turnsCache.get(source.id);
      if (!turns) turnsCache.set(source.id, (turns = storedTurns(source.structure)));
      ranges = turns.filter((t) => t.speaker === p.speaker).map((t) => [t.start, t.end] as const);
    } else {
      ranges = [[p.start, p.end]];
    }
    const clipped = ranges.map(([a, b]) => [Math.max(0, a), Math.min(source.length, b)] as const).filter(([a, b]) => b > a);
    if (clipped.length) add(p.caseId, source.id, clipped);
  }
  return [...collected.values()].map((e) => ({ caseId: e.caseId, sourceId: e.sourceId, ranges: mergeRanges(e.ranges) }));
}

/** True when `[start, end)` shares a code point with one of the (sorted, merged) ranges. */
export function overlapsRanges(ranges: readonly Range[], start: number, end: number): boolean {
  for (const [a, b] of ranges) {
    if (a >= end) return false;
    if (start < b && a < end) return true;
  }
  return false;
}

/** The code points of `[start, end)` inside the (sorted, merged) ranges. */
export function insideLength(ranges: readonly Range[], start: number, end: number): number {
  let n = 0;
  for (const [a, b] of ranges) {
    if (a >= end) break;
    n += Math.max(0, Math.min(b, end) - Math.max(a, start));
  }
  return n;
}

/** Total length of ranges (sorted, merged). */
export const rangesLength = (ranges: readonly Range[]): number => ranges.reduce((n, [a, b]) => n + (b - a), 0);

/** Who holds which text: look-ups over {@link caseRanges}' result. */
export interface CaseMembership {
  /** The cases a coding of `[start, end)` in the source counts for, in the order of the ranges. */
  casesOf(sourceId: string, start: number, end: number): string[];
  /** The case's ranges in a source ([] when none). */
  rangesOf(caseId: string, sourceId: string): ReadonlyArray<[number, number]>;
  /** The sources the case has text in. */
  sourcesOf(caseId: string): string[];
  /** Total length of the case's ranges over all its sources. */
  caseTextLength(caseId: string): number;
  /** True when any case has text in the source. */
  hasCase(sourceId: string): boolean;
}

/** Builds the look-ups of {@link CaseMembership} from a list of case ranges. */
export function caseMembership(list: readonly CaseSourceRanges[]): CaseMembership {
  const bySource = new Map<string, CaseSourceRanges[]>();
  const byCase = new Map<string, CaseSourceRanges[]>();
  for (const e of list) {
    (bySource.get(e.sourceId) ?? bySource.set(e.sourceId, []).get(e.sourceId)!).push(e);
    (byCase.get(e.caseId) ?? byCase.set(e.caseId, []).get(e.caseId)!).push(e);
  }
  return {
    casesOf: (sourceId, start, end) => (bySource.get(sourceId) ?? []).filter((e) => overlapsRanges(e.ranges, start, end)).map((e) => e.caseId),
    rangesOf: (caseId, sourceId) => (byCase.get(caseId) ?? []).find((e) => e.sourceId === sourceId)?.ranges ?? [],
    sourcesOf: (caseId) => (byCase.get(caseId) ?? []).map((e) => e.sourceId),
    caseTextLength: (caseId) => (byCase.get(caseId) ?? []).reduce((n, e) => n + rangesLength(e.ranges), 0),
    hasCase: (sourceId) => bySource.has(sourceId),
  };
}

/** "characters 1,200–3,400" (1-based first character, as people count). */
export function describeRange(start: number, end: number): string {
  const f = (n: number) => n.toLocaleString('en-US');
  return `characters ${f(start + 1)}–${f(end)}`;
}
