/**
 * One entry per query over a project's loaded rows, as the worker job runs them
 * (lib/jobs/query-jobs.ts): filter the codings, then compute.
 */
import type { CaseSourceRanges } from '../cases/parts';
import type { CodeLevel } from '../coding/hierarchy-types';
import { coOccurrence } from './co-occurrence';
import { filterCodings, sourcesPassing } from './filters';
import { codeMatrix, matrixCellSegments } from './matrix';
import { retrieve } from './retrieval';
import type { CodeMatrix, CoOccurrenceHit, CoOccurrenceMatrix, CoOccurrenceUnit, QueryCase, QueryCaseValue, QueryCode, QueryCoding, QueryFilter, QuerySegment, QuerySource, RetrievalOperator } from './types';

/** A project's rows as the queries read them. */
export interface QueryData {
  codes: QueryCode[];
  codings: QueryCoding[];
  /** Every source of the project in title order (texts only when a unit needs them). */
  sources: QuerySource[];
  cases: QueryCase[];
  caseValues: QueryCaseValue[];
  /** Each case's text per source (lib/cases/parts.ts); left out, whole sources by their caseId. */
  caseRanges?: CaseSourceRanges[];
}

/** Which matrix. */
export type MatrixSpec = { matrix: 'source' | 'case' } | { matrix: 'cooccurrence'; unit: CoOccurrenceUnit; level: CodeLevel };

/** Sources the filter lets through (kind, case attribute): the columns of code × source. */
function columnsOf(data: QueryData, filter: QueryFilter): QuerySource[] {
  const kept = sourcesPassing(data.sources, filter, data.caseValues, data.caseRanges);
  return data.sources.filter((s) => kept.has(s.id));
}

/** A matrix under a filter. */
export function runMatrix(data: QueryData, filter: QueryFilter, spec: MatrixSpec): CodeMatrix | CoOccurrenceMatrix {
  const codings = filterCodings(data.codings, data.sources, filter, data.caseValues, data.caseRanges);
  if (spec.matrix === 'cooccurrence') return coOccurrence({ codes: data.codes, codings, sources: data.sources, unit: spec.unit, level: spec.level });
  const sources = spec.matrix === 'source' ? columnsOf(data, filter) : data.sources;
  return codeMatrix({ by: spec.matrix, codes: data.codes, codings, sources, cases: data.cases, caseRanges: data.caseRanges });
}

/** The segments behind a cell: `segments` of a code matrix cell, or the co-occurrence `hits`. */
export function runCell(data: QueryData, filter: QueryFilter, spec: MatrixSpec, row: string, column: string): { segments: QuerySegment[] } | { hits: CoOccurrenceHit[] } {
  const codings = filterCodings(data.codings, data.sources, filter, data.caseValues, data.caseRanges);
  if (spec.matrix === 'cooccurrence') {
    return { hits: coOccurrence({ codes: data.codes, codings, sources: data.sources, unit: spec.unit, level: spec.level, pair: [row, column] }).hits ?? [] };
  }
  return { segments: matrixCellSegments({ by: spec.matrix, codes: data.codes, codings, sources: data.sources, codeId: row, columnId: spec.matrix === 'case' && column === 'none' ? null : column, caseRanges: data.caseRanges }) };
}

/** Boolean coded retrieval under a filter. */
export function runRetrieval(data: QueryData, filter: QueryFilter, operator: RetrievalOperator, a: string, b: string): QuerySegment[] {
  return retrieve({ operator, a, b, codes: data.codes, codings: filterCodings(data.codings, data.sources, filter, data.caseValues, data.caseRanges) });
}
