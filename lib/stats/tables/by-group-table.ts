/**
 * An analysis run by group (heterogeneity: state-owned vs private firms) as one table: a
 * column per group (coefficient, stars, SE or t in parentheses), then a column per pair of
 * groups with the difference b₁ − b₂, its z-test stars and SE or z in parentheses (Clogg,
 * Petkova & Haritou 1995, as lib/stats/by-group computes it); mediation adds the indirect
 * effects and their bootstrap differences. From a {@link ByGroupResult} (the CLI's
 * `--group` JSON, which may carry a Chow test).
 */
import type { ByGroupResult, ChowResult } from '../by-group';
import type { MediationResult } from '../mediate';
import type { QregResult } from '../qreg';
import { StatsError } from '../errors';
import { ciHeader, legendOf, tableContext, type TableContext, type TableOptions } from './format';
import type { HeaderCell, PubTable } from './model';
import { comparisonNotes, tauLabel, viewStats } from './comparison-table';
import { flatQregView, modelViews, resultKind, type ComparableResult, type ModelView } from './model-view';
import { chooseTerms, sideBySideRows, type SideBySideOptions, type SideColumn, type SideEstimate } from './side-by-side';

/** Options of {@link byGroupTable}. */
export interface ByGroupTableOptions extends TableOptions, SideBySideOptions {
  /** Leave out the difference columns (default false). */
  differences?: boolean;
}

/** A by-group result as the CLI prints it (with the Chow test for ols and moderate). */
export type ByGroupTableInput = ByGroupResult<ComparableResult> & { chow?: ChowResult; chowError?: { code: string; message: string } };

const INDIRECT = 'indirect:';

/**
 * Builds the by-group table.
 *
 * @param result - the by-group result of a regression-like analysis.
 * @param options - style (default econ), decimals, parentheses, layout, terms, statistics.
 * @returns the table.
 * @throws {StatsError} `invalid-option` when no group has a result, or for bad options.
 * @example
 * ```ts
 * byGroupTable(byGroup(df, { group: 'ownership' }, (sub) => ols(sub, { y: 'engage', x: ['tl', 'age'] })));
 * ```
 */
export function byGroupTable(result: ByGroupTableInput, options: ByGroupTableOptions = {}): PubTable {
  const ctx = tableContext({ ...options, style: options.style ?? 'econ' });
  const runs = result.groups.filter((g) => g.result !== null);
  if (runs.length === 0) throw new StatsError('invalid-option', `the analysis failed in every group of '${result.group}'`);
  const kind = resultKind(runs[0].result);
  const views: ModelView[] = runs.map((g) => (kind === 'qreg' ? flatQregView(g.result as QregResult) : modelViews(g.result as ComparableResult)[0]));
  const comparisons = options.differences === false ? [] : result.comparisons;

  // Terms (with mediation's indirect effects appended as rows of their own).
  const all = views.flatMap((v) => v.estimates.map((e) => e.term));
  const terms = chooseTerms(ctx, all, options).map((term) => {
    const owner = views.map((v) => v.estimates.find((e) => e.term === term)).find((e) => e !== undefined);
    return { term, label: owner?.label ? owner.label(ctx.label) : qregLabel(ctx, term) };
  });
  const mediators = kind === 'mediation' ? (runs[0].result as MediationResult).m : [];
  if (kind === 'mediation') {
    for (const m of mediators) terms.push({ term: `${INDIRECT}${m}`, label: `Indirect effect via ${ctx.label(m)}` });
    if (mediators.length > 1) terms.push({ term: `${INDIRECT}total`, label: 'Total indirect effect' });
  }

  const groupColumns: SideColumn[] = runs.map((g, j) => ({
    coef(term): SideEstimate | null {
      if (term.startsWith(INDIRECT)) {
        const r = g.result as MediationResult;
        const name = term.slice(INDIRECT.length);
        const e = name === 'total' ? r.indirect : r.mediators.find((m) => m.name === name)?.indirect;
        return e ? { value: e.estimate, se: e.bootSe, t: null, p: null } : null;
      }
      const e = views[j].estimates.find((x) => x.term === term);
      return e ? { value: e.estimate, se: e.se, t: e.t, p: e.p } : null;
    },
    stats: viewStats(ctx, views[j]),
    indicators: {},
  }));
  const diffColumns: SideColumn[] = comparisons.map((c) => ({
    coef(term): SideEstimate | null {
      if (term.startsWith(INDIRECT)) {
        const d = c.indirect?.find((x) => x.effect === term.slice(INDIRECT.length));
        return d ? { value: d.difference, se: d.bootSe, t: null, p: null } : null;
      }
      const t = c.tests.find((x) => x.term === term);
      return t ? { value: t.difference, se: t.se, t: t.z, p: t.p } : null;
    },
    stats: {},
    indicators: {},
  }));
  const rows = sideBySideRows(ctx, [...groupColumns, ...diffColumns], terms, [], options);

  const apa = ctx.style === 'apa';
  const levels = runs.map((g) => g.level);
  const diffNames = comparisons.map((c) => `${c.group1} − ${c.group2}`);
  const columns: HeaderCell[][] = [
    [{ text: '' }, { text: ctx.label(result.group), colSpan: levels.length }, ...(diffNames.length ? [{ text: 'Difference', colSpan: diffNames.length }] : [])],
    [{ text: apa ? 'Predictor' : 'Variable' }, ...levels.map((t) => ({ text: t })), ...diffNames.map((t) => ({ text: t }))],
  ];

  const paren = options.paren ?? 'se';
  const ys = [...new Set(views.map((v) => v.y))];
  const notes = comparisonNotes(ctx, views, { paren, beta: false, apa, ys: apa ? ys : [], columnNames: levels });
  if (!apa && ys.length === 1) notes.unshift(`Dependent variable: ${ctx.label(ys[0])}.`);
  if (diffNames.length) {
    notes.push(
      `Differences: z test of equal coefficients in independent groups (Clogg, Petkova & Haritou, 1995)${paren === 'se' ? ', SE of the difference in parentheses' : paren === 't' ? ', z in parentheses' : ''}.`,
    );
  }
  if (kind === 'mediation') {
    const level = (runs[0].result as MediationResult).level;
    const cis = comparisons.flatMap((c) =>
      (c.indirect ?? []).map((d) => `${c.group1} − ${c.group2}, ${d.effect === 'total' ? 'total' : ctx.label(d.effect)}: [${ctx.fmt(d.ciLower)}, ${ctx.fmt(d.ciUpper)}]`),
    );
    notes.push(`Indirect effects: bootstrap SE in parentheses${cis.length ? `; ${ciHeader(level)} of the differences (percentile bootstrap): ${cis.join('; ')}` : ''}.`);
  }
  if (result.chow) {
    const c = result.chow;
    notes.push(`Chow test of equal coefficients across groups: F(${c.df1}, ${c.df2}) = ${ctx.fmt(c.f)}, ${ctx.pText(c.p)}.`);
  }
  for (const g of result.groups) if (g.result === null && g.error) notes.push(`${result.group} = ${g.level}: not estimated (${g.error.message}).`);
  const legend = legendOf(ctx);
  if (legend) notes.push(legend);
  return { title: options.title ?? `Results by ${ctx.label(result.group)}`, columns, rows, notes, style: ctx.style };
}

/** "educ@tau=0.25" → "educ (τ = 0.25)"; other terms as usual. */
function qregLabel(ctx: TableContext, term: string): string {
  const m = /^(.*)@tau=(.*)$/.exec(term);
  return m ? `${ctx.label(m[1])} (${tauLabel(ctx, Number(m[2]))})` : ctx.label(term);
}
