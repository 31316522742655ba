import { describe, expect, it } from 'vitest';
import { buildDesign, completeRows, numericColumn, takeNumeric } from './frame';
import { coefficientTable, fitLinearModel, vcov, waldTest } from './linear-model';
import { catchStatsError, expectRel, readGoldenCsv, readGoldenJson } from './test-utils';

const catchStats = catchStatsError;

describe('NIST StRD Longley (certified values)', () => {
  const df = readGoldenCsv('longley.csv');
  const cert = readGoldenJson('longley-certified.json');
  const fit = fitLinearModel(buildDesign(df, ['x1', 'x2', 'x3', 'x4', 'x5', 'x6']), numericColumn(df, 'y') as number[]);
  const table = coefficientTable(fit, vcov(fit));

  it('every coefficient and SE to at least 10 significant digits (rel 1e-10; observed ~1e-13)', () => {
    expect(table.map((c) => c.term)).toEqual(cert.terms);
    table.forEach((c, i) => {
      expectRel(c.estimate, cert.estimate[i], 1e-10, `B ${c.term}`);
      expectRel(c.se, cert.se[i], 1e-10, `SE ${c.term}`);
    });
  });
  it('sigma, R², RSS, overall F', () => {
    expectRel(fit.sigma, cert.residualSd, 1e-10, 'sigma');
    expectRel(fit.r2, cert.rSquared, 1e-10, 'R2');
    expectRel(fit.rss, cert.residualSumOfSquares, 1e-10, 'RSS');
    expect(fit.dfResidual).toBe(cert.dfResidual);
    const w = waldTest(fit.coefficients, vcov(fit).matrix, [1, 2, 3, 4, 5, 6], fit.dfResidual);
    expectRel(w.statistic, cert.f, 1e-9, 'F');
  });
});

describe('fitLinearModel basics', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8];
  const y = [1.2, 1.9, 3.2, 3.8, 5.3, 5.9, 7.1, 8.2];
  const ones = x.map(() => 1);
  it('simple regression matches closed form', () => {
    const fit = fitLinearModel({ names: ['(Intercept)', 'x'], columns: [ones, x] }, y);
    const mx = 4.5;
    const my = y.reduce((s, v) => s + v, 0) / 8;
    let sxy = 0;
    let sxx = 0;
    x.forEach((xi, i) => {
      sxy += (xi - mx) * (y[i] - my);
      sxx += (xi - mx) ** 2;
    });
    expectRel(fit.coefficients[1], sxy / sxx, 1e-13, 'slope');
    expectRel(fit.coefficients[0], my - (sxy / sxx) * mx, 1e-13, 'intercept');
    expect(fit.dfResidual).toBe(6);
    const resSum = fit.residuals.reduce((s, v) => s + v, 0);
    expect(Math.abs(resSum)).toBeLessThan(1e-12);
  });
  it('HC0/HC1 scale and HC3 ≥ HC2 ≥ HC0 on the diagonal', () => {
    const fit = fitLinearModel({ names: ['(Intercept)', 'x'], columns: [ones, x] }, y);
    const h0 = vcov(fit, { type: 'hc0' }).matrix;
    const h1 = vcov(fit, { type: 'hc1' }).matrix;
    const h2 = vcov(fit, { type: 'hc2' }).matrix;
    const h3 = vcov(fit, { type: 'hc3' }).matrix;
    expectRel(h1[1][1], (h0[1][1] * 8) / 6, 1e-13, 'HC1 = HC0·n/(n−k)');
    expect(h3[1][1]).toBeGreaterThan(h2[1][1]);
    expect(h2[1][1]).toBeGreaterThan(h0[1][1]);
  });
  it('drops aliased columns when asked', () => {
    const fit = fitLinearModel({ names: ['(Intercept)', 'x', 'x2'], columns: [ones, x, x.map((v) => 2 * v)] }, y, { singular: 'drop' });
    expect(fit.names).toEqual(['(Intercept)', 'x']);
    expect(fit.aliased).toEqual(['x2']);
  });
});

describe('fitLinearModel degenerate input', () => {
  const ones = [1, 1, 1, 1, 1, 1];
  const x1 = [1, 2, 3, 4, 5, 7];
  const x2 = [2, 1, 4, 3, 6, 5];
  const y = [1, 3, 2, 5, 4, 6];
  it('names the collinear columns', () => {
    const e = catchStats(() =>
      fitLinearModel({ names: ['(Intercept)', 'x1', 'x2', 'x3'], columns: [ones, x1, x2, x1.map((v, i) => v + x2[i])] }, y),
    );
    expect(e.code).toBe('collinear');
    expect(e.message).toBe('perfect collinearity among: x1, x2, x3');
  });
  it('collinearity with the intercept (dummy trap)', () => {
    const d = [1, 0, 1, 0, 1, 0];
    const e = catchStats(() => fitLinearModel({ names: ['(Intercept)', 'a', 'b'], columns: [ones, d, d.map((v) => 1 - v)] }, y));
    expect(e.code).toBe('collinear');
    expect(e.message).toBe('perfect collinearity among: (Intercept), a, b');
  });
  it('constant column', () => {
    const e = catchStats(() => fitLinearModel({ names: ['(Intercept)', 'x1', 'x2'], columns: [ones, x1, [3, 3, 3, 3, 3, 3]] }, y));
    expect(e.code).toBe('constant-column');
    expect(e.message).toBe("column 'x2' is constant (3)");
  });
  it('n must exceed the number of parameters', () => {
    const e = catchStats(() => fitLinearModel({ names: ['(Intercept)', 'a', 'b', 'c'], columns: [[1, 1, 1], [1, 2, 4], [3, 1, 2], [0, 5, 1]] }, [1, 2, 3]));
    expect(e.code).toBe('too-few-observations');
    expect(e.message).toBe('n (3) must exceed the number of parameters (4)');
  });
  it('non-finite values', () => {
    expect(catchStats(() => fitLinearModel({ names: ['(Intercept)', 'x1'], columns: [ones, [1, 2, NaN, 4, 5, 6]] }, y)).code).toBe('non-finite');
  });
  it('single cluster', () => {
    const fit = fitLinearModel({ names: ['(Intercept)', 'x1'], columns: [ones, x1] }, y);
    const e = catchStats(() => vcov(fit, { type: 'cluster', cluster: ['a', 'a', 'a', 'a', 'a', 'a'] }));
    expect(e.code).toBe('single-cluster');
    expect(e.message).toMatch(/only one cluster \(a\)/);
  });
  it('perfect fit gives an error, not NaN/Infinity', () => {
    const e = catchStats(() => fitLinearModel({ names: ['(Intercept)', 'x1'], columns: [ones, x1] }, x1.map((v) => 2 + 3 * v)));
    expect(e.code).toBe('perfect-fit');
  });
});

describe('fitLinearModel on more rows than one block of the streaming QR', () => {
  // The complete rows of ols-survey (384) stacked three times: 1,152 rows, so the QR reduces a
  // full block of 1,024 rows and a partial one, and the robust meat is built from several row
  // blocks.
  const df = readGoldenCsv('ols-survey.csv');
  const terms = ['age', 'tenure', 'income', 'female'];
  const { rows } = completeRows(df, ['satisfaction', ...terms]);
  const one = buildDesign(df, terms, { rows });
  const y = takeNumeric(df, ['satisfaction'], rows).satisfaction;
  const n1 = y.length;
  const times = 3;
  const stack = (c: ArrayLike<number>) => Float64Array.from({ length: c.length * times }, (_, i) => c[i % c.length]);
  const big = { names: one.names, columns: one.columns.map(stack) };
  const fitOne = fitLinearModel(one, y);
  const fitBig = fitLinearModel(big, stack(y));

  it('coefficients are those of the data once; RSS and residuals repeat', () => {
    fitOne.coefficients.forEach((b, j) => expectRel(fitBig.coefficients[j], b, 1e-12, `B ${fitOne.names[j]}`));
    expectRel(fitBig.rss, times * fitOne.rss, 1e-12, 'RSS');
    expectRel(fitBig.r2, fitOne.r2, 1e-12, 'R2');
    for (const i of [0, n1 - 1, n1, 1023, 1024, times * n1 - 1]) expectRel(fitBig.residuals[i], fitOne.residuals[i % n1], 1e-10, `residual ${i}`);
  });
  it('HC0 and HC3 covariances scale as the data are repeated', () => {
    // Repeating every row t times multiplies X'X and X'ΩX (HC0) by t, so HC0 scales by 1/t;
    // HC3 additionally sees leverages h/t.
    const h0One = vcov(fitOne, { type: 'hc0' }).matrix;
    const h0Big = vcov(fitBig, { type: 'hc0' }).matrix;
    h0One.forEach((row, a) => row.forEach((v, b) => expectRel(h0Big[a][b] * times, v, 1e-10, `HC0[${a}][${b}]`)));
    const h3Big = vcov(fitBig, { type: 'hc3' }).matrix;
    expect(h3Big[1][1]).toBeGreaterThan(h0Big[1][1]);
  });
  it('names a collinearity that spans the blocks', () => {
    const x3 = big.columns[1].map((v, i) => v + 2 * big.columns[2][i]);
    const e = catchStats(() => fitLinearModel({ names: [...big.names, 'x3'], columns: [...big.columns, x3] }, stack(y)));
    expect(e.code).toBe('collinear');
    expect(e.message).toBe('perfect collinearity among: age, tenure, x3');
  });
});
