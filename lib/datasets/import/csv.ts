/**
 * CSV text → raw columns: the delimiter (comma, semicolon, tab, or pipe) is detected from the
 * first lines, the rows are parsed by papaparse (RFC 4180 quoting) one at a time straight into
 * columns, and every structural problem is an error naming the data row: a quoted field that is
 * never closed, a row with more or fewer fields than the header, a blank or repeated header.
 *
 * Empty rows (a blank line, or only delimiters — Excel leaves ";;;;" lines after deleted rows)
 * are skipped; error messages still name the row as it is numbered in the file.
 */
import Papa from 'papaparse';

import { DatasetImportError } from './errors';
import type { DatasetLimits } from './limits';
import type { RawTable } from './table';

/** The delimiters a CSV may use. */
export type CsvDelimiter = ',' | ';' | '\t' | '|';

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];
// Enough lines to see the pattern; cut at a line end so no quoted field is split in the sample.
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 50;

/**
 * Detect a CSV's delimiter: the candidate that splits the header into the most fields while
 * giving (nearly) every sample row the header's number of fields. A German or French Excel
 * file ("id;score\n1;3,5") has one field per line when split at commas, so the semicolon wins
 * even though every row has commas. A file of one column falls back to the comma.
 *
 * @param text - the CSV text.
 * @returns the delimiter.
 * @example
 * detectDelimiter('id;score\n1;3,5\n2;4,0'); // ';'
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (sample.length < text.length) {
    const lastNewline = sample.lastIndexOf('\n');
    if (lastNewline > 0) sample = sample.slice(0, lastNewline);
  }
  let best: { delimiter: CsvDelimiter; consistency: number; fields: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, newline: '\n', preview: SAMPLE_ROWS + 1, skipEmptyLines: 'greedy' }).data;
    if (rows.length === 0) continue;
    const fields = rows[0].length;
    if (fields < 2) continue;
    const body = rows.slice(1);
    const consistency = body.length === 0 ? 1 : body.filter((r) => r.length === fields).length / body.length;
    if (!best || consistency > best.consistency || (consistency === best.consistency && fields > best.fields)) {
      best = { delimiter, consistency, fields };
    }
  }
  return best?.delimiter ?? ',';
}

/** Options of {@link readCsvTable}. */
export type ReadCsvOptions = {
  /** The delimiter; detected when absent. */
  delimiter?: CsvDelimiter;
  limits: DatasetLimits;
};

/**
 * Parse CSV text into raw columns of trimmed strings.
 *
 * @param text - the decoded CSV (first record = header).
 * @param options - the delimiter and the limits.
 * @returns the columns ('' for an empty field) and the delimiter used.
 * @throws {DatasetImportError} `EMPTY_FILE` (no header), `BAD_HEADER` (a blank or repeated
 *   name), `RAGGED_ROW` (a row with more or fewer fields than the header), `MALFORMED_CSV`
 *   (a quote that is never closed), `TOO_LARGE` (over the column, row or cell limit).
 * @example
 * readCsvTable('id,city\n1,Köln', { limits: DATASET_LIMITS }).table.columns[1].cells; // ['Köln']
 */
export function readCsvTable(text: string, options: ReadCsvOptions): { table: RawTable; delimiter: CsvDelimiter } {
  const { limits } = options;
  // Excel's own hint line, "sep=;", declares the delimiter and is not part of the data.
  const sep = /^sep=([,;\t|])\n/i.exec(text);
  if (sep) text = text.slice(sep[0].length);
  const delimiter = options.delimiter ?? (sep ? (sep[1] as CsvDelimiter) : detectDelimiter(text));
  let header: string[] | undefined;
  let columns: string[][] = [];
  let record = 0; // 0 = the header; then the file's data row number
  let kept = 0;
  let rowNumbers: number[] | undefined;
  let pendingSkip = false;
  let failure: DatasetImportError | undefined;

  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    step: (results, parser) => {
      const fields = results.data;
      const quoteError = results.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        const row = header ? record + 1 : 0;
        const where = row === 0 ? 'the header' : `row ${row}`;
        failure = new DatasetImportError(
          'MALFORMED_CSV',
          `The CSV is malformed at ${where}: a quoted field is not closed properly (${quoteError.message.replace(/\.$/, '').toLowerCase()}). Check the quotes around that row.`,
          row === 0 ? {} : { row },
        );
        parser.abort();
        return;
      }
      if (!header) {
        if (isBlank(fields)) return; // blank lines before the header
        header = checkHeader(fields, limits);
        columns = header.map(() => []);
        return;
      }
      record++;
      if (isBlank(fields)) {
        pendingSkip = true;
        return;
      }
      if (fields.length !== header.length) {
        failure = raggedRow(record, fields, header);
        parser.abort();
        return;
      }
      if (kept >= limits.maxRows) {
        failure = new DatasetImportError('TOO_LARGE', `This file has more than ${limits.maxRows.toLocaleString('en-US')} rows; split it before importing.`);
        parser.abort();
        return;
      }
      if ((kept + 1) * header.length > limits.maxCells) {
        failure = new DatasetImportError(
          'TOO_LARGE',
          `This file has more than ${limits.maxCells.toLocaleString('en-US')} cells (${header.length.toLocaleString('en-US')} columns × ${(kept + 1).toLocaleString('en-US')}+ rows); import fewer columns or rows.`,
        );
        parser.abort();
        return;
      }
      if (pendingSkip && !rowNumbers) rowNumbers = Array.from({ length: kept }, (_, i) => i + 1);
      pendingSkip = false;
      rowNumbers?.push(record);
      for (let j = 0; j < fields.length; j++) columns[j].push(trimField(fields[j]));
      kept++;
    },
  });
  if (failure) throw failure;
  if (!header) throw new DatasetImportError('EMPTY_FILE', 'This file is empty: there is no header row with column names.');
  const names = header;
  return {
    table: {
      columns: names.map((name, j) => ({ name, label: '', cells: columns[j], valueLabels: {}, missingCodes: [], hint: {} })),
      rowCount: kept,
      ...(rowNumbers ? { rowNumbers } : {}),
      warnings: [],
    },
    delimiter,
  };
}

function isBlank(fields: string[]): boolean {
  for (const f of fields) if (f.length > 0 && f.trim() !== '') return false;
  return true;
}

/** Trim only when needed: most fields have no surrounding blanks, and trim() allocates. */
function trimField(f: string): string {
  if (f.length === 0) return f;
  const a = f.charCodeAt(0);
  const b = f.charCodeAt(f.length - 1);
  return a <= 32 || b <= 32 || a === 0xa0 || b === 0xa0 || a === 0x3000 || b === 0x3000 ? f.trim() : f;
}

/**
 * Header names, trimmed; every one present and unique.
 *
 * @param cells - the header row's cells.
 * @param limits - the column limit.
 * @param describe - how messages name the j-th header cell (default "column 3")
 *   and its letter for the error's `column` field.
 * @returns the names.
 * @throws {DatasetImportError} `BAD_HEADER` naming the blank or repeated column, or `TOO_LARGE`.
 * @example
 * checkHeader(['id', ' q1 '], DATASET_LIMITS); // ['id', 'q1']
 */
export function checkHeader(
  cells: readonly string[],
  limits: DatasetLimits,
  describe: (j: number) => { text: string; letter: string } = (j) => ({ text: `column ${j + 1}`, letter: columnLetter(j) }),
): string[] {
  if (cells.length > limits.maxColumns) {
    throw new DatasetImportError('TOO_LARGE', `This file has ${cells.length.toLocaleString('en-US')} columns; Groundwork imports at most ${limits.maxColumns.toLocaleString('en-US')}.`);
  }
  const names = cells.map((c) => c.trim());
  const seen = new Map<string, number>();
  names.forEach((name, j) => {
    if (name === '') {
      const where = describe(j);
      throw new DatasetImportError('BAD_HEADER', `The header's ${where.text} has no name. Every column needs a name in the header row.`, { column: where.letter });
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw new DatasetImportError(
        'BAD_HEADER',
        `The header's ${describe(first).text} and ${describe(j).text} are both named '${name}'. Column names must be unique; rename one of them.`,
        { column: name },
      );
    }
    seen.set(name, j);
  });
  return names;
}

function raggedRow(row: number, fields: string[], header: string[]): DatasetImportError {
  if (fields.length > header.length) {
    const extra = fields.slice(header.length).find((f) => f.trim() !== '');
    const what = extra === undefined ? 'empty extra fields' : `an extra value '${truncate(extra.trim())}'`;
    return new DatasetImportError(
      'RAGGED_ROW',
      `Row ${row} has ${fields.length} fields but the header has ${header.length}: ${what} after the last column '${header[header.length - 1]}'. A value may contain an unquoted delimiter.`,
      { row, column: header[header.length - 1] },
    );
  }
  const missing = header[fields.length];
  return new DatasetImportError(
    'RAGGED_ROW',
    `Row ${row} has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${header.length}: column '${missing}' and the ones after it are missing.`,
    { row, column: missing },
  );
}

/**
 * Whether numbers in this CSV use decimal commas ("3,5"): the delimiter is not a comma, some
 * field looks like a decimal-comma number, and none looks like a decimal-point number.
 * Scans each column until it has seen enough: linear in the cells.
 *
 * @param table - from {@link readCsvTable}.
 * @param delimiter - the delimiter.
 * @returns true for decimal commas.
 * @example
 * detectDecimalComma(readCsvTable('a;b\n1;3,5', { limits }).table, ';'); // true
 */
export function detectDecimalComma(table: RawTable, delimiter: CsvDelimiter): boolean {
  if (delimiter === ',') return false;
  let commas = 0;
  for (const column of table.columns) {
    for (const cell of column.cells) {
      if (typeof cell !== 'string' || cell.length === 0) continue;
      const c = cell.charCodeAt(cell.length - 1);
      if (c < 48 || c > 57) continue; // numbers end in a digit
      if (DECIMAL_POINT.test(cell)) return false;
      if (DECIMAL_COMMA.test(cell)) commas++;
    }
  }
  return commas > 0;
}

const DECIMAL_POINT = /^[+-]?\d*\.\d+(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$/;

/**
 * Spreadsheet column letter of a 0-based index.
 *
 * @param index - 0 for A.
 * @returns 'A', 'Z', 'AA', …
 * @example
 * columnLetter(27); // 'AB'
 */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
