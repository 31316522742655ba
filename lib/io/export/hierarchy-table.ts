/**
 * The grounded theory hierarchy as the table a researcher puts into a thesis or paper:
 * "Core category | Main category | Category | Concepts", one row per category, its concepts
 * listed in the last cell, as CSV, XLSX and Word (DOCX).
 *
 * Merged cells: a core or main category spans the rows of its categories. The spans come from
 * the table itself (`coreSpan`/`mainSpan`, see lib/coding/hierarchy-types.ts), so the HTML
 * view, XLSX merged ranges and Word vertical merges always agree. CSV has no merges: there the
 * value is repeated on every row it covers, so a researcher who filters or sorts the sheet
 * still sees each category's core and main category.
 *
 * Every cell shows "label name (n)", n being the code's rolled-up distinct segments (see
 * {@link formatCell}). Unplaced codes show "—" above them (no core / main category yet) and
 * "(no category yet)" for the row gathering concepts without a category.
 *
 * Spreadsheet formula injection: code names are typed by project members, so the CSV text
 * cells go through {@link neutraliseFormula} (the rule and its source are in
 * coded-segments.ts); XLSX writes them as string cells, which never run, with the text as is. Word does not evaluate cell text, so the DOCX shows names as typed.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import Papa from 'papaparse';

import type { HierarchyCell, HierarchyTable, HierarchyTableRow } from '../../coding/hierarchy-types';
import { LINKED_CONSTRUCT_HEADERS, linkedConstructFigures, type LinkedConstruct, type LinkedConstructs } from './linked-constructs';
import { XLSX_CELL_MAX, neutraliseFormula } from './coded-segments';
import { streamingWorkbook, xmlSafe } from './xlsx-writer';

export { LINKED_CONSTRUCT_HEADERS, linkBadgeText, linkBadgeTitle, linkedConstructFigures, type LinkedConstruct, type LinkedConstructs } from './linked-constructs';

/** Column headers, in file order (the published layout). */
export const HIERARCHY_TABLE_HEADERS = ['Core category', 'Main category', 'Category', 'Concepts'] as const;

/** Name of the single worksheet of {@link hierarchyTableXlsx}. */
export const HIERARCHY_SHEET = 'Hierarchy';

/** The note written under the table in XLSX and DOCX. */
export const HIERARCHY_TABLE_NOTE = 'Numbers in brackets: coded segments (distinct spans, overlaps counted once)';

/** Shown in a core or main category cell when the codes of the row have none yet. */
export const NO_PARENT = '—';

/** Shown in the category cell of the row gathering concepts without a category. */
export const NO_CATEGORY = '(no category yet)';

/** Options of {@link hierarchyTableXlsx} and {@link hierarchyTableDocx}. */
export type HierarchyTableFileOptions = {
  /** Document title: workbook / document properties, and the Word heading. */
  title: string;
  /** Project name: the XLSX title row reads "<projectName> — grounded theory hierarchy". */
  projectName: string;
  /** Code id → its links: adds the {@link LINKED_CONSTRUCT_HEADERS} columns. */
  links?: LinkedConstructs;
};

/**
 * One cell of the table as text: label, name and rolled-up segment count in brackets. The
 * label is left out when it is empty; line breaks inside a name become spaces (a line break in
 * the Concepts cell separates concepts).
 *
 * @param cell - a code of the hierarchy.
 * @returns the cell text, not yet neutralised for spreadsheets.
 * @example
 * formatCell({ id: 'a1', label: 'A1', name: 'Trust building', level: 3, segments: 45, sources: 9 });
 * // 'A1 Trust building (45)'
 * formatCell({ id: 'c9', label: '', name: '信任', level: 1, segments: 3, sources: 1 }); // '信任 (3)'
 */
export function formatCell(cell: HierarchyCell): string {
  const label = cell.label.trim();
  const name = cell.name.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
  return `${label === '' ? '' : `${label} `}${name} (${cell.segments})`;
}

/**
 * The hierarchy as CSV: UTF-8 with a byte order mark, CRLF record ends and papaparse quoting,
 * exactly like the coded segments export. One record per table row; a merged core or main cell
 * repeats its value on every row it covers; the concepts of a category share one quoted cell,
 * one per line ("\n"). Every cell is neutralised with {@link neutraliseFormula}.
 *
 * @param table - the hierarchy table (lib/coding/hierarchy.ts builds it).
 * @returns the file content; encode with `new TextEncoder().encode(csv)` for download.
 * @throws {RangeError} when the spans do not tile the rows (the message names the row).
 * @example
 * const csv = hierarchyTableCsv(table);
 * // '\uFEFFCore category,Main category,Category,Concepts\r\nCC1 Trust (80),A1 Trust building (45),B1 Gifts (12),"C1 Red envelopes (7)\nC2 Tea (5)"\r\n…'
 */
export function hierarchyTableCsv(table: HierarchyTable, options: { links?: LinkedConstructs } = {}): string {
  const data = layoutRows(table.rows, options.links).map((row) => row.texts.map(neutraliseFormula));
  const body = Papa.unparse(
    { fields: headersFor(options.links), data },
    { newline: '\r\n', delimiter: ',', quoteChar: '"', header: true },
  );
  // Same record ends as codedSegmentsCsv: every record, the last included, ends with CRLF.
  return `\uFEFF${body}${body.endsWith('\r\n') ? '' : '\r\n'}`;
}

// Widths in characters: names of codes for the three category columns, a list for concepts.
const XLSX_COLUMN_WIDTHS = [30, 30, 34, 56] as const;
const XLSX_LINK_COLUMN_WIDTHS = [44, 8, 14, 22] as const;
// Title, summary line, blank row, then the header row.
const XLSX_HEADER_ROW = 4;

/**
 * The hierarchy as an Excel workbook: one sheet "Hierarchy" with a title row ("<projectName> —
 * grounded theory hierarchy"), the summary line, a blank row, the bold header row (frozen with
 * the rows above it), one row per category, then a blank row and {@link HIERARCHY_TABLE_NOTE}.
 * Core and main category cells are merged down the rows they span; data cells wrap and align
 * to the top; the concepts of a category are one cell, one per line.
 *
 * Text cells are string cells (never formulas) holding the text as it is (no apostrophe: only
 * the CSV needs {@link neutraliseFormula}), stripped of characters XML cannot carry; a Concepts cell longer than Excel's limit keeps
 * whole concepts and ends with "… N more concepts (see the CSV export)".
 *
 * @param table - the hierarchy table.
 * @param options - title (workbook properties) and project name (title row).
 * @returns the .xlsx file bytes. Node.js only (uses node:stream): call it on the server.
 * @throws {RangeError} when the spans do not tile the rows.
 * @example
 * const bytes = await hierarchyTableXlsx(table, { title: 'Hierarchy: Cross-border trust', projectName: 'Cross-border trust' });
 */
export async function hierarchyTableXlsx(
  table: HierarchyTable,
  options: HierarchyTableFileOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const rows = layoutRows(table.rows, options.links);
  const headers = headersFor(options.links);

  // The streaming writer: see xlsx-writer.ts (writeBuffer corrupts emoji at 16K boundaries).
  const { workbook, finish } = streamingWorkbook({ creator: 'Groundwork' });
  workbook.title = xmlSafe(options.title);
  workbook.subject = 'Grounded theory hierarchy';
  workbook.description = `${table.summary.line}. ${HIERARCHY_TABLE_NOTE}.`;

  const sheet = workbook.addWorksheet(HIERARCHY_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: XLSX_HEADER_ROW, topLeftCell: `A${XLSX_HEADER_ROW + 1}` }],
  });
  sheet.columns = [...XLSX_COLUMN_WIDTHS, ...(options.links ? XLSX_LINK_COLUMN_WIDTHS : [])].map((width) => ({ width }));

  const title = sheet.getRow(1);
  title.getCell(1).value = xlsxText(`${options.projectName} — grounded theory hierarchy`);
  title.getCell(1).font = { bold: true, size: 14 };
  sheet.getRow(2).getCell(1).value = xlsxText(table.summary.line);

  const header = sheet.getRow(XLSX_HEADER_ROW);
  headers.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'top', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  // Cells first, merges after: the writer merges rows it still holds (none is committed yet).
  const merges: [top: number, left: number, bottom: number, right: number][] = [];
  rows.forEach((row, i) => {
    const r = XLSX_HEADER_ROW + 1 + i;
    const sheetRow = sheet.getRow(r);
    row.texts.forEach((text, c) => {
      const cell = sheetRow.getCell(c + 1);
      // A covered cell of a merge stays empty: Excel shows the top cell's value over the range.
      if (c < 2 && row.spans[c] === 0) {
        cell.alignment = { vertical: 'top', wrapText: true };
        return;
      }
      cell.value = c === 3 ? xlsxConcepts(text) : xlsxText(text);
      cell.alignment = { vertical: 'top', wrapText: true };
      if (c < 2 && row.spans[c] > 1) merges.push([r, c + 1, r + row.spans[c] - 1, c + 1]);
    });
  });
  for (const [top, left, bottom, right] of merges) sheet.mergeCells(top, left, bottom, right);

  const note = sheet.getRow(XLSX_HEADER_ROW + rows.length + 2).getCell(1);
  note.value = HIERARCHY_TABLE_NOTE;
  note.font = { italic: true };

  sheet.commit();
  return finish();
}

// A4 portrait with 1-inch margins, in DXA (twentieths of a point): 11906 − 2 × 1440 = 9026
// of text width, which the four columns fill exactly (concepts get the most room).
const PAGE = { width: 11906, height: 16838, margin: 1440 } as const;
const DOCX_COLUMN_WIDTHS = [1950, 2050, 2200, 2826] as const;
// With the linked-construct columns the page turns landscape: 16838 − 2 × 1440 = 13958.
const DOCX_LINKED_COLUMN_WIDTHS = [1600, 1700, 1800, 2500, 2600, 800, 1300, 1658] as const;
const TEXT_SIZE = 20; // half-points: 10 pt
const NOTE_SIZE = 18; // 9 pt
const HEADER_FILL = 'D9D9D9';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const; // 0.5 pt

/**
 * The hierarchy as a Word document: a heading (the title), the summary line, then a real Word
 * table (fixed layout, A4 text width split over four columns, thin borders, a light grey bold
 * header row that repeats on every page, 10 pt text) and the note under it. Core and main
 * category cells are merged down their spans with vertical merges (`w:vMerge` restart /
 * continue); the Concepts cell holds one paragraph per concept.
 *
 * @param table - the hierarchy table.
 * @param options - title (heading and document properties) and project name (subject).
 * @returns the .docx file bytes.
 * @throws {RangeError} when the spans do not tile the rows.
 * @example
 * const bytes = await hierarchyTableDocx(table, { title: 'Cross-border trust: grounded theory hierarchy', projectName: 'Cross-border trust' });
 * return new Response(bytes, { headers: { 'Content-Type':
 *   'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
 */
export async function hierarchyTableDocx(
  table: HierarchyTable,
  options: HierarchyTableFileOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const rows = layoutRows(table.rows, options.links);
  const headers = headersFor(options.links);
  const landscape = Boolean(options.links);
  const columnWidths: readonly number[] = landscape ? DOCX_LINKED_COLUMN_WIDTHS : DOCX_COLUMN_WIDTHS;
  const width = (c: number) => ({ size: columnWidths[c], type: WidthType.DXA });
  const paragraph = (text: string, bold = false) =>
    new Paragraph({ children: [new TextRun({ text: xmlSafe(text), bold: bold || undefined })] });

  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map(
      (text, c) =>
        new TableCell({
          width: width(c),
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL },
          verticalAlign: VerticalAlignTable.TOP,
          children: [paragraph(text, true)],
        }),
    ),
  });

  const bodyRows = rows.map(
    (row) =>
      new TableRow({
        children: row.texts.map((text, c) => {
          const span = c < 2 ? row.spans[c] : 1;
          const verticalMerge =
            span === 0 ? VerticalMergeType.CONTINUE : span > 1 ? VerticalMergeType.RESTART : undefined;
          // Word wants a paragraph in every cell, the covered ones of a merge included.
          const children =
            span === 0
              ? [new Paragraph({})]
              : c === 3
                ? row.concepts.length === 0
                  ? [new Paragraph({})]
                  : row.concepts.map((concept) => paragraph(formatCell(concept)))
                : c > 3
                  ? text.split('\n').map((line) => paragraph(line))
                  : [paragraph(text)];
          return new TableCell({ width: width(c), verticalAlign: VerticalAlignTable.TOP, verticalMerge, children });
        }),
      }),
  );

  const pageWidth = landscape ? PAGE.height : PAGE.width;
  const pageHeight = landscape ? PAGE.width : PAGE.height;
  const textWidth = pageWidth - 2 * PAGE.margin;
  const doc = new Document({
    creator: 'Groundwork',
    lastModifiedBy: 'Groundwork',
    title: xmlSafe(options.title),
    subject: xmlSafe(`${options.projectName} — grounded theory hierarchy`),
    description: `${xmlSafe(table.summary.line)}. ${HIERARCHY_TABLE_NOTE}.`,
    styles: { default: { document: { run: { size: TEXT_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: pageWidth, height: pageHeight, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin },
          },
        },
        children: [
          // The heading names the project, as the XLSX title row does: a printed table stands alone.
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlSafe(`${options.projectName} — grounded theory hierarchy`))] }),
          new Paragraph({ spacing: { after: 160 }, children: [new TextRun(xmlSafe(table.summary.line))] }),
          new Table({
            rows: [headerRow, ...bodyRows],
            width: { size: textWidth, type: WidthType.DXA },
            columnWidths: [...columnWidths],
            layout: TableLayoutType.FIXED,
            alignment: AlignmentType.LEFT,
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
            borders: {
              top: BORDER,
              bottom: BORDER,
              left: BORDER,
              right: BORDER,
              insideHorizontal: BORDER,
              insideVertical: BORDER,
            },
          }),
          new Paragraph({
            spacing: { before: 120 },
            children: [new TextRun({ text: HIERARCHY_TABLE_NOTE, italics: true, size: NOTE_SIZE })],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

const EXTENSIONS = new Set(['csv', 'xlsx', 'docx']);
// Letters NFKD does not take apart into ASCII plus marks.
const TRANSLITERATE: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th', ð: 'd' };
const SLUG_MAX = 60;

/**
 * The download file name of a hierarchy export: an ASCII slug of the project name plus
 * "-hierarchy" (no date: the file system keeps that). A name with no Latin letters or digits
 * (e.g. a Chinese project name) gives just "hierarchy.<ext>"; the Content-Disposition header
 * can carry the full name as `filename*`.
 *
 * @param projectName - the project's name as typed.
 * @param ext - the export format.
 * @returns a file name of `[a-z0-9-]` and the extension.
 * @throws {RangeError} when ext is not csv, xlsx or docx.
 * @example
 * hierarchyTableFilename('Cross-border Trust', 'docx'); // 'cross-border-trust-hierarchy.docx'
 * hierarchyTableFilename('跨境信任', 'csv'); // 'hierarchy.csv'
 */
export function hierarchyTableFilename(projectName: string, ext: 'csv' | 'xlsx' | 'docx'): string {
  if (!EXTENSIONS.has(ext)) throw new RangeError(`hierarchy export: unknown file extension '${String(ext)}'`);
  const slug = projectName
    .toLowerCase()
    .replace(/[ßæœøđłþð]/g, (ch) => TRANSLITERATE[ch])
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? `hierarchy.${ext}` : `${slug}-hierarchy.${ext}`;
}

/** A table row resolved for writing: the text of each column and the spans of the first two. */
type LaidOutRow = {
  /**
   * Core, main, category, concepts: the text shown (a covered cell repeats its top cell's);
   * with links, then construct, α, M (SD), strongest coefficient, one line per link.
   */
  texts: string[];
  /** Core and main spans as given (0: covered by the cell above). */
  spans: [number, number];
  concepts: HierarchyCell[];
};

/**
 * Checks that the core and main spans each tile the rows (a run starts with its span, the rows
 * it covers have 0, it never runs past the last row, and a covered row names no other code) and
 * gives each row the texts to write. A main run may cross core runs: Word and Excel merge each
 * column on its own, and rows of unplaced codes may come one core cell ("—") per row.
 */
function layoutRows(rows: readonly HierarchyTableRow[], links?: LinkedConstructs): LaidOutRow[] {
  const core = anchors(rows, 'core', 'coreSpan');
  const main = anchors(rows, 'main', 'mainSpan');
  return rows.map((row, i) => {
    const coreCell = rows[core[i]].core;
    const mainCell = rows[main[i]].main;
    return {
      texts: [
        coreCell ? formatCell(coreCell) : NO_PARENT,
        mainCell ? formatCell(mainCell) : NO_PARENT,
        row.category ? formatCell(row.category) : NO_CATEGORY,
        row.concepts.map(formatCell).join('\n'),
        ...(links ? linkedTexts(rowLinks(row, links)) : []),
      ],
      spans: [row.coreSpan, row.mainSpan],
      concepts: row.concepts,
    };
  });
}

const headersFor = (links?: LinkedConstructs): string[] => [...HIERARCHY_TABLE_HEADERS, ...(links ? LINKED_CONSTRUCT_HEADERS : [])];

/**
 * The links of a row's codes, each once: a core or main category's on the row where its
 * (merged) cell starts, then the category's and its concepts'.
 */
export function rowLinks(row: HierarchyTableRow, links: LinkedConstructs): Array<{ code: HierarchyCell; link: LinkedConstruct }> {
  const codes = [row.coreSpan > 0 ? row.core : null, row.mainSpan > 0 ? row.main : null, row.category, ...row.concepts];
  return codes.flatMap((code) => (code ? (links[code.id] ?? []).map((link) => ({ code, link })) : []));
}

/**
 * The four linked-construct cells of a row, one line per link so the lines of the cells match:
 * "B1 ↔ Brand orientation (Survey 2024)", ".86", "3.71 (0.82)", "β = .42***" ("—" where a
 * figure is missing); all empty when the row has no link.
 */
function linkedTexts(list: ReadonlyArray<{ code: HierarchyCell; link: LinkedConstruct }>): string[] {
  if (list.length === 0) return ['', '', '', ''];
  const f = list.map(({ link }) => linkedConstructFigures(link));
  const name = (code: HierarchyCell) => code.label.trim() || code.name.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
  return [
    list.map(({ code, link }) => `${name(code)} ↔ ${link.targetName} (${link.datasetName})`).join('\n'),
    f.map((x) => x.alpha || NO_PARENT).join('\n'),
    f.map((x) => x.meanSd || NO_PARENT).join('\n'),
    f.map((x) => x.strongest || NO_PARENT).join('\n'),
  ];
}

/** For each row, the index of the row whose `key` cell covers it. */
function anchors(
  rows: readonly HierarchyTableRow[],
  key: 'core' | 'main',
  spanKey: 'coreSpan' | 'mainSpan',
): number[] {
  const result: number[] = [];
  let anchor = -1;
  let left = 0; // rows still covered by the current anchor
  rows.forEach((row, i) => {
    const span = row[spanKey];
    if (!Number.isInteger(span) || span < 0) {
      throw new RangeError(`hierarchy table row ${i + 1}: ${spanKey} ${String(span)} is not a non-negative integer`);
    }
    if (left > 0) {
      if (span !== 0) {
        throw new RangeError(
          `hierarchy table row ${i + 1}: ${spanKey} ${span} starts inside the ${key} cell of row ${anchor + 1}`,
        );
      }
      const covered = row[key];
      const top = rows[anchor][key];
      if (covered !== null && covered.id !== top?.id) {
        throw new RangeError(
          `hierarchy table row ${i + 1}: ${key} '${covered.name}' is covered by '${top?.name ?? NO_PARENT}' of row ${anchor + 1}`,
        );
      }
      left--;
    } else {
      if (span === 0) throw new RangeError(`hierarchy table row ${i + 1}: ${spanKey} is 0 but no row above spans it`);
      if (i + span > rows.length) {
        throw new RangeError(`hierarchy table row ${i + 1}: ${spanKey} ${span} runs past the last row (${rows.length})`);
      }
      anchor = i;
      left = span - 1;
    }
    result.push(anchor);
  });
  return result;
}

/** A text cell for XLSX: a string cell is never a formula, so the text goes in as it is, XML-safe. */
function xlsxText(value: string): string {
  return xmlSafe(value);
}

/**
 * The Concepts cell for XLSX: whole concepts up to Excel's cell limit, then a count of the rest
 * (a category rarely has that many; the CSV keeps them all).
 */
function xlsxConcepts(text: string): string {
  const full = xlsxText(text);
  if (full.length <= XLSX_CELL_MAX) return full;
  const lines = full.split('\n');
  const room = XLSX_CELL_MAX - 60; // the note is under 60 characters
  let kept = 0;
  let length = 0;
  while (kept < lines.length && length + lines[kept].length + 1 <= room) length += lines[kept++].length + 1;
  return `${lines.slice(0, kept).join('\n')}\n… ${lines.length - kept} more concepts (see the CSV export)`;
}
