import { codingsOfSubtree, toSegments } from './filters';
import type { QueryCode, QueryCoding, QuerySegment, RetrievalOperator } from './types';

/** Options of {@link retrieve}. */
export interface RetrieveOptions {
  operator: RetrievalOperator;
  /** Code A; its codings and those of every code below it count. */
  a: string;
  /** Code B (subtree too). */
  b: string;
  codes: readonly QueryCode[];
  /** Codings already filtered ({@link filterCodings}). */
  codings: readonly QueryCoding[];
}

/** True when the half-open ranges share a code point. */
const overlaps = (x: QuerySegment, y: QuerySegment) => x.start < y.end && y.start < x.end;

/**
 * Boolean coded retrieval. Segments are distinct (source, start, end) ranges of a code's
 * subtree (two coders' identical spans are one segment):
 * - `and`: the segments of A that overlap at least one segment of B (share a code point) —
 *   A's segments whole, not the overlapping stretch nor the union with B, so every result is
 *   a span someone coded and can be opened as it was coded. B's segments are not listed.
 * - `or`: the segments of A and of B; a range coded with both is listed once, with both codes.
 * - `not`: the segments of A that overlap no segment of B.
 *
 * @returns segments in source and text order; `codeIds`/`codingIds` are those of the listed
 *   codings (A's for and/not; A's and B's for or).
 */
export function retrieve(options: RetrieveOptions): QuerySegment[] {
  const { operator, a, b, codes, codings } = options;
  const aCodings = codingsOfSubtree(codes, codings, a);
  if (operator === 'or') {
    const ids = new Set(aCodings.map((c) => c.id));
    return toSegments([...aCodings, ...codingsOfSubtree(codes, codings, b).filter((c) => !ids.has(c.id))]);
  }
  const bySource = new Map<string, QuerySegment[]>();
  for (const s of toSegments(codingsOfSubtree(codes, codings, b))) {
    const list = bySource.get(s.sourceId);
    if (list) list.push(s);
    else bySource.set(s.sourceId, [s]);
  }
  return toSegments(aCodings).filter((s) => {
    const hit = (bySource.get(s.sourceId) ?? []).some((t) => overlaps(s, t));
    return operator === 'and' ? hit : !hit;
  });
}
