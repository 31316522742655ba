/**
 * The one least-squares fitter of lib/stats.
 *
 * API (everything else in lib/stats builds on these functions):
 * - `fitLinearModel(design, y, options?)` → {@link LinearModelFit}: Householder QR with R's
 *   limited column pivoting (LINPACK dqrdc2, tolerance 1e-7, as `lm`), rank detection that
 *   names the collinear columns, coefficients, residuals, σ, residual df, R².
 *   `design` is `{ names, columns }` (column-major; include the intercept column yourself, e.g.
 *   via `buildDesign` in ./frame, which names it "(Intercept)").
 *   The QR runs in two stages: [X y] is streamed once in row blocks of 1,024 (unpivoted
 *   Householder, each block reduced against the running R while it is in cache; O(np²) time,
 *   O(p²) memory besides the data), then dqrdc2 with its pivoting runs on the p×p factor.
 * - `vcov(fit, { type, cluster? })` → {@link Covariance}: classic σ²(X'X)⁻¹, HC0–HC3
 *   (sandwich), CR1 cluster-robust with the Stata `vce(cluster)` factor G/(G−1)·(N−1)/(N−K);
 *   carries the df to use for t tests (n − k, or G − 1 for clusters, as Stata).
 * - `coefficientTable(fit, cov, options?)` → {@link Coefficient}[] with t, p and CI.
 * - `waldTest(estimates, cov, indices, df2?)` → joint F (or χ² when df2 is omitted).
 * - `crossProductInverse(design)` → (X'X)⁻¹ by the same QR, for sandwich bread matrices.
 *
 * Normal equations are never formed: (X'X)⁻¹ = R⁻¹R⁻ᵀ and the sandwich meat is built from
 * Q₁ = X R⁻¹ (row blocks of Q₁ by forward substitution, O(nk²), no n×n or n×k matrix), so
 * ill-conditioned designs keep their digits (NIST Longley: B, SE, σ, R² and F to ≥ 12
 * significant digits against the certified values).
 * Small k×k algebra (Wald tests) uses ml-matrix.
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { pTwoSidedT, pTwoSidedZ, pUpperChisq, pUpperF, normalQuantile, tQuantile } from './distributions';
import { StatsError } from './errors';
import { INTERCEPT, type Coefficient, type SeType } from './types';

/** A design matrix by columns. */
export interface Design {
  /** Column names (unique). */
  readonly names: readonly string[];
  /** Columns, each of length n. */
  readonly columns: ReadonlyArray<ArrayLike<number>>;
}

/** Options of {@link fitLinearModel}. */
export interface FitOptions {
  /**
   * Relative tolerance for rank detection (R `lm` default 1e-7): a column whose norm, after
   * projecting out the preceding columns, falls below tolerance × its original norm is aliased.
   */
  tolerance?: number;
  /** What to do with aliased columns: throw `collinear` (default) or drop them (R's NA). */
  singular?: 'error' | 'drop';
  /**
   * Parameters absorbed before the fit (e.g. entity means removed by a within transformation);
   * subtracted from the residual df. Default 0.
   */
  absorbedDf?: number;
  /** Skip residual-based quantities other than rss/σ (faster, for bootstrap loops). */
  coefficientsOnly?: boolean;
}

/** A fitted linear model. Arrays are in the order of `names` (aliased columns removed). */
export interface LinearModelFit {
  /** Names of the estimated columns (design order, aliased columns removed). */
  names: string[];
  /** Columns dropped as collinear (only with `singular: 'drop'`). */
  aliased: string[];
  coefficients: Float64Array;
  n: number;
  /** Number of estimated coefficients (rank of X). */
  rank: number;
  /** n − rank − absorbedDf. */
  dfResidual: number;
  /** y − Xb (empty with coefficientsOnly). */
  residuals: Float64Array;
  /** Xb (empty with coefficientsOnly). */
  fitted: Float64Array;
  /** Residual sum of squares. */
  rss: number;
  /** √(rss/dfResidual). */
  sigma: number;
  /** Whether a column named "(Intercept)" is in the model. */
  hasIntercept: boolean;
  /** Total SS of y (centered if the model has an intercept, else uncentered, as R). */
  tss: number;
  /** 1 − rss/tss. */
  r2: number;
  /** (X'X)⁻¹ (rank × rank, `names` order), computed from R without normal equations. */
  xtxInverse: number[][];
  /**
   * Σ(x_ij − x̄_j)² of each estimated column (`names` order; 0 for a constant column), from the
   * same pass over the data as the QR, e.g. for standardized coefficients and VIFs.
   */
  centredSs: Float64Array;
  /** Internal QR factors (used by {@link vcov}). */
  readonly qr: QrFactors;
}

/**
 * (X'X)⁻¹ of a full-rank design by the same Householder QR as {@link fitLinearModel}
 * ((X'X)⁻¹ = R⁻¹R⁻ᵀ; the cross-product matrix is never formed or inverted). For sandwich
 * "bread" matrices of weighted designs, e.g. (X'FX)⁻¹ of quantile regression's "nid" SEs,
 * which R's summary.rq computes the same way (qr() then backsolve).
 *
 * @param design - columns and names (any values; no constant-column or perfect-fit checks).
 * @param options - `tolerance` for rank detection (default 1e-7, as R's qr()).
 * @returns the k×k matrix in design order.
 * @throws {StatsError} `collinear` naming the columns of a linear dependence;
 *   `invalid-option` for columns of different lengths.
 * @example
 * ```ts
 * crossProductInverse({ names: ['a', 'b'], columns: [[1, 1, 1], [1, 2, 4]] }); // (X'X)⁻¹
 * ```
 */
export function crossProductInverse(design: Design, options: { tolerance?: number } = {}): number[][] {
  const p = design.columns.length;
  const n = p > 0 ? design.columns[0].length : 0;
  for (let j = 0; j < p; j++) {
    const c = design.columns[j];
    if (c.length !== n) throw new StatsError('invalid-option', `column '${design.names[j]}' has ${c.length} values, expected ${n}`);
  }
  const { r } = blockedQr(design.columns, null, n, p);
  const { rank, pivot, qraux } = dqrdc2(r, p, p, options.tolerance ?? 1e-7);
  if (rank < p) throw collinearityError(r, qraux, p, p, rank, pivot, design.names);
  return crossFromRInverse(upperInverse(r, p, p), p);
}

/** R⁻¹R⁻ᵀ (k×k, nested arrays) from R⁻¹ (row-major upper triangular). */
function crossFromRInverse(rInv: Float64Array, k: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < k; i++) {
    const row: number[] = new Array(k);
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = Math.max(i, j); l < k; l++) s += rInv[i * k + l] * rInv[j * k + l];
      row[j] = s;
    }
    out.push(row);
  }
  return out;
}

/** QR factors of the kept columns (internal; shape may change). */
export interface QrFactors {
  n: number;
  k: number;
  /**
   * The kept design columns in `names` order: the caller's arrays, not copies (robust
   * covariances re-read them, so they must not change between the fit and {@link vcov}).
   */
  columns: ReadonlyArray<ArrayLike<number>>;
  /** R, k×k upper triangular, column-major (R[i, j] at j·k + i). */
  r: Float64Array;
  /** R⁻¹, k×k upper triangular, row-major. */
  rInverse: Float64Array;
}

/**
 * Fits y = Xb + e by least squares (QR with limited column pivoting, as R's lm).
 *
 * @param design - columns and names; include an "(Intercept)" column for a model with intercept.
 * @param y - response, same length as the columns.
 * @param options - tolerance, singular handling, absorbed df.
 * @returns the fit.
 * @throws {StatsError} `perfect-fit` when the residual variance is ≈ 0 (as R's "essentially
 *   perfect fit"); `too-few-observations` when n ≤ number of columns; `constant-column` when a
 *   non-intercept column is constant while the model has an intercept (or is all zero);
 *   `collinear` naming the columns of a perfect linear dependence; `non-finite` for NaN/∞ data.
 * @example
 * ```ts
 * const fit = fitLinearModel({ names: ['(Intercept)', 'x'], columns: [[1, 1, 1, 1], [1, 2, 3, 5]] }, [2, 4, 7, 9]);
 * fit.coefficients; // Float64Array [intercept, slope]
 * const cov = vcov(fit, { type: 'hc3' });
 * const table = coefficientTable(fit, cov);
 * ```
 */
export function fitLinearModel(design: Design, y: ArrayLike<number>, options: FitOptions = {}): LinearModelFit {
  const tol = options.tolerance ?? 1e-7;
  const absorbed = options.absorbedDf ?? 0;
  const p = design.columns.length;
  const n = y.length;
  if (design.names.length !== p) throw new StatsError('invalid-option', 'design: names and columns differ in length');
  if (new Set(design.names).size !== p) throw new StatsError('invalid-option', `design: duplicate column names (${design.names.join(', ')})`);
  if (p === 0) throw new StatsError('invalid-option', 'design has no columns');
  const hasIntercept = design.names.includes(INTERCEPT);
  const checkColumn = (j: number, min: number, max: number, finite: boolean) => {
    const c = design.columns[j];
    if (!finite) {
      const i = firstNonFinite(c);
      throw new StatsError('non-finite', `column '${design.names[j]}' row ${i + 1} is not finite (${c[i]})`);
    }
    if (design.names[j] !== INTERCEPT && n > 0 && min === max && (hasIntercept || min === 0)) {
      throw new StatsError('constant-column', `column '${design.names[j]}' is constant (${min})`, { column: design.names[j] });
    }
  };
  for (let j = 0; j < p; j++) {
    const c = design.columns[j];
    if (c.length !== n) {
      // Report what a column-by-column check would have found first.
      for (let a = 0; a < j; a++) {
        const s = columnStats(design.columns[a]);
        checkColumn(a, s.min, s.max, s.finite);
      }
      throw new StatsError('invalid-option', `column '${design.names[j]}' has ${c.length} values, y has ${n}`);
    }
  }

  // Stage 1 streams [X y] once (row blocks, unpivoted Householder) and gathers the column
  // checks on the way; stage 2 is R's pivoted dqrdc2 on the small p×p factor.
  const s1 = blockedQr(design.columns, y, n, p);
  for (let j = 0; j < p; j++) checkColumn(j, s1.min[j], s1.max[j], s1.finite[j] === 1);
  if (s1.finite[p] !== 1) {
    const i = firstNonFinite(y);
    throw new StatsError('non-finite', `response row ${i + 1} is not finite (${y[i]})`);
  }
  if (n <= p + absorbed) {
    throw new StatsError('too-few-observations', `n (${n}) must exceed the number of parameters (${p + absorbed})`, {
      n,
      parameters: p + absorbed,
    });
  }

  const x = s1.r;
  const { rank, pivot, qraux } = dqrdc2(x, p, p, tol);
  const aliasedIdx = pivot.slice(rank);
  if (aliasedIdx.length > 0 && (options.singular ?? 'error') === 'error') {
    throw collinearityError(x, qraux, p, p, rank, pivot, design.names);
  }
  if (n - rank - absorbed <= 0) {
    throw new StatsError(
      'too-few-observations',
      `n (${n}) must exceed the number of parameters (${rank + absorbed})`,
      { n, parameters: rank + absorbed },
    );
  }
  const k = rank;
  // dqrdc2 only moves columns to the end, so the first k (pivoted) columns are the kept ones,
  // in design order.
  const qty = s1.qty;
  applyQt(x, qraux, p, k, qty);
  // b = R⁻¹ (Q'y)[0..k)
  const rInv = upperInverse(x, p, k);
  const coef = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = i; j < k; j++) s += rInv[i * k + j] * qty[j];
    coef[i] = s;
  }
  // RSS = Σ_{i ≥ k} (Q'y)_i²: the part of Q'y below row p (stage 1) and rows k..p−1 (stage 2).
  let rss = s1.restSs;
  for (let i = k; i < p; i++) rss += qty[i] * qty[i];
  let fittedSs = 0;
  for (let i = 0; i < k; i++) fittedSs += qty[i] * qty[i];
  // R summary.lm: "essentially perfect fit" when resvar < (mean(f)² + var(f))·1e-30; we refuse
  // rather than report meaningless t statistics.
  if (rss / (n - k - absorbed) <= (fittedSs / n) * 1e-30) {
    throw new StatsError('perfect-fit', 'the model fits the data perfectly (residual variance ≈ 0); standard errors and tests are undefined');
  }
  const kept = pivot.slice(0, k).map((j) => design.columns[j]);
  const yv = options.coefficientsOnly && hasIntercept ? null : y instanceof Float64Array ? y : toFloat64(y);

  let residuals: Float64Array = new Float64Array(0);
  let fitted: Float64Array = new Float64Array(0);
  if (!options.coefficientsOnly) {
    residuals = leastSquaresResiduals(yv!, kept, coef, s1, pivot.slice(0, k));
    fitted = difference(yv!, residuals);
  }
  // Centred with an intercept (from the stage-1 pass), uncentred without, as R's summary.lm.
  const tss = hasIntercept ? s1.centredSs[p] : sumOfSquares(yv!, 0);

  const dfResidual = n - k - absorbed;
  const r = new Float64Array(k * k);
  for (let j = 0; j < k; j++) for (let i = 0; i <= j; i++) r[j * k + i] = x[j * p + i];
  return {
    names: pivot.slice(0, k).map((j) => design.names[j]),
    aliased: aliasedIdx.map((j) => design.names[j]),
    coefficients: coef,
    n,
    rank: k,
    dfResidual,
    residuals,
    fitted,
    rss,
    sigma: Math.sqrt(rss / dfResidual),
    hasIntercept,
    tss,
    r2: tss > 0 ? 1 - rss / tss : 0,
    xtxInverse: crossFromRInverse(rInv, k),
    centredSs: Float64Array.from(pivot.slice(0, k), (j) => s1.centredSs[j]),
    qr: { n, k, columns: kept, r, rInverse: rInv },
  };
}

/** Rows per block of the streaming QR: a block of [X y] stays in the L2 cache. */
const BLOCK_ROWS = 1024;

/** Stage-1 factors (see {@link blockedQr}). */
interface StreamedQr extends ColumnStats {
  /** R₁ (p×p, column-major, stride p), then Q'y's first p entries as column p when y is carried. */
  r: Float64Array;
  /** Copy of Q'y's first p entries. */
  qty: Float64Array;
  /** Σ of the squared rest of Q'y (rows below p). */
  restSs: number;
}

/**
 * Stage 1 of the least-squares QR: unpivoted Householder QR of [X y] taken in row blocks
 * (sequential TSQR: each block is stacked under the running R and reduced by structured
 * reflections, so one block of the data is in cache at a time, X is read once and no n×p
 * work array is allocated). Returns R₁ with Q'y, the squared norm of the rest of Q'y (the
 * residual sum of squares of the full-rank fit), and per-column sum, min, max and finiteness
 * (the last entry is y).
 *
 * Pivoting and rank detection happen afterwards on R₁ (dqrdc2 on p×p): column norms and the
 * norms of projections are invariant under the orthogonal Q₁, so the decisions are those of
 * dqrdc2 on X itself; an aliased column merely gets a reflection built from round-off here,
 * which is still orthogonal.
 */
function blockedQr(columns: ReadonlyArray<ArrayLike<number>>, y: ArrayLike<number> | null, n: number, p: number): StreamedQr {
  const q = y ? p + 1 : p;
  const r = new Float64Array(q * p);
  const m = Math.max(1, Math.min(n, BLOCK_ROWS));
  const blk = new Float64Array(m * q);
  const u0s = new Float64Array(p);
  const stats: ColumnStats = {
    mean: new Float64Array(q),
    centredSs: new Float64Array(q),
    min: new Float64Array(q).fill(Infinity),
    max: new Float64Array(q).fill(-Infinity),
    finite: new Uint8Array(q).fill(1),
  };
  let restSs = 0;
  for (let r0 = 0; r0 < n; r0 += m) {
    const mb = Math.min(m, n - r0);
    for (let j = 0; j < q; j++) {
      copyRows(j < p ? columns[j] : y!, r0, mb, blk, j * mb);
      blockStats(blk, j * mb, mb, r0, j, stats);
    }
    reduceBlock(blk, mb, p, q, r, u0s);
    if (y) {
      const off = p * mb;
      restSs += dot2(blk, off, off, 0, mb);
    }
  }
  const qty = y ? r.slice(p * p, p * p + p) : new Float64Array(0);
  return { r, qty, restSs, ...stats };
}

/** Per column (y last when it is carried): mean, Σ(x − x̄)², min, max, 1 when all finite. */
interface ColumnStats {
  mean: Float64Array;
  centredSs: Float64Array;
  min: Float64Array;
  max: Float64Array;
  finite: Uint8Array;
}

/**
 * Adds rows r0..r0+len−1 of column j (x[off..off+len)) to its running statistics. The block's
 * mean and centred sum of squares come from two passes over the block (in cache) and are merged
 * with the rows before by the pairwise update of Chan, Golub & LeVeque (1979), as accurate as
 * the two-pass algorithm over the whole column.
 */
function blockStats(x: Float64Array, off: number, len: number, r0: number, j: number, stats: ColumnStats): void {
  let s = 0;
  let lo = stats.min[j];
  let hi = stats.max[j];
  let bad = false;
  for (let i = off; i < off + len; i++) {
    const v = x[i];
    if (v - v !== 0) bad = true; // NaN or ±Infinity (also non-numbers coerced to NaN)
    s += v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const mean = s / len;
  let ss = 0;
  for (let i = off; i < off + len; i++) ss += (x[i] - mean) * (x[i] - mean);
  if (r0 === 0) {
    stats.mean[j] = mean;
    stats.centredSs[j] = ss;
  } else {
    // formula: n = n_a + n_b, δ = x̄_b − x̄_a, x̄ = x̄_a + δ·n_b/n, M = M_a + M_b + δ²·n_a·n_b/n
    const n = r0 + len;
    const d = mean - stats.mean[j];
    stats.mean[j] += (d * len) / n;
    stats.centredSs[j] += ss + (d * d * r0 * len) / n;
  }
  stats.min[j] = lo;
  stats.max[j] = hi;
  if (bad) stats.finite[j] = 0;
}

/**
 * Residuals y − Xb without the cancellation of Xb's large terms: when a kept column is
 * constant (the intercept), e = (y − ȳ) − Σ b_j (x_j − x̄_j) over the other kept columns, then
 * centred (least-squares residuals with an intercept sum to zero, so rounding in the means
 * only shifts them all by the same amount, which the centring removes); otherwise y − Σ b_j x_j.
 * On NIST Longley (terms of 3.5e6 for fitted values of 6e4) this keeps the residuals to about
 * 13 significant digits, as Q(0, (Q'y)[k..]) does in R.
 */
function leastSquaresResiduals(y: Float64Array, kept: ReadonlyArray<ArrayLike<number>>, coef: Float64Array, s1: StreamedQr, keptIdx: readonly number[]): Float64Array {
  const n = y.length;
  const constant = keptIdx.findIndex((j) => s1.min[j] === s1.max[j]);
  const e = shifted(y, constant >= 0 ? s1.mean[s1.mean.length - 1] : 0);
  for (let j = 0; j < kept.length; j++) {
    if (j === constant) continue;
    subtractScaled(e, coef[j], kept[j], constant >= 0 ? s1.mean[keptIdx[j]] : 0);
  }
  return constant >= 0 ? shifted(e, sum(e) / n, e) : e;
}

// Small single-loop helpers: V8 optimizes each hot loop in its own function instead of
// on-stack-replacing (and then deoptimizing) the long functions that call them.

/** Σ x. */
function sum(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/** Σ (x − c)². */
function sumOfSquares(x: Float64Array, c: number): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - c) * (x[i] - c);
  return s;
}

/** x − c (into `out`, a new array by default). */
function shifted(x: Float64Array, c: number, out: Float64Array = new Float64Array(x.length)): Float64Array {
  for (let i = 0; i < x.length; i++) out[i] = x[i] - c;
  return out;
}

/** a − b. */
function difference(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] - b[i];
  return out;
}

/** e −= b·(x − c), for a column of any array type. */
function subtractScaled(e: Float64Array, b: number, x: ArrayLike<number>, c: number): void {
  const n = e.length;
  if (x instanceof Float64Array) for (let i = 0; i < n; i++) e[i] -= b * (x[i] - c);
  else for (let i = 0; i < n; i++) e[i] -= b * (x[i] - c);
}

/**
 * Reduces one row block B (mb × q, column-major) stacked under the upper-triangular R (p
 * rows, q columns): for l = 0..p−1 the LINPACK reflection H_l = I − u uᵀ/u₀ of the stacked
 * column (R[l, l]; B[:, l]) — its only non-zeros, as rows < l are done and rows > l of R are
 * zero in column l — applied to columns l+1..q−1. u's block part overwrites B[:, l]; its R-row
 * part u₀ (kept in `u0s[l]`, 0 when there is nothing to reflect) sits at row l only. On return
 * column p of B, when y is carried, holds the block part of Q'y.
 *
 * Left-looking, two columns at a time: columns j and j+1 receive H_0..H_{j−1} in turn, the
 * update by H_s fused with the dot products for H_{s+1} in one sweep that reads u_s and
 * u_{s+1} once for both columns; then H_j is formed and applied to column j+1, and H_{j+1} is
 * formed. Each column still sees the arithmetic of applying the reflections one at a time
 * (dot products on the updated column), which is what keeps ill-conditioned designs such as
 * NIST Longley accurate; only the memory traffic changes.
 */
function reduceBlock(blk: Float64Array, mb: number, p: number, q: number, r: Float64Array, u0s: Float64Array): void {
  let j = 0;
  for (; j + 1 < q; j += 2) {
    sweepPair(blk, mb, p, r, u0s, Math.min(j, p), j, j + 1);
    if (j < p) {
      formReflection(blk, mb, p, r, u0s, j);
      applyReflection(blk, mb, p, r, u0s[j], j, j + 1);
      if (j + 1 < p) formReflection(blk, mb, p, r, u0s, j + 1);
    }
  }
  if (j < q) {
    for (let s = 0; s < Math.min(j, p); s++) applyReflection(blk, mb, p, r, u0s[s], s, j);
    if (j < p) formReflection(blk, mb, p, r, u0s, j);
  }
}

/** Applies H_0..H_{lim−1} to the stacked columns a and b (see {@link reduceBlock}). */
function sweepPair(blk: Float64Array, mb: number, p: number, r: Float64Array, u0s: Float64Array, lim: number, a: number, b: number): void {
  const oa = a * mb;
  const ob = b * mb;
  const ra = a * p;
  const rb = b * p;
  let s = 0;
  while (s < lim && u0s[s] === 0) s++;
  if (s >= lim) return;
  // t for H_s on a column c: −(u₀ R[s, ·] + U_s·c)/u₀; then R[s, ·] += t u₀ and c += t U_s.
  let os = s * mb;
  let u0 = u0s[s];
  let ta = -(u0 * r[ra + s] + dot2(blk, os, oa, 0, mb)) / u0;
  let tb = -(u0 * r[rb + s] + dot2(blk, os, ob, 0, mb)) / u0;
  r[ra + s] += ta * u0;
  r[rb + s] += tb * u0;
  for (;;) {
    let next = s + 1;
    while (next < lim && u0s[next] === 0) next++;
    if (next >= lim) {
      axpy(blk, ta, os, oa, 0, mb);
      axpy(blk, tb, os, ob, 0, mb);
      return;
    }
    // c += t U_s for both columns, and the dot products U_next·c in the same sweep.
    const on = next * mb;
    let da0 = 0;
    let da1 = 0;
    let db0 = 0;
    let db1 = 0;
    let i = 0;
    for (; i + 1 < mb; i += 2) {
      const u = blk[os + i];
      const u1 = blk[os + i + 1];
      const w = blk[on + i];
      const w1 = blk[on + i + 1];
      const ca = blk[oa + i] + ta * u;
      const ca1 = blk[oa + i + 1] + ta * u1;
      const cb = blk[ob + i] + tb * u;
      const cb1 = blk[ob + i + 1] + tb * u1;
      blk[oa + i] = ca;
      blk[oa + i + 1] = ca1;
      blk[ob + i] = cb;
      blk[ob + i + 1] = cb1;
      da0 += w * ca;
      da1 += w1 * ca1;
      db0 += w * cb;
      db1 += w1 * cb1;
    }
    if (i < mb) {
      const u = blk[os + i];
      const w = blk[on + i];
      const ca = blk[oa + i] + ta * u;
      const cb = blk[ob + i] + tb * u;
      blk[oa + i] = ca;
      blk[ob + i] = cb;
      da0 += w * ca;
      db0 += w * cb;
    }
    s = next;
    os = on;
    u0 = u0s[s];
    ta = -(u0 * r[ra + s] + (da0 + da1)) / u0;
    tb = -(u0 * r[rb + s] + (db0 + db1)) / u0;
    r[ra + s] += ta * u0;
    r[rb + s] += tb * u0;
  }
}

/** Applies H_l (u₀ and B[:, l]; nothing when u₀ = 0) to the stacked column j. */
function applyReflection(blk: Float64Array, mb: number, p: number, r: Float64Array, u0: number, l: number, j: number): void {
  if (u0 === 0) return;
  const ol = l * mb;
  const oj = j * mb;
  const t = -(u0 * r[j * p + l] + dot2(blk, ol, oj, 0, mb)) / u0;
  r[j * p + l] += t * u0;
  axpy(blk, t, ol, oj, 0, mb);
}

/** Forms H_j from the stacked column (R[j, j]; B[:, j]) as dqrdc2 does; u₀ goes to u0s[j]. */
function formReflection(blk: Float64Array, mb: number, p: number, r: Float64Array, u0s: Float64Array, j: number): void {
  const oj = j * mb;
  const rjj = r[j * p + j];
  let nrmxl = stackedNorm(rjj, blk, oj, mb);
  if (nrmxl === 0) {
    u0s[j] = 0;
    return;
  }
  if (rjj !== 0) nrmxl = Math.abs(nrmxl) * Math.sign(rjj);
  const scale = 1 / nrmxl; // LINPACK scales by the reciprocal (dscal)
  for (let i = oj; i < oj + mb; i++) blk[i] *= scale;
  u0s[j] = rjj * scale + 1;
  r[j * p + j] = -nrmxl;
}

/** √(a² + Σ x[start..start+len)²), scaled (as BLAS dnrm2) only when the plain sum may over/underflow. */
function stackedNorm(a: number, x: Float64Array, start: number, len: number): number {
  let ss = a * a;
  for (let i = start; i < start + len; i++) ss += x[i] * x[i];
  if (ss > 1e-280 && ss < 1e280) return Math.sqrt(ss);
  if (ss === 0 && a === 0) {
    let any = false;
    for (let i = start; i < start + len; i++) if (x[i] !== 0) any = true;
    if (!any) return 0;
  }
  let scale = 0;
  let ssq = 1;
  const add = (v: number) => {
    if (v === 0) return;
    const av = Math.abs(v);
    if (scale < av) {
      ssq = 1 + ssq * (scale / av) * (scale / av);
      scale = av;
    } else ssq += (av / scale) * (av / scale);
  };
  add(a);
  for (let i = start; i < start + len; i++) add(x[i]);
  return scale * Math.sqrt(ssq);
}

/** dst[off..off+len) ← src[from..from+len), coerced to numbers (a memcpy for Float64Arrays). */
function copyRows(src: ArrayLike<number>, from: number, len: number, dst: Float64Array, off: number): void {
  if (src instanceof Float64Array) dst.set(src.subarray(from, from + len), off);
  else for (let i = 0; i < len; i++) dst[off + i] = src[from + i];
}

/** Min, max and finiteness of a column (values coerced as a Float64Array would). */
function columnStats(c: ArrayLike<number>): { min: number; max: number; finite: boolean } {
  const v = toFloat64(c);
  let min = Infinity;
  let max = -Infinity;
  let finite = true;
  for (let i = 0; i < v.length; i++) {
    if (v[i] - v[i] !== 0) finite = false;
    if (v[i] < min) min = v[i];
    if (v[i] > max) max = v[i];
  }
  return { min, max, finite };
}

/** Index of the first value that is not a finite number (after numeric coercion). */
function firstNonFinite(c: ArrayLike<number>): number {
  return Array.from(toFloat64(c)).findIndex((v) => !Number.isFinite(v));
}

/**
 * A Float64Array copy, values coerced as a typed-array store does. An element loop: the
 * typed-array constructor is far slower on holey arrays (e.g. filled after `new Array(n)`).
 */
function toFloat64(c: ArrayLike<number>): Float64Array {
  const out = new Float64Array(c.length);
  for (let i = 0; i < c.length; i++) out[i] = c[i];
  return out;
}

/**
 * LINPACK dqrdc2 (R's src/appl/dqrdc2.f): Householder QR where columns whose remaining norm
 * falls below tol × original norm are moved to the end. Works in place on column-major x.
 */
function dqrdc2(x: Float64Array, n: number, p: number, tol: number) {
  const qraux = new Float64Array(p);
  const work1 = new Float64Array(p);
  const work2 = new Float64Array(p);
  const pivot = Array.from({ length: p }, (_, j) => j);
  for (let j = 0; j < p; j++) {
    const nrm = nrm2(x, j * n, n);
    qraux[j] = nrm;
    work1[j] = nrm;
    work2[j] = nrm === 0 ? 1 : nrm;
  }
  const lup = Math.min(n, p);
  let k = p + 1; // 1-based as in Fortran: columns k..p are the negligible ones
  const tmp = new Float64Array(n);
  for (let l = 0; l < lup; l++) {
    // Cycle negligible columns to the end.
    while (l + 1 < k && qraux[l] < work2[l] * tol) {
      tmp.set(x.subarray(l * n, (l + 1) * n));
      x.copyWithin(l * n, (l + 1) * n, p * n);
      x.set(tmp, (p - 1) * n);
      const pv = pivot[l];
      const t = qraux[l];
      const tt = work1[l];
      const ttt = work2[l];
      for (let j = l + 1; j < p; j++) {
        pivot[j - 1] = pivot[j];
        qraux[j - 1] = qraux[j];
        work1[j - 1] = work1[j];
        work2[j - 1] = work2[j];
      }
      pivot[p - 1] = pv;
      qraux[p - 1] = t;
      work1[p - 1] = tt;
      work2[p - 1] = ttt;
      k--;
    }
    if (l === n - 1) break;
    const off = l * n;
    let nrmxl = nrm2(x, off + l, n - l);
    if (nrmxl === 0) continue;
    if (x[off + l] !== 0) nrmxl = Math.abs(nrmxl) * Math.sign(x[off + l]);
    for (let i = l; i < n; i++) x[off + i] /= nrmxl;
    x[off + l] = 1 + x[off + l];
    const xll = x[off + l];
    for (let j = l + 1; j < p; j++) {
      const oj = j * n;
      const t = -dot2(x, off, oj, l, n) / xll;
      axpy(x, t, off, oj, l, n);
      if (qraux[j] !== 0) {
        const r = Math.abs(x[oj + l]) / qraux[j];
        const tt = Math.max(1 - r * r, 0);
        if (Math.abs(tt) < 1e-6) {
          // Recompute the norm instead of downdating (modification by D. Bates, 9/99).
          qraux[j] = nrm2(x, oj + l + 1, n - l - 1);
          work1[j] = qraux[j];
        } else {
          qraux[j] = qraux[j] * Math.sqrt(tt);
        }
      }
    }
    qraux[l] = x[off + l];
    x[off + l] = -nrmxl;
  }
  const rank = Math.min(k - 1, n);
  return { rank, pivot, qraux };
}

/** Σ_{i=from}^{to−1} x[a+i]·x[b+i], unrolled by 4 (partial sums). */
function dot2(x: Float64Array, a: number, b: number, from: number, to: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = from;
  for (; i + 3 < to; i += 4) {
    s0 += x[a + i] * x[b + i];
    s1 += x[a + i + 1] * x[b + i + 1];
    s2 += x[a + i + 2] * x[b + i + 2];
    s3 += x[a + i + 3] * x[b + i + 3];
  }
  for (; i < to; i++) s0 += x[a + i] * x[b + i];
  return s0 + s1 + (s2 + s3);
}

/** x[b+i] += t·x[a+i] for i in [from, to), unrolled by 4. */
function axpy(x: Float64Array, t: number, a: number, b: number, from: number, to: number): void {
  let i = from;
  for (; i + 3 < to; i += 4) {
    x[b + i] += t * x[a + i];
    x[b + i + 1] += t * x[a + i + 1];
    x[b + i + 2] += t * x[a + i + 2];
    x[b + i + 3] += t * x[a + i + 3];
  }
  for (; i < to; i++) x[b + i] += t * x[a + i];
}

function nrm2(x: Float64Array, start: number, len: number): number {
  // Fast path: plain sum of squares; fall back to the scaled algorithm (BLAS dnrm2) only when it
  // may have overflowed or underflowed.
  let ss = 0;
  for (let i = start; i < start + len; i++) ss += x[i] * x[i];
  if (ss > 1e-280 && ss < 1e280) return Math.sqrt(ss);
  if (ss === 0) {
    let any = false;
    for (let i = start; i < start + len; i++) if (x[i] !== 0) any = true;
    if (!any) return 0;
  }
  let scale = 0;
  let ssq = 1;
  for (let i = start; i < start + len; i++) {
    const v = x[i];
    if (v !== 0) {
      const a = Math.abs(v);
      if (scale < a) {
        ssq = 1 + ssq * (scale / a) * (scale / a);
        scale = a;
      } else ssq += (a / scale) * (a / scale);
    }
  }
  return scale * Math.sqrt(ssq);
}

/** v ← Q'v using the Householder vectors (dqrsl convention: qraux holds the first element). */
function applyQt(qr: Float64Array, qraux: Float64Array, n: number, k: number, v: Float64Array): void {
  const last = Math.min(k, n - 1);
  for (let l = 0; l < last; l++) reflect(qr, qraux, n, l, v);
}

/** Applies the l-th Householder reflection H_l = I − u uᵀ/u_l to v (LINPACK dqrsl). */
function reflect(qr: Float64Array, qraux: Float64Array, n: number, l: number, v: Float64Array): void {
  if (qraux[l] === 0) return;
  const off = l * n;
  const diag = qr[off + l];
  qr[off + l] = qraux[l];
  let dot = 0;
  for (let i = l; i < n; i++) dot += qr[off + i] * v[i];
  const t = -dot / qr[off + l];
  for (let i = l; i < n; i++) v[i] += t * qr[off + i];
  qr[off + l] = diag;
}

/** R⁻¹ (k×k upper triangular, row-major) by back substitution. */
function upperInverse(qr: Float64Array, n: number, k: number): Float64Array {
  const inv = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    // Solve R z = e_j; z lives in column j of inv.
    inv[j * k + j] = 1 / qr[j * n + j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let l = i + 1; l <= j; l++) s += qr[l * n + i] * inv[l * k + j];
      inv[i * k + j] = -s / qr[i * n + i];
    }
  }
  return inv;
}

/** Builds the error naming the columns of each perfect linear dependence. */
function collinearityError(
  x: Float64Array,
  qraux: Float64Array,
  n: number,
  p: number,
  rank: number,
  pivot: number[],
  names: readonly string[],
): StatsError {
  const k = rank;
  const rInv = upperInverse(x, n, k);
  const groups: string[][] = [];
  for (let a = k; a < p; a++) {
    // Column a (pivoted) after the first k reflections: rows 0..k-1 hold Q₁'x_a; the
    // dependence coefficients are R⁻¹Q₁'x_a. Report those contributing non-negligibly.
    const z = x.subarray(a * n, a * n + k);
    const contrib: number[] = [];
    let total = 0;
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = i; j < k; j++) s += rInv[i * k + j] * z[j];
      // |coefficient| × norm of column i (|R| diag... use norm of R column i)
      let norm = 0;
      for (let r = 0; r <= i; r++) norm += x[i * n + r] * x[i * n + r];
      const c = Math.abs(s) * Math.sqrt(norm);
      contrib.push(c);
      total += c;
    }
    const members = pivot
      .slice(0, k)
      .filter((_, i) => contrib[i] > 1e-6 * Math.max(total, Number.MIN_VALUE))
      .map((j) => names[j]);
    groups.push([...members, names[pivot[a]]]);
  }
  void qraux;
  const text = groups.map((g) => g.join(', ')).join('; and among: ');
  return new StatsError('collinear', `perfect collinearity among: ${text}`, {
    columns: [...new Set(groups.flat())],
    groups,
  });
}

/** Options of {@link vcov}. */
export interface VcovOptions {
  /** classic (default), hc0, hc1, hc2, hc3, cluster. */
  type?: SeType;
  /** Cluster labels, one per observation of the fit (required for `cluster`). */
  cluster?: ArrayLike<string | number>;
  /**
   * Finite-sample factor for `cluster`; default Stata's G/(G−1)·(N−1)/(N−K) with
   * K = n − dfResidual (so absorbed parameters count).
   */
  clusterScale?: number;
  /** df for t tests with `cluster`: 'clusters' = G − 1 (Stata, default) or 'residual' = n − k (R lmtest). */
  clusterDf?: 'clusters' | 'residual';
}

/** A coefficient covariance matrix with the df to use for t tests. */
export interface Covariance {
  type: SeType;
  /** rank × rank, in `fit.names` order. */
  matrix: number[][];
  /** df for t tests / CI (n − k, or G − 1 with clusters). */
  df: number;
  /** Number of clusters (cluster type only). */
  nClusters?: number;
}

/**
 * Coefficient covariance matrix.
 *
 * formula: classic σ²(X'X)⁻¹; HCj = (X'X)⁻¹ X'ΩX (X'X)⁻¹ with ω_i = e_i² (HC0),
 * e_i²·n/(n−k) (HC1), e_i²/(1−h_i) (HC2), e_i²/(1−h_i)² (HC3) (MacKinnon & White 1985; R
 * sandwich::vcovHC); cluster CR1 = c·(X'X)⁻¹ Σ_g X_g'e_g e_g'X_g (X'X)⁻¹ with
 * c = G/(G−1)·(N−1)/(N−K) (Stata vce(cluster); sandwich::vcovCL(type = "HC1")).
 *
 * @param fit - a fit from {@link fitLinearModel} (not coefficientsOnly for robust types).
 * @param options - type and cluster labels.
 * @returns the covariance and its df.
 * @throws {StatsError} `invalid-option` for missing/short cluster labels or a coefficientsOnly
 *   fit; `single-cluster` when fewer than 2 clusters; `perfect-fit` when h_i = 1 for HC2/HC3.
 * @example
 * ```ts
 * const cov = vcov(fit, { type: 'cluster', cluster: firmIds });
 * ```
 */
export function vcov(fit: LinearModelFit, options: VcovOptions = {}): Covariance {
  const type = options.type ?? 'classic';
  const { n, k, rInverse } = fit.qr;
  if (type === 'classic') {
    const s2 = fit.sigma * fit.sigma;
    return { type, matrix: fit.xtxInverse.map((row) => row.map((v) => v * s2)), df: fit.dfResidual };
  }
  if (fit.residuals.length !== n) throw new StatsError('invalid-option', `robust covariance (${type}) needs a full fit, not coefficientsOnly`);
  if (!['hc0', 'hc1', 'hc2', 'hc3', 'cluster'].includes(type)) throw new StatsError('invalid-option', `unknown se type '${type}'`);
  const e = fit.residuals;
  // The meat is built in the basis of Q₁ = X R⁻¹ (then V = R⁻¹ M R⁻ᵀ), a block of rows of Q₁
  // at a time from the same rows of X (forward substitution), so no n×k or n×n matrix is formed.
  const meat = new Float64Array(k * k);
  let nClusters: number | undefined;
  let df = fit.dfResidual;
  let scale = 1;
  if (type === 'cluster') {
    const labels = options.cluster;
    if (!labels) throw new StatsError('invalid-option', "se 'cluster' needs a cluster variable");
    if (labels.length !== n) throw new StatsError('invalid-option', `cluster has ${labels.length} labels, the fit has ${n} observations`);
    const index = new Map<string | number, number>();
    const g = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const key = labels[i];
      let id = index.get(key);
      if (id === undefined) {
        id = index.size;
        index.set(key, id);
      }
      g[i] = id;
    }
    const G = index.size;
    if (G < 2) throw new StatsError('single-cluster', `the cluster variable has only one cluster (${String(labels[0])}); cluster-robust SEs need at least 2`);
    // Cluster scores s_g = Σ_{i∈g} e_i q_i, then meat = Σ_g s_g s_gᵀ.
    const scores = new Float64Array(G * k);
    forEachQBlock(fit.qr, (r0, mb, qb) => {
      for (let a = 0; a < k; a++) {
        const off = a * mb;
        for (let i = 0; i < mb; i++) scores[g[r0 + i] * k + a] += qb[off + i] * e[r0 + i];
      }
    });
    for (let c = 0; c < G; c++) {
      for (let a = 0; a < k; a++) {
        const sa = scores[c * k + a];
        if (sa === 0) continue;
        for (let b = a; b < k; b++) meat[a * k + b] += sa * scores[c * k + b];
      }
    }
    const K = n - fit.dfResidual;
    scale = options.clusterScale ?? ((G / (G - 1)) * (n - 1)) / (n - K);
    nClusters = G;
    df = (options.clusterDf ?? 'clusters') === 'clusters' ? G - 1 : fit.dfResidual;
  } else {
    const leverage = type === 'hc2' || type === 'hc3';
    const root = new Float64Array(Q_ROWS);
    // meat = Σ ω_i q_i q_iᵀ = Σ u_i u_iᵀ with u_i = √ω_i q_i; ω_i = e_i² (HC0/HC1),
    // e_i²/(1 − h_i) (HC2), e_i²/(1 − h_i)² (HC3), leverage h_i = ‖q_i‖².
    forEachQBlock(fit.qr, (r0, mb, qb) => {
      for (let i = 0; i < mb; i++) root[i] = Math.abs(e[r0 + i]);
      if (leverage) {
        for (let i = 0; i < mb; i++) {
          let h = 0;
          for (let a = 0; a < k; a++) h += qb[a * mb + i] * qb[a * mb + i];
          const one = 1 - h;
          if (!(one > 1e-12)) {
            throw new StatsError('perfect-fit', `observation ${r0 + i + 1} has leverage 1; ${type.toUpperCase()} standard errors are undefined`);
          }
          root[i] = type === 'hc2' ? root[i] / Math.sqrt(one) : root[i] / one;
        }
      }
      for (let a = 0; a < k; a++) {
        const off = a * mb;
        for (let i = 0; i < mb; i++) qb[off + i] *= root[i];
      }
      for (let a = 0; a < k; a++) for (let b = a; b < k; b++) meat[a * k + b] += dot2(qb, a * mb, b * mb, 0, mb);
    });
    if (type === 'hc1') scale = n / fit.dfResidual;
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) meat[a * k + b] = meat[b * k + a];
  // V = R⁻¹ M R⁻ᵀ (meat is in the Q₁ basis, so the bread is R⁻¹).
  const tmp = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = i; l < k; l++) s += rInverse[i * k + l] * meat[l * k + j];
      tmp[i * k + j] = s;
    }
  const matrix: number[][] = [];
  for (let i = 0; i < k; i++) {
    const row = new Array<number>(k);
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = j; l < k; l++) s += tmp[i * k + l] * rInverse[j * k + l];
      row[j] = s * scale;
    }
    matrix.push(row);
  }
  // Exact symmetry (round-off makes V_ij and V_ji differ in the last bits).
  for (let i = 0; i < k; i++)
    for (let j = 0; j < i; j++) {
      const v = (matrix[i][j] + matrix[j][i]) / 2;
      matrix[i][j] = matrix[j][i] = v;
    }
  return nClusters === undefined ? { type, matrix, df } : { type, matrix, df, nClusters };
}

/** Rows per block when {@link forEachQBlock} forms rows of Q₁. */
const Q_ROWS = 512;

/**
 * Calls `visit(r0, mb, qb)` for consecutive row blocks, qb holding rows r0..r0+mb−1 of
 * Q₁ = X R⁻¹ column-major (qb[a·mb + i]); solved from q R = x_i by forward substitution, one
 * column of the block at a time. `qb` is reused (and may be overwritten) between calls.
 */
function forEachQBlock(f: QrFactors, visit: (r0: number, mb: number, qb: Float64Array) => void): void {
  const { n, k, columns, r } = f;
  const qb = new Float64Array(Q_ROWS * k);
  for (let r0 = 0; r0 < n; r0 += Q_ROWS) {
    const mb = Math.min(Q_ROWS, n - r0);
    for (let j = 0; j < k; j++) {
      const oj = j * mb;
      copyRows(columns[j], r0, mb, qb, oj);
      // q_j = (x_j − Σ_{l<j} R[l, j] q_l) / R[j, j]
      for (let l = 0; l < j; l++) axpy(qb, -r[j * k + l], l * mb, oj, 0, mb);
      const d = r[j * k + j];
      for (let i = oj; i < oj + mb; i++) qb[i] /= d;
    }
    visit(r0, mb, qb);
  }
}

/** Options of {@link coefficientTable}. */
export interface TableOptions {
  /** Confidence level (default 0.95). */
  level?: number;
  /** df for t tests (default `cov.df`); Infinity gives z tests (normal quantiles). */
  df?: number;
  /** Standardized coefficients by term name (SPSS Beta). */
  beta?: Readonly<Record<string, number>>;
}

/**
 * Coefficient table: estimate, se, t = estimate/se, two-sided p, CI estimate ± t_{df,(1+level)/2}·se.
 *
 * @param fit - the fit (or any `{ names, coefficients }`).
 * @param cov - covariance from {@link vcov}.
 * @param options - level, df, beta.
 * @returns one {@link Coefficient} per term.
 * @throws {StatsError} `perfect-fit` when an SE is zero; `invalid-option` for a bad level.
 * @example
 * ```ts
 * coefficientTable(fit, vcov(fit), { level: 0.9 });
 * ```
 */
export function coefficientTable(
  fit: { names: readonly string[]; coefficients: ArrayLike<number> },
  cov: Covariance,
  options: TableOptions = {},
): Coefficient[] {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new StatsError('invalid-option', `confidence level must be in (0, 1) (got ${level})`);
  const df = options.df ?? cov.df;
  const crit = Number.isFinite(df) ? tQuantile((1 + level) / 2, df) : normalQuantile((1 + level) / 2);
  return fit.names.map((term, i) => {
    const estimate = fit.coefficients[i];
    const v = cov.matrix[i][i];
    const se = Math.sqrt(Math.max(v, 0));
    if (!(se > 0) || !Number.isFinite(se)) {
      throw new StatsError('perfect-fit', `the standard error of '${term}' is ${se}; the model fits the data perfectly or is degenerate`, {
        term,
      });
    }
    const t = estimate / se;
    const p = Number.isFinite(df) ? pTwoSidedT(t, df) : pTwoSidedZ(t);
    const row: Coefficient = { term, estimate, se, t, p, ciLower: estimate - crit * se, ciUpper: estimate + crit * se };
    const b = options.beta?.[term];
    if (b !== undefined) row.beta = b;
    return row;
  });
}

/** Result of {@link waldTest}. */
export interface WaldResult {
  /** F = W/q when df2 is given, else the χ² statistic W. */
  statistic: number;
  df1: number;
  df2?: number;
  p: number;
}

/**
 * Joint Wald test that the coefficients at `indices` are zero.
 *
 * formula: W = b_Sᵀ V_S⁻¹ b_S; F = W/q ~ F(q, df2), or W ~ χ²(q) when df2 is omitted.
 *
 * @param estimates - all coefficients.
 * @param cov - their covariance (k×k).
 * @param indices - positions tested.
 * @param df2 - denominator df (omit for a χ² test).
 * @returns statistic, df and p.
 * @throws {StatsError} `invalid-option` for no indices; `collinear` when V_S is singular
 *   (e.g. more restrictions than clusters).
 * @example
 * ```ts
 * waldTest(fit.coefficients, cov.matrix, [1, 2, 3], cov.df); // overall F
 * ```
 */
export function waldTest(
  estimates: ArrayLike<number>,
  cov: ReadonlyArray<ReadonlyArray<number>>,
  indices: readonly number[],
  df2?: number,
): WaldResult {
  const q = indices.length;
  if (q === 0) throw new StatsError('invalid-option', 'Wald test needs at least one coefficient');
  const v = new Matrix(indices.map((i) => indices.map((j) => (cov[i][j] + cov[j][i]) / 2)));
  const b = Matrix.columnVector(indices.map((i) => estimates[i]));
  const chol = new CholeskyDecomposition(v);
  if (!chol.isPositiveDefinite()) {
    throw new StatsError('collinear', 'the covariance of the tested coefficients is singular; the joint test is not identified');
  }
  const w = b.transpose().mmul(chol.solve(b)).get(0, 0);
  if (!Number.isFinite(w)) throw new StatsError('non-finite', 'Wald statistic is not finite');
  if (df2 === undefined) return { statistic: w, df1: q, p: pUpperChisq(w, q) };
  const f = w / q;
  return { statistic: f, df1: q, df2, p: pUpperF(f, q, df2) };
}
