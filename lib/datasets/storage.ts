/**
 * How a dataset version's values are stored: the column-major cells as JSON, gzipped (fflate).
 * Survey data compress well (repeated Likert codes): 100,000 rows × 50 columns is ~40 MB of JSON
 * and a few MB stored. Pure; the server calls it inside a worker thread for large data.
 */
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';

import type { Cell } from '@/lib/stats/frame';

import type { Dataset, Variable } from './types';

/** The stored form of a dataset version. */
export interface EncodedDataset {
  variables: Variable[];
  rowCount: number;
  data: Uint8Array;
}

/**
 * Encodes a dataset for storage.
 * @example encodeDataset({ variables: [v], columns: { age: [30, null] }, rowCount: 2 }).data // gzip bytes
 */
export function encodeDataset(dataset: Dataset): EncodedDataset {
  const columns = dataset.variables.map((v) => {
    const column = dataset.columns[v.name];
    if (!column || column.length !== dataset.rowCount) throw new Error(`dataset column '${v.name}' has ${column?.length ?? 0} values for ${dataset.rowCount} rows`);
    return column;
  });
  return { variables: [...dataset.variables], rowCount: dataset.rowCount, data: gzipSync(strToU8(JSON.stringify(columns)), { level: 6 }) };
}

/**
 * Decodes a stored version back to a dataset.
 * @throws Error when the bytes do not match the variables (a corrupt row).
 */
export function decodeDataset(variables: readonly Variable[], rowCount: number, data: Uint8Array): Dataset {
  const columns = JSON.parse(strFromU8(gunzipSync(data))) as Cell[][];
  if (!Array.isArray(columns) || columns.length !== variables.length) throw new Error(`stored dataset has ${columns.length} columns for ${variables.length} variables`);
  const byName: Record<string, readonly Cell[]> = {};
  variables.forEach((v, j) => {
    if (columns[j].length !== rowCount) throw new Error(`stored column '${v.name}' has ${columns[j].length} values for ${rowCount} rows`);
    byName[v.name] = columns[j];
  });
  return { variables, columns: byName, rowCount };
}
