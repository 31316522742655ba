/**
 * Descriptive statistics as SPSS DESCRIPTIVES prints them: N, Minimum, Maximum, Mean, SD,
 * Skewness and Kurtosis (each with its standard error under a spanning header), from a
 * {@link DescribeResult}; by-group blocks as sections.
 */
import type { DescribeResult, VariableSummary } from '../describe';
import { countText, tableContext, text, type TableOptions } from './format';
import type { HeaderCell, PubRow, PubTable } from './model';

/** Options of {@link describeTable}. */
export interface DescribeTableOptions extends TableOptions {
  /** Show the standard errors of skewness and kurtosis (default true, as SPSS). */
  se?: boolean;
  /** Add a Median column after the mean (default false). */
  median?: boolean;
  /** Add one section per group when the result has groups (default true). */
  groups?: boolean;
}

/**
 * Builds the descriptive statistics table.
 *
 * @param result - a describe result (the CLI's `stats describe` JSON).
 * @param options - style, decimals, labels, SE and median columns.
 * @returns the table.
 * @throws {StatsError} `invalid-option` for bad formatting options.
 * @example
 * ```ts
 * describeTable(describe(df, { vars: ['age', 'income'] }), { decimals: 2 });
 * ```
 */
export function describeTable(result: DescribeResult, options: DescribeTableOptions = {}): PubTable {
  const ctx = tableContext(options);
  const se = options.se ?? true;
  const median = options.median ?? false;
  const apa = ctx.style === 'apa';
  const lead = ['Variable', 'N', 'Minimum', 'Maximum', apa ? 'M' : 'Mean', ...(median ? ['Median'] : []), 'SD'];
  let columns: HeaderCell[][];
  if (se) {
    const sub = ['Statistic', 'SE'];
    columns = [
      [...lead.map(() => ({ text: '' })), { text: 'Skewness', colSpan: 2 }, { text: 'Kurtosis', colSpan: 2 }],
      [...lead.map((t) => ({ text: t })), ...sub.map((t) => ({ text: t })), ...sub.map((t) => ({ text: t }))],
    ];
  } else {
    columns = [[...lead, 'Skewness', 'Kurtosis'].map((t) => ({ text: t }))];
  }
  const ncol = columns[columns.length - 1].length;

  const row = (v: VariableSummary, indent: number): PubRow => ({
    ...(indent ? { indent } : {}),
    cells: [
      text(ctx.label(v.name)),
      ctx.num(v.n, 'count'),
      ctx.num(v.min),
      ctx.num(v.max),
      ctx.num(v.mean),
      ...(median ? [ctx.num(v.median)] : []),
      ctx.num(v.sd),
      ctx.num(v.skewness),
      ...(se ? [ctx.num(v.seSkewness)] : []),
      ctx.num(v.kurtosis),
      ...(se ? [ctx.num(v.seKurtosis)] : []),
    ],
  });

  const rows: PubRow[] = [];
  const grouped = (options.groups ?? true) && result.groups !== undefined && result.groups.length > 0;
  if (grouped) {
    rows.push({ kind: 'section', cells: [text(`Total (N = ${countText(result.n)})`, ncol)] });
    rows.push(...result.variables.map((v) => row(v, 1)));
    for (const g of result.groups!) {
      rows.push({ kind: 'section', cells: [text(`${g.group} (n = ${countText(g.n)})`, ncol)] });
      rows.push(...g.variables.map((v) => row(v, 1)));
    }
  } else rows.push(...result.variables.map((v) => row(v, 0)));

  const notes: string[] = [];
  const dropped = result.nDropped > 0 ? `; ${countText(result.nDropped)} ${result.nDropped === 1 ? 'case' : 'cases'} with missing values excluded` : '';
  const pairwise = result.variables.some((v) => v.n !== result.n);
  notes.push(pairwise ? `N differs by variable (pairwise)${dropped}.` : `N = ${countText(result.n)}${dropped}.`);
  notes.push(`SD = sample standard deviation (n − 1). Skewness G1 and excess kurtosis G2 as SPSS${se ? ', with their standard errors' : ''}.`);
  if (result.variables.some((v) => v.skewness === null || v.kurtosis === null || v.sd === null)) {
    notes.push('— = not defined (too few observations or a constant variable).');
  }
  return { title: options.title ?? 'Descriptive Statistics', columns, rows, notes, style: ctx.style };
}
