/**
 * The case comparison matrix as files, in the case table layout of multi-case studies: one row
 * per case with its key attributes, then one column per code. CSV (UTF-8 with BOM, CRLF),
 * XLSX (counts as numbers, frozen header and case column) and DOCX (a landscape table with
 * the APA rules of lib/stats/tables/render-docx and a note saying how cells were counted).
 * XLSX and DOCX are Node.js only: rendered in a worker (lib/jobs/case-jobs.ts).
 */
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import Papa from 'papaparse';

import { neutraliseFormula, XLSX_CELL_MAX } from '../io/export/coded-segments';
import { streamingWorkbook, xmlSafe } from '../io/export/xlsx-writer';
import { NONE, PAGE, RULE, THIN } from '../stats/tables/render-docx';
import { textValue } from '../stats/tables/render-xlsx';
import { type CaseMatrix, cellText, columnHeading, type MatrixCellMode, matrixNote } from './matrix';

/** Options of the file renderers. */
export interface MatrixExportOptions {
  mode: MatrixCellMode;
  title: string;
  projectName: string;
  /** ISO date-time (crosses the worker boundary as text). */
  generatedAt: string;
}

export const CASE_MATRIX_SHEET = 'Case matrix';

const headers = (m: CaseMatrix) => ['Case', ...m.attributes.map((a) => a.name), ...m.columns.map(columnHeading)];

/** The matrix as CSV text. */
export function caseMatrixCsv(matrix: CaseMatrix, mode: MatrixCellMode): string {
  const rows = matrix.rows.map((r) => [
    neutraliseFormula(r.caseName),
    ...r.attributes.map((v, k) => (matrix.attributes[k].type === 'number' || matrix.attributes[k].type === 'date' ? v : neutraliseFormula(v))),
    ...matrix.columns.map((_, j) => (mode === 'count' ? String(r.counts[j]) : neutraliseFormula(cellText(r, j, mode)))),
  ]);
  return `\uFEFF${Papa.unparse([headers(matrix).map(neutraliseFormula), ...rows], { newline: '\r\n' })}\r\n`;
}

/** The matrix as one Excel sheet; counts and number attributes are numbers. */
export async function caseMatrixXlsx(matrix: CaseMatrix, options: MatrixExportOptions): Promise<Uint8Array<ArrayBuffer>> {
  const { workbook, finish } = streamingWorkbook({ creator: 'Groundwork', created: new Date(options.generatedAt) });
  workbook.title = xmlSafe(options.title);
  const fixed = 1 + matrix.attributes.length;
  const sheet = workbook.addWorksheet(CASE_MATRIX_SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = [{ width: 18 }, ...matrix.attributes.map(() => ({ width: 14 })), ...matrix.columns.map(() => ({ width: options.mode === 'summary' ? 36 : 14 }))];
  const header = sheet.getRow(1);
  headers(matrix).forEach((h, j) => {
    const cell = header.getCell(j + 1);
    cell.value = textValue(h);
    cell.font = { bold: true };
    cell.alignment = { vertical: 'bottom', wrapText: true };
  });
  header.commit();
  matrix.rows.forEach((r, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).value = textValue(r.caseName);
    row.getCell(1).font = { bold: true };
    r.attributes.forEach((v, k) => {
      if (v === '') return;
      row.getCell(2 + k).value = matrix.attributes[k].type === 'number' ? Number(v) : textValue(v);
    });
    matrix.columns.forEach((_, j) => {
      const cell = row.getCell(fixed + 1 + j);
      cell.alignment = { vertical: 'top', wrapText: options.mode === 'summary', horizontal: options.mode === 'summary' ? 'left' : 'center' };
      if (options.mode === 'count') cell.value = r.counts[j];
      else {
        const text = cellText(r, j, options.mode);
        if (text) cell.value = textValue(text.slice(0, XLSX_CELL_MAX - 1));
      }
    });
    row.commit();
  });
  const noteRow = sheet.getRow(matrix.rows.length + 3);
  noteRow.getCell(1).value = textValue(`Note. ${matrixNote(options.mode)}`);
  noteRow.getCell(1).font = { italic: true };
  noteRow.commit();
  sheet.commit();
  return finish();
}

const FONT = 'Times New Roman';

/** The matrix as a landscape Word table (case table of a multi-case study). */
export async function caseMatrixDocx(matrix: CaseMatrix, options: MatrixExportOptions): Promise<Uint8Array<ArrayBuffer>> {
  const heads = headers(matrix);
  const textWidth = PAGE.long - 2 * PAGE.margin;
  // The case and attribute columns get a fixed share; codes share the rest.
  const fixed = 1 + matrix.attributes.length;
  const fixedShare = Math.min(0.45, 0.14 * fixed);
  const widths = heads.map((_, j) => Math.floor(j < fixed ? (textWidth * fixedShare) / fixed : (textWidth * (1 - fixedShare)) / Math.max(1, matrix.columns.length)));
  const size = heads.length > 10 ? 14 : 18; // 7 or 9 pt
  const run = (text: string, extra: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text: xmlSafe(text), size, ...extra });
  const cell = (j: number, text: string, borders: Record<string, typeof RULE>, extra: { bold?: boolean; center?: boolean } = {}) =>
    new TableCell({
      width: { size: widths[j], type: WidthType.DXA },
      borders,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      children: text
        .split('\n')
        .map((line) => new Paragraph({ alignment: extra.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(line, { bold: extra.bold })] })),
    });
  const headerRow = new TableRow({ tableHeader: true, cantSplit: true, children: heads.map((h, j) => cell(j, h, { top: RULE, bottom: THIN }, { bold: true, center: j >= fixed })) });
  const body = matrix.rows.map((r, i) => {
    const borders: Record<string, typeof RULE> = i === matrix.rows.length - 1 ? { bottom: RULE } : {};
    return new TableRow({
      cantSplit: true,
      children: [
        cell(0, r.caseName, borders, { bold: true }),
        ...r.attributes.map((v, k) => cell(1 + k, v, borders)),
        ...matrix.columns.map((_, j) => cell(fixed + j, cellText(r, j, options.mode), borders, { center: options.mode !== 'summary' })),
      ],
    });
  });
  const doc = new Document({
    creator: 'Groundwork',
    title: xmlSafe(options.title),
    styles: { default: { document: { run: { size, font: FONT } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.short, height: PAGE.long, orientation: PageOrientation.LANDSCAPE }, margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin } } },
        children: [
          new Paragraph({ children: [new TextRun({ text: xmlSafe(options.title), italics: true, size: 22 })], spacing: { after: 60 } }),
          new Paragraph({ children: [new TextRun({ text: xmlSafe(`${options.projectName} · generated ${options.generatedAt.slice(0, 10)}`), size: 16 })], spacing: { after: 160 } }),
          new Table({
            rows: [headerRow, ...body],
            width: { size: textWidth, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            borders: { top: RULE, bottom: RULE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
          }),
          new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: 'Note.', italics: true, size: 16 }), new TextRun({ text: xmlSafe(` ${matrixNote(options.mode)}`), size: 16 })] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
