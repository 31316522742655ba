/**
 * Helpers for the dataset tests (test code only): datasets from the golden CSVs, column
 * comparisons with a relative tolerance, and catching a DatasetTransformError.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseCsv, type Cell } from '@/lib/stats/frame';
import type { Dataset, Variable, VariableType } from '../types';
import { DatasetTransformError } from './errors';

/** A variable's type in a test dataset: a type, or a Likert range [min, max]. */
export type TestType = VariableType | readonly [number, number];

/**
 * A dataset from columns (types default to numeric for numbers and categorical for text).
 *
 * @param columns - name → cells.
 * @param types - name → type or Likert range.
 * @returns the dataset.
 * @example
 * ```ts
 * makeDataset({ x: [1, 2, null] }, { x: [1, 5] });
 * ```
 */
export function makeDataset(columns: Record<string, readonly Cell[]>, types: Record<string, TestType> = {}): Dataset {
  const names = Object.keys(columns);
  const rowCount = names.length ? columns[names[0]].length : 0;
  const variables: Variable[] = names.map((name) => {
    const t = types[name] ?? (columns[name].some((c) => typeof c === 'string') ? 'categorical' : 'numeric');
    const likert = typeof t === 'string' ? undefined : { min: t[0], max: t[1] };
    return { name, label: '', type: likert ? 'likert' : (t as VariableType), ...(likert ? { likert } : {}), valueLabels: {}, missingCodes: [] };
  });
  return { variables, columns, rowCount };
}

/**
 * A dataset from a CSV file (NA = missing).
 *
 * @param url - file URL (e.g. new URL('./golden/x.csv', import.meta.url)).
 * @param types - name → type or Likert range.
 * @returns the dataset.
 * @example
 * ```ts
 * const ds = datasetFromCsv(new URL('./golden/transforms-panel.csv', import.meta.url), { q: [1, 5] });
 * ```
 */
export function datasetFromCsv(url: URL, types: Record<string, TestType> = {}): Dataset {
  return makeDataset(parseCsv(readFileSync(url, 'utf8')) as Record<string, Cell[]>, types);
}

/**
 * Reads a JSON file.
 *
 * @param url - file URL.
 * @returns parsed JSON.
 * @example
 * ```ts
 * const g = readJson(new URL('./golden/transforms-expected.json', import.meta.url));
 * ```
 */
export function readJson<T = any>(url: URL): T {
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

/**
 * Expects a column to match a reference: missing exactly where the reference is null, numbers
 * within `rel` (relative; absolute when the reference is 0).
 *
 * @param actual - computed cells.
 * @param expected - reference (null = NA).
 * @param rel - relative tolerance.
 * @param label - what is compared.
 * @example
 * ```ts
 * expectColumn(out.columns.z_x, g.zX, 1e-12, 'z_x');
 * ```
 */
export function expectColumn(actual: readonly Cell[] | undefined, expected: ReadonlyArray<number | null>, rel: number, label: string): void {
  expect(actual, `${label}: column missing`).toBeDefined();
  expect(actual!.length, `${label}: length`).toBe(expected.length);
  expect(
    actual!.map((v) => v === null),
    `${label}: missing pattern`,
  ).toEqual(expected.map((v) => v === null));
  actual!.forEach((v, i) => {
    const e = expected[i];
    if (e === null) return;
    expect(typeof v, `${label} row ${i + 1}: not a number`).toBe('number');
    const err = Math.abs((v as number) - e);
    expect(err <= rel * (e === 0 ? 1 : Math.abs(e)), `${label} row ${i + 1}: got ${v}, expected ${e} (rel tol ${rel})`).toBe(true);
  });
}

/**
 * Expects |actual − expected| ≤ rel·|expected|.
 *
 * @param actual - computed value.
 * @param expected - reference.
 * @param rel - relative tolerance.
 * @param label - what is compared.
 * @example
 * ```ts
 * expectClose(r.alpha, g.alpha, 1e-10, 'alpha');
 * ```
 */
export function expectClose(actual: number | null | undefined, expected: number, rel: number, label: string): void {
  expect(typeof actual, `${label}: not a number`).toBe('number');
  const err = Math.abs((actual as number) - expected);
  expect(err <= rel * (expected === 0 ? 1 : Math.abs(expected)), `${label}: got ${actual}, expected ${expected} (rel tol ${rel}, abs err ${err})`).toBe(true);
}

/**
 * Runs `fn` and returns the DatasetTransformError it throws (fails otherwise).
 *
 * @param fn - code expected to throw.
 * @returns the error.
 * @throws {Error} when nothing or another error is thrown.
 * @example
 * ```ts
 * expect(catchTransformError(() => applyTransforms(ds, recipe)).code).toBe('zero-variance');
 * ```
 */
export function catchTransformError(fn: () => unknown): DatasetTransformError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DatasetTransformError) return e;
    throw e;
  }
  throw new Error('expected a DatasetTransformError, but nothing was thrown');
}
