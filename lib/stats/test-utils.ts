/**
 * Helpers for the golden tests of lib/stats (test code only; not used by analyses).
 * Golden files live in lib/stats/golden and are produced by the committed R scripts there.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parseCsv, type DataFrame } from './frame';

const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));

/**
 * Reads and parses a JSON file from lib/stats/golden.
 *
 * @param name - file name, e.g. 'ols-expected.json'.
 * @returns the parsed JSON.
 * @throws {Error} when the file is missing or invalid.
 * @example
 * ```ts
 * const expected = readGoldenJson<{ alpha: number }>('reliability-expected.json');
 * ```
 */
export function readGoldenJson<T = any>(name: string): T {
  return JSON.parse(readFileSync(goldenDir + name, 'utf8')) as T;
}

/**
 * Reads a CSV file from lib/stats/golden as a DataFrame.
 *
 * @param name - file name.
 * @returns the data frame.
 * @throws {Error} when the file is missing.
 * @example
 * ```ts
 * const df = readGoldenCsv('ols-survey.csv');
 * ```
 */
export function readGoldenCsv(name: string): DataFrame {
  return parseCsv(readFileSync(goldenDir + name, 'utf8'));
}

/**
 * Expects |actual − expected| ≤ rel·|expected| (or ≤ rel when expected is 0).
 *
 * @param actual - computed value.
 * @param expected - reference value.
 * @param rel - relative tolerance.
 * @param label - what is compared (shown on failure).
 * @example
 * ```ts
 * expectRel(fit.sigma, 304.854073561965, 1e-10, 'sigma');
 * ```
 */
export function expectRel(actual: number | null | undefined, expected: number, rel: number, label: string): void {
  expect(typeof actual, `${label}: not a number`).toBe('number');
  const err = Math.abs((actual as number) - expected);
  const bound = rel * Math.max(Math.abs(expected), expected === 0 ? 1 : 0);
  expect(err <= bound, `${label}: got ${actual}, expected ${expected} (rel tol ${rel}, abs err ${err})`).toBe(true);
}

/**
 * Expects |actual − expected| ≤ abs.
 *
 * @param actual - computed value.
 * @param expected - reference value.
 * @param abs - absolute tolerance.
 * @param label - what is compared.
 * @example
 * ```ts
 * expectAbs(p, 0.0432, 1e-10, 'p');
 * ```
 */
export function expectAbs(actual: number | null | undefined, expected: number, abs: number, label: string): void {
  expect(typeof actual, `${label}: not a number`).toBe('number');
  const err = Math.abs((actual as number) - expected);
  expect(err <= abs, `${label}: got ${actual}, expected ${expected} (abs tol ${abs}, err ${err})`).toBe(true);
}
