/**
 * Scale reliability: Cronbach's α, standardized α, McDonald's ω total from a one-factor
 * model, corrected item–total correlations and α if item deleted; reverse-coded items.
 *
 * Checked against R psych 2.2 (`alpha`: raw_alpha, std.alpha, r.drop, alpha.drop) and, for ω,
 * against the converged one-factor ULS/minres solution (psych::fa fm = "pa" iterated to
 * min.err = 1e-15) combined as psych::omega does: ω_t = (1'R1 − Σu²)/1'R1. psych's own
 * default minres fit (optim-based) agrees with it to about 1e-8.
 */
import { EigenvalueDecomposition, Matrix, inverse } from 'ml-matrix';
import { StatsError } from './errors';
import { assertHasRows, selectNumeric, type DataFrame } from './frame';
import type { SampleInfo } from './types';

/** Options of {@link reliability}. */
export interface ReliabilityOptions {
  /** Item columns (at least 2). */
  items: readonly string[];
  /** Items to reverse-code as scaleMin + scaleMax − x (requires scaleMin and scaleMax). */
  reverse?: readonly string[];
  /** Lowest possible response (e.g. 1 on a 1–5 Likert scale). */
  scaleMin?: number;
  /** Highest possible response. */
  scaleMax?: number;
}

/** Item statistics. */
export interface ItemStatistics {
  name: string;
  reversed: boolean;
  mean: number;
  sd: number;
  /** Corrected item–total correlation: r(item, total of the other items). */
  itemTotalCorrelation: number;
  /** α of the scale without this item; null with only 2 items. */
  alphaIfDeleted: number | null;
  /** One-factor (minres) loading; null when ω is not estimable. */
  loading: number | null;
}

/** Result of {@link reliability}. */
export interface ReliabilityResult extends SampleInfo {
  alpha: number;
  standardizedAlpha: number;
  /** McDonald's ω total (one factor); null with fewer than 3 items. */
  omegaTotal: number | null;
  items: ItemStatistics[];
  /** Non-fatal issues (e.g. a Heywood case in the factor model). */
  warnings: string[];
}

/**
 * Reliability analysis of a set of items (listwise deletion).
 *
 * formula: α = k/(k−1)·(1 − Σσ²_j/σ²_X); standardized α = k·r̄/(1 + (k−1)·r̄);
 * ω_t = (1'R1 − Σ(1 − λ_j²))/1'R1 (psych::omega) with λ the one-factor ULS loadings.
 *
 * @param df - data frame.
 * @param options - items, reverse-coded items and the scale range.
 * @returns α, standardized α, ω total, item statistics, n used and dropped.
 * @throws {StatsError} `invalid-option` (fewer than 2 items, reverse without a scale range, a
 *   value outside the range); `missing-column`; `non-numeric`; `constant-column`;
 *   `too-few-observations` (n < 3); `non-finite` when the total score has zero variance.
 * @example
 * ```ts
 * reliability(df, { items: ['q1', 'q2', 'q3', 'q4'], reverse: ['q4'], scaleMin: 1, scaleMax: 5 }).alpha;
 * ```
 */
export function reliability(df: DataFrame, options: ReliabilityOptions): ReliabilityResult {
  const items = [...options.items];
  if (items.length < 2) throw new StatsError('invalid-option', `reliability needs at least 2 items (got ${items.length})`);
  if (new Set(items).size !== items.length) throw new StatsError('invalid-option', 'an item is listed twice');
  const reverse = new Set(options.reverse ?? []);
  for (const r of reverse) if (!items.includes(r)) throw new StatsError('invalid-option', `reverse-coded item '${r}' is not among the items`);
  const { scaleMin, scaleMax } = options;
  if (reverse.size > 0) {
    if (scaleMin === undefined || scaleMax === undefined || !Number.isFinite(scaleMin) || !Number.isFinite(scaleMax) || !(scaleMax > scaleMin)) {
      throw new StatsError('invalid-option', 'reverse-coding needs a scale minimum and maximum (scaleMin < scaleMax)');
    }
  }
  const sel = selectNumeric(df, items);
  assertHasRows(df, sel, items);
  const n = sel.n;
  if (n < 3) throw new StatsError('too-few-observations', `reliability needs at least 3 complete cases (got ${n})`, { n });
  const k = items.length;
  const cols = items.map((name) => {
    const a = Float64Array.from(sel.columns[name]);
    if (reverse.has(name)) {
      for (let i = 0; i < n; i++) {
        if (a[i] < scaleMin! || a[i] > scaleMax!) {
          throw new StatsError('invalid-option', `item '${name}' row ${sel.rows[i] + 1}: value ${a[i]} is outside the scale ${scaleMin}–${scaleMax}`);
        }
        a[i] = scaleMin! + scaleMax! - a[i];
      }
    }
    return a;
  });
  const means = cols.map((c) => c.reduce((s, v) => s + v, 0) / n);
  const cov: number[][] = items.map(() => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++)
    for (let b = a; b < k; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += (cols[a][i] - means[a]) * (cols[b][i] - means[b]);
      cov[a][b] = cov[b][a] = s / (n - 1);
    }
  items.forEach((name, j) => {
    if (!(cov[j][j] > 0)) throw new StatsError('constant-column', `item '${name}' is constant`, { column: name });
  });
  const corr = cov.map((row, a) => row.map((v, b) => v / Math.sqrt(cov[a][a] * cov[b][b])));

  const alphaOf = (idx: number[]): number => {
    let total = 0;
    let trace = 0;
    for (const a of idx) {
      trace += cov[a][a];
      for (const b of idx) total += cov[a][b];
    }
    if (!(total > 0)) {
      throw new StatsError('non-finite', `the total score of items ${idx.map((i) => items[i]).join(', ')} has zero variance; α is undefined`);
    }
    const m = idx.length;
    return (m / (m - 1)) * (1 - trace / total);
  };
  const all = items.map((_, j) => j);
  const alpha = alphaOf(all);
  let sumR = 0;
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) sumR += corr[a][b];
  const rBar = (sumR - k) / (k * (k - 1));
  // 1 + (k − 1)·r̄ = 1'R1/k is the variance of the sum of standardized items over k; it is 0 when
  // the items cancel exactly (e.g. two items with r = −1), and then standardized α and ω are undefined.
  if (!(sumR > 1e-12 * k * k)) {
    throw new StatsError(
      'non-finite',
      `the sum of the standardized items ${items.join(', ')} has zero variance (they cancel out: mean inter-item r = ${rBar}); reverse-code the negatively keyed items`,
    );
  }
  const standardizedAlpha = (k * rBar) / (1 + (k - 1) * rBar);

  let totalVar = 0;
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) totalVar += cov[a][b];
  const warnings: string[] = [];
  let loadings: number[] | null = null;
  let omegaTotal: number | null = null;
  if (k >= 3) {
    const fit = oneFactorUls(corr);
    loadings = fit.loadings;
    warnings.push(...fit.warnings);
    // formula: psych::omegah, om.tot <- (Vt - uniq)/Vt with Vt = sum(R), uniq = sum(u2).
    let uniq = 0;
    for (const l of loadings) uniq += 1 - l * l;
    omegaTotal = (sumR - uniq) / sumR;
  } else warnings.push('ω total needs at least 3 items (a one-factor model with 2 items is not identified)');

  const itemStats: ItemStatistics[] = items.map((name, j) => {
    // formula: r(x_j, X − x_j) = (Σ_l C_jl − C_jj)/√(C_jj · Var(X − x_j))
    let rowSum = 0;
    for (let b = 0; b < k; b++) rowSum += cov[j][b];
    const restVar = totalVar - 2 * rowSum + cov[j][j];
    if (!(restVar > 0)) throw new StatsError('non-finite', `the total of the items other than '${name}' has zero variance`);
    const itemTotalCorrelation = (rowSum - cov[j][j]) / Math.sqrt(cov[j][j] * restVar);
    return {
      name,
      reversed: reverse.has(name),
      mean: means[j],
      sd: Math.sqrt(cov[j][j]),
      itemTotalCorrelation,
      alphaIfDeleted: k >= 3 ? alphaOf(all.filter((i) => i !== j)) : null,
      loading: loadings ? loadings[j] : null,
    };
  });
  // As psych::alpha: a negative corrected item–total r usually means an unreversed negatively
  // keyed item (α is then understated, possibly negative).
  const negative = itemStats.filter((it) => it.itemTotalCorrelation < 0).map((it) => it.name);
  if (negative.length) {
    warnings.push(`item${negative.length > 1 ? 's' : ''} ${negative.join(', ')} correlate${negative.length > 1 ? '' : 's'} negatively with the rest of the scale; should ${negative.length > 1 ? 'they' : 'it'} be reverse-coded?`);
  }
  return { n, nDropped: sel.nDropped, alpha, standardizedAlpha, omegaTotal, items: itemStats, warnings };
}

/**
 * One-factor unweighted least squares (minres) fit of a correlation matrix by iterated principal
 * axes, run to convergence (max |Δh²| < 1e-14): the fixed point is the ULS solution.
 * Start: squared multiple correlations (as psych::fa).
 *
 * @param corr - correlation matrix (k ≥ 3).
 * @returns loadings (sign chosen so their sum is positive) and warnings.
 * @throws {StatsError} `not-converged` after 100,000 iterations.
 * @example
 * ```ts
 * oneFactorUls([[1, .5, .4], [.5, 1, .3], [.4, .3, 1]]).loadings;
 * ```
 */
export function oneFactorUls(corr: number[][]): { loadings: number[]; warnings: string[] } {
  const k = corr.length;
  const warnings: string[] = [];
  let h2: number[];
  try {
    const inv = inverse(new Matrix(corr));
    h2 = corr.map((_, j) => 1 - 1 / inv.get(j, j));
    if (h2.some((v) => !Number.isFinite(v) || v < 0 || v > 1)) throw new Error('bad smc');
  } catch {
    // Singular R: start from the largest absolute correlation of each item.
    h2 = corr.map((row, j) => Math.max(...row.filter((_, b) => b !== j).map(Math.abs)));
  }
  let loadings: number[] = [];
  for (let iter = 0; iter < 100_000; iter++) {
    const reduced = new Matrix(corr.map((row, a) => row.map((v, b) => (a === b ? h2[a] : v))));
    const evd = new EigenvalueDecomposition(reduced, { assumeSymmetric: true });
    const values = evd.realEigenvalues;
    let top = 0;
    for (let j = 1; j < k; j++) if (values[j] > values[top]) top = j;
    const lambda = Math.max(values[top], 0);
    const vec = evd.eigenvectorMatrix.getColumn(top);
    loadings = vec.map((v) => v * Math.sqrt(lambda));
    const next = loadings.map((l) => l * l);
    let change = 0;
    for (let j = 0; j < k; j++) change = Math.max(change, Math.abs(next[j] - h2[j]));
    h2 = next;
    if (change < 1e-14) {
      const sum = loadings.reduce((s, v) => s + v, 0);
      if (sum < 0) loadings = loadings.map((v) => -v);
      if (h2.some((v) => v >= 1)) warnings.push('Heywood case: an item has communality ≥ 1 in the one-factor model; ω total may be inflated');
      return { loadings, warnings };
    }
  }
  throw new StatsError('not-converged', 'the one-factor model for ω did not converge');
}
