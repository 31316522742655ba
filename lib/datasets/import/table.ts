/**
 * The common shape every reader (CSV, XLSX, SPSS) produces before types are inferred: columns
 * of raw cells with whatever metadata the file carries. Pure data.
 */

/** A cell as read: text (CSV, or a text cell), a number (XLSX, SPSS), or missing. */
export type RawCell = string | number | null;

/** What the file itself says about a column (SPSS's dictionary; nothing for CSV). */
export type ColumnHint = {
  /** The file's storage type: SPSS numeric or string, or a date format. */
  kind?: 'numeric' | 'string' | 'date';
  /** SPSS measurement level. */
  measure?: 'nominal' | 'ordinal' | 'scale';
};

/** One column as read from the file. */
export type RawColumn = {
  /** The header cell (CSV/XLSX) or the variable name (SPSS), trimmed. */
  readonly name: string;
  /** Variable label; '' when the format has none. */
  readonly label: string;
  readonly cells: readonly RawCell[];
  /** Code (as a string) → label. */
  readonly valueLabels: Readonly<Record<string, string>>;
  /** User-missing codes, already turned into null in `cells`. */
  readonly missingCodes: readonly number[];
  readonly hint: ColumnHint;
};

/** A file's columns, all of `rowCount` cells. */
export type RawTable = {
  readonly columns: readonly RawColumn[];
  readonly rowCount: number;
  /**
   * The data row number in the file of each row (1 = the first row after the header), when
   * empty rows were skipped before the last kept row; absent when row i is the file's row i + 1.
   * Error messages use it, so they name the row the user sees in Excel.
   */
  readonly rowNumbers?: readonly number[];
  /** Messages for the user about how the file was read. */
  readonly warnings: readonly string[];
};

/**
 * The file's data row number of a row of a table.
 *
 * @param table - the table.
 * @param index - 0-based index into the columns.
 * @returns the 1-based data row in the file.
 * @example
 * fileRow({ columns: [], rowCount: 2, warnings: [], rowNumbers: [1, 3] }, 1); // 3
 */
export function fileRow(table: Pick<RawTable, 'rowNumbers'>, index: number): number {
  return table.rowNumbers ? table.rowNumbers[index] : index + 1;
}
