/**
 * Queries over coded data (matrices, co-occurrence, boolean coded retrieval) as plain data:
 * what the data layer loads, what the pure functions in lib/queries return, what the
 * Queries page draws. Offsets are code points, half-open `[start, end)` (lib/coding/offsets.ts).
 */
import type { CodeLevel } from '../coding/hierarchy-types';

/** A code as the queries read it (the hierarchy's fields; parents under the one-level-up rule). */
export interface QueryCode {
  id: string;
  label: string;
  name: string;
  level: CodeLevel;
  parentId: string | null;
  color: string;
}

/** One coding row. `createdAt` is an ISO timestamp (UTC). */
export interface QueryCoding {
  id: string;
  codeId: string;
  sourceId: string;
  start: number;
  end: number;
  coderId: string | null;
  createdAt: string;
}

/**
 * A source. `text` and `structure` are needed only for the paragraph and speaker-turn units of
 * co-occurrence (left out otherwise: texts are large).
 */
export interface QuerySource {
  id: string;
  title: string;
  kind: string;
  caseId: string | null;
  text?: string;
  /** Source.structure as stored (JSON), or null. */
  structure?: string | null;
}

export interface QueryCase {
  id: string;
  name: string;
}

/** A case's value of one attribute (CaseAttributeValue). */
export interface QueryCaseValue {
  caseId: string;
  attributeId: string;
  value: string;
}

/**
 * Which codings a query counts. Every filter given must hold (AND); a filter left out (or an
 * empty list) lets everything through. Filters apply to every coding a query reads, so in
 * A NOT B a coder filter also narrows the B codings that exclude A's segments.
 */
export interface QueryFilter {
  /** Source kinds (interview, literature, …). */
  sourceKinds?: string[];
  /** Coders' user ids; `'none'` stands for codings whose coder was deleted. */
  coderIds?: string[];
  /** First coding date included, `YYYY-MM-DD` (UTC). */
  from?: string;
  /** Last coding date included, `YYYY-MM-DD` (UTC). */
  to?: string;
  /** Only sources whose case has this attribute value (exact text as stored). */
  caseAttribute?: { attributeId: string; value: string };
}

/** A coded segment: a distinct (source, start, end) range, with the codings on it. */
export interface QuerySegment {
  sourceId: string;
  start: number;
  end: number;
  /** Codings behind the segment (of the code or codes it was found for), first by id. */
  codingIds: string[];
  /** Codes of those codings (distinct, in coding order). */
  codeIds: string[];
  /** Their coders (distinct; null for a deleted coder). */
  coderIds: Array<string | null>;
}

/** A row of a matrix: a code, its depth in the tree (0 for top-level codes), its level. */
export interface MatrixRow {
  id: string;
  label: string;
  name: string;
  level: CodeLevel;
  depth: number;
  color: string;
}

/** A column of a code × source or code × case matrix. `id` null: sources without a case. */
export interface MatrixColumn {
  id: string | null;
  name: string;
  /** For sources: the kind. */
  kind?: string;
}

/** Code × source or code × case: `counts[row][column]` distinct segments (rolled up), presence is count > 0. */
export interface CodeMatrix {
  by: 'source' | 'case';
  rows: MatrixRow[];
  columns: MatrixColumn[];
  counts: number[][];
  /** Distinct segments per row over all columns. */
  rowTotals: number[];
}

/** Co-occurrence units (see lib/queries/units.ts). */
export type CoOccurrenceUnit = 'overlap' | 'paragraph' | 'turn';
export const CO_OCCURRENCE_UNITS: readonly CoOccurrenceUnit[] = ['overlap', 'paragraph', 'turn'];

/** Code × code co-occurrence at one level of the hierarchy; symmetric, diagonal 0 (not defined). */
export interface CoOccurrenceMatrix {
  unit: CoOccurrenceUnit;
  level: CodeLevel;
  rows: MatrixRow[];
  counts: number[][];
  /** Sources with codings but no unit of the chosen kind (no paragraphs / no speaker turns). */
  sourcesWithoutUnits: string[];
}

/** One unit in which two codes co-occur: a stretch of a source and the segments of both codes in it. */
export interface CoOccurrenceHit {
  sourceId: string;
  /** The unit: the overlap of the two segments, the paragraph, or the speaker turn. */
  start: number;
  end: number;
  /** Speaker of a turn, when known. */
  speaker?: string;
  /** 1-based number of the paragraph or turn within its source (absent for overlaps). */
  number?: number;
  segments: QuerySegment[];
}

/** Boolean coded retrieval. */
export type RetrievalOperator = 'and' | 'or' | 'not';
