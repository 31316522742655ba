/**
 * Errors of the mixed-methods domain code (quantitizing coding, matching cases to survey rows,
 * joining, qualitizing). Like lib/stats/errors.ts and lib/datasets/transform/errors.ts, the
 * message names the bad value ("variable 'q_B3_presence' already exists in the dataset") and
 * may be shown to researchers as is.
 */

/** Machine-readable reason for a {@link MixedMethodsError}. */
export type MixedMethodsErrorCode =
  /** The quantitizing spec or a filter is not usable (no coder for 'coder', min > max, …). */
  | 'invalid-spec'
  /** A code named by the spec is not among the project's codes. */
  | 'unknown-code'
  /** A coding's range does not fit its source (negative, empty, past the end). */
  | 'invalid-coding'
  /** Two cases (or sources) share an id. */
  | 'duplicate-id'
  /** A variable named by the caller is not in the dataset. */
  | 'missing-variable'
  /** A new variable's name already exists in the dataset (names compare without case, as in SPSS). */
  | 'name-clash'
  /** A new variable's name breaks the dataset naming rule. */
  | 'invalid-name'
  /** The case match does not belong to this dataset or these quantitized cases. */
  | 'stale-match'
  /** A numeric operation was given a column with text. */
  | 'non-numeric';

/**
 * An expected failure caused by the inputs (never a programming error).
 *
 * @example
 * ```ts
 * throw new MixedMethodsError('name-clash', "variable 'q_B3_presence' already exists in the dataset", { variable: 'q_B3_presence' });
 * ```
 */
export class MixedMethodsError extends Error {
  readonly code: MixedMethodsErrorCode;
  /** Optional structured details for the UI (variable, code id, rows). */
  readonly details: Readonly<Record<string, unknown>>;

  /**
   * @param code - machine-readable reason.
   * @param message - human-readable message naming the bad value.
   * @param details - optional structured details.
   */
  constructor(code: MixedMethodsErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'MixedMethodsError';
    this.code = code;
    this.details = details;
  }
}

/** Type guard for {@link MixedMethodsError} (also across module copies, by name). */
export function isMixedMethodsError(error: unknown): error is MixedMethodsError {
  return error instanceof MixedMethodsError || (error instanceof Error && error.name === 'MixedMethodsError' && 'code' in error);
}
