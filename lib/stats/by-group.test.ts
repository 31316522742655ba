import { describe, expect, it } from 'vitest';
import { byGroup, chowTest, compareEstimates, comparableEstimates } from './by-group';
import { StatsError } from './errors';
import { mediate } from './mediate';
import { moderate } from './moderate';
import { ols } from './ols';
import { expectAbs, expectRel, readGoldenCsv, readGoldenJson } from './test-utils';

// Expected values: lib/stats/golden/make-golden-mediation.R, section 6 (separate lm fits by
// ownership; z = (b1 − b2)/√(se1² + se2²); anova(pooled, fully interacted) for the Chow test).
const g = readGoldenJson('by-group-expected.json');
const df = readGoldenCsv('mediate-survey.csv');
const REL = 1e-8;
const ABS_P = 1e-10;

describe('byGroup: OLS by ownership against R', () => {
  const e = g.ols;
  const r = byGroup(df, { group: 'ownership' }, (sub) => ols(sub, { y: e.y, x: e.x }));

  it('levels, per-group n and bookkeeping', () => {
    expect(r.levels).toEqual(e.levels);
    expect(r.groups.map((x) => x.result!.n)).toEqual(e.n);
    expect(r.n).toBe(e.nTotal);
    expect(r.nDropped).toBe(e.nDroppedTotal);
    expect(r.nMissingGroup).toBe(4);
    expect(r.groups.every((x) => x.error === null)).toBe(true);
  });

  it('per-group coefficients match R', () => {
    r.groups.forEach((grp, i) => {
      const exp = e.groups[i];
      expect(grp.level).toBe(exp.level);
      expectRel(grp.result!.r2, exp.r2, REL, `${grp.level} r2`);
      grp.result!.coefficients.forEach((c, j) => {
        expect(c.term).toBe(exp.coefficients[j].term);
        expectRel(c.estimate, exp.coefficients[j].estimate, REL, `${grp.level} ${c.term}`);
        expectRel(c.se, exp.coefficients[j].se, REL, `${grp.level} ${c.term} se`);
        expectAbs(c.p, exp.coefficients[j].p, ABS_P, `${grp.level} ${c.term} p`);
      });
    });
  });

  it('z tests of equal coefficients (Clogg et al. 1995) match R', () => {
    expect(r.comparisons).toHaveLength(1);
    const cmp = r.comparisons[0];
    expect([cmp.group1, cmp.group2]).toEqual(e.levels);
    expect(cmp.tests.map((t) => t.term)).toEqual(e.zTests.map((t: any) => t.term));
    cmp.tests.forEach((t, i) => {
      const x = e.zTests[i];
      expectRel(t.difference, x.difference, REL, `${t.term} diff`);
      expectRel(t.se, x.se, REL, `${t.term} se`);
      expectRel(t.z, x.z, REL, `${t.term} z`);
      expectAbs(t.p, x.p, ABS_P, `${t.term} p`);
    });
    // The empowerment slope differs between state-owned and private firms.
    expect(cmp.tests.find((t) => t.term === 'empower')!.p).toBeLessThan(0.05);
  });

  it('Chow test and pooled interaction rows match R anova / lm', () => {
    const c = chowTest(df, { y: e.y, terms: e.x, group: 'ownership' });
    expect(c.n).toBe(e.nTotal);
    expect(c.df1).toBe(e.chow.df1);
    expect(c.df2).toBe(e.chow.df2);
    expectRel(c.f, e.chow.f, REL, 'Chow F');
    expectAbs(c.p, e.chow.p, ABS_P, 'Chow p');
    expectRel(c.rssPooled, e.chow.rssPooled, REL, 'RSS pooled');
    expectRel(c.rssFull, e.chow.rssSeparate, REL, 'RSS full = Σ RSS_g');
    expect(c.reference).toBe('private');
    const rename = (t: string) => t.replace(/\bD$/, 'ownership[state]');
    expect(c.interactions.map((x) => x.term)).toEqual(e.interactions.map((x: any) => rename(x.term)));
    c.interactions.forEach((x, i) => {
      expectRel(x.estimate, e.interactions[i].estimate, REL, `${x.term}`);
      expectRel(x.se, e.interactions[i].se, REL, `${x.term} se`);
      expectAbs(x.p, e.interactions[i].p, ABS_P, `${x.term} p`);
    });
    // With common σ the interaction estimate is exactly b_state − b_private.
    expectRel(c.interactions[2].estimate, -r.comparisons[0].tests[2].difference, 1e-10, 'interaction = −difference');
  });
});

describe('byGroup: mediation by ownership', () => {
  const r = byGroup(df, { group: 'ownership' }, (sub) =>
    mediate(sub, { y: 'engage', x: 'tl', m: 'empower', covariates: ['age', 'female'], boot: 2000, seed: 11, keepDraws: true }),
  );
  it('paths and Sobel per group match R', () => {
    g.mediate.forEach((e: any, i: number) => {
      const res = r.groups[i].result!;
      expect(res.n).toBe(e.n);
      for (const k of ['c', 'cPrime'] as const) expectRel(res[k].estimate, e[k].estimate, REL, `${k}`);
      expectRel(res.mediators[0].a.se, e.mediators[0].a.se, REL, 'a se');
      expectRel(res.mediators[0].b.estimate, e.mediators[0].b.estimate, REL, 'b');
      expectAbs(res.mediators[0].sobel.p, e.mediators[0].sobel.p, ABS_P, 'sobel p');
      // 2,000 draws vs R's 20,000: 0.25·bootSe ≥ 5 Monte-Carlo SDs (see mediate.test.ts).
      expectAbs(res.indirect.ciLower, e.boot.perMediator[0].ciLower, 0.25 * e.boot.perMediator[0].bootSe, 'ciLower');
      expectAbs(res.indirect.ciUpper, e.boot.perMediator[0].ciUpper, 0.25 * e.boot.perMediator[0].bootSe, 'ciUpper');
    });
  });
  it('compares paths by z and the indirect effects by the bootstrap CI of the difference; draws are removed', () => {
    const cmp = r.comparisons[0];
    expect(cmp.tests.map((t) => t.term)).toEqual(['a', 'b', 'c', 'cPrime']);
    const b = cmp.tests[1];
    const [e1, e2] = g.mediate.map((m: any) => m.mediators[0].b);
    expectRel(b.z, (e1.estimate - e2.estimate) / Math.sqrt(e1.se ** 2 + e2.se ** 2), REL, 'z of b');
    const ind = cmp.indirect!;
    expect(ind).toHaveLength(1);
    expect(ind[0].effect).toBe('empower');
    expectRel(ind[0].difference, g.mediate[0].mediators[0].indirect - g.mediate[1].mediators[0].indirect, REL, 'indirect difference');
    expect(ind[0].ciLower < ind[0].difference && ind[0].difference < ind[0].ciUpper).toBe(true);
    // SE of a difference of independent draws ≈ √(se1² + se2²).
    const [s1, s2] = r.groups.map((x) => x.result!.indirect.bootSe!);
    expectRel(ind[0].bootSe, Math.sqrt(s1 * s1 + s2 * s2), 0.1, 'bootSe of the difference');
    expect(r.groups.every((x) => !('draws' in (x.result as object)))).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
});

describe('byGroup behaviour', () => {
  it('moderation by group compares every coefficient including "X:W"', () => {
    const r = byGroup(df, { group: 'ownership' }, (sub) => moderate(sub, { y: 'engage', x: 'tl', w: 'pos', center: true }));
    expect(r.comparisons[0].tests.map((t) => t.term)).toEqual(['(Intercept)', 'tl', 'pos', 'tl:pos']);
  });
  it('three groups give three pairwise comparisons; chosen levels restrict and order them', () => {
    const region = (df.ownership as unknown[]).map((_, i) => ['east', 'central', 'west'][i % 3]);
    const d = { ...df, region };
    const r = byGroup(d, { group: 'region' }, (sub) => ols(sub, { y: 'engage', x: ['tl'] }));
    expect(r.levels).toEqual(['central', 'east', 'west']);
    expect(r.comparisons.map((c) => `${c.group1}-${c.group2}`)).toEqual(['central-east', 'central-west', 'east-west']);
    const two = byGroup(d, { group: 'region', levels: ['west', 'east'] }, (sub) => ols(sub, { y: 'engage', x: ['tl'] }));
    expect(two.groups.map((x) => x.level)).toEqual(['west', 'east']);
    expect(two.nDropped).toBe(420 - two.n);
    const chow = chowTest(d, { y: 'engage', terms: ['tl', 'pos'], group: 'region' });
    expect(chow.df1).toBe(6);
    expect(chow.interactions.map((x) => x.term)).toEqual([
      'region[east]', 'region[west]', 'tl:region[east]', 'tl:region[west]', 'pos:region[east]', 'pos:region[west]',
    ]);
  });
  it('a group where the model cannot be fitted reports its error; the others still run', () => {
    const d = { y: [1, 2, 3, 4, 5, 6, 2, 3, 1], x: [1, 2, 3, 5, 4, 6, 7, 7, 7], g: ['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b'] };
    const r = byGroup(d, { group: 'g' }, (sub) => ols(sub, { y: 'y', x: ['x'] }));
    expect(r.groups[0].error).toBeNull();
    expect(r.groups[1].result).toBeNull();
    expect(r.groups[1].error!.message).toMatch(/^g = b: column 'x' is constant/);
    expect(r.n).toBe(6);
    expect(r.nDropped).toBe(3);
    expect(r.comparisons).toEqual([]);
    expect(() => byGroup({ y: [2, 3, 1], x: [7, 7, 7], g: ['b', 'b', 'b'] }, { group: 'g' }, (sub) => ols(sub, { y: 'y', x: ['x'] }))).toThrow(/g = b: column 'x' is constant/);
  });
  it('bad group options', () => {
    expect(() => byGroup(df, { group: 'nope' }, (sub) => ols(sub, { y: 'engage', x: ['tl'] }))).toThrow(/column 'nope' not found/);
    expect(() => byGroup(df, { group: 'ownership', levels: ['public'] }, (sub) => ols(sub, { y: 'engage', x: ['tl'] }))).toThrow(
      /'public' is not a value of 'ownership' \(values: private, state\)/,
    );
    expect(() => byGroup({ g: [null, null], y: [1, 2] }, { group: 'g' }, (sub) => ols(sub, { y: 'y', x: [] }))).toThrow(StatsError);
    expect(() => chowTest(df, { y: 'engage', terms: ['tl', 'ownership'], group: 'ownership' })).toThrow(/cannot also be a variable/);
    expect(() => chowTest({ y: [1, 2, 3, 4], x: [1, 2, 3, 5], g: ['a', 'a', 'a', 'a'] }, { y: 'y', terms: ['x'], group: 'g' })).toThrow(/factor 'g' has only one level/);
  });
  it('compareEstimates / comparableEstimates', () => {
    const [t] = compareEstimates([{ term: 'x', estimate: 0.5, se: 0.1 }], [{ term: 'x', estimate: 0.2, se: 0.1 }, { term: 'z', estimate: 1, se: 1 }]);
    expectRel(t.z, 0.3 / Math.sqrt(0.02), 1e-14, 'z');
    expectRel(t.p, 0.033894853524689, 1e-12, 'p'); // R: 2 * pnorm(-0.3 / sqrt(0.02))
    expect(comparableEstimates({ quantiles: [{ tau: 0.5, coefficients: [{ term: 'x', estimate: 1, se: 2 }] }] })).toEqual([{ term: 'x@tau=0.5', estimate: 1, se: 2 }]);
    expect(comparableEstimates({ variables: [] })).toEqual([]);
  });
});
