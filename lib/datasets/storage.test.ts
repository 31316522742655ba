import { describe, expect, it } from 'vitest';

import { decodeDataset, encodeDataset } from './storage';
import type { Dataset, Variable } from './types';

const v = (name: string, type: Variable['type'] = 'numeric'): Variable => ({ name, label: '', type, valueLabels: {}, missingCodes: [] });

describe('dataset storage', () => {
  it('round-trips numbers, text, missing values and Chinese labels exactly', () => {
    const dataset: Dataset = {
      variables: [v('id'), { ...v('q1', 'likert'), likert: { min: 1, max: 5 }, label: '满意度', valueLabels: { '1': '非常不同意' } }, v('city', 'categorical')],
      columns: { id: [1, 2, 3], q1: [5, null, 0.1 + 0.2], city: ['北京', 'Zürich', null] },
      rowCount: 3,
    };
    const encoded = encodeDataset(dataset);
    expect(encoded.data[0]).toBe(0x1f); // gzip
    const back = decodeDataset(encoded.variables, encoded.rowCount, encoded.data);
    expect(back).toEqual(dataset);
    expect(back.columns.q1[2]).toBe(0.1 + 0.2);
  });

  it('compresses 100,000 rows of Likert answers to a fraction of their JSON', () => {
    const n = 100_000;
    const items = Array.from({ length: 10 }, (_, j) => v(`q${j + 1}`, 'likert'));
    const columns = Object.fromEntries(items.map((item, j) => [item.name, Array.from({ length: n }, (_, i) => ((i * 7 + j * 3) % 5) + 1)]));
    const encoded = encodeDataset({ variables: items, columns, rowCount: n });
    expect(encoded.data.byteLength).toBeLessThan(JSON.stringify(Object.values(columns)).length / 10);
    expect(decodeDataset(items, n, encoded.data).columns.q10[n - 1]).toBe(columns.q10[n - 1]);
  });

  it('refuses a column of the wrong length on both sides', () => {
    expect(() => encodeDataset({ variables: [v('a')], columns: { a: [1] }, rowCount: 2 })).toThrow(/'a' has 1 values for 2 rows/);
    const encoded = encodeDataset({ variables: [v('a')], columns: { a: [1, 2] }, rowCount: 2 });
    expect(() => decodeDataset([v('a')], 3, encoded.data)).toThrow(/'a' has 2 values for 3 rows/);
    expect(() => decodeDataset([v('a'), v('b')], 2, encoded.data)).toThrow(/1 columns for 2 variables/);
  });
});
