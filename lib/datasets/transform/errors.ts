/**
 * Errors of dataset transforms and scales.
 *
 * Like the statistics engine (lib/stats/errors.ts), pure dataset code never writes NaN or
 * Infinity into a column: when the data or the recipe cannot support an operation it throws a
 * {@link DatasetTransformError} whose message names the variable and the (1-based) rows, e.g.
 * "log 'log_income': variable 'income' has values ≤ 0 at rows 3 (0), 8 (−2); give an offset".
 */

/** Machine-readable reason for a {@link DatasetTransformError}. */
export type DatasetTransformErrorCode =
  /** The recipe does not match the schema (unknown op, wrong field type, bad option). */
  | 'invalid-recipe'
  /** A new variable name is not identifier-like or clashes with another name. */
  | 'invalid-name'
  /** A variable named by the recipe or the scale is not in the dataset. */
  | 'missing-variable'
  /** A numeric operation was given a text/categorical/date variable or a non-number cell. */
  | 'non-numeric'
  /** A value the operation is not defined for (log of a value ≤ 0, a response outside the scale range). */
  | 'out-of-domain'
  /** Reverse-coding without a known range (not a Likert variable and no min/max given). */
  | 'no-range'
  /** Standardizing a constant column, an item or total with zero variance. */
  | 'zero-variance'
  /** No (or too few) valid values to compute the result. */
  | 'too-few-values'
  /** Panel data with two rows for the same entity and time, or a time that is not a whole number. */
  | 'invalid-panel'
  /** A category or level named by the recipe does not occur (e.g. the dummy reference level). */
  | 'unknown-level'
  /** A result would not be finite (overflow). */
  | 'non-finite'
  /** An iterative fit (the one-factor model for ω) did not converge. */
  | 'not-converged';

/** Structured details for the UI (all optional). */
export interface DatasetTransformErrorDetails {
  /** The variable the problem is in. */
  variable?: string;
  /** 1-based data rows (at most the first 20). */
  rows?: number[];
  /** 0-based position of the transform in the list given to applyTransforms. */
  transformIndex?: number;
  [key: string]: unknown;
}

/**
 * An expected failure caused by the recipe or the data (never a programming error).
 *
 * @example
 * ```ts
 * throw new DatasetTransformError('zero-variance', "variable 'x' is constant (3); it cannot be standardized", { variable: 'x' });
 * ```
 */
export class DatasetTransformError extends Error {
  readonly code: DatasetTransformErrorCode;
  readonly details: Readonly<DatasetTransformErrorDetails>;

  /**
   * @param code - machine-readable reason.
   * @param message - human-readable message naming the variable and rows.
   * @param details - structured details (variable, rows, transform index).
   * @param options - the underlying error, if any (`cause`).
   */
  constructor(code: DatasetTransformErrorCode, message: string, details: DatasetTransformErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatasetTransformError';
    this.code = code;
    this.details = details;
  }
}

/**
 * Type guard for {@link DatasetTransformError}.
 *
 * @param error - anything caught.
 * @returns whether `error` is a DatasetTransformError.
 * @example
 * ```ts
 * try { applyTransforms(ds, recipe); } catch (e) { if (isDatasetTransformError(e)) show(e.message); else throw e; }
 * ```
 */
export function isDatasetTransformError(error: unknown): error is DatasetTransformError {
  return error instanceof DatasetTransformError;
}

/** How many offending rows a message lists before "…". */
const MAX_LISTED = 5;

/**
 * Formats offending rows for a message: "rows 3 (0), 8 (−2) and 4 more".
 *
 * @param rows - 0-based row indices with the offending value (or none).
 * @param values - the values at those rows (same length), shown in parentheses when given.
 * @returns the phrase, 1-based.
 * @example
 * ```ts
 * describeRows([2, 7], [0, -2]); // 'rows 3 (0), 8 (-2)'
 * ```
 */
export function describeRows(rows: readonly number[], values?: readonly unknown[]): string {
  const shown = rows.slice(0, MAX_LISTED).map((r, i) => (values ? `${r + 1} (${String(values[i])})` : String(r + 1)));
  const more = rows.length > MAX_LISTED ? ` and ${rows.length - MAX_LISTED} more` : '';
  return `${rows.length === 1 ? 'row' : 'rows'} ${shown.join(', ')}${more}`;
}

/**
 * 1-based row numbers for {@link DatasetTransformErrorDetails.rows} (the first 20).
 *
 * @param rows - 0-based row indices.
 * @returns 1-based row numbers.
 * @example
 * ```ts
 * oneBased([0, 4]); // [1, 5]
 * ```
 */
export function oneBased(rows: readonly number[]): number[] {
  return rows.slice(0, 20).map((r) => r + 1);
}
