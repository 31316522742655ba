/**
 * Shared by the benchmark suites (scripts/bench/*.ts; this folder is not a suite): timing,
 * seeded normal draws, and running R on the same data in the same run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { DataFrame } from '@/lib/stats/frame';
import { createRng } from '@/lib/stats/random';

export type BenchRow = { name: string; ms: number; targetMs?: number; rMs?: number; note?: string };

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Median wall time of `runs` calls after one warm-up call, in ms. */
export function timeIt(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Standard normal draws from the stats PRNG (Box–Muller, one value per call). */
export function normalSource(seed: number): { normal: () => number; uniform: () => number } {
  const rng = createRng(seed);
  return { normal: () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next()), uniform: () => rng.next() };
}

/** Whether Rscript runs and loads the given packages. */
export function hasR(packages: readonly string[] = []): boolean {
  try {
    execFileSync('Rscript', ['--version'], { stdio: 'ignore' });
    if (packages.length) execFileSync('Rscript', ['-e', `suppressMessages({${packages.map((p) => `library(${p})`).join('; ')}})`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `columns` of `df` to a temporary CSV, runs the R script built for that path, and
 * returns the numbers it prints (whitespace-separated). R times itself with system.time, so
 * reading the CSV is not counted. Undefined when R is missing or fails.
 */
export function runR(df: DataFrame, columns: readonly string[], script: (csvPath: string) => string[], timeoutMs = 600_000): number[] | undefined {
  if (!hasR()) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'gw-bench-r-'));
  try {
    const csv = join(dir, 'data.csv');
    const n = df[columns[0]].length;
    const lines = [columns.join(',')];
    for (let i = 0; i < n; i++) lines.push(columns.map((c) => String(df[c][i])).join(','));
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const out = execFileSync('Rscript', ['-e', script(csv).join('\n')], { encoding: 'utf8', timeout: timeoutMs });
    return out.trim().split(/\s+/).map(Number);
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
