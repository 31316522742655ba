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
}

/** Column key of a coding's source: the source, or its case ('' for no case). */
const columnKey = (by: 'source' | 'case', sourceId: string, caseOf: Map<string, string | null>) => (by === 'source' ? sourceId : (caseOf.get(sourceId) ?? ''));

/**
 * Code × source or code × case. A cell holds the distinct coded segments — (source, start,
 * end) ranges — of the row's code **or any code below it** (the roll-up of
 * lib/coding/hierarchy.ts) in the column: the same span coded by two coders, or by two
 * concepts of one category, is one segment; partly overlapping spans are two. Presence is a
 * count above zero. Rows are every code in tree order; by case, a last column "No case"
 * gathers sources without a case when any of their segments are counted.
 */
export function codeMatrix(options: CodeMatrixOptions): CodeMatrix {
  const { by, codes, codings, sources } = options;
  const rows = treeRows(codes);
  const rowNo = new Map(rows.map((r, i) => [r.id, i]));
  const caseOf = new Map(sources.map((s) => [s.id, s.caseId]));
  const columns: MatrixColumn[] = by === 'source' ? sources.map((s) => ({ id: s.id, name: s.title, kind: s.kind })) : (options.cases ?? []).map((c) => ({ id: c.id, name: c.name }));
  const colNo = new Map(columns.map((c, j) => [c.id ?? '', j]));
  const chains = ancestorsOf(codes);
  // (row, segment) pairs already counted: a segment lies in one source, so in one column.
  const seen = new Set<string>();
  const counts = rows.map(() => columns.map(() => 0));
  const noCase = rows.map(() => 0);
  const rowTotals = rows.map(() => 0);
  for (const c of codings) {
    const chain = chains.get(c.codeId);
    if (!chain || !caseOf.has(c.sourceId)) continue;
    const col = columnKey(by, c.sourceId, caseOf);
    const j = colNo.get(col);
    for (const codeId of chain) {
      const i = rowNo.get(codeId)!;
      const key = `${i}\u0000${c.sourceId}\u0000${c.start}\u0000${c.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rowTotals[i] += 1;
      if (j !== undefined) counts[i][j] += 1;
      else if (by === 'case' && col === '') noCase[i] += 1;
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
}): QuerySegment[] {
  const caseOf = new Map(options.sources.map((s) => [s.id, s.caseId]));
  const inColumn = (sourceId: string) => caseOf.has(sourceId) && (options.by === 'source' ? sourceId === options.columnId : (caseOf.get(sourceId) ?? null) === options.columnId);
  return toSegments(codingsOfSubtree(options.codes, options.codings, options.codeId).filter((c) => inColumn(c.sourceId)));
}
