import { describe, expect, it } from 'vitest';

import { columnLetter, detectDecimalComma, detectDelimiter, readCsvTable } from './csv';
import { importError } from './fixtures/helpers';
import { DATASET_LIMITS, resolveLimits } from './limits';

const read = (text: string, limits = DATASET_LIMITS) => readCsvTable(text, { limits });
const cells = (text: string) => read(text).table.columns.map((c) => [c.name, c.cells]);

describe('detectDelimiter', () => {
  it.each([
    ['comma', 'id,name,score\n1,Ann,3.5\n2,Bo,4\n', ','],
    ['semicolon with decimal commas (German Excel)', 'id;name;score\n1;Ann;3,5\n2;Bo;4,0\n', ';'],
    ['semicolon with commas inside text', 'id;comment\n1;gut, aber teuer\n2;schnell, billig, gut\n', ';'],
    ['tab with commas inside text', 'id\tcomment\n1\tfast, cheap\n2\tslow\n', '\t'],
    ['pipe', 'id|city\n1|Köln\n2|Lyon\n', '|'],
    ['comma with semicolons inside quotes', 'id,note\n1,"a;b;c"\n2,"d;e"\n', ','],
    ['one column', 'score\n1\n2\n', ','],
    ['header only', 'a;b;c\n', ';'],
  ])('%s', (_, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe('readCsvTable', () => {
  it('reads columns of trimmed strings, quotes and doubled quotes per RFC 4180', () => {
    expect(cells('id, city ,note\n1, Köln ,"said ""hi"", left"\n2,"Lyon\nCentre",\n')).toEqual([
      ['id', ['1', '2']],
      ['city', ['Köln', 'Lyon\nCentre']],
      ['note', ['said "hi", left', '']],
    ]);
  });

  it('skips blank and delimiter-only rows but keeps the file numbering for messages', () => {
    const { table } = read('a;b\n1;2\n\n;\n3;4\n;;\n');
    expect(table.rowCount).toBe(2);
    expect(table.columns[0].cells).toEqual(['1', '3']);
    expect(table.rowNumbers).toEqual([1, 4]);
  });

  it('has no row map when only trailing rows were empty', () => {
    const { table } = read('a;b\n1;2\n3;4\n;\n\n');
    expect(table.rowCount).toBe(2);
    expect(table.rowNumbers).toBeUndefined();
  });

  it("follows Excel's sep= line and drops it", () => {
    const { table, delimiter } = read('sep=;\nid;score\n1;3,5\n');
    expect(delimiter).toBe(';');
    expect(table.columns.map((c) => [c.name, c.cells])).toEqual([
      ['id', ['1']],
      ['score', ['3,5']],
    ]);
  });

  it('uses a given delimiter', () => {
    const { table, delimiter } = readCsvTable('a;b,c\n1;2,3\n', { delimiter: ',', limits: DATASET_LIMITS });
    expect(delimiter).toBe(',');
    expect(table.columns.map((c) => c.name)).toEqual(['a;b', 'c']);
  });
});

describe('readCsvTable: errors name the row and column', () => {
  it('a row with too many fields', () => {
    const error = importError(() => read('id,q1,q2\n1,2,3\n4,5,6,7\n'));
    expect(error).toMatchObject({ code: 'RAGGED_ROW', row: 2, column: 'q2' });
    expect(error.message).toBe("Row 2 has 4 fields but the header has 3: an extra value '7' after the last column 'q2'. A value may contain an unquoted delimiter.");
  });

  it('a row with too few fields', () => {
    const error = importError(() => read('id;name;city;score\n1;Ann;Köln;3\n2;Bo\n'));
    expect(error).toMatchObject({ code: 'RAGGED_ROW', row: 2, column: 'city' });
    expect(error.message).toBe("Row 2 has 2 fields but the header has 4: column 'city' and the ones after it are missing.");
  });

  it('counts skipped empty rows in the row number', () => {
    expect(importError(() => read('a,b\n1,2\n\n\n3\n'))).toMatchObject({ code: 'RAGGED_ROW', row: 4, column: 'b' });
  });

  it('a quoted field that is never closed', () => {
    const error = importError(() => read('id,comment\n1,fine\n2,"unclosed\n3,x\n'));
    expect(error).toMatchObject({ code: 'MALFORMED_CSV', row: 2 });
    expect(error.message).toMatch(/^The CSV is malformed at row 2: a quoted field is not closed properly/);
  });

  it('a blank header cell', () => {
    const error = importError(() => read('id,,score\n1,2,3\n'));
    expect(error).toMatchObject({ code: 'BAD_HEADER', column: 'B' });
    expect(error.message).toBe("The header's column 2 has no name. Every column needs a name in the header row.");
  });

  it('a repeated header name', () => {
    const error = importError(() => read('id,q1,q2,q1\n1,2,3,4\n'));
    expect(error).toMatchObject({ code: 'BAD_HEADER', column: 'q1' });
    expect(error.message).toBe("The header's column 2 and column 4 are both named 'q1'. Column names must be unique; rename one of them.");
  });

  it('no header at all', () => {
    expect(importError(() => read('\n\n')).code).toBe('EMPTY_FILE');
  });

  it('more rows, columns or cells than the limits', () => {
    expect(importError(() => read('a\n1\n2\n3\n', resolveLimits({ maxRows: 2 })))).toMatchObject({ code: 'TOO_LARGE' });
    expect(importError(() => read('a,b,c\n1,2,3\n', resolveLimits({ maxColumns: 2 }))).message).toBe('This file has 3 columns; Groundwork imports at most 2.');
    expect(importError(() => read('a,b\n1,2\n3,4\n', resolveLimits({ maxCells: 3 }))).code).toBe('TOO_LARGE');
  });
});

describe('detectDecimalComma', () => {
  const table = (text: string) => read(text).table;
  it('is on for decimal commas with semicolons', () => {
    expect(detectDecimalComma(table('a;b\n1;3,5\n2;4\n'), ';')).toBe(true);
  });
  it('is off when any value has a decimal point', () => {
    expect(detectDecimalComma(table('a;b\n1,5;3.5\n'), ';')).toBe(false);
  });
  it('is off for comma-delimited files ("1,5" there is text or a thousands separator)', () => {
    expect(detectDecimalComma(table('a,b\n"1,5",2\n'), ',')).toBe(false);
  });
  it('is off without any decimal', () => {
    expect(detectDecimalComma(table('a;b\n1;2\n'), ';')).toBe(false);
  });
});

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i → %s', (i, letter) => expect(columnLetter(i)).toBe(letter));
});
