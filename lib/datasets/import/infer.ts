/**
 * Column profiles, type inference, type overrides and conversion to the dataset model.
 *
 * One linear pass per column builds a {@link ColumnProfile} over every row (how many values
 * parse as numbers or dates, the range and where its ends are, the first value that is not a
 * number, …). The inferred type is chosen from the profile, and a type the user forces later is
 * validated against the same profile — so "text in a numeric column" is reported with the row
 * and column of the first offending value anywhere in the file, not only in the preview's rows.
 * A second linear pass converts the cells.
 *
 * Missing values: null, and the strings '', 'NA', 'N/A', '#N/A', '.', 'NaN' (R, SPSS/Stata
 * system-missing, Excel's #N/A), in every column.
 */
import type { Cell } from '@/lib/stats/frame';

import type { Variable, VariableType } from '../types';
import { cellLocation, DatasetImportError } from './errors';
import { fileRow, type RawCell, type RawColumn, type RawTable } from './table';

/** Day-first (31.12.2024, 31/12/2024) or month-first (12/31/2024) dates. */
export type DateOrder = 'dmy' | 'mdy';

/** Facts about one column over all its rows (rows are the file's 1-based data rows). */
export type ColumnProfile = {
  readonly name: string;
  /** Non-missing cells. */
  readonly count: number;
  /**
   * Non-missing cells that are numbers or parse as numbers — counted up to the first that does
   * not (`firstNonNumeric`): after it the column can be neither numeric nor Likert, so `min`,
   * `max` and `integers` describe the cells before it.
   */
  readonly numbers: number;
  readonly min: number | null;
  readonly minRow: number | null;
  readonly max: number | null;
  readonly maxRow: number | null;
  /** Every numeric cell is a whole number. */
  readonly integers: boolean;
  readonly firstNonNumeric: { readonly row: number; readonly value: string } | null;
  readonly firstNonInteger: { readonly row: number; readonly value: number } | null;
  /** Some text cell is a number written with a leading zero ('007', '01067'): an identifier or code. */
  readonly leadingZero: boolean;
  /** Distinct non-missing values, counted up to {@link DISTINCT_CAP}. */
  readonly distinct: number;
  readonly distinctCapped: boolean;
  /** Non-missing cells that are dates (ISO, day.month.year, or day/month/year in some order), up to the first that is not. */
  readonly dates: number;
  readonly firstNonDate: { readonly row: number; readonly value: string } | null;
  /** For dates written with slashes: the order all of them fit, or 'ambiguous' when both do. */
  readonly slashOrder: DateOrder | 'ambiguous' | null;
  /** Longest text, in characters. */
  readonly maxLength: number;
  /** Some text has a line break. */
  readonly multiline: boolean;
};

/** Distinct values are counted up to this many. */
export const DISTINCT_CAP = 1000;

/**
 * Text columns with at most this many distinct values (and values that repeat) are
 * categorical; longer or more varied text is free text.
 */
export const CATEGORICAL_MAX_LEVELS = 50;
/** Text longer than this (characters) is free text, not a category. */
export const CATEGORICAL_MAX_LENGTH = 100;

const MISSING_STRINGS = new Set(['', 'NA', 'N/A', '#N/A', '.', 'NaN']);
const NUMBER_POINT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NUMBER_COMMA = /^[+-]?(?:\d+,?\d*|,\d+)(?:[eE][+-]?\d+)?$/;
const LEADING_ZERO = /^[+-]?0\d/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$/;
const DOT_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Options that change how cells are read. */
export type ReadOptions = {
  /** Numbers use a decimal comma ("3,5"); CSV from German or French Excel. */
  decimalComma?: boolean;
};

/**
 * Whether a raw cell is missing.
 *
 * @param cell - a raw cell.
 * @returns true for null and the missing strings ('', 'NA', 'N/A', '#N/A', '.', 'NaN').
 * @example
 * isMissingCell('NA'); // true
 */
export function isMissingCell(cell: RawCell): boolean {
  return cell === null || (typeof cell === 'string' && MISSING_STRINGS.has(cell)) || (typeof cell === 'number' && Number.isNaN(cell));
}

/**
 * A non-missing raw cell as a number.
 *
 * @param cell - a non-missing raw cell.
 * @param decimalComma - read "3,5" as 3.5 (and "3.5" as text).
 * @returns the number, or undefined when the cell is not a number.
 * @example
 * parseNumberCell('3,5', true); // 3.5
 */
export function parseNumberCell(cell: string | number, decimalComma = false): number | undefined {
  if (typeof cell === 'number') return cell;
  if (decimalComma) return NUMBER_COMMA.test(cell) ? Number(cell.replace(',', '.')) : undefined;
  return NUMBER_POINT.test(cell) ? Number(cell) : undefined;
}

type DateParts = { y: number; m: number; d: number; time?: string };

/** ISO or dotted (always day first) dates; slashed dates in the given order. */
function parseDate(s: string, order: DateOrder | undefined): DateParts | undefined {
  let m = ISO_DATE.exec(s);
  if (m) return validDate(+m[1], +m[2], +m[3], timeOf(m[4], m[5], m[6]));
  m = DOT_DATE.exec(s);
  if (m) return validDate(+m[3], +m[2], +m[1], timeOf(m[4], m[5], m[6]));
  if (!order) return undefined;
  m = SLASH_DATE.exec(s);
  if (!m) return undefined;
  return order === 'dmy' ? validDate(+m[3], +m[2], +m[1], timeOf(m[4], m[5], m[6])) : validDate(+m[3], +m[1], +m[2], timeOf(m[4], m[5], m[6]));
}

function timeOf(h: string | undefined, min: string | undefined, sec: string | undefined): string | undefined {
  if (h === undefined) return undefined;
  if (+h > 23 || +min! > 59 || (sec !== undefined && +sec > 59)) return 'invalid';
  return `${h.padStart(2, '0')}:${min}:${sec ?? '00'}`;
}

function validDate(y: number, m: number, d: number, time: string | undefined): DateParts | undefined {
  if (time === 'invalid' || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return { y, m, d, time };
}

function isoOf(p: DateParts): string {
  const date = `${String(p.y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
  return p.time ? `${date}T${p.time}` : date;
}

/**
 * Profile every column of a table (one linear pass each).
 *
 * @param table - the raw table.
 * @param options - decimal comma.
 * @returns one profile per column, in order.
 * @example
 * profileColumns(table)[0].numbers; // how many cells of the first column are numbers
 */
export function profileColumns(table: RawTable, options: ReadOptions = {}): ColumnProfile[] {
  return table.columns.map((c) => profileColumn(table, c, options.decimalComma ?? false));
}

function profileColumn(table: RawTable, column: RawColumn, decimalComma: boolean): ColumnProfile {
  let count = 0;
  let numbers = 0;
  let min = Infinity;
  let minRow: number | null = null;
  let max = -Infinity;
  let maxRow: number | null = null;
  let integers = true;
  let firstNonNumeric: ColumnProfile['firstNonNumeric'] = null;
  let firstNonInteger: ColumnProfile['firstNonInteger'] = null;
  let leadingZero = false;
  const distinct = new Set<string | number>();
  let distinctCapped = false;
  let dates = 0;
  let firstNonDate: ColumnProfile['firstNonDate'] = null;
  let slashDmy = true;
  let slashMdy = true;
  let slashes = 0;
  let maxLength = 0;
  let multiline = false;

  const cells = column.cells;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (isMissingCell(cell)) continue;
    const value = cell as string | number;
    count++;
    if (!distinctCapped) {
      distinct.add(value);
      if (distinct.size > DISTINCT_CAP) distinctCapped = true;
    }
    // Once a column has text that is not a number, it can be neither numeric nor Likert, and
    // the first such value is all an override needs: stop parsing numbers. Likewise for dates.
    let n: number | undefined;
    if (firstNonNumeric === null) {
      n = parseNumberCell(value, decimalComma);
      if (n === undefined) {
        firstNonNumeric = { row: fileRow(table, i), value: value as string };
      } else {
        numbers++;
        if (n < min) {
          min = n;
          minRow = fileRow(table, i);
        }
        if (n > max) {
          max = n;
          maxRow = fileRow(table, i);
        }
        if (!Number.isInteger(n)) {
          integers = false;
          if (firstNonInteger === null) firstNonInteger = { row: fileRow(table, i), value: n };
        }
        if (typeof value === 'string' && LEADING_ZERO.test(value)) leadingZero = true;
      }
    }
    if (typeof value === 'string') {
      if (value.length > maxLength) maxLength = value.length;
      if (!multiline && value.includes('\n')) multiline = true;
    } else if (String(value).length > maxLength) {
      maxLength = String(value).length;
    }
    if (firstNonDate === null) {
      // Numbers are never dates (every date format has two separators).
      if (typeof value !== 'string' || n !== undefined) firstNonDate = { row: fileRow(table, i), value: String(value) };
      else if (parseDate(value, undefined)) dates++;
      else if (SLASH_DATE.test(value)) {
        const dmy = parseDate(value, 'dmy') !== undefined;
        const mdy = parseDate(value, 'mdy') !== undefined;
        if (dmy || mdy) {
          dates++;
          slashes++;
          slashDmy &&= dmy;
          slashMdy &&= mdy;
        } else firstNonDate = { row: fileRow(table, i), value };
      } else firstNonDate = { row: fileRow(table, i), value };
    }
  }
  const slashOrder: ColumnProfile['slashOrder'] =
    slashes === 0 ? null : slashDmy && slashMdy ? 'ambiguous' : slashDmy ? 'dmy' : slashMdy ? 'mdy' : null;
  return {
    name: column.name,
    count,
    numbers,
    min: numbers > 0 ? min : null,
    minRow,
    max: numbers > 0 ? max : null,
    maxRow,
    integers,
    firstNonNumeric,
    firstNonInteger,
    leadingZero,
    distinct: Math.min(distinct.size, DISTINCT_CAP),
    distinctCapped,
    dates,
    firstNonDate,
    slashOrder,
    maxLength,
    multiline,
  };
}

/** The inferred variables, and notes for the user about guesses. */
export type Inference = { variables: Variable[]; warnings: string[] };

/**
 * Infer each column's type. The rules, in order:
 *
 * 1. A date format in the file (SPSS DATE, ADATE, DATETIME, …) → `date`.
 * 2. No values at all → `numeric` for an SPSS numeric variable, else `text`.
 * 3. An SPSS string variable → `categorical` when it has value labels, else rule 7.
 * 4. Every value a number (and none written with a leading zero, like '007'):
 *    - SPSS measurement level nominal → `categorical`;
 *    - with value labels: `likert` when the labelled codes (user-missing codes excluded) and
 *      the values are whole numbers from 0 or 1 up to 3–10 points more (1–4 … 1–7, 0–10),
 *      the range being that of labels and values together; else `categorical` when every
 *      value has a label; else `numeric`;
 *    - without value labels: `numeric` for SPSS scale variables; `likert` when the values are
 *      whole numbers within 1–7, at least 3 different and some repeated, with the range
 *      1–(largest value) — a guess reported in the warnings; else `numeric`.
 * 5. Every value a date (2024-03-01, 2024-03-01 14:30, 1.3.2024, 01/03/2024 when some value
 *    shows whether the day or the month comes first) → `date`. Slashed dates that fit both
 *    orders stay text, with a warning.
 * 6. (Mixed numbers and text fall through to the text rule.)
 * 7. Text → `text` when a value has a line break or more than {@link CATEGORICAL_MAX_LENGTH}
 *    characters, or there are more than {@link CATEGORICAL_MAX_LEVELS} different values, or
 *    (with 20 values or more) more than half of the values are different; else `categorical`.
 *
 * @param table - the raw table.
 * @param options - decimal comma, and the profiles when already computed.
 * @returns the variables (names, labels, value labels and missing codes carried over) and
 *   warnings about guessed Likert ranges, ambiguous dates and empty columns.
 * @example
 * inferVariables(table).variables[2]; // { name: 'q1', type: 'likert', likert: { min: 1, max: 5 }, … }
 */
export function inferVariables(table: RawTable, options: ReadOptions & { profiles?: readonly ColumnProfile[] } = {}): Inference {
  const profiles = options.profiles ?? profileColumns(table, options);
  const guessedLikert: string[] = [];
  const ambiguousDates: string[] = [];
  const empty: string[] = [];
  const variables = table.columns.map((column, j) => {
    const p = profiles[j];
    const base = { name: column.name, label: column.label, valueLabels: column.valueLabels, missingCodes: column.missingCodes };
    const decided = decideType(column, p);
    if (decided.note === 'guessed-likert') guessedLikert.push(`${column.name} (1–${decided.likert!.max})`);
    if (decided.note === 'ambiguous-dates') ambiguousDates.push(column.name);
    if (decided.note === 'empty') empty.push(column.name);
    return decided.likert ? { ...base, type: decided.type, likert: decided.likert } : { ...base, type: decided.type };
  });
  const warnings: string[] = [];
  if (guessedLikert.length > 0) {
    warnings.push(`Treated as Likert items with the range taken from the answers seen: ${guessedLikert.join(', ')}. Correct the range if the scale is wider.`);
  }
  if (ambiguousDates.length > 0) {
    warnings.push(`The dates in ${ambiguousDates.map((n) => `'${n}'`).join(', ')} can be read day-first or month-first; they were kept as text. Set the type to date and choose the order.`);
  }
  if (empty.length > 0) warnings.push(`These columns have no values: ${empty.map((n) => `'${n}'`).join(', ')}.`);
  return { variables, warnings };
}

type Decision = { type: VariableType; likert?: { min: number; max: number }; note?: 'guessed-likert' | 'ambiguous-dates' | 'empty' };

function decideType(column: RawColumn, p: ColumnProfile): Decision {
  const hint = column.hint;
  if (hint.kind === 'date') return { type: 'date' };
  if (p.count === 0) return { type: hint.kind === 'numeric' ? 'numeric' : 'text', note: 'empty' };
  const labelled = Object.keys(column.valueLabels).length > 0;
  if (hint.kind === 'string') return labelled ? { type: 'categorical' } : textRule(p);
  if (p.numbers === p.count && !p.leadingZero) {
    if (hint.measure === 'nominal') return { type: 'categorical' };
    if (labelled) {
      const likert = likertFromLabels(column, p);
      if (likert) return { type: 'likert', likert };
      return everyValueLabelled(column) ? { type: 'categorical' } : { type: 'numeric' };
    }
    if (hint.measure === 'scale') return { type: 'numeric' };
    if (p.integers && p.min! >= 1 && p.max! <= 7 && p.distinct >= 3 && p.distinct < p.count) {
      return { type: 'likert', likert: { min: 1, max: p.max! }, note: 'guessed-likert' };
    }
    return { type: 'numeric' };
  }
  if (p.dates === p.count) {
    if (p.slashOrder === 'ambiguous') return { ...textRule(p), note: 'ambiguous-dates' };
    return { type: 'date' };
  }
  return textRule(p);
}

function textRule(p: ColumnProfile): Decision {
  const varied = p.distinctCapped || p.distinct > CATEGORICAL_MAX_LEVELS || (p.count >= 20 && p.distinct > p.count / 2);
  return { type: p.multiline || p.maxLength > CATEGORICAL_MAX_LENGTH || varied ? 'text' : 'categorical' };
}

/** The Likert range implied by value labels and values, or undefined when they do not form one. */
function likertFromLabels(column: RawColumn, p: ColumnProfile): { min: number; max: number } | undefined {
  if (!p.integers || p.min === null || p.max === null) return undefined;
  let lo = p.min;
  let hi = p.max;
  for (const key of Object.keys(column.valueLabels)) {
    const code = Number(key);
    if (column.missingCodes.includes(code)) continue;
    if (!Number.isInteger(code)) return undefined;
    lo = Math.min(lo, code);
    hi = Math.max(hi, code);
  }
  return (lo === 0 || lo === 1) && hi - lo >= 3 && hi - lo <= 10 ? { min: lo, max: hi } : undefined;
}

function everyValueLabelled(column: RawColumn): boolean {
  for (const cell of column.cells) {
    if (cell !== null && !Object.prototype.hasOwnProperty.call(column.valueLabels, String(cell))) return false;
  }
  return true;
}

/** A type chosen by the user for one column: the type, or the type with its details. */
export type TypeOverride =
  | VariableType
  | {
      readonly type: VariableType;
      /** For `likert`: the scale's range; defaults to the one implied by labels and values. */
      readonly likert?: { readonly min: number; readonly max: number };
      /** For `date`: the order of slashed dates that fit both orders (03/04/2024). */
      readonly dateOrder?: DateOrder;
    };

/** Column name → its new type. */
export type TypeOverrides = Readonly<Record<string, TypeOverride>>;

/** How a variable's cells are converted (beyond its type). */
export type ConversionPlan = { readonly dateOrder?: DateOrder };

/**
 * Apply type overrides to inferred variables, validating each against its column's profile
 * (all rows of the file).
 *
 * @param variables - the inferred variables.
 * @param profiles - their profiles (same order).
 * @param overrides - column name → type.
 * @returns the variables with the new types, and per variable how to read dates.
 * @throws {DatasetImportError} `INVALID_OPTION` for an unknown column, a Likert range that is
 *   not whole numbers or that cannot be derived, or dates whose order must be chosen;
 *   `INVALID_VALUE` naming the row and column of the first value that does not fit the type.
 * @example
 * overrideTypes(variables, profiles, { age: 'numeric' }); // throws on row 4, column 'age': 'n/a' is not a number
 */
export function overrideTypes(
  variables: readonly Variable[],
  profiles: readonly ColumnProfile[],
  overrides: TypeOverrides,
): { variables: Variable[]; plans: ConversionPlan[] } {
  const index = new Map(variables.map((v, j) => [v.name, j]));
  for (const name of Object.keys(overrides)) {
    if (!index.has(name)) {
      throw new DatasetImportError('INVALID_OPTION', `There is no column '${name}' to change the type of. The columns are: ${variables.map((v) => `'${v.name}'`).join(', ')}.`, { column: name });
    }
  }
  const plans: ConversionPlan[] = variables.map((v, j) => (v.type === 'date' && profiles[j].slashOrder && profiles[j].slashOrder !== 'ambiguous' ? { dateOrder: profiles[j].slashOrder as DateOrder } : {}));
  const out = variables.map((variable, j) => {
    const o = Object.prototype.hasOwnProperty.call(overrides, variable.name) ? overrides[variable.name] : undefined;
    if (o === undefined) return variable;
    const spec = typeof o === 'string' ? { type: o } : o;
    const p = profiles[j];
    const { likert: _likert, ...rest } = variable;
    const name = variable.name;
    switch (spec.type) {
      case 'numeric':
        assertNumeric(p, name, 'numeric');
        return { ...rest, type: 'numeric' as const };
      case 'likert': {
        assertNumeric(p, name, 'likert');
        if (p.firstNonInteger) {
          throw new DatasetImportError('INVALID_VALUE', `${cellLocation(p.firstNonInteger.row, name)}: ${p.firstNonInteger.value} is not a whole number, so the column cannot be a Likert item.`, { row: p.firstNonInteger.row, column: name });
        }
        const range = spec.likert ?? variable.likert ?? defaultLikertRange(variable, p);
        if (!Number.isInteger(range.min) || !Number.isInteger(range.max) || range.max <= range.min) {
          throw new DatasetImportError('INVALID_OPTION', `The Likert range ${range.min}–${range.max} of column '${name}' must be two whole numbers, the first smaller.`, { column: name });
        }
        if (p.min !== null && p.min < range.min) {
          throw new DatasetImportError('INVALID_VALUE', `${cellLocation(p.minRow!, name)}: ${p.min} is outside the Likert range ${range.min}–${range.max}.`, { row: p.minRow!, column: name });
        }
        if (p.max !== null && p.max > range.max) {
          throw new DatasetImportError('INVALID_VALUE', `${cellLocation(p.maxRow!, name)}: ${p.max} is outside the Likert range ${range.min}–${range.max}.`, { row: p.maxRow!, column: name });
        }
        return { ...rest, type: 'likert' as const, likert: { min: range.min, max: range.max } };
      }
      case 'date': {
        if (variable.type === 'date') return variable;
        if (p.firstNonDate) {
          throw new DatasetImportError('INVALID_VALUE', `${cellLocation(p.firstNonDate.row, name)}: '${p.firstNonDate.value}' is not a date (use 2024-03-31, 31.03.2024 or 31/03/2024).`, { row: p.firstNonDate.row, column: name });
        }
        let dateOrder = p.slashOrder === 'dmy' || p.slashOrder === 'mdy' ? p.slashOrder : undefined;
        if (p.slashOrder === 'ambiguous') {
          if (!('dateOrder' in spec) || !spec.dateOrder) {
            throw new DatasetImportError('INVALID_OPTION', `The dates in column '${name}' can be read day-first (31/12/2024) or month-first (12/31/2024); choose the order.`, { column: name });
          }
          dateOrder = spec.dateOrder;
        }
        plans[j] = dateOrder ? { dateOrder } : {};
        return { ...rest, type: 'date' as const };
      }
      case 'categorical':
      case 'text':
        return { ...rest, type: spec.type };
      default:
        throw new DatasetImportError('INVALID_OPTION', `'${String((spec as { type: unknown }).type)}' is not a variable type (numeric, likert, categorical, text or date).`, { column: name });
    }
  });
  return { variables: out, plans };
}

function assertNumeric(p: ColumnProfile, name: string, type: string): void {
  if (p.firstNonNumeric) {
    throw new DatasetImportError(
      'INVALID_VALUE',
      `${cellLocation(p.firstNonNumeric.row, name)}: '${p.firstNonNumeric.value}' is not a number, so the column cannot be ${type === 'likert' ? 'a Likert item' : 'numeric'}.`,
      { row: p.firstNonNumeric.row, column: name },
    );
  }
}

function defaultLikertRange(variable: Variable, p: ColumnProfile): { min: number; max: number } {
  let lo = p.min ?? 1;
  let hi = p.max ?? lo;
  for (const key of Object.keys(variable.valueLabels)) {
    const code = Number(key);
    if (!Number.isInteger(code) || variable.missingCodes.includes(code)) continue;
    lo = Math.min(lo, code);
    hi = Math.max(hi, code);
  }
  // Scales start at 1 (or 0); a Likert item whose lowest answer nobody chose still starts there.
  if (lo >= 1) lo = 1;
  if (lo < 0 || hi - lo > 10 || hi <= lo) {
    throw new DatasetImportError(
      'INVALID_OPTION',
      `Column '${variable.name}' has values from ${p.min} to ${p.max}, which is not a Likert range; give the range (e.g. 1–5).`,
      { column: variable.name },
    );
  }
  return { min: lo, max: hi };
}

/**
 * Convert one column's raw cells to the dataset's cells for a variable type: numbers for
 * numeric and Likert variables, strings for categorical, text and date variables (dates as
 * ISO 8601), null for missing.
 *
 * @param table - the table (for row numbers in errors).
 * @param column - the raw column.
 * @param variable - its (possibly overridden) variable.
 * @param options - decimal comma; the date order for slashed dates.
 * @returns the cells.
 * @throws {DatasetImportError} `INVALID_VALUE` naming the row and column of a value that does
 *   not fit (not a number, outside the Likert range, not a date).
 * @example
 * convertColumn(table, table.columns[0], { ...variable, type: 'numeric' }, {}); // [1, 2.5, null]
 */
export function convertColumn(
  table: Pick<RawTable, 'rowNumbers'>,
  column: Pick<RawColumn, 'cells'>,
  variable: Variable,
  options: ReadOptions & ConversionPlan = {},
): Cell[] {
  const cells = column.cells;
  const out: Cell[] = new Array(cells.length);
  const name = variable.name;
  const decimalComma = options.decimalComma ?? false;
  const missing = variable.missingCodes.length > 0 ? new Set(variable.missingCodes) : undefined;
  const bad = (i: number, detail: string) => {
    const row = fileRow(table, i);
    return new DatasetImportError('INVALID_VALUE', `${cellLocation(row, name)}: ${detail}`, { row, column: name });
  };
  switch (variable.type) {
    case 'numeric':
    case 'likert': {
      const range = variable.type === 'likert' ? variable.likert : undefined;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (isMissingCell(cell)) {
          out[i] = null;
          continue;
        }
        const n = parseNumberCell(cell as string | number, decimalComma);
        if (n === undefined) throw bad(i, `'${cell}' is not a number.`);
        if (missing?.has(n)) {
          out[i] = null;
          continue;
        }
        if (range) {
          if (!Number.isInteger(n)) throw bad(i, `${n} is not a whole number, as a Likert answer must be.`);
          if (n < range.min || n > range.max) throw bad(i, `${n} is outside the Likert range ${range.min}–${range.max}.`);
        }
        out[i] = n;
      }
      return out;
    }
    case 'date':
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (isMissingCell(cell)) {
          out[i] = null;
          continue;
        }
        const parts = typeof cell === 'string' ? parseDate(cell, options.dateOrder) : undefined;
        if (!parts) throw bad(i, `'${cell}' is not a date.`);
        out[i] = isoOf(parts);
      }
      return out;
    case 'categorical':
    case 'text':
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        out[i] = isMissingCell(cell) ? null : typeof cell === 'number' ? String(cell) : (cell as string);
      }
      return out;
  }
}
