// Regression diagnostics (./diagnostics.ts). Expected residuals and fitted values from R 4.2
// (printed with sprintf('%.17g'), script below); DID residuals checked against did()'s σ and
// the fixed-effects identities; the drawing cap against histogramBins / qqPoints on all data.
//
//   d <- data.frame(y = c(3.1, 4.7, 2.2, NA, 6.8, 5.5, 7.9, 4.4, 8.3, 6.1, 5.0, 7.2),
//                   a = c(1, 2, 1.5, 3, 4, 3.5, 5, 2.5, 6, 4.5, 3, 5.5),
//                   b = c(10, 12, 9, 11, 15, 13, 18, 11, 20, 14, 12, NA),
//                   g = c('u', 'v', 'u', 'w', 'v', 'w', 'u', 'v', 'w', 'u', 'v', 'w'))
//   residuals(lm(y ~ a + b + g, data = d)); fitted(lm(y ~ a + b + g, data = d))
//   residuals(lm(y ~ a * b, data = d))
//   lm(scale(y) ~ scale(a) + scale(b), d[complete.cases(d), ])  # β: a 0.337, b 0.650
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { didResiduals, drawableDiagnostics, evenlySpaced, histogramOfAll, moderationResiduals, olsResiduals, orderStatistics } from './diagnostics';
import { did } from './did';
import { parseCsv } from './frame';
import { histogramBins } from './plots/histogram';
import { ppoints } from './plots/qq';
import { catchStatsError, expectRel } from './test-utils';

const df = {
  y: [3.1, 4.7, 2.2, null, 6.8, 5.5, 7.9, 4.4, 8.3, 6.1, 5.0, 7.2],
  a: [1, 2, 1.5, 3, 4, 3.5, 5, 2.5, 6, 4.5, 3, 5.5],
  b: [10, 12, 9, 11, 15, 13, 18, 11, 20, 14, 12, null],
  g: ['u', 'v', 'u', 'w', 'v', 'w', 'u', 'v', 'w', 'u', 'v', 'w'],
};

const R_OLS_RESIDUALS = [
  0.20156476604839452, 0.054896572780702507, -0.54893519578658201, 0.13482940233569979, 0.47030761010609839, 0.21341118998549707, -0.095603389054270099,
  -0.47030761010609834, 0.13395923975269053, -0.094122586062132224,
];
const R_OLS_FITTED = [
  2.8984352339516057, 4.6451034272192979, 2.748935195786582, 6.6651705976643001, 5.0296923898939019, 7.686588810014503, 4.4956033890542706, 8.7703076101060997,
  5.9660407602473091, 5.0941225860621326,
];
const R_MODERATION_RESIDUALS = [
  0.093787259380548729, -0.11884278574636743, -0.1597452741401548, 0.061669772149496774, -0.10372068598236771, -0.069024850657407336, 0.22762468073292991,
  0.043483817862149721, -0.039523346172656473, 0.064291412573828741,
];

const expectAll = (actual: ArrayLike<number>, wanted: number[], rel: number, what: string) => {
  expect(actual.length).toBe(wanted.length);
  // Residuals near 0 make relative error meaningless: compare against the residuals' scale.
  const scale = Math.max(...wanted.map(Math.abs));
  wanted.forEach((w, i) => expect(Math.abs(actual[i] - w), `${what}[${i}]`).toBeLessThanOrEqual(rel * scale));
};

describe('olsResiduals', () => {
  it('equals residuals(lm(y ~ a + b + g)) and fitted() on the listwise sample (factor dummy coded)', () => {
    const m = olsResiduals(df, { y: 'y', x: ['a', 'b', 'g'], factors: { g: null } });
    expectAll(m.residuals, R_OLS_RESIDUALS, 1e-12, 'residual');
    expectAll(m.fitted, R_OLS_FITTED, 1e-13, 'fitted');
    expect(Array.from(m.y.values)).toEqual([3.1, 4.7, 2.2, 6.8, 5.5, 7.9, 4.4, 8.3, 6.1, 5.0]);
  });
  it('blocks: the final model (all blocks)', () => {
    const m = olsResiduals(df, { y: 'y', blocks: [['a'], ['b', 'g']], factors: { g: null } });
    expectAll(m.residuals, R_OLS_RESIDUALS, 1e-12, 'residual');
  });
  it('focal X: the only predictor, else the numeric term with the largest |β| (b: 0.650 > a: 0.337); none for factors only', () => {
    expect(olsResiduals(df, { y: 'y', x: ['a'] }).x).toMatchObject({ name: 'a', role: 'only' });
    const m = olsResiduals(df, { y: 'y', x: ['a', 'b'] });
    expect(m.x).toMatchObject({ name: 'b', role: 'largest-beta' });
    expect(Array.from(m.x!.values)).toEqual([10, 12, 9, 15, 13, 18, 11, 20, 14, 12]);
    expect(olsResiduals(df, { y: 'y', x: ['g'], factors: { g: null } }).x).toBeUndefined();
  });
  it('names the problem as ols() does', () => {
    expect(catchStatsError(() => olsResiduals(df, { y: 'y', x: ['nope'] })).code).toBe('missing-column');
  });
});

describe('moderationResiduals', () => {
  it('equals residuals(lm(y ~ a * b)), with or without centring', () => {
    for (const center of [false, true]) {
      const m = moderationResiduals(df, { y: 'y', x: 'a', w: 'b', center });
      expectAll(m.residuals, R_MODERATION_RESIDUALS, 1e-12, `residual (center ${center})`);
      expect(m.x?.name).toBe('a');
    }
  });
});

describe('didResiduals', () => {
  const firms = parseCsv(readFileSync(fileURLToPath(new URL('./golden/panel-firms.csv', import.meta.url)), 'utf8'));
  const options = { y: 'y', treat: 'treat', post: 'post', entity: 'firm', time: 'year', covariates: ['x1', 'x2'] };
  it("RSS equals did()'s σ²·df; residuals sum to 0 within every entity and period; ŷ + e = y", () => {
    const r = did(firms, options);
    const m = didResiduals(firms, options);
    expect(m.residuals.length).toBe(r.n);
    const rss = m.residuals.reduce((s, e) => s + e * e, 0);
    expectRel(rss, r.sigma ** 2 * r.dfResidual, 1e-10, 'RSS');
    const byEntity = new Map<string, number>();
    const byYear = new Map<string, number>();
    let k = 0;
    for (let i = 0; i < firms.y.length; i++) {
      if ([firms.y[i], firms.x1[i], firms.x2[i], firms.firm[i], firms.year[i], firms.treat[i], firms.post[i]].some((v) => v === null || v === '')) continue;
      byEntity.set(String(firms.firm[i]), (byEntity.get(String(firms.firm[i])) ?? 0) + m.residuals[k]);
      byYear.set(String(firms.year[i]), (byYear.get(String(firms.year[i])) ?? 0) + m.residuals[k]);
      k++;
    }
    expect(k).toBe(r.n);
    const scale = Math.sqrt(rss);
    for (const s of [...byEntity.values(), ...byYear.values()]) expect(Math.abs(s)).toBeLessThan(1e-9 * scale);
    m.y.values.forEach((v, i) => expect(Math.abs(m.fitted[i] + m.residuals[i] - v)).toBeLessThan(1e-12 * Math.abs(v) + 1e-12));
    expect(m.x).toBeUndefined();
  });
});

describe('drawableDiagnostics', () => {
  // A long, skewed, deterministic sample.
  const n = 12_345;
  const residuals = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.7) * 2 + ((i * 7919) % 101) / 50 - 1);
  const fitted = Float64Array.from({ length: n }, (_, i) => i / n);
  const big = { residuals, fitted, y: { name: 'y', values: Float64Array.from(fitted, (f, i) => f + residuals[i]) } };

  it('n ≤ cap: every case, the Q–Q sample is all residuals, the histogram is histogramBins of them', () => {
    const small = { residuals: residuals.slice(0, 300), fitted: fitted.slice(0, 300), y: { name: 'y', values: big.y.values.slice(0, 300) } };
    const d = drawableDiagnostics(small);
    expect(d.nPoints).toBe(300);
    expect(d.residuals).toEqual(Array.from(small.residuals));
    expect(d.qq.orderStatistics).toBe(false);
    expect(d.qq.sample).toEqual(Array.from(small.residuals).sort((a, b) => a - b));
    const h = histogramBins(small.residuals);
    expect(d.histogram.bins.map((b) => [b.x0, b.x1, b.count])).toEqual(h.bins.map((b) => [b.x0, b.x1, b.count]));
  });

  it('n > cap: an evenly spaced subsample of points, but histogram and Q–Q from all residuals', () => {
    const d = drawableDiagnostics(big, { maxPoints: 5000, qqPoints: 1000 });
    expect(d.n).toBe(n);
    expect(d.nPoints).toBe(5000);
    expect(d.residuals[1]).toBe(residuals[Math.floor(n / 5000)]);
    expect(d.fitted[4999]).toBe(fitted[Math.floor((4999 * n) / 5000)]);
    expect(d.y?.values[10]).toBe(big.y.values[Math.floor((10 * n) / 5000)]);
    // Histogram: the same bins and counts as binning every residual.
    const h = histogramBins(residuals);
    expect(d.histogram.n).toBe(n);
    expect(d.histogram.bins.map((b) => [b.x0, b.x1, b.count])).toEqual(h.bins.map((b) => [b.x0, b.x1, b.count]));
    expect(d.histogram.bins.reduce((s, b) => s + b.count, 0)).toBe(n);
    // Q–Q: 1000 order statistics at ranks round(n·p_k + ½).
    expect(d.qq.orderStatistics).toBe(true);
    expect(d.qq.sample).toHaveLength(1000);
    const sorted = Array.from(residuals).sort((a, b) => a - b);
    const p = ppoints(1000);
    expect(d.qq.sample[0]).toBe(sorted[Math.round(n * p[0] + 0.5) - 1]);
    expect(d.qq.sample[999]).toBe(sorted[Math.round(n * p[999] + 0.5) - 1]);
    expect(d.qq.sample[500]).toBe(sorted[Math.round(n * p[500] + 0.5) - 1]);
    // Deterministic: the same input draws the same plot.
    expect(drawableDiagnostics(big)).toEqual(d);
  });

  it('helpers: evenlySpaced, orderStatistics, histogramOfAll on a hand example', () => {
    expect(evenlySpaced(10, 20)).toBeUndefined();
    expect(evenlySpaced(10, 4)).toEqual([0, 2, 5, 7]);
    expect(orderStatistics([1, 2, 3], 5)).toEqual([1, 2, 3]);
    // n = 8, m = 2 (ppoints(2) = 0.3077, 0.6923 with a = 3/8): ranks round(2.96) = 3, round(6.04) = 6.
    expect(orderStatistics([1, 2, 3, 4, 5, 6, 7, 8], 2)).toEqual([3, 6]);
    // R: hist(c(1, 2, 2, 3, 7))$counts = 3 1 0 1 (breaks 0, 2, 4, 6, 8).
    const h = histogramOfAll([1, 2, 2, 3, 7]);
    expect(h.bins.map((b) => b.count)).toEqual([3, 1, 0, 1]);
    expectRel(h.mean, 3, 1e-15, 'mean');
    // Deviations from 3: −2, −1, −1, 0, 4 → SS 22, SD √(22/4).
    expectRel(h.sd, Math.sqrt(22 / 4), 1e-15, 'sd');
  });

  it('fewer than 2 residuals: a named error', () => {
    const one = { residuals: Float64Array.of(1), fitted: Float64Array.of(1), y: { name: 'y', values: Float64Array.of(2) } };
    expect(catchStatsError(() => drawableDiagnostics(one)).code).toBe('too-few-observations');
  });
});
