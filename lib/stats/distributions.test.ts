import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, pTwoSidedT, pTwoSidedZ, pUpperChisq, pUpperF, tQuantile } from './distributions';
import { StatsError } from './errors';
import { expectAbs, expectRel, readGoldenJson } from './test-utils';

// Expected values: R 4.x pt/pf/pchisq/pnorm/qt/qnorm (lib/stats/golden/make-golden-core.R).
const g = readGoldenJson('distributions-expected.json');

describe('distributions against R', () => {
  it('two-sided t p-values (abs 1e-10, rel 1e-9 for tiny p)', () => {
    for (const c of g.t) {
      const p = pTwoSidedT(c.t, c.df);
      expectAbs(p, c.p, 1e-10, `t=${c.t} df=${c.df}`);
      if (c.p > 1e-300) expectRel(p, c.p, 1e-9, `rel t=${c.t} df=${c.df}`);
    }
  });
  it('F upper tail', () => {
    for (const c of g.f) {
      const p = pUpperF(c.f, c.df1, c.df2);
      expectAbs(p, c.p, 1e-10, `F=${c.f}`);
      expectRel(p, c.p, 1e-9, `rel F=${c.f}`);
    }
  });
  it('chi-squared upper tail', () => {
    for (const c of g.chisq) {
      const p = pUpperChisq(c.x, c.df);
      expectAbs(p, c.p, 1e-10, `x=${c.x}`);
      expectRel(p, c.p, 1e-9, `rel x=${c.x}`);
    }
  });
  it('normal cdf and two-sided z', () => {
    for (const c of g.z) {
      expectAbs(normalCdf(c.z), c.cdf, 1e-15, `cdf z=${c.z}`);
      expectAbs(pTwoSidedZ(c.z), c.p, 1e-15, `p z=${c.z}`);
      if (c.p > 1e-300) expectRel(pTwoSidedZ(c.z), c.p, 1e-12, `rel p z=${c.z}`);
    }
  });
  it('quantiles', () => {
    for (const c of g.qt) expectRel(tQuantile(c.p, c.df), c.q, 1e-10, `qt(${c.p}, ${c.df})`);
    for (const c of g.qnorm) expectRel(normalQuantile(c.p), c.q, 1e-12, `qnorm(${c.p})`);
  });
  it('edge cases and invalid input', () => {
    expect(pTwoSidedT(0, 5)).toBe(1);
    expect(pTwoSidedT(Infinity, 5)).toBe(0);
    expect(pUpperF(0, 2, 3)).toBe(1);
    expect(pUpperChisq(0, 2)).toBe(1);
    expect(() => pTwoSidedT(1, 0)).toThrow(StatsError);
    expect(() => pTwoSidedT(NaN, 3)).toThrow(StatsError);
    expect(() => tQuantile(1, 3)).toThrow(StatsError);
    expect(() => normalQuantile(0)).toThrow(/probability/);
  });
});
