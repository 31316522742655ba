/**
 * The joint display as a Word document: a real table on a landscape A4 page in the
 * side-by-side layout mixed-methods papers publish (Category | Exemplar quotes | Construct |
 * Statistics | Meta-inference), drawn with the APA rules of ../stats/tables/render-docx
 * (horizontal rules only), the header row repeated on every page, and a note under the table.
 * Node.js (docx's Packer).
 */
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';

import { xmlSafe } from '@/lib/io/export/xlsx-writer';
import { NONE, PAGE, RULE, THIN } from '@/lib/stats/tables/render-docx';

import {
  JOINT_DISPLAY_COLUMNS,
  categoryHeading,
  coefficientText,
  constructHeading,
  countsText,
  datasetText,
  figuresText,
  inferenceLabel,
  jointDisplayNote,
  quoteSource,
  quoteText,
  type JointDisplayExportOptions,
} from './joint-display';
import type { JointDisplayRow } from './types';

// Shares of the text width: the quotes need the most room, the statistics next.
const SHARES = [0.2, 0.3, 0.14, 0.22, 0.14] as const;
const FONT = 'Times New Roman';
const SIZE = 18; // 9 pt in half-points: five text columns on a landscape page

/**
 * Renders the joint display as a .docx.
 *
 * @param rows - the rows, in the order to print (see filterAndSortRows).
 * @param options - title, project name, generation date.
 * @returns the file bytes.
 * @example
 * ```ts
 * const bytes = await jointDisplayDocx(filterAndSortRows(rows, codes, { order: 'hierarchy' }), { title: 'Joint display', projectName: 'Brands', generatedAt: new Date() });
 * ```
 */
export async function jointDisplayDocx(rows: readonly JointDisplayRow[], options: JointDisplayExportOptions): Promise<Uint8Array<ArrayBuffer>> {
  const textWidth = PAGE.long - 2 * PAGE.margin;
  const widths = SHARES.map((s) => Math.floor(textWidth * s));
  const run = (text: string, extra: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text: xmlSafe(text), ...extra });
  const para = (children: TextRun[], after = 60) => new Paragraph({ children, spacing: { after } });
  const cell = (j: number, children: Paragraph[], borders: Record<string, typeof RULE>) =>
    new TableCell({ width: { size: widths[j], type: WidthType.DXA }, borders, margins: { left: 80, right: 80, top: 40, bottom: 40 }, children });

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: JOINT_DISPLAY_COLUMNS.map((h, j) => cell(j, [para([run(h, { bold: true })], 0)], { top: RULE, bottom: THIN })),
  });

  const body = rows.map((row, i) => {
    const borders = { ...(i > 0 ? { top: THIN } : {}), ...(i === rows.length - 1 ? { bottom: RULE } : {}) };
    const latest = row.quantitative?.versionNumber;
    const qualitative = [
      para([run(categoryHeading(row), { bold: true }), ...(row.changed ? [run(' †', { bold: true })] : [])]),
      ...(row.code.definition.trim() ? [para([run(row.code.definition.trim())])] : []),
      para([run(countsText(row), { italics: true })]),
    ];
    const quotes = row.qualitative.exemplars.length
      ? row.qualitative.exemplars.map((q) => para([run(quoteText(q)), run(` ${quoteSource(q)}`, { italics: true })], 100))
      : [para([run('—')])];
    const construct = [
      para([run(constructHeading(row), { bold: true })]),
      para([run(datasetText(row))]),
      ...(row.rationale.trim() ? [para([run(`Rationale: ${row.rationale.trim()}`, { italics: true })])] : []),
    ];
    const statistics = [para([run(figuresText(row.quantitative))]), ...row.coefficients.map((c) => para([run(coefficientText(c, latest))]))];
    const inference = [para([run(inferenceLabel(row.inference), { bold: true })]), ...(row.inferenceNote.trim() ? [para([run(row.inferenceNote.trim())])] : [])];
    return new TableRow({
      children: [qualitative, quotes, construct, statistics, inference].map((children, j) => cell(j, children, borders)),
    });
  });
  if (body.length === 0) {
    body.push(
      new TableRow({
        children: [
          new TableCell({
            columnSpan: JOINT_DISPLAY_COLUMNS.length,
            width: { size: textWidth, type: WidthType.DXA },
            borders: { bottom: RULE },
            children: [para([run('No linked codes yet.', { italics: true })])],
          }),
        ],
      }),
    );
  }

  const day = options.generatedAt.toISOString().slice(0, 10);
  const doc = new Document({
    creator: 'Groundwork',
    lastModifiedBy: 'Groundwork',
    title: xmlSafe(options.title),
    styles: { default: { document: { run: { size: SIZE, font: FONT } } } },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height for a landscape page (w:orient="landscape").
            size: { width: PAGE.short, height: PAGE.long, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin },
          },
        },
        children: [
          new Paragraph({ children: [run(options.title, { italics: true, size: SIZE + 4 })], spacing: { after: 60 } }),
          new Paragraph({ children: [run(`${options.projectName} · generated ${day}`, { size: SIZE - 2 })], spacing: { after: 160 } }),
          new Table({
            rows: [header, ...body],
            width: { size: textWidth, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            borders: { top: RULE, bottom: RULE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
          }),
          new Paragraph({
            alignment: AlignmentType.LEFT,
            spacing: { before: 120 },
            children: [run('Note.', { italics: true, size: SIZE - 2 }), run(` ${jointDisplayNote()}`, { size: SIZE - 2 })],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
