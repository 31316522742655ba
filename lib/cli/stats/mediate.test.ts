import { describe, expect, it } from 'vitest';
import { cli } from '../test-utils';
import { readGoldenJson } from '@/lib/stats/test-utils';

// Spawns the real CLI as `npm run -s cli` does. Expected values: lib/stats/golden/make-golden-mediation.R.
const data = 'lib/stats/golden/mediate-survey.csv';
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('CLI stats mediate', () => {
  it('prints the contract fields, matching R; the same seed prints the same JSON', () => {
    const args = ['stats', 'mediate', '--data', data, '--y', 'engage', '--x', 'tl', '--m', 'empower', '--covariates', 'age,female,tenure', '--boot', '1000', '--seed', '7', '--json'];
    const r = cli(...args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout);
    const e = readGoldenJson('mediate-expected.json').cases.find((c: any) => c.name === 'simple');
    expect(out.n).toBe(e.n);
    expect(out.nDropped).toBe(e.nDropped);
    for (const [k, ek] of [['a', e.mediators[0].a], ['b', e.mediators[0].b], ['c', e.c], ['cPrime', e.cPrime]] as const) {
      for (const f of ['estimate', 'se', 't']) expect(rel(out[k][f], ek[f])).toBeLessThan(1e-8);
      expect(Math.abs(out[k].p - ek.p)).toBeLessThan(1e-10);
    }
    expect(Object.keys(out.indirect)).toEqual(['estimate', 'bootSe', 'ciLower', 'ciUpper']);
    expect(rel(out.sobel.z, e.mediators[0].sobel.z)).toBeLessThan(1e-8);
    expect(out.bootstrap).toMatchObject({ draws: 1000, seed: 7 });
    expect(cli(...args).stdout).toBe(r.stdout);
  }, 60_000);

  it('--group compares paths and indirect effects; errors exit 2', () => {
    const r = cli('stats', 'mediate', '--data', data, '--y', 'engage', '--x', 'tl', '--m', 'empower,trust', '--boot', '300', '--seed', '1', '--group', 'ownership', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.levels).toEqual(['private', 'state']);
    expect(out.comparisons[0].tests.map((t: any) => t.term)).toEqual(['a[empower]', 'b[empower]', 'a[trust]', 'b[trust]', 'c', 'cPrime']);
    expect(out.comparisons[0].indirect.map((d: any) => d.effect)).toEqual(['empower', 'trust', 'total']);
    expect(out.groups[0].result).not.toHaveProperty('draws');
    const bad = cli('stats', 'mediate', '--data', data, '--y', 'engage', '--x', 'tl', '--m', 'empower', '--boot', '1', '--json');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error: boot must be 0 or an integer/);
  }, 60_000);
});
