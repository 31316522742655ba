import { describe, expect, it } from 'vitest';
import { applyTransforms } from '../apply-transforms';
import { catchTransformError, expectColumn, makeDataset } from '../test-helpers';

describe('standardize', () => {
  it('sample SD: z of 1, 2, 3 is −1, 0, 1', () => {
    const out = applyTransforms(makeDataset({ x: [1, null, 2, 3] }), [{ op: 'standardize', name: 'zx', variable: 'x' }]);
    expectColumn(out.columns.zx, [-1, null, 0, 1], 1e-15, 'z');
    expect(out.variables.at(-1)!.label).toBe('z-score of x (mean 2, SD 1)');
  });
  it('a constant column is an error, also when its float SD would be 1e-17', () => {
    for (const v of [5, 0.1]) {
      const e = catchTransformError(() => applyTransforms(makeDataset({ x: [v, v, null, v] }), [{ op: 'standardize', name: 'zx', variable: 'x' }]));
      expect(e.code).toBe('zero-variance');
      expect(e.message).toBe(`transform 1 (standardize → zx): variable 'x' is constant (every non-missing value is ${v}); it cannot be standardized`);
    }
  });
  it('fewer than two values', () => {
    const one = catchTransformError(() => applyTransforms(makeDataset({ x: [null, 4, null] }), [{ op: 'standardize', name: 'zx', variable: 'x' }]));
    expect(one.code).toBe('too-few-values');
    expect(one.message).toMatch(/variable 'x' has 1 non-missing value; standardizing needs at least 2$/);
    const none = catchTransformError(() => applyTransforms(makeDataset({ x: [null, null] }, { x: 'numeric' }), [{ op: 'standardize', name: 'zx', variable: 'x' }]));
    expect(none.message).toMatch(/has 0 non-missing values/);
  });
});

describe('center', () => {
  const ds = makeDataset({ x: [1, 3, 10, 20, null, 7], g: ['a', 'a', 'b', 'b', 'b', null] });
  it('grand mean', () => {
    const out = applyTransforms(ds, [{ op: 'center', name: 'xc', variable: 'x' }]);
    expectColumn(out.columns.xc, [-7.2, -5.2, 1.8, 11.8, null, -1.2], 1e-14, 'grand');
    expect(out.variables.at(-1)!.label).toBe('x centred at its mean (8.2)');
  });
  it('within group; a missing group gives missing', () => {
    const out = applyTransforms(ds, [{ op: 'center', name: 'xc', variable: 'x', group: 'g' }]);
    expect(out.columns.xc).toEqual([-1, 1, -5, 5, null, null]);
  });
  it('numeric group codes work like labels', () => {
    const out = applyTransforms(makeDataset({ x: [1, 2, 3, 5], g: [1, 1, 2, 2] }), [{ op: 'center', name: 'xc', variable: 'x', group: 'g' }]);
    expect(out.columns.xc).toEqual([-0.5, 0.5, -1, 1]);
  });
  it('no values: an error, not NaN', () => {
    const e = catchTransformError(() => applyTransforms(makeDataset({ x: [null, null] }, { x: 'numeric' }), [{ op: 'center', name: 'xc', variable: 'x' }]));
    expect(e.code).toBe('too-few-values');
    const g = catchTransformError(() =>
      applyTransforms(makeDataset({ x: [1, 2], g: [null, null] }, { g: 'categorical' }), [{ op: 'center', name: 'xc', variable: 'x', group: 'g' }]),
    );
    expect(g.message).toMatch(/variable 'x' has no non-missing values in rows with a 'g' group/);
  });
  it('an unknown group variable', () => {
    const e = catchTransformError(() => applyTransforms(ds, [{ op: 'center', name: 'xc', variable: 'x', group: 'school' }]));
    expect(e.code).toBe('missing-variable');
    expect(e.message).toBe("transform 1 (center → xc): group variable 'school' is not in the dataset (variables: x, g)");
  });
});
