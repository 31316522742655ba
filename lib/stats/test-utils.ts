/**
 * Helpers for the golden tests of lib/stats (test code only; not used by analyses).
 * Golden files live in lib/stats/golden and are produced by the committed R scripts there.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { StatsError } from './errors';
import { parseCsv, type DataFrame } from './frame';
import type { Coefficient } from './types';

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

/**
 * Runs `fn` and returns the StatsError it throws (fails the test when it throws nothing, and
 * rethrows any other error).
 *
 * @param fn - code expected to throw.
 * @returns the StatsError.
 * @throws {Error} when `fn` does not throw a StatsError.
 * @example
 * ```ts
 * expect(catchStatsError(() => ols(df, opts)).code).toBe('collinear');
 * ```
 */
export function catchStatsError(fn: () => unknown): StatsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatsError) return e;
    throw e;
  }
  throw new Error('expected a StatsError, but nothing was thrown');
}

/**
 * Expects every number in a (nested) result to be finite; null is allowed.
 *
 * @param value - a result.
 * @param path - where we are (for the failure message).
 * @example
 * ```ts
 * expectAllFinite(panel(df, opts));
 * ```
 */
export function expectAllFinite(value: unknown, path = 'result'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => expectAllFinite(v, `${path}[${i}]`));
  else if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [k, v] of Object.entries(value)) expectAllFinite(v, `${path}.${k}`);
  }
}

/** A reference coefficient row (as written by the R scripts in ./golden). */
export type ReferenceCoefficient = Pick<Coefficient, 'term' | 'estimate' | 'se' | 't' | 'p' | 'ciLower' | 'ciUpper'>;

/**
 * Expects a coefficient table to match a reference row by row: same terms in the same order;
 * estimate, se, t, ciLower, ciUpper within `rel` (relative); p within `absP` (absolute).
 *
 * @param actual - our table.
 * @param wanted - the reference (e.g. R).
 * @param options - tolerances (default 1e-8 / 1e-10, issue 5), a term renamer for R's dummy
 *   names, a label for failure messages.
 * @example
 * ```ts
 * expectCoefficients(fit.coefficients, golden.coefficients, { label: 'twoway' });
 * ```
 */
export function expectCoefficients(
  actual: readonly Coefficient[],
  wanted: readonly ReferenceCoefficient[],
  options: { rel?: number; absP?: number; rename?: (term: string) => string; label?: string } = {},
): void {
  const { rel = 1e-8, absP = 1e-10, rename = (t: string) => t, label = 'table' } = options;
  expect(actual.map((c) => c.term)).toEqual(wanted.map((c) => rename(c.term)));
  actual.forEach((c, j) => {
    const w = wanted[j];
    for (const k of ['estimate', 'se', 't', 'ciLower', 'ciUpper'] as const) expectRel(c[k], w[k], rel, `${label} ${c.term}.${k}`);
    expectAbs(c.p, w.p, absP, `${label} ${c.term}.p`);
  });
}
