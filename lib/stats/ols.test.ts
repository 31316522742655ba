import { describe, expect, it } from 'vitest';
import { ols, type OlsCoefficient } from './ols';
import type { SeType } from './types';
import { catchStatsError, expectAbs, expectRel, readGoldenCsv, readGoldenJson } from './test-utils';

// Expected: R lm + sandwich (vcovHC HC1/HC3, vcovCL type HC1 = Stata CR1), t tests on n − k df
// (G − 1 for clusters, as Stata), make-golden-core.R. Tolerances: rel 1e-8 on estimates, SEs,
// t, CI, β, VIF, R², F; abs 1e-10 on p-values.
const g = readGoldenJson('ols-expected.json');
const df = readGoldenCsv('ols-survey.csv');
const REL = 1e-8;

/** R's column names → ours: "sectorngo" → "sector[ngo]"; interaction parts compared unordered. */
const normalize = (term: string) =>
  term
    .split(':')
    .map((p) => p.replace(/^sector(ngo|private|public)$/, 'sector[$1]'))
    .sort()
    .join(':');

function compareTable(actual: OlsCoefficient[], expected: any[], where: string, checkBeta = true) {
  expect(actual.length).toBe(expected.length);
  const byTerm = new Map(actual.map((c) => [normalize(c.term), c]));
  for (const e of expected) {
    const c = byTerm.get(normalize(e.term));
    expect(c, `${where}: term ${e.term}`).toBeDefined();
    for (const key of ['estimate', 'se', 't', 'ciLower', 'ciUpper'] as const) expectRel(c![key], e[key], REL, `${where} ${e.term}.${key}`);
    expectAbs(c!.p, e.p, 1e-10, `${where} ${e.term}.p`);
    if (!checkBeta) continue;
    if (e.beta === null) expect(c!.beta).toBeUndefined();
    else expectRel(c!.beta, e.beta, REL, `${where} ${e.term}.beta`);
  }
}

for (const c of g.cases) {
  describe(`ols '${c.name}' against R`, () => {
    const factors = Array.isArray(c.factors) ? {} : c.factors;
    for (const se of ['classic', 'hc1', 'hc3', 'cluster'] as SeType[]) {
      it(`se = ${se}`, () => {
        const r = ols(df, { y: c.y, x: c.x, factors, se, cluster: se === 'cluster' ? 'school' : undefined });
        const e = c.se[se];
        expect(r.n).toBe(c.n);
        expect(r.nDropped).toBe(c.nDropped);
        compareTable(r.coefficients, e.coefficients, se);
        expectRel(r.r2, c.r2, REL, 'r2');
        expectRel(r.adjR2, c.adjR2, REL, 'adjR2');
        expectRel(r.sigma, c.sigma, REL, 'sigma');
        expectRel(r.f, e.overall.f, REL, 'F');
        expect(r.dfModel).toBe(e.overall.df1);
        expect(r.dfResidual).toBe(e.overall.df2);
        expectAbs(r.pF, e.overall.p, 1e-10, 'pF');
        if (se === 'cluster') expect(r.nClusters).toBe(c.nClusters);
        if (se === 'classic') expect(r.dfResidual).toBe(c.dfResidual);
      });
    }
    it('VIF', () => {
      const r = ols(df, { y: c.y, x: c.x, factors });
      const byTerm = new Map(r.coefficients.map((x) => [normalize(x.term), x]));
      c.vifTerms.forEach((t: string, j: number) => expectRel(byTerm.get(normalize(t))!.vif, c.vif[j], REL, `VIF ${t}`));
      expect(r.coefficients[0].vif).toBeUndefined();
    });
  });
}

describe('hierarchical regression against R anova()', () => {
  const h = g.hierarchical;
  const r = ols(df, { y: 'satisfaction', blocks: h.blocks, factors: h.factors });
  it('blocks: R², ΔR², ΔF, df, p', () => {
    expect(r.n).toBe(h.n);
    expect(r.blocks).toHaveLength(3);
    r.blocks!.forEach((b, i) => {
      const e = h.steps[i];
      expect(b.terms).toEqual(h.blocks[i]);
      expectRel(b.r2, e.r2, REL, `block ${i + 1} r2`);
      expectRel(b.deltaR2, e.deltaR2, REL, `block ${i + 1} deltaR2`);
      expectRel(b.deltaF, e.deltaF, REL, `block ${i + 1} deltaF`);
      expect([b.df1, b.df2]).toEqual([e.df1, e.df2]);
      expectAbs(b.pDeltaF, e.pDeltaF, 1e-10, `block ${i + 1} p`);
    });
    compareTable(r.coefficients, h.final, 'final', false);
  });
});

describe('ols degenerate input', () => {
  const base = {
    y: [3.1, 2.4, 5.6, 4.4, 6.1, 5.0, 7.2, 6.3],
    x1: [1, 2, 3, 4, 5, 6, 7, 8],
    x2: [2, 1, 4, 3, 6, 5, 8, 9],
    c: [5, 5, 5, 5, 5, 5, 5, 5],
    g: ['a', 'a', 'a', 'a', 'a', 'a', 'a', 'a'],
    s: ['u', 'u', 'v', 'v', 'w', 'w', 'u', 'v'],
  };
  const err = catchStatsError;
  it('constant predictor and constant outcome', () => {
    expect(err(() => ols(base, { y: 'y', x: ['x1', 'c'] })).message).toBe("column 'c' is constant (5)");
    expect(err(() => ols(base, { y: 'c', x: ['x1'] })).message).toBe("outcome 'c' is constant (5)");
  });
  it('perfect collinearity names the columns', () => {
    const df = { ...base, x3: base.x1.map((v, i) => 2 * v - base.x2[i]) };
    const e = err(() => ols(df, { y: 'y', x: ['x1', 'x2', 'x3'] }));
    expect(e.code).toBe('collinear');
    expect(e.message).toBe('perfect collinearity among: x1, x2, x3');
  });
  it('n ≤ parameters', () => {
    const small = { y: [1, 2, 4], x1: [1, 3, 2], x2: [5, 1, 2], x3: [0, 1, 1] };
    expect(err(() => ols(small, { y: 'y', x: ['x1', 'x2', 'x3'] })).message).toBe('n (3) must exceed the number of parameters (4)');
  });
  it('non-numeric value, missing column, single cluster, one-level factor', () => {
    expect(err(() => ols({ ...base, x2: ['1', 'two', 3, 4, 5, 6, 7, 8] }, { y: 'y', x: ['x2'] })).code).toBe('non-numeric');
    expect(err(() => ols(base, { y: 'y', x: ['nope'] })).code).toBe('missing-column');
    expect(err(() => ols(base, { y: 'y', x: ['x1'], se: 'cluster', cluster: 'g' })).code).toBe('single-cluster');
    expect(err(() => ols(base, { y: 'y', x: ['x1', 'g'], factors: { g: null } })).code).toBe('constant-column');
    expect(err(() => ols(base, { y: 'y', x: ['x1'], se: 'cluster' })).code).toBe('invalid-option');
    expect(err(() => ols(base, { y: 'y', x: [] })).code).toBe('invalid-option');
  });
  it('results are finite', () => {
    const r = ols(base, { y: 'y', x: ['x1', 's'], factors: { s: 'u' }, se: 'hc3' });
    for (const c of r.coefficients) for (const v of [c.estimate, c.se, c.t, c.p, c.ciLower, c.ciUpper]) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('ols on complete numeric data (no listwise deletion, no dummies)', () => {
  // The complete rows of ols-survey as plain number arrays take ols' direct path; the full
  // data (with missing values) take listwise deletion. Same rows, same results.
  const vars = ['satisfaction', 'age', 'tenure', 'income', 'female', 'school'];
  const keep = df.satisfaction.map((_, i) => vars.every((v) => typeof df[v][i] === 'number'));
  const complete = Object.fromEntries(vars.map((v) => [v, df[v].filter((_, i) => keep[i])]));
  for (const se of ['classic', 'hc1', 'hc3', 'cluster'] as SeType[]) {
    it(`matches the listwise-deletion path (${se})`, () => {
      const opts = { y: 'satisfaction', x: ['age', 'tenure', 'income', 'female'], se, cluster: se === 'cluster' ? 'school' : undefined };
      const direct = ols(complete, opts);
      const general = ols(df, opts);
      expect(direct.n).toBe(general.n);
      expect(direct.nDropped).toBe(0);
      expect(general.nDropped).toBeGreaterThan(0);
      general.coefficients.forEach((c, i) => {
        for (const key of ['estimate', 'se', 'beta', 'vif'] as const) {
          if (c[key] !== undefined) expectRel(direct.coefficients[i][key], c[key]!, 1e-13, `${c.term}.${key}`);
        }
      });
      expectRel(direct.r2, general.r2, 1e-13, 'R2');
      expectRel(direct.f!, general.f!, 1e-12, 'F');
    });
  }
});
