/**
 * Moderation analysis: Hayes PROCESS model 1.
 *
 *   Y = b0 + b1 X + b2 W + b3 X·W + Σ h C + e        (Hayes 2022, eq. 7.2)
 *
 * fitted by the core QR fitter, optionally after mean-centring X and W (PROCESS `center=1`;
 * the product is formed after centring). The conditional effect of X at W = w is
 * θ(w) = b1 + b3·w̃ with SE √(V11 + 2w̃·V13 + w̃²·V33), w̃ = w − (centring constant of W)
 * (Hayes 2022, eqs. 7.9 and 7.12; Aiken & West 1991, eq. 2.4), t = θ/SE on the residual df.
 *
 * Probe values ("simple slopes"): chosen `wValues`; else, for a dichotomous W, its two values;
 * else mean − 1 SD, mean, mean + 1 SD of W on the analysis sample (PROCESS `moments=1`), where a
 * value outside the observed range is replaced by the minimum / maximum (as PROCESS v4 does) and
 * labelled 'min' / 'max'. `w` is always reported in the ORIGINAL metric of W (also when centred;
 * `wCentered` gives the centred value used in the model).
 *
 * Johnson–Neyman (Johnson & Neyman 1936; Bauer & Curran 2005; Hayes 2022, sec. 7.4): the values
 * of W where the conditional effect's p equals α = 1 − level solve
 *   (b3² − t*²V33)·w̃² + 2(b1b3 − t*²V13)·w̃ + (b1² − t*²V11) = 0,
 * t* the (1 − α/2) quantile of t(df). Real roots are found with the cancellation-free formula
 * q = −(B + sign(B)√D)/2, roots q/A and C/q (Press et al., Numerical Recipes, sec. 5.6). Points
 * inside [min W, max W] are reported with the % of cases below/above them; `regions` partitions
 * the observed range into intervals where the effect is / is not significant (judged at each
 * interval's midpoint). Not computed for a dichotomous W (null, as PROCESS).
 */
import { StatsError } from './errors';
import { assertDistinctRoles, assertHasRows, assertNotConstant, buildDesign, completeRows, takeNumeric, type DataFrame, type FactorSpec } from './frame';
import { coefficientTable, fitLinearModel, vcov, waldTest } from './linear-model';
import { pTwoSidedT, tQuantile } from './distributions';
import { mean, sampleSd } from './moments';
import { INTERCEPT, type Coefficient, type SampleInfo, type SeType } from './types';

/** Options of {@link moderate}. */
export interface ModerateOptions {
  /** Outcome Y. */
  y: string;
  /** Focal predictor X. */
  x: string;
  /** Moderator W. */
  w: string;
  /** Covariates (PROCESS `cov`). */
  covariates?: readonly string[];
  /** Categorical covariates → reference level (dummy coded). */
  factors?: FactorSpec;
  /** Mean-centre X and W before forming X·W (default false). */
  center?: boolean;
  /** Values of W (original metric) at which to probe; default mean ± 1 SD (or the two values of a dichotomous W). */
  wValues?: readonly number[];
  /** Confidence level (default 0.95); Johnson–Neyman uses α = 1 − level. */
  level?: number;
  /** Standard errors (default classic; PROCESS `hc3=1` ↔ 'hc3'). */
  se?: Exclude<SeType, 'cluster'>;
}

/** Conditional effect of X at one value of W. */
export interface SimpleSlope {
  /** W in its original metric. */
  w: number;
  /** W minus its centring constant (equals `w` without centring). */
  wCentered: number;
  /** '-1SD' | 'mean' | '+1SD' | 'min' | 'max' (clamped) | 'value' (chosen or dichotomous). */
  label: '-1SD' | 'mean' | '+1SD' | 'min' | 'max' | 'value';
  slope: number;
  se: number;
  t: number;
  p: number;
  ciLower: number;
  ciUpper: number;
}

/** A Johnson–Neyman transition point. */
export interface JohnsonNeymanPoint extends Omit<SimpleSlope, 'label'> {
  /** % of analysis cases with W below / above the point. */
  percentBelow: number;
  percentAbove: number;
}

/** Johnson–Neyman region of significance. */
export interface JohnsonNeyman {
  alpha: number;
  tCritical: number;
  /** All real roots (original metric of W), sorted, including those outside the observed range. */
  roots: number[];
  /** Roots inside [wMin, wMax], with the conditional effect there (p = α). */
  points: JohnsonNeymanPoint[];
  /** The observed range of W split at the points; `significant` at p < α, `sign` of the effect. */
  regions: Array<{ from: number; to: number; significant: boolean; sign: 'positive' | 'negative' }>;
  wMin: number;
  wMax: number;
}

/** Result of {@link moderate}. */
export interface ModerationResult extends SampleInfo {
  y: string;
  x: string;
  w: string;
  covariates: string[];
  center: boolean;
  /** Constants subtracted from X and W (0 without centring). */
  centering: { x: number; w: number };
  /** (Intercept), X, W, "X:W", covariates. */
  coefficients: Coefficient[];
  r2: number;
  /** Overall Wald F of all slopes with the chosen covariance (the classic F for `se: 'classic'`). */
  f: number;
  dfModel: number;
  dfResidual: number;
  pF: number;
  sigma: number;
  /** Test of X:W: R² change when it is added, F = t² (robust Wald F with HC SEs, as PROCESS). */
  interaction: { r2Change: number; f: number; df1: number; df2: number; p: number };
  /** Mean and SD of W on the analysis sample (original metric). */
  wMean: number;
  wSd: number;
  /** Mean and SD of X on the analysis sample (original metric), e.g. the span of simple-slope lines. */
  xMean: number;
  xSd: number;
  /**
   * Mean of each covariate term on the analysis sample (dummies of a factor covariate: the share
   * of that level), keyed by coefficient term; the values PROCESS holds covariates at when it
   * plots simple slopes. Covariates are never centred, so these are in their original metric.
   */
  covariateMeans: Record<string, number>;
  simpleSlopes: SimpleSlope[];
  /** null when W is dichotomous. */
  johnsonNeyman: JohnsonNeyman | null;
  level: number;
  se: Exclude<SeType, 'cluster'>;
}

/**
 * Moderation (PROCESS model 1) with simple slopes and the Johnson–Neyman region.
 *
 * @param frame - data; rows missing any used variable are dropped (listwise).
 * @param options - y, x, w, covariates, center, wValues, level, se.
 * @returns coefficients, interaction test, simple slopes and Johnson–Neyman points.
 * @throws {StatsError} `invalid-option` (repeated variable, bad level or wValues),
 *   `missing-column`, `non-numeric`, `constant-column` (names the column and its role),
 *   `collinear`, `too-few-observations`, `perfect-fit`.
 * @example
 * ```ts
 * const r = moderate(df, { y: 'engage', x: 'tl', w: 'pos', covariates: ['age'], center: true });
 * r.simpleSlopes; // at mean − 1 SD, mean, mean + 1 SD of pos
 * r.johnsonNeyman?.points; // W values where p = .05
 * ```
 */
export function moderate(frame: DataFrame, options: ModerateOptions): ModerationResult {
  const { y, x, w } = options;
  const covs = [...(options.covariates ?? [])];
  const level = options.level ?? 0.95;
  const seType = options.se ?? 'classic';
  const center = options.center ?? false;
  validate(y, x, w, covs, level, options.wValues);
  const factors = options.factors ?? {};
  const isFactor = (v: string) => Object.prototype.hasOwnProperty.call(factors, v);
  for (const v of [y, x, w]) {
    if (isFactor(v)) throw new StatsError('invalid-option', `'${v}' is listed as a factor; only covariates may be categorical`);
  }

  const sel = completeRows(frame, [y, x, w, ...covs.filter((c) => !isFactor(c))], covs.filter(isFactor));
  assertHasRows(frame, sel, [y, x, w, ...covs]);
  const rows = sel.rows;
  const num = takeNumeric(frame, [y, x, w], rows);
  const n = sel.n;
  assertNotConstant(num[y], y, `column '${y}' (the outcome Y)`);
  assertNotConstant(num[x], x, `column '${x}' (the focal predictor X)`);
  assertNotConstant(num[w], w, `column '${w}' (the moderator W)`);

  const cx = center ? mean(num[x]) : 0;
  const cw = center ? mean(num[w]) : 0;
  const xc = Float64Array.from(num[x], (v) => v - cx);
  const wc = Float64Array.from(num[w], (v) => v - cw);
  const xw = Float64Array.from(xc, (v, i) => v * wc[i]);
  const xwName = `${x}:${w}`;
  const covDesign = covs.length ? buildDesign(frame, covs, { rows, factors, intercept: false }) : { names: [] as string[], columns: [] as Float64Array[] };
  const one = new Float64Array(n).fill(1);
  const fit = fitLinearModel(
    { names: [INTERCEPT, x, w, xwName, ...covDesign.names], columns: [one, xc, wc, xw, ...covDesign.columns] },
    num[y],
  );
  const cov = vcov(fit, { type: seType });
  const coefficients = coefficientTable(fit, cov, { level });
  const df = cov.df;
  const iX = fit.names.indexOf(x);
  const iXW = fit.names.indexOf(xwName);
  const b1 = fit.coefficients[iX];
  const b3 = fit.coefficients[iXW];
  const V = cov.matrix;
  const v11 = V[iX][iX];
  const v13 = V[iX][iXW];
  const v33 = V[iXW][iXW];
  const tCrit = tQuantile((1 + level) / 2, df);

  const conditional = (wOrig: number): Omit<SimpleSlope, 'label'> => {
    const wt = wOrig - cw;
    const slope = b1 + b3 * wt; // Hayes 2022, eq. 7.9
    const variance = v11 + 2 * wt * v13 + wt * wt * v33; // Hayes 2022, eq. 7.12
    const se = Math.sqrt(Math.max(variance, 0));
    if (!(se > 0)) throw new StatsError('perfect-fit', `the standard error of the effect of '${x}' at ${w} = ${wOrig} is zero`);
    const t = slope / se;
    return { w: wOrig, wCentered: wt, slope, se, t, p: pTwoSidedT(t, df), ciLower: slope - tCrit * se, ciUpper: slope + tCrit * se };
  };

  // Probe values (original metric).
  const wRaw = num[w];
  const wMean = mean(wRaw);
  const wSd = sampleSd(wRaw);
  let wMin = Infinity;
  let wMax = -Infinity;
  for (const v of wRaw) {
    if (v < wMin) wMin = v;
    if (v > wMax) wMax = v;
  }
  const distinct = [...new Set(wRaw)].sort((a, b) => a - b);
  const dichotomous = distinct.length === 2;
  let probes: Array<{ w: number; label: SimpleSlope['label'] }>;
  if (options.wValues) probes = options.wValues.map((v) => ({ w: v, label: 'value' }));
  else if (dichotomous) probes = distinct.map((v) => ({ w: v, label: 'value' }));
  else {
    probes = [
      { w: wMean - wSd, label: '-1SD' },
      { w: wMean, label: 'mean' },
      { w: wMean + wSd, label: '+1SD' },
    ];
    // PROCESS v4: a probe outside the data is replaced by the minimum / maximum.
    if (probes[0].w < wMin) probes[0] = { w: wMin, label: 'min' };
    if (probes[2].w > wMax) probes[2] = { w: wMax, label: 'max' };
  }
  const covariateMeans: Record<string, number> = {};
  covDesign.names.forEach((name, j) => {
    covariateMeans[name] = mean(covDesign.columns[j]);
  });
  const simpleSlopes = probes.map((pr) => ({ ...conditional(pr.w), label: pr.label }));

  let johnsonNeyman: JohnsonNeyman | null = null;
  if (!dichotomous) {
    const t2 = tCrit * tCrit;
    const A = b3 * b3 - t2 * v33;
    const B = 2 * (b1 * b3 - t2 * v13);
    const C = b1 * b1 - t2 * v11;
    const roots = quadraticRoots(A, B, C, b3 * b3 + t2 * v33).map((r) => r + cw);
    const inside = roots.filter((r) => r >= wMin && r <= wMax);
    const points = inside.map((r) => {
      let below = 0;
      let above = 0;
      for (const v of wRaw) {
        if (v < r) below++;
        else if (v > r) above++;
      }
      return { ...conditional(r), percentBelow: (100 * below) / n, percentAbove: (100 * above) / n };
    });
    const cuts = [wMin, ...inside, wMax];
    const regions: JohnsonNeyman['regions'] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      if (!(cuts[i + 1] > cuts[i])) continue;
      const mid = conditional((cuts[i] + cuts[i + 1]) / 2);
      regions.push({ from: cuts[i], to: cuts[i + 1], significant: mid.p < 1 - level, sign: mid.slope >= 0 ? 'positive' : 'negative' });
    }
    johnsonNeyman = { alpha: 1 - level, tCritical: tCrit, roots, points, regions, wMin, wMax };
  }

  // R² change for X:W (reduced model without the product, same rows).
  const reduced = fitLinearModel(
    { names: [INTERCEPT, x, w, ...covDesign.names], columns: [one, xc, wc, ...covDesign.columns] },
    num[y],
  );
  const rowXW = coefficients[iXW];
  const slopesIdx = fit.names.map((_, i) => i).filter((i) => fit.names[i] !== INTERCEPT);
  const overall = waldTest(fit.coefficients, V, slopesIdx, df);

  return {
    n,
    nDropped: sel.nDropped,
    y,
    x,
    w,
    covariates: covs,
    center,
    centering: { x: cx, w: cw },
    coefficients,
    r2: fit.r2,
    f: overall.statistic,
    dfModel: overall.df1,
    dfResidual: df,
    pF: overall.p,
    sigma: fit.sigma,
    interaction: { r2Change: fit.r2 - reduced.r2, f: rowXW.t * rowXW.t, df1: 1, df2: df, p: rowXW.p },
    wMean,
    wSd,
    xMean: mean(num[x]),
    xSd: sampleSd(num[x]),
    covariateMeans,
    simpleSlopes,
    johnsonNeyman,
    level,
    se: seType,
  };
}

/**
 * Real roots of A·w² + B·w + C = 0, sorted, without cancellation (Numerical Recipes, sec. 5.6).
 * A is treated as 0 (linear equation) when |A| ≤ 1e-13·scale.
 *
 * @param A - quadratic coefficient.
 * @param B - linear coefficient.
 * @param C - constant.
 * @param scale - magnitude of the terms that formed A (for the "A ≈ 0" test).
 * @returns 0, 1 or 2 real roots, ascending.
 * @example
 * ```ts
 * quadraticRoots(1, -3, 2, 1); // [1, 2]
 * ```
 */
export function quadraticRoots(A: number, B: number, C: number, scale: number): number[] {
  if (Math.abs(A) <= 1e-13 * Math.abs(scale)) return B !== 0 ? [-C / B] : [];
  const D = B * B - 4 * A * C;
  if (D < 0) return [];
  const q = -0.5 * (B + (B >= 0 ? 1 : -1) * Math.sqrt(D));
  if (q === 0) return [0];
  const r = [q / A, C / q];
  return r.sort((a, b) => a - b);
}

function validate(y: string, x: string, w: string, covs: string[], level: number, wValues?: readonly number[]): void {
  assertDistinctRoles([[y, 'Y'], [x, 'X'], [w, 'W'], ...covs.map((c) => [c, 'a covariate'] as const)]);
  if (!(level > 0 && level < 1)) throw new StatsError('invalid-option', `confidence level must be in (0, 1) (got ${level})`);
  if (wValues) {
    if (wValues.length === 0) throw new StatsError('invalid-option', 'wValues is empty');
    for (const v of wValues) if (!Number.isFinite(v)) throw new StatsError('invalid-option', `W value ${v} is not a finite number`);
  }
}

