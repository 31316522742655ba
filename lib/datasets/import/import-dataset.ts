/**
 * Survey datasets in: bytes of a CSV, an Excel workbook or an SPSS file → a preview (inferred
 * variables, the first rows, warnings) the user checks and corrects, then the {@link Dataset}.
 *
 * Pure: bytes in, data out, no I/O — the server runs it in a worker thread. Every failure is a
 * {@link DatasetImportError} naming the row and column, and nothing partial is returned.
 *
 * Flow: size check → format (magic bytes first, then the extension) → raw table (decoding and
 * delimiter for CSV; sheet for XLSX; dictionary for SPSS) → column profiles over all rows →
 * inferred types → the user's type overrides, validated against the profiles → conversion.
 */
import type { Cell } from '@/lib/stats/frame';
import { describeOle, sniffBytes } from '@/lib/io/sniff';

import type { Dataset, Variable } from '../types';
import { type CsvDelimiter, detectDecimalComma, readCsvTable } from './csv';
import { decodeCsv } from './encoding';
import { DatasetImportError } from './errors';
import {
  type ColumnProfile,
  convertColumn,
  type DateOrder,
  inferVariables,
  overrideTypes,
  profileColumns,
  type TypeOverrides,
} from './infer';
import { type DatasetLimits, formatBytes, resolveLimits } from './limits';
import { readSav, savToTable } from './sav';
import type { RawCell, RawTable } from './table';
import { readXlsx } from './xlsx';

/** The file formats Groundwork imports datasets from. */
export type DatasetFormat = 'csv' | 'xlsx' | 'sav';

/** How a file is read; every field is optional (detected or defaulted). */
export type ImportOptions = {
  /** Force a format instead of detecting it. */
  format?: DatasetFormat;
  /** CSV: a text encoding to use instead of detecting it ('gbk', 'windows-1252', 'utf-8', …). */
  encoding?: string;
  /** CSV: the delimiter instead of detecting it: ',', ';', '|', a tab or 'tab'. */
  delimiter?: string;
  /** CSV: whether numbers use decimal commas ("3,5"), instead of detecting it. */
  decimalComma?: boolean;
  /** XLSX: the worksheet to read (default: the first visible sheet with data). */
  sheet?: string;
  /** XLSX: the 1-based sheet row with the column names (default: the first non-empty row). */
  headerRow?: number;
  /** Column name → the type the user chose. */
  overrides?: TypeOverrides;
  /** Tighter or looser limits than {@link DATASET_LIMITS}. */
  limits?: Partial<DatasetLimits>;
};

/** Rows shown in a preview. */
export const PREVIEW_ROWS = 20;

/** What the user sees before importing. Plain data (can be sent to the browser). */
export type DatasetPreview = {
  readonly format: DatasetFormat;
  /** CSV: the text encoding (WHATWG name). */
  readonly encoding?: string;
  /** CSV: the delimiter. */
  readonly delimiter?: CsvDelimiter;
  /** CSV: whether decimal commas were read. */
  readonly decimalComma?: boolean;
  /** XLSX: all worksheet names. */
  readonly sheets?: readonly string[];
  /** XLSX: the sheet read. */
  readonly sheet?: string;
  readonly variables: readonly Variable[];
  /** The first {@link PREVIEW_ROWS} rows, converted, one array per row in variable order. */
  readonly sampleRows: readonly (readonly Cell[])[];
  readonly rowCount: number;
  readonly warnings: readonly string[];
  /** Per variable, facts over all rows: lets {@link applyTypeOverrides} validate the whole file. */
  readonly profiles: readonly ColumnProfile[];
  /** The same rows as `sampleRows` as read, before conversion (re-converted on a type change). */
  readonly sampleRaw: readonly (readonly RawCell[])[];
  /** File row numbers of the sample rows, when empty rows were skipped. */
  readonly sampleRowNumbers?: readonly number[];
  /** Day/month order chosen for date variables written with slashes. */
  readonly dateOrders: Readonly<Record<string, DateOrder>>;
};

type ReadResult = {
  table: RawTable;
  format: DatasetFormat;
  decimalComma: boolean;
  meta: Pick<DatasetPreview, 'encoding' | 'delimiter' | 'decimalComma' | 'sheets' | 'sheet'>;
  warnings: string[];
};

/**
 * Read a file and infer its variables, for the user to check.
 *
 * @param bytes - the uploaded file.
 * @param fileName - its name (the extension is a hint; the bytes decide).
 * @param options - encoding, delimiter, decimal comma, sheet, header row, type overrides, limits.
 * @returns the preview: format details, variables, the first 20 rows, the row count, warnings.
 * @throws {DatasetImportError} for an empty, oversized, unsupported, malformed or corrupt file,
 *   naming the row and column where there is one.
 * @example
 * const preview = await previewDataset(bytes, 'survey.csv');
 * preview.variables.map((v) => [v.name, v.type]); // [['id', 'numeric'], ['q1', 'likert'], …]
 */
export async function previewDataset(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<DatasetPreview> {
  const read = await readTable(bytes, fileName, options);
  const { table } = read;
  const profiles = profileColumns(table, { decimalComma: read.decimalComma });
  const inferred = inferVariables(table, { profiles });
  const { variables, plans } = overrideTypes(inferred.variables, profiles, options.overrides ?? {});
  const dateOrders: Record<string, DateOrder> = {};
  variables.forEach((v, j) => {
    const order = plans[j].dateOrder;
    if (v.type === 'date' && order) dateOrders[v.name] = order;
  });
  const n = Math.min(PREVIEW_ROWS, table.rowCount);
  const sampleRaw = Array.from({ length: n }, (_, i) => table.columns.map((c) => c.cells[i]));
  const sampleRowNumbers = table.rowNumbers?.slice(0, n);
  const base = {
    format: read.format,
    ...read.meta,
    rowCount: table.rowCount,
    warnings: [...read.warnings, ...table.warnings, ...inferred.warnings],
    profiles,
    sampleRaw,
    ...(sampleRowNumbers ? { sampleRowNumbers } : {}),
  };
  return { ...base, variables, dateOrders, sampleRows: convertSample(base, variables, dateOrders) };
}

/**
 * Change the types of some variables of a preview. Values are validated against the whole
 * file (through the preview's profiles), so an error names the first offending row anywhere;
 * the sample rows are converted again.
 *
 * @param preview - from {@link previewDataset} (or a previous call).
 * @param overrides - column name → type, e.g. `{ age: 'numeric', q7: { type: 'likert', likert: { min: 1, max: 7 } } }`.
 * @returns a new preview with the new types.
 * @throws {DatasetImportError} `INVALID_VALUE` naming the row and column of a value that does
 *   not fit (text in a numeric column, 9 on a 1–5 scale, a non-date); `INVALID_OPTION` for an
 *   unknown column or a Likert range that cannot be used.
 * @example
 * applyTypeOverrides(preview, { zip: 'categorical' }).variables;
 */
export function applyTypeOverrides(preview: DatasetPreview, overrides: TypeOverrides): DatasetPreview {
  const { variables, plans } = overrideTypes(preview.variables, preview.profiles, overrides);
  const dateOrders: Record<string, DateOrder> = {};
  variables.forEach((v, j) => {
    const order = plans[j].dateOrder ?? preview.dateOrders[v.name];
    if (v.type === 'date' && order) dateOrders[v.name] = order;
  });
  return { ...preview, variables, dateOrders, sampleRows: convertSample(preview, variables, dateOrders) };
}

/**
 * Read a file into a dataset: the preview's inference plus the user's overrides, every row
 * converted and validated.
 *
 * @param bytes - the uploaded file.
 * @param fileName - its name.
 * @param options - the same options as for the preview, with the user's type overrides.
 * @returns the dataset: variables with metadata, one column per variable, the row count.
 * @throws {DatasetImportError} as {@link previewDataset}, and `INVALID_VALUE` naming the row and
 *   column of the first value that does not fit a forced type.
 * @example
 * const dataset = await parseDataset(bytes, 'survey.sav', { overrides: { income: 'numeric' } });
 * dataset.columns.q1; // [4, null, 2, …]
 */
export async function parseDataset(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<Dataset> {
  const read = await readTable(bytes, fileName, options);
  const { table } = read;
  const profiles = profileColumns(table, { decimalComma: read.decimalComma });
  const inferred = inferVariables(table, { profiles });
  const { variables, plans } = overrideTypes(inferred.variables, profiles, options.overrides ?? {});
  const entries = variables.map((v, j): [string, Cell[]] => [v.name, convertColumn(table, table.columns[j], v, { decimalComma: read.decimalComma, ...plans[j] })]);
  return { variables, columns: Object.fromEntries(entries), rowCount: table.rowCount };
}

function convertSample(
  preview: Pick<DatasetPreview, 'sampleRaw' | 'sampleRowNumbers' | 'decimalComma'>,
  variables: readonly Variable[],
  dateOrders: Readonly<Record<string, DateOrder>>,
): Cell[][] {
  const rows = preview.sampleRaw;
  const table = { rowNumbers: preview.sampleRowNumbers };
  const columns = variables.map((v, j) =>
    convertColumn(table, { cells: rows.map((r) => r[j]) }, v, { decimalComma: preview.decimalComma ?? false, dateOrder: dateOrders[v.name] }),
  );
  return rows.map((_, i) => columns.map((c) => c[i]));
}

async function readTable(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ReadResult> {
  const limits = resolveLimits(options.limits);
  if (bytes.length === 0) throw new DatasetImportError('EMPTY_FILE', 'This file is empty (0 bytes).');
  if (bytes.length > limits.maxBytes) {
    throw new DatasetImportError('TOO_LARGE', `This file is ${formatBytes(bytes.length)}; Groundwork imports datasets up to ${formatBytes(limits.maxBytes)}. Split it or save it in a more compact format (SPSS .sav, .xlsx).`);
  }
  const format = options.format ?? detectFormat(bytes, fileName);
  if (format === 'sav') {
    const sav = readSav(bytes, limits);
    const table = savToTable(sav);
    return { table, format, decimalComma: false, meta: { encoding: sav.encoding }, warnings: [] };
  }
  if (format === 'xlsx') {
    const { table, sheets, sheet } = await readXlsx(bytes, { sheet: options.sheet, headerRow: options.headerRow, limits });
    return { table, format, decimalComma: false, meta: { sheets, sheet }, warnings: [] };
  }
  const decoded = decodeCsv(bytes, options.encoding);
  if (decoded.text.trim() === '') throw new DatasetImportError('EMPTY_FILE', 'This file is empty: it has no header row and no data.');
  const { table, delimiter } = readCsvTable(decoded.text, { delimiter: delimiterOption(options.delimiter), limits });
  const decimalComma = options.decimalComma ?? detectDecimalComma(table, delimiter);
  const warnings = [...decoded.warnings];
  if (decimalComma && options.decimalComma === undefined) warnings.push('Numbers were read with decimal commas (3,5 = 3.5).');
  return { table, format: 'csv', decimalComma, meta: { encoding: decoded.encoding, delimiter, decimalComma }, warnings };
}

function delimiterOption(value: string | undefined): CsvDelimiter | undefined {
  if (value === undefined || value === '') return undefined;
  const delimiter = value.toLowerCase() === 'tab' ? '\t' : value;
  if (delimiter === ',' || delimiter === ';' || delimiter === '\t' || delimiter === '|') return delimiter;
  throw new DatasetImportError('INVALID_OPTION', `'${value}' is not a CSV delimiter Groundwork reads; use a comma, a semicolon, a tab or '|'.`);
}

const CSV_EXTENSIONS = new Set(['csv', 'tsv', 'txt', 'tab', 'dat', '']);

/**
 * The format of an uploaded dataset: the bytes decide (an SPSS signature, a zip, a legacy
 * Office file), the extension only for text.
 *
 * @param bytes - the file (not empty).
 * @param fileName - its name.
 * @returns 'sav', 'xlsx' or 'csv'.
 * @throws {DatasetImportError} `UNSUPPORTED_FORMAT` for .xls, PDF, images and other binaries or
 *   unknown extensions; `ENCRYPTED_XLSX` for a password-protected workbook; `CORRUPT_SAV` or
 *   `CORRUPT_XLSX` for a text file named .sav or .xlsx.
 * @example
 * detectFormat(bytes, 'Umfrage.CSV'); // 'csv'
 */
export function detectFormat(bytes: Uint8Array, fileName: string): DatasetFormat {
  const head = String.fromCharCode(...bytes.subarray(0, 4));
  if (head === '$FL2' || head === '$FL3') return 'sav';
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const sniffed = sniffBytes(bytes);
  const supported = 'Upload a CSV file, an Excel workbook (.xlsx) or an SPSS data file (.sav).';
  switch (sniffed.kind) {
    case 'zip':
      return 'xlsx';
    case 'ole': {
      const ole = describeOle(bytes);
      if (ole === 'encrypted-ooxml') throw new DatasetImportError('ENCRYPTED_XLSX', 'This workbook is password-protected. Remove the password in Excel and upload it again.');
      throw new DatasetImportError(
        'UNSUPPORTED_FORMAT',
        ole === 'excel-97' || extension === 'xls'
          ? 'This is an Excel 97–2003 workbook (.xls). Open it in Excel and save it as .xlsx or CSV, then upload that.'
          : `This is a legacy Microsoft Office file, not a dataset. ${supported}`,
      );
    }
    case 'pdf':
      throw new DatasetImportError('UNSUPPORTED_FORMAT', `This is a PDF document, not a dataset. ${supported}`);
    case 'binary':
      throw new DatasetImportError('UNSUPPORTED_FORMAT', `This file is ${sniffed.description}, not a dataset. ${supported}`);
    case 'text':
      break;
  }
  if (extension === 'sav' || extension === 'zsav') throw new DatasetImportError('CORRUPT_SAV', 'This file is named .sav but is not an SPSS data file (it does not start with the SPSS signature). Save it again from SPSS.');
  if (extension === 'xlsx' || extension === 'xlsm') throw new DatasetImportError('CORRUPT_XLSX', 'This file is named .xlsx but is not an Excel workbook. Save it again in Excel.');
  if (extension === 'xls') throw new DatasetImportError('UNSUPPORTED_FORMAT', 'This file is named .xls but is not a workbook Groundwork can read. Save it as .xlsx or CSV in Excel.');
  if (!CSV_EXTENSIONS.has(extension)) throw new DatasetImportError('UNSUPPORTED_FORMAT', `Groundwork does not import .${extension} files as datasets. ${supported}`);
  return 'csv';
}
