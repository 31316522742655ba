/**
 * Plot geometry for moderation (PROCESS model 1) results: the conditional effect of X across W
 * with its confidence band (Johnson–Neyman plot) and the simple-slopes lines.
 */
import { tQuantile } from '../distributions';
import { StatsError } from '../errors';
import type { ModerationResult } from '../moderate';
import { INTERCEPT } from '../types';

/** The parts of a moderation result the plots read. */
export type ModerationPlotInput = Pick<
  ModerationResult,
  'x' | 'w' | 'coefficients' | 'centering' | 'simpleSlopes' | 'johnsonNeyman' | 'dfResidual' | 'level' | 'wMean' | 'wSd'
>;

/** Variance parts of θ(w) = b₁ + b₃·(w − c_w): Var = v11 + 2(w − c_w)v13 + (w − c_w)²v33. */
export interface ConditionalEffectModel {
  b1: number;
  b3: number;
  v11: number;
  v13: number;
  v33: number;
  /** Centring constant of W. */
  cw: number;
  /** Critical t for the result's confidence level on its residual df. */
  tCritical: number;
}

/**
 * The conditional-effect model recovered from a moderation result. The result carries Var(b₁)
 * and Var(b₃) (the SEs of X and X:W) but not their covariance; each simple slope's SE gives it:
 * se² = v11 + 2·wc·v13 + wc²·v33 (Hayes 2022, eq. 7.12), solved by least squares over the slopes
 * probed away from the centre (exact, up to rounding, for any one of them).
 *
 * @param result - a moderation result.
 * @returns b₁, b₃, the covariance entries, the centring constant and the critical t.
 * @throws {StatsError} `invalid-option` when X or X:W is missing from the coefficients or no
 *   simple slope lies away from W's centring value.
 */
export function conditionalEffectModel(result: ModerationResult | ModerationPlotInput): ConditionalEffectModel {
  const find = (term: string) => {
    const row = result.coefficients.find((c) => c.term === term);
    if (!row) throw new StatsError('invalid-option', `the moderation result has no coefficient '${term}'`);
    return row;
  };
  const bx = find(result.x);
  const bxw = find(`${result.x}:${result.w}`);
  const v11 = bx.se ** 2;
  const v33 = bxw.se ** 2;
  let num = 0;
  let den = 0;
  for (const s of result.simpleSlopes) {
    const wc = s.wCentered;
    if (Math.abs(wc) < 1e-12) continue;
    // se² − v11 − wc²·v33 = 2·wc·v13: least squares in v13.
    num += 2 * wc * (s.se ** 2 - v11 - wc * wc * v33);
    den += 4 * wc * wc;
  }
  if (den === 0) throw new StatsError('invalid-option', 'the moderation result needs a simple slope away from the centre of W to recover the band');
  return {
    b1: bx.estimate,
    b3: bxw.estimate,
    v11,
    v13: num / den,
    v33,
    cw: result.centering.w,
    tCritical: tQuantile((1 + result.level) / 2, result.dfResidual),
  };
}

/** The conditional effect of X at one value of W. */
export interface ConditionalEffectPoint {
  /** W in its original metric. */
  w: number;
  effect: number;
  se: number;
  lower: number;
  upper: number;
}

/**
 * θ(w) with its confidence interval at `w` (original metric).
 *
 * @param model - from {@link conditionalEffectModel}.
 * @param w - moderator value.
 * @returns effect, SE and CI bounds.
 */
export function conditionalEffectAt(model: ConditionalEffectModel, w: number): ConditionalEffectPoint {
  const wc = w - model.cw;
  const effect = model.b1 + model.b3 * wc;
  const se = Math.sqrt(Math.max(0, model.v11 + 2 * wc * model.v13 + wc * wc * model.v33));
  return { w, effect, se, lower: effect - model.tCritical * se, upper: effect + model.tCritical * se };
}

/**
 * The conditional effect and CI band across [from, to] (default: W's observed range from the
 * Johnson–Neyman result, else mean ± 2 SD), sampled at `points` equally spaced W values plus the
 * Johnson–Neyman points inside the range (so the band touches zero exactly there).
 *
 * @param result - a moderation result.
 * @param options - range and number of points (default 101).
 * @returns points in increasing W.
 */
export function conditionalEffectCurve(
  result: ModerationResult | ModerationPlotInput,
  options: { from?: number; to?: number; points?: number } = {},
): ConditionalEffectPoint[] {
  const model = conditionalEffectModel(result);
  const jn = result.johnsonNeyman;
  const from = options.from ?? jn?.wMin ?? result.wMean - 2 * result.wSd;
  const to = options.to ?? jn?.wMax ?? result.wMean + 2 * result.wSd;
  const m = Math.max(2, options.points ?? 101);
  const ws = Array.from({ length: m }, (_, i) => from + ((to - from) * i) / (m - 1));
  for (const p of jn?.points ?? []) if (p.w > from && p.w < to) ws.push(p.w);
  ws.sort((a, b) => a - b);
  return ws.map((w) => conditionalEffectAt(model, w));
}

/** One simple-slope line: predicted Y across X at a fixed W. */
export interface SimpleSlopeLine {
  /** The slope's label ('-1SD', 'mean', '+1SD', …) as in the result. */
  label: string;
  /** W (original metric). */
  w: number;
  slope: number;
  p: number;
  /** Two points (original metric of X): at `xLow` and `xHigh`. */
  points: [[number, number], [number, number]];
}

/**
 * Predicted Y at X = xLow and xHigh for each probed W, from ŷ = b₀ + b₁x̃ + b₂w̃ + b₃x̃w̃ + Σ bₖcₖ
 * (x̃, w̃ centred as in the fit). Covariates enter at `covariateValues` (PROCESS plots them at
 * their means; missing ones count as 0, which shifts every line equally and leaves the slopes).
 *
 * @param result - a moderation result.
 * @param xLow - low X (original metric), e.g. mean − 1 SD of X.
 * @param xHigh - high X.
 * @param covariateValues - value of each covariate term (e.g. its mean).
 * @returns one line per simple slope in the result.
 * @throws {StatsError} `invalid-option` when a needed coefficient is missing.
 */
export function simpleSlopeLines(
  result: Pick<ModerationResult, 'x' | 'w' | 'coefficients' | 'centering' | 'simpleSlopes'>,
  xLow: number,
  xHigh: number,
  covariateValues: Readonly<Record<string, number>> = {},
): SimpleSlopeLine[] {
  const coef = (term: string) => {
    const row = result.coefficients.find((c) => c.term === term);
    if (!row) throw new StatsError('invalid-option', `the moderation result has no coefficient '${term}'`);
    return row.estimate;
  };
  const b0 = coef(INTERCEPT);
  const b1 = coef(result.x);
  const b2 = coef(result.w);
  const b3 = coef(`${result.x}:${result.w}`);
  const known = new Set([INTERCEPT, result.x, result.w, `${result.x}:${result.w}`]);
  let covPart = 0;
  for (const c of result.coefficients) if (!known.has(c.term)) covPart += c.estimate * (covariateValues[c.term] ?? 0);
  const cx = result.centering.x;
  const cw = result.centering.w;
  const predict = (x: number, w: number) => b0 + b1 * (x - cx) + b2 * (w - cw) + b3 * (x - cx) * (w - cw) + covPart;
  return result.simpleSlopes.map((s) => ({
    label: s.label,
    w: s.w,
    slope: s.slope,
    p: s.p,
    points: [
      [xLow, predict(xLow, s.w)],
      [xHigh, predict(xHigh, s.w)],
    ],
  }));
}

/** Legend text of a probed W value: "−1 SD (2.84)", "Mean (3.52)", "+1 SD (4.20)". */
export function slopeLabel(label: string, w: number, digits = 2): string {
  const value = w.toFixed(digits);
  switch (label) {
    case '-1SD':
      return `−1 SD (${value})`;
    case '+1SD':
      return `+1 SD (${value})`;
    case 'mean':
      return `Mean (${value})`;
    case 'min':
      return `Minimum (${value})`;
    case 'max':
      return `Maximum (${value})`;
    default:
      return value;
  }
}
