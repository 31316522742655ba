import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { PubTable } from './model';
import { renderCsv } from './render-csv';
import { sheetLayout } from './sheet-layout';
import { checkAllCases, tableCases, type Grid } from './test-support';

function records(csv: string): string[][] {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: false, newline: '\r\n', delimiter: ',' });
  expect(parsed.errors).toEqual([]);
  // The final CRLF yields one empty trailing record.
  expect(parsed.data.at(-1)).toEqual(['']);
  return parsed.data.slice(0, -1);
}

function csvGrid(table: PubTable, csv: string): Grid {
  const rec = records(csv);
  const h = table.columns.length;
  return { header: rec.slice(1, 1 + h), body: rec.slice(1 + h, 1 + h + table.rows.length) };
}

const fmt = { decimals: 2, leadingZero: true, thousands: false, minus: 'hyphen' } as const;
const hostile: PubTable = {
  title: '=HYPERLINK("http://evil.example","x")',
  style: 'econ',
  columns: [[{ text: '@Variable' }, { text: 'Coef.' }]],
  rows: [
    { cells: [{ text: '-cmd|calc' }, { text: '-1.50', value: -1.5, format: fmt, stars: '**' }] },
    { cells: [{ text: 'a, "quoted"\nname' }, { text: '+', colSpan: 1 }] },
  ],
  notes: ['x, y and "z".'],
};

describe('renderCsv', () => {
  it('shows every number of every table as the engine value rounded to the decimals (formatted)', async () => {
    await checkAllCases('csv', (tc) => csvGrid(tc.table, renderCsv(tc.table)));
  });

  it('writes the title, header rows, body, a blank record and the note; every record as wide as the table', () => {
    const tc = tableCases().find((c) => c.name.startsWith('describe'))!;
    const rec = records(renderCsv(tc.table, { number: 1 }));
    expect(rec.every((r) => r.length === 10)).toBe(true);
    expect(rec[0][0]).toBe('Table 1. Descriptive Statistics');
    expect(rec[1]).toEqual(['', '', '', '', '', '', 'Skewness', '', 'Kurtosis', '']);
    expect(rec[2]).toEqual(['Variable', 'N', 'Minimum', 'Maximum', 'M', 'SD', 'Statistic', 'SE', 'Statistic', 'SE']);
    expect(rec[3][0]).toMatch(/^Total \(N = \d+\)$/);
    expect(rec.at(-2)).toEqual(new Array(10).fill(''));
    expect(rec.at(-1)![0]).toBe(`Note. ${tc.table.notes.join(' ')}`);
    const bare = Papa.parse<string[]>(renderCsv(tc.table, { title: false, notes: false, bom: false }), { skipEmptyLines: true }).data;
    expect(bare[0][6]).toBe('Skewness');
    expect(bare).toHaveLength(2 + tc.table.rows.length);
  });

  it('raw: full-precision numbers, stars and inline statistics in columns of their own', () => {
    const tc = tableCases().find((c) => c.name.startsWith('comparison of panel models'))!;
    const layout = sheetLayout(tc.table, { starsColumn: true });
    const rec = records(renderCsv(tc.table, { numbers: 'raw' }));
    expect(rec.every((r) => r.length === layout.ncol)).toBe(true);
    // (1) … (5) each cover coefficient, stars and t: 1 + 5 × 3 columns.
    expect(layout.ncol).toBe(16);
    const header = rec[2];
    expect(header.slice(0, 4)).toEqual(['Variable', '(1)', '', '']);
    const x1 = rec.find((r) => r[0] === 'x1')!;
    const pooled = tc.checks.filter((c) => c.row === 'x1' && c.col === 1);
    expect(Number(x1[1])).toBe(pooled[0].value); // exact: the shortest round-trip decimal
    expect(x1[2]).toBe(pooled[0].stars);
    expect(Number(x1[3])).toBe(pooled[1].value);
    const obs = rec.find((r) => r[0] === 'Observations')!;
    expect(obs[1]).toBe('1079');
    expect(rec.find((r) => r[0] === 'Firm FE')![1]).toBe('No');
  });

  it('quotes commas, quotes and line breaks, and neutralises formula-like text but not numbers', () => {
    const rec = records(renderCsv(hostile));
    expect(rec[0][0]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(rec[1]).toEqual(["'@Variable", 'Coef.']);
    expect(rec[2]).toEqual(["'-cmd|calc", '-1.50**']);
    expect(rec[3]).toEqual(['a, "quoted"\nname', "'+"]);
    expect(rec[5][0]).toBe('Note. x, y and "z".');
    const raw = records(renderCsv(hostile, { numbers: 'raw' }));
    expect(raw[2]).toEqual(["'-cmd|calc", '-1.5', '**']);
  });
});
