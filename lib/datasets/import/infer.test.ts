import { describe, expect, it } from 'vitest';

import type { Variable } from '../types';
import { importError } from './fixtures/helpers';
import { convertColumn, inferVariables, overrideTypes, profileColumns, type TypeOverrides } from './infer';
import type { RawCell, RawColumn, RawTable } from './table';

type ColumnSpec = readonly RawCell[] | (Partial<RawColumn> & { cells: readonly RawCell[] });

function table(spec: Record<string, ColumnSpec>, rowNumbers?: number[]): RawTable {
  const columns = Object.entries(spec).map(([name, s]): RawColumn => {
    const c = 'cells' in s ? s : { cells: s };
    return { name, label: '', valueLabels: {}, missingCodes: [], hint: {}, ...c };
  });
  return { columns, rowCount: columns[0]?.cells.length ?? 0, warnings: [], ...(rowNumbers ? { rowNumbers } : {}) };
}

const types = (t: RawTable, decimalComma = false) =>
  Object.fromEntries(inferVariables(t, { decimalComma }).variables.map((v) => [v.name, v.likert ? `likert ${v.likert.min}-${v.likert.max}` : v.type]));

describe('inferVariables: CSV and spreadsheet columns (no metadata)', () => {
  it('numbers, Likert answers, categories, free text and dates', () => {
    const t = table({
      id: ['1', '2', '3', '4', '5', '6'],
      q1: ['4', '5', '3', '4', '1', 'NA'],
      income: ['2500.5', '3100', '', '1800.25', '4200', '990'],
      city: ['Köln', 'Lyon', 'Köln', '北京', 'Lyon', 'Köln'],
      comment: ['x'.repeat(120), 'ok', '', 'fine', 'good', 'bad'],
      visit: ['2024-03-01', '2024-03-02 14:30', '', '2023-12-31', '2024-02-29T08:00:00', '2024-01-01'],
    });
    expect(types(t)).toEqual({
      id: 'numeric', // whole numbers 1–6, but all different: an identifier, not a Likert item
      q1: 'likert 1-5',
      income: 'numeric',
      city: 'categorical',
      comment: 'text',
      visit: 'date',
    });
  });

  it('reports Likert ranges guessed from the data', () => {
    const t = table({ q1: ['1', '2', '2', '4'], q2: ['3', '5', '5', '1'] });
    expect(inferVariables(t).warnings).toEqual([
      'Treated as Likert items with the range taken from the answers seen: q1 (1–4), q2 (1–5). Correct the range if the scale is wider.',
    ]);
  });

  it('keeps numbers that are not a 1–7 scale numeric', () => {
    expect(types(table({ nps: ['0', '10', '7', '7'], two: ['1', '2', '1', '2'], frac: ['1', '2.5', '3', '3'], big: ['1', '8', '2', '2'] }))).toEqual({
      nps: 'numeric',
      two: 'numeric',
      frac: 'numeric',
      big: 'numeric',
    });
  });

  it('treats numbers with leading zeros as codes', () => {
    expect(types(table({ zip: ['01067', '80331', '01067'], code: ['007', '012', '007'] }))).toEqual({ zip: 'categorical', code: 'categorical' });
  });

  it('reads decimal commas when asked', () => {
    const t = table({ size: ['1,82', '1,65', '1,7'] });
    expect(types(t, true)).toEqual({ size: 'numeric' });
    expect(types(t, false)).toEqual({ size: 'categorical' });
  });

  it('recognises dates: ISO, day.month.year, and slashes when some value shows the order', () => {
    expect(
      types(
        table({
          iso: ['2024-03-01', '2024/03/02'],
          dotted: ['31.12.2024', '1.3.2024'],
          dmy: ['31/12/2024', '01/03/2024'],
          mdy: ['12/31/2024', '03/01/2024'],
          invalid: ['2024-02-30', '2024-03-01'],
        }),
      ),
    ).toEqual({ iso: 'date', dotted: 'date', dmy: 'date', mdy: 'date', invalid: 'categorical' });
  });

  it('keeps slashed dates that fit both orders as text, with a warning', () => {
    const t = table({ when: ['01/03/2024', '02/03/2024', '05/06/2024'] });
    const inference = inferVariables(t);
    expect(inference.variables[0].type).toBe('categorical');
    expect(inference.warnings).toEqual([
      "The dates in 'when' can be read day-first or month-first; they were kept as text. Set the type to date and choose the order.",
    ]);
  });

  it('tells categories from free text by length, line breaks and variety', () => {
    const many = Array.from({ length: 60 }, (_, i) => `answer ${i}`);
    const repeated = Array.from({ length: 60 }, (_, i) => ['low', 'mid', 'high'][i % 3]);
    const halfUnique = Array.from({ length: 40 }, (_, i) => (i < 25 ? `a${i}` : 'same'));
    expect(types(table({ many, repeated, halfUnique, lines: [...Array(59).fill('ok'), 'two\nlines'] }))).toEqual({
      many: 'text',
      repeated: 'categorical',
      halfUnique: 'text',
      lines: 'text',
    });
  });

  it('reports empty columns', () => {
    const inference = inferVariables(table({ a: ['1', '2'], empty: ['', 'NA'] }));
    expect(inference.variables[1].type).toBe('text');
    expect(inference.warnings).toEqual(["These columns have no values: 'empty'."]);
  });
});

describe('inferVariables: SPSS metadata', () => {
  const spss = (cells: RawCell[], extra: Partial<RawColumn>): ColumnSpec => ({ cells, hint: { kind: 'numeric', measure: 'scale' }, ...extra });

  it('uses value labels for the Likert range, without the missing codes', () => {
    const t = table({
      q1: spss([2, 3, null, 4], { valueLabels: { '1': 'Strongly disagree', '5': 'Strongly agree', '9': 'No answer' }, missingCodes: [9] }),
      nps: spss([0, 7, 10, 9], { valueLabels: { '0': 'Not at all likely', '10': 'Extremely likely' } }),
    });
    expect(types(t)).toEqual({ q1: 'likert 1-5', nps: 'likert 0-10' });
    expect(inferVariables(t).warnings).toEqual([]);
  });

  it('nominal variables and fully labelled codes are categorical', () => {
    const t = table({
      gender: spss([1, 2, 3, 2], { valueLabels: { '1': 'Male', '2': 'Female', '3': 'Other' }, hint: { kind: 'numeric', measure: 'nominal' } }),
      region: spss([1, 2, 3, 2], { valueLabels: { '1': 'North', '2': 'South', '3': 'East' } }),
      likertNominal: spss([1, 2, 5, 4], { valueLabels: { '1': 'low', '5': 'high' }, hint: { kind: 'numeric', measure: 'nominal' } }),
    });
    expect(types(t)).toEqual({ gender: 'categorical', region: 'categorical', likertNominal: 'categorical' });
  });

  it('labelled amounts stay numeric; scale variables without labels stay numeric', () => {
    const t = table({
      income: spss([0, 2500, 3100], { valueLabels: { '0': 'No income' } }),
      children: spss([1, 2, 2, 3], {}),
    });
    expect(types(t)).toEqual({ income: 'numeric', children: 'numeric' });
  });

  it('string variables are never numeric; date formats are dates', () => {
    const t = table({
      zip: { cells: ['12345', '80331', '12345'], hint: { kind: 'string' } },
      labelled: { cells: ['a', 'b', 'a'], hint: { kind: 'string' }, valueLabels: { a: 'Alpha' } },
      visit: { cells: ['2024-03-01', null], hint: { kind: 'date' } },
    });
    expect(types(t)).toEqual({ zip: 'categorical', labelled: 'categorical', visit: 'date' });
  });

  it('carries labels, value labels and missing codes into the variables', () => {
    const t = table({ q1: spss([4, null], { label: 'Trust', valueLabels: { '1': 'low', '5': 'high' }, missingCodes: [9] }) });
    expect(inferVariables(t).variables[0]).toEqual({
      name: 'q1',
      label: 'Trust',
      type: 'likert',
      likert: { min: 1, max: 5 },
      valueLabels: { '1': 'low', '5': 'high' },
      missingCodes: [9],
    });
  });
});

describe('overrideTypes: validated against every row', () => {
  const rows = Array.from({ length: 100 }, (_, i) => String((i % 5) + 1));
  rows[56] = 'n/a'; // row 57
  rows[80] = '2.5'; // row 81
  const t = table({ id: rows.map((_, i) => String(i + 1)), score: rows, city: rows.map(() => 'Köln') });
  const profiles = profileColumns(t);
  const inferred = inferVariables(t, { profiles }).variables;
  const override = (o: TypeOverrides) => overrideTypes(inferred, profiles, o);

  it('names the row and column of the first text in a column forced numeric', () => {
    expect(inferred[1].type).toBe('categorical');
    const error = importError(() => override({ score: 'numeric' }));
    expect(error).toMatchObject({ code: 'INVALID_VALUE', row: 57, column: 'score' });
    expect(error.message).toBe("row 57, column 'score': 'n/a' is not a number, so the column cannot be numeric.");
  });

  it('checks Likert answers are whole numbers within the range', () => {
    const clean = table({ q: ['1', '2', '6', '2.5', '3'] });
    const p = profileColumns(clean);
    const v = inferVariables(clean, { profiles: p }).variables;
    expect(importError(() => overrideTypes(v, p, { q: 'likert' })).message).toBe("row 4, column 'q': 2.5 is not a whole number, so the column cannot be a Likert item.");
    const whole = table({ q: ['1', '2', '6', '2', '3'] });
    const pw = profileColumns(whole);
    const vw = inferVariables(whole, { profiles: pw }).variables;
    const error = importError(() => overrideTypes(vw, pw, { q: { type: 'likert', likert: { min: 1, max: 5 } } }));
    expect(error).toMatchObject({ code: 'INVALID_VALUE', row: 3, column: 'q' });
    expect(error.message).toBe("row 3, column 'q': 6 is outside the Likert range 1–5.");
    expect(overrideTypes(vw, pw, { q: 'likert' }).variables[0].likert).toEqual({ min: 1, max: 6 });
  });

  it('changes types that need no validation, and drops a Likert range with the type', () => {
    const { variables } = override({ id: 'categorical', city: 'text' });
    expect(variables.map((v) => v.type)).toEqual(['categorical', 'categorical', 'text']);
    const likert = table({ q: ['1', '2', '3', '3'] });
    const p = profileColumns(likert);
    const v = inferVariables(likert, { profiles: p }).variables;
    expect(v[0].likert).toEqual({ min: 1, max: 3 });
    expect(overrideTypes(v, p, { q: 'numeric' }).variables[0]).toEqual({ name: 'q', label: '', type: 'numeric', valueLabels: {}, missingCodes: [] });
  });

  it('refuses a Likert type for values that are not a scale', () => {
    const p = profileColumns(t);
    const error = importError(() => overrideTypes(inferred, p, { id: 'likert' }));
    expect(error).toMatchObject({ code: 'INVALID_OPTION', column: 'id' });
    expect(error.message).toBe("Column 'id' has values from 1 to 100, which is not a Likert range; give the range (e.g. 1–5).");
  });

  it('refuses dates that are not dates, and asks for the order of ambiguous ones', () => {
    expect(importError(() => override({ city: 'date' }))).toMatchObject({ code: 'INVALID_VALUE', row: 1, column: 'city' });
    const ambiguous = table({ when: ['01/03/2024', '02/03/2024'] });
    const p = profileColumns(ambiguous);
    const v = inferVariables(ambiguous, { profiles: p }).variables;
    expect(importError(() => overrideTypes(v, p, { when: 'date' }))).toMatchObject({ code: 'INVALID_OPTION', column: 'when' });
    const { variables, plans } = overrideTypes(v, p, { when: { type: 'date', dateOrder: 'mdy' } });
    expect(convertColumn(ambiguous, ambiguous.columns[0], variables[0], plans[0])).toEqual(['2024-01-03', '2024-02-03']);
  });

  it('refuses unknown columns and types', () => {
    expect(importError(() => override({ nope: 'numeric' })).message).toBe("There is no column 'nope' to change the type of. The columns are: 'id', 'score', 'city'.");
    expect(importError(() => override({ id: 'integer' as never })).code).toBe('INVALID_OPTION');
  });
});

describe('convertColumn', () => {
  const variable = (type: Variable['type'], extra: Partial<Variable> = {}): Variable => ({ name: 'x', label: '', type, valueLabels: {}, missingCodes: [], ...extra });

  it('numbers: missing strings and missing codes become null, decimal commas are read', () => {
    const t = table({ x: ['1,5', '', 'NA', '.', '-2', '99', 7] });
    expect(convertColumn(t, t.columns[0], variable('numeric', { missingCodes: [99] }), { decimalComma: true })).toEqual([1.5, null, null, null, -2, null, 7]);
  });

  it('names the file row of a bad value, after skipped rows', () => {
    const t = table({ x: ['1', '2', 'three'] }, [1, 2, 5]);
    const error = importError(() => convertColumn(t, t.columns[0], variable('numeric')));
    expect(error).toMatchObject({ code: 'INVALID_VALUE', row: 5, column: 'x' });
    expect(error.message).toBe("row 5, column 'x': 'three' is not a number.");
  });

  it('Likert values outside the range are errors', () => {
    const t = table({ x: ['1', '5', '9'] });
    expect(importError(() => convertColumn(t, t.columns[0], variable('likert', { likert: { min: 1, max: 5 } }))).message).toBe(
      "row 3, column 'x': 9 is outside the Likert range 1–5.",
    );
  });

  it('categories and text: numbers become strings, missing becomes null', () => {
    const t = table({ x: [1, 2.5, 'Köln', '', null] });
    expect(convertColumn(t, t.columns[0], variable('categorical'))).toEqual(['1', '2.5', 'Köln', null, null]);
  });

  it('dates become ISO strings', () => {
    const t = table({ x: ['31.12.2024', '2024-3-1', '2024-03-01 9:05', '13/01/2024', null] });
    expect(convertColumn(t, t.columns[0], variable('date'), { dateOrder: 'dmy' })).toEqual(['2024-12-31', '2024-03-01', '2024-03-01T09:05:00', '2024-01-13', null]);
  });
});
