/**
 * Regression diagnostics: fitted values and residuals of a saved model, refitted on the same
 * analysis sample (listwise deletion, factor coding and terms exactly as the estimator), and
 * their reduction to what a page can draw.
 *
 * - OLS (the final model, i.e. the last block), moderation (PROCESS model 1) and
 *   difference-in-differences (two-way fixed effects) are supported. Panel models are not: the
 *   panel engine (./panel-estimators) does not expose its residuals.
 * - Residuals are y − ŷ of the full model (for DID: of the model with the entity and period
 *   effects, which by Frisch–Waugh–Lovell equal the residuals of the demeaned regression).
 *   Centring in moderation changes the coefficients, not ŷ or the residuals.
 *
 * Drawing cap ({@link drawableDiagnostics}): with more than `maxPoints` (5000) cases the scatter
 * and residual-vs-fitted points are an evenly spaced deterministic subsample (cases
 * ⌊k·n/maxPoints⌋, k = 0 … maxPoints − 1), while the histogram is binned from ALL residuals
 * (returned pre-binned) and the Q–Q plot gets `qqPoints` (1000) order statistics of ALL
 * residuals, the ones at ranks ≈ n·p_k + ½ for p_k = R's ppoints(1000): the k-th of them then
 * sits at the same theoretical quantile it would have in the full plot.
 */
import { StatsError } from './errors';
import { assertHasRows, assertNotConstant, buildDesign, completeRows, takeNumeric, variablesOf, type DataFrame } from './frame';
import { fitLinearModel } from './linear-model';
import type { DidOptions } from './did';
import type { ModerateOptions } from './moderate';
import type { OlsOptions } from './ols';
import { constantWithinGroups, demean, preparePanel } from './panel-data';
import { histogramBins, sturges, type Histogram } from './plots/histogram';
import { ppoints } from './plots/qq';
import { sampleSd } from './moments';
import { INTERCEPT } from './types';

/** Why a predictor is the focal X of the scatter. */
export type FocalRole = 'only' | 'largest-beta' | 'focal';

/** Fitted values and residuals of one model, in analysis-sample order. */
export interface ModelResiduals {
  fitted: Float64Array;
  residuals: Float64Array;
  /**
   * The focal predictor, when a plain numeric one exists (raw values on the analysis sample);
   * `role`: the model's only predictor, the one with the largest |β|, or moderation's X.
   */
  x?: { name: string; values: Float64Array; role: FocalRole };
  /** The outcome on the analysis sample. */
  y: { name: string; values: Float64Array };
}

/**
 * Residuals of the final OLS model (all blocks), on the rows {@link ols} uses.
 * The focal X is the only numeric predictor, or the plain numeric term with the largest |β|
 * (standardized coefficient b·s_x/s_y); none when every term is a factor or an interaction.
 *
 * @param df - data frame.
 * @param options - the OLS options the analysis ran with.
 * @returns fitted values, residuals, focal X and Y.
 * @throws {StatsError} as {@link ols} (missing column, collinear, too few rows …).
 * @example
 * ```ts
 * olsResiduals(df, { y: 'sat', x: ['age', 'pay'] }).residuals; // = residuals(lm(sat ~ age + pay))
 * ```
 */
export function olsResiduals(df: DataFrame, options: OlsOptions): ModelResiduals {
  const terms = options.blocks ? options.blocks.flat() : [...(options.x ?? [])];
  if (terms.length === 0) throw new StatsError('invalid-option', 'no predictors');
  const factors = options.factors ?? {};
  const isFactor = (v: string) => Object.prototype.hasOwnProperty.call(factors, v);
  const vars = variablesOf(terms);
  const cluster = (options.se ?? 'classic') === 'cluster' && options.cluster ? [options.cluster] : [];
  // The same listwise deletion as ols() (its direct path keeps every row only when all are complete).
  const sel = completeRows(df, [options.y, ...vars.filter((v) => !isFactor(v))], [...vars.filter(isFactor), ...cluster]);
  assertHasRows(df, sel, [options.y, ...vars, ...cluster]);
  const y = takeNumeric(df, [options.y], sel.rows)[options.y];
  assertNotConstant(y, options.y, `outcome '${options.y}'`);
  const design = buildDesign(df, terms, { intercept: options.intercept ?? true, factors, rows: sel.rows });
  const fit = fitLinearModel(design, y);
  const sdY = sampleSd(y);
  let focal: ModelResiduals['x'];
  let best = -1;
  for (const term of new Set(terms)) {
    if (term.includes(':') || isFactor(term)) continue;
    const j = fit.names.indexOf(term);
    if (j < 0) continue;
    const values = takeNumeric(df, [term], sel.rows)[term];
    const beta = Math.abs((fit.coefficients[j] * sampleSd(values)) / sdY);
    if (beta > best) {
      best = beta;
      focal = { name: term, values, role: 'largest-beta' };
    }
  }
  if (focal && fit.names.filter((nm) => nm !== INTERCEPT).length === 1) focal.role = 'only';
  return { fitted: fit.fitted, residuals: fit.residuals, x: focal, y: { name: options.y, values: y } };
}

/**
 * Residuals of a moderation model Y ~ X + W + X·W + covariates on the rows {@link moderate}
 * uses (centring does not change them). The focal X is the model's X.
 *
 * @param df - data frame.
 * @param options - the moderation options the analysis ran with.
 * @returns fitted values, residuals, X and Y.
 * @throws {StatsError} as {@link moderate}.
 */
export function moderationResiduals(df: DataFrame, options: ModerateOptions): ModelResiduals {
  const { y, x, w } = options;
  const covs = [...(options.covariates ?? [])];
  const factors = options.factors ?? {};
  const isFactor = (v: string) => Object.prototype.hasOwnProperty.call(factors, v);
  const sel = completeRows(df, [y, x, w, ...covs.filter((c) => !isFactor(c))], covs.filter(isFactor));
  assertHasRows(df, sel, [y, x, w, ...covs]);
  const num = takeNumeric(df, [y, x, w], sel.rows);
  const covDesign = covs.length ? buildDesign(df, covs, { rows: sel.rows, factors, intercept: false }) : { names: [] as string[], columns: [] as ArrayLike<number>[] };
  const one = new Float64Array(sel.n).fill(1);
  const xw = Float64Array.from(num[x], (v, i) => v * num[w][i]);
  const fit = fitLinearModel({ names: [INTERCEPT, x, w, `${x}:${w}`, ...covDesign.names], columns: [one, num[x], num[w], xw, ...covDesign.columns] }, num[y]);
  return { fitted: fit.fitted, residuals: fit.residuals, x: { name: x, values: num[x], role: 'focal' }, y: { name: y, values: num[y] } };
}

/**
 * Residuals of the two-way fixed-effects DID model on the rows {@link did} uses: the
 * entity-demeaned regression on the demeaned period dummies, covariates, treat:post and the
 * main effects not absorbed (as did()); ŷ = y − e includes the fixed effects. No focal X (the
 * treatment is 0/1; a scatter of it says nothing).
 *
 * @param df - data frame.
 * @param options - the DID options the analysis ran with.
 * @returns fitted values, residuals and Y.
 * @throws {StatsError} as {@link did}.
 */
export function didResiduals(df: DataFrame, options: DidOptions): ModelResiduals {
  const se = options.se ?? 'cluster';
  const term = `${options.treat}:${options.post}`;
  const d = preparePanel(df, {
    y: options.y,
    x: [...(options.covariates ?? []), term],
    entity: options.entity,
    time: options.time,
    cluster: se === 'cluster' ? options.cluster : undefined,
    factors: options.factors,
    alsoNumeric: [options.treat, options.post],
  });
  const raw = takeNumeric(df, [options.treat, options.post], d.rows);
  const { entity, entityCounts, nEntities, time, nTimes } = d.index;
  if (!time || !nTimes) throw new StatsError('invalid-option', 'difference-in-differences needs a time column');
  const columns: Float64Array[] = [];
  for (let t = 1; t < nTimes; t++) {
    const dummy = new Float64Array(d.n);
    for (let i = 0; i < d.n; i++) if (time[i] === t) dummy[i] = 1;
    columns.push(dummy);
  }
  if (!constantWithinGroups(raw[options.treat], entity, nEntities)) columns.push(raw[options.treat]);
  if (!constantWithinGroups(raw[options.post], time, nTimes)) columns.push(raw[options.post]);
  columns.push(...d.columns);
  const demeaned = columns.map((c) => demean(c, entity, entityCounts));
  const fit = fitLinearModel({ names: demeaned.map((_, j) => `c${j}`), columns: demeaned }, demean(d.y, entity, entityCounts), { singular: 'drop' });
  const residuals = fit.residuals;
  const fitted = Float64Array.from(d.y, (v, i) => v - residuals[i]);
  return { fitted, residuals, y: { name: options.y, values: d.y } };
}

/** A histogram of all residuals with their mean and SD (the normal curve drawn over it). */
export type ResidualHistogramData = Histogram & { mean: number; sd: number };

/** What the diagnostics plots draw (plain arrays: JSON for the API). */
export interface ResidualDiagnostics {
  /** Cases in the model. */
  n: number;
  /** Cases in `fitted`/`residuals`/`x`/`y`: n, or the evenly spaced subsample when n > maxPoints. */
  nPoints: number;
  fitted: number[];
  residuals: number[];
  x?: { name: string; values: number[]; role: FocalRole };
  y?: { name: string; values: number[] };
  /** Binned from ALL n residuals (Sturges on n, R's hist breaks). */
  histogram: ResidualHistogramData;
  /**
   * The sample the Q–Q plot draws: all residuals when n ≤ maxPoints, else `qqPoints` order
   * statistics of all of them (ascending) at R's ppoints positions.
   */
  qq: { sample: number[]; orderStatistics: boolean };
}

/**
 * Reduces model residuals to what the diagnostics plots draw, capped for drawing.
 *
 * @param m - from {@link olsResiduals}, {@link moderationResiduals} or {@link didResiduals}.
 * @param options - `maxPoints` (default 5000) and `qqPoints` (default 1000).
 * @returns points (maybe subsampled), histogram and Q–Q sample from all residuals.
 * @throws {StatsError} `too-few-observations` with fewer than 2 residuals.
 * @example
 * ```ts
 * drawableDiagnostics(olsResiduals(df, { y: 'sat', x: ['age'] })).histogram.bins;
 * ```
 */
export function drawableDiagnostics(m: ModelResiduals, options: { maxPoints?: number; qqPoints?: number } = {}): ResidualDiagnostics {
  const maxPoints = options.maxPoints ?? 5000;
  const qqCount = options.qqPoints ?? 1000;
  const n = m.residuals.length;
  if (n < 2) throw new StatsError('too-few-observations', `diagnostics need at least 2 residuals (got ${n})`);
  const idx = evenlySpaced(n, maxPoints);
  const pick = (v: ArrayLike<number>) => (idx ? idx.map((i) => v[i]) : Array.from(v));
  const sorted = Float64Array.from(m.residuals).sort();
  const out: ResidualDiagnostics = {
    n,
    nPoints: idx ? idx.length : n,
    fitted: pick(m.fitted),
    residuals: pick(m.residuals),
    histogram: histogramOfAll(sorted),
    qq: n <= maxPoints ? { sample: Array.from(sorted), orderStatistics: false } : { sample: orderStatistics(sorted, qqCount), orderStatistics: true },
  };
  if (m.x) out.x = { name: m.x.name, values: pick(m.x.values), role: m.x.role };
  out.y = { name: m.y.name, values: pick(m.y.values) };
  return out;
}

/**
 * Indices ⌊k·n/m⌋, k = 0 … m − 1 (undefined when n ≤ m: take every case).
 *
 * @param n - number of cases.
 * @param m - at most this many.
 * @returns ascending distinct indices, or undefined.
 */
export function evenlySpaced(n: number, m: number): number[] | undefined {
  if (n <= m) return undefined;
  return Array.from({ length: m }, (_, k) => Math.floor((k * n) / m));
}

/**
 * `m` order statistics of a sorted sample: for p_k = R's ppoints(m), the value of rank
 * round(n·p_k + ½) (1-based, clamped), whose own plotting position (r − ½)/n is p_k.
 *
 * @param sorted - the whole sample, ascending.
 * @param m - how many (≤ n).
 * @returns m values, ascending.
 */
export function orderStatistics(sorted: ArrayLike<number>, m: number): number[] {
  const n = sorted.length;
  if (m >= n) return Array.from(sorted);
  return ppoints(m).map((p) => sorted[Math.min(n, Math.max(1, Math.round(n * p + 0.5))) - 1]);
}

/**
 * Histogram of a (large) sorted sample with the breaks histogramBins would choose for it (Sturges
 * on n; the breaks depend only on the range and the count), counted in one pass without
 * spreading the sample into Math.min/max (which overflows the stack for ~10⁵ values).
 *
 * @param sorted - finite values, ascending.
 * @returns bins (right-closed, the first also left-closed, as R's hist), n, width, mean, SD.
 */
export function histogramOfAll(sorted: ArrayLike<number>): ResidualHistogramData {
  const n = sorted.length;
  const frame = histogramBins([sorted[0], sorted[n - 1]], { count: sturges(n) });
  const bins = frame.bins.map((b) => ({ ...b, count: 0, density: 0 }));
  let j = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i];
    sum += v;
    // Ascending values: advance to the first bin whose right end is ≥ v.
    while (j < bins.length - 1 && v > bins[j].x1) j++;
    bins[j].count++;
  }
  for (const b of bins) b.density = b.count / (n * (b.x1 - b.x0));
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i] - mean) ** 2;
  return { bins, n, width: frame.width, mean, sd: Math.sqrt(ss / (n - 1)) };
}
