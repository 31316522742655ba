// Golden tests of lib/stats/panel.ts against R plm 2.6-2 (golden/make-golden-panel.R), plus
// degenerate inputs. Tolerances: 1e-8 relative on estimates, SEs, statistics; 1e-10 absolute
// on p-values.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv, type DataFrame } from './frame';
import { panel, type PanelEffects } from './panel';
import { buildIndex } from './panel-data';
import type { Coefficient } from './types';
import { catchStatsError, expectAllFinite, expectCoefficients, expectRel as expectRelTo, type ReferenceCoefficient } from './test-utils';

const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
const df = parseCsv(readFileSync(golden('panel-firms.csv'), 'utf8'));
const expected = JSON.parse(readFileSync(golden('panel-expected.json'), 'utf8'));

const expectRel = (actual: number, wanted: number, tol = 1e-8) => expectRelTo(actual, wanted, tol, 'value');
const expectTable = (actual: Coefficient[], wanted: ReferenceCoefficient[]) => expectCoefficients(actual, wanted);

const base = { y: 'y', x: ['x1', 'x2', 'lev'], entity: 'firm', time: 'year' };
const models: PanelEffects[] = ['pooled', 'entity', 'twoway', 'random'];

describe('panel: golden values from R plm', () => {
  for (const effects of models) {
    const e = expected[effects];
    for (const se of ['classic', 'cluster'] as const) {
      it(`${effects} model, ${se} SEs`, () => {
        const r = panel(df, { ...base, effects, se });
        expect(r.n).toBe(e.n);
        expect(r.nDropped).toBe(e.nDropped);
        expect(r.nEntities).toBe(e.nEntities);
        expect(r.dfResidual).toBe(e.dfResidual);
        expectTable(r.coefficients, se === 'classic' ? e.coefficients : e.clustered);
        expectRel(r.r2, e.r2);
        expectRel(r.adjR2, e.adjR2);
        expectRel(r.rss, e.rss);
        const wald = se === 'classic' ? e.wald : e.waldCluster;
        expectRel(r.modelTest!.statistic, wald.statistic);
        expect(r.modelTest!.df1).toBe(wald.df1);
        expect(r.modelTest!.df2).toBe(wald.df2 ?? undefined);
        expect(Math.abs(r.modelTest!.p - wald.p)).toBeLessThan(1e-10);
        if (se === 'cluster') expect(r.nClusters).toBe(e.nEntities);
        expectAllFinite(r);
      });
    }
  }

  it('reports the within R² for fixed-effects models', () => {
    expectRel(panel(df, { ...base, effects: 'entity' }).r2Within as number, expected.entity.r2);
    expectRel(panel(df, { ...base, effects: 'twoway' }).r2Within as number, expected.twoway.r2);
    expect(panel(df, { ...base, effects: 'pooled' }).r2Within).toBeUndefined();
  });

  it('F tests of the entity and two-way effects (pFtest)', () => {
    for (const effects of ['entity', 'twoway'] as const) {
      const f = panel(df, { ...base, effects }).fTestEffects;
      const w = expected[effects].fTest;
      expect(f).toBeDefined();
      expectRel(f!.statistic, w.statistic);
      expect([f!.df1, f!.df2]).toEqual([w.df1, w.df2]);
      expect(Math.abs(f!.p - w.p)).toBeLessThan(1e-10);
    }
  });

  it('Hausman test FE vs RE (phtest), from either model', () => {
    for (const effects of ['entity', 'random'] as const) {
      for (const se of ['classic', 'cluster'] as const) {
        const h = panel(df, { ...base, effects, se }).hausman;
        expect(h).toBeDefined();
        expectRel(h!.chisq, expected.hausman.chisq);
        expect(h!.df).toBe(expected.hausman.df);
        expect(Math.abs(h!.p - expected.hausman.p)).toBeLessThan(1e-10);
      }
    }
    expect(panel(df, { ...base, effects: 'entity', hausman: false }).hausman).toBeUndefined();
  });

  it('omits the Hausman test with a note when random effects cannot be estimated', () => {
    // Entity FE with only 3 entities and 2 regressors: the between regression has N − K − 1 = 0 df.
    const firms = ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c'];
    const small: DataFrame = {
      firm: firms,
      y: [1, 2, 4, 3, 5, 4, 7, 6, 9],
      x1: [1, 2, 3, 1, 3, 2, 5, 4, 6],
      x2: [0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6],
    };
    const r = panel(small, { y: 'y', x: ['x1', 'x2'], entity: 'firm', effects: 'entity' });
    expect(r.hausman).toBeUndefined();
    expect(r.notes?.[0]).toMatch(/^Hausman test not available: random effects/);
    expect(r.coefficients).toHaveLength(2);
  });

  it('random effects: Swamy–Arora variance components and θ_i for the unbalanced panel', () => {
    const r = panel(df, { ...base, effects: 'random' });
    const e = expected.random;
    expectRel(r.random!.sigma2Idios, e.sigma2Idios);
    expectRel(r.random!.sigma2Entity, e.sigma2Entity);
    expect(r.random!.thetaByEntity.map((t) => t.entity)).toEqual(e.thetaFirms);
    r.random!.thetaByEntity.forEach((t, k) => expectRel(t.theta, e.theta[k]));
    expect(r.random!.theta.min).toBeLessThan(r.random!.theta.max);
  });

  it('describes the panel structure', () => {
    const r = panel(df, { ...base, effects: 'entity' });
    expect(r.balanced).toBe(false);
    expect(r.nTimes).toBe(10);
    expect(r.entitySize.max).toBeLessThanOrEqual(10);
    expect(r.entitySize.min).toBeGreaterThanOrEqual(1);
    // Without a time column the entity model still runs (time is only needed for two-way).
    const noTime = panel(df, { y: 'y', x: ['x1', 'x2', 'lev'], entity: 'firm', effects: 'entity' });
    expect(noTime.coefficients[0].estimate).toBe(r.coefficients[0].estimate);
    expect(noTime.nTimes).toBeUndefined();
  });

  it('a balanced panel is recognised and gives the balanced Swamy–Arora formulas', () => {
    // Balanced toy panel: the unbalanced and balanced plm formulas coincide; θ is common.
    const firms: string[] = [];
    const years: number[] = [];
    const y: number[] = [];
    const x: number[] = [];
    let s = 7;
    const u = () => ((s = (s * 16807) % 2147483647) / 2147483647) - 0.5;
    for (let i = 0; i < 12; i++) {
      const a = u();
      for (let t = 0; t < 5; t++) {
        firms.push(`f${i}`);
        years.push(2000 + t);
        const xv = u() + a;
        x.push(xv);
        y.push(1 + 0.5 * xv + a + u());
      }
    }
    const r = panel({ firm: firms, year: years, y, x }, { y: 'y', x: ['x'], entity: 'firm', time: 'year', effects: 'random' });
    expect(r.balanced).toBe(true);
    const th = r.random!.thetaByEntity.map((t) => t.theta);
    expect(Math.max(...th) - Math.min(...th)).toBe(0);
  });
});

describe('panel: degenerate input', () => {
  const code = catchStatsError;

  it('names a regressor constant within every entity under FE', () => {
    const err = code(() => panel(df, { ...base, x: ['x1', 'soe'], effects: 'entity' }));
    expect(err.code).toBe('constant-column');
    expect(err.message).toContain("'soe'");
    expect(err.message).toContain('within every entity');
    // ... and under two-way FE; pooled and random effects keep it.
    expect(code(() => panel(df, { ...base, x: ['x1', 'soe'], effects: 'twoway' })).message).toContain("'soe'");
    expect(panel(df, { ...base, x: ['x1', 'soe'], effects: 'random' }).coefficients.map((c) => c.term)).toEqual([
      '(Intercept)',
      'x1',
      'soe',
    ]);
  });

  it('names a regressor absorbed by the time effects under two-way FE', () => {
    const err = code(() => panel(df, { ...base, x: ['x1', 'post'], effects: 'twoway' }));
    expect(err.code).toBe('constant-column');
    expect(err.message).toContain("'post'");
    expect(err.message).toContain('time period');
  });

  it('names a regressor that is a sum of entity and period components', () => {
    const n = df.y.length;
    const trend = Array.from({ length: n }, (_, i) => Number(df.year[i]) * 0.5 + Number(String(df.firm[i]).slice(1)));
    const err = code(() => panel({ ...df, fe: trend }, { ...base, x: ['x1', 'fe'], effects: 'twoway' }));
    expect(err.code).toBe('constant-column');
    expect(err.message).toContain("'fe'");
  });

  it('names perfectly collinear regressors', () => {
    const n = df.y.length;
    const x3 = Array.from({ length: n }, (_, i) => {
      const a = df.x1[i];
      const b = df.lev[i];
      return a === null || b === null ? null : (a as number) + 2 * (b as number);
    });
    for (const effects of models) {
      const err = code(() => panel({ ...df, x3 }, { ...base, x: ['x1', 'lev', 'x3'], effects }));
      expect(err.code).toBe('collinear');
      expect(err.message).toContain('x3');
      expect(err.message).toContain('x1');
    }
  });

  it('rejects a constant column, non-numeric values, n ≤ parameters, one cluster, one entity', () => {
    const n = df.y.length;
    expect(code(() => panel({ ...df, c: Array(n).fill(3) }, { ...base, x: ['x1', 'c'], effects: 'pooled' })).code).toBe(
      'constant-column',
    );
    const bad = [...df.x1];
    bad[5] = 'n/a?';
    const nonNum = code(() => panel({ ...df, x1: bad }, { ...base, effects: 'entity' }));
    expect(nonNum.code).toBe('non-numeric');
    expect(nonNum.message).toContain("'x1'");
    const tiny: DataFrame = { firm: ['a', 'a', 'b', 'b'], year: [1, 2, 1, 2], y: [1, 2, 3, 5], x: [1, 3, 2, 2.5] };
    expect(code(() => panel(tiny, { y: 'y', x: ['x'], entity: 'firm', time: 'year', effects: 'twoway' })).code).toBe(
      'too-few-observations',
    );
    expect(code(() => panel({ ...df, one: Array(n).fill('all') }, { ...base, se: 'cluster', cluster: 'one' })).code).toBe(
      'single-cluster',
    );
    expect(code(() => panel({ ...df, firm: Array(n).fill('F1') }, { ...base, x: ['x1'], time: undefined })).message).toContain(
      'at least 2 entities',
    );
  });

  it('rejects duplicate entity–time rows and two-way effects without time', () => {
    const dup: DataFrame = { firm: ['a', 'a', 'b'], year: [1, 1, 1], y: [1, 2, 3], x: [1, 2, 4] };
    expect(code(() => panel(dup, { y: 'y', x: ['x'], entity: 'firm', time: 'year' })).message).toContain("'a'");
    expect(code(() => panel(df, { ...base, time: undefined, effects: 'twoway' })).code).toBe('invalid-option');
    expect(code(() => panel(df, { ...base, effects: 'fixed' as PanelEffects })).code).toBe('invalid-option');
    expect(code(() => panel(df, { ...base, se: 'hc3' as 'classic' })).code).toBe('invalid-option');
    expect(code(() => panel(df, { ...base, x: ['nope'] })).code).toBe('missing-column');
  });

  it('buildIndex orders levels like R factor()', () => {
    const idx = buildIndex(['F10', 'F2', 'F10'], ['2011', '2010', '2010']);
    expect(idx.entityLevels).toEqual(['F10', 'F2']);
    expect(idx.timeLevels).toEqual(['2010', '2011']);
    expect(Array.from(idx.entityCounts)).toEqual([2, 1]);
  });
});
