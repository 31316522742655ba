/**
 * Case jobs for the worker threads: the case comparison matrix rendered as XLSX or DOCX
 * (exceljs and docx hold the request thread for large matrices).
 */
import type { CaseMatrix } from '../cases/matrix';
import { caseMatrixDocx, caseMatrixXlsx, type MatrixExportOptions } from '../cases/matrix-export';
import type { JobHandler } from './run-job';

export const caseJobs = {
  /** The case comparison matrix as one Excel sheet. */
  caseMatrixXlsx: (async (input) => caseMatrixXlsx(input.matrix, input.options)) as JobHandler<{ matrix: CaseMatrix; options: MatrixExportOptions }, Uint8Array>,
  /** The case comparison matrix as a landscape Word table. */
  caseMatrixDocx: (async (input) => caseMatrixDocx(input.matrix, input.options)) as JobHandler<{ matrix: CaseMatrix; options: MatrixExportOptions }, Uint8Array>,
};
