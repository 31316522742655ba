/**
 * Dataset jobs for the worker threads: reading an uploaded file, applying computed variables,
 * paging rows for the grid, scale reliability and running analyses. Each works on a version's
 * stored form (variables + gzip bytes) so the request thread never decodes or parses data.
 *
 * Expected failures — a bad file, a bad recipe, data an estimator cannot use, unknown options —
 * become AppError INVALID_INPUT with the library's message (it names the row and column), so
 * they cross the thread boundary as data and reach the user as 400s.
 */
import { runAnalysis } from '../cli/run';
import { analysisDiagnostics, type DiagnosticsOutcome } from './analysis-diagnostics';
import { type OfficeFormat, renderOfficeTable } from './render-table';
import type { PubTable } from '../stats/tables';
import { CliUsageError } from '../cli/args';
import { DatasetImportError } from '../datasets/import/errors';
import { type ImportOptions, parseDataset, previewDataset, type TypeOverrides } from '../datasets/import';
import { scaleReliability, type Scale } from '../datasets/scales';
import { decodeDataset, type EncodedDataset, encodeDataset } from '../datasets/storage';
import { applyTransforms, DatasetTransformError, parseTransforms } from '../datasets/transform';
import type { Dataset, Variable } from '../datasets/types';
import { AppError } from '../errors/app-error';
import { MixedMethodsError } from '../mixed/errors';
import { StatsError } from '../stats/errors';
import type { Cell } from '../stats/frame';
import type { JobHandler } from './run-job';

/** A stored version as a job receives it. */
export type StoredVersion = { versionId: string; variables: Variable[]; rowCount: number; data: Uint8Array };

/** Options for reading a file (from the upload's query). */
export type ReadOptions = Pick<ImportOptions, 'sheet' | 'encoding' | 'delimiter' | 'decimalComma'>;

function asInvalidInput(error: unknown): never {
  if (error instanceof DatasetImportError || error instanceof DatasetTransformError || error instanceof StatsError || error instanceof CliUsageError || error instanceof MixedMethodsError) {
    throw new AppError('INVALID_INPUT', { message: `${error.name}: ${error.message}`, userMessage: error.message.charAt(0).toUpperCase() + error.message.slice(1) });
  }
  throw error;
}

/** Runs a job body; the libraries' expected errors become AppError INVALID_INPUT (shared with ./mixed-jobs). */
export async function guard<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return asInvalidInput(error);
  }
}

// The last versions a thread decoded: the grid pages through one version many times.
const decoded = new Map<string, Dataset>();
/** A stored version decoded, from this thread's small cache (shared with ./mixed-jobs). */
export function open(version: StoredVersion): Dataset {
  const hit = decoded.get(version.versionId);
  if (hit) {
    decoded.delete(version.versionId);
    decoded.set(version.versionId, hit);
    return hit;
  }
  const dataset = decodeDataset(version.variables, version.rowCount, version.data);
  decoded.set(version.versionId, dataset);
  while (decoded.size > 2) decoded.delete(decoded.keys().next().value as string);
  return dataset;
}

export const datasetJobs = {
  /** An uploaded file → what the preview shows (types inferred, first rows, sheets, detected encoding). */
  datasetPreview: (async (input) => guard(() => previewDataset(input.bytes, input.fileName, input.options))) as JobHandler<
    { bytes: Uint8Array; fileName: string; options: ReadOptions },
    Awaited<ReturnType<typeof previewDataset>>
  >,

  /** An uploaded file (with the user's type choices) → the stored form of version 1. */
  datasetImport: (async (input, progress) =>
    guard(async () => {
      progress({ stage: 'reading' });
      const dataset = await parseDataset(input.bytes, input.fileName, { ...input.options, overrides: input.overrides });
      progress({ stage: 'storing' });
      return encodeDataset(dataset);
    })) as JobHandler<{ bytes: Uint8Array; fileName: string; options: ReadOptions; overrides: TypeOverrides }, EncodedDataset>,

  /** Computed variables / recodes on a version → the stored form of the next version. */
  datasetTransform: (async (input) => guard(() => encodeDataset(applyTransforms(open(input.version), parseTransforms(input.transforms))))) as JobHandler<
    { version: StoredVersion; transforms: unknown[] },
    EncodedDataset
  >,

  /** Rows [offset, offset + limit) of a version, row-major, for the data grid. */
  datasetRows: (async (input) => {
    const dataset = open(input.version);
    const end = Math.min(dataset.rowCount, input.offset + input.limit);
    const columns = dataset.variables.map((v) => dataset.columns[v.name]);
    const rows: Cell[][] = [];
    for (let i = input.offset; i < end; i++) rows.push(columns.map((c) => c[i]));
    return { offset: input.offset, rows };
  }) as JobHandler<{ version: StoredVersion; offset: number; limit: number }, { offset: number; rows: Cell[][] }>,

  /** A version as CSV (names as header, missing empty): the file the CLI and the R script read. */
  datasetCsv: (async (input) => {
    const dataset = open(input.version);
    const { default: Papa } = await import('papaparse');
    const columns = dataset.variables.map((v) => dataset.columns[v.name]);
    const rows = Array.from({ length: dataset.rowCount }, (_, i) => columns.map((c) => c[i] ?? ''));
    return new TextEncoder().encode(Papa.unparse({ fields: dataset.variables.map((v) => v.name), data: rows }, { newline: '\n' }) + '\n');
  }) as JobHandler<{ version: StoredVersion }, Uint8Array>,

  /** α, ω, item-total correlations and α-if-deleted of a scale on a version. */
  scaleReliability: (async (input) => guard(() => scaleReliability(open(input.version), input.scale))) as JobHandler<
    { version: StoredVersion; scale: Scale },
    ReturnType<typeof scaleReliability>
  >,

  /** One analysis with the CLI's options on a version; bootstrap progress as `{stage:'bootstrap', done, total}`. */
  datasetAnalysis: (async (input, progress) =>
    guard(() => {
      const dataset = open(input.version);
      return runAnalysis(input.kind, dataset.columns as Record<string, readonly Cell[]>, input.options, {
        onProgress: (done, total) => progress({ stage: 'bootstrap', done, total }),
      });
    })) as JobHandler<{ version: StoredVersion; kind: string; options: string[] }, unknown>,

  /**
   * Residual diagnostics of a saved analysis (ols: the final model; moderate; did): the model
   * refitted on the version → fitted values, residuals, focal X and Y (an evenly spaced subsample
   * of at most 5000 cases), the histogram and the Q–Q sample from all residuals
   * (lib/stats/diagnostics). Panel models and by-group runs: `available: false` with a reason.
   */
  analysisDiagnostics: (async (input) =>
    guard(() => analysisDiagnostics(input.kind, open(input.version).columns as Record<string, readonly Cell[]>, input.options))) as JobHandler<
    { version: StoredVersion; kind: string; options: string[] },
    DiagnosticsOutcome
  >,

  /** A built publication table → the .docx or .xlsx file (analysis and comparison exports). */
  renderAnalysisTable: (async (input) => renderOfficeTable(input.table, input.format)) as JobHandler<{ table: PubTable; format: OfficeFormat }, Uint8Array<ArrayBuffer>>,
};
