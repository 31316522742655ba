/**
 * Coded segments as CSV and XLSX: the table a researcher pastes into an appendix or opens next
 * to the transcript (one row per coding: source, kind, case, where in the source — PDF page,
 * transcript speaker and timestamp, paragraph —, segment text, offsets, the code's label, name
 * and the categories above it, coder, memo, creation time).
 *
 * **Spreadsheet formula injection** (OWASP "CSV injection"). Segment text and memos come from
 * uploaded documents and from other project members; a cell such as `=HYPERLINK("http://evil",
 * "click")` or `@SUM(…)` would run as a formula when the file is opened in Excel, LibreOffice or
 * Google Sheets. CSV has no cell types, so there {@link neutraliseFormula} applies OWASP's rule:
 * a *text* cell whose first character is `=`, `+`, `-`, `@`, tab (U+0009) or carriage return
 * (U+000D) gets a single quote (`'`) in front of it. XLSX cells are typed: text is written as a
 * string cell (shared string, `t="s"`), which no spreadsheet evaluates, so the text goes in as
 * it is — a visible apostrophe there would only corrupt the researcher's data ("'=SUM(1,2)").
 * Numbers (Start, End) and the Created at date stay typed values in both. Source: OWASP, "CSV
 * Injection", https://owasp.org/www-community/attacks/CSV_Injection.
 *
 * Offsets: Start and End are Unicode code point offsets into the source's stored text
 * (lib/coding/offsets.ts), `End` exclusive, exported exactly as given.
 */
import Papa from 'papaparse';

import { codePointLength } from '../../coding/offsets';
import { streamingWorkbook, xmlSafe } from './xlsx-writer';

/** One coded segment, as the export writes it. */
export type CodedSegmentRow = {
  /** Source title. */
  source: string;
  /** Source kind as shown to users (e.g. "Interview"). */
  kind: string;
  /** The case the source belongs to ('' when none). */
  caseName: string;
  /** PDF page the segment starts on (null: the source has no pages). */
  page: number | null;
  /** Transcript speaker of the turn the segment starts in ('' when none or unknown). */
  speaker: string;
  /** Start time of that turn, e.g. "12:03" ('' when the source is not a transcript). */
  timestamp: string;
  /** 1-based paragraph (non-empty line) the segment starts in (lib/sources/segment-location.ts). */
  paragraph: number;
  /** The coded text. */
  text: string;
  /** Code point offset of the first character (0-based). */
  start: number;
  /** Code point offset just past the last character. */
  end: number;
  /** The code's label, e.g. "C12" ('' when never numbered). */
  codeLabel: string;
  /** Code name. */
  code: string;
  /** The categories above the code, nearest first: "B3 Reviews / A2 Signalling / CC1 Trust work". */
  codePath: string;
  /** Coder's display name. */
  coder: string;
  /** Memo as plain text ('' when none); see `memoToPlainText` in lib/coding/memo.ts. */
  memo: string;
  /** Creation time, ISO 8601 (e.g. `2026-03-01T09:30:00.000Z`). */
  createdAt: string;
};

/** Column headers, in file order (human names: the file goes into appendices as is). */
export const CODED_SEGMENT_HEADERS = [
  'Source',
  'Kind',
  'Case',
  'Page',
  'Speaker',
  'Timestamp',
  'Paragraph',
  'Segment',
  'Start',
  'End',
  'Label',
  'Code',
  'Category / main / core',
  'Coder',
  'Memo',
  'Created at',
] as const;

// 1-based columns of the typed (number, date) and wrapped cells.
const COLUMN = Object.fromEntries(CODED_SEGMENT_HEADERS.map((h, i) => [h, i + 1])) as Record<(typeof CODED_SEGMENT_HEADERS)[number], number>;

/** Name of the single worksheet of {@link codedSegmentsXlsx}. */
export const CODED_SEGMENTS_SHEET = 'Coded segments';

/**
 * Excel's limit on the characters in one cell (UTF-16 units). Longer text makes Excel
 * "repair" the workbook and drop content, so XLSX cells are cut to it with a visible marker.
 * CSV has no such limit and keeps the full text.
 */
export const XLSX_CELL_MAX = 32_767;

// First characters that make a spreadsheet treat a cell as a formula or split it (OWASP list).
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * Neutralise a text cell against spreadsheet formula injection: prefix a single quote when it
 * starts with `=`, `+`, `-`, `@`, tab or carriage return; return anything else unchanged.
 *
 * @param value - the text of one cell.
 * @returns the text, safe to open in a spreadsheet.
 * @example
 * neutraliseFormula('=1+1'); // "'=1+1"
 * neutraliseFormula('-- a pause'); // "'-- a pause"
 * neutraliseFormula('田野 notes'); // '田野 notes'
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

/**
 * Coded segments as CSV: UTF-8 with a byte order mark (so Excel on Windows reads Chinese and
 * emoji correctly instead of guessing a legacy code page), CRLF line ends (RFC 4180), a header
 * row ({@link CODED_SEGMENT_HEADERS}), quoting by papaparse. Text cells are neutralised with
 * {@link neutraliseFormula}; Page, Paragraph, Start and End are plain integers (Page empty when
 * the source has no pages); Created at is the ISO string as given (also neutralised, as every
 * text cell is).
 *
 * @param rows - the segments, in the order to write them.
 * @returns the file content; encode with `new TextEncoder().encode(csv)` for download.
 * @throws {RangeError} when a row's start/end is not a non-negative integer or start > end
 *   (the message names the row and value).
 * @example
 * const csv = codedSegmentsCsv([{ source: 'Interview 1', kind: 'Interview', caseName: 'Firm A', page: null,
 *   speaker: 'Ana', timestamp: '12:03', paragraph: 14, text: '钱和时间。', start: 120, end: 125,
 *   codeLabel: 'C4', code: 'Money', codePath: 'B1 Resources', coder: 'Ana', memo: '', createdAt: '2026-03-01T09:30:00.000Z' }]);
 * // '\uFEFFSource,Kind,Case,Page,Speaker,Timestamp,Paragraph,Segment,Start,End,Label,Code,Category / main / core,Coder,Memo,Created at\r\n'
 * // + 'Interview 1,Interview,Firm A,,Ana,12:03,14,钱和时间。,120,125,C4,Money,B1 Resources,Ana,,2026-03-01T09:30:00.000Z\r\n'
 */
export function codedSegmentsCsv(rows: readonly CodedSegmentRow[]): string {
  const data = rows.map((row, i) => {
    checkOffsets(row, i);
    return [
      neutraliseFormula(row.source),
      neutraliseFormula(row.kind),
      neutraliseFormula(row.caseName),
      row.page ?? '',
      neutraliseFormula(row.speaker),
      neutraliseFormula(row.timestamp),
      row.paragraph,
      neutraliseFormula(row.text),
      row.start,
      row.end,
      neutraliseFormula(row.codeLabel),
      neutraliseFormula(row.code),
      neutraliseFormula(row.codePath),
      neutraliseFormula(row.coder),
      neutraliseFormula(row.memo),
      neutraliseFormula(row.createdAt),
    ];
  });
  const body = Papa.unparse(
    { fields: [...CODED_SEGMENT_HEADERS], data },
    // Quoting stays papaparse's: only fields with a comma, quote, line break or edge space.
    // We neutralise formulas ourselves (not `escapeFormulae`) so CSV and XLSX share one rule.
    { newline: '\r\n', delimiter: ',', quoteChar: '"', header: true },
  );
  // RFC 4180 allows a final line break; ending every record with CRLF keeps `cat a.csv b.csv`
  // and line-oriented tools happy. (papaparse already ends a header-only file with one, and a
  // CRLF at the very end can only be a record end: a quoted field would end with '"'.)
  return `\uFEFF${body}${body.endsWith('\r\n') ? '' : '\r\n'}`;
}

/** Options of {@link codedSegmentsXlsx}. */
export type CodedSegmentsXlsxOptions = {
  /** Workbook title (File → Properties); defaults to "Coded segments". */
  title?: string;
  /** Author shown in the workbook properties; defaults to "Groundwork". */
  creator?: string;
  /** Creation time of the workbook; defaults to now (fixed in tests). */
  created?: Date;
};

// Widths in characters: wide enough for a sentence of segment or memo, narrow for numbers.
// (exceljs omits a width of exactly 9, its default, so the number columns get 10.)
const COLUMN_WIDTHS = [28, 14, 18, 10, 16, 11, 10, 60, 10, 10, 10, 24, 36, 18, 40, 20] as const;
const WRAPPED_COLUMNS = [COLUMN.Segment, COLUMN['Category / main / core'], COLUMN.Memo];
const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/**
 * Coded segments as an Excel workbook: one sheet "Coded segments" with a bold, frozen header
 * row and an auto-filter, column widths for reading, wrapped Segment, category path and Memo
 * cells, Page/Paragraph/Start/End as number cells (Page empty without pages) and Created at as
 * a date cell (UTC: Excel dates carry no time zone; the ISO string is kept as text when it is
 * not a valid date).
 *
 * Text cells are string cells, never formulas, holding the text as it is (no apostrophe: a
 * string cell cannot run, unlike a CSV field; see the module comment). Characters XML
 * cannot carry (C0 controls other than tab/line breaks, U+FFFE/U+FFFF) are dropped, lone
 * surrogates become U+FFFD, CRLF and CR become LF (Excel's in-cell line break), and text
 * beyond {@link XLSX_CELL_MAX} is cut with a "[… N more characters; see the CSV export]" note.
 *
 * @param rows - the segments, in the order to write them.
 * @param options - workbook properties.
 * @returns the .xlsx file bytes. Node.js only (uses node:stream): call it on the server.
 * @throws {RangeError} when a row's start/end is not a non-negative integer or start > end.
 * @example
 * const bytes = await codedSegmentsXlsx(rows, { title: 'Coded segments: Project Alpha' });
 * return new Response(bytes, { headers: { 'Content-Type':
 *   'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
 */
export async function codedSegmentsXlsx(
  rows: readonly CodedSegmentRow[],
  options: CodedSegmentsXlsxOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  rows.forEach(checkOffsets);
  const created = options.created ?? new Date();
  const creator = options.creator ?? 'Groundwork';

  // The streaming writer: see xlsx-writer.ts (writeBuffer corrupts emoji at 16K boundaries).
  const { workbook, finish } = streamingWorkbook({ creator, created });
  workbook.title = options.title ?? CODED_SEGMENTS_SHEET;
  workbook.subject = 'Coded segments';
  workbook.description =
    'Coded segments exported from Groundwork. Paragraph counts the non-empty lines of the source ' +
    'text; Start and End are Unicode code point offsets into it (End exclusive). Created at is in UTC.';

  const sheet = workbook.addWorksheet(CODED_SEGMENTS_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }],
  });
  sheet.columns = CODED_SEGMENT_HEADERS.map((header, i) => ({ header, width: COLUMN_WIDTHS[i] }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CODED_SEGMENT_HEADERS.length } };

  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'middle' };
  headerRow.commit();

  for (const row of rows) {
    const createdAt = parseIsoDate(row.createdAt);
    const added = sheet.addRow([
      xlsxText(row.source),
      xlsxText(row.kind),
      xlsxText(row.caseName),
      row.page ?? null,
      xlsxText(row.speaker),
      xlsxText(row.timestamp),
      row.paragraph,
      xlsxText(row.text),
      row.start,
      row.end,
      xlsxText(row.codeLabel),
      xlsxText(row.code),
      xlsxText(row.codePath),
      xlsxText(row.coder),
      xlsxText(row.memo),
      createdAt ?? xlsxText(row.createdAt),
    ]);
    added.alignment = { vertical: 'top' };
    for (const col of WRAPPED_COLUMNS) {
      added.getCell(col).alignment = { vertical: 'top', wrapText: true };
    }
    if (createdAt) added.getCell(COLUMN['Created at']).numFmt = DATE_FORMAT;
    added.commit();
  }
  sheet.commit();
  return finish();
}

function checkOffsets(row: CodedSegmentRow, i: number): void {
  for (const key of ['start', 'end', 'paragraph'] as const) {
    const v = row[key];
    if (!Number.isInteger(v) || v < 0) {
      throw new RangeError(`coded segment row ${i + 1}: ${key} ${String(v)} is not a non-negative integer`);
    }
  }
  if (row.start > row.end) {
    throw new RangeError(`coded segment row ${i + 1}: start ${row.start} is after end ${row.end}`);
  }
}

/**
 * A text cell for XLSX: the text as it is (a string cell is never a formula), XML-safe and
 * within Excel's cell limit.
 */
export function xlsxText(value: string): string {
  let text = xmlSafe(value);
  if (text.length > XLSX_CELL_MAX) {
    // Keep room for the note (under 80 characters).
    let cut = XLSX_CELL_MAX - 80;
    // Never cut an emoji or rare CJK character in half.
    const c = text.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--;
    text = `${text.slice(0, cut)} [… ${codePointLength(text.slice(cut))} more characters; see the CSV export]`;
  }
  return text;
}

// Accepts what `Date.prototype.toISOString` and the database write: a calendar date with an
// optional time and zone. Anything else stays text rather than a guessed date.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function parseIsoDate(value: string): Date | undefined {
  if (!ISO_DATE.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
