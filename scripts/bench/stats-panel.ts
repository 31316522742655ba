/**
 * Benchmark: two-way fixed effects on 1,573 entities × 14 years (n = 22,022, 5 regressors,
 * cluster-robust SEs by entity, F test of the effects) and quantile regression at n = 5,206
 * with 6 covariates at τ = 0.25, 0.5, 0.75 (exact LP estimates + "nid" SEs), on seeded
 * synthetic data. Times lib/stats `panel()` and `qreg()` end to end from a DataFrame as the
 * median of 5 runs after a warm-up. When Rscript is on PATH, times R on the same data in the
 * same run (inside R with system.time, CSV reading excluded): plm twoways + vcovHC("sss") +
 * pFtest; rq(method = "br") at the 3 τ + summary(se = "nid").
 */
import type { DataFrame } from '@/lib/stats/frame';
import { panel } from '@/lib/stats/panel';
import { qreg } from '@/lib/stats/qreg';

import { type BenchRow as Row, hasR, normalSource, runR, timeIt } from './support/measure';

const ENTITIES = 1573;
const YEARS = 14;
const N_QREG = 5206;
const TAUS = [0.25, 0.5, 0.75];
const RUNS = 5;
const R_RUNS = 3;

/** Firm-year panel: x's correlated with the firm effect, year shocks, clustered errors. */
function makePanel(): DataFrame {
  const { normal } = normalSource(20240517);
  const firm: string[] = [];
  const year: number[] = [];
  const y: number[] = [];
  const xs: number[][] = [[], [], [], [], []];
  const lambda = Array.from({ length: YEARS }, (_, t) => 0.05 * t + 0.2 * normal());
  for (let i = 0; i < ENTITIES; i++) {
    const alpha = normal();
    const persistent = 0.5 * normal();
    for (let t = 0; t < YEARS; t++) {
      firm.push(`F${String(i + 1).padStart(4, '0')}`);
      year.push(2008 + t);
      const x = [0.5 * alpha + normal(), normal() + 0.02 * t, normal(), 0.3 * alpha + normal(), normal() > 0 ? 1 : 0];
      x.forEach((v, j) => xs[j].push(v));
      y.push(alpha + lambda[t] + 0.5 * x[0] - 0.3 * x[1] + 0.2 * x[2] + 0.1 * x[3] + 0.4 * x[4] + persistent + normal());
    }
  }
  const df: Record<string, Array<number | string>> = { firm, year, y };
  xs.forEach((col, j) => (df[`x${j + 1}`] = col));
  return df;
}

/** Heteroskedastic cross-section (wage-equation-like) for quantile regression. */
function makeCrossSection(): DataFrame {
  const { normal } = normalSource(5206);
  const { uniform } = normalSource(52060); // a second stream, as before
  const cols: Record<string, number[]> = { y: [], x1: [], x2: [], x3: [], x4: [], x5: [], x6: [] };
  for (let i = 0; i < N_QREG; i++) {
    const x = [normal(), normal(), uniform() < 0.4 ? 1 : 0, Math.floor(uniform() * 41), normal(), Math.floor(uniform() * 5)];
    x.forEach((v, j) => cols[`x${j + 1}`].push(v));
    cols.y.push(1 + 0.5 * x[0] - 0.3 * x[1] + 0.2 * x[2] + 0.01 * x[3] + 0.1 * x[4] + (1 + 0.5 * Math.abs(x[0])) * normal());
  }
  return cols;
}

/** R's median elapsed ms (of R_RUNS) for `run()` defined by `body`, on `df`; undefined on failure. */
function rMs(df: DataFrame, body: string[]): number | undefined {
  const out = runR(df, Object.keys(df), (csv) => [
    'suppressMessages({library(plm); library(quantreg)})',
    `d <- read.csv(${JSON.stringify(csv)})`,
    ...body,
    `t <- replicate(${R_RUNS}, system.time(run())[["elapsed"]])`,
    'cat(median(t) * 1000)',
  ]);
  const ms = out?.at(-1);
  return ms !== undefined && Number.isFinite(ms) ? ms : undefined;
}

/**
 * Runs the panel / quantile-regression benchmark.
 *
 * @returns timings in ms (median of 5 runs), with R's time on the same data when available.
 * @example
 * ```ts
 * const rows = await bench(); // [{ name: 'panel two-way FE ...', ms: 150, targetMs: 1000, rMs: 900 }, ...]
 * ```
 */
export default async function bench(): Promise<Row[]> {
  const panelDf = makePanel();
  const qDf = makeCrossSection();
  const xPanel = ['x1', 'x2', 'x3', 'x4', 'x5'];
  const xQ = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'];
  const twoWay = timeIt(() => panel(panelDf, { y: 'y', x: xPanel, entity: 'firm', time: 'year', effects: 'twoway', se: 'cluster' }), RUNS);
  const q = timeIt(() => qreg(qDf, { y: 'y', x: xQ, tau: TAUS }), RUNS);

  let rPanel: number | undefined;
  let rQreg: number | undefined;
  const withR = hasR(['plm', 'quantreg']);
  if (withR) {
    rPanel = rMs(panelDf, [
      `f <- y ~ ${xPanel.join(' + ')}`,
      'run <- function() {',
      '  m <- plm(f, d, index = c("firm", "year"), model = "within", effect = "twoways")',
      '  v <- vcovHC(m, type = "sss", cluster = "group")',
      '  s <- summary(m, vcov = v)',
      '  p <- pFtest(m, plm(f, d, index = c("firm", "year"), model = "pooling"))',
      '}',
      'invisible(run())',
    ]);
    rQreg = rMs(qDf, [
      `f <- y ~ ${xQ.join(' + ')}`,
      `run <- function() for (tau in c(${TAUS.join(', ')})) summary(rq(f, tau = tau, data = d, method = "br"), se = "nid")`,
      'invisible(run())',
    ]);
  }
  const rNote = (ms: number | undefined, what: string) =>
    !withR ? 'Rscript (with plm, quantreg) not available' : ms === undefined ? 'R run failed' : `R: median elapsed of ${what} in the same run, CSV read excluded`;
  return [
    {
      name: `panel two-way FE ${ENTITIES} entities × ${YEARS} years (k=5, cluster SE, F test of effects)`,
      ms: twoWay,
      targetMs: 1000,
      ...(rPanel !== undefined ? { rMs: rPanel } : {}),
      note: rNote(rPanel, 'plm twoways + vcovHC(sss) + summary + pFtest'),
    },
    {
      name: `qreg n=${N_QREG} k=6 at tau ${TAUS.join('/')} (br estimates + nid SE)`,
      ms: q,
      targetMs: 1000,
      ...(rQreg !== undefined ? { rMs: rQreg } : {}),
      note: rNote(rQreg, 'rq(method="br") + summary(se="nid") at 3 tau'),
    },
  ];
}

// Allow `node --import tsx scripts/bench/stats-panel.ts` on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  bench().then((rows) => console.log(JSON.stringify(rows, null, 2)));
}
