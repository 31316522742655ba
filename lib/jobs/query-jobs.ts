/**
 * Query jobs for the worker threads: matrices, a cell's segments, boolean retrieval and the
 * matrix exports. The request thread loads the project's rows (lib/server/data/queries); the
 * filtering, roll-ups, unit splitting and pair counting happen here.
 */
import { codeMatrixTable, coOccurrenceTable, matrixCsv, matrixXlsx } from '../queries/export';
import { type MatrixSpec, type QueryData, runCell, runMatrix, runRetrieval } from '../queries/run';
import type { CodeMatrix, CoOccurrenceMatrix, QueryFilter, RetrievalOperator } from '../queries/types';
import type { JobHandler } from './run-job';

type Base = { data: QueryData; filter: QueryFilter; spec: MatrixSpec };

export const queryJobs = {
  /** A code × source, code × case or co-occurrence matrix. */
  queryMatrix: (async (input) => runMatrix(input.data, input.filter, input.spec)) as JobHandler<Base, ReturnType<typeof runMatrix>>,
  /** The segments (or co-occurrence units) behind one cell. */
  queryCell: (async (input) => runCell(input.data, input.filter, input.spec, input.row, input.column)) as JobHandler<Base & { row: string; column: string }, ReturnType<typeof runCell>>,
  /** A AND / OR / NOT B. */
  queryRetrieval: (async (input) => runRetrieval(input.data, input.filter, input.operator, input.a, input.b)) as JobHandler<
    { data: QueryData; filter: QueryFilter; operator: RetrievalOperator; a: string; b: string },
    ReturnType<typeof runRetrieval>
  >,
  /** A matrix as CSV text or XLSX bytes. */
  queryExport: (async (input) => {
    const m = runMatrix(input.data, input.filter, input.spec);
    const table = input.spec.matrix === 'cooccurrence' ? coOccurrenceTable(m as CoOccurrenceMatrix, input.title) : codeMatrixTable(m as CodeMatrix, input.value, input.title);
    return input.format === 'csv' ? new TextEncoder().encode(matrixCsv(table)) : await matrixXlsx(table);
  }) as JobHandler<Base & { format: 'csv' | 'xlsx'; value: 'count' | 'presence'; title: string }, Uint8Array>,
};
