/**
 * By-group runs of any analysis (heterogeneity: state-owned vs private firms, east/central/west)
 * and tests that a coefficient is equal across groups.
 *
 * Two tests are offered, because they answer slightly different questions:
 *
 * 1. z test for the difference of two independently estimated coefficients (Clogg, Petkova &
 *    Haritou 1995; recommended by Paternoster, Brame, Mazerolle & Piquero 1998, eq. 4):
 *      z = (b₁ − b₂) / √(se₁² + se₂²),   p = 2Φ(−|z|).
 *    It works for ANY analysis that reports estimates with SEs (OLS with any SE type, moderation,
 *    mediation paths, panel, quantile regression), because the groups are disjoint samples and
 *    the estimates are independent. It is asymptotic (normal reference) and does not assume equal
 *    error variances. {@link byGroup} reports it for every pair of groups. For mediation, the
 *    indirect effects are compared by the percentile bootstrap CI of the difference of the two
 *    groups' independent bootstrap draws (a difference whose CI excludes 0 is significant).
 *
 * 2. Chow (1960) test, {@link chowTest}: the pooled model y ~ terms against the fully interacted
 *    model y ~ (terms)·group (every coefficient free in every group),
 *      F = ((RSS_pooled − RSS_full)/((G − 1)·k)) / (RSS_full/(N − G·k))
 *    (R: anova(lm(y ~ x), lm(y ~ x * group))). The per-term interaction rows "term:group[level]"
 *    are t tests of b_level − b_reference assuming a common error variance (classic OLS).
 */
import { StatsError, isStatsError } from './errors';
import { assertHasRows, buildDesign, completeRows, factorLevels, getColumn, isMissing, nRows, takeLabels, takeNumeric, variablesOf, type Cell, type DataFrame, type FactorSpec } from './frame';
import { coefficientTable, fitLinearModel, vcov } from './linear-model';
import { pTwoSidedZ, pUpperF } from './distributions';
import { summarizeDraws } from './mediate-bootstrap';
import type { IndirectDraws } from './mediate-bootstrap';
import type { Coefficient, SampleInfo } from './types';

/** Options of {@link byGroup}. */
export interface ByGroupOptions {
  /** Grouping column (any values; numbers are compared by their decimal string). */
  group: string;
  /** Levels to analyse, in this order (default: every level, sorted as R's factor()). */
  levels?: readonly string[];
  /** Confidence level for the bootstrap CI of indirect-effect differences (default 0.95). */
  level?: number;
}

/** The analysis of one group. */
export interface GroupRun<R> {
  level: string;
  /** Rows with this group value (before the analysis' own listwise deletion). */
  rows: number;
  /** The analysis result, or null when it failed for this group (see `error`). */
  result: R | null;
  error: { code: string; message: string } | null;
}

/** An estimate that can be compared across groups. */
export interface ComparableEstimate {
  term: string;
  estimate: number;
  se: number;
}

/** z test of b₁ = b₂ for one term. */
export interface CoefficientDifference {
  term: string;
  estimate1: number;
  estimate2: number;
  /** b₁ − b₂. */
  difference: number;
  /** √(se₁² + se₂²). */
  se: number;
  z: number;
  p: number;
}

/** Difference of bootstrapped indirect effects between two groups. */
export interface IndirectDifference {
  /** Mediator name, or 'total' for the total indirect effect. */
  effect: string;
  difference: number;
  bootSe: number;
  ciLower: number;
  ciUpper: number;
}

/** Comparison of two groups. */
export interface GroupComparison {
  group1: string;
  group2: string;
  /** z tests (Clogg et al. 1995) for every term both groups estimate. */
  tests: CoefficientDifference[];
  /** Mediation only: bootstrap CI of the difference in indirect effects. */
  indirect?: IndirectDifference[];
}

/** Result of {@link byGroup}. */
export interface ByGroupResult<R> extends SampleInfo {
  group: string;
  levels: string[];
  /** Rows whose group value is missing (counted in nDropped). */
  nMissingGroup: number;
  groups: Array<GroupRun<R>>;
  /** One comparison per pair of groups with results (level order). */
  comparisons: GroupComparison[];
}

/**
 * Runs an analysis separately in each group and compares the groups' coefficients.
 *
 * `n` is the sum of the groups' `n` (a result without a numeric `n`, e.g. a correlation matrix
 * with pairwise n, counts its group's rows); `nDropped` = all rows − n (missing group, the
 * analyses' own listwise deletion, and groups whose analysis failed). A failing group does not stop the
 * others: its `error` names the problem; if every group fails the first error is thrown.
 * A result's `draws` property (mediation with keepDraws) is consumed for the indirect-effect
 * comparison and removed.
 *
 * @param frame - data.
 * @param options - group column, optional levels.
 * @param run - the analysis, called with each group's rows (all columns).
 * @returns per-group results and pairwise z tests.
 * @throws {StatsError} `missing-column`; `invalid-option` for an unknown level or fewer than one
 *   level; the analysis' error when it fails in every group.
 * @example
 * ```ts
 * const r = byGroup(df, { group: 'ownership' }, (sub) => moderate(sub, { y: 'engage', x: 'tl', w: 'pos' }));
 * r.comparisons[0].tests; // z tests of equal coefficients, private vs state
 * ```
 */
export function byGroup<R>(
  frame: DataFrame,
  options: ByGroupOptions,
  run: (sub: DataFrame, level: string) => R,
): ByGroupResult<R> {
  const total = nRows(frame);
  const gcol = getColumn(frame, options.group);
  const present: number[] = [];
  for (let i = 0; i < total; i++) if (!isMissing(gcol[i])) present.push(i);
  const labels = takeLabels(frame, options.group, present);
  const observed = factorLevels(labels);
  const levels = options.levels ? [...options.levels] : observed;
  if (levels.length === 0) throw new StatsError('invalid-option', `group column '${options.group}' has no non-missing values`);
  for (const l of levels) {
    if (!observed.includes(l)) {
      throw new StatsError('invalid-option', `'${l}' is not a value of '${options.group}' (values: ${observed.join(', ')})`);
    }
  }
  const byLevel = new Map<string, number[]>(levels.map((l) => [l, []]));
  labels.forEach((l, j) => byLevel.get(l)?.push(present[j]));

  const groups: Array<GroupRun<R>> = levels.map((level) => {
    const rows = byLevel.get(level) as number[];
    const sub: Record<string, Cell[]> = {};
    for (const [name, col] of Object.entries(frame)) sub[name] = rows.map((i) => col[i] as Cell);
    try {
      return { level, rows: rows.length, result: run(sub, level), error: null };
    } catch (e) {
      if (!isStatsError(e)) throw e;
      return { level, rows: rows.length, result: null, error: { code: e.code, message: `${options.group} = ${level}: ${e.message}` } };
    }
  });
  const ok = groups.filter((g) => g.result !== null);
  if (ok.length === 0) {
    const first = groups[0].error as { code: string; message: string };
    throw new StatsError(first.code as StatsError['code'], first.message);
  }

  const level = options.level ?? 0.95;
  const comparisons: GroupComparison[] = [];
  for (let i = 0; i < ok.length; i++) {
    for (let j = i + 1; j < ok.length; j++) {
      const r1 = ok[i].result as R;
      const r2 = ok[j].result as R;
      const cmp: GroupComparison = {
        group1: ok[i].level,
        group2: ok[j].level,
        tests: compareEstimates(comparableEstimates(r1), comparableEstimates(r2)),
      };
      const ind = compareIndirect(r1, r2, level);
      if (ind) cmp.indirect = ind;
      comparisons.push(cmp);
    }
  }
  for (const g of ok) if (typeof g.result === 'object' && g.result !== null) delete (g.result as { draws?: unknown }).draws;
  const n = ok.reduce((s, g) => {
    const rn = (g.result as { n?: unknown }).n;
    return s + (typeof rn === 'number' ? rn : g.rows);
  }, 0);
  return {
    n,
    nDropped: total - n,
    group: options.group,
    levels,
    nMissingGroup: total - present.length,
    groups,
    comparisons,
  };
}

/**
 * z tests of b₁ = b₂ for the terms present in both lists (Clogg et al. 1995;
 * Paternoster et al. 1998, eq. 4): z = (b₁ − b₂)/√(se₁² + se₂²).
 *
 * @param e1 - estimates of group 1.
 * @param e2 - estimates of group 2.
 * @returns one row per common term, in the order of `e1`.
 * @example
 * ```ts
 * compareEstimates([{ term: 'x', estimate: 0.5, se: 0.1 }], [{ term: 'x', estimate: 0.2, se: 0.1 }]);
 * // [{ term: 'x', difference: 0.3, se: 0.1414…, z: 2.1213…, p: 0.0339… }]
 * ```
 */
export function compareEstimates(e1: readonly ComparableEstimate[], e2: readonly ComparableEstimate[]): CoefficientDifference[] {
  const other = new Map(e2.map((e) => [e.term, e]));
  const out: CoefficientDifference[] = [];
  for (const a of e1) {
    const b = other.get(a.term);
    if (!b) continue;
    const se = Math.sqrt(a.se * a.se + b.se * b.se);
    if (!(se > 0)) continue;
    const difference = a.estimate - b.estimate;
    const z = difference / se;
    out.push({ term: a.term, estimate1: a.estimate, estimate2: b.estimate, difference, se, z, p: pTwoSidedZ(z) });
  }
  return out;
}

type PathLike = { estimate: number; se: number };
const isPath = (v: unknown): v is PathLike =>
  typeof v === 'object' && v !== null && typeof (v as PathLike).estimate === 'number' && typeof (v as PathLike).se === 'number';

/**
 * The estimates of an analysis result that can be compared across groups:
 * `coefficients` (OLS, moderation, panel, DID); `quantiles[].coefficients` (as "term@tau=0.5");
 * mediation paths "a", "b", "c", "cPrime" (with several mediators "a[m]", "b[m]").
 *
 * @param result - any analysis result.
 * @returns term, estimate, se triples (empty when the result has none, e.g. describe).
 * @example
 * ```ts
 * comparableEstimates(olsResult).map((e) => e.term); // ['(Intercept)', 'x1', ...]
 * ```
 */
export function comparableEstimates(result: unknown): ComparableEstimate[] {
  const r = result as Record<string, unknown>;
  const out: ComparableEstimate[] = [];
  if (Array.isArray(r.coefficients)) {
    for (const c of r.coefficients as Coefficient[]) if (isPath(c)) out.push({ term: c.term, estimate: c.estimate, se: c.se });
  }
  if (Array.isArray(r.quantiles)) {
    for (const q of r.quantiles as Array<{ tau: number; coefficients: Coefficient[] }>) {
      for (const c of q.coefficients ?? []) if (isPath(c)) out.push({ term: `${c.term}@tau=${q.tau}`, estimate: c.estimate, se: c.se });
    }
  }
  if (Array.isArray(r.mediators) && isPath(r.c) && isPath(r.cPrime)) {
    const meds = r.mediators as Array<{ name: string; a: PathLike; b: PathLike }>;
    const single = meds.length === 1;
    for (const m of meds) {
      out.push({ term: single ? 'a' : `a[${m.name}]`, estimate: m.a.estimate, se: m.a.se });
      out.push({ term: single ? 'b' : `b[${m.name}]`, estimate: m.b.estimate, se: m.b.se });
    }
    out.push({ term: 'c', estimate: r.c.estimate, se: r.c.se });
    out.push({ term: 'cPrime', estimate: r.cPrime.estimate, se: r.cPrime.se });
  }
  return out;
}

/** Bootstrap CI of the difference in indirect effects (both results need `draws`). */
function compareIndirect(r1: unknown, r2: unknown, level: number): IndirectDifference[] | null {
  const a = r1 as { draws?: IndirectDraws; m?: string[]; mediators?: Array<{ indirect: { estimate: number } }> };
  const b = r2 as typeof a;
  if (!a.draws || !b.draws || !a.m || !b.m || !a.mediators || !b.mediators) return null;
  const B = Math.min(a.draws.total.length, b.draws.total.length);
  if (B < 2) return null;
  const diff = (d1: Float64Array, d2: Float64Array) => {
    const d = new Float64Array(B);
    for (let r = 0; r < B; r++) d[r] = d1[r] - d2[r];
    return d;
  };
  const out: IndirectDifference[] = [];
  a.m.forEach((name, j) => {
    const k = (b.m as string[]).indexOf(name);
    if (k < 0) return;
    const s = summarizeDraws(diff(a.draws!.perMediator[j], b.draws!.perMediator[k]), level);
    out.push({ effect: name, difference: a.mediators![j].indirect.estimate - b.mediators![k].indirect.estimate, ...s });
  });
  if (a.m.length > 1) {
    const t1 = a.mediators.reduce((s, m) => s + m.indirect.estimate, 0);
    const t2 = b.mediators.reduce((s, m) => s + m.indirect.estimate, 0);
    out.push({ effect: 'total', difference: t1 - t2, ...summarizeDraws(diff(a.draws.total, b.draws.total), level) });
  }
  return out;
}

/** Options of {@link chowTest}. */
export interface ChowOptions {
  y: string;
  /** Regressors as terms ("x", "x:w"); an intercept is always included. */
  terms: readonly string[];
  group: string;
  /** Reference group for the interaction rows (default the first level). */
  reference?: string;
  /** Categorical regressors → reference level. */
  factors?: FactorSpec;
}

/** Result of {@link chowTest}. */
export interface ChowResult extends SampleInfo {
  /** F = ((RSS_pooled − RSS_full)/df1)/(RSS_full/df2). */
  f: number;
  df1: number;
  df2: number;
  p: number;
  rssPooled: number;
  rssFull: number;
  levels: string[];
  reference: string;
  /** Rows "group[level]" and "term:group[level]" of the fully interacted model (classic SEs). */
  interactions: Coefficient[];
}

/**
 * Chow (1960) test that all coefficients of y ~ terms are equal across groups, with the
 * per-term interaction t tests of the fully interacted model.
 *
 * @param frame - data (rows missing y, a term variable or the group are dropped).
 * @param options - y, terms, group, reference.
 * @returns F, df, p and the interaction coefficients.
 * @throws {StatsError} `missing-column`, `non-numeric`, `constant-column` (one group),
 *   `collinear` (e.g. a regressor constant within a group), `too-few-observations`.
 * @example
 * ```ts
 * chowTest(df, { y: 'engage', terms: ['tl', 'empower'], group: 'ownership' }).p;
 * ```
 */
export function chowTest(frame: DataFrame, options: ChowOptions): ChowResult {
  const { y, group } = options;
  const terms = [...options.terms];
  if (terms.length === 0) throw new StatsError('invalid-option', 'Chow test needs at least one regressor');
  if (variablesOf(terms).includes(group) || y === group) {
    throw new StatsError('invalid-option', `the group '${group}' cannot also be a variable of the model`);
  }
  const factors = { ...(options.factors ?? {}) };
  const isFactor = (v: string) => Object.prototype.hasOwnProperty.call(factors, v);
  const vars = variablesOf(terms);
  const sel = completeRows(frame, [y, ...vars.filter((v) => !isFactor(v))], [group, ...vars.filter(isFactor)]);
  assertHasRows(frame, sel, [y, ...vars, group]);
  const rows = sel.rows;
  const levels = factorLevels(takeLabels(frame, group, rows));
  const reference = options.reference ?? levels[0];
  const yv = takeNumeric(frame, [y], rows)[y];
  const pooled = fitLinearModel(buildDesign(frame, terms, { rows, factors }), yv);
  const fullTerms = [...terms, group, ...terms.map((t) => `${t}:${group}`)];
  const fullDesign = buildDesign(frame, fullTerms, { rows, factors: { ...factors, [group]: reference } });
  const full = fitLinearModel(fullDesign, yv);
  const df1 = pooled.dfResidual - full.dfResidual;
  const df2 = full.dfResidual;
  const f = (pooled.rss - full.rss) / df1 / (full.rss / df2);
  if (!Number.isFinite(f)) throw new StatsError('perfect-fit', 'the Chow F statistic is not finite (the groups are fitted perfectly)');
  const table = coefficientTable(full, vcov(full));
  const prefix = `${group}[`;
  const interactions = table.filter((c) => c.term.startsWith(prefix) || c.term.includes(`:${prefix}`));
  return {
    n: sel.n,
    nDropped: sel.nDropped,
    f,
    df1,
    df2,
    p: pUpperF(Math.max(f, 0), df1, df2),
    rssPooled: pooled.rss,
    rssFull: full.rss,
    levels,
    reference,
    interactions,
  };
}
