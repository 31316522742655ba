import { describe, expect, it } from 'vitest';
import { correlation, rank } from './correlation';
import { StatsError } from './errors';
import { stars } from './stars';
import { expectAbs, expectRel, readGoldenCsv, readGoldenJson } from './test-utils';

// Expected: R cor.test (exact = FALSE), pairwise complete observations (make-golden-core.R).
const g = readGoldenJson('correlation-expected.json');
const df = readGoldenCsv('ols-survey.csv');

for (const method of ['pearson', 'spearman'] as const) {
  describe(`${method} against R`, () => {
    const r = correlation(df, { vars: g.variables, method });
    const e = g[method];
    it('r (rel 1e-8), p (abs 1e-10), pairwise n', () => {
      expect(r.variables).toEqual(g.variables);
      for (let a = 0; a < g.variables.length; a++)
        for (let b = 0; b < g.variables.length; b++) {
          expect(r.n[a][b]).toBe(e.n[a][b]);
          expectRel(r.r[a][b], e.r[a][b], 1e-8, `r[${a}][${b}]`);
          if (a === b) expect(r.p[a][b]).toBeNull();
          else expectAbs(r.p[a][b], e.p[a][b], 1e-10, `p[${a}][${b}]`);
        }
    });
  });
}

describe('correlation details', () => {
  it('mid-ranks', () => expect(rank([10, 20, 10, 5])).toEqual([2.5, 4, 2.5, 1]));
  it('stars conventions', () => {
    expect([stars(0.04), stars(0.009), stars(0.0009), stars(0.2)]).toEqual(['*', '**', '***', '']);
    expect([stars(0.08, 'econ'), stars(0.04, 'econ'), stars(0.009, 'econ')]).toEqual(['*', '**', '***']);
    expect(stars(0.02, [0.05, 0.025])).toBe('**');
    expect(() => stars(0.02, [0.01, 0.05])).toThrow(StatsError);
    const r = correlation(df, { vars: g.variables, stars: 'econ' });
    expect(r.stars[0][0]).toBe('');
  });
  it('listwise option uses one common sample', () => {
    const r = correlation(df, { vars: g.variables, missing: 'listwise' });
    const n = r.n[0][1];
    expect(r.n.every((row) => row.every((v) => v === n))).toBe(true);
    expect(r.nDropped).toBeGreaterThan(0);
  });
  it('degenerate input', () => {
    expect(() => correlation({ a: [1, 2, 3, 4], b: [2, 2, 2, 2] }, { vars: ['a', 'b'] })).toThrow(/column 'b' is constant/);
    expect(() => correlation({ a: [1, 2, null, 4], b: [2, null, 1, 3] }, { vars: ['a', 'b'] })).toThrow(/2 complete pairs/);
    expect(() => correlation({ a: [1, 2, 3] }, { vars: ['a'] })).toThrow(/at least 2 variables/);
    expect(() => correlation({ a: [1, 2, 3], b: [1, 'x', 3] }, { vars: ['a', 'b'] })).toThrow(/'x' is not a number/);
    expect(() => correlation({ a: [1, 2, 3], b: [1, 2, 3] }, { vars: ['a', 'b'], method: 'kendall' as never })).toThrow(/unknown method/);
  });
});
