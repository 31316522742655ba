/**
 * Descriptive statistics as SPSS DESCRIPTIVES/FREQUENCIES report them: n, mean, SD (n − 1),
 * min, median, max, bias-corrected skewness G1 and excess kurtosis G2 with their standard
 * errors; optionally by group. Checked against R psych::describe(type = 2) (golden test).
 */
import { StatsError } from './errors';
import { assertHasRows, completeRows, factorLevels, getColumn, takeLabels, toNumber, type DataFrame } from './frame';
import type { SampleInfo } from './types';

/** Options of {@link describe}. */
export interface DescribeOptions {
  /** Numeric variables to describe. */
  vars: readonly string[];
  /** Optional grouping column: results are also given for each of its levels. */
  group?: string;
  /**
   * 'listwise' (default): one common sample where every variable (and the group) is present;
   * 'pairwise': each variable uses all its non-missing rows.
   */
  missing?: 'listwise' | 'pairwise';
}

/** Statistics of one variable. `null` marks a statistic the sample cannot define. */
export interface VariableSummary {
  name: string;
  n: number;
  mean: number;
  /** Sample SD (divisor n − 1); null when n < 2. */
  sd: number | null;
  min: number;
  median: number;
  max: number;
  /** G1 (SPSS, SAS type 2); null when n < 3 or the variable is constant. */
  skewness: number | null;
  /** G2, excess kurtosis (SPSS); null when n < 4 or the variable is constant. */
  kurtosis: number | null;
  /** SPSS standard error of skewness; null when n < 3. */
  seSkewness: number | null;
  /** SPSS standard error of kurtosis; null when n < 4. */
  seKurtosis: number | null;
}

/** Result of {@link describe}. */
export interface DescribeResult extends SampleInfo {
  variables: VariableSummary[];
  /** Present when `group` was given: one block per level (sorted as factor levels). */
  groups?: Array<{ group: string; n: number; variables: VariableSummary[] }>;
}

/**
 * Describes numeric variables.
 *
 * @param df - data frame.
 * @param options - variables, optional group, missing-value handling.
 * @returns summaries with n used and n dropped.
 * @throws {StatsError} `invalid-option` with no variables; `missing-column`; `non-numeric`;
 *   `too-few-observations` when a variable (or group) has no observations.
 * @example
 * ```ts
 * describe(df, { vars: ['age', 'income'], group: 'sector' }).variables[0].skewness;
 * ```
 */
export function describe(df: DataFrame, options: DescribeOptions): DescribeResult {
  const vars = [...options.vars];
  if (vars.length === 0) throw new StatsError('invalid-option', 'describe needs at least one variable');
  const missing = options.missing ?? 'listwise';
  if (missing !== 'listwise' && missing !== 'pairwise') throw new StatsError('invalid-option', `unknown missing-value handling '${missing}'`);
  const groupCols = options.group ? [options.group] : [];
  const sel = completeRows(df, missing === 'listwise' ? vars : [], groupCols);
  if (missing === 'pairwise') for (const v of vars) getColumn(df, v).forEach((c, i) => toNumber(c, v, i)); // validate
  // Name an empty column rather than reporting the first variable as having no observations.
  assertHasRows(df, sel, missing === 'listwise' ? [...vars, ...groupCols] : groupCols);
  const summarize = (rows: readonly number[]) =>
    vars.map((v) => {
      const col = getColumn(df, v);
      const values: number[] = [];
      for (const r of rows) {
        const x = toNumber(col[r], v, r);
        if (x !== null) values.push(x);
      }
      return summarizeValues(v, values);
    });
  const result: DescribeResult = { n: sel.n, nDropped: sel.nDropped, variables: summarize(sel.rows) };
  if (options.group) {
    const labels = takeLabels(df, options.group, sel.rows);
    result.groups = factorLevels(labels).map((level) => {
      const rows = sel.rows.filter((_, i) => labels[i] === level);
      return { group: level, n: rows.length, variables: summarize(rows) };
    });
  }
  return result;
}

/**
 * Summary statistics of one numeric sample.
 *
 * formula: G1 = √(n(n−1))/(n−2) · m3/m2^{3/2}; G2 = (n−1)/((n−2)(n−3)) · ((n+1)(m4/m2² − 3) + 6)
 * (Joanes & Gill 1998, types "G1"/"G2"; SPSS); SE(G1) = √(6n(n−1)/((n−2)(n+1)(n+3))),
 * SE(G2) = 2·SE(G1)·√((n²−1)/((n−3)(n+5))).
 *
 * @param name - variable name.
 * @param values - finite numbers (no missing).
 * @returns the summary.
 * @throws {StatsError} `too-few-observations` when values is empty.
 * @example
 * ```ts
 * summarizeValues('x', [1, 2, 3, 10]).skewness;
 * ```
 */
export function summarizeValues(name: string, values: readonly number[]): VariableSummary {
  const n = values.length;
  if (n === 0) throw new StatsError('too-few-observations', `variable '${name}' has no observations`, { column: name });
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of values) {
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  let mean = sum / n;
  // Second pass correction (Björck): improves the mean for data with a large offset.
  let corr = 0;
  for (const x of values) corr += x - mean;
  mean += corr / n;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (const x of values) {
    const d = x - mean;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  const constant = min === max;
  const sd = n >= 2 ? Math.sqrt(s2 / (n - 1)) : null;
  const m2 = s2 / n;
  const m3 = s3 / n;
  const m4 = s4 / n;
  const skewness = n >= 3 && !constant ? ((Math.sqrt(n * (n - 1)) / (n - 2)) * m3) / Math.pow(m2, 1.5) : null;
  const kurtosis = n >= 4 && !constant ? ((n - 1) / ((n - 2) * (n - 3))) * ((n + 1) * (m4 / (m2 * m2) - 3) + 6) : null;
  const seSkewness = n >= 3 ? Math.sqrt((6 * n * (n - 1)) / ((n - 2) * (n + 1) * (n + 3))) : null;
  const seKurtosis = n >= 4 && seSkewness !== null ? 2 * seSkewness * Math.sqrt((n * n - 1) / ((n - 3) * (n + 5))) : null;
  return { name, n, mean: constant ? min : mean, sd, min, median: median(values), max, skewness, kurtosis, seSkewness, seKurtosis };
}

/**
 * Median (average of the two middle values for even n, as R `median`).
 *
 * @param values - numbers (non-empty).
 * @returns the median.
 * @throws {StatsError} `too-few-observations` when empty.
 * @example
 * ```ts
 * median([3, 1, 2, 10]); // 2.5
 * ```
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new StatsError('too-few-observations', 'median of an empty sample');
  const s = Float64Array.from(values).sort();
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}
