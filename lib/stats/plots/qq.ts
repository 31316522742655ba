/**
 * Normal Q–Q plot coordinates, as R's qqnorm() and qqline().
 */
import { StatsError } from '../errors';
import { normalQuantile } from '../distributions';

/**
 * Probability points for a Q–Q plot: (i − a)/(n + 1 − 2a), a = 3/8 for n ≤ 10 else 1/2
 * (R's ppoints, the Blom positions qqnorm uses).
 *
 * @param n - number of points (≥ 1).
 * @returns n increasing probabilities in (0, 1).
 * @throws {StatsError} `invalid-option` when n is not a positive integer.
 * @example
 * ```ts
 * ppoints(4); // [0.1470588…, 0.3823529…, 0.6176470…, 0.8529411…]
 * ```
 */
export function ppoints(n: number): number[] {
  if (!(Number.isInteger(n) && n >= 1)) throw new StatsError('invalid-option', `ppoints needs a positive integer n (got ${n})`);
  const a = n <= 10 ? 3 / 8 : 1 / 2;
  return Array.from({ length: n }, (_, i) => (i + 1 - a) / (n + 1 - 2 * a));
}

/**
 * Sample quantile of sorted values, type 7 (R's default): x[h] with h = (n − 1)p, interpolated.
 *
 * @param sorted - values in increasing order (non-empty).
 * @param p - probability in [0, 1].
 * @returns the quantile.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new StatsError('invalid-option', 'quantile of an empty sample');
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** One point of a normal Q–Q plot. */
export interface QqPoint {
  /** Standard-normal quantile at the point's plotting position. */
  theoretical: number;
  /** The observed value. */
  sample: number;
  /** Position of the value in the input (so points can be linked back to cases). */
  index: number;
}

/**
 * Normal Q–Q points of `values` (non-finite values are dropped): sorted sample against
 * qnorm(ppoints(n)), as R's qqnorm (ties keep input order).
 *
 * @param values - residuals or any sample.
 * @returns points in increasing order of the sample.
 * @throws {StatsError} `too-few-observations` with fewer than 2 finite values.
 */
export function qqPoints(values: ArrayLike<number>): QqPoint[] {
  const items: Array<{ v: number; i: number }> = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) items.push({ v: values[i], i });
  if (items.length < 2) throw new StatsError('too-few-observations', `a Q–Q plot needs at least 2 finite values (got ${items.length})`);
  items.sort((a, b) => a.v - b.v || a.i - b.i);
  const p = ppoints(items.length);
  return items.map((d, k) => ({ theoretical: normalQuantile(p[k]), sample: d.v, index: d.i }));
}

/**
 * Reference line through the first and third quartiles (R's qqline with the default
 * probs = c(0.25, 0.75) and type-7 quantiles).
 *
 * @param values - the sample (non-finite values are dropped).
 * @returns intercept and slope in (theoretical, sample) coordinates.
 * @throws {StatsError} `too-few-observations` with fewer than 2 finite values.
 */
export function qqLine(values: ArrayLike<number>): { intercept: number; slope: number } {
  const sorted = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length < 2) throw new StatsError('too-few-observations', `a Q–Q line needs at least 2 finite values (got ${sorted.length})`);
  const y1 = quantileSorted(sorted, 0.25);
  const y2 = quantileSorted(sorted, 0.75);
  const x1 = normalQuantile(0.25);
  const x2 = normalQuantile(0.75);
  const slope = (y2 - y1) / (x2 - x1);
  return { intercept: y1 - slope * x1, slope };
}
