// Issue 5's degenerate inputs across every analysis: each gives a StatsError that names the
// problem (constant column, perfect collinearity with the columns, n ≤ parameters, non-numeric
// values, one cluster, τ outside (0, 1), an empty column), and no NaN/Infinity reaches a result.
// Module-specific cases live beside each module; this file is the cross-analysis matrix.
import { describe, expect, it } from 'vitest';
import { correlation } from './correlation';
import { describe as describeVars } from './describe';
import { did } from './did';
import { assertFiniteResult } from './errors';
import { parseCsv, type DataFrame } from './frame';
import { crossProductInverse, fitLinearModel } from './linear-model';
import { mediate } from './mediate';
import { drawCounts } from './mediate-bootstrap';
import { moderate } from './moderate';
import { ols } from './ols';
import { panel } from './panel';
import { qreg } from './qreg';
import { createRng, resampleCounts } from './random';
import { reliability } from './reliability';
import { withStars } from './stars';
import { catchStatsError, expectAllFinite, readGoldenCsv } from './test-utils';

/** 24 rows, 4 entities × 6 periods: y, x1, x2, a constant k, text, an empty column. */
function frame(): DataFrame {
  const n = 24;
  const s = (i: number, a: number) => Math.sin(i * a) + 0.1 * i;
  return {
    y: Array.from({ length: n }, (_, i) => s(i, 1.3) + 2),
    x1: Array.from({ length: n }, (_, i) => s(i, 0.7)),
    x2: Array.from({ length: n }, (_, i) => Math.cos(i * 2.1)),
    k: Array.from({ length: n }, () => 4),
    empty: Array.from({ length: n }, () => null),
    txt: Array.from({ length: n }, (_, i) => (i === 5 ? 'n/a?' : i)),
    firm: Array.from({ length: n }, (_, i) => `f${Math.floor(i / 6)}`),
    year: Array.from({ length: n }, (_, i) => 2000 + (i % 6)),
    treat: Array.from({ length: n }, (_, i) => (Math.floor(i / 6) % 2 === 0 ? 1 : 0)),
    post: Array.from({ length: n }, (_, i) => (i % 6 >= 3 ? 1 : 0)),
    one: Array.from({ length: n }, () => 'all'),
  };
}
const df = frame();
const twin = {
  ...df,
  x3: (df.x1 as number[]).map((v, i) => 2 * v - 3 * (df.x2 as number[])[i]),
  x1b: (df.x1 as number[]).map((v) => 2 * v + 1),
};
const rows = (d: DataFrame, keep: number[]): DataFrame => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, keep.map((i) => v[i])]));

type Run = (d: DataFrame, v: { y?: string; x?: string[] }) => unknown;
const regressions: Record<string, Run> = {
  ols: (d, v) => ols(d, { y: v.y ?? 'y', x: v.x ?? ['x1'] }),
  qreg: (d, v) => qreg(d, { y: v.y ?? 'y', x: v.x ?? ['x1'] }),
  mediate: (d, v) => mediate(d, { y: v.y ?? 'y', x: (v.x ?? ['x1'])[0], m: 'x2', covariates: (v.x ?? ['x1']).slice(1), boot: 0 }),
  moderate: (d, v) => moderate(d, { y: v.y ?? 'y', x: (v.x ?? ['x1'])[0], w: 'x2', covariates: (v.x ?? ['x1']).slice(1) }),
  panel: (d, v) => panel(d, { y: v.y ?? 'y', x: v.x ?? ['x1'], entity: 'firm', time: 'year', effects: 'pooled' }),
  did: (d, v) => did(d, { y: v.y ?? 'y', treat: 'treat', post: 'post', entity: 'firm', time: 'year', covariates: v.x ?? ['x1'], se: 'classic' }),
};

describe('every regression analysis', () => {
  for (const [name, fit] of Object.entries(regressions)) {
    describe(name, () => {
      it('runs on the clean data with finite results', () => expectAllFinite(fit(df, {})));
      it('constant column: constant-column naming it', () => {
        const e = catchStatsError(() => fit(df, { x: ['x1', 'k'] }));
        expect(e.code).toBe('constant-column');
        expect(e.message).toMatch(/'k'/);
      });
      it('constant outcome: constant-column (never σ = 0 or NaN)', () => {
        const e = catchStatsError(() => fit(df, { y: 'k' }));
        expect(['constant-column', 'perfect-fit']).toContain(e.code);
        expect(e.message).toMatch(/'k'|perfectly/);
      });
      it('perfect collinearity: collinear naming the columns', () => {
        // x3 = 2·x1 − 3·x2 (x2 is the moderator W); for mediation (x2 = M, which x1 and x3 would
        // fit perfectly) a covariate x1b = 2·x1 + 1.
        const [x, named] = name === 'mediate' ? [['x1', 'x1b'], ['x1', 'x1b']] : name === 'moderate' ? [['x1', 'x3'], ['x1', 'x2', 'x3']] : [['x1', 'x2', 'x3'], ['x1', 'x2', 'x3']];
        const e = catchStatsError(() => fit(twin, { x }));
        expect(e.code).toBe('collinear');
        expect(e.message).toMatch(/^perfect collinearity among: /);
        for (const c of named) expect(e.message).toContain(c);
      });
      it('non-numeric value: non-numeric naming column and row', () => {
        const e = catchStatsError(() => fit(df, { x: ['txt'] }));
        expect(e.code).toBe('non-numeric');
        expect(e.message).toBe("column 'txt' row 6: 'n/a?' is not a number");
      });
      it('an all-missing column: too-few-observations naming it', () => {
        const e = catchStatsError(() => fit(df, { x: ['x1', 'empty'] }));
        expect(e.code).toBe('too-few-observations');
        expect(e.message).toBe("column 'empty' has no non-missing values");
      });
      it('n ≤ number of parameters: too-few-observations', () => {
        // ols/qreg: 4 rows, 4 parameters; mediate/moderate: 4 rows, ≥ 4 parameters; panel: 2 rows of
        // 2 entities, 2 parameters; did: 2 entities × 2 periods, 5 parameters (2 + 1 + treat:post + x1).
        const keep = name === 'panel' ? [0, 6] : name === 'did' ? [0, 3, 6, 9] : [0, 1, 2, 3];
        const x = { ols: ['x1', 'x2', 'txt'], qreg: ['x1', 'x2', 'txt'], mediate: ['x1', 'txt'], moderate: ['x1', 'txt'], panel: ['x1'], did: ['x1'] }[name];
        const e = catchStatsError(() => fit(rows(df, keep), { x }));
        expect(e.code).toBe('too-few-observations');
        expect(e.message).toMatch(/n \(\d+\) must exceed the number of parameters \(\d+\)/);
      });
    });
  }

  it('one cluster: single-cluster for ols, panel, did', () => {
    expect(catchStatsError(() => ols(df, { y: 'y', x: ['x1'], se: 'cluster', cluster: 'one' })).code).toBe('single-cluster');
    expect(catchStatsError(() => panel(df, { y: 'y', x: ['x1'], entity: 'firm', se: 'cluster', cluster: 'one' })).message).toMatch(
      /cluster variable 'one' has only one cluster \('all'\)/,
    );
    expect(catchStatsError(() => did(df, { y: 'y', treat: 'treat', post: 'post', entity: 'firm', time: 'year', cluster: 'one' })).code).toBe('single-cluster');
  });

  it('τ outside (0, 1): invalid-option naming τ', () => {
    for (const tau of [0, 1, -0.5, 1.2, NaN]) {
      const e = catchStatsError(() => qreg(df, { y: 'y', x: ['x1'], tau: [0.5, tau] }));
      expect(e.code).toBe('invalid-option');
      expect(e.message).toMatch(/tau must be strictly between 0 and 1/);
    }
  });
});

describe('no NaN or Infinity in descriptive results', () => {
  it('describe: an all-missing column is named; constant and n = 1 statistics are null', () => {
    expect(catchStatsError(() => describeVars(df, { vars: ['x1', 'empty'] })).message).toBe("column 'empty' has no non-missing values");
    expect(catchStatsError(() => describeVars(df, { vars: ['x1', 'empty'], missing: 'pairwise' })).message).toBe("variable 'empty' has no observations");
    const r = describeVars({ k: [4, 4, 4], one: [1, null, null] }, { vars: ['k', 'one'], missing: 'pairwise' });
    expectAllFinite(r);
    expect(r.variables[0].skewness).toBeNull();
    expect(r.variables[1].sd).toBeNull();
  });
  it('correlation: SD 0 and an empty column are named errors; |r| = 1 gives p = 0', () => {
    expect(catchStatsError(() => correlation(df, { vars: ['x1', 'k'] })).message).toBe("column 'k' is constant");
    expect(catchStatsError(() => correlation(df, { vars: ['x1', 'k'], method: 'spearman' })).message).toBe("column 'k' is constant");
    expect(catchStatsError(() => correlation(df, { vars: ['x1', 'empty'] })).message).toBe("column 'empty' has no non-missing values");
    const r = correlation({ a: [1, 2, 3, 4], b: [2, 4, 6, 8] }, { vars: ['a', 'b'] });
    expect(r.p[0][1]).toBe(0);
    expectAllFinite(r);
  });
  it('reliability: a single item, a constant item, an empty item, items that cancel out', () => {
    expect(catchStatsError(() => reliability(df, { items: ['x1'] })).message).toMatch(/at least 2 items \(got 1\)/);
    expect(catchStatsError(() => reliability(df, { items: ['x1', 'x2', 'k'] })).message).toBe("item 'k' is constant");
    expect(catchStatsError(() => reliability(df, { items: ['x1', 'empty'] })).message).toBe("column 'empty' has no non-missing values");
    // r = −1 with unequal variances: α is finite but standardized α and ω divide by 1'R1 = 0.
    const e = catchStatsError(() => reliability({ a: [1, 2, 3, 4], b: [-2, -4, -6, -8] }, { items: ['a', 'b'] }));
    expect(e.code).toBe('non-finite');
    expect(e.message).toMatch(/sum of the standardized items a, b has zero variance/);
  });
  it('reliability warns about a negatively keyed item that was not reversed', () => {
    const d = readGoldenCsv('ols-survey.csv');
    const r = reliability(d, { items: ['q1', 'q2', 'q3', 'q4'] });
    expect(r.warnings.join(' ')).toMatch(/item q4 correlates negatively with the rest of the scale/);
    expect(reliability(d, { items: ['q1', 'q2', 'q3', 'q4'], reverse: ['q4'], scaleMin: 1, scaleMax: 5 }).warnings.join(' ')).not.toMatch(/negatively/);
  });
});

describe('cluster-robust joint tests with fewer clusters than slopes', () => {
  it('ols: F and pF are null with a note (Stata prints "."), the coefficient table is intact', () => {
    const r = ols(df, { y: 'y', x: ['x1', 'x2'], se: 'cluster', cluster: 'treat' });
    expect(r.nClusters).toBe(2);
    expect(r.f).toBeNull();
    expect(r.pF).toBeNull();
    expect(r.notes?.[0]).toMatch(/2 slopes but only 2 clusters/);
    expectAllFinite(r);
    expect(ols(df, { y: 'y', x: ['x1'], se: 'cluster', cluster: 'treat' }).f).not.toBeNull();
  });
  it('panel: no modelTest, a note instead', () => {
    const r = panel(df, { y: 'y', x: ['x1', 'x2'], entity: 'firm', effects: 'pooled', se: 'cluster', cluster: 'treat' });
    expect(r.modelTest).toBeUndefined();
    expect(r.notes?.join(' ')).toMatch(/joint test of the slopes not available: 2 slopes but only 2 clusters/);
    expectAllFinite(r);
  });
});

describe('guards and shared helpers', () => {
  it('assertFiniteResult names the offending field (the CLI runs it before printing)', () => {
    expect(() => assertFiniteResult({ coefficients: [{ se: 1 }, { se: NaN }] })).toThrow("result field 'coefficients[1].se' is not finite (NaN)");
    expect(() => assertFiniteResult({ a: null, b: [1, 2], c: { d: -Infinity } })).toThrow(/'c.d' is not finite \(-Infinity\)/);
    expect(() => assertFiniteResult({ a: null, b: 'text', c: [0, 1e308] })).not.toThrow();
  });
  it('withStars annotates every p (apa and econ) without touching the input', () => {
    const result = { coefficients: [{ term: 'x', estimate: 1, p: 0.004 }], hausman: { chisq: 3, df: 1, p: 0.07 }, n: 10 };
    const apa = withStars(result);
    expect(apa.coefficients[0]).toEqual({ term: 'x', estimate: 1, p: 0.004, stars: '**' });
    expect((apa.hausman as { stars?: string }).stars).toBe('');
    expect((withStars(result, 'econ').hausman as { stars?: string }).stars).toBe('*');
    expect(result.coefficients[0]).not.toHaveProperty('stars');
  });
  it('crossProductInverse = the fitter’s (X′X)⁻¹, and names collinear columns', () => {
    const d = { names: ['(Intercept)', 'x1', 'x2'], columns: [new Float64Array(24).fill(1), Float64Array.from(df.x1 as number[]), Float64Array.from(df.x2 as number[])] };
    const fit = fitLinearModel(d, Float64Array.from(df.y as number[]));
    const inv = crossProductInverse(d);
    inv.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - fit.xtxInverse[i][j])).toBeLessThan(1e-15 * Math.abs(fit.xtxInverse[i][i]) + 1e-300)));
    const e = catchStatsError(() => crossProductInverse({ names: ['a', 'b'], columns: [[1, 2, 3], [2, 4, 6]] }));
    expect(e.message).toBe('perfect collinearity among: a, b');
  });
  it('one bounded-integer resampler (./random) behind the bootstrap', () => {
    expect(drawCounts).toBe(resampleCounts);
    const a = new Float64Array(50);
    const b = new Float64Array(50);
    resampleCounts(createRng(11), 50, new Int32Array(50), a);
    resampleCounts(createRng(11), 50, new Int32Array(50), b);
    expect(Array.from(a)).toEqual(Array.from(b));
  });
  it('parseCsv refuses a quoted field that is never closed', () => {
    expect(catchStatsError(() => parseCsv('y,x\n1,"2\n3,4\n')).message).toMatch(/^CSV line 2: .*not closed properly/);
    expect(parseCsv('y\n1\n2\n')).toEqual({ y: [1, 2] }); // one column: Papa's delimiter warning is harmless
  });
});
