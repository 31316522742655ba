/**
 * A {@link PubTable} laid out for spreadsheets, where a cell holds one value: each logical
 * column becomes its number column, plus a stars column (when stars go in cells of their
 * own) and a column for the second number of inline cells ("0.158*** (3.12)" → 0.158 | (3.12)).
 * Header and body spans are widened to match. Used by ./render-csv (raw numbers) and
 * ./render-xlsx.
 */
import { checkTable, type NumberFormat, type PubRow, type PubTable } from './model';

/** One physical spreadsheet cell. */
export interface SheetCell {
  /** Text shown (for numbers: the formatted number, without stars). */
  text: string;
  /** A number to store (absent for text cells). */
  value?: number;
  format?: NumberFormat;
  /** Stars to show after the number (when they stay with the number). */
  stars?: string;
  /** Physical columns covered. */
  colSpan: number;
  /** What the cell is: the row label, a number's stars in their own column, or anything else. */
  role: 'label' | 'stars' | 'cell';
}

/** The expanded grid. */
export interface SheetLayout {
  ncol: number;
  /** For each physical column, the logical (table) column it belongs to. */
  logical: number[];
  /** Header rows (text cells). */
  header: SheetCell[][];
  /** Body rows with the row they come from. */
  body: Array<{ row: PubRow; cells: SheetCell[] }>;
}

/**
 * Expands a table for a spreadsheet.
 *
 * @param table - the table.
 * @param options - starsColumn: stars in a column of their own (else they stay on the number cell).
 * @returns the physical grid.
 * @throws {RangeError} when the table's spans do not add up.
 * @example
 * ```ts
 * sheetLayout(table, { starsColumn: true }).ncol;
 * ```
 */
export function sheetLayout(table: PubTable, options: { starsColumn: boolean }): SheetLayout {
  const n = checkTable(table);
  const hasStars = new Array<boolean>(n).fill(false);
  const hasSecond = new Array<boolean>(n).fill(false);
  for (const row of table.rows) {
    let j = 0;
    for (const c of row.cells) {
      if ((c.colSpan ?? 1) === 1) {
        if (c.stars && options.starsColumn) hasStars[j] = true;
        if (c.second) hasSecond[j] = true;
      }
      j += c.colSpan ?? 1;
    }
  }
  const width = hasStars.map((s, j) => 1 + (s ? 1 : 0) + (hasSecond[j] ? 1 : 0));
  const span = (from: number, count: number) => width.slice(from, from + count).reduce((a, b) => a + b, 0);
  const ncol = span(0, n);

  const header = table.columns.map((row) => {
    let j = 0;
    return row.map((h) => {
      const s = h.colSpan ?? 1;
      const cell: SheetCell = { text: h.text, colSpan: span(j, s), role: 'cell' };
      j += s;
      return cell;
    });
  });

  const body = table.rows.map((row) => {
    const cells: SheetCell[] = [];
    let j = 0;
    row.cells.forEach((c, k) => {
      const s = c.colSpan ?? 1;
      if (s > 1 || k === 0) {
        cells.push({ text: c.text, colSpan: span(j, s), role: k === 0 ? 'label' : 'cell', ...(c.value !== undefined ? { value: c.value, format: c.format } : {}) });
        j += s;
        return;
      }
      const main: SheetCell = { text: c.text, colSpan: 1, role: 'cell' };
      if (c.value !== undefined) {
        main.value = c.value;
        main.format = c.format;
      }
      if (c.stars && !hasStars[j]) main.stars = c.stars;
      cells.push(main);
      if (hasStars[j]) cells.push({ text: c.stars ?? '', colSpan: 1, role: 'stars' });
      if (hasSecond[j]) cells.push(c.second ? { text: c.second.text, value: c.second.value, format: c.second.format, colSpan: 1, role: 'cell' } : { text: '', colSpan: 1, role: 'cell' });
      j += 1;
    });
    return { row, cells };
  });
  const logical = width.flatMap((w, j) => new Array<number>(w).fill(j));
  return { ncol, logical, header, body };
}
