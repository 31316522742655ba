import { describe, expect, it } from 'vitest';

import { normalQuantile } from '../distributions';
import { moderate } from '../moderate';
import { qreg } from '../qreg';
import { expectAbs, expectRel, readGoldenCsv } from '../test-utils';
import { plotCoefficients, quantileSeries } from './coefficients';
import { autoDigits, formatBounded, formatInterval, formatNumber, formatP } from './format';
import { histogramBins, meanSd, niceIncrement, normalCurve, normalDensity, sturges } from './histogram';
import { conditionalEffectAt, conditionalEffectCurve, conditionalEffectModel, simpleSlopeLines, slopeLabel } from './moderation';
import { arrowBetween, boxEdgePoint, mediationLayout } from './path-layout';
import { ppoints, qqLine, qqPoints, quantileSorted } from './qq';
import { regressionBand, simpleRegression } from './regression-line';

// Reference values: R 4.2.2 (ppoints, qqnorm, qqline's quartile line, hist, dnorm,
// predict.lm(interval = "confidence")), printed with 17 significant digits.
const SAMPLE = [2.3, -1.1, 0.4, 5.2, 3.3, -0.7, 1.9, 2.2, 0.0, 4.1, 1.5, -2.6];

describe('qq', () => {
  it('ppoints uses a = 3/8 up to n = 10 and 1/2 above (R)', () => {
    [0.14705882352941177, 0.38235294117647056, 0.61764705882352944, 0.8529411764705882].forEach((p, i) => expectRel(ppoints(4)[i], p, 1e-15, `ppoints(4)[${i}]`));
    const p12 = ppoints(12);
    p12.forEach((p, i) => expectRel(p, (i + 0.5) / 12, 1e-15, `ppoints(12)[${i}]`));
    expect(() => ppoints(0)).toThrow(/positive integer/);
  });

  it('qqPoints match R qqnorm (theoretical = qnorm(ppoints(n)) in the order of the sorted sample)', () => {
    const rx = [0.54852228269809822, -1.1503493803760079, -0.31863936396437514, 1.7316643961222455, 0.81221780149991285, -0.81221780149991285, 0.10463345561407526, 0.31863936396437514, -0.548522282698098, 1.1503493803760079, -0.10463345561407539, -1.7316643961222451];
    const pts = qqPoints(SAMPLE);
    expect(pts.map((p) => p.sample)).toEqual([...SAMPLE].sort((a, b) => a - b));
    for (const p of pts) expectRel(p.theoretical, rx[p.index], 1e-12, `theoretical of case ${p.index}`);
    pts.forEach((p, i) => expectRel(p.theoretical, normalQuantile((i + 0.5) / 12), 1e-14, `qnorm((i − .5)/n) ${i}`));
  });

  it('qqPoints drop non-finite values and need two', () => {
    expect(qqPoints([1, NaN, 3]).map((p) => p.index)).toEqual([0, 2]);
    expect(() => qqPoints([1, NaN])).toThrow(/at least 2/);
  });

  it('qqLine passes through the quartiles (R qqline)', () => {
    const { intercept, slope } = qqLine(SAMPLE);
    expectRel(intercept, 1.1874999999999998, 1e-13, 'intercept');
    expectRel(slope, 2.0200455227138825, 1e-13, 'slope');
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 15);
  });
});

describe('histogram', () => {
  it('Sturges classes on nice breaks, right-closed bins (R hist)', () => {
    expect(sturges(12)).toBe(5);
    const h = histogramBins(SAMPLE);
    expect(h.bins.map((b) => b.x0).concat(h.bins.at(-1)!.x1)).toEqual([-4, -2, 0, 2, 4, 6]);
    expect(h.bins.map((b) => b.count)).toEqual([1, 3, 3, 3, 2]);
    [0.041666666666666664, 0.125, 0.125, 0.125, 0.083333333333333329].forEach((d, i) => expectRel(h.bins[i].density, d, 1e-15, `density ${i}`));
    expect(h.width).toBe(2);
    const small = histogramBins([1, 2, 2, 3, 7]);
    expect(small.bins.map((b) => b.x0).concat(small.bins.at(-1)!.x1)).toEqual([0, 2, 4, 6, 8]);
    expect(small.bins.map((b) => b.count)).toEqual([3, 1, 0, 1]);
  });

  it('a value on a break goes to the bin below; the minimum to the first bin', () => {
    const h = histogramBins([0, 0.2, 0.4, 0.6, 0.8, 1], { count: 5 });
    expect(h.bins.map((b) => b.x0)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(h.bins.map((b) => b.count)).toEqual([2, 1, 1, 1, 1]);
  });

  it('decimal steps give exact breaks', () => {
    expect(niceIncrement(0, 1, 10)).toBe(-10);
    const h = histogramBins([0.1, 0.25, 0.31, 0.72], { count: 5 });
    expect(h.bins.map((b) => b.x0)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it('a constant sample gets one bin; an empty one throws', () => {
    expect(histogramBins([3, 3, 3]).bins.reduce((s, b) => s + b.count, 0)).toBe(3);
    expect(() => histogramBins([NaN])).toThrow(/at least one/);
  });

  it('normal density and the count-scaled curve', () => {
    expectRel(normalDensity(1.3, 0.5, 2), 0.18413507015166167, 1e-14, 'dnorm');
    const { mean, sd } = meanSd(SAMPLE);
    const curve = normalCurve(SAMPLE, -4, 6, { points: 11, binWidth: 2 });
    expect(curve).toHaveLength(11);
    expectRel(curve[5][1], 12 * 2 * normalDensity(1, mean, sd), 1e-15, 'curve at 1');
    expect(curve[0][0]).toBe(-4);
    expect(curve[10][0]).toBe(6);
  });
});

describe('moderation geometry', () => {
  const df = readGoldenCsv('mediate-survey.csv');
  for (const [name, opts] of [
    ['centred, classic', { center: true, se: 'classic' as const, covariates: ['age', 'female'] }],
    ['uncentred, hc3', { center: false, se: 'hc3' as const, covariates: ['age', 'female'] }],
  ] as const) {
    const r = moderate(df, { y: 'engage', x: 'tl', w: 'pos', ...opts });

    it(`${name}: the band reproduces every simple slope and its CI`, () => {
      const model = conditionalEffectModel(r);
      for (const s of r.simpleSlopes) {
        const c = conditionalEffectAt(model, s.w);
        expectRel(c.effect, s.slope, 1e-12, `${s.label} slope`);
        expectRel(c.se, s.se, 1e-9, `${s.label} se`);
        expectRel(c.lower, s.ciLower, 1e-9, `${s.label} lower`);
        expectRel(c.upper, s.ciUpper, 1e-9, `${s.label} upper`);
      }
    });

    it(`${name}: at each Johnson–Neyman point a CI bound is 0 (p = α with level 1 − α)`, () => {
      expect(r.johnsonNeyman).not.toBeNull();
      const jn = r.johnsonNeyman!;
      const curve = conditionalEffectCurve(r, { points: 21 });
      expect(curve[0].w).toBe(jn.wMin);
      expect(curve.at(-1)!.w).toBe(jn.wMax);
      expect(curve).toHaveLength(21 + jn.points.length);
      for (const p of jn.points) {
        const c = curve.find((d) => d.w === p.w)!;
        expectAbs(Math.min(Math.abs(c.lower), Math.abs(c.upper)), 0, 1e-9, `bound at ${p.w}`);
        expectRel(c.effect, p.slope, 1e-12, 'effect at JN point');
      }
    });
  }

  it('simple-slope lines: slopes equal the result, predictions from the coefficients', () => {
    const r = moderate(df, { y: 'engage', x: 'tl', w: 'pos', center: true });
    const lines = simpleSlopeLines(r, 2, 5);
    expect(lines.map((l) => l.label)).toEqual(['-1SD', 'mean', '+1SD']);
    for (const [i, l] of lines.entries()) {
      const [[x0, y0], [x1, y1]] = l.points;
      expectRel((y1 - y0) / (x1 - x0), r.simpleSlopes[i].slope, 1e-12, `slope ${l.label}`);
    }
    const b = Object.fromEntries(r.coefficients.map((c) => [c.term, c.estimate]));
    const mean = lines[1];
    // At W = its mean (centred: w̃ = 0) and X = 2: b0 + b1·(2 − x̄).
    expectRel(mean.points[0][1], b['(Intercept)'] + b.tl * (2 - r.centering.x), 1e-12, 'ŷ at mean W');
    expect(slopeLabel('-1SD', 2.845)).toBe('−1 SD (2.85)');
  });
});

describe('path layout', () => {
  it('edge points lie on the box boundary, along the centre ray', () => {
    const box = { x: 0, y: 0, width: 100, height: 40 };
    expect(boxEdgePoint(box, 250, 20)).toEqual([100, 20]);
    expect(boxEdgePoint(box, 50, -80)).toEqual([50, 0]);
    expect(boxEdgePoint(box, 150, 120)).toEqual([70, 40]); // direction (100, 100): hits the bottom first
  });

  it('arrows run from X to M, M to Y and X to Y, labels outside the triangle', () => {
    const L = mediationLayout(1, { width: 600, boxWidth: 140, boxHeight: 48, margin: 8, rise: 90, labelOffset: 14 });
    expect(L.x).toEqual({ x: 8, y: 146, width: 140, height: 48 });
    expect(L.y).toEqual({ x: 452, y: 146, width: 140, height: 48 });
    expect(L.mediators[0]).toEqual({ x: 230, y: 8, width: 140, height: 48 });
    expect(L.height).toBe(202);
    // c′: horizontal between the inner sides (2 px gaps), label below.
    expect(L.cPrime).toMatchObject({ x1: 150, y1: 170, x2: 450, y2: 170, labelX: 300, labelY: 184 });
    // a: leaves X's top side, ends on M's bottom side; label above-left of its midpoint.
    const a = L.a[0];
    expect(a.y1).toBeLessThan(146);
    expect(a.y2).toBeGreaterThan(56);
    expect(a.labelX).toBeLessThan((a.x1 + a.x2) / 2);
    expect(a.labelY).toBeLessThan((a.y1 + a.y2) / 2);
    const b = L.b[0];
    expect(b.labelX).toBeGreaterThan((b.x1 + b.x2) / 2);
    expect(b.labelY).toBeLessThan((b.y1 + b.y2) / 2);
  });

  it('parallel mediators: a column with X and Y level with its middle; c′ through the middle gap', () => {
    const L = mediationLayout(2, { width: 600, gap: 20, boxHeight: 40, boxWidth: 140, margin: 0, labelOffset: 14 });
    // Middle gap: max(20, 3·14 + 40) = 82.
    expect(L.mediators.map((m) => m.y)).toEqual([0, 122]);
    expect(L.x.y).toBe(61);
    expect(L.cPrime).toMatchObject({ y1: 81, y2: 81, labelY: 95 });
    expect(L.cPrime.route).toBeUndefined();
    // Upper a label above its arrow, lower a label below its arrow.
    expect(L.a[0].labelY).toBeLessThan((L.a[0].y1 + L.a[0].y2) / 2);
    expect(L.a[1].labelY).toBeGreaterThan((L.a[1].y1 + L.a[1].y2) / 2);
    expect(L.b[1].labelY).toBeGreaterThan((L.b[1].y1 + L.b[1].y2) / 2);
    expect(L.height).toBe(162);
  });

  it('an odd column routes c′ below the mediators', () => {
    const L = mediationLayout(3, { gap: 20, boxHeight: 40, margin: 0, labelOffset: 10 });
    expect(L.mediators.map((m) => m.y)).toEqual([0, 60, 120]);
    expect(L.x.y).toBe(60);
    expect(L.cPrime.route).toEqual([
      [70, 102],
      [70, 188],
      [530, 188],
      [530, 102],
    ]);
    expect(arrowBetween(L.x, L.y, 10, 1).labelY).toBe(70);
  });
});

describe('regression line', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8];
  const y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1];

  it('matches R lm and predict(interval = "confidence")', () => {
    const fit = simpleRegression(x, y);
    expectRel(fit.intercept, 0.035714285714286538, 1e-10, 'intercept');
    expectRel(fit.slope, 1.9976190476190476, 1e-13, 'slope');
    expectRel(fit.sigma, 0.18016747059421578, 1e-12, 'sigma');
    const band = regressionBand(fit, 0, 10, { points: 3 });
    expect(band.map((d) => d.x)).toEqual([0, 5, 10]);
    expectRel(band[0].lower, -0.30779632048905897, 1e-10, 'lwr at 0');
    expectRel(band[0].upper, 0.37922489191763203, 1e-10, 'upr at 0');
    expectRel(band[2].lower, 19.60659763805606914, 1e-12, 'lwr at 10');
    expectRel(band[2].upper, 20.41721188575345636, 1e-12, 'upr at 10');
    const mid = regressionBand(fit, 4.5, 4.5, { points: 2 })[0];
    expectRel(mid.lower, 8.86913460218553062, 1e-12, 'lwr at mean');
  });

  it('drops incomplete pairs; rejects constant x and short data', () => {
    expect(simpleRegression([...x, NaN], [...y, 3]).n).toBe(8);
    expect(() => simpleRegression([1, 1, 1], [1, 2, 3])).toThrow(/constant/);
    expect(() => simpleRegression([1, 2], [1, 2])).toThrow(/at least 3/);
    expect(() => simpleRegression([1, 2, 3], [1, 2])).toThrow(/differ in length/);
  });
});

describe('coefficients', () => {
  const wages = readGoldenCsv('qreg-wages.csv');
  const r = qreg(wages, { y: 'lwage', x: ['educ', 'exper', 'female'], tau: [0.75, 0.25, 0.5] });

  it('one series per slope, τ increasing, values from each τ table', () => {
    const s = quantileSeries(r);
    expect(s.map((d) => d.term)).toEqual(['educ', 'exper', 'female']);
    expect(s[0].points.map((p) => p.tau)).toEqual([0.25, 0.5, 0.75]);
    const q50 = r.quantiles.find((q) => q.tau === 0.5)!.coefficients.find((c) => c.term === 'educ')!;
    expect(s[0].points[1]).toEqual({ tau: 0.5, estimate: q50.estimate, ciLower: q50.ciLower, ciUpper: q50.ciUpper, p: q50.p });
    expect(quantileSeries([r], { intercept: true }).map((d) => d.term)[0]).toBe('(Intercept)');
  });

  it('drops the intercept by default; keeps the order of `terms`', () => {
    const rows = r.quantiles[0].coefficients;
    expect(plotCoefficients(rows).map((c) => c.term)).toEqual(['educ', 'exper', 'female']);
    expect(plotCoefficients(rows, { terms: ['female', 'educ'] }).map((c) => c.term)).toEqual(['female', 'educ']);
  });
});

describe('format', () => {
  it('minus signs, leading zeros, p and intervals', () => {
    expect(formatNumber(-0.1234)).toBe('−0.12');
    expect(formatNumber(-0.001)).toBe('0.00');
    expect(formatBounded(0.456)).toBe('.46');
    expect(formatBounded(-0.456)).toBe('−.46');
    expect(formatBounded(1)).toBe('1.00');
    expect(formatP(0.0004)).toBe('p < .001');
    expect(formatP(0.0342)).toBe('p = .034');
    expect(formatInterval(-0.1, 0.3)).toBe('[−0.10, 0.30]');
    expect(autoDigits([0.012, -0.35])).toBe(3);
    expect(autoDigits([1.2, 25])).toBe(2);
    expect(autoDigits([0.00001])).toBe(4);
    expect(autoDigits([0])).toBe(2);
  });
});
