/**
 * Benchmark: OLS with n = 100,000 and k = 20 predictors (+ intercept) on seeded synthetic data.
 * Times lib/stats `ols()` end to end (DataFrame → coefficient table, classic and HC1 SEs) as the
 * median of 5 runs after a warm-up; when Rscript is on PATH, times R's `summary(lm())` on the
 * same data in the same run (inside R with system.time, CSV reading excluded).
 */
import type { DataFrame } from '@/lib/stats/frame';
import { ols } from '@/lib/stats/ols';

import { normalSource, runR, timeIt } from './support/measure';

const N = 100_000;
const K = 20;
const RUNS = 5;

/** Seeded data: x_j ~ N(0,1) with mild correlation, y = 1 + Σ b_j x_j + N(0, 2²). */
function makeData(): { df: DataFrame; names: string[] } {
  const { normal } = normalSource(20240501);
  const names = Array.from({ length: K }, (_, j) => `x${j + 1}`);
  const cols = names.map(() => new Array<number>(N));
  const y = new Array<number>(N);
  for (let i = 0; i < N; i++) {
    const common = normal();
    let eta = 1;
    for (let j = 0; j < K; j++) {
      const v = 0.3 * common + normal();
      cols[j][i] = v;
      eta += ((j % 5) - 2) * 0.1 * v;
    }
    y[i] = eta + 2 * normal();
  }
  const df: Record<string, number[]> = { y };
  names.forEach((n, j) => (df[n] = cols[j]));
  return { df, names };
}

/** R's median ms for summary(lm()) and for coeftest with sandwich::vcovHC(type = "HC1"). */
function rTime(df: DataFrame, names: string[]): { classic: number; hc1?: number } | undefined {
  const out = runR(df, ['y', ...names], (csv) => [
    `d <- read.csv(${JSON.stringify(csv)})`,
    `f <- as.formula(paste("y ~", paste(${JSON.stringify(names.join(','))} |> strsplit(",") |> unlist(), collapse = " + ")))`,
    'invisible(summary(lm(f, d)))',
    `t <- replicate(${RUNS}, system.time(summary(lm(f, d)))[["elapsed"]])`,
    'hc <- if (requireNamespace("sandwich", quietly = TRUE)) {',
    '  robust <- function() { m <- lm(f, d); v <- sandwich::vcovHC(m, type = "HC1"); b <- coef(m); se <- sqrt(diag(v)); 2 * pt(-abs(b / se), m$df.residual) }',
    `  invisible(robust()); median(replicate(${RUNS}, system.time(robust())[["elapsed"]]))`,
    '} else NA',
    'cat(median(t) * 1000, hc * 1000)',
  ], 300_000);
  if (!out || !Number.isFinite(out[0])) return undefined;
  return Number.isFinite(out[1]) ? { classic: out[0], hc1: out[1] } : { classic: out[0] };
}

/**
 * Runs the OLS benchmark.
 *
 * @returns timings in ms (median of 5 runs), with R's time on the same data when available.
 * @example
 * ```ts
 * const rows = await bench(); // [{ name: 'ols n=100000 k=20 (classic SE)', ms: 180, targetMs: 1000, rMs: 350 }, ...]
 * ```
 */
export default async function bench(): Promise<Array<{ name: string; ms: number; targetMs?: number; rMs?: number; note?: string }>> {
  const { df, names } = makeData();
  const classic = timeIt(() => ols(df, { y: 'y', x: names }), RUNS);
  const hc1 = timeIt(() => ols(df, { y: 'y', x: names, se: 'hc1' }), RUNS);
  const r = rTime(df, names);
  const note = r === undefined ? 'Rscript not available' : 'R: median elapsed of summary(lm()) in the same run, CSV read excluded';
  const hcNote = 'end to end from a DataFrame, incl. listwise deletion, β and VIF';
  return [
    { name: `ols n=${N} k=${K} (classic SE)`, ms: classic, targetMs: 1000, ...(r ? { rMs: r.classic } : {}), note },
    {
      name: `ols n=${N} k=${K} (HC1 SE)`,
      ms: hc1,
      targetMs: 1000,
      ...(r?.hc1 !== undefined ? { rMs: r.hc1 } : {}),
      note: r?.hc1 !== undefined ? `${hcNote}; R: lm + sandwich::vcovHC(HC1) + t tests in the same run` : hcNote,
    },
  ];
}

// Allow `node --import tsx scripts/bench/stats-ols.ts` on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  bench().then((rows) => console.log(JSON.stringify(rows, null, 2)));
}
