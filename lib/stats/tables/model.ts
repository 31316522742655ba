/**
 * The publication table model: plain data that every builder (./describe-table …
 * ./comparison-table) returns and every renderer (./render-html, ./render-latex, ./render-csv,
 * ./render-xlsx, ./render-docx) reads.
 *
 * A table is a title, header rows (with spanning headers), body rows and notes. A cell that
 * shows a number keeps the unrounded `value` next to its formatted `text` and the
 * {@link NumberFormat} that produced the text, so a spreadsheet can store the number itself
 * and show it with the same decimals (see ./render-xlsx). Stars are kept apart from the text
 * so that each renderer can set them (superscript in HTML, LaTeX and Word; a number-format
 * suffix or a separate column in XLSX).
 */

/** Table conventions: APA 7 (psychology, SPSS-like) or econometrics (Stata esttab-like). */
export type TableStyle = 'apa' | 'econ';

/** How a number is written. The XLSX renderer turns it into an Excel number format. */
export interface NumberFormat {
  /** Digits after the decimal point (0–6). */
  decimals: number;
  /** Write the zero before the decimal point ("0.45"); APA omits it for values bounded by 1 (".45"). */
  leadingZero: boolean;
  /** Group thousands with commas ("1,234.5"). */
  thousands: boolean;
  /** Minus sign: U+2212 "−" (typographic) or the ASCII hyphen-minus "-". */
  minus: 'unicode' | 'hyphen';
  /** A p-value: values below 10^−decimals are written "< .001" (APA) / "< 0.001". */
  pValue?: boolean;
  /** Written in parentheses, as the SE or t under or after a coefficient: "(3.12)". */
  parens?: boolean;
}

/** A formatted number: the unrounded value, its text and how the text was made. */
export interface PubNumber {
  value: number;
  text: string;
  format: NumberFormat;
}

/** One body cell. */
export interface PubCell {
  /** What the cell shows, without stars: a formatted number or a label. */
  text: string;
  /** The unrounded number when the cell shows one. */
  value?: number;
  /** How `value` became `text` (present with `value`). */
  format?: NumberFormat;
  /** Significance stars ('', '*', '**', '***') shown after the number. */
  stars?: string;
  /** A second number in the same cell, e.g. the t in "0.158*** (3.12)" (inline layout). */
  second?: PubNumber;
  /** Columns the cell covers (default 1). */
  colSpan?: number;
}

/** One header cell; `colSpan` > 1 makes a spanning header (with a rule under it). */
export interface HeaderCell {
  text: string;
  colSpan?: number;
}

/** One body row. */
export interface PubRow {
  cells: PubCell[];
  /**
   * 'body' (default); 'section' — a heading inside the table ("Step 1", "Indirect effects"),
   * one cell spanning every column; 'stat' — model statistics (R², N) under the coefficients.
   */
  kind?: 'body' | 'section' | 'stat';
  /** Draw a rule above this row (booktabs \midrule). */
  rule?: boolean;
  /** Indent the first cell by this many levels (rows under a section). */
  indent?: number;
}

/** A publication-ready table. */
export interface PubTable {
  title: string;
  /** Header rows, top to bottom; each row's spans add up to the number of columns. */
  columns: HeaderCell[][];
  rows: PubRow[];
  /** Notes printed under the table ("Note." precedes the first), e.g. the star legend, SE type, N. */
  notes: string[];
  /** Alignment of each column (default: the first left, the others centred). */
  align?: Array<'left' | 'center' | 'right'>;
  /** The conventions the table was built with. */
  style: TableStyle;
}

/** Options every renderer accepts. */
export interface RenderOptions {
  /** Table number: APA puts "Table 1" (bold) above the (italic) title. */
  number?: number | string;
}

/**
 * Number of columns of a table (from its last header row).
 *
 * @param table - the table.
 * @returns the column count.
 * @example
 * ```ts
 * columnCount(olsTable(result)); // 6
 * ```
 */
export function columnCount(table: PubTable): number {
  const last = table.columns[table.columns.length - 1] ?? [];
  return last.reduce((s, c) => s + (c.colSpan ?? 1), 0);
}

/**
 * Checks that every header and body row covers exactly the table's columns, so renderers can
 * trust the spans.
 *
 * @param table - the table.
 * @returns the column count.
 * @throws {RangeError} naming the first row whose spans do not add up.
 * @example
 * ```ts
 * const ncol = checkTable(table);
 * ```
 */
export function checkTable(table: PubTable): number {
  const n = columnCount(table);
  if (n === 0) throw new RangeError(`table '${table.title}' has no columns`);
  table.columns.forEach((row, i) => {
    const w = row.reduce((s, c) => s + (c.colSpan ?? 1), 0);
    if (w !== n) throw new RangeError(`table '${table.title}': header row ${i + 1} covers ${w} columns, the table has ${n}`);
  });
  table.rows.forEach((row, i) => {
    const w = row.cells.reduce((s, c) => s + (c.colSpan ?? 1), 0);
    if (w !== n) throw new RangeError(`table '${table.title}': row ${i + 1} covers ${w} columns, the table has ${n}`);
  });
  return n;
}

/**
 * The text of a cell as printed in plain text: number, stars, then the second number.
 *
 * @param cell - a body cell.
 * @returns e.g. "0.158*** (3.12)".
 * @example
 * ```ts
 * cellText({ text: '0.158', stars: '***', second: { value: 3.12, text: '(3.12)', format } }); // '0.158*** (3.12)'
 * ```
 */
export function cellText(cell: PubCell): string {
  return `${cell.text}${cell.stars ?? ''}${cell.second ? ` ${cell.second.text}` : ''}`;
}

/**
 * Column alignment of a table (its `align`, else the first column left and the rest centred).
 *
 * @param table - the table.
 * @returns one alignment per column.
 * @example
 * ```ts
 * alignments(table)[0]; // 'left'
 * ```
 */
export function alignments(table: PubTable): Array<'left' | 'center' | 'right'> {
  const n = columnCount(table);
  return Array.from({ length: n }, (_, j) => table.align?.[j] ?? (j === 0 ? 'left' : 'center'));
}
