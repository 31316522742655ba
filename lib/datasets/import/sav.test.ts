import { describe, expect, it } from 'vitest';

import { DatasetImportError } from './errors';
import { importError, readFixture } from './fixtures/helpers';
import { DATASET_LIMITS, resolveLimits } from './limits';
import { readSav, savToTable, spssDateToIso } from './sav';

// The fixtures are written by GNU PSPP from fixtures/survey.sps (see make-fixtures.sh).
const COMMENT_PREFIX = 'x'.repeat(250);

describe('readSav: the PSPP survey fixture', () => {
  const sav = readSav(readFixture('survey.sav'), DATASET_LIMITS);
  const byName = Object.fromEntries(sav.variables.map((v) => [v.name, v]));

  it('reads the header and the dictionary', () => {
    expect(sav).toMatchObject({ rowCount: 6, encoding: 'utf-8', compression: 'bytecode', warnings: [] });
    expect(sav.variables.map((v) => v.name)).toEqual(['id', 'gender', 'q1', 'q2', 'income', 'age', 'city', 'visit', '满意度', 'comment', 'submitted']);
  });

  it('keeps variable labels, including Chinese ones', () => {
    expect(sav.variables.map((v) => v.label)).toEqual([
      'Respondent ID',
      '',
      'Trust in online shops',
      '对网店的满意度',
      'Monthly income (€)',
      '',
      '城市',
      'Date of interview',
      'Overall satisfaction',
      'Open answer',
      'Submitted at',
    ]);
  });

  it('keeps value labels, including Chinese ones', () => {
    expect(byName.gender.valueLabels).toEqual([
      { value: 1, label: 'Male' },
      { value: 2, label: 'Female' },
      { value: 3, label: '其他' },
    ]);
    expect(byName.q1.valueLabels.map((l) => [l.value, l.label])).toEqual([
      [1, 'Strongly disagree'],
      [2, 'Disagree'],
      [3, 'Neutral'],
      [4, 'Agree'],
      [5, 'Strongly agree'],
      [9, 'No answer'],
    ]);
    expect(byName.q2.valueLabels).toEqual([
      { value: 1, label: '非常不满意' },
      { value: 5, label: '非常满意' },
      { value: 8, label: '不知道' },
      { value: 9, label: '拒答' },
    ]);
  });

  it('keeps user-missing values: discrete codes, a range from LOWEST, a string code', () => {
    expect(byName.q1.missing).toEqual({ values: [9] });
    expect(byName.q2.missing).toEqual({ values: [8, 9] });
    expect(byName.income.missing).toEqual({ values: [98, 99] });
    expect(byName.age.missing.values).toEqual([]);
    expect(byName.age.missing.range!.high).toBe(0);
    expect(byName.age.missing.range!.low).toBeLessThan(-1e307); // PSPP's LOWEST
    expect(byName.city.missing).toEqual({ values: ['unknown'] });
  });

  it('reads storage types, formats and measurement levels', () => {
    expect(byName.city).toMatchObject({ kind: 'string', width: 20, format: { type: 'A', width: 20 }, measure: 'nominal' });
    expect(byName.comment).toMatchObject({ kind: 'string', width: 300, format: { type: 'A', width: 300 } });
    expect(byName.visit).toMatchObject({ kind: 'numeric', format: { type: 'DATE', width: 11, decimals: 0 }, measure: 'scale' });
    expect(byName.submitted.format.type).toBe('DATETIME');
    expect(byName.income.format).toEqual({ type: 'F', width: 9, decimals: 2 });
    expect([byName.gender.measure, byName.q1.measure, byName.id.measure]).toEqual(['nominal', 'ordinal', 'scale']);
  });

  it('reads the data as stored (codes, system-missing as null, strings decoded)', () => {
    const col = (name: string) => sav.columns[sav.variables.findIndex((v) => v.name === name)];
    expect(col('id')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(col('q1')).toEqual([4, 9, 2, 5, 1, 3]);
    expect(col('income')).toEqual([2500.5, 99, 98, 3100.25, 1800, 4200.75]);
    expect(col('city')).toEqual(['北京', 'São Paulo', 'Zürich', 'unknown', '上海', '']);
    expect(col('满意度')).toEqual([5, 4, 3, 1, 2, 4]);
  });

  it('joins a very long string (A300) across its segments, with a character split between them', () => {
    // Byte 255 is the middle of '文': the first segment holds 255 bytes, the second the rest.
    const comment = sav.columns[sav.variables.findIndex((v) => v.name === 'comment')];
    expect(comment).toEqual([1, 2, 3, 4, 5, 6].map((i) => `${COMMENT_PREFIX}中文结尾tail${i}`));
  });
});

describe('savToTable', () => {
  const table = savToTable(readSav(readFixture('survey.sav'), DATASET_LIMITS));
  const column = (name: string) => table.columns.find((c) => c.name === name)!;

  it('turns user-missing codes into null and records them', () => {
    expect(column('q1')).toMatchObject({ cells: [4, null, 2, 5, 1, 3], missingCodes: [9] });
    expect(column('q2')).toMatchObject({ cells: [5, 4, null, 1, 2, 3], missingCodes: [8, 9] });
    expect(column('income')).toMatchObject({ cells: [2500.5, null, null, 3100.25, 1800, 4200.75], missingCodes: [98, 99] });
    // The range LOWEST–0 is recorded as the codes found in it.
    expect(column('age')).toMatchObject({ cells: [34, null, 52, null, 27, 45], missingCodes: [-1, 0] });
    expect(column('city').cells).toEqual(['北京', 'São Paulo', 'Zürich', null, '上海', '']);
    expect(table.warnings).toEqual(["User-missing text values of 'city' were read as missing."]);
  });

  it('keeps value labels keyed by the code as a string, and the labels of missing codes', () => {
    expect(column('q2').valueLabels).toEqual({ '1': '非常不满意', '5': '非常满意', '8': '不知道', '9': '拒答' });
    expect(column('gender').valueLabels).toEqual({ '1': 'Male', '2': 'Female', '3': '其他' });
  });

  it('turns date formats into ISO strings', () => {
    expect(column('visit')).toMatchObject({ cells: ['2024-03-01', '2024-04-15', '2023-01-02', '2024-02-28', '2023-12-31', '2024-02-29'], hint: { kind: 'date' } });
    expect(column('submitted').cells).toEqual([
      '2024-03-01T09:30:01',
      '2024-04-15T09:30:02',
      '2023-01-02T09:30:03',
      '2024-02-28T09:30:04',
      '2023-12-31T09:30:05',
      '2024-02-29T09:30:06',
    ]);
  });

  it('passes storage types and measurement levels as hints', () => {
    expect(column('gender').hint).toEqual({ kind: 'numeric', measure: 'nominal' });
    expect(column('city').hint).toEqual({ kind: 'string', measure: 'nominal' });
    expect(column('q1').hint).toEqual({ kind: 'numeric', measure: 'ordinal' });
  });
});

describe('readSav: compression and encodings', () => {
  const reference = savToTable(readSav(readFixture('survey.sav'), DATASET_LIMITS));

  it.each([
    ['uncompressed', 'survey-uncompressed.sav', 'none'],
    ['zlib-compressed (.zsav)', 'survey.zsav', 'zlib'],
  ])('reads the %s file to the same table', (_, file, compression) => {
    const sav = readSav(readFixture(file), DATASET_LIMITS);
    expect(sav.compression).toBe(compression);
    expect(savToTable(sav)).toEqual(reference);
  });

  it('decodes a Windows-1252 file', () => {
    const table = savToTable(readSav(readFixture('windows-1252.sav'), DATASET_LIMITS));
    expect(table.columns.map((c) => [c.name, c.label, c.cells, c.valueLabels])).toEqual([
      ['id', '', [1, 2], { '1': 'première', '2': 'deuxième' }],
      ['name', 'Nom de famille (réponse)', ['Müller', 'José'], {}],
    ]);
  });

  it('decodes a GBK file', () => {
    const sav = readSav(readFixture('gbk.sav'), DATASET_LIMITS);
    expect(sav.encoding).toBe('gbk');
    expect(savToTable(sav).columns.map((c) => [c.name, c.label, c.cells, c.valueLabels])).toEqual([
      ['id', '', [1, 2], { '1': '男性', '2': '女性' }],
      ['name', '姓名', ['张伟', '李娜'], {}],
    ]);
  });
});

describe('readSav: corrupt files', () => {
  it('refuses the truncated fixture, naming where the data end', () => {
    const error = importError(() => readSav(readFixture('corrupt-truncated.sav'), DATASET_LIMITS));
    expect(error.code).toBe('CORRUPT_SAV');
    expect(error.message).toMatch(/^This SPSS file cannot be read: .*byte \d+.*The file may be truncated or damaged/);
  });

  it.each(['survey.sav', 'survey-uncompressed.sav', 'survey.zsav'])('refuses every truncation of %s with CORRUPT_SAV', (file) => {
    const bytes = readFixture(file);
    const codes = new Set<string>();
    for (let n = 0; n < bytes.length; n++) codes.add(importError(() => readSav(bytes.subarray(0, n), DATASET_LIMITS)).code);
    expect([...codes]).toEqual(['CORRUPT_SAV']);
  });

  it.each(['survey.sav', 'survey-uncompressed.sav', 'survey.zsav'])('never fails with anything but a DatasetImportError when %s is damaged', (file) => {
    const original = readFixture(file);
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let refused = 0;
    for (let k = 0; k < 500; k++) {
      const bytes = original.slice();
      const mutations = 1 + Math.floor(random() * 6);
      for (let m = 0; m < mutations; m++) bytes[4 + Math.floor(random() * (bytes.length - 4))] = Math.floor(random() * 256);
      try {
        readSav(bytes, DATASET_LIMITS);
      } catch (error) {
        if (!(error instanceof DatasetImportError)) throw error;
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('refuses a file without the SPSS signature, and EBCDIC files', () => {
    const notSav = new Uint8Array(400).fill(0x41);
    expect(importError(() => readSav(notSav, DATASET_LIMITS)).message).toContain('does not start with the SPSS signature');
    const ebcdic = readFixture('survey.sav').slice();
    ebcdic.set([0x5b, 0xc6, 0xd3, 0xf2]);
    expect(importError(() => readSav(ebcdic, DATASET_LIMITS)).code).toBe('UNSUPPORTED_SAV');
  });
});

describe('readSav: limits', () => {
  it('refuses more rows, columns or cells than allowed before reading the data', () => {
    const bytes = readFixture('survey.sav');
    expect(importError(() => readSav(bytes, resolveLimits({ maxRows: 5 }))).message).toBe(
      'This file has more than 5 rows (6); split it or select fewer cases before importing.',
    );
    expect(importError(() => readSav(bytes, resolveLimits({ maxColumns: 10 }))).message).toBe('This SPSS file has 11 variables; Groundwork imports at most 10.');
    expect(importError(() => readSav(bytes, resolveLimits({ maxCells: 60 }))).code).toBe('TOO_LARGE');
  });

  it('refuses a .zsav whose data expand beyond the uncompressed limit', () => {
    const error = importError(() => readSav(readFixture('survey.zsav'), resolveLimits({ maxUncompressedBytes: 100 })));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/^This SPSS file's data expand to .* more than the 100 bytes Groundwork imports\.$/);
  });
});

describe('spssDateToIso', () => {
  it('counts seconds from 14 October 1582', () => {
    expect(spssDateToIso(0, false)).toBe('1582-10-14');
    expect(spssDateToIso(12_219_379_200, false)).toBe('1970-01-01');
    expect(spssDateToIso(13_928_630_400, false)).toBe('2024-03-01');
    expect(spssDateToIso(13_928_630_400 + 9 * 3600 + 30 * 60, true)).toBe('2024-03-01T09:30:00');
    expect(spssDateToIso(13_928_630_400 + 0.25, true)).toBe('2024-03-01T00:00:00.250');
  });
});
