import { describe, expect, it } from 'vitest';

import { correlation } from '@/lib/stats/correlation';
import { did } from '@/lib/stats/did';
import type { DataFrame } from '@/lib/stats/frame';
import { mediate } from '@/lib/stats/mediate';
import { moderate } from '@/lib/stats/moderate';
import { ols } from '@/lib/stats/ols';
import { panel } from '@/lib/stats/panel';
import { qreg } from '@/lib/stats/qreg';
import { createRng } from '@/lib/stats/random';

import { formatCoefficientBadge, linkedCoefficients, strongestCoefficient, type AnalysisForLinks } from './coefficients';
import type { LinkedCoefficient } from './types';

/** A small survey: brand → empower → perf, with a sector factor and a panel structure. */
function survey(n = 80): DataFrame {
  const rng = createRng(7);
  const norm = () => {
    // Box–Muller from the seeded generator.
    const u = 1 - rng.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
  };
  const brand: number[] = [];
  const empower: number[] = [];
  const perf: number[] = [];
  const age: number[] = [];
  const sector: string[] = [];
  const firm: string[] = [];
  const year: number[] = [];
  const treat: number[] = [];
  const post: number[] = [];
  for (let i = 0; i < n; i++) {
    const b = norm();
    const e = 0.6 * b + norm() * 0.8;
    const f = Math.floor(i / 4);
    const t = i % 4;
    brand.push(b);
    empower.push(e);
    age.push(30 + 10 * rng.next());
    sector.push(['ngo', 'private', 'public'][i % 3]);
    firm.push(`f${f}`);
    year.push(2020 + t);
    treat.push(f % 2);
    post.push(t >= 2 ? 1 : 0);
    perf.push(0.5 * e + 0.2 * b + 0.01 * age[i] + (f % 2) * (t >= 2 ? 1 : 0) * 0.7 + norm() * 0.5);
  }
  return { brand, empower, perf, age, sector, firm, year, treat, post };
}

const df = survey();
const saved = (kind: string, result: unknown, options: string[] = [], extra: Partial<AnalysisForLinks> = {}): AnalysisForLinks => ({
  id: `a-${kind}`,
  title: `My ${kind}`,
  kind,
  options,
  // As stored: through JSON (NaN → null, no typed arrays).
  result: JSON.parse(JSON.stringify(result)),
  stale: false,
  ...extra,
});

function expectFinite(list: LinkedCoefficient[]) {
  for (const c of list) {
    for (const k of ['estimate', 'se', 'p', 'ciLower', 'ciUpper'] as const) expect(Number.isFinite(c[k]), `${c.label}.${k}`).toBe(true);
    if (c.beta !== null) expect(Number.isFinite(c.beta)).toBe(true);
  }
}

describe('linkedCoefficients', () => {
  it('ols: the final model of a hierarchical regression, with β and stars, labelled x → y', () => {
    const r = ols(df, { y: 'perf', blocks: [['age'], ['brand', 'empower']] });
    const list = linkedCoefficients(saved('ols', r, ['--y', 'perf', '--block', 'age', '--block', 'brand,empower'], { stale: true }), 'empower');
    expect(list).toHaveLength(1);
    const row = r.coefficients.find((c) => c.term === 'empower')!;
    expect(list[0]).toMatchObject({
      analysisId: 'a-ols',
      analysisTitle: 'My ols',
      kind: 'ols',
      label: 'empower → perf',
      outcome: 'perf',
      stale: true,
    });
    expect(list[0].estimate).toBeCloseTo(row.estimate, 12);
    expect(list[0].beta).toBeCloseTo(row.beta!, 12);
    expect(list[0].se).toBeCloseTo(row.se, 12);
    expect(list[0].ciLower).toBeCloseTo(row.ciLower, 12);
    expect(list[0].stars).toBe('***');
    // A variable that is only the outcome, or absent, has no coefficient.
    expect(linkedCoefficients(saved('ols', r), 'perf')).toEqual([]);
    expect(linkedCoefficients(saved('ols', r), 'nope')).toEqual([]);
  });

  it('ols: every dummy of a factor', () => {
    const r = ols(df, { y: 'perf', x: ['brand', 'sector'], factors: { sector: 'ngo' } });
    const list = linkedCoefficients(saved('ols', r), 'sector');
    expect(list.map((c) => c.label)).toEqual(['sector: private → perf', 'sector: public → perf']);
  });

  it('runs by group are skipped', () => {
    const r = ols(df, { y: 'perf', x: ['brand'] });
    expect(linkedCoefficients(saved('ols', r, ['--y', 'perf', '--x', 'brand', '--group', 'sector']), 'brand')).toEqual([]);
  });

  it('kinds without coefficients, or junk results, give []', () => {
    expect(linkedCoefficients(saved('describe', { variables: [] }), 'brand')).toEqual([]);
    expect(linkedCoefficients(saved('ols', null), 'brand')).toEqual([]);
    expect(linkedCoefficients(saved('ols', { coefficients: [{ term: 'brand', estimate: null, se: 1, p: 0.5, ciLower: 0, ciUpper: 1 }] }), 'brand')).toEqual([]);
  });

  it('mediate: a, b, c′ and the indirect effect by role, labelled', () => {
    const r = mediate(df, { y: 'perf', x: 'brand', m: 'empower', boot: 200, seed: 1 });
    const a = saved('mediate', r);
    const asX = linkedCoefficients(a, 'brand');
    expect(asX.map((c) => c.label)).toEqual(['a: brand → empower', 'c′: brand → perf', 'indirect: brand → empower → perf']);
    const asM = linkedCoefficients(a, 'empower');
    expect(asM.map((c) => c.label)).toEqual(['a: brand → empower', 'b: empower → perf', 'indirect: brand → empower → perf']);
    expect(linkedCoefficients(a, 'perf')).toEqual([]);
    const single = r.a as { estimate: number };
    expect(asX[0].estimate).toBeCloseTo(single.estimate, 12);
    expect(asX[0].outcome).toBe('empower');
    expect(asX[1].estimate).toBeCloseTo(r.cPrime.estimate, 12);
    const ind = asX[2];
    expect(ind.estimate).toBeCloseTo(r.indirect.estimate, 12);
    expect(ind.ciLower).toBeCloseTo(r.indirect.ciLower!, 12);
    expect(ind.ciUpper).toBeCloseTo(r.indirect.ciUpper!, 12);
    expect(ind.se).toBeCloseTo(r.indirect.bootSe!, 12);
    expect(ind.p).toBeCloseTo(r.mediators[0].sobel.p, 12);
    expect(asX.every((c) => c.beta === null)).toBe(true);
    expectFinite([...asX, ...asM]);
  });

  it('mediate without bootstrap: the normal-theory interval of the indirect effect', () => {
    const r = mediate(df, { y: 'perf', x: 'brand', m: 'empower', boot: 0 });
    const ind = linkedCoefficients(saved('mediate', r), 'brand').find((c) => c.label.startsWith('indirect'))!;
    const s = r.mediators[0].sobel;
    expect(ind.se).toBeCloseTo(s.se, 12);
    expect(ind.ciLower).toBeCloseTo(r.indirect.estimate - 1.959963984540054 * s.se, 10);
    expect(ind.ciUpper).toBeCloseTo(r.indirect.estimate + 1.959963984540054 * s.se, 10);
  });

  it('mediate with two mediators: each specific indirect effect of X', () => {
    const r = mediate(df, { y: 'perf', x: 'brand', m: ['empower', 'age'], boot: 100, seed: 2 });
    const labels = linkedCoefficients(saved('mediate', r), 'brand').map((c) => c.label);
    expect(labels).toEqual([
      'a: brand → empower',
      'a: brand → age',
      'c′: brand → perf',
      'indirect: brand → empower → perf',
      'indirect: brand → age → perf',
    ]);
    expect(linkedCoefficients(saved('mediate', r), 'age').map((c) => c.label)).toEqual(['a: brand → age', 'b: age → perf', 'indirect: brand → age → perf']);
  });

  it('moderate: conditional effects say where the moderator is held', () => {
    const r = moderate(df, { y: 'perf', x: 'brand', w: 'empower', covariates: ['age'] });
    expect(linkedCoefficients(saved('moderate', r), 'brand').map((c) => c.label)).toEqual(['brand → perf (at empower = 0)']);
    expect(linkedCoefficients(saved('moderate', r), 'age').map((c) => c.label)).toEqual(['age → perf']);
    const centred = moderate(df, { y: 'perf', x: 'brand', w: 'empower', center: true });
    expect(linkedCoefficients(saved('moderate', centred), 'empower').map((c) => c.label)).toEqual(['empower → perf (at mean brand)']);
  });

  it('panel, did and qreg: rows of the term', () => {
    const p = panel(df, { y: 'perf', x: ['brand', 'empower'], entity: 'firm', time: 'year' });
    const lp = linkedCoefficients(saved('panel', p), 'brand');
    expect(lp).toHaveLength(1);
    expect(lp[0].estimate).toBeCloseTo(p.coefficients.find((c) => c.term === 'brand')!.estimate, 12);
    expect(lp[0].beta).toBeNull();

    const d = did(df, { y: 'perf', treat: 'treat', post: 'post', entity: 'firm', time: 'year', covariates: ['brand'] });
    expect(linkedCoefficients(saved('did', d), 'brand').map((c) => c.label)).toEqual(['brand → perf']);

    const q = qreg(df, { y: 'perf', x: ['brand'], tau: [0.25, 0.5] });
    const lq = linkedCoefficients(saved('qreg', q), 'brand');
    expect(lq.map((c) => c.label)).toEqual(['brand → perf (τ = .25)', 'brand → perf (τ = .50)']);
    expect(lq[1].estimate).toBeCloseTo(q.quantiles[1].coefficients.find((c) => c.term === 'brand')!.estimate, 12);
    expectFinite([...lp, ...lq]);
  });

  it('correlation: r with each other variable, β = r, finite SE and Fisher CI', () => {
    const r = correlation(df, { vars: ['brand', 'empower', 'perf'] });
    const list = linkedCoefficients(saved('correlation', r), 'empower');
    expect(list.map((c) => c.label)).toEqual(['r: empower ↔ brand', 'r: empower ↔ perf']);
    expect(list.map((c) => c.outcome)).toEqual(['brand', 'perf']);
    const rho = r.r[1][0];
    const n = r.n[1][0];
    expect(list[0].estimate).toBeCloseTo(rho, 12);
    expect(list[0].beta).toBeCloseTo(rho, 12);
    expect(list[0].se).toBeCloseTo(Math.sqrt((1 - rho * rho) / (n - 2)), 12);
    expect(list[0].ciLower).toBeCloseTo(Math.tanh(Math.atanh(rho) - 1.959963984540054 / Math.sqrt(n - 3)), 10);
    expect(list[0].p).toBeCloseTo(r.p[1][0]!, 12);
    expect(list[0].ciLower).toBeLessThan(rho);
    expect(list[0].ciUpper).toBeGreaterThan(rho);
    expectFinite(list);
    expect(formatCoefficientBadge(list[0])).toMatch(/^r = \.\d\d\**$/);
  });

  it('correlation: r = ±1 and n = 3 stay finite', () => {
    const tiny = correlation({ a: [1, 2, 3], b: [2, 4, 6], c: [1, 3, 2] }, { vars: ['a', 'b', 'c'] });
    const list = linkedCoefficients(saved('correlation', tiny), 'a');
    expectFinite(list);
    expect(list[0]).toMatchObject({ estimate: 1, se: 0, ciLower: 1, ciUpper: 1 });
    expect(list[1]).toMatchObject({ ciLower: -1, ciUpper: 1 });
  });
});

const coef = (over: Partial<LinkedCoefficient>): LinkedCoefficient => ({
  analysisId: 'a',
  analysisTitle: 'A',
  kind: 'ols',
  label: 'x → y',
  outcome: 'y',
  estimate: 1,
  beta: null,
  se: 1,
  p: 0.5,
  ciLower: -1,
  ciUpper: 3,
  stars: '',
  stale: false,
  ...over,
});

describe('strongestCoefficient', () => {
  it('largest |β| wins; β ranks above t-only coefficients', () => {
    const list = [coef({ label: 'a', beta: 0.2 }), coef({ label: 'b', beta: -0.45 }), coef({ label: 'c', estimate: 50, se: 1 })];
    expect(strongestCoefficient(list)?.label).toBe('b');
  });
  it('falls back to |t| when none has β', () => {
    const list = [coef({ label: 'a', estimate: 2, se: 1 }), coef({ label: 'b', estimate: -0.9, se: 0.1 }), coef({ label: 'c', estimate: 5, se: 4 })];
    expect(strongestCoefficient(list)?.label).toBe('b');
  });
  it('null for an empty list', () => {
    expect(strongestCoefficient([])).toBeNull();
  });
});

describe('formatCoefficientBadge', () => {
  it('APA: β without leading zero, 2 decimals, stars', () => {
    expect(formatCoefficientBadge(coef({ beta: 0.4213, stars: '***' }))).toBe('β = .42***');
    expect(formatCoefficientBadge(coef({ beta: -0.056, stars: '' }))).toBe('β = −.06');
  });
  it('B with leading zero when there is no β', () => {
    expect(formatCoefficientBadge(coef({ estimate: 1.234, stars: '**' }))).toBe('B = 1.23**');
    expect(formatCoefficientBadge(coef({ estimate: -0.5, stars: '' }))).toBe('B = −0.50');
  });
  it('a β beyond 1 (possible with collinear predictors) keeps its leading digit', () => {
    expect(formatCoefficientBadge(coef({ beta: 1.234, stars: '*' }))).toBe('β = 1.23*');
  });
});
