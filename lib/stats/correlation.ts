/**
 * Pearson and Spearman correlation matrices with two-sided p-values and pairwise n.
 *
 * Spearman's ρ is Pearson's r of mid-ranks (ties averaged); its p-value uses the t
 * approximation t = r·√((n−2)/(1−r²)) on n − 2 df, as SPSS and R `cor.test(exact = FALSE)`.
 * Checked against R 4.x cor.test (golden test).
 */
import { pTwoSidedT } from './distributions';
import { StatsError } from './errors';
import { assertHasRows, completeRows, getColumn, toNumber, type DataFrame } from './frame';
import { crossProducts } from './moments';
import { stars, type StarConvention } from './stars';

/** Options of {@link correlation}. */
export interface CorrelationOptions {
  /** Numeric variables (at least 2). */
  vars: readonly string[];
  /** 'pearson' (default) or 'spearman'. */
  method?: 'pearson' | 'spearman';
  /** 'pairwise' (default, as SPSS CORRELATIONS): each pair uses its complete rows; or 'listwise'. */
  missing?: 'pairwise' | 'listwise';
  /** Star convention for `stars` (default 'apa'). */
  stars?: StarConvention;
}

/** Result of {@link correlation}. Matrices are indexed [row][column] in `variables` order. */
export interface CorrelationResult {
  method: 'pearson' | 'spearman';
  variables: string[];
  /** Correlations (1 on the diagonal). */
  r: number[][];
  /** Two-sided p-values (null on the diagonal). */
  p: Array<Array<number | null>>;
  /** Pairwise n. */
  n: number[][];
  /** Significance stars per cell ('' on the diagonal). */
  stars: string[][];
  /** Rows with a missing value in at least one variable (all of them dropped when listwise). */
  nDropped: number;
}

/**
 * Correlation matrix.
 *
 * @param df - data frame.
 * @param options - variables, method, missing handling, stars.
 * @returns r, p, n and stars matrices.
 * @throws {StatsError} `invalid-option`; `missing-column`; `non-numeric`;
 *   `too-few-observations` when a pair has fewer than 3 complete rows; `constant-column`
 *   when a variable is constant on a pair's rows.
 * @example
 * ```ts
 * const { r, p } = correlation(df, { vars: ['age', 'income', 'satisfaction'], method: 'spearman' });
 * ```
 */
export function correlation(df: DataFrame, options: CorrelationOptions): CorrelationResult {
  const vars = [...options.vars];
  if (vars.length < 2) throw new StatsError('invalid-option', `correlation needs at least 2 variables (got ${vars.length})`);
  if (new Set(vars).size !== vars.length) throw new StatsError('invalid-option', 'a variable is listed twice');
  const method = options.method ?? 'pearson';
  if (method !== 'pearson' && method !== 'spearman') throw new StatsError('invalid-option', `unknown method '${method}' (use pearson or spearman)`);
  const missing = options.missing ?? 'pairwise';
  if (missing !== 'pairwise' && missing !== 'listwise') throw new StatsError('invalid-option', `unknown missing-value handling '${missing}'`);
  const all = completeRows(df, vars);
  const total = all.n + all.nDropped;
  const data = vars.map((v) => getColumn(df, v).map((c, i) => toNumber(c, v, i)));
  // An empty column is named as such (not as "0 complete pairs").
  data.forEach((col, j) => {
    if (col.every((v) => v === null)) assertHasRows(df, { rows: [], n: 0, nDropped: col.length }, [vars[j]]);
  });
  if (missing === 'listwise') assertHasRows(df, all, vars);
  const allowed = missing === 'listwise' ? new Set(all.rows) : null;
  const k = vars.length;
  const r: number[][] = vars.map(() => new Array<number>(k).fill(1));
  const p: Array<Array<number | null>> = vars.map(() => new Array<number | null>(k).fill(null));
  const n: number[][] = vars.map(() => new Array<number>(k).fill(0));
  const st: string[][] = vars.map(() => new Array<string>(k).fill(''));
  for (let a = 0; a < k; a++) {
    n[a][a] = data[a].filter((v, i) => v !== null && (!allowed || allowed.has(i))).length;
    for (let b = a + 1; b < k; b++) {
      const xs: number[] = [];
      const ys: number[] = [];
      for (let i = 0; i < total; i++) {
        const x = data[a][i];
        const y = data[b][i];
        if (x !== null && y !== null && (!allowed || allowed.has(i))) {
          xs.push(x);
          ys.push(y);
        }
      }
      const m = xs.length;
      if (m < 3) {
        throw new StatsError('too-few-observations', `'${vars[a]}' and '${vars[b]}' have ${m} complete pairs; a correlation test needs at least 3`);
      }
      const rr = method === 'spearman' ? pearson(rank(xs), rank(ys), vars[a], vars[b]) : pearson(xs, ys, vars[a], vars[b]);
      const pp = correlationPValue(rr, m);
      r[a][b] = r[b][a] = rr;
      p[a][b] = p[b][a] = pp;
      n[a][b] = n[b][a] = m;
      st[a][b] = st[b][a] = stars(pp, options.stars);
    }
  }
  return { method, variables: vars, r, p, n, stars: st, nDropped: all.nDropped };
}

/**
 * Pearson correlation of two equal-length samples (two-pass, centered).
 *
 * @param x - first sample.
 * @param y - second sample.
 * @param nameX - name for errors.
 * @param nameY - name for errors.
 * @returns r in [−1, 1].
 * @throws {StatsError} `constant-column` when either sample is constant.
 * @example
 * ```ts
 * pearson([1, 2, 3], [2, 4, 7]); // 0.99339...
 * ```
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>, nameX = 'x', nameY = 'y'): number {
  const { sxx, syy, sxy } = crossProducts(x, y);
  if (!(sxx > 0)) throw new StatsError('constant-column', `column '${nameX}' is constant`, { column: nameX });
  if (!(syy > 0)) throw new StatsError('constant-column', `column '${nameY}' is constant`, { column: nameY });
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Two-sided p-value of a correlation: t = r·√((n−2)/(1−r²)) on n − 2 df (0 when |r| = 1).
 *
 * @param r - correlation.
 * @param n - sample size (≥ 3).
 * @returns p.
 * @throws {StatsError} `too-few-observations` when n < 3.
 * @example
 * ```ts
 * correlationPValue(0.3, 50); // 0.0343...
 * ```
 */
export function correlationPValue(r: number, n: number): number {
  if (n < 3) throw new StatsError('too-few-observations', `a correlation test needs n ≥ 3 (got ${n})`);
  if (Math.abs(r) >= 1) return 0;
  return pTwoSidedT(r * Math.sqrt((n - 2) / (1 - r * r)), n - 2);
}

/**
 * Mid-ranks (ties get the average rank, as R `rank(ties.method = "average")`).
 *
 * @param x - sample.
 * @returns ranks 1..n.
 * @example
 * ```ts
 * rank([10, 20, 10]); // [1.5, 3, 1.5]
 * ```
 */
export function rank(x: ArrayLike<number>): number[] {
  const m = x.length;
  const idx = Array.from({ length: m }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const out = new Array<number>(m);
  for (let i = 0; i < m; ) {
    let j = i;
    while (j + 1 < m && x[idx[j + 1]] === x[idx[i]]) j++;
    const avg = (i + j) / 2 + 1;
    for (let l = i; l <= j; l++) out[idx[l]] = avg;
    i = j + 1;
  }
  return out;
}
