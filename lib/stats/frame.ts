/**
 * Data frames (columns by name) and the helpers every analysis uses to turn them into numbers:
 * CSV parsing, numeric conversion with clear errors, listwise deletion that reports what it
 * dropped, factor (dummy) coding with a chosen reference level, interaction terms "X:W", and
 * design matrices for {@link fitLinearModel}.
 *
 * Missing values are `null`, `undefined`, `NaN`, or the strings '', 'NA', '.' (SPSS/Stata
 * system missing). Any other non-numeric string in a numeric column is an error naming the
 * column and the (1-based, data) row.
 */
import Papa from 'papaparse';
import { StatsError } from './errors';
import type { Design } from './linear-model';
import { INTERCEPT } from './types';

/** One cell: a number, a string (category label or unparsed text) or missing. */
export type Cell = number | string | null;

/** Columns by name, all of the same length. */
export type DataFrame = Record<string, ReadonlyArray<Cell>>;

/** Factor specification: column name → reference level (`null`/`undefined` = first level). */
export type FactorSpec = Readonly<Record<string, string | null | undefined>>;

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const MISSING_STRINGS = new Set(['', 'NA', '.', 'NaN', 'nan']);

/**
 * Parses CSV text (first line = header) into a {@link DataFrame}. Numbers are parsed; '', NA
 * and '.' become null; other text stays a string. Short rows are padded with null.
 *
 * @param text - CSV text (comma-separated, RFC 4180 quoting).
 * @returns the data frame.
 * @throws {StatsError} `invalid-option` on an empty/duplicate header, a row with too many fields or
 *   a quoted field that is never closed.
 * @example
 * ```ts
 * parseCsv('y,x\n1,2\n3,NA'); // { y: [1, 3], x: [2, null] }
 * ```
 */
export function parseCsv(text: string): DataFrame {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  // Papa recovers from a quote that is never closed by swallowing the rest of the file into one
  // field; that is a broken file, not data (its other "errors" are delimiter guesses for
  // one-column files, which are harmless).
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    // Papa's row is 0-based over all records, the header included.
    const where = quoteError.row === undefined ? 'CSV' : `CSV line ${quoteError.row + 1}`;
    throw new StatsError('invalid-option', `${where}: ${quoteError.message.replace(/\.$/, '')} (a quoted field is not closed properly)`);
  }
  const rows = parsed.data;
  if (rows.length === 0) throw new StatsError('invalid-option', 'the CSV is empty');
  const header = rows[0].map((h) => h.trim());
  const seen = new Set<string>();
  header.forEach((h, j) => {
    if (h === '') throw new StatsError('invalid-option', `CSV header: column ${j + 1} has no name`);
    if (seen.has(h)) throw new StatsError('invalid-option', `CSV header: column '${h}' appears twice`);
    seen.add(h);
  });
  const columns: Cell[][] = header.map(() => []);
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    if (row.length > header.length) {
      throw new StatsError('invalid-option', `CSV line ${i + 1} has ${row.length} fields, the header has ${header.length}`);
    }
    for (let j = 0; j < header.length; j++) columns[j].push(parseCell(row[j]));
  }
  const out: Record<string, Cell[]> = {};
  header.forEach((h, j) => (out[h] = columns[j]));
  return out;
}

function parseCell(raw: string | undefined): Cell {
  if (raw === undefined) return null;
  const s = raw.trim();
  if (MISSING_STRINGS.has(s)) return null;
  if (NUMBER_RE.test(s)) return Number(s);
  return s;
}

/**
 * Number of rows of a data frame (all columns must have the same length).
 *
 * @param df - data frame.
 * @returns the common column length (0 for a frame without columns).
 * @throws {StatsError} `invalid-option` when columns differ in length.
 * @example
 * ```ts
 * nRows({ a: [1, 2], b: [3, 4] }); // 2
 * ```
 */
export function nRows(df: DataFrame): number {
  let n = -1;
  for (const [name, col] of Object.entries(df)) {
    if (n === -1) n = col.length;
    else if (col.length !== n) {
      throw new StatsError('invalid-option', `column '${name}' has ${col.length} rows, expected ${n}`);
    }
  }
  return Math.max(n, 0);
}

/**
 * A column by name.
 *
 * @param df - data frame.
 * @param name - column name.
 * @returns the column.
 * @throws {StatsError} `missing-column` when there is no such column.
 * @example
 * ```ts
 * getColumn(df, 'age');
 * ```
 */
export function getColumn(df: DataFrame, name: string): ReadonlyArray<Cell> {
  if (!Object.prototype.hasOwnProperty.call(df, name)) {
    const known = Object.keys(df);
    throw new StatsError(
      'missing-column',
      `column '${name}' not found${known.length ? ` (available: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''})` : ''}`,
      { column: name },
    );
  }
  return df[name];
}

/**
 * Whether a cell is missing (null, undefined, NaN, '', 'NA', '.').
 *
 * @param v - cell.
 * @returns true when missing.
 * @example
 * ```ts
 * isMissing('NA'); // true
 * ```
 */
export function isMissing(v: Cell | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'number') return Number.isNaN(v);
  return MISSING_STRINGS.has(v.trim());
}

/**
 * Converts one cell to a number (null when missing).
 *
 * @param v - cell.
 * @param column - column name (for the error).
 * @param row - 0-based row index (reported 1-based).
 * @returns the number or null.
 * @throws {StatsError} `non-numeric` for text or ±Infinity.
 * @example
 * ```ts
 * toNumber(' 3.5 ', 'x', 0); // 3.5
 * ```
 */
export function toNumber(v: Cell | undefined, column: string, row: number): number | null {
  if (isMissing(v)) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      throw new StatsError('non-numeric', `column '${column}' row ${row + 1}: value ${v} is not finite`, { column, row: row + 1 });
    }
    return v;
  }
  const s = (v as string).trim();
  if (NUMBER_RE.test(s)) return Number(s);
  throw new StatsError('non-numeric', `column '${column}' row ${row + 1}: '${s}' is not a number`, {
    column,
    row: row + 1,
    value: s,
  });
}

/**
 * A column converted to numbers (missing → null).
 *
 * @param df - data frame.
 * @param name - column name.
 * @returns numbers or nulls.
 * @throws {StatsError} `missing-column`, `non-numeric`.
 * @example
 * ```ts
 * numericColumn({ x: [1, 'NA', '2'] }, 'x'); // [1, null, 2]
 * ```
 */
export function numericColumn(df: DataFrame, name: string): Array<number | null> {
  const col = getColumn(df, name);
  return col.map((v, i) => toNumber(v, name, i));
}

/** Rows kept by listwise deletion. */
export interface RowSelection {
  /** 0-based indices of complete rows, ascending. */
  rows: number[];
  n: number;
  nDropped: number;
}

/**
 * Listwise deletion: rows where every named numeric column is a number and every categorical
 * column is non-missing. Numeric columns are validated (text → error) on all rows.
 *
 * @param df - data frame.
 * @param numeric - columns that must be numeric.
 * @param categorical - columns used as categories (any non-missing value).
 * @returns kept row indices with n and nDropped.
 * @throws {StatsError} `missing-column`, `non-numeric`.
 * @example
 * ```ts
 * completeRows(df, ['y', 'x1'], ['group']).n;
 * ```
 */
export function completeRows(df: DataFrame, numeric: readonly string[], categorical: readonly string[] = []): RowSelection {
  const total = nRows(df);
  const keep = new Uint8Array(total).fill(1);
  for (const name of new Set(numeric)) {
    const col = getColumn(df, name);
    for (let i = 0; i < total; i++) if (toNumber(col[i], name, i) === null) keep[i] = 0;
  }
  for (const name of new Set(categorical)) {
    const col = getColumn(df, name);
    for (let i = 0; i < total; i++) if (isMissing(col[i])) keep[i] = 0;
  }
  const rows: number[] = [];
  for (let i = 0; i < total; i++) if (keep[i]) rows.push(i);
  return { rows, n: rows.length, nDropped: total - rows.length };
}

/**
 * Throws a clear error when listwise deletion left no rows, naming the columns that have no
 * value at all (the usual cause) or else all the columns whose combination is never complete.
 *
 * @param df - data frame.
 * @param sel - the result of {@link completeRows}.
 * @param columns - the columns that were required (numeric and categorical).
 * @throws {StatsError} `too-few-observations` when `sel.n` is 0.
 * @example
 * ```ts
 * const sel = completeRows(df, ['y', 'x']);
 * assertHasRows(df, sel, ['y', 'x']); // "column 'x' has no non-missing values"
 * ```
 */
export function assertHasRows(df: DataFrame, sel: RowSelection, columns: readonly string[]): void {
  if (sel.n > 0) return;
  const total = sel.n + sel.nDropped;
  if (total === 0) throw new StatsError('too-few-observations', 'the data have no rows');
  const empty = [...new Set(columns)].filter((name) => getColumn(df, name).every((v) => isMissing(v)));
  if (empty.length > 0) {
    throw new StatsError(
      'too-few-observations',
      `${empty.length === 1 ? 'column' : 'columns'} ${empty.map((c) => `'${c}'`).join(', ')} ${empty.length === 1 ? 'has' : 'have'} no non-missing values`,
      { columns: empty },
    );
  }
  throw new StatsError('too-few-observations', `no complete rows: every row has a missing value in one of ${[...new Set(columns)].join(', ')}`, {
    columns: [...new Set(columns)],
  });
}

/**
 * Throws `constant-column` when every value of a column is the same (an empty column passes).
 *
 * @param values - the column on the analysis rows.
 * @param name - column name (for the error details).
 * @param label - how the message names it (default "column 'name'"), e.g. "outcome 'y'" or
 *   "column 'x' (the antecedent X)".
 * @throws {StatsError} `constant-column`, e.g. "column 'x2' is constant (5)".
 * @example
 * ```ts
 * assertNotConstant(y, 'y', "outcome 'y'");
 * ```
 */
export function assertNotConstant(values: ArrayLike<number>, name: string, label = `column '${name}'`): void {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return;
  if (values.length === 0) return;
  throw new StatsError('constant-column', `${label} is constant (${values[0]})`, { column: name });
}

/**
 * Checks that each variable plays one role in a model (PROCESS-style y / x / m / w / covariates).
 *
 * @param roles - [variable, role description] pairs, e.g. ['tl', 'X'].
 * @throws {StatsError} `invalid-option` for an empty name or a variable used twice
 *   ("variable 'x' is used twice (as X and as W)").
 * @example
 * ```ts
 * assertDistinctRoles([['engage', 'Y'], ['tl', 'X'], ['pos', 'W']]);
 * ```
 */
export function assertDistinctRoles(roles: ReadonlyArray<readonly [string, string]>): void {
  const seen = new Map<string, string>();
  for (const [name, role] of roles) {
    if (typeof name !== 'string' || name.trim() === '') throw new StatsError('invalid-option', `the variable for ${role} is empty`);
    const prev = seen.get(name);
    if (prev) throw new StatsError('invalid-option', `variable '${name}' is used twice (as ${prev} and as ${role})`);
    seen.set(name, role);
  }
}

/** Numeric columns after listwise deletion. */
export interface NumericSelection extends RowSelection {
  /** Column name → values on the kept rows. */
  columns: Record<string, Float64Array>;
}

/**
 * Selects numeric columns with listwise deletion.
 *
 * @param df - data frame.
 * @param names - numeric columns.
 * @param alsoComplete - further columns (e.g. a group or cluster) that must be non-missing.
 * @returns the columns as Float64Arrays on the complete rows, with n and nDropped.
 * @throws {StatsError} `missing-column`, `non-numeric`.
 * @example
 * ```ts
 * const { columns, n, nDropped } = selectNumeric(df, ['y', 'x']);
 * ```
 */
export function selectNumeric(df: DataFrame, names: readonly string[], alsoComplete: readonly string[] = []): NumericSelection {
  const sel = completeRows(df, names, alsoComplete);
  return { ...sel, columns: takeNumeric(df, names, sel.rows) };
}

/**
 * Numeric values of columns at given rows (rows must be complete for those columns).
 *
 * @param df - data frame.
 * @param names - numeric columns.
 * @param rows - row indices.
 * @returns column name → Float64Array.
 * @throws {StatsError} `missing-column`, `non-numeric`, `invalid-option` if a row is missing.
 * @example
 * ```ts
 * takeNumeric(df, ['x'], [0, 2, 5]).x;
 * ```
 */
export function takeNumeric(df: DataFrame, names: readonly string[], rows: readonly number[]): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const name of names) {
    const col = getColumn(df, name);
    const a = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const v = toNumber(col[rows[i]], name, rows[i]);
      if (v === null) throw new StatsError('invalid-option', `column '${name}' row ${rows[i] + 1} is missing`);
      a[i] = v;
    }
    out[name] = a;
  }
  return out;
}

/**
 * Category labels of a column at given rows (numbers become their decimal string).
 *
 * @param df - data frame.
 * @param name - column.
 * @param rows - row indices (must be non-missing).
 * @returns labels.
 * @throws {StatsError} `missing-column`.
 * @example
 * ```ts
 * takeLabels(df, 'region', rows); // ['east', 'west', ...]
 * ```
 */
export function takeLabels(df: DataFrame, name: string, rows: readonly number[]): string[] {
  const col = getColumn(df, name);
  return rows.map((r) => cellLabel(col[r]));
}

function cellLabel(v: Cell | undefined): string {
  return typeof v === 'number' ? String(v) : String(v ?? '').trim();
}

/**
 * Sorted distinct levels: numerically when every label is a number, else by code point (R's
 * `factor()` in the C locale).
 *
 * @param labels - category labels.
 * @returns distinct levels in order.
 * @example
 * ```ts
 * factorLevels(['b', 'a', 'b']); // ['a', 'b']
 * ```
 */
export function factorLevels(labels: readonly string[]): string[] {
  const levels = [...new Set(labels)];
  if (levels.every((l) => NUMBER_RE.test(l))) return levels.sort((a, b) => Number(a) - Number(b));
  return levels.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Dummy (treatment) coding of a factor. */
export interface DummyCoding {
  levels: string[];
  reference: string;
  /** Column names "name[level]" for each non-reference level. */
  names: string[];
  columns: Float64Array[];
}

/**
 * Treatment (dummy) coding with a reference level (R `contr.treatment`, Stata `i.`).
 *
 * @param name - factor name (used in the dummy names "name[level]").
 * @param labels - category labels of the used rows.
 * @param reference - reference level; default the first level of {@link factorLevels}.
 * @returns dummy columns for every level but the reference.
 * @throws {StatsError} `invalid-option` for an unknown reference; `constant-column` with one level.
 * @example
 * ```ts
 * dummyCode('region', ['e', 'w', 'c'], 'e').names; // ['region[c]', 'region[w]']
 * ```
 */
export function dummyCode(name: string, labels: readonly string[], reference?: string | null): DummyCoding {
  const levels = factorLevels(labels);
  if (levels.length < 2) {
    throw new StatsError('constant-column', `factor '${name}' has only one level${levels.length ? ` ('${levels[0]}')` : ''}`, {
      column: name,
    });
  }
  const ref = reference ?? levels[0];
  if (!levels.includes(ref)) {
    throw new StatsError('invalid-option', `reference level '${ref}' is not a level of '${name}' (levels: ${levels.join(', ')})`);
  }
  const others = levels.filter((l) => l !== ref);
  const columns = others.map((l) => {
    const a = new Float64Array(labels.length);
    for (let i = 0; i < labels.length; i++) if (labels[i] === l) a[i] = 1;
    return a;
  });
  return { levels, reference: ref, names: others.map((l) => `${name}[${l}]`), columns };
}

/**
 * The variables of a term ("x" → ['x'], "x:w" → ['x', 'w']).
 *
 * @param term - a term.
 * @returns its component variables.
 * @throws {StatsError} `invalid-option` for an empty component.
 * @example
 * ```ts
 * termVariables('x:w'); // ['x', 'w']
 * ```
 */
export function termVariables(term: string): string[] {
  const parts = term.split(':').map((s) => s.trim());
  if (parts.some((p) => p === '')) throw new StatsError('invalid-option', `invalid term '${term}'`);
  return parts;
}

/**
 * Distinct variables used by a list of terms, in first-use order.
 *
 * @param terms - terms such as ['x', 'w', 'x:w'].
 * @returns variable names.
 * @example
 * ```ts
 * variablesOf(['x', 'x:w']); // ['x', 'w']
 * ```
 */
export function variablesOf(terms: readonly string[]): string[] {
  return [...new Set(terms.flatMap(termVariables))];
}

/** Options of {@link buildDesign}. */
export interface DesignOptions {
  /** Add an intercept column "(Intercept)" (default true). */
  intercept?: boolean;
  /** Categorical variables and their reference levels. */
  factors?: FactorSpec;
  /** Rows to use (default: listwise-complete rows for the terms). */
  rows?: readonly number[];
}

/** A design matrix with bookkeeping of which term produced each column. */
export interface BuiltDesign extends Design {
  /** For each column, the term it came from ("(Intercept)" for the intercept). */
  columnTerm: string[];
  /** Factor codings used, by variable. */
  codings: Record<string, DummyCoding>;
  rows: readonly number[];
}

/**
 * Builds a design matrix from terms: numeric columns as they are, factors as dummies with a
 * reference level, interactions "X:W" as products (a factor in an interaction expands to one
 * product per dummy, e.g. "group[b]:x").
 *
 * @param df - data frame.
 * @param terms - terms (variables or "X:W" interactions), in column order.
 * @param options - intercept, factors, rows.
 * @returns the design (column-major Float64Arrays).
 * @throws {StatsError} `missing-column`, `non-numeric`, `invalid-option`, `constant-column` (factor with one level).
 * @example
 * ```ts
 * const d = buildDesign(df, ['x', 'group', 'x:group'], { factors: { group: 'a' } });
 * d.names; // ['(Intercept)', 'x', 'group[b]', 'x:group[b]']
 * ```
 */
export function buildDesign(df: DataFrame, terms: readonly string[], options: DesignOptions = {}): BuiltDesign {
  const factors = options.factors ?? {};
  const isFactor = (v: string) => Object.prototype.hasOwnProperty.call(factors, v);
  const vars = variablesOf(terms);
  const rows =
    options.rows ??
    completeRows(
      df,
      vars.filter((v) => !isFactor(v)),
      vars.filter(isFactor),
    ).rows;
  const n = rows.length;
  const codings: Record<string, DummyCoding> = {};
  const numeric: Record<string, Float64Array> = {};
  for (const v of vars) {
    if (isFactor(v)) codings[v] = dummyCode(v, takeLabels(df, v, rows), factors[v]);
    else numeric[v] = takeNumeric(df, [v], rows)[v];
  }
  const names: string[] = [];
  const columns: Float64Array[] = [];
  const columnTerm: string[] = [];
  if (options.intercept ?? true) {
    names.push(INTERCEPT);
    columns.push(new Float64Array(n).fill(1));
    columnTerm.push(INTERCEPT);
  }
  const seen = new Set<string>();
  for (const term of terms) {
    if (seen.has(term)) throw new StatsError('invalid-option', `term '${term}' is listed twice`);
    seen.add(term);
    // Expand each component into (name, column) pairs, then take the Cartesian product.
    let acc: Array<{ name: string; col: Float64Array | null }> = [{ name: '', col: null }];
    for (const v of termVariables(term)) {
      const parts = isFactor(v)
        ? codings[v].names.map((nm, j) => ({ name: nm, col: codings[v].columns[j] }))
        : [{ name: v, col: numeric[v] }];
      const next: typeof acc = [];
      for (const a of acc) {
        for (const p of parts) {
          let col: Float64Array;
          if (a.col === null) col = p.col;
          else {
            col = new Float64Array(n);
            for (let i = 0; i < n; i++) col[i] = a.col[i] * p.col[i];
          }
          next.push({ name: a.name ? `${a.name}:${p.name}` : p.name, col });
        }
      }
      acc = next;
    }
    for (const a of acc) {
      names.push(a.name);
      columns.push(a.col as Float64Array);
      columnTerm.push(term);
    }
  }
  return { names, columns, columnTerm, codings, rows };
}
