/**
 * Qualitizing: using a survey variable to choose and order interview cases ("read the
 * interviews of the respondents in the top quartile of brand orientation first").
 *
 * The rule, as a methods section can state it: quartiles and the median are sample quantiles
 * of type 7 (R's default `quantile(x, type = 7)`; Hyndman & Fan 1996, definition 7), computed
 * by default over every non-missing value of the variable in the dataset (all respondents,
 * interviewed or not), or optionally over the matched cases only. A case is in the top
 * quartile when its value is ≥ Q3, in the bottom quartile when ≤ Q1, above the median when
 * > the median and below it when < the median (so a case exactly at the median is in
 * neither), and in a range when min ≤ value ≤ max (either end optional). Cases without a
 * value (missing) are left out.
 */
import { quantileSorted } from '@/lib/stats/plots/qq';
import type { Cell } from '@/lib/stats/frame';
import type { CaseMatch } from './case-match';
import { MixedMethodsError } from './errors';

/** Which cases to keep. */
export type CaseFilterKind = 'top-quartile' | 'bottom-quartile' | 'above-median' | 'below-median' | 'range';

/** A filter on the variable's value; `min`/`max` are used by 'range' only (both inclusive, either optional). */
export interface CaseFilter {
  kind: CaseFilterKind;
  min?: number;
  max?: number;
}

/** Options for {@link casesByVariable} and {@link filterBounds}. */
export interface CasesByVariableOptions {
  /**
   * The values quartiles and the median are computed over: 'all-rows' (default; every
   * non-missing value of the column, i.e. the survey sample) or 'matched-cases' (only the rows
   * matched to a case). Ignored by 'range'.
   */
  reference?: 'all-rows' | 'matched-cases';
  /** The variable's name, for error messages. */
  variable?: string;
}

/** A matched case with its value of the variable. */
export interface CaseValue {
  caseName: string;
  caseIndex: number;
  /** 0-based dataset row. */
  row: number;
  value: number;
}

/** The bounds a filter stands for, to show next to the list ("Q3 = 4.25, n = 212"). */
export interface CaseFilterBounds {
  /** Lower bound, or null for none. */
  min: number | null;
  max: number | null;
  includeMin: boolean;
  includeMax: boolean;
  /** Number of values the quantile was computed over (0 for 'range'). */
  n: number;
}

/**
 * The matched cases with their value of a survey variable, within the filter, sorted by value
 * descending (ties in case order). Quartiles and median: type 7 (see the module comment).
 *
 * @param match - the outcome of `matchCases` on the same dataset.
 * @param column - the variable's cells (numbers; null = missing), one per dataset row.
 * @param filter - which cases to keep.
 * @param options - reference sample of the quantiles; variable name for messages.
 * @returns the cases within the filter; empty when the variable has no values.
 * @throws {MixedMethodsError} `non-numeric` (the column holds text), `invalid-spec` (a range
 *   with min > max or a non-finite bound), `stale-match` (a matched row is not in the column).
 * @example
 * ```ts
 * casesByVariable(match, dataset.columns.brand_orient, { kind: 'top-quartile' });
 * // [{ caseName: 'Anna', caseIndex: 0, row: 12, value: 4.8 }, …]
 * ```
 */
export function casesByVariable(match: CaseMatch, column: readonly Cell[], filter: CaseFilter, options: CasesByVariableOptions = {}): CaseValue[] {
  const matched = matchedValues(match, column, options);
  const reference = options.reference === 'matched-cases' ? matched.map((c) => c.value) : numericValues(column, options.variable);
  const bounds = filterBounds(reference, filter);
  if (bounds === null) return [];
  return matched
    .filter(({ value }) => within(value, bounds))
    .sort((a, b) => b.value - a.value || a.caseIndex - b.caseIndex);
}

/**
 * The bounds a filter stands for over the given values (type-7 quantiles for quartiles and the
 * median). Use with the same values {@link casesByVariable} uses to state the cut-off.
 *
 * @param values - the reference values (finite numbers, any order).
 * @param filter - the filter.
 * @returns the bounds, or null when a quantile is asked of no values.
 * @throws {MixedMethodsError} `invalid-spec` for a range with min > max or a non-finite bound.
 * @example filterBounds([1, 2, 3, 4, 5], { kind: 'top-quartile' }) // { min: 4, max: null, includeMin: true, … }
 */
export function filterBounds(values: readonly number[], filter: CaseFilter): CaseFilterBounds | null {
  if (filter.kind === 'range') {
    const min = filter.min ?? null;
    const max = filter.max ?? null;
    for (const [end, v] of [['min', min], ['max', max]] as const) {
      if (v !== null && !Number.isFinite(v)) throw new MixedMethodsError('invalid-spec', `the range ${end} must be a finite number (got ${v})`);
    }
    if (min !== null && max !== null && min > max) throw new MixedMethodsError('invalid-spec', `the range minimum ${min} is above the maximum ${max}`);
    return { min, max, includeMin: true, includeMax: true, n: 0 };
  }
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  switch (filter.kind) {
    case 'top-quartile':
      return { min: quantileSorted(sorted, 0.75), max: null, includeMin: true, includeMax: false, n };
    case 'bottom-quartile':
      return { min: null, max: quantileSorted(sorted, 0.25), includeMin: false, includeMax: true, n };
    case 'above-median':
      return { min: quantileSorted(sorted, 0.5), max: null, includeMin: false, includeMax: false, n };
    case 'below-median':
      return { min: null, max: quantileSorted(sorted, 0.5), includeMin: false, includeMax: false, n };
    default:
      throw new MixedMethodsError('invalid-spec', `unknown filter '${String((filter as CaseFilter).kind)}'`);
  }
}

function within(value: number, b: CaseFilterBounds): boolean {
  if (b.min !== null && (b.includeMin ? value < b.min : value <= b.min)) return false;
  if (b.max !== null && (b.includeMax ? value > b.max : value >= b.max)) return false;
  return true;
}

const named = (variable: string | undefined) => (variable ? `variable '${variable}'` : 'the variable');

/** Every non-missing value; text anywhere in the column is an error (the variable is not numeric). */
function numericValues(column: readonly Cell[], variable: string | undefined): number[] {
  const out: number[] = [];
  column.forEach((cell, row) => {
    const value = numericCell(cell, row, variable);
    if (value !== null) out.push(value);
  });
  return out;
}

function numericCell(cell: Cell, row: number, variable: string | undefined): number | null {
  if (cell === null) return null;
  if (typeof cell === 'string') {
    throw new MixedMethodsError('non-numeric', `${named(variable)} is not numeric: row ${row + 1} holds '${cell}'`, { variable, rows: [row + 1] });
  }
  return Number.isFinite(cell) ? cell : null;
}

function matchedValues(match: CaseMatch, column: readonly Cell[], options: CasesByVariableOptions): CaseValue[] {
  if (match.rowCount !== column.length) {
    throw new MixedMethodsError('stale-match', `the case match covers ${match.rowCount} rows but ${named(options.variable)} has ${column.length}; match the cases again`, {
      variable: options.variable,
    });
  }
  const out: CaseValue[] = [];
  for (const { caseName, caseIndex, row } of match.matches) {
    const value = numericCell(column[row], row, options.variable);
    if (value !== null) out.push({ caseName, caseIndex, row, value });
  }
  return out;
}
