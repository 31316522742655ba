/**
 * Sample moments shared by the analyses (mean, SD, centred cross-products), two-pass so that data
 * with a large offset keep their precision (Chan, Golub & LeVeque 1983: the two-pass algorithm is
 * the accurate one; one-pass Σx² − n·x̄² cancels catastrophically).
 */

/**
 * Arithmetic mean.
 *
 * @param x - values (non-empty; an empty sample gives NaN, so callers check n first).
 * @returns Σx/n.
 * @example
 * ```ts
 * mean([1, 2, 6]); // 3
 * ```
 */
export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/**
 * Sample standard deviation with divisor n − 1 (R `sd`, SPSS).
 *
 * @param x - values (n ≥ 2; callers check n first).
 * @returns √(Σ(x − x̄)²/(n − 1)).
 * @example
 * ```ts
 * sampleSd([1, 2, 6]); // 2.6457513110645907
 * ```
 */
export function sampleSd(x: ArrayLike<number>): number {
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) * (x[i] - m);
  return Math.sqrt(s / (x.length - 1));
}

/** Centred sums of squares and cross-products of two equal-length samples. */
export interface CrossProducts {
  sxx: number;
  syy: number;
  sxy: number;
}

/**
 * Centred sums of squares and cross-products Σ(x − x̄)², Σ(y − ȳ)², Σ(x − x̄)(y − ȳ).
 *
 * @param x - first sample.
 * @param y - second sample (same length).
 * @returns sxx, syy, sxy; r = sxy/√(sxx·syy) when both are positive.
 * @example
 * ```ts
 * const { sxx, syy, sxy } = crossProducts([1, 2, 3], [2, 4, 7]);
 * ```
 */
export function crossProducts(x: ArrayLike<number>, y: ArrayLike<number>): CrossProducts {
  const mx = mean(x);
  const my = mean(y);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { sxx, syy, sxy };
}
