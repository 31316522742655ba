/**
 * Test code only: runs a generated R script with Rscript and compares the key numbers it writes
 * (GROUNDWORK_R_RESULTS) with the app's result for the same spec.
 *
 * Keys are paths into the app's JSON result: `/`-separated; `[i]` is an array index, `field=value`
 * picks the array element whose `term`, `name`, `level`, `group`, `effect` or `tau` equals value.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAnalysis } from '@/lib/cli/run';
import { parseCsv } from '@/lib/stats/frame';
import { rScript } from './index';

const goldenDir = fileURLToPath(new URL('../golden/', import.meta.url));

/** Whether `Rscript` runs (it is not on CI machines without R). */
export function hasRscript(): boolean {
  const r = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

/**
 * The R packages among `names` that are not installed.
 *
 * @param names - package names.
 * @returns the missing ones.
 */
export function missingRPackages(names: readonly string[]): string[] {
  if (!names.length) return [];
  const code = `for (p in c(${names.map((n) => JSON.stringify(n)).join(',')})) if (!requireNamespace(p, quietly = TRUE)) cat(p, "\\n")`;
  const r = spawnSync('Rscript', ['-e', code], { encoding: 'utf8' });
  return r.stdout.split(/\s+/).filter(Boolean);
}

/** Outcome of {@link runRScript}. */
export interface RRun {
  script: string;
  /** Key → number (null for NA). */
  values: Record<string, number | null>;
  stdout: string;
  /** The app's result for the same spec. */
  engine: unknown;
}

/**
 * Writes a golden CSV (optionally transformed) to a temp dir under `fileName`, generates the
 * script, runs it, and runs the app's analysis on the same text.
 *
 * @param analysis - analysis name.
 * @param options - CLI options.
 * @param csv - golden CSV name in lib/stats/golden.
 * @param transform - optional rewrite of the CSV text (e.g. renamed columns).
 * @param fileName - the CSV name the script reads.
 * @returns values from R and the engine result.
 * @throws {Error} when Rscript fails (its stderr is in the message).
 */
export function runRScript(analysis: string, options: string[], csv: string, transform?: (text: string) => string, fileName = 'data.csv'): RRun {
  const dir = mkdtempSync(join(tmpdir(), 'gw-rscript-'));
  const source = join(goldenDir, csv);
  const text = transform ? transform(readFileSync(source, 'utf8')) : readFileSync(source, 'utf8');
  if (transform) writeFileSync(join(dir, fileName), text);
  else copyFileSync(source, join(dir, fileName));
  const script = rScript(analysis, options, fileName);
  writeFileSync(join(dir, 'analysis.R'), script);
  const out = join(dir, 'results.json');
  const r = spawnSync('Rscript', ['analysis.R'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GROUNDWORK_R_RESULTS: out, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    timeout: 300_000,
  });
  if (r.status !== 0 || !existsSync(out)) throw new Error(`Rscript failed (${r.status}):\n${r.stderr}\n--- stdout ---\n${r.stdout.slice(-3000)}`);
  const raw = readFileSync(out, 'utf8');
  const values: Record<string, number | null> = raw.trimStart().startsWith('{')
    ? (JSON.parse(raw) as Record<string, number | null>)
    : Object.fromEntries(
        raw
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => {
            const m = /^"((?:[^"]|"")*)","?([^"]*)"?$/.exec(line);
            if (!m) throw new Error(`bad results line ${line}`);
            return [m[1].replace(/""/g, '"'), m[2] === 'NA' ? null : Number(m[2])];
          }),
      );
  return { script, values, stdout: r.stdout, engine: runAnalysis(analysis, parseCsv(text), options) };
}

const PICK_FIELDS = ['term', 'name', 'level', 'group', 'effect', 'tau', 'mediator'];

/**
 * Looks a key up in a result.
 *
 * @param result - the app's JSON result.
 * @param key - a path such as `coefficients/term=age/se`.
 * @returns the value, or undefined when the path does not exist.
 */
export function resolveKey(result: unknown, key: string): unknown {
  let cur: unknown = result;
  for (const seg of key.split('/')) {
    if (cur === null || cur === undefined) return undefined;
    const index = /^\[(\d+)\]$/.exec(seg);
    if (index) {
      cur = Array.isArray(cur) ? cur[Number(index[1])] : undefined;
      continue;
    }
    const eq = seg.indexOf('=');
    if (eq > 0 && Array.isArray(cur)) {
      const field = seg.slice(0, eq);
      const value = seg.slice(eq + 1);
      if (!PICK_FIELDS.includes(field)) return undefined;
      cur = cur.find((el) => el && typeof el === 'object' && String((el as Record<string, unknown>)[field]) === value);
      continue;
    }
    cur = typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
  }
  return cur;
}

/** One disagreement between R and the app. */
export interface Mismatch {
  key: string;
  r: number | null;
  app: unknown;
  tolerance: string;
}

/**
 * Compares every key R wrote with the app's value.
 *
 * @param run - the R run.
 * @param options - `rel` relative tolerance for deterministic numbers (default 1e-6, with an
 *   absolute floor of 1e-12 for values near 0); `loose(key)` marks bootstrap numbers, compared
 *   within `bootFactor` (default 0.25) times the app's bootstrap SE.
 * @returns the mismatches and how many keys were compared.
 */
export function compareWithApp(
  run: RRun,
  options: { rel?: number; loose?: (key: string) => boolean; bootFactor?: number } = {},
): { mismatches: Mismatch[]; compared: number; loose: number } {
  const rel = options.rel ?? 1e-6;
  const isLoose = options.loose ?? (() => false);
  const factor = options.bootFactor ?? 0.25;
  const mismatches: Mismatch[] = [];
  let compared = 0;
  let loose = 0;
  for (const [key, r] of Object.entries(run.values)) {
    const app = resolveKey(run.engine, key);
    if (r === null) {
      if (app !== null && app !== undefined) mismatches.push({ key, r, app, tolerance: 'R gave NA' });
      continue;
    }
    if (typeof app !== 'number') {
      mismatches.push({ key, r, app, tolerance: 'not in the app result' });
      continue;
    }
    compared++;
    if (isLoose(key)) {
      loose++;
      const seKey = key.replace(/\/(ciLower|ciUpper|bootSe)$/, '/bootSe');
      const se = resolveKey(run.engine, seKey);
      const tol = factor * (typeof se === 'number' ? se : Math.abs(app));
      if (!(Math.abs(r - app) <= tol)) mismatches.push({ key, r, app, tolerance: `±${tol} (bootstrap)` });
      continue;
    }
    if (!(Math.abs(r - app) <= rel * Math.abs(app) + 1e-12)) mismatches.push({ key, r, app, tolerance: `rel ${rel}` });
  }
  return { mismatches, compared, loose };
}
