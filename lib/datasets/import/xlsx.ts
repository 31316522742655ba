/**
 * Excel workbooks (.xlsx) → raw columns of one worksheet, through exceljs.
 *
 * The zip is checked and unpacked by lib/io's zip guard first (entry count, declared and actual
 * uncompressed sizes, compression ratio), and exceljs gets a re-packed archive of the verified
 * XML parts only — never the upload — so a zip bomb cannot reach it.
 *
 * Cells: numbers stay numbers; dates (cells with a date format) become ISO strings
 * ('2024-03-01', or '2024-03-01T09:30:00' with a time); formulas give their cached result
 * (the value Excel last computed and saved); rich text and hyperlinks give their text;
 * TRUE/FALSE become the strings 'TRUE'/'FALSE'; error values (#N/A, #DIV/0!) are missing.
 * The header is the first non-empty row (or `headerRow`); fully empty rows are skipped.
 */
import type ExcelJS from 'exceljs';
import { zipSync } from 'fflate';

import { checkZipLimits, extractZipEntries, readZipDirectory, type ZipEntry, ZipGuardError, type ZipLimits } from '@/lib/io/zip-guard';

import { checkHeader, columnLetter } from './csv';
import { DatasetImportError } from './errors';
import { type DatasetLimits, formatBytes } from './limits';
import type { RawCell, RawTable } from './table';

/** Options of {@link readXlsx}. */
export type ReadXlsxOptions = {
  /** The worksheet's name; default: the first visible sheet with data. */
  sheet?: string;
  /** The 1-based sheet row holding the column names; default: the first non-empty row. */
  headerRow?: number;
  limits: DatasetLimits;
};

/** A worksheet read as a table. */
export type XlsxTable = {
  table: RawTable;
  /** All worksheet names, in workbook order. */
  sheets: string[];
  /** The sheet that was read. */
  sheet: string;
};

/**
 * Read one worksheet of an .xlsx file.
 *
 * @param bytes - the workbook.
 * @param options - sheet, header row and limits.
 * @returns the sheet's columns, the sheet names and the sheet read.
 * @throws {DatasetImportError} `CORRUPT_XLSX`, `ZIP_BOMB`, `UNSUPPORTED_FORMAT` (a zip that is
 *   not a workbook), `SHEET_NOT_FOUND`, `EMPTY_FILE`, `BAD_HEADER`, `RAGGED_ROW` (a value in a
 *   column without a header), `TOO_LARGE`.
 * @example
 * const { table, sheets } = await readXlsx(bytes, { limits: DATASET_LIMITS });
 */
export async function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions): Promise<XlsxTable> {
  const workbook = await loadWorkbook(bytes, options.limits);
  const worksheets = workbook.worksheets;
  const sheets = worksheets.map((w) => w.name);
  if (worksheets.length === 0) throw new DatasetImportError('EMPTY_FILE', 'This workbook has no worksheets.');
  let worksheet: ExcelJS.Worksheet | undefined;
  if (options.sheet !== undefined) {
    worksheet = worksheets.find((w) => w.name === options.sheet);
    if (!worksheet) {
      throw new DatasetImportError('SHEET_NOT_FOUND', `The workbook has no sheet '${options.sheet}'. Its sheets are: ${sheets.map((s) => `'${s}'`).join(', ')}.`, { sheet: options.sheet });
    }
  } else {
    const visible = worksheets.filter((w) => w.state === 'visible' || w.state === undefined);
    worksheet = visible.find((w) => w.actualRowCount > 0) ?? visible[0] ?? worksheets[0];
  }
  return { table: readWorksheet(worksheet, options), sheets, sheet: worksheet.name };
}

/**
 * The worksheet names of an .xlsx file.
 *
 * @param bytes - the workbook.
 * @param limits - the limits (for the zip check).
 * @returns the names in workbook order.
 * @throws {DatasetImportError} as {@link readXlsx} for an unreadable workbook.
 * @example
 * await listSheets(bytes, DATASET_LIMITS); // ['Responses', 'Codebook']
 */
export async function listSheets(bytes: Uint8Array, limits: DatasetLimits): Promise<string[]> {
  const workbook = await loadWorkbook(bytes, limits);
  return workbook.worksheets.map((w) => w.name);
}

async function loadWorkbook(bytes: Uint8Array, limits: DatasetLimits): Promise<ExcelJS.Workbook> {
  const zipLimits: ZipLimits = { maxEntries: 5000, maxTotalUncompressed: limits.maxUncompressedBytes, maxRatio: 200, ratioMinSize: 1024 * 1024 };
  let files: Record<string, Uint8Array>;
  try {
    const entries = readZipDirectory(bytes);
    if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
      throw new DatasetImportError('UNSUPPORTED_FORMAT', 'This zip file is not an Excel workbook (.xlsx). Upload a CSV, an .xlsx or an SPSS .sav file.');
    }
    checkZipLimits(entries, zipLimits);
    files = extractZipEntries(bytes, entries.filter(isWorkbookPart), zipLimits);
  } catch (error) {
    if (!(error instanceof ZipGuardError)) throw error;
    if (error.reason === 'bomb') {
      throw new DatasetImportError(
        'ZIP_BOMB',
        `This workbook would expand to far more data than a spreadsheet holds (${error.message}; the limit is ${formatBytes(limits.maxUncompressedBytes)}), so it was refused for safety. If it is genuine, open it in Excel and save it again, or export the sheet as CSV.`,
        {},
        error,
      );
    }
    if (error.reason === 'encrypted') throw new DatasetImportError('ENCRYPTED_XLSX', 'This workbook is password-protected. Remove the password in Excel and upload it again.', {}, error);
    throw new DatasetImportError('CORRUPT_XLSX', `This Excel file cannot be read: ${error.message}. It may be truncated or damaged; save it again in Excel and upload the new copy.`, {}, error);
  }
  const repacked = zipSync(files as Record<string, Uint8Array>, { level: 0 });
  // Loaded on first use: exceljs is large, and importers of this module's types or limits
  // (forms, client components) should not carry it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // exceljs's types want a Node Buffer; the bytes are the same.
    await workbook.xlsx.load(Buffer.from(repacked.buffer, repacked.byteOffset, repacked.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new DatasetImportError('CORRUPT_XLSX', `This Excel file cannot be read (${(error as Error).message}). It may be damaged; save it again in Excel and upload the new copy.`, {}, error);
  }
  return workbook;
}

/** The XML parts exceljs reads; images, printer settings and macros stay out. */
function isWorkbookPart(e: ZipEntry): boolean {
  return !e.name.endsWith('/') && (e.name.endsWith('.xml') || e.name.endsWith('.rels'));
}

function readWorksheet(worksheet: ExcelJS.Worksheet, options: ReadXlsxOptions): RawTable {
  const { limits } = options;
  const sheet = worksheet.name;
  if (worksheet.actualRowCount - 1 > limits.maxRows) {
    throw new DatasetImportError('TOO_LARGE', `Sheet '${sheet}' has more than ${limits.maxRows.toLocaleString('en-US')} rows; split it before importing.`, { sheet });
  }
  let headerRowNumber: number | undefined;
  let firstCol = 0;
  let lastCol = 0;
  let header: string[] = [];
  let columns: RawCell[][] = [];
  let kept = 0;
  let rowNumbers: number[] | undefined;
  let errorCells = 0;
  let uncomputed = 0;
  let failure: DatasetImportError | undefined;

  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (failure) return;
    if (headerRowNumber === undefined) {
      if (options.headerRow !== undefined && rowNumber < options.headerRow) return;
      const cells = new Map<number, string>();
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const v = readCell(cell.value);
        if (v !== null && !(typeof v === 'object')) cells.set(col, String(v).trim());
      });
      const cols = [...cells.entries()].filter(([, v]) => v !== '').map(([c]) => c);
      if (cols.length === 0) return; // an empty-looking row (only formats) before the header
      headerRowNumber = rowNumber;
      firstCol = Math.min(...cols);
      lastCol = Math.max(...cols);
      if (lastCol - firstCol + 1 > limits.maxColumns) {
        failure = new DatasetImportError('TOO_LARGE', `Sheet '${sheet}' has ${lastCol - firstCol + 1} columns; Groundwork imports at most ${limits.maxColumns.toLocaleString('en-US')}.`, { sheet });
        return;
      }
      const raw = Array.from({ length: lastCol - firstCol + 1 }, (_, k) => cells.get(firstCol + k) ?? '');
      try {
        header = checkHeader(raw, limits, (k) => ({ text: `column ${columnLetter(firstCol - 1 + k)} (cell ${columnLetter(firstCol - 1 + k)}${rowNumber})`, letter: columnLetter(firstCol - 1 + k) }));
      } catch (error) {
        failure = error instanceof DatasetImportError ? new DatasetImportError(error.code, error.message, { column: error.column, sheet }) : (error as DatasetImportError);
        return;
      }
      columns = header.map(() => []);
      return;
    }
    const dataRow = rowNumber - headerRowNumber;
    const values: RawCell[] = new Array(header.length).fill(null);
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (failure) return;
      let v = readCell(cell.value);
      if (v !== null && typeof v === 'object') {
        // The cell holds something (an error, a formula): the row is not empty, the value is missing.
        if (v.kind === 'error') errorCells++;
        else uncomputed++;
        v = null;
        if (col >= firstCol && col <= lastCol) any = true;
      }
      if (v === null || v === '') return;
      if (col < firstCol || col > lastCol) {
        failure = new DatasetImportError(
          'RAGGED_ROW',
          `Row ${dataRow} (sheet row ${rowNumber}) has a value in column ${columnLetter(col - 1)}, which has no header. Give the column a name or delete the value.`,
          { row: dataRow, column: columnLetter(col - 1), sheet },
        );
        return;
      }
      values[col - firstCol] = v;
      any = true;
    });
    if (failure || !any) return;
    if (kept >= limits.maxRows) {
      failure = new DatasetImportError('TOO_LARGE', `Sheet '${sheet}' has more than ${limits.maxRows.toLocaleString('en-US')} rows; split it before importing.`, { sheet });
      return;
    }
    if ((kept + 1) * header.length > limits.maxCells) {
      failure = new DatasetImportError('TOO_LARGE', `Sheet '${sheet}' has more than ${limits.maxCells.toLocaleString('en-US')} cells; import fewer columns or rows.`, { sheet });
      return;
    }
    if (dataRow !== kept + 1 && !rowNumbers) rowNumbers = Array.from({ length: kept }, (_, i) => i + 1);
    rowNumbers?.push(dataRow);
    for (let j = 0; j < header.length; j++) columns[j].push(values[j]);
    kept++;
  });
  if (failure) throw failure;
  if (headerRowNumber === undefined) {
    throw new DatasetImportError('EMPTY_FILE', options.headerRow ? `Sheet '${sheet}' has nothing from row ${options.headerRow} on.` : `Sheet '${sheet}' is empty.`, { sheet });
  }
  const warnings: string[] = [];
  if (errorCells > 0) warnings.push(`${errorCells} cell${errorCells === 1 ? '' : 's'} with Excel errors (#N/A, #DIV/0!, …) were read as missing.`);
  if (uncomputed > 0) {
    warnings.push(`${uncomputed} formula cell${uncomputed === 1 ? ' has' : 's have'} no saved result and were read as missing. Open the file in Excel, let it recalculate and save it again.`);
  }
  return {
    columns: header.map((name, j) => ({ name, label: '', cells: columns[j], valueLabels: {}, missingCodes: [], hint: {} })),
    rowCount: kept,
    ...(rowNumbers ? { rowNumbers } : {}),
    warnings,
  };
}

type CellProblem = { kind: 'error' | 'uncomputed' };

/** An exceljs cell value as a raw cell (or the reason it has none). */
function readCell(value: ExcelJS.CellValue): RawCell | CellProblem {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateToIso(value);
  if ('error' in value) return { kind: 'error' };
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined) return { kind: 'uncomputed' };
    return readCell(result as ExcelJS.CellValue);
  }
  if ('text' in value) {
    const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
    return typeof text === 'string' ? text.trim() : readCell(text as ExcelJS.CellValue);
  }
  return null;
}

/**
 * A spreadsheet date as ISO 8601. exceljs gives Excel's serial dates as UTC instants.
 *
 * @param d - the date.
 * @returns '2024-03-01', or '2024-03-01T09:30:00' when it has a time of day.
 * @example
 * dateToIso(new Date(Date.UTC(2024, 2, 1))); // '2024-03-01'
 */
export function dateToIso(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}
