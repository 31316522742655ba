// Golden tests of lib/stats/did.ts against R plm 2.6-2 (golden/make-golden-panel.R): two-way
// FE with treat:post, clustered (plm vcovHC "sss", t on G − 1 df) and classic SEs, and the
// group-by-time means. Tolerances: 1e-8 relative (estimates, SEs, means), 1e-10 absolute (p).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { did } from './did';
import { parseCsv, type DataFrame } from './frame';
import type { Coefficient } from './types';
import { catchStatsError, expectCoefficients, expectRel as expectRelTo } from './test-utils';

const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
const df = parseCsv(readFileSync(golden('panel-firms.csv'), 'utf8'));
const expected = JSON.parse(readFileSync(golden('did-expected.json'), 'utf8'));

const expectRel = (actual: number, wanted: number, tol = 1e-8) => expectRelTo(actual, wanted, tol, 'value');
const expectTable = (actual: Coefficient[], wanted: Coefficient[]) => expectCoefficients(actual, wanted);

const base = { y: 'y', treat: 'treat', post: 'post', entity: 'firm', time: 'year' };

describe('did: golden values from R plm (two-way FE with treat:post)', () => {
  for (const [key, covariates] of [
    ['plain', []],
    ['covariates', ['x1', 'x2']],
  ] as const) {
    const e = expected[key];
    it(`${key}: clustered by entity (default)`, () => {
      const r = did(df, { ...base, covariates: [...covariates] });
      expect(r.n).toBe(e.n);
      expect(r.nDropped).toBe(e.nDropped);
      expect(r.nEntities).toBe(e.nEntities);
      expect(r.nClusters).toBe(e.nEntities);
      expect(r.dfResidual).toBe(e.dfResidual);
      expect(r.term).toBe('treat:post');
      expectTable(r.coefficients, e.coefficients);
      expect(r.estimate).toEqual(r.coefficients.find((c) => c.term === 'treat:post'));
      expectRel(r.r2Within, e.r2Within);
    });

    it(`${key}: classic SEs`, () => {
      const r = did(df, { ...base, covariates: [...covariates], se: 'classic' });
      expectTable(r.coefficients, e.classic);
      expect(r.nClusters).toBeUndefined();
    });

    it(`${key}: group-by-time means and the 2×2 estimate`, () => {
      const r = did(df, { ...base, covariates: [...covariates] });
      expect(r.means.byTime.map((c) => [c.treat, c.time, c.n])).toEqual(
        e.meansByTime.map((c: { treat: number; time: number; n: number }) => [c.treat, String(c.time), c.n]),
      );
      r.means.byTime.forEach((c, k) => expectRel(c.mean, e.meansByTime[k].mean));
      expect(r.means.byPost.map((c) => [c.treat, c.post, c.n])).toEqual(
        e.meansByPost.map((c: { treat: number; post: number; n: number }) => [c.treat, c.post, c.n]),
      );
      r.means.byPost.forEach((c, k) => expectRel(c.mean, e.meansByPost[k].mean));
      expectRel(r.means.simpleDid, e.simpleDid);
    });
  }

  it('adds a main effect that the fixed effects do not absorb', () => {
    // Treatment that switches on inside entities: treat varies within firm, so it enters.
    const treat = df.treat.map((v, i) => (Number(df.year[i]) >= 2017 && v === 0 && i % 2 === 0 ? 1 : v));
    const r = did({ ...df, treat }, base);
    expect(r.coefficients.map((c) => c.term)).toEqual(['treat', 'treat:post']);
  });
});

describe('did: degenerate input', () => {
  const err = catchStatsError;
  const n = df.y.length;

  it('rejects non-binary and one-valued indicators', () => {
    const treat = df.treat.map((v) => (v === 1 ? 2 : v));
    expect(err(() => did({ ...df, treat }, base)).message).toContain("'treat' must be coded 0/1");
    const allTreated = err(() => did({ ...df, treat: Array(n).fill(1) }, base));
    expect(allTreated.code).toBe('constant-column');
    expect(allTreated.message).toContain("'treat'");
  });

  it('rejects an empty treat × post cell', () => {
    // Treated firms observed only after the treatment: no treated pre-period.
    const keep = df.y.map((_, i) => !(df.treat[i] === 1 && df.post[i] === 0));
    const sub: DataFrame = Object.fromEntries(Object.entries(df).map(([k, col]) => [k, col.filter((_, i) => keep[i])]));
    const e = err(() => did(sub, base));
    expect(e.code).toBe('too-few-observations');
    expect(e.message).toBe('no observations with treat = 1 and post = 0; the difference-in-differences is not identified');
  });

  it('rejects a covariate that repeats the DID term, a single cluster, a non-numeric treat', () => {
    expect(err(() => did(df, { ...base, covariates: ['treat'] })).code).toBe('invalid-option');
    expect(err(() => did({ ...df, one: Array(n).fill('x') }, { ...base, cluster: 'one' })).code).toBe('single-cluster');
    const treat = [...df.treat];
    treat[3] = 'yes';
    expect(err(() => did({ ...df, treat }, base)).code).toBe('non-numeric');
  });
});
