import type { CodeLevel } from '../coding/hierarchy-types';
import { levelRows, rollUpTo, toSegments } from './filters';
import type { CoOccurrenceHit, CoOccurrenceMatrix, CoOccurrenceUnit, QueryCode, QueryCoding, QuerySegment, QuerySource } from './types';
import { paragraphUnits, type TextUnit, turnUnits, unitsTouching } from './units';

/** Options of {@link coOccurrence}. */
export interface CoOccurrenceOptions {
  codes: readonly QueryCode[];
  /** Codings already filtered ({@link filterCodings}). */
  codings: readonly QueryCoding[];
  /** Sources of the codings; with `text` (and `structure`) for the paragraph and turn units. */
  sources: readonly QuerySource[];
  unit: CoOccurrenceUnit;
  /** The level whose codes form the rows and columns; codings below it roll up to it. */
  level: CodeLevel;
  /** Also list the units where these two codes co-occur (the drill-down of a cell). */
  pair?: readonly [string, string];
}

/** Segments of one code at the chosen level in one source. */
interface Seg {
  code: number;
  segment: QuerySegment;
}

/**
 * Code co-occurrence at one level of the hierarchy: rows and columns are the codes of `level`
 * (codings of codes below roll up to their ancestor at that level; codings of codes above it,
 * or of codes not placed under one of its codes, are left out). A segment is a distinct
 * (source, start, end) range per code, so two coders coding the same span count once.
 *
 * What one co-occurrence is, by `unit` (each pair of codes counted once per unit):
 * - `overlap`: a pair of segments, one of each code, that share at least one code point
 *   (half-open ranges: spans that only touch do not overlap). Two segments of A overlapping one
 *   of B are two co-occurrences; the unit shown is the overlapping stretch.
 * - `paragraph` / `turn`: a paragraph or speaker turn (lib/queries/units.ts) holding at least
 *   one segment of each code; a segment running over several units is in each of them.
 *
 * The matrix is symmetric; its diagonal is 0 (a code with itself is not a co-occurrence).
 *
 * @returns the matrix, and with `pair` the units behind that cell (`hits`), in source and text order.
 * @throws {RangeError} when `pair` names the same code twice.
 */
export function coOccurrence(options: CoOccurrenceOptions): CoOccurrenceMatrix & { hits?: CoOccurrenceHit[] } {
  const { codes, unit, level } = options;
  const rows = levelRows(codes, level);
  const rowNo = new Map(rows.map((r, i) => [r.id, i]));
  const up = rollUpTo(codes, level);
  const counts = rows.map(() => rows.map(() => 0));
  let pair: [number, number] | null = null;
  if (options.pair) {
    const [a, b] = options.pair;
    if (a === b) throw new RangeError(`pair names the code '${a}' twice; a code does not co-occur with itself`);
    const i = rowNo.get(a);
    const j = rowNo.get(b);
    pair = i === undefined || j === undefined ? [-1, -1] : [i, j];
  }
  const hits: CoOccurrenceHit[] = [];
  const isPair = (x: number, y: number) => pair !== null && ((x === pair[0] && y === pair[1]) || (x === pair[1] && y === pair[0]));

  // Codings re-labelled with their code at the level, grouped into segments per code.
  const byCode = new Map<number, QueryCoding[]>();
  for (const c of options.codings) {
    const at = up.get(c.codeId);
    if (at === undefined || c.end <= c.start) continue;
    const i = rowNo.get(at)!;
    const list = byCode.get(i);
    if (list) list.push(c);
    else byCode.set(i, [c]);
  }
  const bySource = new Map<string, Seg[]>();
  for (const [code, list] of byCode) {
    for (const segment of toSegments(list)) {
      const arr = bySource.get(segment.sourceId);
      if (arr) arr.push({ code, segment });
      else bySource.set(segment.sourceId, [{ code, segment }]);
    }
  }

  const sourceById = new Map(options.sources.map((s) => [s.id, s]));
  const sourcesWithoutUnits: string[] = [];
  const sourceIds = [...bySource.keys()].sort();
  for (const sourceId of sourceIds) {
    const segs = bySource.get(sourceId)!.sort((x, y) => x.segment.start - y.segment.start || x.segment.end - y.segment.end || x.code - y.code);
    if (unit === 'overlap') {
      // Sweep in start order: each segment meets the earlier ones still open at its start.
      const open: Seg[] = [];
      for (const s of segs) {
        for (let k = open.length - 1; k >= 0; k--) if (open[k].segment.end <= s.segment.start) open.splice(k, 1);
        for (const o of open) {
          if (o.code === s.code) continue;
          counts[o.code][s.code] += 1;
          counts[s.code][o.code] += 1;
          if (isPair(o.code, s.code)) {
            const [first, second] = o.code === pair![0] ? [o, s] : [s, o];
            hits.push({ sourceId, start: Math.max(o.segment.start, s.segment.start), end: Math.min(o.segment.end, s.segment.end), segments: [first.segment, second.segment] });
          }
        }
        open.push(s);
      }
      continue;
    }
    const source = sourceById.get(sourceId);
    const text = source?.text ?? '';
    const units: TextUnit[] = unit === 'paragraph' ? paragraphUnits(text) : turnUnits(text, source?.structure);
    if (units.length === 0) {
      sourcesWithoutUnits.push(sourceId);
      continue;
    }
    // Unit → the segments in it.
    const inUnit = new Map<number, Seg[]>();
    for (const s of segs) {
      for (const u of unitsTouching(units, s.segment.start, s.segment.end)) {
        const list = inUnit.get(u);
        if (list) list.push(s);
        else inUnit.set(u, [s]);
      }
    }
    for (const u of [...inUnit.keys()].sort((x, y) => x - y)) {
      const list = inUnit.get(u)!;
      const present = [...new Set(list.map((s) => s.code))].sort((x, y) => x - y);
      for (let x = 0; x < present.length; x++) {
        for (let y = x + 1; y < present.length; y++) {
          counts[present[x]][present[y]] += 1;
          counts[present[y]][present[x]] += 1;
          if (isPair(present[x], present[y])) {
            const ordered = [...list.filter((s) => s.code === pair![0]), ...list.filter((s) => s.code === pair![1])];
            const { start, end, speaker } = units[u];
            hits.push({ sourceId, start, end, number: u + 1, ...(speaker ? { speaker } : {}), segments: ordered.map((s) => s.segment) });
          }
        }
      }
    }
  }
  return { unit, level, rows, counts, sourcesWithoutUnits, ...(options.pair ? { hits } : {}) };
}
