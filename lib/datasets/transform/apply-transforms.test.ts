import { describe, expect, it } from 'vitest';
import { applyTransforms, parseTransforms } from './apply-transforms';
import type { Transform } from './schema';
import { catchTransformError, datasetFromCsv, expectColumn, makeDataset, readJson } from './test-helpers';

// Expected: R 4.2.2 base and plm 2.6-2 (golden/make-golden-transforms.R).
const g = readJson(new URL('./golden/transforms-expected.json', import.meta.url));
const ds = datasetFromCsv(new URL('./golden/transforms-panel.csv', import.meta.url), { firm: 'categorical', group: 'categorical', q: [1, 5] });

const recipe: Transform[] = [
  { op: 'log', name: 'log_income', variable: 'income' },
  { op: 'log', name: 'log10_income', variable: 'income', base: 10 },
  { op: 'log', name: 'log2_income', variable: 'income', base: 2 },
  { op: 'log', name: 'log3_income', variable: 'income', base: 3 },
  { op: 'log', name: 'log_sales1', variable: 'sales', offset: 1 },
  { op: 'standardize', name: 'z_x', variable: 'x' },
  { op: 'center', name: 'x_c', variable: 'x' },
  { op: 'center', name: 'x_cwg', variable: 'x', group: 'group' },
  { op: 'interaction', name: 'x_w', variables: ['x', 'w'] },
  { op: 'interaction', name: 'x_w_c', variables: ['x', 'w'], center: true },
  { op: 'reverse', name: 'q_r', variable: 'q' },
  { op: 'recode', name: 'q_3', variable: 'q', rules: [{ from: { min: 1, max: 2 }, to: 1 }, { from: 3, to: 2 }, { from: { min: 4, max: 5 }, to: 3 }] },
  { op: 'lag', name: 'x_l1', variable: 'x', entity: 'firm', time: 'year' },
  { op: 'lag', name: 'x_l2', variable: 'x', entity: 'firm', time: 'year', k: 2 },
  { op: 'lead', name: 'x_f1', variable: 'x', entity: 'firm', time: 'year' },
  { op: 'diff', name: 'x_d1', variable: 'x', entity: 'firm', time: 'year' },
  { op: 'diff', name: 'x_d2', variable: 'x', entity: 'firm', time: 'year', k: 2 },
];

describe('applyTransforms against R', () => {
  const out = applyTransforms(ds, recipe);
  const col = (name: string) => out.columns[name];
  it('data as R read them', () => {
    expect(ds.rowCount).toBe(g.n);
  });
  it('log: natural, base 10, 2, 3, with offset (rel 1e-14)', () => {
    expectColumn(col('log_income'), g.logIncome, 1e-14, 'log');
    expectColumn(col('log10_income'), g.log10Income, 1e-14, 'log10');
    expectColumn(col('log2_income'), g.log2Income, 1e-14, 'log2');
    expectColumn(col('log3_income'), g.log3Income, 1e-14, 'log base 3');
    expectColumn(col('log_sales1'), g.logSales1, 1e-14, 'log(sales + 1)');
  });
  it('standardize = scale(), center grand and within group (rel 1e-12)', () => {
    expectColumn(col('z_x'), g.zX, 1e-12, 'z');
    expectColumn(col('x_c'), g.centerX, 1e-12, 'centred');
    expectColumn(col('x_cwg'), g.centerXWithinGroup, 1e-12, 'centred within group');
  });
  it('interaction, raw and centred on the complete pairs (rel 1e-12)', () => {
    expectColumn(col('x_w'), g.xw, 1e-14, 'x*w');
    expectColumn(col('x_w_c'), g.xwCentred, 1e-12, 'centred x*w');
  });
  it('reverse and recode', () => {
    expectColumn(col('q_r'), g.qReversed, 0, 'reversed');
    expectColumn(col('q_3'), g.qRecoded, 0, 'recoded');
  });
  it('lag, lead, diff = plm (gaps in time give missing)', () => {
    expectColumn(col('x_l1'), g.lag1, 0, 'lag 1');
    expectColumn(col('x_l2'), g.lag2, 0, 'lag 2');
    expectColumn(col('x_f1'), g.lead1, 0, 'lead 1');
    expectColumn(col('x_d1'), g.diff1, 1e-14, 'diff 1');
    expectColumn(col('x_d2'), g.diff2, 1e-14, 'diff 2');
  });
  it('labels and types', () => {
    const v = (name: string) => out.variables.find((x) => x.name === name)!;
    expect(v('log_income').label).toBe('log of income');
    expect(v('log10_income').label).toBe('log10 of income');
    expect(v('log3_income').label).toBe('log base 3 of income');
    expect(v('log_sales1').label).toBe('log of (sales + 1)');
    expect(v('z_x').label).toBe(`z-score of x (mean ${Number(g.meanX.toPrecision(4))}, SD ${Number(g.sdX.toPrecision(4))})`);
    expect(v('x_cwg').label).toBe('x centred at its mean within group');
    expect(v('x_w').label).toBe('x × w');
    expect(v('q_r')).toMatchObject({ type: 'likert', likert: { min: 1, max: 5 }, label: 'q reversed (1–5)' });
    expect(v('q_3')).toMatchObject({ type: 'numeric', label: 'q recoded (1–2→1, 3→2, 4–5→3; others copied)' });
    expect(v('x_l1').label).toBe('x lagged 1 period (within firm, by year)');
    expect(v('x_f1').label).toBe('x 1 period ahead (within firm, by year)');
    expect(v('x_d1').label).toBe('change in x since the previous period (within firm, by year)');
    expect(v('x_d2').label).toBe('change in x since 2 periods before (within firm, by year)');
    for (const name of ['log_income', 'z_x', 'x_c', 'x_w_c', 'x_d1']) expect(v(name).type).toBe('numeric');
  });
});

describe('applyTransforms semantics', () => {
  const base = makeDataset({ a: [1, 2, null, 4], b: [2, 2, 3, null], g: ['x', 'y', 'x', null] }, { a: [1, 5] });
  const frozen = JSON.stringify(base);

  it('returns a new dataset with the new variables appended; the input is untouched', () => {
    const out = applyTransforms(base, [
      { op: 'center', name: 'a_c', variable: 'a' },
      { op: 'dummy', variable: 'g', reference: 'x' },
    ]);
    expect(out).not.toBe(base);
    expect(out.variables.map((v) => v.name)).toEqual(['a', 'b', 'g', 'a_c', 'g_y']);
    expect(out.rowCount).toBe(4);
    expect(out.columns.a).toEqual(base.columns.a);
    expect(JSON.stringify(base)).toBe(frozen);
    expect(base.variables.length).toBe(3);
    expect(Object.keys(base.columns)).toEqual(['a', 'b', 'g']);
  });

  it('each transform sees the variables made before it', () => {
    const out = applyTransforms(base, [
      { op: 'reverse', name: 'a_r', variable: 'a' },
      { op: 'interaction', name: 'ar_b', variables: ['a_r', 'b'] },
    ]);
    expect(out.columns.ar_b).toEqual([10, 8, null, null]);
  });

  it('missing in, missing out', () => {
    const out = applyTransforms(base, [
      { op: 'log', name: 'la', variable: 'a' },
      { op: 'standardize', name: 'za', variable: 'a' },
      { op: 'reverse', name: 'ra', variable: 'a' },
    ]);
    for (const name of ['la', 'za', 'ra']) expect(out.columns[name][2]).toBeNull();
  });

  it('an empty list returns an equal copy', () => {
    const out = applyTransforms(base, []);
    expect(out).toEqual(base);
    expect(out).not.toBe(base);
  });

  it('errors name the transform, variable and rows', () => {
    const e = catchTransformError(() =>
      applyTransforms(makeDataset({ income: [10, 0, 5, -2, null] }), [
        { op: 'standardize', name: 'z', variable: 'income' },
        { op: 'log', name: 'log_income', variable: 'income' },
      ]),
    );
    expect(e.code).toBe('out-of-domain');
    expect(e.message).toBe(
      "transform 2 (log → log_income): variable 'income' has values ≤ 0 at rows 2 (0), 4 (-2); the log is undefined there: give an offset (log(x + offset)) or recode them",
    );
    expect(e.details).toMatchObject({ variable: 'income', rows: [2, 4], transformIndex: 1 });
  });

  it('new names: rule, clash, clash ignoring case, clash within one transform', () => {
    const one = (t: Transform) => catchTransformError(() => applyTransforms(base, [t]));
    let e = one({ op: 'center', name: 'a c', variable: 'a' });
    expect(e.code).toBe('invalid-name');
    expect(e.message).toBe(
      "transform 1 (center): name: 'a c' contains ' '; a variable name must start with a letter and contain only letters, digits and underscores (at most 64 characters), so that it works unchanged in R, SPSS and Stata",
    );
    e = one({ op: 'center', name: 'b', variable: 'a' });
    expect(e.message).toBe("transform 1 (center → b): cannot create 'b': a variable 'b' already exists; choose another name");
    e = one({ op: 'center', name: 'B', variable: 'a' });
    expect(e.message).toMatch(/'B': it differs from the existing 'b' only in case, and SPSS \(which ignores case\) would see one variable/);
    e = one({ op: 'center', name: 'TRUE', variable: 'a' });
    expect(e.message).toMatch(/'TRUE' is a reserved word in R; choose another name/);
    e = one({ op: 'dummy', variable: 'g', reference: 'x', prefix: '1g' });
    expect(e.code).toBe('invalid-name');
    expect(e.message).toMatch(/^transform 1 \(dummy of g\): '1g_y' does not start with a letter/);
    const twice = catchTransformError(() =>
      applyTransforms(base, [
        { op: 'center', name: 'a_c', variable: 'a' },
        { op: 'standardize', name: 'a_C', variable: 'a' },
      ]),
    );
    expect(twice.details.transformIndex).toBe(1);
    expect(twice.message).toMatch(/existing 'a_c' only in case/);
  });

  it('recipes from JSON are validated', () => {
    const e = catchTransformError(() => applyTransforms(base, [{ op: 'log', name: 'x', variable: 'a', base: 1 } as Transform]));
    expect(e.code).toBe('invalid-recipe');
    expect(e.message).toBe('transform 1 (log): base: The base must be positive and not 1.');
    expect(catchTransformError(() => parseTransforms([{ op: 'square', name: 'x' }])).message).toBe(
      "transform 1 (square): op: Invalid discriminator value. Expected 'log' | 'standardize' | 'center' | 'reverse' | 'recode' | 'dummy' | 'interaction' | 'lag' | 'lead' | 'diff' | 'scaleScore' | 'setMetadata'",
    );
    expect(catchTransformError(() => parseTransforms({})).message).toBe('the transforms must be a list');
    expect(parseTransforms(JSON.parse(JSON.stringify(recipe)))).toEqual(recipe);
  });

  it('a missing variable names close matches', () => {
    const e = catchTransformError(() => applyTransforms(base, [{ op: 'center', name: 'c', variable: 'A' }]));
    expect(e.code).toBe('missing-variable');
    expect(e.message).toBe("transform 1 (center → c): variable 'A' is not in the dataset (did you mean 'a'?)");
  });

  it('overflow is an error, never Infinity', () => {
    const e = catchTransformError(() => applyTransforms(makeDataset({ x: [1e200, 1], w: [1e200, 2] }), [{ op: 'interaction', name: 'xw', variables: ['x', 'w'] }]));
    expect(e.code).toBe('non-finite');
    expect(e.message).toBe("transform 1 (interaction → xw): 'xw' would not be finite at row 1 (overflow)");
  });
});
