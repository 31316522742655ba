/**
 * Quantile regression at several τ side by side: a spanning "τ = 0.25" header over Coef., SE
 * and p for each quantile, and the number of observations. From a {@link QregResult}. The
 * compact econometrics layout (one column per τ, SE in parentheses) is
 * `comparisonTable([{ result }])` in ./comparison-table.
 */
import type { QregResult } from '../qreg';
import { blank, countText, legendOf, exactPOptions, tableContext, text, type TableOptions } from './format';
import type { HeaderCell, PubCell, PubRow, PubTable } from './model';

/** Options of {@link qregTable}. */
export type QregTableOptions = TableOptions;

/**
 * Builds the quantile regression table.
 *
 * @param result - a qreg result (the CLI's `stats qreg` JSON).
 * @param options - style (default econ), decimals, labels.
 * @returns the table.
 * @throws {StatsError} `invalid-option` for bad formatting options.
 * @example
 * ```ts
 * qregTable(qreg(df, { y: 'lwage', x: ['educ', 'exper'], tau: [0.25, 0.5, 0.75] }));
 * ```
 */
export function qregTable(result: QregResult, options: QregTableOptions = {}): PubTable {
  const ctx = tableContext(exactPOptions({ ...options, style: options.style ?? 'econ' }));
  const apa = ctx.style === 'apa';
  const sub = [apa ? 'B' : 'Coef.', 'SE', 'p'];
  const columns: HeaderCell[][] = [
    [{ text: '' }, ...result.quantiles.map((q) => ({ text: `τ = ${ctx.fmt(q.tau, 'bounded', { decimals: tauDecimals(q.tau) })}`, colSpan: 3 }))],
    [{ text: apa ? 'Predictor' : 'Variable' }, ...result.quantiles.flatMap(() => sub.map((t) => ({ text: t })))],
  ];
  const rows: PubRow[] = result.terms.map((term) => {
    const cells: PubCell[] = [text(ctx.label(term))];
    for (const q of result.quantiles) {
      const c = q.coefficients.find((k) => k.term === term);
      if (!c) cells.push(blank(), blank(), blank());
      else cells.push(ctx.num(c.estimate, 'stat', { p: c.p }), ctx.num(c.se), ctx.num(c.p, 'p'));
    }
    return { cells };
  });
  rows.push({
    kind: 'stat',
    rule: true,
    cells: [text('Observations'), ...result.quantiles.flatMap(() => [ctx.num(result.n, 'count'), blank(), blank()])],
  });
  const notes = [
    `Dependent variable: ${ctx.label(result.y)}. Quantile regression (Koenker–Bassett, exact simplex solution); standard errors from the Hendricks–Koenker sandwich with the Hall–Sheather bandwidth ("nid", as R quantreg).`,
  ];
  if (result.nDropped > 0) notes.push(`${countText(result.nDropped)} ${result.nDropped === 1 ? 'observation' : 'observations'} with missing values excluded.`);
  for (const q of result.quantiles) for (const w of q.warnings) notes.push(`τ = ${q.tau}: ${w}.`);
  const legend = legendOf(ctx);
  if (legend) notes.push(legend);
  return { title: options.title ?? 'Quantile Regression', columns, rows, notes, style: ctx.style };
}

/** Enough decimals to show τ exactly (0.25 → 2, 0.1 → 1), at most 6. */
export function tauDecimals(tau: number): number {
  for (let d = 1; d <= 6; d++) if (Math.abs(Number(tau.toFixed(d)) - tau) < 1e-12) return d;
  return 6;
}
