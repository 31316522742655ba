/**
 * XLSX rendering of a {@link PubTable} with exceljs (through the streaming writer of
 * lib/io/export/xlsx-writer, which keeps emoji and rare CJK characters intact). Node.js only.
 *
 * Numbers are stored as numbers, full precision by default, with an Excel number format that
 * shows them as the table does: the chosen decimals, no leading zero where APA drops it
 * (".45"), the minus sign of the table ("−" or "-"), parentheses for SE/t ("(3.12)"), and
 * p-values below 10^−d as "< .001" (a conditional format). Stars:
 * - 'format' (default): kept in the number format as a literal suffix (`0.000"***"`), so the
 *   cell is still the number 0.158 and shows "0.158***";
 * - 'column': in a text cell of their own to the right of the number (easy to filter or drop).
 * An inline cell "0.158*** (3.12)" becomes two number cells, 0.158 and (3.12), under a merged
 * header. Layout: "Table n" (bold) and the title (italic), header rows with merged spanning
 * headers, body rows, rules as cell borders (top and bottom of the header, under spanning
 * headers, above statistic blocks, under the last row), and the note ("Note." in italics)
 * under the table. Text cells are string cells, never formulas, so their text is written as it
 * is (the CSV renderer adds the anti-formula apostrophe; a string cell needs none).
 *
 * Display rounding: Excel rounds the stored decimal half away from zero, JavaScript (and R's
 * sprintf) the binary value, so in the rare exact half-way case (e.g. 1.005 at 2 decimals) the
 * two can differ in the last digit; `rounded: true` stores the numbers as shown, which removes
 * the difference.
 */
import type ExcelJS from 'exceljs';

import { streamingWorkbook, xmlSafe } from '@/lib/io/export/xlsx-writer';
import { alignments, checkTable, type NumberFormat, type PubTable, type RenderOptions } from './model';
import { sheetLayout } from './sheet-layout';

/** Options of {@link renderXlsx}. */
export interface XlsxOptions extends RenderOptions {
  /** Where the stars go: 'format' (default, number-format suffix) or 'column' (a text cell of their own). */
  stars?: 'format' | 'column';
  /** Worksheet name (default "Table", or "Table n" with a number). */
  sheetName?: string;
  /** Store numbers rounded as shown instead of full precision (default false). */
  rounded?: boolean;
  /** Workbook creation date (default now; fixed dates make byte-identical files). */
  created?: Date;
}

/**
 * The Excel number format that shows a number as {@link formatNumber} writes it.
 *
 * @param f - the table's number format.
 * @param suffix - literal text after the number (the stars).
 * @param value - the number the format is for: a negative value that rounds to zero gets no
 *   minus (as formatNumber in ./format writes it).
 * @returns an Excel format code.
 * @example
 * ```ts
 * excelNumberFormat({ decimals: 3, leadingZero: true, thousands: true, minus: 'unicode' }, '**'); // '#,##0.000"**";"−"#,##0.000"**"'
 * excelNumberFormat({ decimals: 3, leadingZero: false, thousands: false, minus: 'unicode', pValue: true }); // '[<0.001]"< .001";#.000'
 * ```
 */
export function excelNumberFormat(f: NumberFormat, suffix = '', value?: number): string {
  const dec = f.decimals > 0 ? `.${'0'.repeat(f.decimals)}` : '';
  const int = f.decimals === 0 || f.leadingZero ? (f.thousands ? '#,##0' : '0') : f.thousands ? '#,###' : '#';
  // Literals in one quoted run each: "(−" rather than "(""−" (adjacent quotes would read as an escape).
  const lit = (t: string) => (t ? `"${t.replace(/"/g, '')}"` : '');
  const roundsToZero = value !== undefined && value < 0 && Number(Math.abs(value).toFixed(f.decimals)) === 0;
  const minus = roundsToZero ? '' : f.minus === 'unicode' ? '\u2212' : '-';
  const open = f.parens ? '(' : '';
  const close = lit(`${f.parens ? ')' : ''}${suffix}`);
  const positive = `${lit(open)}${int}${dec}${close}`;
  const negative = `${lit(open + minus)}${int}${dec}${close}`;
  if (f.pValue) {
    const min = 10 ** -f.decimals;
    const shown = `< ${f.leadingZero ? '0' : ''}.${'0'.repeat(f.decimals - 1)}1`;
    // p is never negative: two sections, the conditional one and the rest.
    return `[<${min.toFixed(f.decimals)}]${lit(`${open}${shown}${f.parens ? ')' : ''}${suffix}`)};${positive}`;
  }
  return `${positive};${negative}`;
}

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };

/**
 * Renders a table as an .xlsx workbook with one worksheet.
 *
 * @param table - the table.
 * @param options - stars placement, sheet name, rounding, table number.
 * @returns the file bytes.
 * @throws {RangeError} when the table's spans do not add up.
 * @example
 * ```ts
 * const bytes = await renderXlsx(olsTable(result), { number: 3, stars: 'column' });
 * ```
 */
export async function renderXlsx(table: PubTable, options: XlsxOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  checkTable(table);
  const layout = sheetLayout(table, { starsColumn: options.stars === 'column' });
  const logicalAlign = alignments(table);
  const { workbook, finish } = streamingWorkbook({ creator: 'Groundwork', created: options.created });
  workbook.title = xmlSafe(table.title);
  const sheetName = (options.sheetName ?? (options.number !== undefined ? `Table ${options.number}` : 'Table')).replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Table';
  const sheet = workbook.addWorksheet(sheetName);

  const physAlign = layout.logical.map((l) => logicalAlign[l]);
  // Widths in characters from the longest single-column text of each column.
  const widths = new Array<number>(layout.ncol).fill(6);
  const grow = (j: number, s: string) => (widths[j] = Math.max(widths[j], Math.min(60, s.length + 2)));
  for (const row of layout.header) {
    let j = 0;
    for (const h of row) {
      if (h.colSpan === 1) grow(j, h.text);
      j += h.colSpan;
    }
  }
  for (const { row, cells } of layout.body) {
    let j = 0;
    for (const c of cells) {
      if (c.colSpan === 1) grow(j, `${c.role === 'label' ? '  '.repeat(row.indent ?? 0) : ''}${c.text}${c.stars ?? ''}`);
      j += c.colSpan;
    }
  }
  sheet.columns = widths.map((width) => ({ width }));

  const merges: Array<[number, number, number, number]> = [];
  let r = 1;
  if (options.number !== undefined) {
    const c = sheet.getRow(r++).getCell(1);
    c.value = `Table ${options.number}`;
    c.font = { bold: true };
  }
  const t = sheet.getRow(r++).getCell(1);
  t.value = textValue(table.title);
  t.font = { italic: table.style === 'apa' };
  r++; // blank row between title and table

  layout.header.forEach((row, i) => {
    const sheetRow = sheet.getRow(r);
    let j = 0;
    for (const h of row) {
      const spanning = h.colSpan > 1 && h.text !== '';
      for (let k = 0; k < h.colSpan; k++) {
        const cell = sheetRow.getCell(j + k + 1);
        if (k === 0) cell.value = textValue(h.text);
        cell.alignment = { horizontal: h.colSpan > 1 ? 'center' : physAlign[j], vertical: 'bottom', wrapText: true };
        const border: Partial<ExcelJS.Borders> = {};
        if (i === 0) border.top = THIN;
        if (i === layout.header.length - 1 || spanning) border.bottom = THIN;
        cell.border = border;
      }
      if (h.colSpan > 1) merges.push([r, j + 1, r, j + h.colSpan]);
      j += h.colSpan;
    }
    r++;
  });

  layout.body.forEach(({ row, cells }, i) => {
    const sheetRow = sheet.getRow(r);
    const last = i === layout.body.length - 1;
    let j = 0;
    for (const c of cells) {
      for (let k = 0; k < c.colSpan; k++) {
        const cell = sheetRow.getCell(j + k + 1);
        if (k === 0) {
          if (c.value !== undefined && c.format) {
            cell.value = options.rounded ? Number(c.value.toFixed(c.format.decimals)) + 0 : c.value; // + 0: no −0
            cell.numFmt = excelNumberFormat(c.format, c.stars, c.value);
          } else cell.value = textValue(c.text);
        }
        const horizontal = row.kind === 'section' ? 'left' : c.role === 'stars' ? 'left' : c.colSpan > 1 ? 'center' : physAlign[j];
        cell.alignment = { horizontal, vertical: 'top', ...(c.role === 'label' && row.indent ? { indent: row.indent } : {}) };
        if (row.kind === 'section') cell.font = { italic: true };
        const border: Partial<ExcelJS.Borders> = {};
        if (row.rule) border.top = THIN;
        if (last) border.bottom = THIN;
        if (border.top || border.bottom) cell.border = border;
      }
      if (c.colSpan > 1) merges.push([r, j + 1, r, j + c.colSpan]);
      j += c.colSpan;
    }
    r++;
  });

  if (table.notes.length) {
    const note = sheet.getRow(r + 1).getCell(1);
    note.value = { richText: [{ text: 'Note.', font: { italic: true } }, { text: ` ${xmlSafe(table.notes.join(' '))}` }] };
  }
  for (const [top, left, bottom, right] of merges) sheet.mergeCells(top, left, bottom, right);
  sheet.commit();
  return finish();
}

/** A text cell: XML-safe; a string cell is never a formula, so no apostrophe is added. */
export function textValue(s: string): string {
  return xmlSafe(s);
}
