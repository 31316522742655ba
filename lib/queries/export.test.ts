import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { type MatrixTable, matrixCsv, matrixXlsx } from './export';

// A code name typed to look like a formula: CSV must defuse it, XLSX must store it as typed.
const TABLE: MatrixTable = {
  title: 'Code × source',
  header: ['Label', 'Code', '=Interview 1'],
  rows: [
    ['C1', '=SUM(1,2)', 3],
    ['C2', '-pause', null],
  ],
};

describe('matrix exports and formula-looking text', () => {
  it('CSV keeps the apostrophe that stops a spreadsheet from running the cell', () => {
    const [header, first, second] = Papa.parse<string[]>(matrixCsv(TABLE).slice(1), { skipEmptyLines: true }).data;
    expect(header[2]).toBe("'=Interview 1");
    expect(first).toEqual(['C1', "'=SUM(1,2)", '3']);
    expect(second[1]).toBe("'-pause");
  });

  it('XLSX writes the text as it is, in string cells (never formulas)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await matrixXlsx(TABLE, { created: new Date('2026-01-01T00:00:00Z') })) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Matrix')!;
    for (const [address, text] of [['C1', '=Interview 1'], ['B2', '=SUM(1,2)'], ['B3', '-pause']]) {
      const cell = sheet.getCell(address);
      expect(cell.type, address).toBe(ExcelJS.ValueType.String);
      expect(cell.formula, address).toBeUndefined();
      expect(cell.value, address).toBe(text);
    }
    expect(sheet.getCell('C2').value).toBe(3);
  });
});
