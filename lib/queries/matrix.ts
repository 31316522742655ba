import { type CaseSourceRanges, caseMembership, caseRanges } from '../cases/parts';
import { ancestorsOf, codingsOfSubtree, toSegments, treeRows } from './filters';
import type { CodeMatrix, MatrixColumn, QueryCase, QueryCode, QueryCoding, QuerySegment, QuerySource } from './types';

/** Options of {@link codeMatrix}. */
export interface CodeMatrixOptions {
  by: 'source' | 'case';
  codes: readonly QueryCode[];
  /** Codings already filtered ({@link filterCodings}). */
  codings: readonly QueryCoding[];
  /** The columns for `by: 'source'` (in the order given), and every source's case for `by: 'case'`. */
  sources: readonly Pick<QuerySource, 'id' | 'title' | 'kind' | 'caseId'>[];
  /** The columns for `by: 'case'`, in the order given. */
  cases?: readonly QueryCase[];
  /**
   * Each case's text per source (lib/cases/parts.ts `caseRanges`), for `by: 'case'`; left out,
   * whole sources belong to their `caseId`.
   */
  caseRanges?: readonly CaseSourceRanges[];
}

/** Who holds which text: the ranges given, or whole sources by their caseId. */
const membershipOf = (sources: readonly Pick<QuerySource, 'id' | 'caseId'>[], ranges?: readonly CaseSourceRanges[]) =>
  caseMembership(ranges ?? caseRanges(sources.map((s) => ({ id: s.id, caseId: s.caseId, length: Number.MAX_SAFE_INTEGER }))));

/** Column keys of a coding: its source, or the cases whose text it overlaps ([''] for no case). */
function columnKeys(by: 'source' | 'case', c: Pick<QueryCoding, 'sourceId' | 'start' | 'end'>, membership: ReturnType<typeof caseMembership>): string[] {
  if (by === 'source') return [c.sourceId];
  const cases = membership.casesOf(c.sourceId, c.start, c.end);
  return cases.length ? cases : [''];
}

/**
 * Code × source or code × case. A cell holds the distinct coded segments — (source, start,
 * end) ranges — of the row's code **or any code below it** (the roll-up of
 * lib/coding/hierarchy.ts) in the column: the same span coded by two coders, or by two
 * concepts of one category, is one segment; partly overlapping spans are two. Presence is a
 * count above zero. Rows are every code in tree order. By case, a segment counts in every case
 * whose text it overlaps (lib/cases/parts.ts: whole sources, ranges, transcript speakers), and
 * a last column "No case" gathers segments in no case's text when there are any.
 */
export function codeMatrix(options: CodeMatrixOptions): CodeMatrix {
  const { by, codes, codings, sources } = options;
  const rows = treeRows(codes);
  const rowNo = new Map(rows.map((r, i) => [r.id, i]));
  const known = new Set(sources.map((s) => s.id));
  const membership = membershipOf(sources, options.caseRanges);
  const columns: MatrixColumn[] = by === 'source' ? sources.map((s) => ({ id: s.id, name: s.title, kind: s.kind })) : (options.cases ?? []).map((c) => ({ id: c.id, name: c.name }));
  const colNo = new Map(columns.map((c, j) => [c.id ?? '', j]));
  const chains = ancestorsOf(codes);
  // (row, segment) pairs already counted; a segment may lie in several case columns.
  const seen = new Set<string>();
  const counts = rows.map(() => columns.map(() => 0));
  const noCase = rows.map(() => 0);
  const rowTotals = rows.map(() => 0);
  for (const c of codings) {
    const chain = chains.get(c.codeId);
    if (!chain || !known.has(c.sourceId)) continue;
    const cols = columnKeys(by, c, membership);
    for (const codeId of chain) {
      const i = rowNo.get(codeId)!;
      const key = `${i}\u0000${c.sourceId}\u0000${c.start}\u0000${c.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rowTotals[i] += 1;
      for (const col of cols) {
        const j = colNo.get(col);
        if (j !== undefined) counts[i][j] += 1;
        else if (by === 'case' && col === '') noCase[i] += 1;
      }
    }
  }
  if (by === 'case' && noCase.some((n) => n > 0)) {
    columns.push({ id: null, name: 'No case' });
    rows.forEach((_, i) => counts[i].push(noCase[i]));
  }
  return { by, rows, columns, counts, rowTotals };
}

/**
 * The segments behind one cell of {@link codeMatrix}: the distinct segments of `codeId`'s
 * subtree in the column (a source id; a case id, or null for "No case"), in source and text order.
 */
export function matrixCellSegments(options: {
  by: 'source' | 'case';
  codes: readonly QueryCode[];
  codings: readonly QueryCoding[];
  sources: readonly Pick<QuerySource, 'id' | 'caseId'>[];
  codeId: string;
  columnId: string | null;
  caseRanges?: readonly CaseSourceRanges[];
}): QuerySegment[] {
  const known = new Set(options.sources.map((s) => s.id));
  const membership = membershipOf(options.sources, options.caseRanges);
  const inColumn = (c: QueryCoding) => known.has(c.sourceId) && columnKeys(options.by, c, membership).includes(options.columnId ?? '');
  return toSegments(codingsOfSubtree(options.codes, options.codings, options.codeId).filter(inColumn));
}
