/**
 * Number formatting and shared conventions of the publication tables: APA 7 (no leading zero
 * for statistics that cannot exceed 1 — p, r, β, α, R²; "p < .001"; APA Publication Manual,
 * 7th ed., secs. 6.36 and 7.21) and econometrics (leading zeros, Stata esttab legend
 * "* p<0.1, ** p<0.05, *** p<0.01"). Star thresholds come from ../stars.
 */
import { StatsError } from '../errors';
import { stars as starsFor, starThresholds, type StarConvention } from '../stars';
import { INTERCEPT } from '../types';
import type { NumberFormat, PubCell, PubNumber, TableStyle } from './model';

/** Options shared by every table builder. */
export interface TableOptions {
  /** 'apa' (default) or 'econ'. */
  style?: TableStyle;
  /** Decimals of estimates and statistics, an integer 0–6 (default 2 for APA, 3 for econ). */
  decimals?: number;
  /** Decimals of p-values, 1–6 (default 3: "p = .034", "< .001"). */
  pDecimals?: number;
  /** Minus sign (default 'unicode', U+2212 "−"; 'hyphen' for ASCII "-"). */
  minus?: 'unicode' | 'hyphen';
  /** Group thousands with commas (default true: "1,234"). */
  thousands?: boolean;
  /**
   * Star convention (default: the style's — APA * p < .05, ** p < .01, *** p < .001; econ
   * * p < .1, ** p < .05, *** p < .01), custom thresholds, or false for no stars.
   */
  stars?: StarConvention | false;
  /** Table title (each builder has a default). */
  title?: string;
  /** Display names of variables and terms, e.g. { tl: 'Transformational leadership' }. */
  labels?: Readonly<Record<string, string>>;
}

/** What a number is, which decides how it is written. */
export type Quantity =
  /** Unbounded estimate or statistic (B, SE, t, F, M, SD): leading zero kept. */
  | 'stat'
  /** Bounded by 1 in absolute value (r, β, α, R², loadings): no leading zero in APA. */
  | 'bounded'
  /** A count (N, df): no decimals. */
  | 'count'
  /** A p-value. */
  | 'p';

/** Options resolved to values, and the helpers the builders format with. */
export interface TableContext {
  style: TableStyle;
  decimals: number;
  pDecimals: number;
  minus: 'unicode' | 'hyphen';
  thousands: boolean;
  /** Star thresholds, or null for no stars. */
  convention: StarConvention | null;
  labels: Readonly<Record<string, string>>;
  /** The number format of a quantity. */
  format(kind: Quantity, extra?: Partial<NumberFormat>): NumberFormat;
  /** A number cell ('—' when value is null or undefined). */
  num(value: number | null | undefined, kind?: Quantity, options?: { p?: number | null; parens?: boolean; decimals?: number }): PubCell;
  /** A formatted number (for `second`). */
  number(value: number, kind?: Quantity, extra?: Partial<NumberFormat>): PubNumber;
  /** Stars for a p-value ('' without a convention). */
  stars(p: number | null | undefined): string;
  /** A number as text (for labels and notes). */
  fmt(value: number, kind?: Quantity, extra?: Partial<NumberFormat>): string;
  /** "p = .034" or "p < .001" for notes. */
  pText(p: number): string;
  /** The display label of a variable or term. */
  label(term: string): string;
}

/** Text of a cell that has no value (a statistic the sample cannot define). */
export const EMPTY = '—';

/**
 * Resolves and validates the options.
 *
 * @param options - builder options.
 * @returns the context builders format with.
 * @throws {StatsError} `invalid-option` for decimals outside 0–6, pDecimals outside 1–6, an
 *   unknown style, minus or star convention.
 * @example
 * ```ts
 * const ctx = tableContext({ style: 'econ' });
 * ctx.num(-0.1584, 'stat', { p: 0.002 }); // { text: '−0.158', stars: '***', value: -0.1584, … }
 * ```
 */
export function tableContext(options: TableOptions = {}): TableContext {
  const style = options.style ?? 'apa';
  if (style !== 'apa' && style !== 'econ') throw new StatsError('invalid-option', `unknown table style '${String(style)}' (use apa or econ)`);
  const decimals = options.decimals ?? (style === 'apa' ? 2 : 3);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new StatsError('invalid-option', `decimals must be an integer from 0 to 6 (got ${decimals})`);
  }
  const pDecimals = options.pDecimals ?? 3;
  if (!Number.isInteger(pDecimals) || pDecimals < 1 || pDecimals > 6) {
    throw new StatsError('invalid-option', `pDecimals must be an integer from 1 to 6 (got ${pDecimals})`);
  }
  const minus = options.minus ?? 'unicode';
  if (minus !== 'unicode' && minus !== 'hyphen') throw new StatsError('invalid-option', `minus must be unicode or hyphen (got '${String(minus)}')`);
  const thousands = options.thousands ?? true;
  let convention: StarConvention | null = null;
  if (options.stars !== false) {
    convention = options.stars ?? style;
    starThresholds(convention); // validate
  }
  const labels = options.labels ?? {};
  const format = (kind: Quantity, extra: Partial<NumberFormat> = {}): NumberFormat => {
    const f: NumberFormat = {
      decimals: kind === 'count' ? 0 : kind === 'p' ? pDecimals : decimals,
      leadingZero: !(style === 'apa' && (kind === 'bounded' || kind === 'p')),
      thousands: thousands && kind !== 'p' && kind !== 'bounded',
      minus,
    };
    if (kind === 'p') f.pValue = true;
    return { ...f, ...extra };
  };
  const stars = (p: number | null | undefined) => (convention === null || p === null || p === undefined ? '' : starsFor(p, convention));
  const number = (value: number, kind: Quantity = 'stat', extra: Partial<NumberFormat> = {}): PubNumber => {
    const f = format(kind, extra);
    return { value, text: formatNumber(value, f), format: f };
  };
  const ctx: TableContext = {
    style,
    decimals,
    pDecimals,
    minus,
    thousands,
    convention,
    labels,
    format,
    number,
    stars,
    num(value, kind = 'stat', opts = {}) {
      if (value === null || value === undefined) return { text: EMPTY };
      const extra: Partial<NumberFormat> = {};
      if (opts.parens) extra.parens = true;
      if (opts.decimals !== undefined) extra.decimals = opts.decimals;
      const n = number(value, kind, extra);
      const cell: PubCell = { text: n.text, value, format: n.format };
      const s = opts.p === undefined ? '' : stars(opts.p);
      if (s) cell.stars = s;
      return cell;
    },
    fmt: (value, kind = 'stat', extra = {}) => formatNumber(value, format(kind, extra)),
    pText: (p) => {
      const t = formatNumber(p, format('p'));
      return t.startsWith('<') ? `p ${t}` : `p = ${t}`;
    },
    label: (term) => termLabel(term, style, labels),
  };
  return ctx;
}

/**
 * Writes a number with a {@link NumberFormat}: fixed decimals (rounded as C's printf and R's
 * sprintf do, from the binary value), optional leading zero, thousands separators, the chosen
 * minus sign and parentheses; a p-value below 10^−decimals is written "< .001". A value that
 * rounds to zero is written without a sign ("0.000", not R's "-0.000": a CI bound of −3e−17
 * is zero in a paper; ./render-xlsx gives such cells a format without the minus too).
 *
 * @param value - a finite number.
 * @param f - the format.
 * @returns the text.
 * @throws {StatsError} `non-finite` for NaN or ±Infinity (results never contain them).
 * @example
 * ```ts
 * formatNumber(-0.1584, { decimals: 2, leadingZero: false, thousands: false, minus: 'unicode' }); // '−.16'
 * formatNumber(0.0004, { decimals: 3, leadingZero: false, thousands: false, minus: 'unicode', pValue: true }); // '< .001'
 * formatNumber(12345.678, { decimals: 1, leadingZero: true, thousands: true, minus: 'hyphen' }); // '12,345.7'
 * ```
 */
export function formatNumber(value: number, f: NumberFormat): string {
  if (!Number.isFinite(value)) throw new StatsError('non-finite', `cannot format ${value} in a table`);
  if (f.pValue) {
    const min = 10 ** -f.decimals;
    if (value < min) return enclose(`< ${formatNumber(min, { ...f, pValue: false, parens: false })}`, f);
  }
  let s = Math.abs(value).toFixed(f.decimals);
  const negative = value < 0 && Number(s) !== 0;
  if (!f.leadingZero && s.startsWith('0.')) s = s.slice(1);
  if (f.thousands) {
    const dot = s.indexOf('.');
    const int = dot < 0 ? s : s.slice(0, dot);
    if (int.length > 3) s = int.replace(/\B(?=(\d{3})+$)/g, ',') + (dot < 0 ? '' : s.slice(dot));
  }
  if (negative) s = (f.minus === 'unicode' ? '\u2212' : '-') + s;
  return enclose(s, f);
}

function enclose(s: string, f: NumberFormat): string {
  return f.parens ? `(${s})` : s;
}

/**
 * The display label of a term: a label from `labels` when given; the intercept as
 * "Intercept" (APA) / "Constant" (econ); a dummy "sector[ngo]" as "sector: ngo"; an
 * interaction "X:W" as "X × W" (each part labelled).
 *
 * @param term - a term as the engine names it.
 * @param style - table style.
 * @param labels - display names of variables or whole terms.
 * @returns the label.
 * @example
 * ```ts
 * termLabel('age:sector[ngo]', 'apa', { age: 'Age' }); // 'Age × sector: ngo'
 * ```
 */
export function termLabel(term: string, style: TableStyle, labels: Readonly<Record<string, string>> = {}): string {
  if (Object.prototype.hasOwnProperty.call(labels, term)) return labels[term];
  if (term === INTERCEPT) return style === 'apa' ? 'Intercept' : 'Constant';
  const part = (p: string): string => {
    if (Object.prototype.hasOwnProperty.call(labels, p)) return labels[p];
    const m = /^(.*)\[(.*)\]$/.exec(p);
    if (m) return `${Object.prototype.hasOwnProperty.call(labels, m[1]) ? labels[m[1]] : m[1]}: ${m[2]}`;
    return p;
  };
  return term.split(':').map(part).join(' × ');
}

/**
 * The star legend for the notes: APA "*p < .05. **p < .01. ***p < .001." or econ
 * "* p<0.1, ** p<0.05, *** p<0.01" (custom thresholds are written the same way).
 *
 * @param convention - star convention.
 * @param style - table style.
 * @returns the legend.
 * @throws {StatsError} `invalid-option` for bad thresholds.
 * @example
 * ```ts
 * starLegend('econ', 'econ'); // '* p<0.1, ** p<0.05, *** p<0.01'
 * ```
 */
export function starLegend(convention: StarConvention, style: TableStyle): string {
  const t = starThresholds(convention);
  if (style === 'apa') return t.map((v, i) => `${'*'.repeat(i + 1)}p < ${String(v).replace(/^0\./, '.')}.`).join(' ');
  return t.map((v, i) => `${'*'.repeat(i + 1)} p<${v}`).join(', ');
}

/**
 * Options of a table whose rows print an exact p beside each estimate (regression tables): in
 * APA style the stars are dropped unless asked for explicitly, since APA 7 reports exact p
 * values rather than significance stars (APA Publication Manual, 7th ed., sec. 6.46); the econ
 * style keeps its stars. Without stars the table has no star legend either.
 *
 * @param options - the caller's options, with the builder's default style applied.
 * @returns the options with `stars: false` for APA when `stars` is unset.
 * @example
 * ```ts
 * tableContext(exactPOptions({ style: 'apa' })).convention; // null
 * ```
 */
export function exactPOptions<T extends TableOptions>(options: T): T {
  return (options.style ?? 'apa') === 'apa' && options.stars === undefined ? { ...options, stars: false } : options;
}

/** The star legend of a context, or null without stars. */
export function legendOf(ctx: TableContext): string | null {
  return ctx.convention === null ? null : starLegend(ctx.convention, ctx.style);
}

/**
 * A sentence naming the standard errors of a regression.
 *
 * @param se - SE type of the result.
 * @param nClusters - number of clusters (cluster-robust SEs).
 * @param clusterName - what the clusters are ("entity", a column name).
 * @returns e.g. "Heteroskedasticity-consistent (HC3) standard errors." or null for classic SEs.
 * @example
 * ```ts
 * seSentence('cluster', 40, 'firm'); // 'Standard errors clustered by firm (40 clusters).'
 * ```
 */
export function seSentence(se: string, nClusters?: number, clusterName?: string): string | null {
  if (se === 'classic') return null;
  if (se === 'cluster') {
    return `Standard errors clustered${clusterName ? ` by ${clusterName}` : ''}${nClusters !== undefined ? ` (${nClusters.toLocaleString('en-US')} clusters)` : ''}.`;
  }
  return `Heteroskedasticity-consistent (${se.toUpperCase()}) standard errors.`;
}

/** A text cell. */
export function text(t: string, colSpan?: number): PubCell {
  return colSpan && colSpan > 1 ? { text: t, colSpan } : { text: t };
}

/** An empty cell. */
export const blank = (): PubCell => ({ text: '' });

/**
 * "95% CI" for a confidence level.
 *
 * @param level - e.g. 0.95.
 * @returns the header text.
 * @example
 * ```ts
 * ciHeader(0.9); // '90% CI'
 * ```
 */
export function ciHeader(level: number): string {
  return `${Number((level * 100).toFixed(4))}% CI`;
}

/**
 * "N = 1,234" for notes (italic N is a typesetting matter left to the reader's style).
 *
 * @param n - a count.
 * @returns the text.
 * @example
 * ```ts
 * countText(1234); // '1,234'
 * ```
 */
export function countText(n: number): string {
  return n.toLocaleString('en-US');
}
