/**
 * Errors thrown by the statistics engine.
 *
 * Pure code never returns NaN or Infinity: when the data cannot support an analysis it throws a
 * {@link StatsError} whose message names the offending column, value or row
 * ("column 'x2' is constant", "perfect collinearity among: x1, x3").
 */

/** Machine-readable reason for a {@link StatsError}. */
export type StatsErrorCode =
  | 'constant-column'
  | 'collinear'
  | 'too-few-observations'
  | 'non-numeric'
  | 'single-cluster'
  | 'invalid-option'
  | 'missing-column'
  | 'perfect-fit'
  | 'not-converged'
  | 'non-finite';

/**
 * An expected failure caused by the data or the options (never a programming error).
 *
 * @example
 * ```ts
 * throw new StatsError('constant-column', "column 'x2' is constant", { column: 'x2' });
 * ```
 */
export class StatsError extends Error {
  readonly code: StatsErrorCode;
  /** Optional structured details (column names, row index, counts). */
  readonly details?: Readonly<Record<string, unknown>>;

  /**
   * @param code - machine-readable reason.
   * @param message - human-readable message naming the bad value.
   * @param details - optional structured details for the UI.
   */
  constructor(code: StatsErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'StatsError';
    this.code = code;
    if (details) this.details = details;
  }
}

/**
 * Type guard for {@link StatsError}.
 *
 * @param error - anything caught.
 * @returns whether `error` is a StatsError.
 * @example
 * ```ts
 * try { ols(df, opts); } catch (e) { if (isStatsError(e)) show(e.message); else throw e; }
 * ```
 */
export function isStatsError(error: unknown): error is StatsError {
  return error instanceof StatsError;
}

/**
 * Throws a `non-finite` StatsError unless every value is finite. Used as a last guard before a
 * result leaves the engine.
 *
 * @param what - name of the quantity (for the message).
 * @param values - numbers to check.
 * @throws {StatsError} `non-finite` when some value is NaN or ±Infinity.
 * @example
 * ```ts
 * assertFinite('coefficient x1', [b, se]);
 * ```
 */
export function assertFinite(what: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new StatsError('non-finite', `${what} is not finite (${values[i]}); the data cannot support this model`, {
        what,
      });
    }
  }
}

/**
 * Walks a result (plain objects, arrays, typed arrays) and throws if any number is NaN or
 * ±Infinity, naming the field. JSON.stringify would silently print such a value as `null`, so
 * the CLI runs this before printing (null itself is allowed: "not defined for these data").
 *
 * @param result - an analysis result.
 * @throws {StatsError} `non-finite`, e.g. "result field 'coefficients[2].se' is not finite (NaN)".
 * @example
 * ```ts
 * assertFiniteResult(ols(df, opts));
 * ```
 */
export function assertFiniteResult(result: unknown): void {
  const visit = (v: unknown, at: string): void => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        throw new StatsError('non-finite', `result field '${at || '(root)'}' is not finite (${v}); the data cannot support this model`, { field: at });
      }
    } else if (Array.isArray(v) || ArrayBuffer.isView(v)) {
      const a = v as ArrayLike<unknown>;
      for (let i = 0; i < a.length; i++) visit(a[i], `${at}[${i}]`);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) visit(x, at === '' ? k : `${at}.${k}`);
    }
  };
  visit(result, '');
}
