import { describe, expect, it } from 'vitest';
import { cli } from '../test-utils';
import { readGoldenJson } from '@/lib/stats/test-utils';

// Spawns the real CLI as `npm run -s cli` does. Expected values: lib/stats/golden/make-golden-mediation.R.
const data = 'lib/stats/golden/mediate-survey.csv';
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('CLI stats moderate', () => {
  it('--center: coefficients with "X:W", simple slopes and Johnson–Neyman match R', () => {
    const r = cli('stats', 'moderate', '--data', data, '--y', 'engage', '--x', 'tl', '--w', 'pos', '--covariates', 'age,female', '--center', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const e = readGoldenJson('moderate-expected.json').cases.find((c: any) => c.name === 'centered');
    expect(out.coefficients.map((c: any) => c.term)).toEqual(['(Intercept)', 'tl', 'pos', 'tl:pos', 'age', 'female']);
    out.coefficients.forEach((c: any, i: number) => expect(rel(c.se, e.coefficients[i].se)).toBeLessThan(1e-8));
    out.simpleSlopes.forEach((s: any, i: number) => {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['w', 'slope', 'se', 't', 'p']));
      expect(rel(s.slope, e.simpleSlopes[i].slope)).toBeLessThan(1e-8);
    });
    expect(rel(out.johnsonNeyman.points[0].w, e.johnsonNeyman.points[0].w)).toBeLessThan(1e-8);
  }, 60_000);

  it('--w-values and --group (z tests + Chow test)', () => {
    const r = cli('stats', 'moderate', '--data', data, '--y', 'engage', '--x', 'tl', '--w', 'pos', '--w-values', '3,4.4,6', '--group', 'ownership', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.groups[0].result.simpleSlopes.map((s: any) => s.w)).toEqual([3, 4.4, 6]);
    expect(out.comparisons[0].tests.map((t: any) => t.term)).toContain('tl:pos');
    expect(out.chow.df1).toBe(4);
    const bad = cli('stats', 'moderate', '--data', data, '--y', 'engage', '--x', 'tl', '--w', 'pos', '--w-values', 'low', '--json');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--w-values: 'low' is not a number/);
  }, 60_000);
});
