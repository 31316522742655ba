/**
 * Nested or alternative models side by side, as econometrics papers (Stata esttab/outreg2)
 * and hierarchical-regression tables in management and psychology print them: columns
 * (1) … (k) (APA: Model 1 … Model k); per term the coefficient with stars and the SE or t in
 * parentheses (under it, or after it: "0.158*** (3.12)"); "Entity FE" / "Time FE" Yes/No;
 * Observations, R², adjusted R², ΔR², ΔF; notes with what is in parentheses, the SEs and the
 * star legend.
 */
import { StatsError } from '../errors';
import type { OlsResult } from '../ols';
import { legendOf, seSentence, tableContext, type TableContext, type TableOptions } from './format';
import type { HeaderCell, PubCell, PubTable } from './model';
import { modelViews, type ComparableResult, type ModelView } from './model-view';
import { tauDecimals } from './qreg-table';
import { chooseTerms, sideBySideRows, type SideBySideOptions, type SideColumn, type SideStat } from './side-by-side';

export type { ComparableResult } from './model-view';
export type { SideStat } from './side-by-side';

/** One column of a comparison table, with what to take from the result. */
export interface ComparisonModel {
  result: ComparableResult;
  /** Header under the model number (default: the dependent variable when they differ, or τ). */
  label?: string;
  /** Quantile regression: the τ to show (default: every τ, one column each). */
  tau?: number;
  /** Hierarchical OLS: the step to show, 1-based (default the final model). */
  step?: number;
  /** Extra indicator rows for this column, e.g. { Controls: 'Yes', 'Industry FE': 'Yes' }. */
  indicators?: Readonly<Record<string, string>>;
}

/** Options of {@link comparisonTable}. */
export interface ComparisonTableOptions extends TableOptions, SideBySideOptions {
  /** Unstandardized coefficients (default) or standardized β (OLS only; parentheses then hold t). */
  coefficient?: 'estimate' | 'beta';
  /**
   * Fixed-effects indicator rows: labels (default "Entity FE" and "Time FE"), or false to
   * leave them out. Shown when a panel or DID model is among the columns.
   */
  fixedEffects?: { entity?: string; time?: string } | false;
}

/**
 * Builds a comparison table of several models.
 *
 * @param models - results (or {@link ComparisonModel}s with a label, τ, step, indicators), in column order.
 * @param options - style (default econ), decimals, parentheses, layout, terms, statistics.
 * @returns the table.
 * @throws {StatsError} `invalid-option` for no models, a result that is not a regression, an
 *   unknown τ or step, β requested for a model without β, or bad formatting options.
 * @example
 * ```ts
 * comparisonTable([pooled, fe, twoway], { paren: 't', fixedEffects: { entity: 'Firm FE', time: 'Year FE' } });
 * comparisonTable(hierarchicalModels(ols(df, { y, blocks })), { style: 'apa', coefficient: 'beta', paren: 'none' });
 * ```
 */
export function comparisonTable(models: ReadonlyArray<ComparableResult | ComparisonModel>, options: ComparisonTableOptions = {}): PubTable {
  const ctx = tableContext({ ...options, style: options.style ?? 'econ' });
  if (models.length === 0) throw new StatsError('invalid-option', 'a comparison table needs at least one model');
  const specs = models.map((m) => ('result' in m ? m : { result: m }) as ComparisonModel);
  const cols: Array<{ view: ModelView; spec: ComparisonModel }> = specs.flatMap((spec) =>
    modelViews(spec.result, { tau: spec.tau, step: spec.step }).map((view) => ({ view, spec })),
  );
  const beta = options.coefficient === 'beta';
  const paren = options.paren ?? (beta ? 't' : 'se');
  if (beta) {
    if (paren === 'se') throw new StatsError('invalid-option', 'standardized coefficients have no standard errors in the results; use paren t or none');
    cols.forEach(({ view }, k) => {
      if (view.kind !== 'ols') throw new StatsError('invalid-option', `model (${k + 1}) is a ${view.kind} result, which has no standardized coefficients`);
    });
  }
  const sideOptions: SideBySideOptions = { ...options, paren, ...(beta ? { intercept: options.intercept ?? 'omit' } : {}) };
  const terms = chooseTerms(
    ctx,
    cols.flatMap(({ view }) => view.estimates.map((e) => e.term)),
    sideOptions,
  ).map((term) => {
    const owner = cols.map(({ view }) => view.estimates.find((e) => e.term === term)).find((e) => e !== undefined);
    return { term, label: owner?.label ? owner.label(ctx.label) : ctx.label(term) };
  });

  const anyFe = cols.some(({ view }) => view.fe !== undefined);
  const anyRandom = cols.some(({ view }) => view.fe?.random);
  const feLabels = options.fixedEffects === false || !anyFe ? null : { entity: 'Entity FE', time: 'Time FE', ...options.fixedEffects };
  const indicators: string[] = [];
  if (feLabels) indicators.push(feLabels.entity, feLabels.time, ...(anyRandom ? ['Random effects'] : []));
  for (const { spec } of cols) for (const k of Object.keys(spec.indicators ?? {})) if (!indicators.includes(k)) indicators.push(k);

  const columns: SideColumn[] = cols.map(({ view, spec }) => {
    const ind: Record<string, string> = { ...spec.indicators };
    if (feLabels) {
      ind[feLabels.entity] = view.fe?.entity ? 'Yes' : 'No';
      ind[feLabels.time] = view.fe?.time ? 'Yes' : 'No';
      if (anyRandom) ind['Random effects'] = view.fe?.random ? 'Yes' : 'No';
    }
    return {
      coef(term) {
        const e = view.estimates.find((x) => x.term === term);
        if (!e) return null;
        if (beta) return e.beta === undefined ? null : { value: e.beta, bounded: true, se: null, t: e.t, p: e.p };
        return { value: e.estimate, se: e.se, t: e.t, p: e.p };
      },
      stats: viewStats(ctx, view),
      indicators: ind,
    };
  });
  const rows = sideBySideRows(ctx, columns, terms, indicators, sideOptions);

  // Header: dependent variable (econ, when shared), model numbers, labels.
  const k = cols.length;
  const ys = [...new Set(cols.map(({ view }) => view.y))];
  const apa = ctx.style === 'apa';
  const header: HeaderCell[][] = [];
  if (!apa && ys.length === 1) header.push([{ text: '' }, { text: `Dependent variable: ${ctx.label(ys[0])}`, colSpan: k }]);
  const labels = cols.map(({ view, spec }) => spec.label ?? (ys.length > 1 ? ctx.label(view.y) : view.tau !== undefined ? tauLabel(ctx, view.tau) : ''));
  const numbers = cols.map((_, j) => (apa ? `Model ${j + 1}` : `(${j + 1})`));
  if (labels.some((l) => l !== '')) {
    header.push([{ text: '' }, ...numbers.map((t) => ({ text: t }))]);
    header.push([{ text: apa ? 'Predictor' : 'Variable' }, ...labels.map((t) => ({ text: t }))]);
  } else header.push([{ text: apa ? 'Predictor' : 'Variable' }, ...numbers.map((t) => ({ text: t }))]);

  const notes = comparisonNotes(ctx, cols.map((c) => c.view), { paren, beta, apa, ys });
  const legend = legendOf(ctx);
  if (legend) notes.push(legend);
  return { title: options.title ?? (apa ? 'Regression Models' : 'Regression Results'), columns: header, rows, notes, style: ctx.style };
}

/**
 * The steps of a hierarchical regression as comparison-table columns (Model 1 … Model k),
 * each with its R², ΔR² and ΔF.
 *
 * @param result - an OLS result with blocks (without blocks: the one model).
 * @returns one column per step.
 * @example
 * ```ts
 * comparisonTable(hierarchicalModels(result), { style: 'apa' });
 * ```
 */
export function hierarchicalModels(result: OlsResult): ComparisonModel[] {
  if (!result.blocks) return [{ result }];
  return result.blocks.map((_, i) => ({ result, step: i + 1 }));
}

/** The statistic cells of one model. */
export function viewStats(ctx: TableContext, view: ModelView): Partial<Record<SideStat, PubCell>> {
  const s: Partial<Record<SideStat, PubCell>> = { n: ctx.num(view.n, 'count') };
  if (view.r2 !== undefined) s.r2 = ctx.num(view.r2, 'bounded');
  if (view.adjR2 !== undefined) s.adjR2 = ctx.num(view.adjR2, 'bounded');
  if (view.deltaR2) s.deltaR2 = ctx.num(view.deltaR2.value, 'bounded', { p: view.deltaR2.p });
  if (view.deltaF) s.deltaF = ctx.num(view.deltaF.value, 'stat', { p: view.deltaF.p });
  if (view.f) s.f = ctx.num(view.f.value, 'stat', { p: view.f.p });
  if (view.nClusters !== undefined) s.clusters = ctx.num(view.nClusters, 'count');
  return s;
}

/** "τ = 0.25" (econ) / "τ = .25" (APA). */
export function tauLabel(ctx: TableContext, tau: number): string {
  return `τ = ${ctx.fmt(tau, 'bounded', { decimals: tauDecimals(tau) })}`;
}

/** Notes of a side-by-side table: dependent variable, parentheses, SEs, R² (the caller adds the star legend). */
export function comparisonNotes(
  ctx: TableContext,
  views: readonly ModelView[],
  o: { paren: 'se' | 't' | 'none'; beta: boolean; apa: boolean; ys: readonly string[]; columnNames?: readonly string[] },
): string[] {
  const notes: string[] = [];
  if (o.apa && o.ys.length === 1) notes.push(`Dependent variable: ${ctx.label(o.ys[0])}.`);
  if (o.beta) notes.push('Standardized coefficients (β).');
  const anyZ = views.some((v) => v.z);
  if (o.paren === 'se') notes.push('Standard errors in parentheses.');
  else if (o.paren === 't') notes.push(`t statistics in parentheses${anyZ ? ' (z for random-effects models)' : ''}.`);
  const names = o.columnNames ?? views.map((_, j) => `(${j + 1})`);
  // Group the columns by their SE sentence: "Standard errors clustered (150 clusters) in (2), (3)."
  const se = views.map((v) => seSentence(v.se, v.nClusters));
  const byType = new Map<string, string[]>();
  se.forEach((s, j) => {
    if (s) byType.set(s, [...(byType.get(s) ?? []), names[j]]);
  });
  const conventional = se.some((s, j) => s === null && views[j].kind !== 'qreg');
  if (byType.size === 1 && !conventional) notes.push([...byType.keys()][0]);
  else if (byType.size > 0) {
    for (const [s, cols] of byType) notes.push(`${s.replace(/\.$/, '')} in ${cols.join(', ')}.`);
    if (conventional) notes.push('Conventional standard errors otherwise.');
  }
  if (views.some((v) => v.kind === 'qreg')) notes.push('Quantile regressions: “nid” sandwich standard errors (R quantreg).');
  if (views.some((v) => v.within && v.r2 !== undefined)) notes.push('R² of fixed-effects models is the within R².');
  return notes;
}
