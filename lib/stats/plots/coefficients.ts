/**
 * Coefficient rows for coefficient plots (OLS, panel, quantile regression).
 */
import type { QregResult } from '../qreg';
import { INTERCEPT, type Coefficient } from '../types';

/** A coefficient row as the plots need it. */
export type CoefficientRow = Pick<Coefficient, 'term' | 'estimate' | 'ciLower' | 'ciUpper' | 'p'>;

/**
 * The rows to plot: without the intercept unless asked (its scale usually dwarfs the slopes),
 * restricted to and ordered as `terms` when given.
 *
 * @param coefficients - a result's coefficient table.
 * @param options - `intercept` (default false), `terms`.
 * @returns the selected rows.
 */
export function plotCoefficients<T extends CoefficientRow>(
  coefficients: readonly T[],
  options: { intercept?: boolean; terms?: readonly string[] } = {},
): T[] {
  if (options.terms) {
    return options.terms.flatMap((term) => coefficients.filter((c) => c.term === term));
  }
  return coefficients.filter((c) => options.intercept || c.term !== INTERCEPT);
}

/** One term's estimates across τ. */
export interface QuantileSeries {
  term: string;
  points: Array<{ tau: number; estimate: number; ciLower: number; ciUpper: number; p: number }>;
}

/**
 * Per-term series across τ from a quantile-regression result (each τ's coefficient table), τ
 * increasing.
 *
 * @param result - a qreg result (several τ) or a list of single-τ results.
 * @param options - `intercept` (default false), `terms`.
 * @returns one series per term.
 */
export function quantileSeries(
  result: Pick<QregResult, 'terms' | 'quantiles'> | ReadonlyArray<Pick<QregResult, 'terms' | 'quantiles'>>,
  options: { intercept?: boolean; terms?: readonly string[] } = {},
): QuantileSeries[] {
  type Input = Pick<QregResult, 'terms' | 'quantiles'>;
  const results: readonly Input[] = isList(result) ? result : [result];
  const quantiles = results.flatMap((r) => r.quantiles).sort((a, b) => a.tau - b.tau);
  const allTerms = results[0]?.terms ?? [];
  const terms = options.terms ?? allTerms.filter((t) => options.intercept || t !== INTERCEPT);
  return terms.map((term) => ({
    term,
    points: quantiles.flatMap((q) => {
      const c = q.coefficients.find((row) => row.term === term);
      return c ? [{ tau: q.tau, estimate: c.estimate, ciLower: c.ciLower, ciUpper: c.ciUpper, p: c.p }] : [];
    }),
  }));
}

function isList<T>(value: T | ReadonlyArray<T>): value is ReadonlyArray<T> {
  return Array.isArray(value);
}
