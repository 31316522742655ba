import 'server-only';

import type { DatasetPreview } from '@/lib/datasets/import';
import type { Scale } from '@/lib/datasets/scales';
import type { Variable } from '@/lib/datasets/types';
import { AppError } from '@/lib/errors/app-error';
import type { ReadOptions, StoredVersion } from '@/lib/jobs/dataset-jobs';
import type { JobProgress } from '@/lib/jobs/run-job';
import type { Cell } from '@/lib/stats/frame';
import type { TAnalysisSpec, TDatasetReadOptions } from '@/lib/validation/dataset';

import { runJob } from '../../jobs/pool';
import { type SavedAnalysis, saveAnalysis } from './analyses';
import { addDatasetVersion, authorizeDatasetWrite, createDataset, type DatasetVersionMeta, loadDatasetVersion } from './datasets';
import { listScales } from './scales';

/**
 * Dataset work that needs the data decoded or parsed: each step runs in a worker thread
 * (lib/jobs/dataset-jobs.ts) on the bytes the data layer loaded, so a 100,000-row survey never
 * holds the request thread. Authorization happens in the data-layer calls, before any job.
 */

const transferOf = (bytes: Uint8Array) => [bytes.buffer as ArrayBuffer];
const stored = (v: Awaited<ReturnType<typeof loadDatasetVersion>>): StoredVersion => ({ versionId: v.id, variables: v.variables, rowCount: v.rowCount, data: v.data });

function readOptions(options: TDatasetReadOptions): ReadOptions {
  return { sheet: options.sheet, encoding: options.encoding, delimiter: options.delimiter, decimalComma: options.decimalComma };
}

/** What a dataset upload would import (types, first rows, sheets, encoding). Nothing is stored. */
export async function previewDatasetUpload(options: { userId: string; projectId: string; fileName: string; bytes: Uint8Array; read: TDatasetReadOptions }): Promise<DatasetPreview> {
  await authorizeDatasetWrite(options);
  return runJob('datasetPreview', { bytes: options.bytes, fileName: options.fileName, options: readOptions(options.read) }, { transfer: transferOf(options.bytes) });
}

/**
 * Imports an upload as a new dataset (version 1), with the user's type choices. The whole file
 * is read and checked before anything is stored.
 * @throws AppError INVALID_INPUT (the reader's message names row and column) | CONFLICT | BUSY
 */
export async function importDatasetUpload(options: {
  userId: string;
  projectId: string;
  name: string;
  fileName: string;
  bytes: Uint8Array;
  read: TDatasetReadOptions;
  types: Record<string, { type: Variable['type']; likert?: { min: number; max: number } }>;
  onProgress?: (p: JobProgress) => void;
}) {
  await authorizeDatasetWrite(options);
  const encoded = await runJob(
    'datasetImport',
    { bytes: options.bytes, fileName: options.fileName, options: readOptions(options.read), overrides: options.types },
    { transfer: transferOf(options.bytes), onProgress: options.onProgress },
  );
  const format = options.fileName.toLowerCase().split('.').pop() ?? '';
  return createDataset({
    userId: options.userId,
    projectId: options.projectId,
    name: options.name,
    encoded,
    origin: { fileName: options.fileName, format, ...readOptions(options.read) },
  });
}

/** Rows of a version for the data grid (members). */
export async function readDatasetRows(options: { userId: string; projectId: string; datasetId: string; versionId?: string; offset: number; limit: number }): Promise<{ offset: number; rows: Cell[][]; rowCount: number }> {
  const version = await loadDatasetVersion(options);
  const page = await runJob('datasetRows', { version: stored(version), offset: options.offset, limit: options.limit }, { transfer: transferOf(version.data) });
  return { ...page, rowCount: version.rowCount };
}

/**
 * Computed variables and recodes: applied to the latest version (which must be `baseVersionId`)
 * and stored as the next version; the previous versions stay as they were.
 */
export async function addComputedVariables(options: { userId: string; projectId: string; datasetId: string; baseVersionId: string; transforms: unknown[]; note: string }): Promise<DatasetVersionMeta> {
  await authorizeDatasetWrite(options);
  const version = await loadDatasetVersion({ ...options, versionId: options.baseVersionId });
  if (version.number !== version.latestNumber) {
    throw new AppError('CONFLICT', { userMessage: `Version ${version.latestNumber} is the latest; reload the page and apply your change to it.` });
  }
  const encoded = await runJob('datasetTransform', { version: stored(version), transforms: options.transforms }, { transfer: transferOf(version.data) });
  return addDatasetVersion({ ...options, recipe: options.transforms, encoded });
}

/** α, standardised α, ω, item-total correlations and α-if-deleted of each scale on the latest version. */
export async function reliabilityOfScales(options: { userId: string; projectId: string; datasetId: string }): Promise<Array<{ scale: Scale; reliability: unknown; error?: string }>> {
  const scales = await listScales(options);
  if (scales.length === 0) return [];
  const version = await loadDatasetVersion(options);
  const out: Array<{ scale: Scale; reliability: unknown; error?: string }> = [];
  for (const scale of scales) {
    try {
      // Each job gets its own copy: a transferred buffer is gone from this thread.
      out.push({ scale, reliability: await runJob('scaleReliability', { version: stored({ ...version, data: version.data.slice() }), scale }) });
    } catch (error) {
      if (error instanceof AppError && error.code === 'INVALID_INPUT') out.push({ scale, reliability: null, error: error.userMessage });
      else throw error;
    }
  }
  return out;
}

/**
 * Runs an analysis on a version (the latest unless the spec names one) in a worker and saves it
 * with the version it ran on. Cancelled with `signal` (the browser's Cancel or closing the page).
 */
export async function runAndSaveAnalysis(options: {
  userId: string;
  projectId: string;
  datasetId: string;
  spec: TAnalysisSpec;
  onProgress?: (p: JobProgress) => void;
  signal?: AbortSignal;
}): Promise<SavedAnalysis> {
  await authorizeDatasetWrite(options);
  const version = await loadDatasetVersion({ ...options, versionId: options.spec.versionId });
  const result = await runJob(
    'datasetAnalysis',
    { version: stored(version), kind: options.spec.kind, options: options.spec.options },
    { transfer: transferOf(version.data), onProgress: options.onProgress, signal: options.signal },
  );
  return saveAnalysis({
    userId: options.userId,
    projectId: options.projectId,
    datasetId: options.datasetId,
    versionId: version.id,
    kind: options.spec.kind,
    title: options.spec.title || defaultTitle(options.spec),
    options: options.spec.options,
    result,
  });
}

const KIND_TITLES: Record<TAnalysisSpec['kind'], string> = {
  describe: 'Descriptive statistics',
  reliability: 'Reliability',
  correlation: 'Correlations',
  ols: 'Linear regression',
  mediate: 'Mediation',
  moderate: 'Moderation',
  panel: 'Panel regression',
  did: 'Difference-in-differences',
  qreg: 'Quantile regression',
};

function defaultTitle(spec: TAnalysisSpec): string {
  const value = (flag: string) => {
    const i = spec.options.indexOf(flag);
    return i >= 0 ? spec.options[i + 1] : undefined;
  };
  const y = value('--y');
  return y ? `${KIND_TITLES[spec.kind]} of ${y}` : KIND_TITLES[spec.kind];
}

/** A version as CSV (the file the CLI and the copied R script read). */
export async function datasetCsv(options: { userId: string; projectId: string; datasetId: string; versionId?: string }): Promise<{ bytes: Uint8Array; number: number }> {
  const version = await loadDatasetVersion(options);
  return { bytes: await runJob('datasetCsv', { version: stored(version) }, { transfer: transferOf(version.data) }), number: version.number };
}
