// Options the per-module golden files leave unchecked, against R (lib/stats/golden/
// make-golden-options.R → options-expected.json; R 4.2.2, sandwich, psych, quantreg):
// OLS without intercept and with HC0/HC2, describe pairwise, correlation listwise, reliability
// without reverse-coding, mediation with HC3 paths and with a factor covariate, quantile
// regression with a factor (chosen reference) and an interaction. Tolerances as everywhere:
// 1e-8 relative on estimates, SEs, statistics; 1e-10 absolute on p-values.
import { describe, expect, it } from 'vitest';
import { correlation } from './correlation';
import { describe as describeVars } from './describe';
import { mediate, type PathEstimate } from './mediate';
import { ols } from './ols';
import { qreg } from './qreg';
import { reliability } from './reliability';
import type { Coefficient } from './types';
import { expectAbs, expectCoefficients, expectRel, readGoldenCsv, readGoldenJson } from './test-utils';

const g = readGoldenJson('options-expected.json');
const survey = readGoldenCsv('ols-survey.csv');
const med = readGoldenCsv('mediate-survey.csv');
const REL = 1e-8;
const ABS_P = 1e-10;

/** R's dummy names ("sectorngo") → ours ("sector[ngo]"). */
const rName = (term: string) => term.replace(/^sector(ngo|private)$/, 'sector[$1]');

function expectRows(actual: Coefficient[], expected: Coefficient[], where: string) {
  expectCoefficients(actual, expected, { rename: rName, label: where });
}

function expectPath(actual: PathEstimate, expected: PathEstimate, where: string) {
  for (const k of ['estimate', 'se', 't'] as const) expectRel(actual[k], expected[k], REL, `${where}.${k}`);
  expectAbs(actual.p, expected.p, ABS_P, `${where}.p`);
}

describe('ols options against R lm + sandwich', () => {
  it('no intercept: uncentred R², adjusted R², F on all coefficients, classic and HC1 SEs', () => {
    const e = g.olsNoIntercept;
    for (const se of ['classic', 'hc1'] as const) {
      const r = ols(survey, { y: e.y, x: e.x, intercept: false, se });
      expect(r.n).toBe(e.n);
      expect(r.nDropped).toBe(e.nDropped);
      expectRows(r.coefficients, e[se], se);
      expectRel(r.r2, e.r2, REL, 'r2');
      expectRel(r.adjR2, e.adjR2, REL, 'adjR2');
      expectRel(r.sigma, e.sigma, REL, 'sigma');
      if (se === 'classic') {
        expectRel(r.f!, e.f, REL, 'F');
        expect([r.dfModel, r.dfResidual]).toEqual([e.dfModel, e.dfResidual]);
        expectAbs(r.pF!, e.pF, ABS_P, 'pF');
      }
    }
  });
  it('HC0 and HC2 standard errors and robust F', () => {
    for (const se of ['hc0', 'hc2'] as const) {
      const r = ols(survey, { y: 'satisfaction', x: ['age', 'income', 'female', 'tenure'], se });
      expectRows(r.coefficients, g.olsHc[se].coefficients, se);
      expectRel(r.f!, g.olsHc[se].overall.f, REL, `${se} F`);
      expectAbs(r.pF!, g.olsHc[se].overall.p, ABS_P, `${se} pF`);
    }
  });
});

describe('describe / correlation / reliability options against R', () => {
  it('describe, pairwise deletion (psych::describe type 2)', () => {
    const e = g.describePairwise;
    const r = describeVars(survey, { vars: e.vars, missing: 'pairwise' });
    r.variables.forEach((v, j) => {
      const w = e.variables[j];
      expect(v.n).toBe(w.n);
      for (const k of ['mean', 'sd', 'min', 'median', 'max', 'skewness', 'kurtosis'] as const) expectRel(v[k], w[k], REL, `${v.name}.${k}`);
    });
  });
  it('correlation, listwise deletion (cor.test on the complete cases)', () => {
    const e = g.correlationListwise;
    const r = correlation(survey, { vars: e.variables, missing: 'listwise' });
    expect(r.nDropped).toBe(e.nDropped);
    for (let a = 0; a < e.variables.length; a++)
      for (let b = 0; b < e.variables.length; b++) {
        expect(r.n[a][b]).toBe(e.n);
        expectRel(r.r[a][b], e.r[a][b], REL, `r[${a}][${b}]`);
        if (a !== b) expectAbs(r.p[a][b], e.p[a][b], ABS_P, `p[${a}][${b}]`);
      }
  });
  it('reliability of the raw items (no reverse-coding; psych::alpha)', () => {
    const e = g.reliabilityRaw;
    const r = reliability(survey, { items: e.items });
    expect(r.n).toBe(e.n);
    expectRel(r.alpha, e.alpha, REL, 'alpha');
    expectRel(r.standardizedAlpha, e.standardizedAlpha, REL, 'standardizedAlpha');
    r.items.forEach((it, j) => {
      expectRel(it.itemTotalCorrelation, e.itemTotalCorrelation[j], REL, `${it.name} r.drop`);
      expectRel(it.alphaIfDeleted, e.alphaIfDeleted[j], REL, `${it.name} alpha.drop`);
    });
  });
});

describe('mediate options against R lm + sandwich', () => {
  for (const [key, options] of [
    ['mediateHc3', { covariates: ['age', 'female', 'tenure'], se: 'hc3' as const }],
    ['mediateFactor', { covariates: ['age', 'ownership'], factors: { ownership: 'private' } }],
  ] as const) {
    it(`${key}: a, b, c, c′, a·b and Sobel`, () => {
      const e = g[key];
      const r = mediate(med, { y: 'engage', x: 'tl', m: 'empower', boot: 0, ...options });
      expect(r.n).toBe(e.n);
      expectPath(r.mediators[0].a, e.a, 'a');
      expectPath(r.mediators[0].b, e.b, 'b');
      expectPath(r.c, e.c, 'c');
      expectPath(r.cPrime, e.cPrime, 'cPrime');
      expectRel(r.indirect.estimate, e.indirect, REL, 'ab');
      expectRel(r.mediators[0].sobel.z, e.sobel.z, REL, 'sobel z');
      expectAbs(r.mediators[0].sobel.p, e.sobel.p, ABS_P, 'sobel p');
    });
  }
});

describe('qreg options against R quantreg (br + nid)', () => {
  it('a factor predictor with reference "public" and an interaction "age:female"', () => {
    const e = g.qregFactor;
    const r = qreg(survey, { y: 'satisfaction', x: ['age', 'sector', 'age:female'], factors: { sector: 'public' }, tau: [0.25, 0.75] });
    expect(r.n).toBe(e.n);
    expect(r.nDropped).toBe(e.nDropped);
    r.quantiles.forEach((q, k) => {
      expect(q.tau).toBe(e.quantiles[k].tau);
      expectRows(q.coefficients, e.quantiles[k].coefficients, `tau ${q.tau}`);
    });
  });
});
