/**
 * Significance stars for published tables.
 *
 * Conventions: 'apa' (default; * p < .05, ** p < .01, *** p < .001, psychology / SPSS tables)
 * and 'econ' (* p < .1, ** p < .05, *** p < .01, econometrics "coef*** (t)" tables), or custom
 * thresholds from loosest to strictest.
 */
import { StatsError } from './errors';

/** A named convention or custom thresholds (strictly decreasing, each in (0, 1)). */
export type StarConvention = 'apa' | 'econ' | readonly number[];

const CONVENTIONS: Record<'apa' | 'econ', readonly number[]> = {
  apa: [0.05, 0.01, 0.001],
  econ: [0.1, 0.05, 0.01],
};

/**
 * Thresholds of a convention, validated.
 *
 * @param convention - 'apa', 'econ' or custom thresholds.
 * @returns thresholds from loosest to strictest.
 * @throws {StatsError} `invalid-option` for unknown names or non-decreasing thresholds.
 * @example
 * ```ts
 * starThresholds('econ'); // [0.1, 0.05, 0.01]
 * ```
 */
export function starThresholds(convention: StarConvention = 'apa'): readonly number[] {
  if (typeof convention === 'string') {
    const t = CONVENTIONS[convention];
    if (!t) throw new StatsError('invalid-option', `unknown star convention '${convention}' (use apa or econ)`);
    return t;
  }
  if (convention.length === 0 || convention.some((t, i) => !(t > 0 && t < 1) || (i > 0 && !(t < convention[i - 1])))) {
    throw new StatsError('invalid-option', `star thresholds must be decreasing values in (0, 1) (got ${convention.join(', ')})`);
  }
  return convention;
}

/**
 * Stars for a p-value: one star per threshold that p is strictly below.
 *
 * @param p - p-value (null gives '').
 * @param convention - convention or thresholds.
 * @returns '', '*', '**', '***' ...
 * @throws {StatsError} `invalid-option` for a bad convention.
 * @example
 * ```ts
 * stars(0.004); // '**'
 * stars(0.07, 'econ'); // '*'
 * ```
 */
export function stars(p: number | null, convention: StarConvention = 'apa'): string {
  const thresholds = starThresholds(convention);
  if (p === null || !Number.isFinite(p)) return '';
  let s = '';
  for (const t of thresholds) if (p < t) s += '*';
  return s;
}

/**
 * A copy of an analysis result in which every object with a numeric `p` (coefficient rows,
 * mediation paths, simple slopes, Sobel / Hausman / group-difference tests) also carries
 * `stars` for that p. Plain data only (what the analyses return); the input is not modified.
 *
 * @param result - any analysis result.
 * @param convention - 'apa' (default), 'econ' or thresholds.
 * @returns the annotated copy.
 * @throws {StatsError} `invalid-option` for a bad convention.
 * @example
 * ```ts
 * withStars(ols(df, opts), 'econ').coefficients[1].stars; // '**'
 * ```
 */
export function withStars<T>(result: T, convention: StarConvention = 'apa'): T {
  starThresholds(convention); // validate once
  const visit = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(visit);
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = visit(x);
    const p = (v as { p?: unknown }).p;
    if (typeof p === 'number') out.stars = stars(p, convention);
    return out;
  };
  return visit(result) as T;
}
