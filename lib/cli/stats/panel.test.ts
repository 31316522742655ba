import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../test-utils';

// Spawns the real CLI as `npm run -s cli` does, for stats panel / did / qreg. Expected values:
// lib/stats/golden/make-golden-panel.R (R plm 2.6, quantreg 5.94).
const golden = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../stats/golden/${name}`, import.meta.url)), 'utf8'));
const panelData = 'lib/stats/golden/panel-firms.csv';
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

function expectOneJson(r: ReturnType<typeof cli>) {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(r.stdout);
}

describe('CLI stats panel / did / qreg', () => {
  it('panel: coefficients, r2Within, hausman match R', () => {
    const e = golden('panel-expected.json');
    const out = expectOneJson(
      cli('stats', 'panel', '--data', panelData, '--y', 'y', '--x', 'x1,x2,lev', '--entity', 'firm', '--time', 'year', '--effects', 'entity', '--se', 'cluster', '--json'),
    );
    expect(out.n).toBe(e.entity.n);
    expect(out.nDropped).toBe(e.entity.nDropped);
    out.coefficients.forEach((c: { term: string; estimate: number; se: number; p: number }, j: number) => {
      expect(Object.keys(c)).toEqual(['term', 'estimate', 'se', 't', 'p', 'ciLower', 'ciUpper']);
      expect(c.term).toBe(e.entity.clustered[j].term);
      expect(rel(c.estimate, e.entity.clustered[j].estimate)).toBeLessThan(1e-8);
      expect(rel(c.se, e.entity.clustered[j].se)).toBeLessThan(1e-8);
      expect(Math.abs(c.p - e.entity.clustered[j].p)).toBeLessThan(1e-10);
    });
    expect(rel(out.r2Within, e.entity.r2)).toBeLessThan(1e-8);
    expect(Object.keys(out.hausman)).toEqual(['chisq', 'df', 'p']);
    expect(rel(out.hausman.chisq, e.hausman.chisq)).toBeLessThan(1e-8);
  }, 60_000);

  it('did: the treat:post estimate and the means table', () => {
    const e = golden('did-expected.json').plain;
    const out = expectOneJson(
      cli('stats', 'did', '--data', panelData, '--y', 'y', '--treat', 'treat', '--post', 'post', '--entity', 'firm', '--time', 'year', '--json'),
    );
    expect(out.coefficients.map((c: { term: string }) => c.term)).toEqual(['treat:post']);
    expect(rel(out.coefficients[0].se, e.coefficients[0].se)).toBeLessThan(1e-8);
    expect(out.means.byPost).toHaveLength(4);
  }, 60_000);

  it('qreg: quantiles [{tau, coefficients}] match R', () => {
    const e = golden('qreg-expected.json');
    const out = expectOneJson(
      cli('stats', 'qreg', '--data', 'lib/stats/golden/qreg-wages.csv', '--y', 'lwage', '--x', 'educ,exper,female', '--tau', '0.25,0.75', '--json'),
    );
    expect(out.quantiles.map((q: { tau: number }) => q.tau)).toEqual([0.25, 0.75]);
    const want = e.quantiles.find((q: { tau: number }) => q.tau === 0.75);
    out.quantiles[1].coefficients.forEach((c: { estimate: number; se: number }, j: number) => {
      expect(rel(c.estimate, want.coefficients[j].estimate)).toBeLessThan(1e-8);
      expect(rel(c.se, want.coefficients[j].se)).toBeLessThan(1e-8);
    });
  }, 60_000);

  it('degenerate input: message on stderr, exit code 2', () => {
    const cases: Array<[string[], RegExp]> = [
      [['stats', 'qreg', '--data', 'lib/stats/golden/qreg-wages.csv', '--y', 'lwage', '--x', 'educ', '--tau', '0,0.5'], /tau must be strictly between 0 and 1/],
      [['stats', 'qreg', '--data', 'lib/stats/golden/qreg-wages.csv', '--y', 'lwage', '--x', 'educ', '--tau', 'half'], /--tau/],
      [['stats', 'panel', '--data', panelData, '--y', 'y', '--x', 'x1,soe', '--entity', 'firm'], /'soe' is constant within every entity/],
      [['stats', 'panel', '--data', panelData, '--y', 'y', '--x', 'x1', '--entity', 'firm', '--effects', 'twoway'], /time column/],
      [['stats', 'did', '--data', panelData, '--y', 'y', '--treat', 'soe', '--post', 'x1', '--entity', 'firm', '--time', 'year'], /'x1' must be coded 0\/1/],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args, '--json');
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  }, 120_000);
});
