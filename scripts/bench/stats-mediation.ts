/**
 * Benchmark: mediation (PROCESS model 4) with a 5,000-draw percentile bootstrap at n = 5,206 with
 * 6 covariates, on seeded synthetic survey-like data. Times lib/stats `mediate()` end to end
 * (DataFrame → three QR fits → 5,000 bootstrap draws → CI) as the median of 3 runs after a
 * warm-up; also the parallel two-mediator model. When Rscript is on PATH, times R doing the same
 * one-mediator bootstrap with lm.fit on prebuilt design matrices in the same run (system.time inside R, CSV
 * reading excluded).
 */
import type { DataFrame } from '@/lib/stats/frame';
import { mediate } from '@/lib/stats/mediate';

import { normalSource, runR, timeIt } from './support/measure';

const N = 5206;
const BOOT = 5000;
const RUNS = 3;
const COVARIATES = ['age', 'female', 'tenure', 'educ', 'lninc', 'state'];

/** Seeded data: X → M1, M2 → Y with 6 covariates (4 continuous, 2 binary). */
function makeData(): DataFrame {
  const { normal, uniform } = normalSource(5206);
  const cols: Record<string, number[]> = { x: [], m1: [], m2: [], y: [] };
  for (const c of COVARIATES) cols[c] = [];
  for (let i = 0; i < N; i++) {
    const age = 38 + 9 * normal();
    const female = uniform() < 0.46 ? 1 : 0;
    const tenure = Math.max(0, 0.3 * (age - 21) + 3 * normal());
    const educ = 14 + 2.5 * normal();
    const lninc = 10 + 0.05 * educ + 0.4 * normal();
    const state = uniform() < 0.4 ? 1 : 0;
    const x = 3.5 + 0.75 * normal();
    const m1 = 4 + 0.5 * (x - 3.5) + 0.01 * (age - 38) + 0.9 * normal();
    const m2 = 4 + 0.3 * (x - 3.5) - 0.1 * female + 0.9 * normal();
    const y = 4 + 0.1 * (x - 3.5) + 0.3 * (m1 - 4) + 0.2 * (m2 - 4) + 0.1 * state + 0.8 * normal();
    const row: Record<string, number> = { x, m1, m2, y, age, female, tenure, educ, lninc, state };
    for (const k of Object.keys(cols)) cols[k].push(row[k]);
  }
  return cols;
}

/** R: the same percentile bootstrap (resample rows, lm.fit for each equation), elapsed ms. */
function rTime(df: DataFrame, mediators: string[]): number | undefined {
  const covs = `c(${COVARIATES.map((c) => JSON.stringify(c)).join(',')})`;
  const ms = `c(${mediators.map((m) => JSON.stringify(m)).join(',')})`;
  const out = runR(df, ['y', 'x', 'm1', 'm2', ...COVARIATES], (csv) => [
    `d <- read.csv(${JSON.stringify(csv)})`,
    'set.seed(1)',
    `covs <- ${covs}; ms <- ${ms}`,
    'el <- system.time({',
    '  Xa <- cbind(1, as.matrix(d[, c("x", covs)]))',
    '  Xy <- cbind(1, as.matrix(d[, c("x", ms, covs)]))',
    '  M <- as.matrix(d[, ms, drop = FALSE]); y <- d$y; n <- nrow(d)',
    `  ind <- matrix(NA_real_, ${BOOT}, length(ms))`,
    `  for (r in 1:${BOOT}) {`,
    '    i <- sample.int(n, n, replace = TRUE)',
    '    b <- lm.fit(Xy[i, ], y[i])$coefficients',
    '    for (j in seq_along(ms)) ind[r, j] <- lm.fit(Xa[i, ], M[i, j])$coefficients[2] * b[2 + j]',
    '  }',
    '  tot <- rowSums(ind); ci <- quantile(tot, c(.025, .975)); se <- sd(tot)',
    '})[["elapsed"]]',
    'cat(el * 1000)',
  ]);
  return out && Number.isFinite(out[0]) ? out[0] : undefined;
}

/**
 * Runs the mediation benchmark.
 *
 * @returns timings in ms (median of 3 runs) with R's time for the same bootstrap when available.
 * @example
 * ```ts
 * const rows = await bench(); // [{ name: 'mediate n=5206 cov=6 boot=5000', ms: 700, targetMs: 3000, rMs: 9000 }, ...]
 * ```
 */
export default async function bench(): Promise<Array<{ name: string; ms: number; targetMs?: number; rMs?: number; note?: string }>> {
  const df = makeData();
  const opts = { y: 'y', x: 'x', covariates: COVARIATES, boot: BOOT, seed: 1 };
  const simple = timeIt(() => mediate(df, { ...opts, m: 'm1' }), RUNS);
  const parallel = timeIt(() => mediate(df, { ...opts, m: ['m1', 'm2'] }), RUNS);
  const method = mediate(df, { ...opts, m: 'm1', boot: 10 }).bootstrap?.method;
  const rSimple = rTime(df, ['m1']);
  const rNote = rSimple === undefined ? 'Rscript not available' : 'R: elapsed of the same 5,000-draw bootstrap with lm.fit in the same run, CSV read excluded';
  return [
    {
      name: `mediate n=${N} cov=${COVARIATES.length} boot=${BOOT} (1 mediator)`,
      ms: simple,
      targetMs: 3000,
      ...(rSimple !== undefined ? { rMs: rSimple } : {}),
      note: `end to end incl. QR fits; bootstrap method: ${method}; ${rNote}`,
    },
    {
      name: `mediate n=${N} cov=${COVARIATES.length} boot=${BOOT} (2 parallel mediators)`,
      ms: parallel,
      targetMs: 3000,
      note: 'per-mediator, total and contrast CIs (R not timed here, to keep the bench run short)',
    },
  ];
}

// Allow `node --import tsx scripts/bench/stats-mediation.ts` on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  bench().then((rows) => console.log(JSON.stringify(rows, null, 2)));
}
