/**
 * The body of an econometrics-style table with models (or groups) as columns: one row per
 * term with the coefficient and its stars, the SE or t in parentheses (under it, or after it
 * on the same line), indicator rows ("Entity FE: Yes"), then statistic rows (Observations,
 * R², ΔR² …). Shared by ./comparison-table and ./by-group-table.
 */
import { StatsError } from '../errors';
import { INTERCEPT } from '../types';
import { blank, text, type TableContext } from './format';
import type { PubCell, PubNumber, PubRow } from './model';

/** Statistic rows a side-by-side table can show. */
export type SideStat = 'n' | 'r2' | 'adjR2' | 'deltaR2' | 'deltaF' | 'f' | 'clusters';

/** Layout options of side-by-side tables. */
export interface SideBySideOptions {
  /** What goes in parentheses: standard errors (default), t (z) statistics, or nothing. */
  paren?: 'se' | 't' | 'none';
  /** Parentheses on the line under the coefficient (default) or after it: "0.158*** (3.12)". */
  layout?: 'below' | 'inline';
  /** Terms to show, in this order (default: every term, in order of appearance). */
  terms?: readonly string[];
  /** Terms to hide; a variable name hides its dummies too ("year" hides "year[2011]"). */
  omit?: readonly string[];
  /** Where the intercept goes (default: last for econ, first for APA). */
  intercept?: 'first' | 'last' | 'omit';
  /** Statistic rows, in this order (default: those any column has of n, r2, adjR2, deltaR2, deltaF). */
  stats?: readonly SideStat[];
}

/** A coefficient in one column (null parts are left empty). */
export interface SideEstimate {
  value: number;
  /** Standardized (bounded, no leading zero in APA) rather than unstandardized. */
  bounded?: boolean;
  se: number | null;
  t: number | null;
  p: number | null;
}

/** One column: its coefficients, statistics and indicator values. */
export interface SideColumn {
  coef(term: string): SideEstimate | null;
  stats: Partial<Record<SideStat, PubCell>>;
  indicators: Readonly<Record<string, string>>;
}

/** A row key and its label. */
export interface SideTerm {
  term: string;
  label: string;
}

/**
 * Orders and filters the terms of all columns.
 *
 * @param ctx - table context.
 * @param all - terms of the columns in order of appearance (duplicates allowed).
 * @param options - terms, omit, intercept.
 * @returns the terms to show.
 * @throws {StatsError} `invalid-option` for a listed term no column has.
 */
export function chooseTerms(ctx: TableContext, all: readonly string[], options: SideBySideOptions): string[] {
  const seen = [...new Set(all)];
  if (options.terms) {
    for (const t of options.terms) if (!seen.includes(t)) throw new StatsError('invalid-option', `no model has the term '${t}' (terms: ${seen.join(', ')})`);
  }
  const omit = options.omit ?? [];
  const hidden = (t: string) => omit.some((o) => t === o || t.startsWith(`${o}[`));
  let terms = (options.terms ? [...options.terms] : seen).filter((t) => !hidden(t));
  const where = options.intercept ?? (ctx.style === 'econ' ? 'last' : 'first');
  if (!options.terms && terms.includes(INTERCEPT)) {
    terms = terms.filter((t) => t !== INTERCEPT);
    if (where === 'first') terms.unshift(INTERCEPT);
    else if (where === 'last') terms.push(INTERCEPT);
  } else if (where === 'omit') terms = terms.filter((t) => t !== INTERCEPT);
  return terms;
}

/** Row labels of the statistics. */
export function statLabel(ctx: TableContext, s: SideStat): string {
  const labels: Record<SideStat, string> = {
    n: ctx.style === 'econ' ? 'Observations' : 'N',
    r2: 'R²',
    adjR2: 'Adjusted R²',
    deltaR2: 'ΔR²',
    deltaF: 'ΔF',
    f: 'F',
    clusters: 'Clusters',
  };
  return labels[s];
}

/**
 * The body rows: terms (coefficient with stars, SE or t in parentheses), indicators, stats.
 *
 * @param ctx - table context.
 * @param columns - the model or group columns.
 * @param terms - rows to show.
 * @param indicators - indicator row labels in order (e.g. "Entity FE").
 * @param options - parentheses, layout, statistic rows.
 * @returns the rows.
 */
export function sideBySideRows(
  ctx: TableContext,
  columns: readonly SideColumn[],
  terms: readonly SideTerm[],
  indicators: readonly string[],
  options: SideBySideOptions,
): PubRow[] {
  const paren = options.paren ?? 'se';
  const below = (options.layout ?? 'below') === 'below';
  const rows: PubRow[] = [];
  for (const { term, label } of terms) {
    const main: PubCell[] = [text(label)];
    const second: PubCell[] = [blank()];
    for (const col of columns) {
      const e = col.coef(term);
      if (!e) {
        main.push(blank());
        second.push(blank());
        continue;
      }
      const cell = ctx.num(e.value, e.bounded ? 'bounded' : 'stat', { p: e.p });
      const inParens = paren === 'se' ? e.se : paren === 't' ? e.t : null;
      const n: PubNumber | null = inParens === null ? null : ctx.number(inParens, 'stat', { parens: true });
      if (n && !below) cell.second = n;
      main.push(cell);
      second.push(n && below ? { text: n.text, value: n.value, format: n.format } : blank());
    }
    rows.push({ cells: main });
    if (below && paren !== 'none') rows.push({ cells: second });
  }
  // Indicator rows, then statistic rows, each block under a rule.
  indicators.forEach((label, i) => {
    rows.push({ kind: 'stat', ...(i === 0 ? { rule: true } : {}), cells: [text(label), ...columns.map((c) => text(c.indicators[label] ?? ''))] });
  });
  const keys = options.stats ?? (['n', 'r2', 'adjR2', 'deltaR2', 'deltaF'] as const).filter((k) => columns.some((c) => c.stats[k]));
  keys.forEach((k, i) => {
    rows.push({ kind: 'stat', ...(i === 0 ? { rule: true } : {}), cells: [text(statLabel(ctx, k)), ...columns.map((c) => c.stats[k] ?? blank())] });
  });
  return rows;
}
