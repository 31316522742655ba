/**
 * Panel regressions (pooled OLS, entity and two-way fixed effects, random effects) and
 * difference-in-differences as econometrics papers report a single model: coefficients with
 * SE, t (z for random effects), p (optional CI); then observations, entities, periods, R²
 * (within R² for fixed effects), the joint test, the F test of the fixed effects and the
 * Hausman test. `didMeansTable` gives the classic 2×2 table of group means. From a
 * {@link PanelResult} or {@link DidResult}. Several models side by side: ./comparison-table.
 */
import type { DidResult } from '../did';
import type { PanelResult } from '../panel';
import { coefficientHeaders, coefficientLayout, coefficientRow, statRow, type CoefficientColumns } from './coefficients';
import { countText, legendOf, seSentence, exactPOptions, tableContext, text, type TableOptions } from './format';
import type { PubRow, PubTable } from './model';

/** Options of {@link panelTable} and {@link didTable}. */
export interface PanelTableOptions extends TableOptions {
  /** Confidence interval columns (default false). */
  ci?: boolean;
  /** Confidence level of the CI header (default 0.95; the CI itself comes from the result). */
  level?: number;
}

/** What each panel model is called in titles and notes. */
export const PANEL_MODEL_NAMES: Record<PanelResult['effects'], string> = {
  pooled: 'Pooled OLS',
  entity: 'Entity fixed effects (within estimator)',
  twoway: 'Two-way fixed effects (entity and time)',
  random: 'Random effects (Swamy–Arora)',
};

/**
 * Builds the table of one panel regression.
 *
 * @param result - a panel result (the CLI's `stats panel` JSON).
 * @param options - style, decimals, labels, CI.
 * @returns the table.
 * @throws {StatsError} `invalid-option` for bad formatting options.
 * @example
 * ```ts
 * panelTable(panel(df, { y: 'roa', x: ['size', 'lev'], entity: 'firm', time: 'year', effects: 'twoway', se: 'cluster' }), { style: 'econ' });
 * ```
 */
export function panelTable(result: PanelResult, options: PanelTableOptions = {}): PubTable {
  const ctx = tableContext(exactPOptions({ ...options, style: options.style ?? 'econ' }));
  const cols: CoefficientColumns = { ci: options.ci ?? false, stat: result.effects === 'random' ? 'z' : 't' };
  const L = coefficientLayout(cols);
  const rows: PubRow[] = result.coefficients.map((c) => coefficientRow(ctx, c, cols));
  const fe = result.effects === 'entity' || result.effects === 'twoway';
  rows.push(statRow('Observations', L, { [L.est]: ctx.num(result.n, 'count') }, { rule: true }));
  rows.push(statRow('Entities', L, { [L.est]: ctx.num(result.nEntities, 'count') }));
  if (result.nTimes !== undefined) rows.push(statRow('Periods', L, { [L.est]: ctx.num(result.nTimes, 'count') }));
  rows.push(statRow(fe ? 'Within R²' : 'R²', L, { [L.est]: ctx.num(result.r2, 'bounded') }));
  rows.push(statRow('Adjusted R²', L, { [L.est]: ctx.num(result.adjR2, 'bounded') }));
  const mt = result.modelTest;
  if (mt) {
    const label = mt.type === 'F' ? `F(${mt.df1}, ${countText(mt.df2 ?? 0)})` : `Wald χ²(${mt.df1})`;
    rows.push(statRow(label, L, { [L.est]: ctx.num(mt.statistic), [L.p]: ctx.num(mt.p, 'p') }));
  }
  const ft = result.fTestEffects;
  if (ft) rows.push(statRow(`F test of fixed effects (${countText(ft.df1)}, ${countText(ft.df2)})`, L, { [L.est]: ctx.num(ft.statistic), [L.p]: ctx.num(ft.p, 'p') }));
  const h = result.hausman;
  if (h) rows.push(statRow(`Hausman χ²(${h.df})`, L, { [L.est]: ctx.num(h.chisq), [L.p]: ctx.num(h.p, 'p') }));
  if (result.random) {
    rows.push(statRow('σ² (idiosyncratic)', L, { [L.est]: ctx.num(result.random.sigma2Idios) }));
    rows.push(statRow('σ² (entity)', L, { [L.est]: ctx.num(result.random.sigma2Entity) }));
    rows.push(statRow('θ (mean)', L, { [L.est]: ctx.num(result.random.theta.mean, 'bounded') }));
  }

  const notes: string[] = [`Dependent variable: ${ctx.label(result.y)}. ${PANEL_MODEL_NAMES[result.effects]}${result.balanced === false ? ', unbalanced panel' : ''}.`];
  if (fe) notes.push('Within R²: R² of the demeaned data.');
  if (result.nDropped > 0) notes.push(`${countText(result.nDropped)} ${result.nDropped === 1 ? 'observation' : 'observations'} with missing values excluded.`);
  const se = seSentence(result.se, result.nClusters);
  if (se) notes.push(se);
  for (const n of result.notes ?? []) notes.push(`${n.charAt(0).toUpperCase()}${n.slice(1)}.`);
  const legend = legendOf(ctx);
  if (legend) notes.push(legend);
  return { title: options.title ?? 'Panel Regression', columns: coefficientHeaders(ctx, cols, options.level ?? 0.95), rows, notes, style: ctx.style };
}

/**
 * Builds the table of a difference-in-differences regression (two-way fixed effects).
 *
 * @param result - a DID result (the CLI's `stats did` JSON).
 * @param options - style, decimals, labels, CI.
 * @returns the table; the DID term "treat:post" is labelled "treat × post".
 * @throws {StatsError} `invalid-option` for bad formatting options.
 * @example
 * ```ts
 * didTable(did(df, { y: 'roa', treat: 'treated', post: 'post', entity: 'firm', time: 'year' }));
 * ```
 */
export function didTable(result: DidResult, options: PanelTableOptions = {}): PubTable {
  const ctx = tableContext(exactPOptions({ ...options, style: options.style ?? 'econ' }));
  const cols: CoefficientColumns = { ci: options.ci ?? false };
  const L = coefficientLayout(cols);
  const rows: PubRow[] = result.coefficients.map((c) => coefficientRow(ctx, c, cols));
  rows.push(statRow('Entity FE', L, { [L.est]: text('Yes') }, { rule: true }));
  rows.push(statRow('Time FE', L, { [L.est]: text('Yes') }));
  rows.push(statRow('Observations', L, { [L.est]: ctx.num(result.n, 'count') }, { rule: true }));
  rows.push(statRow('Entities', L, { [L.est]: ctx.num(result.nEntities, 'count') }));
  rows.push(statRow('Treated entities', L, { [L.est]: ctx.num(result.nTreatedEntities, 'count') }));
  rows.push(statRow('Periods', L, { [L.est]: ctx.num(result.nTimes, 'count') }));
  rows.push(statRow('Within R²', L, { [L.est]: ctx.num(result.r2Within, 'bounded') }));
  const notes = [
    `Dependent variable: ${ctx.label(result.y)}. Difference-in-differences by two-way fixed effects; the DID estimate is the coefficient of ${ctx.label(result.term)}. The 2×2 difference of group means is ${ctx.fmt(result.means.simpleDid)}.`,
  ];
  if (result.nDropped > 0) notes.push(`${countText(result.nDropped)} ${result.nDropped === 1 ? 'observation' : 'observations'} with missing values excluded.`);
  const se = seSentence(result.se, result.nClusters);
  if (se) notes.push(se);
  const legend = legendOf(ctx);
  if (legend) notes.push(legend);
  return { title: options.title ?? 'Difference-in-Differences Estimate', columns: coefficientHeaders(ctx, cols, options.level ?? 0.95), rows, notes, style: ctx.style };
}

/**
 * The 2×2 table of means behind a difference-in-differences: treated and control groups
 * before and after, their differences, and the DID of the means in the corner.
 *
 * @param result - a DID result.
 * @param options - style, decimals, labels.
 * @returns the table (rows Treated, Control, Difference; columns Pre, Post, Difference).
 * @throws {StatsError} `invalid-option` for bad formatting options.
 * @example
 * ```ts
 * didMeansTable(did(df, opts)).rows[2].cells[3].value; // result.means.simpleDid
 * ```
 */
export function didMeansTable(result: DidResult, options: TableOptions = {}): PubTable {
  const ctx = tableContext({ ...options, style: options.style ?? 'econ' });
  const [treat, post] = result.term.split(':');
  const cell = (g: 0 | 1, q: 0 | 1) => result.means.byPost.find((c) => c.treat === g && c.post === q)!;
  const m = (g: 0 | 1, q: 0 | 1) => cell(g, q).mean;
  const rows: PubRow[] = [
    { cells: [text(`Treated (${ctx.label(treat)} = 1)`), ctx.num(m(1, 0)), ctx.num(m(1, 1)), ctx.num(m(1, 1) - m(1, 0))] },
    { cells: [text(`Control (${ctx.label(treat)} = 0)`), ctx.num(m(0, 0)), ctx.num(m(0, 1)), ctx.num(m(0, 1) - m(0, 0))] },
    { rule: true, cells: [text('Difference'), ctx.num(m(1, 0) - m(0, 0)), ctx.num(m(1, 1) - m(0, 1)), ctx.num(result.means.simpleDid)] },
  ];
  const n = (g: 0 | 1, q: 0 | 1) => countText(cell(g, q).n);
  return {
    title: options.title ?? `Mean ${ctx.label(result.y)} by Group and Period`,
    columns: [[{ text: 'Group' }, { text: `Pre (${ctx.label(post)} = 0)` }, { text: `Post (${ctx.label(post)} = 1)` }, { text: 'Difference' }]],
    rows,
    notes: [
      `Means of ${ctx.label(result.y)} on the estimation sample (observations: treated ${n(1, 0)} pre, ${n(1, 1)} post; control ${n(0, 0)} pre, ${n(0, 1)} post). The corner cell is the difference-in-differences of the means.`,
    ],
    style: ctx.style,
  };
}
