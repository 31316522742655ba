import { describe, expect, it } from 'vitest';
import { moderate, quadraticRoots, type ModerationResult } from './moderate';
import { simpleSlopeLines } from './plots/moderation';
import { catchStatsError, expectAbs, expectRel, readGoldenCsv, readGoldenJson } from './test-utils';

// Expected values: lib/stats/golden/make-golden-mediation.R (R 4.2.2 lm, sandwich::vcovHC HC3;
// simple slopes from the coefficient covariance matrix; J–N points by solving the quadratic).
const g = readGoldenJson('moderate-expected.json');
const df = readGoldenCsv('mediate-survey.csv');
const REL = 1e-8;
const ABS_P = 1e-10;

function run(c: any): ModerationResult {
  return moderate(df, { y: c.y, x: c.x, w: c.w, covariates: c.covariates, center: c.center, se: c.se, wValues: c.wValues ?? undefined });
}

describe.each(g.cases as any[])('moderate golden: $name', (c: any) => {
  const r = run(c);

  it('sample, coefficients (with "X:W"), model and interaction tests match R', () => {
    expect(r.n).toBe(c.n);
    expect(r.nDropped).toBe(c.nDropped);
    expect(r.dfResidual).toBe(c.dfResidual);
    expect(r.coefficients.map((t) => t.term)).toEqual(c.coefficients.map((t: any) => t.term));
    r.coefficients.forEach((t, i) => {
      const e = c.coefficients[i];
      expectRel(t.estimate, e.estimate, REL, `${t.term}.estimate`);
      expectRel(t.se, e.se, REL, `${t.term}.se`);
      expectRel(t.t, e.t, REL, `${t.term}.t`);
      expectAbs(t.p, e.p, ABS_P, `${t.term}.p`);
      expectRel(t.ciLower, e.ciLower, REL, `${t.term}.ciLower`);
      expectRel(t.ciUpper, e.ciUpper, REL, `${t.term}.ciUpper`);
    });
    expectRel(r.r2, c.r2, REL, 'r2');
    expectRel(r.f, c.model.f, REL, 'F');
    expectAbs(r.pF, c.model.pF, ABS_P, 'pF');
    expectRel(r.sigma, c.model.sigma, REL, 'sigma');
    expect(r.dfModel).toBe(c.model.dfModel);
    expectRel(r.interaction.r2Change, c.interaction.r2Change, REL, 'r2Change');
    expectRel(r.interaction.f, c.interaction.f, REL, 'interaction F');
    expectAbs(r.interaction.p, c.interaction.p, ABS_P, 'interaction p');
    expectRel(r.wMean, c.wMean, REL, 'wMean');
    expectRel(r.wSd, c.wSd, REL, 'wSd');
  });

  it('simple slopes match R', () => {
    expect(r.simpleSlopes).toHaveLength(c.simpleSlopes.length);
    r.simpleSlopes.forEach((s, i) => {
      const e = c.simpleSlopes[i];
      expect(s.label).toBe(e.label);
      expectRel(s.w, e.w, REL, `w[${i}]`);
      expectRel(s.slope, e.slope, REL, `slope[${i}]`);
      expectRel(s.se, e.se, REL, `se[${i}]`);
      expectRel(s.t, e.t, REL, `t[${i}]`);
      expectAbs(s.p, e.p, ABS_P, `p[${i}]`);
      expectRel(s.ciLower, e.ciLower, REL, `ciLower[${i}]`);
      expectRel(s.ciUpper, e.ciUpper, REL, `ciUpper[${i}]`);
    });
  });

  it('Johnson–Neyman points match R and have p = .05', () => {
    if (c.johnsonNeyman === null) {
      expect(r.johnsonNeyman).toBeNull();
      return;
    }
    const jn = r.johnsonNeyman!;
    expectRel(jn.tCritical, c.johnsonNeyman.tCritical, REL, 'tCritical');
    expect(jn.roots).toHaveLength(c.johnsonNeyman.roots.length);
    jn.roots.forEach((x, i) => expectRel(x, c.johnsonNeyman.roots[i], REL, `root ${i}`));
    expect(jn.points).toHaveLength(c.johnsonNeyman.points.length);
    jn.points.forEach((pt, i) => {
      const e = c.johnsonNeyman.points[i];
      expectRel(pt.w, e.w, REL, `J–N w ${i}`);
      expectRel(pt.slope, e.slope, REL, `J–N slope ${i}`);
      expectRel(pt.se, e.se, REL, `J–N se ${i}`);
      expectAbs(pt.p, 0.05, ABS_P, `J–N p ${i}`);
      expectAbs(pt.percentBelow, e.percentBelow, 1e-10, `% below ${i}`);
      expectAbs(pt.percentAbove, e.percentAbove, 1e-10, `% above ${i}`);
    });
    expect(jn.wMin).toBe(c.johnsonNeyman.wMin);
    expect(jn.wMax).toBe(c.johnsonNeyman.wMax);
  });
});

describe('moderate conventions', () => {
  const centered = run(g.cases.find((c: any) => c.name === 'centered'));
  const raw = run(g.cases.find((c: any) => c.name === 'uncentered'));
  it('centring changes b1, b2 but not b3, the simple slopes or the J–N points; w stays in the original metric', () => {
    expectRel(centered.coefficients[3].estimate, raw.coefficients[3].estimate, 1e-12, 'b3');
    centered.simpleSlopes.forEach((s, i) => {
      expectRel(s.w, raw.simpleSlopes[i].w, 1e-14, 'w');
      expectRel(s.slope, raw.simpleSlopes[i].slope, 1e-10, 'slope');
      expectRel(s.wCentered, s.w - centered.centering.w, 1e-14, 'wCentered');
    });
    expectRel(centered.johnsonNeyman!.points[0].w, raw.johnsonNeyman!.points[0].w, 1e-10, 'J–N');
    expect(raw.centering).toEqual({ x: 0, w: 0 });
  });
  it('factor covariates are dummy coded', () => {
    const r = moderate(df, { y: 'engage', x: 'tl', w: 'pos', covariates: ['ownership'], factors: { ownership: null } });
    expect(r.coefficients.map((c) => c.term)).toEqual(['(Intercept)', 'tl', 'pos', 'tl:pos', 'ownership[state]']);
  });
  it('regions: not significant below the J–N point, significant (positive) above', () => {
    const jn = centered.johnsonNeyman!;
    const pt = jn.points[0].w;
    expect(jn.regions).toEqual([
      { from: jn.wMin, to: pt, significant: false, sign: 'positive' },
      { from: pt, to: jn.wMax, significant: true, sign: 'positive' },
    ]);
  });
  it('a probe outside the data is replaced by the min/max (PROCESS v4)', () => {
    // Skewed W: mean − 1 SD < min.
    const w = [0, 0, 0, 0, 0, 0, 0, 0, 1, 10, 0, 0, 0, 0, 0, 0, 0, 0, 2, 9];
    const x = w.map((_, i) => Math.sin(i + 1));
    const y = w.map((wi, i) => x[i] * (1 + 0.1 * wi) + Math.cos(3 * i));
    const r = moderate({ y, x, w }, { y: 'y', x: 'x', w: 'w' });
    expect(r.simpleSlopes.map((s) => s.label)).toEqual(['min', 'mean', '+1SD']);
    expect(r.simpleSlopes[0].w).toBe(0);
  });
  it('J–N with no transition: the whole range has one status', () => {
    const n = 200;
    const w = Array.from({ length: n }, (_, i) => (i % 20) / 4);
    const x = w.map((_, i) => Math.sin(i * 1.3));
    const y = x.map((xi, i) => 2 * xi + 0.01 * xi * w[i] + 0.3 * Math.cos(i * 2.1));
    const jn = moderate({ y, x, w }, { y: 'y', x: 'x', w: 'w' }).johnsonNeyman!;
    expect(jn.points).toEqual([]);
    expect(jn.regions).toEqual([{ from: 0, to: 4.75, significant: true, sign: 'positive' }]);
    expect(JSON.stringify(jn)).not.toMatch(/NaN|Infinity/);
  });
  it('xMean, xSd and covariateMeans describe the analysis sample (hand computation)', () => {
    // Row 4 lacks y, so it is dropped: the analysis sample is the other 9 rows.
    const small = {
      y: [3, 5, 4, null, 8, 7, 9, 5, 9, 6],
      x: [1, 2, 2, 100, 4, 5, 6, 3, 7, 5],
      w: [2, 1, 3, 4, 2, 5, 4, 1, 3, 2],
      age: [30, 40, 35, 99, 50, 45, 60, 38, 52, 41],
      sector: ['a', 'b', 'a', 'b', 'b', 'a', 'b', 'a', 'a', 'b'],
    };
    const r = moderate(small, { y: 'y', x: 'x', w: 'w', covariates: ['age', 'sector'], factors: { sector: null }, center: true });
    expect(r.n).toBe(9);
    // x on the sample: Σx = 35, Σx² = 169 → mean 35/9, SS = 169 − 35²/9 = 296/9, SD = √(296/9/8) = √(37/9).
    expectRel(r.xMean, 35 / 9, 1e-14, 'xMean');
    expectRel(r.xSd, Math.sqrt(37 / 9), 1e-14, 'xSd');
    // Centring does not change them: they are in X's original metric.
    expectRel(r.centering.x, 35 / 9, 1e-14, 'centring constant');
    // age on the sample: Σ = 391 → 391/9; sector[b]: 4 of the 9 rows.
    expect(Object.keys(r.covariateMeans)).toEqual(['age', 'sector[b]']);
    expectRel(r.covariateMeans.age, 391 / 9, 1e-14, 'age mean');
    expectRel(r.covariateMeans['sector[b]'], 4 / 9, 1e-14, 'sector[b] share');
    const plain = moderate(small, { y: 'y', x: 'x', w: 'w' });
    expect(plain.covariateMeans).toEqual({});
    expectRel(plain.xMean, 35 / 9, 1e-14, 'xMean without covariates');
  });
  it('simple-slope lines at xMean ± xSd and the covariate means do not depend on centring', () => {
    const c = run(g.cases.find((k: any) => k.name === 'centered'));
    const u = run(g.cases.find((k: any) => k.name === 'uncentered'));
    expectRel(c.xMean, u.xMean, 1e-14, 'xMean');
    const lc = simpleSlopeLines(c, c.xMean - c.xSd, c.xMean + c.xSd, c.covariateMeans);
    const lu = simpleSlopeLines(u, u.xMean - u.xSd, u.xMean + u.xSd, u.covariateMeans);
    lc.forEach((line, i) => {
      for (const k of [0, 1]) expectRel(line.points[k][1], lu[i].points[k][1], 1e-10, `line ${i} point ${k}`);
    });
  });
  it('quadraticRoots is stable and handles the degenerate cases', () => {
    expect(quadraticRoots(1, -3, 2, 1)).toEqual([1, 2]);
    // Cancellation-prone: roots 1e-8 and 1e8.
    const r = quadraticRoots(1, -(1e8 + 1e-8), 1, 1);
    expectRel(r[0], 1e-8, 1e-14, 'small root');
    expectRel(r[1], 1e8, 1e-14, 'large root');
    expect(quadraticRoots(0, 2, -4, 1)).toEqual([2]);
    expect(quadraticRoots(0, 0, 1, 1)).toEqual([]);
    expect(quadraticRoots(1, 0, 1, 1)).toEqual([]);
  });
});

describe('moderate degenerate input', () => {
  const n = 30;
  const base = {
    y: Array.from({ length: n }, (_, i) => Math.sin(i)),
    x: Array.from({ length: n }, (_, i) => Math.cos(i)),
    w: Array.from({ length: n }, (_, i) => (i * 7) % 5),
    k: Array.from({ length: n }, () => 1),
  };
  const msg = (f: () => unknown) => {
    const e = catchStatsError(f);
    return `${e.code}: ${e.message}`;
  };
  it('names constant columns', () => {
    expect(msg(() => moderate({ ...base, w: base.k }, { y: 'y', x: 'x', w: 'w' }))).toMatch(/column 'w' \(the moderator W\) is constant/);
    expect(msg(() => moderate({ ...base, x: base.k }, { y: 'y', x: 'x', w: 'w' }))).toMatch(/column 'x' \(the focal predictor X\) is constant/);
    expect(msg(() => moderate({ ...base, y: base.k }, { y: 'y', x: 'x', w: 'w' }))).toMatch(/column 'y' \(the outcome Y\) is constant/);
  });
  it('collinear covariate, too few rows, text, repeated variables', () => {
    expect(msg(() => moderate({ ...base, w2: base.w.map((v) => 3 * v) }, { y: 'y', x: 'x', w: 'w', covariates: ['w2'] }))).toMatch(/collinear: perfect collinearity among: .*w.*w2/);
    expect(msg(() => moderate({ y: [1, 2, 3, 4], x: [1, 3, 2, 4], w: [2, 1, 4, 3] }, { y: 'y', x: 'x', w: 'w' }))).toMatch(/too-few-observations/);
    expect(msg(() => moderate({ ...base, w: ['high', ...base.w.slice(1)] }, { y: 'y', x: 'x', w: 'w' }))).toMatch(/non-numeric: column 'w' row 1: 'high'/);
    expect(msg(() => moderate(base, { y: 'y', x: 'x', w: 'x' }))).toMatch(/variable 'x' is used twice \(as X and as W\)/);
    expect(msg(() => moderate(base, { y: 'y', x: 'x', w: 'w', wValues: [] }))).toMatch(/wValues is empty/);
    expect(msg(() => moderate(base, { y: 'y', x: 'x', w: 'w', wValues: [NaN] }))).toMatch(/not a finite number/);
  });
});
