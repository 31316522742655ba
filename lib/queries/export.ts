/**
 * Matrices (code × source, code × case, co-occurrence) as CSV and XLSX: one header row, then
 * one row per code — Label, Code, Level, a column per source / case / code, and a Total for
 * the code matrices. Counts are numbers; presence is 1 or 0; a co-occurrence diagonal is
 * empty. CSV: UTF-8 with BOM, CRLF (as lib/io/export/coded-segments.ts). XLSX: streaming
 * writer, frozen header row and first two columns. Text cells neutralised against formulas.
 */
import Papa from 'papaparse';

import { LEVEL_NAME } from '../coding/hierarchy-types';
import { neutraliseFormula } from '../io/export/coded-segments';
import { streamingWorkbook, xmlSafe } from '../io/export/xlsx-writer';
import type { CodeMatrix, CoOccurrenceMatrix } from './types';

/** A matrix as a table: header and rows of text and numbers (null: empty cell). */
export interface MatrixTable {
  title: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
}

const labelled = (r: { label: string; name: string }) => (r.label ? `${r.label} ${r.name}` : r.name);

/** Code × source / case as a table, counts or presence (1/0). */
export function codeMatrixTable(matrix: CodeMatrix, value: 'count' | 'presence', title: string): MatrixTable {
  const header = ['Label', 'Code', 'Level', ...matrix.columns.map((c) => c.name), value === 'count' ? 'Total segments' : 'Total present'];
  const rows = matrix.rows.map((r, i) => {
    const cells = matrix.counts[i].map((n) => (value === 'count' ? n : n > 0 ? 1 : 0));
    const total = value === 'count' ? matrix.rowTotals[i] : cells.reduce<number>((s, n) => s + n, 0);
    return [r.label, r.name, LEVEL_NAME[r.level], ...cells, total];
  });
  return { title, header, rows };
}

/** Co-occurrence as a table; the diagonal is empty. */
export function coOccurrenceTable(matrix: CoOccurrenceMatrix, title: string): MatrixTable {
  const header = ['Label', 'Code', 'Level', ...matrix.rows.map(labelled)];
  const rows = matrix.rows.map((r, i) => [r.label, r.name, LEVEL_NAME[r.level], ...matrix.counts[i].map((n, j) => (i === j ? null : n))]);
  return { title, header, rows };
}

/** The table as CSV (BOM, CRLF, text neutralised). */
export function matrixCsv(table: MatrixTable): string {
  const text = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? v : neutraliseFormula(v));
  const body = Papa.unparse({ fields: table.header.map((h) => neutraliseFormula(h)), data: table.rows.map((r) => r.map(text)) }, { newline: '\r\n' });
  return `\uFEFF${body}\r\n`;
}

/** The table as an .xlsx workbook (one sheet). Node.js only. */
export async function matrixXlsx(table: MatrixTable, options: { created?: Date } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const { workbook, finish } = streamingWorkbook({ creator: 'Groundwork', created: options.created ?? new Date() });
  workbook.title = table.title;
  const sheet = workbook.addWorksheet('Matrix', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1, topLeftCell: 'C2' }] });
  sheet.columns = table.header.map((h, i) => ({ header: xmlSafe(h), width: i === 1 ? 32 : i === 0 ? 8 : Math.min(24, Math.max(10, h.length + 2)) }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'bottom', wrapText: true };
  head.commit();
  for (const r of table.rows) {
    sheet.addRow(r.map((v) => (typeof v === 'string' ? xmlSafe(v) : v))).commit();
  }
  sheet.commit();
  return finish();
}
