import { describe as group, expect, it } from 'vitest';
import { describe, median, summarizeValues } from './describe';
import { StatsError } from './errors';
import { expectRel, readGoldenCsv, readGoldenJson } from './test-utils';

// Expected: psych::describe(type = 2) (SPSS G1/G2) and R median, lib/stats/golden/make-golden-core.R.
const g = readGoldenJson('describe-expected.json');
const df = readGoldenCsv('ols-survey.csv');
const TOL = 1e-8;

function compare(actual: ReturnType<typeof describe>['variables'], expected: any[], where: string) {
  expect(actual.map((v) => v.name)).toEqual(expected.map((v) => v.name));
  actual.forEach((v, j) => {
    const e = expected[j];
    expect(v.n).toBe(e.n);
    for (const key of ['mean', 'sd', 'min', 'median', 'max', 'skewness', 'kurtosis'] as const) {
      expectRel(v[key], e[key], TOL, `${where} ${v.name}.${key}`);
    }
  });
}

group('describe against R psych', () => {
  it('listwise sample', () => {
    const r = describe(df, { vars: g.vars });
    expect(r.n).toBe(g.n);
    expect(r.nDropped).toBe(g.nDropped);
    compare(r.variables, g.variables, 'all');
  });
  it('by group', () => {
    const r = describe(df, { vars: g.vars, group: 'sector' });
    expect(r.groups!.map((x) => x.group)).toEqual(g.byGroup.groups.map((x: any) => x.group));
    r.groups!.forEach((x, i) => compare(x.variables, g.byGroup.groups[i].variables, x.group));
  });
});

group('describe edge cases', () => {
  it('SPSS standard errors of skewness and kurtosis (n = 10)', () => {
    const s = summarizeValues('x', [1, 2, 2, 3, 4, 5, 8, 9, 12, 20]);
    // SPSS prints .687 and 1.334 for n = 10; exact values from the formulas in describe.ts.
    expectRel(s.seSkewness, Math.sqrt((6 * 10 * 9) / (8 * 11 * 13)), 1e-14, 'SE skew');
    expectRel(s.seKurtosis, 2 * Math.sqrt((6 * 10 * 9) / (8 * 11 * 13)) * Math.sqrt(99 / (7 * 15)), 1e-14, 'SE kurt');
    expect(Math.abs(s.seSkewness! - 0.687)).toBeLessThan(5e-4);
    expect(Math.abs(s.seKurtosis! - 1.334)).toBeLessThan(5e-4);
  });
  it('undefined statistics are null, never NaN', () => {
    const s = summarizeValues('c', [3, 3, 3, 3]);
    expect(s.sd).toBe(0);
    expect(s.skewness).toBeNull();
    expect(s.kurtosis).toBeNull();
    expect(summarizeValues('one', [5]).sd).toBeNull();
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('errors', () => {
    expect(() => describe({ x: [null, null] }, { vars: ['x'] })).toThrow(StatsError);
    expect(() => describe({ x: [1, 'a'] }, { vars: ['x'] })).toThrow(/'a' is not a number/);
    expect(() => describe({ x: [1] }, { vars: [] })).toThrow(/at least one variable/);
    expect(() => describe({ x: [1] }, { vars: ['y'] })).toThrow(/column 'y' not found/);
  });
});
