/**
 * The coefficient-table layout shared by the regression builders (OLS, moderation, panel,
 * DID): Term | B | SE | (β) | t | p | (95% CI LL, UL) | (VIF), and statistic rows (R², F, N)
 * that put their value in the B column and their p in the p column.
 */
import type { Coefficient } from '../types';
import { blank, ciHeader, text, type TableContext } from './format';
import type { HeaderCell, PubCell, PubRow } from './model';

/** Which optional columns a coefficient table has. */
export interface CoefficientColumns {
  /** Standardized coefficients β (OLS). */
  beta?: boolean;
  /** Confidence interval columns LL, UL. */
  ci?: boolean;
  /** Variance inflation factors (OLS). */
  vif?: boolean;
  /** Name of the test statistic column (default 't'; 'z' for random effects). */
  stat?: 't' | 'z';
  /** Header of the first column (default 'Predictor' / 'Variable'). */
  stub?: string;
  /** Header of the estimate column (default 'B' / 'Coef.'). */
  estimate?: string;
}

/** Column positions of a coefficient table. */
export interface CoefficientLayout {
  ncol: number;
  est: number;
  se: number;
  beta: number;
  stat: number;
  p: number;
  ll: number;
  ul: number;
  vif: number;
}

/**
 * Column positions for a set of optional columns (−1 for an absent column).
 *
 * @param cols - optional columns.
 * @returns positions and the column count.
 */
export function coefficientLayout(cols: CoefficientColumns): CoefficientLayout {
  let j = 1;
  const est = j++;
  const se = j++;
  const beta = cols.beta ? j++ : -1;
  const stat = j++;
  const p = j++;
  const ll = cols.ci ? j++ : -1;
  const ul = cols.ci ? j++ : -1;
  const vif = cols.vif ? j++ : -1;
  return { ncol: j, est, se, beta, stat, p, ll, ul, vif };
}

/**
 * Header rows of a coefficient table: one row, or two when the CI columns need a spanning
 * "95% CI" over "LL" and "UL".
 *
 * @param ctx - table context.
 * @param cols - optional columns.
 * @param level - confidence level of the CI.
 * @returns header rows.
 */
export function coefficientHeaders(ctx: TableContext, cols: CoefficientColumns, level = 0.95): HeaderCell[][] {
  const apa = ctx.style === 'apa';
  const names = [
    cols.stub ?? (apa ? 'Predictor' : 'Variable'),
    cols.estimate ?? (apa ? 'B' : 'Coef.'),
    'SE',
    ...(cols.beta ? [apa ? 'β' : 'Beta'] : []),
    cols.stat ?? 't',
    'p',
  ];
  const tail = cols.vif ? ['VIF'] : [];
  if (!cols.ci) return [[...names, ...tail].map((t) => ({ text: t }))];
  return [
    [...names.map(() => ({ text: '' })), { text: ciHeader(level), colSpan: 2 }, ...tail.map(() => ({ text: '' }))],
    [...names, 'LL', 'UL', ...tail].map((t) => ({ text: t })),
  ];
}

/**
 * One coefficient row.
 *
 * @param ctx - table context.
 * @param c - the coefficient (with optional β and VIF).
 * @param cols - optional columns.
 * @param indent - indent level of the label.
 * @returns the row; stars on B from p.
 */
export function coefficientRow(ctx: TableContext, c: Coefficient & { vif?: number }, cols: CoefficientColumns, indent = 0): PubRow {
  const cells: PubCell[] = [
    text(ctx.label(c.term)),
    ctx.num(c.estimate, 'stat', { p: c.p }),
    ctx.num(c.se),
    ...(cols.beta ? [c.beta === undefined ? blank() : ctx.num(c.beta, 'bounded')] : []),
    ctx.num(c.t),
    ctx.num(c.p, 'p'),
    ...(cols.ci ? [ctx.num(c.ciLower), ctx.num(c.ciUpper)] : []),
    ...(cols.vif ? [c.vif === undefined ? blank() : ctx.num(c.vif)] : []),
  ];
  return indent ? { cells, indent } : { cells };
}

/**
 * A statistic row: a label, a value in the estimate column and optionally a p in the p column
 * (or any cells at chosen columns).
 *
 * @param label - row label, e.g. "R²" or "F(4, 195)".
 * @param layout - column positions.
 * @param at - cells by column index.
 * @param options - rule above the row, indent.
 * @returns the row (kind 'stat').
 */
export function statRow(label: string, layout: { ncol: number }, at: Record<number, PubCell>, options: { rule?: boolean; indent?: number } = {}): PubRow {
  const cells: PubCell[] = [text(label)];
  for (let j = 1; j < layout.ncol; j++) cells.push(at[j] ?? blank());
  const row: PubRow = { kind: 'stat', cells };
  if (options.rule) row.rule = true;
  if (options.indent) row.indent = options.indent;
  return row;
}

/** A section heading row spanning the table. */
export function sectionRow(label: string, ncol: number): PubRow {
  return { kind: 'section', cells: [text(label, ncol)] };
}
