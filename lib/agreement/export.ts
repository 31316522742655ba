/**
 * The agreement table as CSV, XLSX and DOCX files, from {@link agreementReport}'s model: the
 * title, level and settings come first, undefined statistics are "—" with numbered notes.
 * Node.js only (XLSX streams through node:stream).
 */
import { AlignmentType, Document, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import Papa from 'papaparse';

import { neutraliseFormula } from '../io/export/coded-segments';
import { streamingWorkbook, xmlSafe } from '../io/export/xlsx-writer';
import type { AgreementReport, ReportCell } from './report';

const cellText = (cell: ReportCell) => (cell.note ? `${cell.text} [${cell.note}]` : cell.text);
const noteLines = (report: AgreementReport) => report.notes.map((n, i) => `[${i + 1}] Undefined: ${n}.`);

/** CSV: settings lines, a blank line, the table (statistics as numbers, "—" when undefined), notes. UTF-8 with BOM, CRLF. */
export function agreementCsv(report: AgreementReport): string {
  const data: string[][] = [
    [report.title],
    ...report.settings.map((s) => [s]),
    [],
    report.headers,
    ...report.rows.map((row) => [row.code, ...row.cells.map((c) => (c.value == null ? cellText(c) : String(c.value)))]),
    [],
    ...noteLines(report).map((n) => [n]),
  ];
  const body = Papa.unparse(
    data.map((r) => r.map(neutraliseFormula)),
    { newline: '\r\n' },
  );
  return `\uFEFF${body}\r\n`;
}

/** XLSX: one sheet "Agreement" with the title, settings, the table (numbers typed) and notes. */
export async function agreementXlsx(report: AgreementReport): Promise<Uint8Array<ArrayBuffer>> {
  const { workbook, finish } = streamingWorkbook({ creator: 'Groundwork' });
  const sheet = workbook.addWorksheet('Agreement');
  sheet.columns = [{ width: 40 }, { width: 20 }, { width: 14 }, { width: 12 }, { width: 12 }, { width: 26 }];
  sheet.addRow([xmlSafe(report.title)]).font = { bold: true, size: 14 };
  for (const line of report.settings) sheet.addRow([xmlSafe(neutraliseFormula(line))]).commit();
  sheet.addRow([]).commit();
  const header = sheet.addRow(report.headers);
  header.font = { bold: true };
  header.commit();
  for (const row of report.rows) {
    const values = [xmlSafe(neutraliseFormula(row.code)), ...row.cells.map((c) => (c.value == null ? cellText(c) : c.value))];
    const r = sheet.addRow(values);
    r.getCell(3).numFmt = '0.0%';
    for (const col of [4, 5, 6]) r.getCell(col).numFmt = '0.000';
    if (row.pooled) r.font = { bold: true };
    r.commit();
  }
  sheet.addRow([]).commit();
  for (const note of noteLines(report)) sheet.addRow([xmlSafe(note)]).commit();
  sheet.commit();
  return finish();
}

const HEADER_FILL = 'E8E6E1';

/** DOCX: heading, settings, the table (pooled row bold), notes. */
export async function agreementDocx(report: AgreementReport): Promise<Uint8Array<ArrayBuffer>> {
  const para = (text: string, options: { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
    new Paragraph({ alignment: options.align, children: [new TextRun({ text: xmlSafe(text), bold: options.bold, size: options.size })] });
  const cell = (text: string, options: { bold?: boolean; header?: boolean; right?: boolean } = {}) =>
    new TableCell({
      shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : undefined,
      children: [para(text, { bold: options.bold || options.header, align: options.right ? AlignmentType.RIGHT : undefined })],
    });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: report.headers.map((h, i) => cell(h, { header: true, right: i > 0 })) }),
      ...report.rows.map((row) => new TableRow({ children: [cell(row.code, { bold: row.pooled }), ...row.cells.map((c) => cell(cellText(c), { bold: row.pooled, right: true }))] })),
    ],
  });
  const doc = new Document({
    creator: 'Groundwork',
    title: xmlSafe(report.title),
    styles: { default: { document: { run: { size: 20 } } } },
    sections: [
      {
        children: [
          para(report.title, { bold: true, size: 32 }),
          para(report.level, { bold: true, size: 24 }),
          ...report.settings.slice(1).map((s) => para(s)),
          para(''),
          table,
          para(''),
          ...noteLines(report).map((n) => para(n, { size: 18 })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
