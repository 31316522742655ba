/**
 * Result types shared by every analysis in lib/stats. Field names follow the CLI contract
 * of issue 5 (camelCase; `p` for p-values; the intercept is the term "(Intercept)", an
 * interaction is "X:W").
 */

/** Name used for the intercept term everywhere (as R). */
export const INTERCEPT = '(Intercept)';

/** One row of a coefficient table. */
export interface Coefficient {
  /** Term name: a column, "(Intercept)", a dummy "group[level]" or an interaction "X:W". */
  term: string;
  estimate: number;
  se: number;
  /** Test statistic estimate/se (t, or z when `df` of the table is Infinity). */
  t: number;
  /** Two-sided p-value. */
  p: number;
  ciLower: number;
  ciUpper: number;
  /** Standardized coefficient (SPSS Beta); absent for the intercept. */
  beta?: number;
}

/** Standard-error type accepted by regression analyses. */
export type SeType = 'classic' | 'hc0' | 'hc1' | 'hc2' | 'hc3' | 'cluster';

/** Sample bookkeeping carried by every result (listwise deletion is reported, never silent). */
export interface SampleInfo {
  /** Observations used. */
  n: number;
  /** Rows dropped because some variable used by the analysis was missing. */
  nDropped: number;
}

/** A test statistic with its p-value (F, χ², z ...). */
export interface TestResult {
  statistic: number;
  df1: number;
  df2?: number;
  p: number;
}
