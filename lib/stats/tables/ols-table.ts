/**
 * OLS regression as SPSS REGRESSION and APA report it: B, SE, β, t, p (optional 95% CI and
 * VIF) and, under a rule, R², adjusted R², F and N. A hierarchical regression gets one section
 * per step with that step's coefficients and R², adjusted R², ΔR² and ΔF (its p in the p
 * column: SPSS "Sig. F Change"). From an {@link OlsResult}.
 */
import type { OlsResult } from '../ols';
import { coefficientHeaders, coefficientLayout, coefficientRow, sectionRow, statRow, type CoefficientColumns } from './coefficients';
import { countText, legendOf, seSentence, exactPOptions, tableContext, type TableOptions } from './format';
import type { PubRow, PubTable } from './model';

/** Options of {@link olsTable}. */
export interface OlsTableOptions extends TableOptions {
  /** Standardized coefficients β (default true). */
  beta?: boolean;
  /** Confidence interval columns (default false). */
  ci?: boolean;
  /** VIF column (default false). */
  vif?: boolean;
  /** Confidence level of the CI header (default 0.95; the CI itself comes from the result). */
  level?: number;
  /** Section heading of hierarchical steps (default "Step"). */
  stepLabel?: string;
}

/**
 * Builds the regression table.
 *
 * @param result - an OLS result (the CLI's `stats ols` JSON), with or without blocks.
 * @param options - style, decimals, optional columns, labels.
 * @returns the table.
 * @throws {StatsError} `invalid-option` for bad formatting options.
 * @example
 * ```ts
 * olsTable(ols(df, { y: 'satisfaction', blocks: [['age', 'female'], ['tenure']] }), { ci: true });
 * ```
 */
export function olsTable(result: OlsResult, options: OlsTableOptions = {}): PubTable {
  const ctx = tableContext(exactPOptions(options));
  const cols: CoefficientColumns = {
    beta: (options.beta ?? true) && result.coefficients.some((c) => c.beta !== undefined),
    ci: options.ci ?? false,
    vif: (options.vif ?? false) && result.coefficients.some((c) => c.vif !== undefined),
  };
  const L = coefficientLayout(cols);
  const columns = coefficientHeaders(ctx, cols, options.level ?? 0.95);
  const rows: PubRow[] = [];
  const fLabel = (d1: number, d2: number, delta = false) => `${delta ? 'Δ' : ''}F(${d1}, ${countText(d2)})`;
  if (result.blocks) {
    const step = options.stepLabel ?? 'Step';
    result.blocks.forEach((b, k) => {
      rows.push(sectionRow(`${step} ${k + 1}`, L.ncol));
      rows.push(...b.coefficients.map((c) => coefficientRow(ctx, c, cols, 1)));
      rows.push(statRow('R²', L, { [L.est]: ctx.num(b.r2, 'bounded') }, { rule: true, indent: 1 }));
      rows.push(statRow('Adjusted R²', L, { [L.est]: ctx.num(b.adjR2, 'bounded') }, { indent: 1 }));
      rows.push(statRow('ΔR²', L, { [L.est]: ctx.num(b.deltaR2, 'bounded', { p: b.pDeltaF }) }, { indent: 1 }));
      rows.push(statRow(fLabel(b.df1, b.df2, true), L, { [L.est]: ctx.num(b.deltaF), [L.p]: ctx.num(b.pDeltaF, 'p') }, { indent: 1 }));
    });
    rows.push(statRow('N', L, { [L.est]: ctx.num(result.n, 'count') }, { rule: true }));
  } else {
    rows.push(...result.coefficients.map((c) => coefficientRow(ctx, c, cols)));
    rows.push(statRow('R²', L, { [L.est]: ctx.num(result.r2, 'bounded') }, { rule: true }));
    rows.push(statRow('Adjusted R²', L, { [L.est]: ctx.num(result.adjR2, 'bounded') }));
    if (result.f !== null && result.pF !== null) {
      rows.push(statRow(fLabel(result.dfModel, result.dfResidual), L, { [L.est]: ctx.num(result.f), [L.p]: ctx.num(result.pF, 'p') }));
    }
    rows.push(statRow('N', L, { [L.est]: ctx.num(result.n, 'count') }));
  }

  const notes: string[] = [];
  const apa = ctx.style === 'apa';
  notes.push(
    `Dependent variable: ${ctx.label(result.y)}. ${apa ? 'B' : 'Coef.'} = unstandardized coefficient${cols.beta ? `; ${apa ? 'β' : 'Beta'} = standardized coefficient` : ''}.`,
  );
  if (result.blocks) {
    notes.push(result.blocks.map((b, k) => `${options.stepLabel ?? 'Step'} ${k + 1}: ${k ? '+ ' : ''}${b.terms.map(ctx.label).join(', ')}`).join('; ') + '.');
    if (result.f !== null && result.pF !== null) {
      notes.push(`Final model: F(${result.dfModel}, ${countText(result.dfResidual)}) = ${ctx.fmt(result.f)}, ${ctx.pText(result.pF)}.`);
    }
  }
  if (result.nDropped > 0) notes.push(`${countText(result.nDropped)} ${result.nDropped === 1 ? 'case' : 'cases'} with missing values excluded (listwise).`);
  const se = seSentence(result.se, result.nClusters);
  if (se) notes.push(se);
  for (const n of result.notes ?? []) notes.push(`${n.charAt(0).toUpperCase()}${n.slice(1)}.`);
  const legend = legendOf(ctx);
  if (legend) notes.push(legend);
  return { title: options.title ?? (result.blocks ? 'Hierarchical Regression Analysis' : 'Regression Analysis'), columns, rows, notes, style: ctx.style };
}
