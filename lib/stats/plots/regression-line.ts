/**
 * Simple regression line of y on x with the confidence band of the mean (scatter plots).
 */
import { tQuantile } from '../distributions';
import { StatsError } from '../errors';

/** Result of {@link simpleRegression}. */
export interface SimpleRegression {
  intercept: number;
  slope: number;
  n: number;
  /** Residual SD √(RSS/(n − 2)). */
  sigma: number;
  xMean: number;
  /** Σ(x − x̄)². */
  sxx: number;
  /** n − 2. */
  df: number;
}

/**
 * Least-squares line y = a + b·x over the pairs where both are finite.
 *
 * @param x - predictor values.
 * @param y - outcome values (same length).
 * @returns intercept, slope and what the band needs.
 * @throws {StatsError} `invalid-option` for unequal lengths; `too-few-observations` with
 *   fewer than 3 complete pairs; `constant-column` when x is constant.
 */
export function simpleRegression(x: ArrayLike<number>, y: ArrayLike<number>): SimpleRegression {
  if (x.length !== y.length) throw new StatsError('invalid-option', `x and y differ in length (${x.length} vs ${y.length})`);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      xs.push(x[i]);
      ys.push(y[i]);
    }
  }
  const n = xs.length;
  if (n < 3) throw new StatsError('too-few-observations', `a fitted line with a band needs at least 3 complete pairs (got ${n})`);
  const xMean = xs.reduce((s, v) => s + v, 0) / n;
  const yMean = ys.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - xMean) ** 2;
    sxy += (xs[i] - xMean) * (ys[i] - yMean);
  }
  if (!(sxx > 0)) throw new StatsError('constant-column', 'x is constant: no line can be fitted');
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (ys[i] - intercept - slope * xs[i]) ** 2;
  return { intercept, slope, n, sigma: Math.sqrt(rss / (n - 2)), xMean, sxx, df: n - 2 };
}

/**
 * The fitted line and the `level` confidence band of the mean, ŷ ± t·σ·√(1/n + (x − x̄)²/Sxx)
 * (R's predict.lm(interval = "confidence")), at `points` x values across [from, to].
 *
 * @param fit - from {@link simpleRegression}.
 * @param from - left end.
 * @param to - right end.
 * @param options - `level` (default 0.95), `points` (default 50).
 * @returns points with fit, lower, upper.
 */
export function regressionBand(
  fit: SimpleRegression,
  from: number,
  to: number,
  options: { level?: number; points?: number } = {},
): Array<{ x: number; fit: number; lower: number; upper: number }> {
  const level = options.level ?? 0.95;
  const m = Math.max(2, options.points ?? 50);
  const t = tQuantile((1 + level) / 2, fit.df);
  return Array.from({ length: m }, (_, i) => {
    const x = from + ((to - from) * i) / (m - 1);
    const yhat = fit.intercept + fit.slope * x;
    const se = fit.sigma * Math.sqrt(1 / fit.n + (x - fit.xMean) ** 2 / fit.sxx);
    return { x, fit: yhat, lower: yhat - t * se, upper: yhat + t * se };
  });
}
