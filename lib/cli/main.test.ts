import { describe, expect, it } from 'vitest';
import { cli } from './test-utils';
import { readGoldenJson } from '@/lib/stats/test-utils';

// Spawns the real CLI exactly as `npm run -s cli` does (package.json "cli" script).
const data = 'lib/stats/golden/ols-survey.csv';

describe('CLI contract', () => {
  it('stats ols prints one JSON object with full precision (matches R)', () => {
    const r = cli('stats', 'ols', '--data', data, '--y', 'satisfaction', '--x', 'age,income,female,tenure', '--se', 'hc3', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout);
    const expected = readGoldenJson('ols-expected.json').cases[0];
    expect(out.n).toBe(expected.n);
    out.coefficients.forEach((c: { term: string; se: number }, i: number) => {
      const e = expected.se.hc3.coefficients[i];
      expect(c.term).toBe(e.term);
      expect(Math.abs(c.se - e.se) / e.se).toBeLessThan(1e-8);
    });
    for (const key of ['n', 'r2', 'adjR2', 'f', 'dfModel', 'dfResidual', 'pF', 'sigma', 'coefficients']) expect(out).toHaveProperty(key);
  }, 60_000);

  it('errors go to stderr with exit code 2', () => {
    const r = cli('stats', 'ols', '--data', data, '--y', 'satisfaction', '--x', 'age,age2', '--json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: column 'age2' not found/);
    const bad = cli('stats', 'ols', '--data', data, '--y', 'satisfaction', '--x', 'age', '--se', 'robust', '--json');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--se must be one of/);
  }, 60_000);

  it('missing file, unknown analysis, unknown option, bad CSV: stderr and exit code 2, nothing on stdout', () => {
    const cases: Array<[string[], RegExp]> = [
      [['stats', 'ols', '--data', 'lib/stats/golden/no-such-file.csv', '--y', 'a', '--x', 'b'], /^error: cannot read --data .*ENOENT/],
      [['stats', 'anova', '--data', data], /^error: unknown analysis 'anova'/],
      [['stats', 'ols', '--data', data, '--y', 'satisfaction', '--x', 'age', '--tau', '0.5'], /^error: unknown option --tau for stats ols/],
      [['stats', 'describe', '--data', 'package.json', '--vars', 'a'], /^error: CSV line \d+/],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args, '--json');
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  }, 120_000);
});
