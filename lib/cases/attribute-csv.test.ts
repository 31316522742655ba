import { describe, expect, it } from 'vitest';

import type { AttributeDef } from './attributes';
import { attributeTableCsv, planAttributeImport } from './attribute-csv';

const region: AttributeDef = { name: 'Region', type: 'choice', choices: ['North', 'South'] };

describe('planAttributeImport', () => {
  it('infers new columns, takes existing ones, canonicalises values and marks new cases', () => {
    const text = '\uFEFFcase,age,joined,region,note\r\nP01,34,2024/3/5,north,first\r\nP02,41.0,2023-12-01,South,"two, lines"\r\nP03,,2024-01-09,South,\r\n';
    const plan = planAttributeImport({ text, attributes: [region], caseNames: ['P01', 'P02'] });
    expect(plan.errors).toEqual([]);
    expect(plan.columns).toEqual([
      { name: 'age', type: 'number', choices: [], existing: false, inferred: 'number' },
      { name: 'joined', type: 'date', choices: [], existing: false, inferred: 'date' },
      { name: 'Region', type: 'choice', choices: ['North', 'South'], existing: true },
      { name: 'note', type: 'text', choices: [], existing: false, inferred: 'text' },
    ]);
    expect(plan.rows).toEqual([
      { line: 2, caseName: 'P01', isNew: false, values: { age: '34', joined: '2024-03-05', Region: 'North', note: 'first' } },
      { line: 3, caseName: 'P02', isNew: false, values: { age: '41', joined: '2023-12-01', Region: 'South', note: 'two, lines' } },
      { line: 4, caseName: 'P03', isNew: true, values: { age: '', joined: '2024-01-09', Region: 'South', note: '' } },
    ]);
    expect(plan.newCases).toEqual(['P03']);
  });

  it('names the row, the case and the column of a bad number or date', () => {
    const plan = planAttributeImport({ text: 'case;age;joined\nP01;34;2024-01-01\nP02;3,5;2024-01-02\nP03;40;2023-02-29\n', attributes: [{ name: 'age', type: 'number', choices: [] }], caseNames: [] });
    expect(plan.errors.map((e) => e.message)).toEqual([
      'Row 3 (case “P02”), column “age” (number): “3,5” is not a number: use a point for decimals and no thousands separators (e.g. 1234.5).',
      // "joined" is inferred as text (one value is no date), so only age can fail here.
    ]);
    const dates = planAttributeImport({ text: 'case,joined\nP01,2024-01-01\nP02,2023-02-29\n', attributes: [{ name: 'joined', type: 'date', choices: [] }], caseNames: [] });
    expect(dates.errors).toEqual([{ line: 3, column: 'joined', message: 'Row 3 (case “P02”), column “joined” (date): “2023-02-29” is not a date of the calendar.' }]);
  });

  it('a chosen type overrides the inferred one, and its errors are reported', () => {
    const plan = planAttributeImport({ text: 'case,score\nA,1\nB,x\n', attributes: [], caseNames: [], types: { score: 'number' } });
    expect(plan.columns[0]).toMatchObject({ type: 'number', inferred: 'text' });
    expect(plan.errors[0].message).toMatch(/^Row 3 \(case “B”\), column “score”/);
    const choice = planAttributeImport({ text: 'case,g\nA,x\nB,y\n', attributes: [], caseNames: [], types: { g: 'choice' } });
    expect(choice.columns[0]).toMatchObject({ type: 'choice', choices: ['x', 'y'] });
    expect(choice.errors).toEqual([]);
  });

  it('refuses structural problems', () => {
    const first = (text: string) => planAttributeImport({ text, attributes: [], caseNames: [] }).errors[0]?.message;
    expect(first('')).toBe('The file is empty.');
    expect(first('name,age\nA,1\n')).toBe('The first column must be headed “case” (found “name”).');
    expect(first('case\nA\n')).toMatch(/no attribute columns/);
    expect(first('case,a,A\nx,1,2\n')).toBe('The column “A” appears twice.');
    expect(first('case,a\nx,1\nx,2\n')).toBe('Row 3: the case “x” is already on row 2.');
    expect(first('case,a\n,1\n')).toBe('Row 2 has no case in the first column.');
    expect(first('case,a\nx,1,2\n')).toBe('Row 2 (case “x”) has 3 fields; the header has 2.');
  });
});

describe('attributeTableCsv', () => {
  it('writes BOM, CRLF, neutralised text, numbers as stored — and imports back unchanged', () => {
    const attributes: AttributeDef[] = [
      { name: 'age', type: 'number', choices: [] },
      { name: 'Region', type: 'choice', choices: ['North', 'South'] },
      { name: 'note', type: 'text', choices: [] },
    ];
    const cases: Array<{ name: string; values: Record<string, string> }> = [
      { name: 'P01', values: { age: '-3', Region: 'North', note: '=1+1' } },
      { name: '受访者2', values: { age: '41.5', note: 'a, "quoted"\nline' } },
    ];
    const csv = attributeTableCsv(attributes, cases);
    expect(csv).toBe('\uFEFFcase,age,Region,note\r\nP01,-3,North,\'=1+1\r\n受访者2,41.5,,"a, ""quoted""\nline"\r\n');
    const plan = planAttributeImport({ text: csv, attributes, caseNames: ['P01', '受访者2'] });
    expect(plan.errors).toEqual([]);
    expect(plan.rows.map((r) => [r.caseName, r.values])).toEqual([
      ['P01', { age: '-3', Region: 'North', note: '=1+1' }],
      ['受访者2', { age: '41.5', Region: '', note: 'a, "quoted"\nline' }],
    ]);
  });
});
