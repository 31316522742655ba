/**
 * CSV rendering of a {@link PubTable} (papaparse `unparse`; UTF-8 with a byte order mark and
 * CRLF record ends, like the other Groundwork CSV exports, so Excel reads "β", "−" and
 * Chinese names correctly). Title, header rows (a spanning header's text in its first column),
 * body rows, a blank record and the note; every record has the same number of fields.
 *
 * Numbers: 'formatted' (default) writes each cell as the table shows it ("−0.158***",
 * "(3.12)", "< .001"); 'raw' writes full-precision numbers (shortest round-trip decimal,
 * ASCII minus), stars and the second number of inline cells in columns of their own, for
 * further computation. Text cells (labels, headers, title, note) are neutralised against
 * spreadsheet formula injection (lib/io/export/coded-segments `neutraliseFormula`); numbers
 * are written by us and are never formulas.
 */
import Papa from 'papaparse';

import { neutraliseFormula } from '@/lib/io/export/coded-segments';
import { cellText, checkTable, type PubTable, type RenderOptions } from './model';
import { sheetLayout } from './sheet-layout';

/** Options of {@link renderCsv}. */
export interface CsvOptions extends RenderOptions {
  /** 'formatted' (default) or 'raw' numbers (see the module comment). */
  numbers?: 'formatted' | 'raw';
  /** Write the title (and table number) as the first record (default true). */
  title?: boolean;
  /** Write the note after a blank record (default true). */
  notes?: boolean;
  /** Start with a UTF-8 byte order mark (default true, for Excel). */
  bom?: boolean;
}

/**
 * Renders a table as CSV.
 *
 * @param table - the table.
 * @param options - numbers, title, notes, BOM.
 * @returns the CSV text; encode with `new TextEncoder().encode(csv)` for a download.
 * @throws {RangeError} when the table's spans do not add up.
 * @example
 * ```ts
 * const csv = renderCsv(correlationTable(result), { numbers: 'raw' });
 * ```
 */
export function renderCsv(table: PubTable, options: CsvOptions = {}): string {
  const raw = options.numbers === 'raw';
  const records: string[][] = [];
  let ncol: number;
  const pad = (cells: string[]) => [...cells, ...new Array<string>(Math.max(0, ncol - cells.length)).fill('')];
  const spread = (cells: Array<{ text: string; colSpan?: number }>) =>
    cells.flatMap((c) => [c.text, ...new Array<string>((c.colSpan ?? 1) - 1).fill('')]);
  const safe = (s: string) => neutraliseFormula(s.replace(/\r\n?/g, '\n'));

  if (raw) {
    const layout = sheetLayout(table, { starsColumn: true });
    ncol = layout.ncol;
    if (options.title ?? true) records.push(pad([safe(titleText(table, options))]));
    for (const row of layout.header) records.push(spread(row.map((c) => ({ text: safe(c.text), colSpan: c.colSpan }))));
    for (const { cells } of layout.body) {
      records.push(spread(cells.map((c) => ({ text: c.value !== undefined ? String(c.value) : c.role === 'stars' ? c.text : safe(c.text), colSpan: c.colSpan }))));
    }
  } else {
    ncol = checkTable(table);
    if (options.title ?? true) records.push(pad([safe(titleText(table, options))]));
    for (const row of table.columns) records.push(spread(row.map((c) => ({ text: safe(c.text), colSpan: c.colSpan }))));
    for (const row of table.rows) {
      records.push(spread(row.cells.map((c, k) => ({ text: k === 0 || c.value === undefined ? safe(c.text) : cellText(c), colSpan: c.colSpan }))));
    }
  }
  if ((options.notes ?? true) && table.notes.length) {
    records.push(pad([]));
    records.push(pad([safe(`Note. ${table.notes.join(' ')}`)]));
  }
  const body = Papa.unparse(records, { newline: '\r\n', delimiter: ',', quoteChar: '"' });
  return `${options.bom ?? true ? '\uFEFF' : ''}${body}\r\n`;
}

function titleText(table: PubTable, options: RenderOptions): string {
  return options.number !== undefined ? `Table ${options.number}. ${table.title}` : table.title;
}
