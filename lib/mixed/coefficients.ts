/**
 * The coefficients of a linked construct in saved analyses: every estimate in which the
 * construct's variable is a predictor, as the joint display shows it next to the code
 * ("β = .42***"). Reads stored results (JSON: a NaN of the engine arrives as null), so every
 * field is checked; rows without finite numbers are left out, never shown as NaN.
 */
import { normalQuantile } from '@/lib/stats/distributions';
import { stars } from '@/lib/stats/stars';
import { formatNumber, termLabel } from '@/lib/stats/tables/format';

import type { LinkedCoefficient } from './types';

/** A saved analysis as {@link linkedCoefficients} reads it (the data layer's SavedAnalysis fits). */
export interface AnalysisForLinks {
  id: string;
  title: string;
  kind: string;
  /** The CLI options it ran with. */
  options: readonly string[];
  result: unknown;
  stale: boolean;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const fin = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The numbers of one coefficient, or null when one of them is missing or not finite. */
function numbers(row: unknown): Pick<LinkedCoefficient, 'estimate' | 'se' | 'p' | 'ciLower' | 'ciUpper'> | null {
  if (!isObj(row)) return null;
  const estimate = fin(row.estimate);
  const se = fin(row.se);
  const p = fin(row.p);
  const ciLower = fin(row.ciLower);
  const ciUpper = fin(row.ciUpper);
  if (estimate === null || se === null || p === null || ciLower === null || ciUpper === null) return null;
  return { estimate, se, p, ciLower, ciUpper };
}

/** A term of `variable`: the variable itself, or one of its dummies "variable[level]". */
const isTermOf = (term: string, variable: string) => term === variable || (term.startsWith(`${variable}[`) && term.endsWith(']'));

/**
 * Every coefficient of a saved analysis in which `variable` is a predictor.
 *
 * - ols: the final model's rows of the variable (in a hierarchical regression the last block's
 *   model holds every term), labelled "x → y"; a factor's dummies "sector[ngo]" each
 *   ("sector: ngo → y"). β is the engine's standardized coefficient.
 * - panel, did: rows whose term is the variable (or its dummies); β null.
 * - moderate: the same; X's and W's rows are conditional effects, so the label says where the
 *   other one is held ("x → y (at w = 0)", or "(at mean w)" when centred).
 * - qreg: one row per τ, "x → y (τ = .50)".
 * - mediate: a (X → M) when the variable is X or M, b (M → Y) when it is M, c′ when it is X,
 *   and the specific indirect effect a·b when it is X or M ("indirect: x → m → y"). The
 *   indirect effect's CI is the percentile bootstrap CI (the normal-theory CI a·b ± z·SE when
 *   the run had no bootstrap), its `se` the bootstrap SE (else Sobel's), and its `p` (and so
 *   its stars) the Sobel test's: the bootstrap gives no p-value, so read the CI first. β null
 *   (the engine gives no standardized paths). A covariate of the mediation model gives none.
 * - correlation: r with each other variable (`outcome` = the other variable): estimate = β = r,
 *   se = √((1 − r²)/(n − 2)) (the SE the t test of r uses, so t = r/se as in the engine's
 *   p-value), CI by Fisher's z at 95 % (Spearman: the same approximation); n = 3 gives the
 *   uninformative CI [−1, 1].
 * - runs by group (`--group`) and other kinds (describe, reliability): none.
 *
 * @param analysis - a saved analysis (kind, options, stored result, stale flag).
 * @param variable - the linked variable (a scale's score variable, or a dataset variable).
 * @returns the coefficients in the result's order; [] when the variable is not a predictor.
 * @example
 * ```ts
 * linkedCoefficients({ id, title: 'Model 2', kind: 'ols', options: ['--y', 'perf', '--x', 'brand'], result: ols(df, { y: 'perf', x: ['brand'] }), stale: false }, 'brand');
 * // [{ label: 'brand → perf', estimate: 0.51, beta: 0.42, stars: '***', … }]
 * ```
 */
export function linkedCoefficients(analysis: AnalysisForLinks, variable: string): LinkedCoefficient[] {
  if (analysis.options.includes('--group')) return [];
  const r = analysis.result;
  if (!isObj(r) || variable === '') return [];
  const base = { analysisId: analysis.id, analysisTitle: analysis.title, kind: analysis.kind, stale: analysis.stale };
  const make = (label: string, outcome: string, n: NonNullable<ReturnType<typeof numbers>>, beta: number | null): LinkedCoefficient => ({
    ...base,
    label,
    outcome,
    ...n,
    beta,
    stars: stars(n.p),
  });
  const rowsOf = (rows: unknown, y: string, suffix = ''): LinkedCoefficient[] => {
    const out: LinkedCoefficient[] = [];
    for (const row of arr(rows)) {
      if (!isObj(row)) continue;
      const term = str(row.term);
      const n = numbers(row);
      if (term === null || n === null || !isTermOf(term, variable)) continue;
      out.push(make(`${termLabel(term, 'apa')} → ${y}${suffix}`, y, n, fin(row.beta)));
    }
    return out;
  };
  const y = str(r.y) ?? '';
  switch (analysis.kind) {
    case 'ols':
    case 'panel':
    case 'did':
      return rowsOf(r.coefficients, y);
    case 'moderate': {
      const x = str(r.x) ?? '';
      const w = str(r.w) ?? '';
      const at = (other: string) => (r.center === true ? ` (at mean ${other})` : ` (at ${other} = 0)`);
      if (variable === x) return rowsOf(r.coefficients, y, at(w));
      if (variable === w) return rowsOf(r.coefficients, y, at(x));
      return rowsOf(r.coefficients, y);
    }
    case 'qreg':
      return arr(r.quantiles).flatMap((q) => {
        const tau = isObj(q) ? fin(q.tau) : null;
        if (tau === null || !isObj(q)) return [];
        return rowsOf(q.coefficients, y, ` (τ = ${formatNumber(tau, { decimals: 2, leadingZero: false, thousands: false, minus: 'unicode' })})`);
      });
    case 'mediate':
      return mediationCoefficients(r, variable, make);
    case 'correlation':
      return correlationCoefficients(r, variable, make);
    default:
      return [];
  }
}

type Make = (label: string, outcome: string, n: NonNullable<ReturnType<typeof numbers>>, beta: number | null) => LinkedCoefficient;

function mediationCoefficients(r: Obj, variable: string, make: Make): LinkedCoefficient[] {
  const x = str(r.x);
  const y = str(r.y);
  if (x === null || y === null) return [];
  const level = fin(r.level) ?? 0.95;
  const out: LinkedCoefficient[] = [];
  const push = (label: string, outcome: string, row: unknown) => {
    const n = numbers(row);
    if (n) out.push(make(label, outcome, n, null));
  };
  const mediators = arr(r.mediators).filter(isObj);
  for (const m of mediators) {
    const name = str(m.name);
    if (name === null || (variable !== x && variable !== name)) continue;
    push(`a: ${x} → ${name}`, name, m.a);
    if (variable === name) push(`b: ${name} → ${y}`, y, m.b);
  }
  if (variable === x) push(`c′: ${x} → ${y}`, y, r.cPrime);
  for (const m of mediators) {
    const name = str(m.name);
    if (name === null || (variable !== x && variable !== name)) continue;
    const indirect = isObj(m.indirect) ? m.indirect : {};
    const sobel = isObj(m.sobel) ? m.sobel : {};
    const estimate = fin(indirect.estimate);
    const sobelSe = fin(sobel.se);
    const p = fin(sobel.p);
    if (estimate === null || p === null) continue;
    let ciLower = fin(indirect.ciLower);
    let ciUpper = fin(indirect.ciUpper);
    const se = fin(indirect.bootSe) ?? sobelSe;
    if (se === null) continue;
    if (ciLower === null || ciUpper === null) {
      // No bootstrap: the normal-theory interval of the Sobel test.
      if (sobelSe === null) continue;
      const z = normalQuantile(1 - (1 - level) / 2);
      ciLower = estimate - z * sobelSe;
      ciUpper = estimate + z * sobelSe;
    }
    out.push(make(`indirect: ${x} → ${name} → ${y}`, y, { estimate, se, p, ciLower, ciUpper }, null));
  }
  return out;
}

function correlationCoefficients(r: Obj, variable: string, make: Make): LinkedCoefficient[] {
  const vars = arr(r.variables).map(str);
  const i = vars.indexOf(variable);
  if (i < 0) return [];
  const rRow = arr(arr(r.r)[i]);
  const pRow = arr(arr(r.p)[i]);
  const nRow = arr(arr(r.n)[i]);
  const out: LinkedCoefficient[] = [];
  const z = normalQuantile(0.975);
  vars.forEach((other, j) => {
    if (j === i || other === null) return;
    const rho = fin(rRow[j]);
    const p = fin(pRow[j]);
    const n = fin(nRow[j]);
    if (rho === null || p === null || n === null || n < 3 || Math.abs(rho) > 1) return;
    const exact = Math.abs(rho) === 1;
    const se = exact ? 0 : Math.sqrt((1 - rho * rho) / (n - 2));
    // Fisher's z interval (Fisher 1921); undefined for n = 3, where any r is possible.
    let ciLower = -1;
    let ciUpper = 1;
    if (exact) ciLower = ciUpper = rho;
    else if (n > 3) {
      const zr = Math.atanh(rho);
      const h = z / Math.sqrt(n - 3);
      ciLower = Math.tanh(zr - h);
      ciUpper = Math.tanh(zr + h);
    }
    out.push(make(`r: ${variable} ↔ ${other}`, other, { estimate: rho, se, p, ciLower, ciUpper }, rho));
  });
  return out;
}

/** |t| of a coefficient (0 for 0/0, Infinity for an exact estimate). */
function absT(c: LinkedCoefficient): number {
  if (c.estimate === 0) return 0;
  return c.se > 0 ? Math.abs(c.estimate / c.se) : Infinity;
}

/**
 * How strong a coefficient is, as a sortable pair: β is comparable across models and t is
 * not comparable with β, so a coefficient with β always ranks above one without
 * (`tier` 2 vs 1), then by |β| or |t|.
 *
 * @param c - a coefficient.
 * @returns { tier, value }.
 */
export function coefficientStrength(c: LinkedCoefficient): { tier: 1 | 2; value: number } {
  return c.beta !== null && Number.isFinite(c.beta) ? { tier: 2, value: Math.abs(c.beta) } : { tier: 1, value: absT(c) };
}

/** Compares two strengths: negative when `a` is stronger. */
export function compareStrength(a: { tier: number; value: number }, b: { tier: number; value: number }): number {
  return b.tier - a.tier || b.value - a.value;
}

/**
 * The strongest coefficient: the largest |β| among those with β; when none has β, the largest
 * |t| = |estimate/se| (see {@link coefficientStrength}). Ties keep the first.
 *
 * @param list - coefficients.
 * @returns the strongest, or null for an empty list.
 * @example
 * ```ts
 * strongestCoefficient(coefficients)?.label; // 'brand → performance'
 * ```
 */
export function strongestCoefficient(list: readonly LinkedCoefficient[]): LinkedCoefficient | null {
  let best: LinkedCoefficient | null = null;
  for (const c of list) if (best === null || compareStrength(coefficientStrength(c), coefficientStrength(best)) < 0) best = c;
  return best;
}

const APA_BOUNDED = { decimals: 2, leadingZero: false, thousands: false, minus: 'unicode' } as const;
const APA_STAT = { decimals: 2, leadingZero: true, thousands: true, minus: 'unicode' } as const;

/**
 * A badge for a coefficient, APA style: "β = .42***" (2 decimals, no leading zero when
 * |β| ≤ 1), "r = −.31**" for a correlation, "B = 1.23**" when there is no β.
 *
 * @param c - a coefficient.
 * @returns the badge text.
 * @example
 * ```ts
 * formatCoefficientBadge({ ...c, beta: 0.4213, p: 0.0002, stars: '***' }); // 'β = .42***'
 * ```
 */
export function formatCoefficientBadge(c: LinkedCoefficient): string {
  if (c.beta !== null && Number.isFinite(c.beta)) {
    const symbol = c.kind === 'correlation' ? 'r' : 'β';
    return `${symbol} = ${formatNumber(c.beta, Math.abs(c.beta) <= 1 ? APA_BOUNDED : APA_STAT)}${c.stars}`;
  }
  return `B = ${formatNumber(c.estimate, APA_STAT)}${c.stars}`;
}
