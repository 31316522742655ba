/**
 * Quantile regression (Koenker & Bassett 1978) at one or several τ, as R quantreg:
 * `rq(y ~ x, tau, method = "br")` for the estimates (exact LP vertex, see ./qreg-br) and
 * `summary(fit, se = "nid")` for the standard errors (Hendricks & Koenker 1992 sandwich with
 * the Hall–Sheather bandwidth; Koenker 2005 §3.4.2). Checked against R quantreg 5.94
 * (golden/make-golden-panel.R).
 */
import { coefficientTable, crossProductInverse, fitLinearModel, type Covariance } from './linear-model';
import { normalQuantile } from './distributions';
import { StatsError, assertFinite } from './errors';
import { assertHasRows, assertNotConstant, buildDesign, completeRows, variablesOf, takeNumeric, type DataFrame, type FactorSpec } from './frame';
import { solveQuantileLp } from './qreg-br';
import type { Coefficient, SampleInfo } from './types';

/** Options of {@link qreg}. */
export interface QregOptions {
  /** Response column. */
  y: string;
  /** Predictor terms: columns, factors (see `factors`) or interactions "X:W". */
  x: readonly string[];
  /** Quantile(s), each strictly between 0 and 1 (default 0.5). */
  tau?: number | readonly number[];
  /** Categorical predictors and their reference levels (dummy coding). */
  factors?: FactorSpec;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
  /** Hall–Sheather bandwidth (default true, as summary.rq); false = Bofinger. */
  hallSheather?: boolean;
  /** Include an intercept (default true). */
  intercept?: boolean;
}

/** Results at one τ. */
export interface QregQuantile {
  tau: number;
  /** Estimates with "nid" SEs; t tests and CIs on n − p df (summary.rq). */
  coefficients: Coefficient[];
  /** Σ ρ_τ(residual) at the solution. */
  objective: number;
  /** Bandwidth h used for the sparsity estimate (after halving to keep τ ± h in (0, 1)). */
  bandwidth: number;
  /** Another vertex attains the same objective (R: "Solution may be nonunique"). */
  nonunique: boolean;
  /** R-style warnings ("Solution may be nonunique", "3 non-positive fis"). */
  warnings: string[];
}

/** Coefficient-by-τ table: one row per term, one entry per τ. */
export interface QregTable {
  taus: number[];
  rows: Array<{ term: string; estimate: number[]; se: number[]; p: number[] }>;
}

/** Result of {@link qreg}. */
export interface QregResult extends SampleInfo {
  y: string;
  terms: string[];
  /** n − p. */
  dfResidual: number;
  quantiles: QregQuantile[];
  table: QregTable;
}

const SQRT_EPS = Math.sqrt(2.220446049250313e-16); // .Machine$double.eps^(1/2) in summary.rq

/**
 * Quantile regression with "nid" standard errors.
 *
 * @param df - data frame.
 * @param options - response, predictors, τ values.
 * @returns estimates per τ, the coefficient-by-τ table, n and nDropped (listwise).
 * @throws {StatsError} `invalid-option` for τ outside (0, 1); `missing-column`; `non-numeric`;
 *   `constant-column` (a predictor or the response); `collinear` (naming the columns);
 *   `too-few-observations` when n ≤ p; `perfect-fit` when the density estimates vanish.
 * @example
 * ```ts
 * const r = qreg(df, { y: 'lwage', x: ['educ', 'exper'], tau: [0.25, 0.5, 0.75] });
 * r.quantiles[1].coefficients; // median regression
 * ```
 */
export function qreg(df: DataFrame, options: QregOptions): QregResult {
  const taus = typeof options.tau === 'number' ? [options.tau] : [...(options.tau ?? [0.5])];
  if (taus.length === 0) throw new StatsError('invalid-option', 'give at least one tau');
  for (const t of taus) {
    if (!(typeof t === 'number' && t > 0 && t < 1)) {
      throw new StatsError('invalid-option', `tau must be strictly between 0 and 1 (got ${t})`, { tau: t });
    }
  }
  const level = options.level ?? 0.95;
  if (options.x.length === 0 && options.intercept === false) throw new StatsError('invalid-option', 'the model has no terms');
  const factors = options.factors ?? {};
  const isFactor = (v: string) => Object.prototype.hasOwnProperty.call(factors, v);
  const vars = variablesOf(options.x);
  const sel = completeRows(df, [options.y, ...vars.filter((v) => !isFactor(v))], vars.filter(isFactor));
  assertHasRows(df, sel, [options.y, ...vars]);
  const design = buildDesign(df, options.x, { factors, rows: sel.rows, intercept: options.intercept ?? true });
  const y = takeNumeric(df, [options.y], sel.rows)[options.y];
  const n = sel.n;
  const p = design.names.length;
  if (n <= p) {
    throw new StatsError('too-few-observations', `n (${n}) must exceed the number of parameters (${p})`, { n, parameters: p });
  }
  assertNotConstant(y, options.y, `response '${options.y}'`);
  // Rank / constant-column checks and a least-squares start, from the one LS fitter.
  const ls = fitLinearModel(design, y);

  const x = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const col = design.columns[j];
    for (let i = 0; i < n; i++) x[i * p + j] = col[i];
  }
  // J = X'X (summary.rq: crossprod(x)).
  const xtx = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    const o = i * p;
    for (let a = 0; a < p; a++) {
      const v = x[o + a];
      for (let b = a; b < p; b++) xtx[a * p + b] += v * x[o + b];
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtx[a * p + b] = xtx[b * p + a];

  const dfResidual = n - p;
  const quantiles: QregQuantile[] = taus.map((tau) => {
    const sol = solveQuantileLp(x, y, p, tau, { initial: ls.coefficients });
    const warnings: string[] = [];
    if (sol.nonunique) warnings.push('Solution may be nonunique');

    // summary.rq(se = "nid"): h = bandwidth.rq(τ, n); halve until τ ± h ∈ [0, 1].
    let h = bandwidth(tau, n, options.hallSheather ?? true);
    while (tau - h < 0 || tau + h > 1) h /= 2;
    const hi = solveQuantileLp(x, y, p, tau + h, { basis: sol.basis }).coefficients;
    const lo = solveQuantileLp(x, y, p, tau - h, { basis: sol.basis }).coefficients;
    // f_i = max(0, 2h / (x_i'(β(τ+h) − β(τ−h)) − ε)): local density of y at the τ quantile.
    const sqrtF = new Float64Array(n);
    let nonPositive = 0;
    for (let i = 0; i < n; i++) {
      let dy = 0;
      for (let j = 0; j < p; j++) dy += x[i * p + j] * (hi[j] - lo[j]);
      if (dy <= 0) nonPositive++;
      const f = Math.max(0, (2 * h) / (dy - SQRT_EPS));
      sqrtF[i] = Math.sqrt(f);
    }
    if (nonPositive > 0) warnings.push(`${nonPositive} non-positive fis`);
    // H⁻¹ = (X'FX)⁻¹ = R⁻¹R⁻ᵀ from the QR of √f·X (as summary.rq's backsolve on qr()), by the
    // one QR of ./linear-model.
    const weighted = design.columns.map((col) => Float64Array.from(col, (v, i) => sqrtF[i] * v));
    let hInv: number[][];
    try {
      hInv = crossProductInverse({ names: design.names, columns: weighted });
    } catch (e) {
      if (!(e instanceof StatsError && e.code === 'collinear')) throw e;
      throw new StatsError(
        'perfect-fit',
        `quantile regression (tau = ${tau}): the "nid" density estimates are zero for too many observations (${nonPositive} non-positive) to estimate standard errors`,
        { tau },
      );
    }
    // cov = τ(1 − τ) H⁻¹ J H⁻¹ (Koenker 2005, eq. 3.11)
    const cov: number[][] = [];
    const hj = new Float64Array(p * p);
    for (let a = 0; a < p; a++)
      for (let b = 0; b < p; b++) {
        let s = 0;
        for (let k = 0; k < p; k++) s += hInv[a][k] * xtx[k * p + b];
        hj[a * p + b] = s;
      }
    for (let a = 0; a < p; a++) {
      const row = new Array<number>(p);
      for (let b = 0; b < p; b++) {
        let s = 0;
        for (let k = 0; k < p; k++) s += hj[a * p + k] * hInv[k][b];
        row[b] = tau * (1 - tau) * s;
      }
      cov.push(row);
    }
    const covariance: Covariance = { type: 'classic', matrix: cov, df: dfResidual };
    const coefficients = coefficientTable({ names: design.names, coefficients: sol.coefficients }, covariance, { level });
    for (const c of coefficients) assertFinite(`coefficient '${c.term}' (tau = ${tau})`, [c.estimate, c.se, c.t, c.p, c.ciLower, c.ciUpper]);
    return { tau, coefficients, objective: sol.objective, bandwidth: h, nonunique: sol.nonunique, warnings };
  });

  const table: QregTable = {
    taus: [...taus],
    rows: design.names.map((term, j) => ({
      term,
      estimate: quantiles.map((q) => q.coefficients[j].estimate),
      se: quantiles.map((q) => q.coefficients[j].se),
      p: quantiles.map((q) => q.coefficients[j].p),
    })),
  };
  return { n, nDropped: sel.nDropped, y: options.y, terms: [...design.names], dfResidual, quantiles, table };
}

/**
 * Bandwidth for the sparsity estimate (quantreg::bandwidth.rq): Hall & Sheather (1988)
 * h = n^(−1/3) z_{1−α/2}^(2/3) [1.5 φ(Φ⁻¹(τ))² / (2 Φ⁻¹(τ)² + 1)]^(1/3), α = 0.05; or
 * Bofinger (1975) h = n^(−1/5) [4.5 φ⁴ / (2 Φ⁻¹(τ)² + 1)²]^(1/5).
 *
 * @param tau - quantile in (0, 1).
 * @param n - sample size.
 * @param hallSheather - Hall–Sheather (true) or Bofinger (false).
 * @returns the bandwidth (on the τ scale).
 * @example
 * ```ts
 * bandwidth(0.5, 499, true); // 0.1224904816550142
 * ```
 */
export function bandwidth(tau: number, n: number, hallSheather = true): number {
  const x0 = normalQuantile(tau);
  const f0 = Math.exp(-0.5 * x0 * x0) / Math.sqrt(2 * Math.PI);
  if (hallSheather) {
    const z = normalQuantile(0.975);
    return Math.pow(n, -1 / 3) * Math.pow(z, 2 / 3) * Math.pow((1.5 * f0 * f0) / (2 * x0 * x0 + 1), 1 / 3);
  }
  return Math.pow(n, -0.2) * Math.pow((4.5 * f0 ** 4) / (2 * x0 * x0 + 1) ** 2, 0.2);
}
