/**
 * Dataset import failures. Every refused file throws one {@link DatasetImportError}, and nothing
 * partial is returned: a stable `code` for the upload route and the UI, a `message` that can be
 * shown to the user as is and names the bad value — the 1-based data row (the first row after
 * the header is row 1) and the column name — and the same row and column as fields, so the UI
 * can point at the cell.
 */

/** Why a dataset import was refused. */
export type DatasetImportErrorCode =
  /** The file has no bytes, no header, or no columns. */
  | 'EMPTY_FILE'
  /** More bytes, rows, columns or cells than {@link DATASET_LIMITS} allows. */
  | 'TOO_LARGE'
  /** Not CSV, XLSX or SPSS (.sav/.zsav): a legacy .xls, a PDF, an image, … */
  | 'UNSUPPORTED_FORMAT'
  /** The caller asked for a text encoding that does not exist. */
  | 'UNKNOWN_ENCODING'
  /** A "CSV" whose bytes are not text. */
  | 'BINARY_FILE'
  /** CSV structure: a quoted field that is never closed. */
  | 'MALFORMED_CSV'
  /** A data row with more or fewer fields than the header. */
  | 'RAGGED_ROW'
  /** A header cell that is empty, or a name used twice. */
  | 'BAD_HEADER'
  /** A value that does not fit its column's type (text in a numeric column, 9 on a 1–5 scale). */
  | 'INVALID_VALUE'
  /** A type override or option that names a column the file does not have, or is not valid. */
  | 'INVALID_OPTION'
  /** The requested worksheet does not exist. */
  | 'SHEET_NOT_FOUND'
  /** A .xlsx that cannot be read (truncated zip, broken XML, not a workbook). */
  | 'CORRUPT_XLSX'
  /** A password-protected workbook. */
  | 'ENCRYPTED_XLSX'
  /** A zip whose contents would expand far beyond its size. */
  | 'ZIP_BOMB'
  /** A .sav that cannot be read (truncated, damaged records). */
  | 'CORRUPT_SAV'
  /** A valid .sav using a feature this reader does not support (e.g. big-endian floats from a VAX). */
  | 'UNSUPPORTED_SAV';

/** Where the problem is, when it is in one cell, row or column. */
export type DatasetImportErrorLocation = {
  /** 1-based data row (row 1 is the first row after the header). */
  row?: number;
  /** The column's name as in the file's header (or its letter when the header cell is empty). */
  column?: string;
  /** The worksheet, for .xlsx. */
  sheet?: string;
};

/** A {@link DatasetImportError} as plain data, for crossing a worker-thread boundary. */
export type DatasetImportErrorData = DatasetImportErrorLocation & {
  name: 'DatasetImportError';
  code: DatasetImportErrorCode;
  message: string;
};

/**
 * A dataset that cannot be imported.
 *
 * @example
 * try {
 *   await parseDataset(bytes, 'survey.csv', {});
 * } catch (error) {
 *   if (error instanceof DatasetImportError) return { message: error.message, row: error.row, column: error.column };
 *   throw error;
 * }
 */
export class DatasetImportError extends Error {
  readonly code: DatasetImportErrorCode;
  readonly row?: number;
  readonly column?: string;
  readonly sheet?: string;

  /**
   * @param code - why the import was refused.
   * @param message - for the user, naming the bad value ("row 12, column 'age': 'n/a' is not a number").
   * @param location - the row, column and sheet the message names.
   * @param cause - the underlying library error, for logs only.
   */
  constructor(code: DatasetImportErrorCode, message: string, location: DatasetImportErrorLocation = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'DatasetImportError';
    this.code = code;
    if (location.row !== undefined) this.row = location.row;
    if (location.column !== undefined) this.column = location.column;
    if (location.sheet !== undefined) this.sheet = location.sheet;
  }

  /** Shown to the user as is (the same text as `message`; named like AppError's field). */
  get userMessage(): string {
    return this.message;
  }

  /**
   * Plain data that survives structured clone (which keeps only an Error's name and message).
   *
   * @returns code, message, row, column and sheet.
   * @example
   * port.postMessage({ ok: false, error: error.toJSON() });
   */
  toJSON(): DatasetImportErrorData {
    const { code, message, row, column, sheet } = this;
    return { name: 'DatasetImportError', code, message, ...(row === undefined ? {} : { row }), ...(column === undefined ? {} : { column }), ...(sheet === undefined ? {} : { sheet }) };
  }

  /**
   * Rebuild an error from {@link DatasetImportError.toJSON}'s data.
   *
   * @param data - the plain data.
   * @returns the error.
   * @example
   * throw DatasetImportError.fromJSON(outcome.error);
   */
  static fromJSON(data: DatasetImportErrorData): DatasetImportError {
    return new DatasetImportError(data.code, data.message, { row: data.row, column: data.column, sheet: data.sheet });
  }
}

/**
 * "row 12, column 'age'" — the prefix of every cell-level message.
 *
 * @param row - 1-based data row.
 * @param column - the column name.
 * @returns the location as text.
 * @example
 * cellLocation(3, 'q1'); // "row 3, column 'q1'"
 */
export function cellLocation(row: number, column: string): string {
  return `row ${row}, column '${column}'`;
}
