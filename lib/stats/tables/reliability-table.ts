/**
 * Item statistics of a scale as APA tables report them: M, SD, corrected item–total r and α if
 * the item is deleted (and the one-factor loading when ω was estimated), with Cronbach's α,
 * standardized α and McDonald's ω in the note. From a {@link ReliabilityResult}.
 */
import type { ReliabilityResult } from '../reliability';
import { countText, tableContext, text, type TableOptions } from './format';
import type { PubTable } from './model';

/** Options of {@link reliabilityTable}. */
export type ReliabilityTableOptions = TableOptions;

/**
 * Builds the reliability (item statistics) table.
 *
 * @param result - a reliability result (the CLI's `stats reliability` JSON).
 * @param options - style, decimals, labels.
 * @returns the table; reverse-coded items are marked "(R)".
 * @throws {StatsError} `invalid-option` for bad formatting options.
 * @example
 * ```ts
 * reliabilityTable(reliability(df, { items: ['q1', 'q2', 'q3'] }), { title: 'Job satisfaction scale' });
 * ```
 */
export function reliabilityTable(result: ReliabilityResult, options: ReliabilityTableOptions = {}): PubTable {
  const ctx = tableContext(options);
  const loadings = result.items.some((it) => it.loading !== null);
  const apa = ctx.style === 'apa';
  const headers = ['Item', apa ? 'M' : 'Mean', 'SD', 'Corrected item–total r', 'α if item deleted', ...(loadings ? ['Loading'] : [])];
  const rows = result.items.map((it) => ({
    cells: [
      text(`${ctx.label(it.name)}${it.reversed ? ' (R)' : ''}`),
      ctx.num(it.mean),
      ctx.num(it.sd),
      ctx.num(it.itemTotalCorrelation, 'bounded'),
      ctx.num(it.alphaIfDeleted, 'bounded'),
      ...(loadings ? [ctx.num(it.loading, 'bounded')] : []),
    ],
  }));
  const b = (v: number) => ctx.fmt(v, 'bounded');
  const notes = [
    `Cronbach’s α = ${b(result.alpha)}, standardized α = ${b(result.standardizedAlpha)}${result.omegaTotal !== null ? `, McDonald’s ω = ${b(result.omegaTotal)}` : ''}; ${result.items.length} items, N = ${countText(result.n)}${result.nDropped ? ` (${countText(result.nDropped)} incomplete ${result.nDropped === 1 ? 'case' : 'cases'} excluded)` : ''}.`,
  ];
  if (result.items.some((it) => it.reversed)) notes.push('(R) = reverse-coded item.');
  if (loadings) notes.push('Loading = standardized loading on one factor (unweighted least squares), the basis of ω.');
  if (result.items.length === 2) notes.push('α if item deleted is not defined with two items.');
  notes.push(...result.warnings.map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}${/[.?!]$/.test(w) ? '' : '.'}`));
  return { title: options.title ?? 'Item Statistics and Reliability', columns: [headers.map((t) => ({ text: t }))], rows, notes, style: ctx.style };
}
