import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { rejection } from './fixtures/helpers';
import { DATASET_LIMITS, resolveLimits } from './limits';
import { dateToIso, listSheets, readXlsx } from './xlsx';

/** A workbook written by exceljs (as Excel would save it: shared strings, styles, cached results). */
async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const read = (bytes: Uint8Array, options: { sheet?: string; headerRow?: number } = {}, limits = DATASET_LIMITS) => readXlsx(bytes, { ...options, limits });
const columns = (t: Awaited<ReturnType<typeof read>>) => t.table.columns.map((c) => [c.name, c.cells]);

describe('readXlsx: cell values', () => {
  it('keeps numbers as numbers and reads dates, formulas, rich text, hyperlinks and booleans', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Responses');
      ws.addRow(['id', 'score', 'visited', 'submitted', 'total', 'comment', 'site', 'consent']);
      ws.addRow([1, 3.5, new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(2024, 2, 1, 9, 30)), { formula: 'B2*2', result: 7 }, { richText: [{ text: 'sehr ' }, { font: { bold: true }, text: 'gut' }] }, { text: 'shop', hyperlink: 'https://example.org' }, true]);
      ws.addRow([2, -0.25, new Date(Date.UTC(2023, 11, 31)), null, { formula: 'B3*2', result: -0.5 }, '  很好  ', 'plain', false]);
      ws.getColumn(3).numFmt = 'yyyy-mm-dd';
      ws.getColumn(4).numFmt = 'yyyy-mm-dd hh:mm';
    });
    const result = await read(bytes);
    expect(result.sheet).toBe('Responses');
    expect(result.sheets).toEqual(['Responses']);
    expect(columns(result)).toEqual([
      ['id', [1, 2]],
      ['score', [3.5, -0.25]],
      ['visited', ['2024-03-01', '2023-12-31']],
      ['submitted', ['2024-03-01T09:30:00', null]],
      ['total', [7, -0.5]],
      ['comment', ['sehr gut', '很好']],
      ['site', ['shop', 'plain']],
      ['consent', ['TRUE', 'FALSE']],
    ]);
    expect(result.table.warnings).toEqual([]);
  });

  it('reads Excel errors and formulas without a saved result as missing, and says so', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['a', 'b']);
      ws.addRow([{ error: '#DIV/0!' }, { formula: 'SUM(A1:A1)' }]);
      ws.addRow([{ error: '#N/A' }, 4]);
    });
    const result = await read(bytes);
    expect(columns(result)).toEqual([
      ['a', [null, null]],
      ['b', [null, 4]],
    ]);
    expect(result.table.warnings).toEqual([
      '2 cells with Excel errors (#N/A, #DIV/0!, …) were read as missing.',
      '1 formula cell has no saved result and were read as missing. Open the file in Excel, let it recalculate and save it again.',
    ]);
  });

  it('skips empty rows and keeps sheet-based row numbers', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('B2').value = 'id';
      ws.getCell('C2').value = 'city';
      ws.getCell('B3').value = 1;
      ws.getCell('C3').value = 'Köln';
      ws.getCell('B5').value = 2;
      ws.getCell('C5').value = 'Lyon';
    });
    const { table } = await read(bytes);
    expect(table.columns.map((c) => [c.name, c.cells])).toEqual([
      ['id', [1, 2]],
      ['city', ['Köln', 'Lyon']],
    ]);
    expect(table.rowNumbers).toEqual([1, 3]);
  });
});

describe('readXlsx: sheets and the header row', () => {
  const twoSheets = () =>
    workbook((wb) => {
      wb.addWorksheet('Cover');
      const data = wb.addWorksheet('Daten');
      data.addRow(['id', 'q1']);
      data.addRow([1, 4]);
      const codebook = wb.addWorksheet('Codebook');
      codebook.addRow(['Survey 2024']);
      codebook.addRow([]);
      codebook.addRow(['variable', 'label']);
      codebook.addRow(['q1', 'Trust']);
    });

  it('lists the sheets and reads the first one with data by default', async () => {
    const bytes = await twoSheets();
    expect(await listSheets(bytes, DATASET_LIMITS)).toEqual(['Cover', 'Daten', 'Codebook']);
    const result = await read(bytes);
    expect(result.sheet).toBe('Daten');
    expect(columns(result)).toEqual([
      ['id', [1]],
      ['q1', [4]],
    ]);
  });

  it('reads a chosen sheet from a chosen header row', async () => {
    const result = await read(await twoSheets(), { sheet: 'Codebook', headerRow: 3 });
    expect(columns(result)).toEqual([
      ['variable', ['q1']],
      ['label', ['Trust']],
    ]);
  });

  it('names the sheets when the chosen one does not exist', async () => {
    const error = await rejection(read(await twoSheets(), { sheet: 'Sheet1' }));
    expect(error).toMatchObject({ code: 'SHEET_NOT_FOUND', sheet: 'Sheet1' });
    expect(error.message).toBe("The workbook has no sheet 'Sheet1'. Its sheets are: 'Cover', 'Daten', 'Codebook'.");
  });

  it('refuses an empty sheet', async () => {
    const bytes = await workbook((wb) => wb.addWorksheet('Leer'));
    expect(await rejection(read(bytes))).toMatchObject({ code: 'EMPTY_FILE', message: "Sheet 'Leer' is empty." });
  });
});

describe('readXlsx: bad data names the row and column', () => {
  it('a value in a column without a header', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['id', 'q1']);
      ws.addRow([1, 2]);
      ws.addRow([2, 3, 'stray']);
    });
    const error = await rejection(read(bytes));
    expect(error).toMatchObject({ code: 'RAGGED_ROW', row: 2, column: 'C', sheet: 'S' });
    expect(error.message).toBe('Row 2 (sheet row 3) has a value in column C, which has no header. Give the column a name or delete the value.');
  });

  it('a blank header cell between names', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['id', null, 'q2']);
      ws.addRow([1, 2, 3]);
    });
    const error = await rejection(read(bytes));
    expect(error).toMatchObject({ code: 'BAD_HEADER', column: 'B', sheet: 'S' });
    expect(error.message).toBe("The header's column B (cell B1) has no name. Every column needs a name in the header row.");
  });

  it('a repeated header name', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['q1', 'q2', 'q1']);
      ws.addRow([1, 2, 3]);
    });
    expect((await rejection(read(bytes))).message).toBe("The header's column A (cell A1) and column C (cell C1) are both named 'q1'. Column names must be unique; rename one of them.");
  });

  it('more rows than the limit', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['a']);
      for (let i = 0; i < 5; i++) ws.addRow([i]);
    });
    expect(await rejection(read(bytes, {}, resolveLimits({ maxRows: 3 })))).toMatchObject({ code: 'TOO_LARGE', sheet: 'S' });
  });
});

describe('readXlsx: unsafe and broken files', () => {
  const simple = () =>
    workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['a', 'b']);
      ws.addRow([1, 2]);
    });

  it('refuses a zip bomb before exceljs sees it (an entry expanding 1000:1)', async () => {
    const files = unzipSync(await simple());
    files['xl/media/filler.xml'] = new Uint8Array(8 * 1024 * 1024);
    const bomb = zipSync(files, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const error = await rejection(read(bomb));
    expect(error.code).toBe('ZIP_BOMB');
    expect(error.message).toMatch(/^This workbook would expand to far more data than a spreadsheet holds \(entry 'xl\/media\/filler\.xml' expands \d+:1/);
  });

  it('refuses a workbook whose uncompressed size exceeds the limit', async () => {
    const error = await rejection(read(await simple(), {}, resolveLimits({ maxUncompressedBytes: 2000 })));
    expect(error.code).toBe('ZIP_BOMB');
    expect(error.message).toContain('the limit is 2 KB');
  });

  it('refuses an entry that inflates beyond the size its header declares', async () => {
    const bytes = await simple();
    // Patch the declared uncompressed size of the sheet (central directory and local header) to 10 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    for (let p = 0; p + 46 < bytes.length; p++) {
      const sig = view.getUint32(p, true);
      const nameAt = sig === 0x02014b50 ? p + 46 : sig === 0x04034b50 ? p + 30 : -1;
      if (nameAt < 0 || !name.every((b, i) => bytes[nameAt + i] === b)) continue;
      view.setUint32(p + (sig === 0x02014b50 ? 24 : 22), 10, true);
    }
    expect(await rejection(read(bytes))).toMatchObject({ code: 'ZIP_BOMB' });
  });

  it('refuses a truncated workbook', async () => {
    const bytes = await simple();
    expect((await rejection(read(bytes.subarray(0, Math.floor(bytes.length / 2))))).code).toBe('CORRUPT_XLSX');
  });

  it('refuses a workbook with broken XML', async () => {
    const files = unzipSync(await simple());
    files['xl/workbook.xml'] = new TextEncoder().encode('<workbook><sheets><sheet name="S" sheetId="1"');
    expect((await rejection(read(zipSync(files))))).toMatchObject({ code: 'CORRUPT_XLSX' });
  });

  it('refuses a zip that is not a workbook', async () => {
    const docx = zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document/>') });
    expect(await rejection(read(docx))).toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
  });
});

describe('dateToIso', () => {
  it('drops midnight and milliseconds that are zero', () => {
    expect(dateToIso(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(dateToIso(new Date(Date.UTC(2024, 1, 29, 23, 59, 59)))).toBe('2024-02-29T23:59:59');
    expect(dateToIso(new Date(Date.UTC(2024, 1, 29, 0, 0, 0, 500)))).toBe('2024-02-29T00:00:00.500');
  });
});
