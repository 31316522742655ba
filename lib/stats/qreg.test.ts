// Golden tests of lib/stats/qreg.ts against R quantreg 5.94 (golden/make-golden-panel.R):
// rq(method = "br") estimates and summary(se = "nid") SEs. Tolerances: 1e-8 relative on
// estimates, SEs and CIs; 1e-10 absolute on p-values.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv, type DataFrame } from './frame';
import { bandwidth, qreg } from './qreg';
import { solveQuantileLp } from './qreg-br';
import { catchStatsError } from './test-utils';

const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
const wages = parseCsv(readFileSync(golden('qreg-wages.csv'), 'utf8'));
const ties = parseCsv(readFileSync(golden('qreg-ties.csv'), 'utf8'));
const expected = JSON.parse(readFileSync(golden('qreg-expected.json'), 'utf8'));

function expectRel(actual: number, wanted: number, tol = 1e-8): void {
  expect(Number.isFinite(actual)).toBe(true);
  if (wanted === 0) expect(Math.abs(actual)).toBeLessThan(1e-12);
  else expect(Math.abs(actual - wanted) / Math.abs(wanted)).toBeLessThan(tol);
}

const rho = (r: number, tau: number) => r * (r < 0 ? tau - 1 : tau);

describe('qreg: golden values from R quantreg (br + nid)', () => {
  const taus: number[] = expected.quantiles.map((q: { tau: number }) => q.tau);
  const r = qreg(wages, { y: 'lwage', x: ['educ', 'exper', 'female'], tau: taus });

  it('uses the complete rows', () => {
    expect(r.n).toBe(expected.n);
    expect(r.nDropped).toBe(expected.nDropped);
    expect(r.dfResidual).toBe(expected.n - 4);
  });

  expected.quantiles.forEach(
    (
      e: {
        tau: number;
        bandwidth: number;
        objective: number;
        warnings: string[];
        coefficients: Array<{ term: string; estimate: number; se: number; t: number; p: number; ciLower: number; ciUpper: number }>;
      },
      k: number,
    ) => {
      it(`tau = ${e.tau}: estimates, nid SEs, t, p, CI`, () => {
        const q = r.quantiles[k];
        expect(q.tau).toBe(e.tau);
        expect(q.coefficients.map((c) => c.term)).toEqual(e.coefficients.map((c) => c.term));
        q.coefficients.forEach((c, j) => {
          const w = e.coefficients[j];
          expectRel(c.estimate, w.estimate);
          expectRel(c.se, w.se);
          expectRel(c.t, w.t);
          expect(Math.abs(c.p - w.p)).toBeLessThan(1e-10);
          expectRel(c.ciLower, w.ciLower);
          expectRel(c.ciUpper, w.ciUpper);
        });
        expectRel(q.bandwidth, e.bandwidth, 1e-12);
        expectRel(q.objective, e.objective, 1e-12);
        expect(q.nonunique).toBe(false);
        expect(q.warnings).toEqual(e.warnings);
      });
    },
  );

  it('builds the coefficient-by-tau table', () => {
    expect(r.table.taus).toEqual(taus);
    expect(r.table.rows.map((row) => row.term)).toEqual(['(Intercept)', 'educ', 'exper', 'female']);
    r.table.rows.forEach((row, j) => {
      expect(row.estimate).toEqual(r.quantiles.map((q) => q.coefficients[j].estimate));
      expect(row.se).toEqual(r.quantiles.map((q) => q.coefficients[j].se));
    });
  });

  it('accepts a single tau and defaults to the median', () => {
    const one = qreg(wages, { y: 'lwage', x: ['educ', 'exper', 'female'] });
    expect(one.quantiles).toHaveLength(1);
    expect(one.quantiles[0].tau).toBe(0.5);
    expect(one.quantiles[0].coefficients).toEqual(r.quantiles[2].coefficients);
  });

  it('bandwidth.rq (Hall–Sheather and Bofinger)', () => {
    expectRel(bandwidth(0.5, 499), expected.quantiles[2].bandwidth, 1e-13);
    expect(bandwidth(0.5, 499, false)).toBeGreaterThan(bandwidth(0.5, 499, true));
  });
});

describe('qreg: degenerate (tied) data', () => {
  for (const e of expected.ties.fits as Array<{ tau: number; coefficients: number[]; objective: number; warnings: string[] }>) {
    it(`tau = ${e.tau}: attains R's minimum; same vertex unless R flags non-uniqueness`, () => {
      const r = qreg(ties, { y: 'y', x: ['x1', 'x2'], tau: e.tau });
      const q = r.quantiles[0];
      expect(Math.abs(q.objective - e.objective)).toBeLessThan(1e-9 * e.objective);
      if (e.warnings.includes('Solution may be nonunique')) {
        expect(q.nonunique).toBe(true);
      } else {
        q.coefficients.forEach((c, j) => expect(Math.abs(c.estimate - e.coefficients[j])).toBeLessThan(1e-9));
      }
    });
  }
});

describe('qreg-br: the LP solver', () => {
  it('intercept-only: the sample quantile (order statistic)', () => {
    const y = Float64Array.of(7, 1, 3, 10, 2, 8, 5);
    const x = new Float64Array(7).fill(1);
    // τ = 0.3, n = 7: nτ = 2.1 → the 3rd smallest (3).
    expect(solveQuantileLp(x, y, 1, 0.3).coefficients[0]).toBe(3);
    expect(solveQuantileLp(x, y, 1, 0.5).coefficients[0]).toBe(5);
    // n even at the median: any value between the middle pair is optimal → flagged.
    const even = solveQuantileLp(new Float64Array(4).fill(1), Float64Array.of(1, 2, 3, 4), 1, 0.5);
    expect(even.nonunique).toBe(true);
    expect([2, 3]).toContain(even.coefficients[0]);
  });

  it('meets the optimality condition and beats random perturbations', () => {
    let s = 42;
    const u = () => (s = (s * 48271) % 2147483647) / 2147483647;
    const n = 301;
    const p = 3;
    const x = new Float64Array(n * p);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i * p] = 1;
      x[i * p + 1] = u() * 10;
      x[i * p + 2] = u() < 0.5 ? 1 : 0;
      y[i] = 1 + 0.5 * x[i * p + 1] - x[i * p + 2] + (u() - 0.5) * (1 + x[i * p + 1]);
    }
    const tau = 0.37;
    const sol = solveQuantileLp(x, y, p, tau);
    expect(sol.basis).toHaveLength(p);
    for (const i of sol.basis) expect(sol.residuals[i]).toBe(0);
    const obj = (b: ArrayLike<number>) => {
      let f = 0;
      for (let i = 0; i < n; i++) f += rho(y[i] - (x[i * p] * b[0] + x[i * p + 1] * b[1] + x[i * p + 2] * b[2]), tau);
      return f;
    };
    expect(obj(sol.coefficients)).toBeCloseTo(sol.objective, 10);
    for (let k = 0; k < 200; k++) {
      const b = Array.from(sol.coefficients, (v) => v + (u() - 0.5) * 1e-3);
      expect(obj(b)).toBeGreaterThanOrEqual(sol.objective - 1e-12);
    }
    // Warm start from another basis reaches the same vertex.
    const warm = solveQuantileLp(x, y, p, tau, { basis: solveQuantileLp(x, y, p, 0.8).basis });
    expect(Array.from(warm.coefficients)).toEqual(Array.from(sol.coefficients));
  });
});

describe('qreg: degenerate input', () => {
  const err = catchStatsError;
  const base = { y: 'lwage', x: ['educ', 'exper', 'female'] };
  const n = wages.lwage.length;

  it('rejects tau outside (0, 1)', () => {
    for (const tau of [0, 1, -0.2, 1.5, Number.NaN]) {
      const e = err(() => qreg(wages, { ...base, tau: [0.5, tau] }));
      expect(e.code).toBe('invalid-option');
      expect(e.message).toContain('tau');
    }
    expect(err(() => qreg(wages, { ...base, tau: [] })).code).toBe('invalid-option');
  });

  it('names a constant column, collinear columns, non-numeric values; n ≤ parameters', () => {
    const c = err(() => qreg({ ...wages, k: Array(n).fill(1) }, { ...base, x: ['educ', 'k'] }));
    expect(c.code).toBe('constant-column');
    expect(c.message).toContain("'k'");
    const edx = wages.educ.map((v, i) => (v === null || wages.exper[i] === null ? null : (v as number) - (wages.exper[i] as number)));
    const col = err(() => qreg({ ...wages, edx }, { ...base, x: ['educ', 'exper', 'edx'] }));
    expect(col.code).toBe('collinear');
    expect(col.message).toMatch(/educ.*exper.*edx/);
    const bad = [...wages.educ];
    bad[10] = 'twelve';
    const nn = err(() => qreg({ ...wages, educ: bad }, base));
    expect(nn.code).toBe('non-numeric');
    expect(nn.message).toContain("'educ'");
    const tiny: DataFrame = { y: [1, 2, 3], a: [1, 0, 2], b: [3, 1, 1] };
    expect(err(() => qreg(tiny, { y: 'y', x: ['a', 'b'] })).code).toBe('too-few-observations');
    expect(err(() => qreg({ ...wages, lwage: Array(n).fill(2) }, base)).code).toBe('constant-column');
  });
});
