/**
 * The case comparison matrix (multi-case studies): cases × codes of one hierarchy level. A
 * cell counts the distinct coded segments — (source, start, end) ranges — of the column's code
 * or any code below it (the one-level-up reading of lib/coding/hierarchy.ts) in the case's
 * sources: one span coded by two coders, or by two concepts of the category, counts once;
 * partially overlapping spans are different segments. Presence is count > 0. What the case's
 * text is — whole sources and parts of sources — and when a coding counts for it (it overlaps
 * the case's ranges) are defined in ./parts.ts. Pure.
 */
import { type CasePartInput, caseMembership, caseRanges } from './parts';
import { indexHierarchy, orderCodes } from '../coding/hierarchy';
import { type CodeLevel, type HierarchyCode, LEVEL_NAME } from '../coding/hierarchy-types';

/** What a cell shows. */
export const MATRIX_CELL_MODES = ['presence', 'count', 'summary'] as const;
export type MatrixCellMode = (typeof MATRIX_CELL_MODES)[number];
export const MATRIX_CELL_LABELS: Record<MatrixCellMode, string> = { presence: 'Presence (✓)', count: 'Coded segments', summary: 'Team summary' };

/** A column of the matrix. */
export interface MatrixColumn {
  id: string;
  label: string;
  name: string;
}

/** A row: a case, its key attribute values and its cells (one per column, in order). */
export interface MatrixRow {
  caseId: string;
  caseName: string;
  /** Sources the case has text in (whole, or parts of them). */
  sources: number;
  /** Values of the chosen key attributes, in order (canonical text, '' = none). */
  attributes: string[];
  /** Distinct segments per column. */
  counts: number[];
  /** The team's summary per column ('' = none). */
  summaries: string[];
}

export interface CaseMatrix {
  level: CodeLevel;
  columns: MatrixColumn[];
  attributes: Array<{ id: string; name: string; type: string }>;
  rows: MatrixRow[];
  /** Sources no case has any text of (left out of the matrix). */
  sourcesWithoutCase: number;
}

/** Options of {@link buildCaseMatrix}. */
export interface BuildCaseMatrixOptions {
  level: CodeLevel;
  codes: readonly HierarchyCode[];
  cases: ReadonlyArray<{ id: string; name: string }>;
  /**
   * The project's sources with their case (null = none); `length` (code points) and
   * `structure` are needed when parts of them belong to cases.
   */
  sources: ReadonlyArray<{ id: string; caseId: string | null; length?: number; structure?: string | null }>;
  /** Parts of sources that belong to cases (./parts.ts). */
  parts?: readonly CasePartInput[];
  codings: ReadonlyArray<{ codeId: string; sourceId: string; start: number; end: number }>;
  /** Key attributes shown before the codes, in order, with each case's values. */
  attributes?: ReadonlyArray<{ id: string; name: string; type: string; values: Readonly<Record<string, string>> }>;
  /** Summaries: caseId → codeId → text. */
  summaries?: ReadonlyArray<{ caseId: string; codeId: string; text: string }>;
}

/**
 * For each code, its ancestor at `level` (itself when at that level), under the one-level-up
 * reading; codes above the level, or not placed under one at the level, map to nothing.
 */
export function ancestorAtLevel(codes: readonly HierarchyCode[], level: CodeLevel): Map<string, string> {
  const index = indexHierarchy(codes);
  const out = new Map<string, string>();
  for (const code of index.byId.values()) {
    let at: string | null = code.id;
    while (at !== null && index.byId.get(at)!.level < level) at = index.parentOf.get(at) ?? null;
    if (at !== null && index.byId.get(at)!.level === level) out.set(code.id, at);
  }
  return out;
}

/** The codes of one level in the order the hierarchy views show them (by label number, then name). */
export function levelColumns(codes: readonly HierarchyCode[], level: CodeLevel): MatrixColumn[] {
  return orderCodes(codes.filter((c) => c.level === level)).map((c) => ({ id: c.id, label: c.label, name: c.name }));
}

/**
 * Builds the case comparison matrix.
 * @example
 * // Two coders coding 0–10 in P1's interview with C1 (under B1) count once for B1:
 * buildCaseMatrix({ level: 2, codes, cases: [{ id: 'p1', name: 'P1' }], sources: [{ id: 's', caseId: 'p1' }],
 *   codings: [{ codeId: 'c1', sourceId: 's', start: 0, end: 10 }, { codeId: 'c1', sourceId: 's', start: 0, end: 10 }] }).rows[0].counts // [1]
 */
export function buildCaseMatrix(options: BuildCaseMatrixOptions): CaseMatrix {
  const columns = levelColumns(options.codes, options.level);
  const columnNo = new Map(columns.map((c, j) => [c.id, j]));
  const up = ancestorAtLevel(options.codes, options.level);
  const membership = caseMembership(caseRanges(options.sources.map((s) => ({ ...s, length: s.length ?? Number.MAX_SAFE_INTEGER })), options.parts));
  const rowNo = new Map(options.cases.map((c, i) => [c.id, i]));
  const seen = options.cases.map(() => columns.map(() => new Set<string>()));
  for (const coding of options.codings) {
    const col = up.get(coding.codeId);
    const j = col === undefined ? undefined : columnNo.get(col);
    if (j === undefined) continue;
    for (const caseId of membership.casesOf(coding.sourceId, coding.start, coding.end)) {
      const i = rowNo.get(caseId);
      if (i !== undefined) seen[i][j].add(`${coding.sourceId}\u0000${coding.start}\u0000${coding.end}`);
    }
  }
  const summary = new Map((options.summaries ?? []).map((s) => [`${s.caseId}\u0000${s.codeId}`, s.text]));
  const sourcesWithoutCase = options.sources.filter((s) => !membership.hasCase(s.id)).length;
  const attributes = options.attributes ?? [];
  return {
    level: options.level,
    columns,
    attributes: attributes.map((a) => ({ id: a.id, name: a.name, type: a.type })),
    rows: options.cases.map((c, i) => ({
      caseId: c.id,
      caseName: c.name,
      sources: membership.sourcesOf(c.id).length,
      attributes: attributes.map((a) => a.values[c.id] ?? ''),
      counts: seen[i].map((set) => set.size),
      summaries: columns.map((col) => summary.get(`${c.id}\u0000${col.id}`) ?? ''),
    })),
    sourcesWithoutCase,
  };
}

/** A column's heading: "B3 Trust" (the label, when there is one, then the name). */
export const columnHeading = (c: Pick<MatrixColumn, 'label' | 'name'>) => (c.label ? `${c.label} ${c.name}` : c.name);

/** The text of a cell in a mode: "✓" / "", the count, or the summary. */
export function cellText(row: MatrixRow, j: number, mode: MatrixCellMode): string {
  if (mode === 'presence') return row.counts[j] > 0 ? '✓' : '';
  if (mode === 'count') return String(row.counts[j]);
  return row.summaries[j];
}

/** "Case comparison matrix: categories × 4 cases (coded segments)". */
export function matrixTitle(matrix: Pick<CaseMatrix, 'level' | 'rows'>, mode: MatrixCellMode): string {
  return `Case comparison matrix: ${matrix.rows.length} cases × ${LEVEL_NAME[matrix.level]} codes (${MATRIX_CELL_LABELS[mode].toLowerCase()})`;
}

/** The note under an exported matrix, saying how cells were counted. */
export function matrixNote(mode: MatrixCellMode): string {
  const counting = 'A code counts with every code below it in the hierarchy; a passage coded by several coders or codes counts once.';
  if (mode === 'presence') return `✓ = the case has at least one coded segment of the code. ${counting}`;
  if (mode === 'count') return `Cells: distinct coded segments in the case's text (its sources, or the speakers and passages of sources it holds). ${counting}`;
  return 'Cells: the team’s summary of the code in the case.';
}
