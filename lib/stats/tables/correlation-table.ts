/**
 * Correlation matrix as APA tables print it: numbered variables, optional M and SD columns,
 * the lower triangle of r (or Spearman ρ) with stars and "—" on the diagonal. From a
 * {@link CorrelationResult} (and, for M and SD, a {@link DescribeResult} of the same variables).
 */
import type { CorrelationResult } from '../correlation';
import type { DescribeResult } from '../describe';
import { StatsError } from '../errors';
import { EMPTY, blank, countText, legendOf, tableContext, text, type TableOptions } from './format';
import type { PubCell, PubTable } from './model';

/** Options of {@link correlationTable}. */
export interface CorrelationTableOptions extends TableOptions {
  /** 'lower' (default, APA): the lower triangle; 'full': both triangles. */
  triangle?: 'lower' | 'full';
  /** Descriptives of the same variables: adds M and SD columns (APA Table 7.13 layout). */
  descriptives?: DescribeResult;
}

/**
 * Builds the correlation table.
 *
 * @param result - a correlation result (the CLI's `stats correlation` JSON).
 * @param options - style, decimals, triangle, descriptives for M and SD.
 * @returns the table. Stars are recomputed from p with the table's convention.
 * @throws {StatsError} `invalid-option` when `descriptives` lacks a variable, or for bad options.
 * @example
 * ```ts
 * correlationTable(correlation(df, { vars }), { descriptives: describe(df, { vars }) });
 * ```
 */
export function correlationTable(result: CorrelationResult, options: CorrelationTableOptions = {}): PubTable {
  const ctx = tableContext(options);
  const k = result.variables.length;
  const full = (options.triangle ?? 'lower') === 'full';
  const apa = ctx.style === 'apa';
  const desc = options.descriptives;
  const summaries = desc
    ? result.variables.map((v) => {
        const s = desc.variables.find((d) => d.name === v);
        if (!s) throw new StatsError('invalid-option', `the descriptives have no variable '${v}'`);
        return s;
      })
    : null;
  const headers = ['Variable', ...(summaries ? [apa ? 'M' : 'Mean', 'SD'] : []), ...result.variables.map((_, j) => String(j + 1))];
  const rows = result.variables.map((v, i) => {
    const cells: PubCell[] = [text(`${i + 1}. ${ctx.label(v)}`)];
    if (summaries) cells.push(ctx.num(summaries[i].mean), ctx.num(summaries[i].sd));
    for (let j = 0; j < k; j++) {
      if (i === j) cells.push(text(EMPTY));
      else if (j < i || full) cells.push(ctx.num(result.r[i][j], 'bounded', { p: result.p[i][j] }));
      else cells.push(blank());
    }
    return { cells };
  });
  const ns: number[] = [];
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) ns.push(result.n[i][j]);
  const nMin = Math.min(...ns);
  const nMax = Math.max(...ns);
  const notes = [
    `${result.method === 'spearman' ? 'Spearman rank correlations (ρ)' : 'Pearson correlations'}; ${nMin === nMax ? `N = ${countText(nMin)}` : `pairwise N = ${countText(nMin)}–${countText(nMax)}`}.`,
  ];
  if (summaries) {
    const nDesc = summaries.map((s) => s.n);
    notes.push(`M and SD ${Math.min(...nDesc) === Math.max(...nDesc) ? `from N = ${countText(nDesc[0])}` : 'from each variable’s non-missing values'}.`);
  }
  const legend = legendOf(ctx);
  if (legend) notes.push(legend);
  return {
    title: options.title ?? (result.method === 'spearman' ? 'Spearman Correlations' : apa && summaries ? 'Means, Standard Deviations, and Correlations' : 'Correlations'),
    columns: [headers.map((t) => ({ text: t }))],
    rows,
    notes,
    style: ctx.style,
  };
}
