// Minimal type declarations for the @stdlib packages used by lib/stats (they ship no types).
declare module '@stdlib/math-base-special-betainc' {
  /** Incomplete beta function I_x(a, b); `upper` returns 1 − I_x(a, b) computed directly. */
  export default function betainc(x: number, a: number, b: number, regularized?: boolean, upper?: boolean): number;
}
declare module '@stdlib/math-base-special-gammainc' {
  /** Incomplete gamma function P(a, x); `upper` returns Q(a, x) computed directly. */
  export default function gammainc(x: number, a: number, regularized?: boolean, upper?: boolean): number;
}
declare module '@stdlib/stats-base-dists-t-cdf' {
  export default function cdf(x: number, v: number): number;
}
declare module '@stdlib/stats-base-dists-t-quantile' {
  export default function quantile(p: number, v: number): number;
}
declare module '@stdlib/stats-base-dists-f-cdf' {
  export default function cdf(x: number, d1: number, d2: number): number;
}
declare module '@stdlib/stats-base-dists-chisquare-cdf' {
  export default function cdf(x: number, k: number): number;
}
declare module '@stdlib/stats-base-dists-normal-cdf' {
  export default function cdf(x: number, mu: number, sigma: number): number;
}
declare module '@stdlib/stats-base-dists-normal-quantile' {
  export default function quantile(p: number, mu: number, sigma: number): number;
}
