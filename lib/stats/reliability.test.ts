import { describe, expect, it } from 'vitest';
import { StatsError } from './errors';
import { oneFactorUls, reliability } from './reliability';
import { expectRel, readGoldenCsv, readGoldenJson } from './test-utils';

// Expected: psych 2.2 alpha() and the converged one-factor ULS fit (make-golden-core.R).
const g = readGoldenJson('reliability-expected.json');
const df = readGoldenCsv('ols-survey.csv');

describe('reliability against R psych', () => {
  const r = reliability(df, { items: g.items, reverse: g.reversed, scaleMin: g.scaleMin, scaleMax: g.scaleMax });
  it('sample', () => {
    expect(r.n).toBe(g.n);
    expect(r.nDropped).toBe(g.nDropped);
  });
  it('alpha, standardized alpha (rel 1e-8)', () => {
    expectRel(r.alpha, g.alpha, 1e-8, 'alpha');
    expectRel(r.standardizedAlpha, g.standardizedAlpha, 1e-8, 'std alpha');
  });
  it('omega total: converged ULS fit (rel 1e-8) and psych default minres (rel 1e-6)', () => {
    expectRel(r.omegaTotal, g.omegaTotal, 1e-8, 'omega');
    expectRel(r.omegaTotal, g.omegaTotalPsychMinres, 1e-6, 'omega vs psych minres');
    r.items.forEach((it, j) => expectRel(it.loading, g.loadings[j], 1e-8, `loading ${it.name}`));
  });
  it('item statistics', () => {
    r.items.forEach((it, j) => {
      expect(it.name).toBe(g.items[j]);
      expectRel(it.itemTotalCorrelation, g.itemTotalCorrelation[j], 1e-8, `r.drop ${it.name}`);
      expectRel(it.alphaIfDeleted, g.alphaIfDeleted[j], 1e-8, `alpha.drop ${it.name}`);
    });
    expect(r.items.find((x) => x.name === 'q4')!.reversed).toBe(true);
  });
});

describe('reliability degenerate input', () => {
  const base = { a: [1, 2, 3, 4, 5], b: [2, 2, 3, 5, 4], c: [1, 3, 3, 4, 5] };
  it('constant item', () => {
    const e = (() => {
      try {
        reliability({ ...base, c: [3, 3, 3, 3, 3] }, { items: ['a', 'b', 'c'] });
      } catch (err) {
        return err as StatsError;
      }
    })();
    expect(e?.code).toBe('constant-column');
    expect(e?.message).toBe("item 'c' is constant");
  });
  it('option errors', () => {
    expect(() => reliability(base, { items: ['a'] })).toThrow(/at least 2 items/);
    expect(() => reliability(base, { items: ['a', 'b'], reverse: ['b'] })).toThrow(/scale minimum and maximum/);
    expect(() => reliability(base, { items: ['a', 'b'], reverse: ['b'], scaleMin: 1, scaleMax: 4 })).toThrow(/outside the scale/);
    expect(() => reliability({ a: [1, 2], b: [2, 1] }, { items: ['a', 'b'] })).toThrow(/at least 3 complete cases/);
  });
  it('two items: omega and alpha-if-deleted are null, not NaN', () => {
    const r = reliability(base, { items: ['a', 'b'] });
    expect(r.omegaTotal).toBeNull();
    expect(r.items[0].alphaIfDeleted).toBeNull();
    expect(Number.isFinite(r.alpha)).toBe(true);
  });
  it('one-factor fit reproduces an exact one-factor matrix', () => {
    const l = [0.8, 0.7, 0.6, 0.5];
    const R = l.map((a, i) => l.map((b, j) => (i === j ? 1 : a * b)));
    oneFactorUls(R).loadings.forEach((v, j) => expectRel(v, l[j], 1e-10, `loading ${j}`));
  });
});
