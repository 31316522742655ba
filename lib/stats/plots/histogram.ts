/**
 * Histogram bins and the normal density drawn over them (residual diagnostics).
 */
import { StatsError } from '../errors';

/** One histogram bin: (x0, x1], the first also closed on the left (R's hist, right = TRUE). */
export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
  /** count / (n · width): the bar height on a density scale. */
  density: number;
}

/** Result of {@link histogramBins}. */
export interface Histogram {
  bins: HistogramBin[];
  /** Finite values counted. */
  n: number;
  /** Bin width (all bins are equally wide). */
  width: number;
}

/**
 * Number of classes by Sturges' rule, ⌈log₂ n + 1⌉ (R's nclass.Sturges).
 *
 * @param n - sample size (≥ 1).
 * @returns the number of classes.
 */
export function sturges(n: number): number {
  return Math.ceil(Math.log2(n) + 1);
}

/**
 * A "nice" step (1, 2 or 5 × 10^k) splitting [lo, hi] into about `count` parts; returned as an
 * integer step (> 0) or, for steps below 1, as the negated inverse (−10 for 0.1), so that
 * breaks computed from it are exact decimals (d3-array's tickIncrement).
 */
export function niceIncrement(lo: number, hi: number, count: number): number {
  const step = (hi - lo) / Math.max(1, count);
  const power = Math.floor(Math.log10(step));
  const error = step / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  return power >= 0 ? factor * 10 ** power : -(10 ** -power) / factor;
}

/**
 * Equal-width histogram of `values` (non-finite values dropped): Sturges' number of classes
 * (or `count`) on nice breaks (1, 2, 5 × 10^k) covering the data; bins are right-closed with
 * the first also closed on the left, as R's hist().
 *
 * @param values - the sample.
 * @param options - `count`: about how many bins (default Sturges).
 * @returns bins with counts and densities.
 * @throws {StatsError} `too-few-observations` without finite values.
 * @example
 * ```ts
 * histogramBins([1, 2, 2, 3, 7]).bins.map((b) => b.count); // [3, 1, 0, 1]  (breaks 0, 2, 4, 6, 8)
 * ```
 */
export function histogramBins(values: ArrayLike<number>, options: { count?: number } = {}): Histogram {
  const xs = Array.from(values).filter(Number.isFinite);
  const n = xs.length;
  if (n === 0) throw new StatsError('too-few-observations', 'a histogram needs at least one finite value');
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  if (lo === hi) {
    // One distinct value: a unit-wide bin around it (R: pretty() of a zero range).
    const half = lo === 0 ? 0.5 : Math.abs(lo) * 0.05;
    lo -= half;
    hi += half;
  }
  const count = options.count ?? sturges(n);
  const inc = niceIncrement(lo, hi, count);
  // Breaks as integers times the step, or integers divided by its inverse: exact decimals.
  const at = (k: number) => (inc > 0 ? k * inc : k / -inc);
  const k0 = inc > 0 ? Math.floor(lo / inc) : Math.floor(lo * -inc);
  let k1 = inc > 0 ? Math.ceil(hi / inc) : Math.ceil(hi * -inc);
  if (k1 === k0) k1 = k0 + 1;
  const width = at(k0 + 1) - at(k0);
  const bins: HistogramBin[] = [];
  for (let k = k0; k < k1; k++) bins.push({ x0: at(k), x1: at(k + 1), count: 0, density: 0 });
  for (const x of xs) {
    // Right-closed: x in (x0, x1]; the lowest break belongs to the first bin.
    let j = Math.ceil(inc > 0 ? x / inc : x * -inc) - k0 - 1;
    if (j < 0) j = 0;
    if (j >= bins.length) j = bins.length - 1;
    // Guard against rounding at a break (x a hair above at(k) after division).
    while (j > 0 && x <= bins[j].x0) j--;
    while (j < bins.length - 1 && x > bins[j].x1) j++;
    bins[j].count++;
  }
  for (const b of bins) b.density = b.count / (n * (b.x1 - b.x0));
  return { bins, n, width };
}

/**
 * Normal density φ((x − μ)/σ)/σ.
 *
 * @param x - point.
 * @param mean - μ.
 * @param sd - σ (> 0).
 * @returns the density.
 */
export function normalDensity(x: number, mean = 0, sd = 1): number {
  const z = (x - mean) / sd;
  return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
}

/** Mean and sample SD (n − 1) of the finite values. */
export function meanSd(values: ArrayLike<number>): { mean: number; sd: number; n: number } {
  const xs = Array.from(values).filter(Number.isFinite);
  const n = xs.length;
  if (n < 2) throw new StatsError('too-few-observations', `a mean and SD need at least 2 finite values (got ${n})`);
  const mean = xs.reduce((s, v) => s + v, 0) / n;
  let ss = 0;
  for (const v of xs) ss += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / (n - 1)), n };
}

/**
 * Points of the normal density with the sample's mean and SD across [from, to], scaled to the
 * histogram's count axis (n · bin width · φ) or left as a density.
 *
 * @param values - the sample (μ and σ are its mean and SD with n − 1).
 * @param from - left end.
 * @param to - right end.
 * @param options - `points` (default 101); `binWidth` to scale to counts.
 * @returns [x, y] pairs.
 */
export function normalCurve(
  values: ArrayLike<number>,
  from: number,
  to: number,
  options: { points?: number; binWidth?: number } = {},
): Array<[number, number]> {
  const { mean, sd, n } = meanSd(values);
  const m = Math.max(2, options.points ?? 101);
  const scale = options.binWidth !== undefined ? n * options.binWidth : 1;
  return Array.from({ length: m }, (_, i) => {
    const x = from + ((to - from) * i) / (m - 1);
    return [x, scale * normalDensity(x, mean, sd)] as [number, number];
  });
}
