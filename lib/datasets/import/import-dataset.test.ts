import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { DatasetImportError } from './errors';
import { readFixture, rejection, utf8, windows1252 } from './fixtures/helpers';
import { applyTypeOverrides, detectFormat, parseDataset, PREVIEW_ROWS, previewDataset } from './import-dataset';
import { DATASET_LIMITS } from './limits';

const summary = (variables: readonly { name: string; type: string; likert?: { min: number; max: number } }[]) =>
  variables.map((v) => (v.likert ? `${v.name}:likert ${v.likert.min}-${v.likert.max}` : `${v.name}:${v.type}`));

describe('previewDataset: CSV files as Excel writes them', () => {
  it('Chinese Excel (GB18030, commas)', async () => {
    const preview = await previewDataset(readFixture('survey-gb18030.csv'), '问卷.csv');
    expect(preview).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',', decimalComma: false, rowCount: 6 });
    expect(summary(preview.variables)).toEqual(['编号:numeric', '性别:categorical', '年龄:numeric', '城市:categorical', '满意度:likert 1-5', '购买频率:categorical', '评论:categorical']);
    expect(preview.sampleRows.slice(0, 3)).toEqual([
      [1, '男', 34, '北京', 4, '每周', '物流很快'],
      [2, '女', 28, '上海', 5, '每月', '质量好,价格合理'],
      [3, '男', 45, '广州', 3, '每周', null],
    ]);
    expect(preview.warnings).toEqual(['Treated as Likert items with the range taken from the answers seen: 满意度 (1–5). Correct the range if the scale is wider.']);
  });

  it('German Excel (Windows-1252, semicolons, decimal commas, dotted dates, a delimiter-only row)', async () => {
    const preview = await previewDataset(readFixture('survey-windows-1252.csv'), 'Umfrage.csv');
    expect(preview).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', decimalComma: true, rowCount: 5, sampleRowNumbers: [1, 2, 3, 4, 6] });
    expect(summary(preview.variables)).toEqual(['ID:numeric', 'Name:categorical', 'Stadt:categorical', 'Größe (m):numeric', 'Zufriedenheit:likert 1-5', 'Datum:date', 'Anmerkung:categorical']);
    expect(preview.sampleRows).toEqual([
      [1, 'Jürgen Müller', 'München', 1.82, 4, '2024-04-03', 'Lieferung pünktlich'],
      [2, 'Zoë Lefèvre', 'Köln', 1.65, 5, '2024-04-15', 'Très bien – merci'],
      [3, 'José Peña', 'Straßburg', 1.74, 2, '2024-02-28', 'Preis zu hoch (€)'],
      [4, 'Ærø Åsa', 'Düsseldorf', 1.7, 3, '2024-02-29', null],
      [5, 'François Œuvre', 'Zürich', 1.91, 4, '2024-03-01', '„Gut“'],
    ]);
    expect(preview.warnings[0]).toBe('Numbers were read with decimal commas (3,5 = 3.5).');
  });

  it('UTF-8 with BOM; "1,5" in a comma-delimited file stays text', async () => {
    const preview = await previewDataset(readFixture('survey-utf8-bom.csv'), 'survey.csv');
    expect(preview).toMatchObject({ encoding: 'utf-8', delimiter: ',', decimalComma: false, rowCount: 4 });
    expect(summary(preview.variables)).toEqual(['respondent:categorical', 'country:categorical', 'trust:numeric', 'price_index:categorical', 'comment:categorical']);
    expect(preview.sampleRows[3]).toEqual(['r04', 'España', 1, '3', 'Dijo "no"']);
  });

  it('UTF-16 tab-separated "Unicode text"', async () => {
    const preview = await previewDataset(readFixture('survey-utf16.txt'), 'export.txt');
    expect(preview).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', rowCount: 3 });
    expect(preview.sampleRows).toEqual([
      [1, '实验组', 12.5],
      [2, 'control', 9],
      [3, '实验组', 11],
    ]);
  });

  it('follows the encoding, delimiter and decimal-comma options', async () => {
    const bytes = windows1252('a|b\n1,5|Köln\n2,5|Lyon\n');
    const preview = await previewDataset(bytes, 'x.csv', { encoding: 'latin1', delimiter: '|', decimalComma: true });
    expect(preview.sampleRows).toEqual([
      [1.5, 'Köln'],
      [2.5, 'Lyon'],
    ]);
    const tab = await previewDataset(utf8('a\tb\n1\t2\n'), 'x.tsv', { delimiter: 'tab' });
    expect(tab.delimiter).toBe('\t');
    expect((await rejection(previewDataset(bytes, 'x.csv', { delimiter: '#' }))).code).toBe('INVALID_OPTION');
  });

  it('shows at most 20 rows', async () => {
    const text = 'n\n' + Array.from({ length: 50 }, (_, i) => i).join('\n');
    const preview = await previewDataset(utf8(text), 'n.csv');
    expect(PREVIEW_ROWS).toBe(20);
    expect(preview.rowCount).toBe(50);
    expect(preview.sampleRows).toHaveLength(20);
    expect(preview.sampleRows[19]).toEqual([19]);
  });

  it('pipe-delimited (a database export): detected, or given as the route passes it, with decimal commas', async () => {
    const bytes = utf8('id|城市|score\n1|上海|3,5\n2|Köln, DE|4,25\n');
    const preview = await previewDataset(bytes, 'export.txt');
    expect(preview).toMatchObject({ format: 'csv', delimiter: '|', decimalComma: true, rowCount: 2 });
    const dataset = await parseDataset(bytes, 'export.txt', { delimiter: '|' });
    expect(dataset.columns).toEqual({ id: [1, 2], 城市: ['上海', 'Köln, DE'], score: [3.5, 4.25] });
    // Read with a comma instead, the decimal commas make ragged rows, named.
    await expect(previewDataset(bytes, 'export.txt', { delimiter: ',' })).rejects.toThrow('Row 1 has 2 fields but the header has 1');
  });
});

describe('previewDataset: SPSS and Excel files', () => {
  it('an SPSS file: labels, value labels, missing codes, types from the dictionary', async () => {
    const preview = await previewDataset(readFixture('survey.sav'), 'survey.sav');
    expect(preview).toMatchObject({ format: 'sav', encoding: 'utf-8', rowCount: 6 });
    expect(summary(preview.variables)).toEqual([
      'id:numeric',
      'gender:categorical',
      'q1:likert 1-5',
      'q2:likert 1-5',
      'income:numeric',
      'age:numeric',
      'city:categorical',
      'visit:date',
      '满意度:likert 1-5',
      'comment:text',
      'submitted:date',
    ]);
    const q2 = preview.variables.find((v) => v.name === 'q2')!;
    expect(q2).toEqual({
      name: 'q2',
      label: '对网店的满意度',
      type: 'likert',
      likert: { min: 1, max: 5 },
      valueLabels: { '1': '非常不满意', '5': '非常满意', '8': '不知道', '9': '拒答' },
      missingCodes: [8, 9],
    });
    expect(preview.sampleRows[1].slice(0, 9)).toEqual([2, '2', null, 4, null, null, 'São Paulo', '2024-04-15', 4]);
    expect(preview.sampleRows[3][6]).toBeNull(); // 'unknown' is a user-missing city
  });

  it('an .xlsx file: sheets, the sheet read, typed cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Antworten');
    ws.addRow(['id', 'q1', 'visited']);
    [1, 2, 3, 4].forEach((i) => ws.addRow([i, (i % 3) + 1, new Date(Date.UTC(2024, 0, i))]));
    wb.addWorksheet('Notes').addRow(['text']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const preview = await previewDataset(bytes, 'umfrage.xlsx');
    expect(preview).toMatchObject({ format: 'xlsx', sheets: ['Antworten', 'Notes'], sheet: 'Antworten', rowCount: 4 });
    expect(summary(preview.variables)).toEqual(['id:numeric', 'q1:likert 1-3', 'visited:date']);
    expect(preview.sampleRows[0]).toEqual([1, 2, '2024-01-01']);
    expect((await previewDataset(bytes, 'umfrage.xlsx', { sheet: 'Notes' })).variables.map((v) => v.name)).toEqual(['text']);
  });
});

describe('applyTypeOverrides', () => {
  const rows = Array.from({ length: 100 }, (_, i) => `${i + 1},${i === 56 ? 'unknown' : 20 + (i % 50)},${(i % 5) + 1}`);
  const bytes = utf8(`id,age,q1\n${rows.join('\n')}\n`);

  it('validates the whole file, naming a row beyond the preview', async () => {
    const preview = await previewDataset(bytes, 'ages.csv');
    expect(summary(preview.variables)).toEqual(['id:numeric', 'age:text', 'q1:likert 1-5']);
    const error = await rejection(Promise.resolve().then(() => applyTypeOverrides(preview, { age: 'numeric' })));
    expect(error).toMatchObject({ code: 'INVALID_VALUE', row: 57, column: 'age' });
    expect(error.message).toBe("row 57, column 'age': 'unknown' is not a number, so the column cannot be numeric.");
  });

  it('converts the sample rows to the new types', async () => {
    const preview = await previewDataset(bytes, 'ages.csv');
    const changed = applyTypeOverrides(preview, { id: 'categorical', q1: { type: 'likert', likert: { min: 1, max: 7 } } });
    expect(summary(changed.variables)).toEqual(['id:categorical', 'age:text', 'q1:likert 1-7']);
    expect(changed.sampleRows[0]).toEqual(['1', '20', 1]);
    expect(preview.sampleRows[0]).toEqual([1, '20', 1]); // the original preview is unchanged
  });
});

describe('parseDataset', () => {
  it('returns the dataset: variables in order, a column per variable, the row count', async () => {
    const dataset = await parseDataset(readFixture('survey.sav'), 'survey.sav');
    expect(dataset.rowCount).toBe(6);
    expect(Object.keys(dataset.columns)).toEqual(dataset.variables.map((v) => v.name));
    expect(dataset.columns.q1).toEqual([4, null, 2, 5, 1, 3]);
    expect(dataset.columns.gender).toEqual(['1', '2', '3', '2', '1', '2']);
    expect(dataset.columns.age).toEqual([34, null, 52, null, 27, 45]);
    expect(dataset.columns.city).toEqual(['北京', 'São Paulo', 'Zürich', null, '上海', null]);
    expect(dataset.columns.visit).toEqual(['2024-03-01', '2024-04-15', '2023-01-02', '2024-02-28', '2023-12-31', '2024-02-29']);
    expect(dataset.variables.find((v) => v.name === 'age')!.missingCodes).toEqual([-1, 0]);
  });

  it('applies type overrides and validates them on every row', async () => {
    const dataset = await parseDataset(readFixture('survey.sav'), 'survey.sav', { overrides: { gender: 'numeric', q1: 'numeric' } });
    expect(dataset.columns.gender).toEqual([1, 2, 3, 2, 1, 2]);
    expect(dataset.variables.find((v) => v.name === 'q1')).toMatchObject({ type: 'numeric', valueLabels: { '1': 'Strongly disagree' } });
    const error = await rejection(parseDataset(readFixture('survey.sav'), 'survey.sav', { overrides: { city: 'numeric' } }));
    expect(error).toMatchObject({ code: 'INVALID_VALUE', row: 1, column: 'city' });
    expect(error.message).toBe("row 1, column 'city': '北京' is not a number, so the column cannot be numeric.");
  });

  it('keeps a column named like an Object property as an ordinary column', async () => {
    const dataset = await parseDataset(utf8('__proto__,constructor\n1,2\n'), 'x.csv');
    expect(Object.keys(dataset.columns)).toEqual(['__proto__', 'constructor']);
    expect(dataset.columns['__proto__']).toEqual([1]);
  });

  it('reads a generated 100,000 × 50 CSV (30 MB) correctly', { timeout: 120_000 }, async () => {
    const cities = ['北京', 'Zürich', 'São Paulo', 'Lagos', 'Köln'];
    const header = ['id', ...Array.from({ length: 20 }, (_, k) => `q${k + 1}`), ...Array.from({ length: 20 }, (_, k) => `x${k + 1}`), ...Array.from({ length: 5 }, (_, k) => `c${k + 1}`), ...Array.from({ length: 4 }, (_, k) => `t${k + 1}`)];
    const likert = (i: number, k: number) => ((i * 7 + k * 3) % 5) + 1;
    const decimal = (i: number, k: number) => ((i * 31 + k * 17) % 100000) / 100;
    const parts: string[] = [header.join(','), '\r\n'];
    for (let i = 1; i <= 100_000; i++) {
      const f: Array<string | number> = [i];
      for (let k = 1; k <= 20; k++) f.push(likert(i, k));
      for (let k = 1; k <= 20; k++) f.push(decimal(i, k).toFixed(2));
      for (let k = 1; k <= 5; k++) f.push(cities[(i + k) % 5]);
      for (let k = 1; k <= 4; k++) f.push(`"answer ${i}-${k}, free text"`);
      parts.push(f.join(','), '\r\n');
    }
    const bytes = utf8(parts.join(''));
    expect(bytes.length).toBeGreaterThan(30_000_000);

    const dataset = await parseDataset(bytes, 'big.csv');
    expect(dataset.rowCount).toBe(100_000);
    expect(dataset.variables).toHaveLength(50);
    expect(summary(dataset.variables.slice(0, 2))).toEqual(['id:numeric', 'q1:likert 1-5']);
    expect(dataset.variables.slice(21, 23).map((v) => v.type)).toEqual(['numeric', 'numeric']);
    expect(dataset.variables.slice(41, 50).map((v) => v.type)).toEqual([...Array(5).fill('categorical'), ...Array(4).fill('text')]);
    for (const i of [1, 2, 50_000, 99_999, 100_000]) {
      const r = i - 1;
      expect(dataset.columns.id[r]).toBe(i);
      expect(dataset.columns.q7[r]).toBe(likert(i, 7));
      expect(dataset.columns.x13[r]).toBe(Number(decimal(i, 13).toFixed(2)));
      expect(dataset.columns.c5[r]).toBe(cities[(i + 5) % 5]);
      expect(dataset.columns.t4[r]).toBe(`answer ${i}-4, free text`);
    }
    for (const v of dataset.variables) expect(dataset.columns[v.name]).toHaveLength(100_000);
  });
});

describe('errors before parsing', () => {
  it('an empty file', async () => {
    expect(await rejection(previewDataset(new Uint8Array(0), 'x.csv'))).toMatchObject({ code: 'EMPTY_FILE', message: 'This file is empty (0 bytes).' });
    expect((await rejection(previewDataset(utf8('\r\n \n'), 'x.csv'))).code).toBe('EMPTY_FILE');
  });

  it('a file over the byte limit is refused before it is read', async () => {
    // Not a dataset at all: the size is checked first.
    const png = new Uint8Array(100).fill(0);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const error = await rejection(previewDataset(png, 'big.csv', { limits: { maxBytes: 50 } }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toBe('This file is 100 bytes; Groundwork imports datasets up to 50 bytes. Split it or save it in a more compact format (SPSS .sav, .xlsx).');
    expect(DATASET_LIMITS).toEqual({ maxBytes: 52_428_800, maxRows: 1_000_000, maxColumns: 2_000, maxCells: 50_000_000, maxUncompressedBytes: 209_715_200 });
  });

  it('a header without data is a dataset of no rows', async () => {
    const dataset = await parseDataset(utf8('id,name\n'), 'x.csv');
    expect(dataset).toEqual({
      variables: [
        { name: 'id', label: '', type: 'text', valueLabels: {}, missingCodes: [] },
        { name: 'name', label: '', type: 'text', valueLabels: {}, missingCodes: [] },
      ],
      columns: { id: [], name: [] },
      rowCount: 0,
    });
  });

  it('a corrupt .sav', async () => {
    expect((await rejection(parseDataset(readFixture('corrupt-truncated.sav'), 'survey.sav'))).code).toBe('CORRUPT_SAV');
  });
});

describe('detectFormat', () => {
  const ole = (stream: string) => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(Array.from(stream).flatMap((c) => [c.charCodeAt(0), 0]), 512);
    return bytes;
  };

  it('trusts the bytes over the extension', () => {
    expect(detectFormat(readFixture('survey.sav'), 'survey.csv')).toBe('sav');
    expect(detectFormat(zipSync({ 'xl/workbook.xml': utf8('<workbook/>') }), 'data.csv')).toBe('xlsx');
    expect(detectFormat(utf8('a,b\n1,2\n'), 'data.CSV')).toBe('csv');
    expect(detectFormat(utf8('a\tb\n'), 'export')).toBe('csv');
  });

  it.each([
    ['an Excel 97–2003 workbook', () => ole('Workbook'), 'old.xls', 'UNSUPPORTED_FORMAT', /^This is an Excel 97–2003 workbook \(\.xls\)/],
    ['a password-protected workbook', () => ole('EncryptedPackage'), 'secret.xlsx', 'ENCRYPTED_XLSX', /password-protected/],
    ['a PDF', () => utf8('%PDF-1.7\n...'), 'survey.csv', 'UNSUPPORTED_FORMAT', /^This is a PDF document, not a dataset/],
    ['a PNG image', () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'chart.csv', 'UNSUPPORTED_FORMAT', /^This file is a PNG image/],
    ['text named .sav', () => utf8('id,score\n1,2\n'), 'survey.sav', 'CORRUPT_SAV', /not an SPSS data file/],
    ['text named .xlsx', () => utf8('id,score\n1,2\n'), 'survey.xlsx', 'CORRUPT_XLSX', /not an Excel workbook/],
    ['another text format', () => utf8('{"a": 1}'), 'data.json', 'UNSUPPORTED_FORMAT', /does not import \.json files/],
  ])('refuses %s', (_, make, name, code, message) => {
    try {
      detectFormat(make(), name);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetImportError);
      expect((error as DatasetImportError).code).toBe(code);
      expect((error as DatasetImportError).message).toMatch(message);
    }
  });
});

describe('DatasetImportError across a worker boundary', () => {
  it('survives structured clone as plain data', () => {
    const error = new DatasetImportError('INVALID_VALUE', "row 3, column 'age': 'x' is not a number.", { row: 3, column: 'age' });
    const data = structuredClone(error.toJSON());
    expect(data).toEqual({ name: 'DatasetImportError', code: 'INVALID_VALUE', message: "row 3, column 'age': 'x' is not a number.", row: 3, column: 'age' });
    const rebuilt = DatasetImportError.fromJSON(data);
    expect(rebuilt).toBeInstanceOf(DatasetImportError);
    expect(rebuilt).toMatchObject({ code: 'INVALID_VALUE', row: 3, column: 'age', userMessage: error.message });
  });
});
