import { describe, expect, it } from 'vitest';
import { StatsError } from './errors';
import { buildDesign, completeRows, dummyCode, factorLevels, numericColumn, parseCsv, selectNumeric } from './frame';

describe('parseCsv', () => {
  it('parses numbers, missing codes and text', () => {
    const df = parseCsv('\uFEFFy,x,g\n1,2.5,a\n"3",NA,b\n4,.,\n5,-1e-3,"c, d"\n');
    expect(df).toEqual({ y: [1, 3, 4, 5], x: [2.5, null, null, -0.001], g: ['a', 'b', null, 'c, d'] });
  });
  it('pads short rows and rejects long rows and bad headers', () => {
    expect(parseCsv('a,b\n1\n').b).toEqual([null]);
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/line 2 has 3 fields/);
    expect(() => parseCsv('a,a\n1,2\n')).toThrow(/appears twice/);
    expect(() => parseCsv('')).toThrow(StatsError);
  });
});

describe('numeric selection', () => {
  const df = { y: [1, 2, null, 4, 5], x: [1, '2', 3, 'NA', 6], g: ['a', 'b', 'a', 'b', null] };
  it('listwise deletion reports n and nDropped', () => {
    const s = selectNumeric(df, ['y', 'x'], ['g']);
    expect(s.rows).toEqual([0, 1]);
    expect(s.n).toBe(2);
    expect(s.nDropped).toBe(3);
    expect(Array.from(s.columns.x)).toEqual([1, 2]);
  });
  it('non-numeric values name column and row', () => {
    try {
      numericColumn({ age: [30, 'thirty'] }, 'age');
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(StatsError);
      expect((e as StatsError).code).toBe('non-numeric');
      expect((e as StatsError).message).toBe("column 'age' row 2: 'thirty' is not a number");
    }
  });
  it('missing columns and unequal lengths', () => {
    expect(() => completeRows(df, ['nope'])).toThrow(/column 'nope' not found/);
    expect(() => completeRows({ a: [1], b: [1, 2] }, ['a'])).toThrow(/has 2 rows, expected 1/);
  });
});

describe('factors and interactions', () => {
  it('levels sort numerically or by code point', () => {
    expect(factorLevels(['10', '9', '2'])).toEqual(['2', '9', '10']);
    expect(factorLevels(['west', 'east', 'central'])).toEqual(['central', 'east', 'west']);
  });
  it('dummy coding with a reference level', () => {
    const d = dummyCode('region', ['e', 'w', 'c', 'e'], 'e');
    expect(d.names).toEqual(['region[c]', 'region[w]']);
    expect(Array.from(d.columns[1])).toEqual([0, 1, 0, 0]);
    expect(() => dummyCode('region', ['e', 'w'], 'x')).toThrow(/reference level 'x'/);
    expect(() => dummyCode('region', ['e', 'e'])).toThrow(/only one level/);
  });
  it('design with factor, numeric and interaction columns', () => {
    const df = { x: [1, 2, 3, 4], g: ['a', 'b', 'c', 'b'], w: [2, 0, 1, 1] };
    const d = buildDesign(df, ['x', 'g', 'x:w', 'g:x'], { factors: { g: 'b' } });
    expect(d.names).toEqual(['(Intercept)', 'x', 'g[a]', 'g[c]', 'x:w', 'g[a]:x', 'g[c]:x']);
    expect(Array.from(d.columns[4])).toEqual([2, 0, 3, 4]);
    expect(Array.from(d.columns[6])).toEqual([0, 0, 3, 0]);
    expect(d.columnTerm).toEqual(['(Intercept)', 'x', 'g', 'g', 'x:w', 'g:x', 'g:x']);
  });
});
