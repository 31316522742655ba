import { describe, expect, it } from 'vitest';
import type { DataFrame } from './frame';
import { mediate, type MediationResult, type PathEstimate } from './mediate';
import { bootstrapIndirect, drawCounts, FAST_PATH_TOLERANCE, quantileType7, summarizeDraws } from './mediate-bootstrap';
import { createRng } from './random';
import { catchStatsError, expectAbs, expectRel, readGoldenCsv, readGoldenJson } from './test-utils';

// Expected values: lib/stats/golden/make-golden-mediation.R (R 4.2.2 lm; Sobel/Aroian by formula;
// percentile bootstrap with B = 100,000 draws (20,000 for "no-covariates") as the Monte-Carlo reference).
const g = readGoldenJson('mediate-expected.json');
const df = readGoldenCsv('mediate-survey.csv');
const REL = 1e-8; // estimates, SEs, t, z
const ABS_P = 1e-10; // p-values
const BOOT = 5000;

/*
 * Bootstrap tolerances. R's RNG cannot be reproduced, so our 5,000-draw percentile CI is compared
 * with R's 100,000-draw CI of the same data. Monte-Carlo SD of a 2.5% / 97.5% sample quantile of
 * B draws (asymptotic, normal-shaped bootstrap distribution with SD s): √(p(1−p)/B)/φ(z_p)·s
 * = 0.0378·s for B = 5,000, 0.0085·s for B = 100,000 (0.019·s for 20,000). The SD of the
 * difference is ≤ 0.042·s, so a tolerance of 0.2·s (≥ 4.7 Monte-Carlo SDs) fails by chance with
 * probability < 1e-5. bootSe: the relative MC SD of a sample SD is ≈ √((2 + κ)/(4B)) ≈ 0.012 for
 * B = 5,000 and excess kurtosis κ ≤ 1 (products of normals), so 6% is ≥ 5 MC SDs.
 */
const CI_TOL_SD = 0.2;
const BOOTSE_REL = 0.06;

function expectPath(actual: PathEstimate, expected: any, label: string) {
  expectRel(actual.estimate, expected.estimate, REL, `${label}.estimate`);
  expectRel(actual.se, expected.se, REL, `${label}.se`);
  expectRel(actual.t, expected.t, REL, `${label}.t`);
  expectAbs(actual.p, expected.p, ABS_P, `${label}.p`);
}

function run(c: any, seed = 1, boot = BOOT): MediationResult {
  return mediate(df, { y: c.y, x: c.x, m: c.m, covariates: c.covariates, boot, seed });
}

describe.each(g.cases as any[])('mediate golden: $name', (c: any) => {
  const r = run(c);

  it('sample and paths a, b, c, c′ match R lm', () => {
    expect(r.n).toBe(c.n);
    expect(r.nDropped).toBe(c.nDropped);
    expectPath(r.c, c.c, 'c');
    expectPath(r.cPrime, c.cPrime, 'cPrime');
    c.mediators.forEach((m: any, j: number) => {
      expect(r.mediators[j].name).toBe(m.name);
      expectPath(r.mediators[j].a, m.a, `a[${m.name}]`);
      expectPath(r.mediators[j].b, m.b, `b[${m.name}]`);
    });
  });

  it('indirect effects, Sobel and Aroian tests match the formulas in R', () => {
    c.mediators.forEach((m: any, j: number) => {
      const me = r.mediators[j];
      expectRel(me.indirect.estimate, m.indirect, REL, `ab[${m.name}]`);
      expectRel(me.sobel.z, m.sobel.z, REL, `sobel.z[${m.name}]`);
      expectRel(me.sobel.se, m.sobel.se, REL, `sobel.se[${m.name}]`);
      expectAbs(me.sobel.p, m.sobel.p, ABS_P, `sobel.p[${m.name}]`);
      expectRel(me.aroian.z, m.aroian.z, REL, `aroian.z[${m.name}]`);
      expectAbs(me.aroian.p, m.aroian.p, ABS_P, `aroian.p[${m.name}]`);
    });
    expectRel(r.indirect.estimate, c.totalIndirect, REL, 'total indirect');
    // OLS identity on one sample: c = c′ + Σ a_j b_j (Hayes 2022, eq. 5.6).
    expectRel(r.c.estimate, r.cPrime.estimate + r.indirect.estimate, 1e-12, 'c = c′ + ab');
  });

  it('full equations match R (coefficients, SE, CI, R²)', () => {
    const eqs = [...r.models.mediators, r.models.outcome, r.models.total];
    const exp = [...c.models.mediators, c.models.outcome, c.models.total];
    eqs.forEach((eq, i) => {
      expectRel(eq.r2, exp[i].r2, REL, `eq${i}.r2`);
      expectRel(eq.sigma, exp[i].sigma, REL, `eq${i}.sigma`);
      expect(eq.dfResidual).toBe(exp[i].dfResidual);
      expect(eq.coefficients.map((t) => t.term).sort()).toEqual(exp[i].coefficients.map((t: any) => t.term).sort());
      for (const e of exp[i].coefficients) {
        const a = eq.coefficients.find((t) => t.term === e.term)!;
        expectRel(a.estimate, e.estimate, REL, `eq${i}.${e.term}`);
        expectRel(a.se, e.se, REL, `eq${i}.${e.term}.se`);
        expectAbs(a.p, e.p, ABS_P, `eq${i}.${e.term}.p`);
        expectRel(a.ciLower, e.ciLower, REL, `eq${i}.${e.term}.ciLower`);
        expectRel(a.ciUpper, e.ciUpper, REL, `eq${i}.${e.term}.ciUpper`);
      }
    });
  });

  it('bootstrap: the fast path reproduced the QR fit on the original sample', () => {
    expect(r.bootstrap).toMatchObject({ draws: BOOT, seed: 1, replaced: 0, method: 'cholesky' });
  });

  it('bootstrap: same seed gives the identical CI', () => {
    const again = run(c, 1);
    expect(again.indirect).toEqual(r.indirect);
    expect(again.mediators.map((m) => m.indirect)).toEqual(r.mediators.map((m) => m.indirect));
  });

  it('bootstrap: other seeds differ but agree with R within Monte-Carlo error', () => {
    const refs = [...c.boot.perMediator.map((p: any) => ({ ...p, get: (x: MediationResult) => x.mediators.find((m) => m.name === p.name)!.indirect }))];
    if (c.m.length > 1) refs.push({ ...c.boot.total, name: 'total', get: (x: MediationResult) => x.indirect });
    const other = run(c, 20240601);
    expect(other.indirect.ciLower).not.toBe(r.indirect.ciLower);
    expect(other.indirect.ciUpper).not.toBe(r.indirect.ciUpper);
    for (const res of [r, other]) {
      for (const ref of refs) {
        const ind = ref.get(res);
        const tol = CI_TOL_SD * ref.bootSe;
        expectAbs(ind.ciLower, ref.ciLower, tol, `${ref.name} ciLower`);
        expectAbs(ind.ciUpper, ref.ciUpper, tol, `${ref.name} ciUpper`);
        expectRel(ind.bootSe, ref.bootSe, BOOTSE_REL, `${ref.name} bootSe`);
      }
    }
  });
});

describe('mediate result shape', () => {
  const simple = g.cases.find((c: any) => c.name === 'simple');
  const parallel = g.cases.find((c: any) => c.name === 'parallel');
  it('one mediator: a, b, sobel are objects', () => {
    const r = run(simple, 3, 200);
    expect(Array.isArray(r.a)).toBe(false);
    expect(r.a).toEqual(r.mediators[0].a);
    expect(r.sobel).toEqual(r.mediators[0].sobel);
    expect(r.contrasts).toEqual([]);
    expect(r.mediators[0].baronKenny).toEqual({ cSignificant: true, aSignificant: true, bSignificant: true, cPrimeSignificant: true, conclusion: 'partial' });
  });
  it('several mediators: a, b, sobel are arrays in mediator order; indirect is the total', () => {
    const r = run(parallel, 3, 200);
    expect(Array.isArray(r.a) && r.a.map((p) => p.mediator)).toEqual(['empower', 'trust']);
    expect(Array.isArray(r.b) && r.b[1].estimate).toBe(r.mediators[1].b.estimate);
    expect(Array.isArray(r.sobel) && r.sobel[0].mediator).toBe('empower');
    expect(r.indirect.estimate).toBeCloseTo(r.mediators[0].indirect.estimate + r.mediators[1].indirect.estimate, 14);
    expect(r.contrasts).toHaveLength(1);
    expect(r.contrasts[0].estimate).toBeCloseTo(r.mediators[0].indirect.estimate - r.mediators[1].indirect.estimate, 14);
    expect(r.contrasts[0].ciLower! < r.contrasts[0].ciUpper!).toBe(true);
  });
  it('boot: 0 skips the bootstrap (null CI, never NaN)', () => {
    const r = run(simple, 1, 0);
    expect(r.bootstrap).toBeNull();
    expect(r.indirect).toEqual({ estimate: r.mediators[0].indirect.estimate, bootSe: null, ciLower: null, ciUpper: null });
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
  it('HC3 paths change SEs, not estimates', () => {
    const a = mediate(df, { y: 'engage', x: 'tl', m: 'empower', boot: 0 });
    const b = mediate(df, { y: 'engage', x: 'tl', m: 'empower', boot: 0, se: 'hc3' });
    expect(b.c.estimate).toBe(a.c.estimate);
    expect(b.c.se).not.toBe(a.c.se);
  });
  it('factor covariates are dummy coded (same as a hand-made dummy)', () => {
    const state = (df.ownership as unknown[]).map((v) => (v === null ? null : v === 'state' ? 1 : 0));
    const a = mediate(df, { y: 'engage', x: 'tl', m: 'empower', covariates: ['ownership'], factors: { ownership: 'private' }, boot: 200, seed: 5 });
    const b = mediate({ ...df, state }, { y: 'engage', x: 'tl', m: 'empower', covariates: ['state'], boot: 200, seed: 5 });
    expect(a.n).toBe(b.n);
    expectRel(a.cPrime.estimate, b.cPrime.estimate, 1e-12, 'c′');
    expect(a.models.outcome.coefficients.map((c) => c.term)).toContain('ownership[state]');
    expectRel(a.indirect.ciLower!, b.indirect.ciLower!, 1e-10, 'same draws');
  });
  it('a random seed is reported and reproduces the run', () => {
    const r = mediate(df, { y: 'engage', x: 'tl', m: 'trust', boot: 300 });
    const again = mediate(df, { y: 'engage', x: 'tl', m: 'trust', boot: 300, seed: r.bootstrap!.seed });
    expect(again.indirect).toEqual(r.indirect);
  });
});

/** Synthetic data: y, x, m, covariates. */
function synth(n: number, seed: number, extra: (i: number, u: () => number) => Record<string, number> = () => ({})): DataFrame {
  const rng = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const cols: Record<string, number[]> = { x: [], m: [], y: [], c1: [] };
  for (let i = 0; i < n; i++) {
    const x = normal();
    const c1 = normal();
    const m = 0.5 * x + 0.2 * c1 + normal();
    const y = 0.3 * m + 0.1 * x + 0.1 * c1 + normal();
    cols.x.push(x);
    cols.m.push(m);
    cols.y.push(y);
    cols.c1.push(c1);
    for (const [k, v] of Object.entries(extra(i, () => rng.next()))) (cols[k] ??= []).push(v);
  }
  return cols;
}

describe('mediation bootstrap internals', () => {
  it('fast path and QR refits give the same draws for the same seed (1e-10)', () => {
    const d = synth(300, 5);
    const cols = { x: Float64Array.from(d.x as number[]), mediators: [Float64Array.from(d.m as number[])], covariates: [Float64Array.from(d.c1 as number[])], y: Float64Array.from(d.y as number[]) };
    const ref = mediate(d, { y: 'y', x: 'x', m: 'm', covariates: ['c1'], boot: 0 });
    const reference = { a: [ref.mediators[0].a.estimate], b: [ref.mediators[0].b.estimate], seA: [ref.mediators[0].a.se], seB: [ref.mediators[0].b.se] };
    const fast = bootstrapIndirect(cols, { draws: 60, seed: 9, reference });
    const slow = bootstrapIndirect(cols, { draws: 60, seed: 9, reference, method: 'qr' });
    expect(fast.method).toBe('cholesky');
    expect(fast.fastPathError).toBeLessThan(FAST_PATH_TOLERANCE);
    expect(slow.method).toBe('qr');
    for (let r = 0; r < 60; r++) expectRel(fast.total[r], slow.total[r], 1e-10, `draw ${r}`);
  });

  it('ill-conditioned data fall back to QR refits', () => {
    // c2 = x + 1e-4·noise: κ(Z) ≈ 1e4, so the normal equations lose ~κ²ε ≈ 1e-8 > 1e-10 while the
    // QR fit is still well inside lm's rank tolerance.
    const d = synth(200, 6);
    d.c2 = (d.x as number[]).map((x, i) => x + 1e-4 * Math.sin(i * 12.9898));
    const ref = mediate(d, { y: 'y', x: 'x', m: 'm', covariates: ['c2'], boot: 0 });
    const m0 = ref.mediators[0];
    const cols = { x: Float64Array.from(d.x as number[]), mediators: [Float64Array.from(d.m as number[])], covariates: [Float64Array.from(d.c2 as number[])], y: Float64Array.from(d.y as number[]) };
    const draws = bootstrapIndirect(cols, { draws: 20, seed: 2, reference: { a: [m0.a.estimate], b: [m0.b.estimate], seA: [m0.a.se], seB: [m0.b.se] } });
    expect(draws.fastPathError).toBeGreaterThan(FAST_PATH_TOLERANCE);
    expect(draws.method).toBe('qr');
    const r = mediate(d, { y: 'y', x: 'x', m: 'm', covariates: ['c2'], boot: 50, seed: 2 });
    expect(r.bootstrap!.method).toBe('qr');
    expect(Number.isFinite(r.indirect.ciLower)).toBe(true);
  });

  it('singular resamples (a rare dummy not drawn) are replaced and counted', () => {
    const d = synth(40, 7, (i) => ({ rare: i < 2 ? 1 : 0 }));
    const r = mediate(d, { y: 'y', x: 'x', m: 'm', covariates: ['rare'], boot: 400, seed: 4 });
    // P(neither of 2 rare cases drawn) = (38/40)^40 ≈ 0.13.
    expect(r.bootstrap!.replaced).toBeGreaterThan(10);
    expect(r.bootstrap!.draws).toBe(400);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity|null/);
  });

  it('resample counts are uniform (Lemire bounded integers) and sum to n', () => {
    const n = 7;
    const rng = createRng(12);
    const total = new Float64Array(n);
    const counts = new Float64Array(n);
    const idx = new Int32Array(n);
    const R = 20000;
    for (let r = 0; r < R; r++) {
      drawCounts(rng, n, idx, counts);
      expect(counts.reduce((s, v) => s + v, 0)).toBe(n);
      counts.forEach((v, i) => (total[i] += v));
    }
    // χ² goodness of fit, 6 df: P(χ² > 30) ≈ 4e-5.
    const e = (R * n) / n;
    const chi2 = total.reduce((s, v) => s + ((v - e) * (v - e)) / e, 0);
    expect(chi2).toBeLessThan(30);
    // Large n takes the rng.nextInt path.
    const big = 2 ** 21;
    const c = new Float64Array(big);
    drawCounts(createRng(1), big, new Int32Array(big), c);
    expect(c.reduce((s, v) => s + v, 0)).toBe(big);
  });

  it('quantileType7 matches R quantile(type = 7)', () => {
    // R: quantile(c(1, 2, 3, 4, 10), c(.025, .975)) → 1.1, 9.4
    const s = Float64Array.of(1, 2, 3, 4, 10);
    expect(quantileType7(s, 0.025)).toBeCloseTo(1.1, 14);
    expect(quantileType7(s, 0.975)).toBeCloseTo(9.4, 14);
    expect(summarizeDraws(Float64Array.of(10, 4, 3, 2, 1), 0.95)).toEqual({ bootSe: Math.sqrt(12.5), ciLower: quantileType7(s, 0.025), ciUpper: quantileType7(s, 0.975) });
  });
});

describe('mediate degenerate input', () => {
  const d = synth(50, 8, (i) => ({ k: 3, twin: 0 }));
  d.twin = (d.c1 as number[]).map((v) => 2 * v + 1);
  const code = (f: () => unknown) => {
    const e = catchStatsError(f);
    return `${e.code}: ${e.message}`;
  };
  it('names constant columns and their role', () => {
    expect(code(() => mediate({ ...d, x: d.k }, { y: 'y', x: 'x', m: 'm', boot: 0 }))).toMatch(/constant-column: column 'x' \(the antecedent X\) is constant/);
    expect(code(() => mediate({ ...d, m: d.k }, { y: 'y', x: 'x', m: 'm', boot: 0 }))).toMatch(/column 'm' \(a mediator\) is constant/);
    expect(code(() => mediate({ ...d, y: d.k }, { y: 'y', x: 'x', m: 'm', boot: 0 }))).toMatch(/column 'y' \(the outcome Y\) is constant/);
    expect(code(() => mediate(d, { y: 'y', x: 'x', m: 'm', covariates: ['k'], boot: 0 }))).toMatch(/constant-column: column 'k' is constant/);
  });
  it('names collinear columns', () => {
    expect(code(() => mediate(d, { y: 'y', x: 'x', m: 'm', covariates: ['c1', 'twin'], boot: 0 }))).toMatch(/collinear: .*c1.*twin|collinear: .*twin.*c1/);
  });
  it('n ≤ parameters, non-numeric, missing columns, no complete rows', () => {
    const tiny = { x: [1, 2, 3], m: [2, 1, 3], y: [1, 3, 2], c1: [0, 1, 1] };
    expect(code(() => mediate(tiny, { y: 'y', x: 'x', m: 'm', covariates: ['c1'], boot: 0 }))).toMatch(/too-few-observations/);
    expect(code(() => mediate({ ...d, m: ['a', ...(d.m as number[]).slice(1)] }, { y: 'y', x: 'x', m: 'm', boot: 0 }))).toMatch(/non-numeric: column 'm' row 1: 'a' is not a number/);
    expect(code(() => mediate(d, { y: 'y', x: 'x', m: 'nope', boot: 0 }))).toMatch(/missing-column: column 'nope' not found/);
    expect(code(() => mediate({ x: [1, null], m: [null, 2], y: [1, 2] }, { y: 'y', x: 'x', m: 'm', boot: 0 }))).toMatch(/too-few-observations: no complete rows/);
  });
  it('invalid options', () => {
    expect(code(() => mediate(d, { y: 'y', x: 'x', m: 'x' }))).toMatch(/variable 'x' is used twice \(as X and as a mediator\)/);
    expect(code(() => mediate(d, { y: 'y', x: 'x', m: [] }))).toMatch(/at least one mediator/);
    expect(code(() => mediate(d, { y: 'y', x: 'x', m: 'm', boot: 1 }))).toMatch(/boot must be 0 or an integer/);
    expect(code(() => mediate(d, { y: 'y', x: 'x', m: 'm', boot: 2.5 }))).toMatch(/boot must be/);
    expect(code(() => mediate(d, { y: 'y', x: 'x', m: 'm', level: 95 }))).toMatch(/confidence level/);
    expect(code(() => mediate(d, { y: 'y', x: 'x', m: 'm', seed: -1 }))).toMatch(/seed must be an integer/);
  });
});
