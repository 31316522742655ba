import { describe, expect, it } from 'vitest';
import { applyTransforms } from '../apply-transforms';
import { catchTransformError, expectColumn, makeDataset } from '../test-helpers';

describe('interaction', () => {
  const ds = makeDataset({ x: [1, 2, 3, 100, null], w: [4, 6, 8, null, 1] });
  it('product; missing when either is missing', () => {
    const out = applyTransforms(ds, [{ op: 'interaction', name: 'xw', variables: ['x', 'w'] }]);
    expect(out.columns.xw).toEqual([4, 12, 24, null, null]);
  });
  it('centred on the rows where both are present (x̄ = 2, w̄ = 6, not 26.5 and 4.75)', () => {
    const out = applyTransforms(ds, [{ op: 'interaction', name: 'xw', variables: ['x', 'w'], center: true }]);
    expectColumn(out.columns.xw, [2, 0, 2, null, null], 1e-15, 'centred product');
    expect(out.variables.at(-1)!.label).toBe('x × w (each centred at its mean: x 2, w 6)');
  });
  it('no complete pair is an error', () => {
    const e = catchTransformError(() => applyTransforms(makeDataset({ x: [1, null], w: [null, 2] }), [{ op: 'interaction', name: 'xw', variables: ['x', 'w'] }]));
    expect(e.code).toBe('too-few-values');
    expect(e.message).toBe("transform 1 (interaction → xw): no row has both 'x' and 'w'; their product would be missing everywhere");
  });
  it('a categorical variable is refused', () => {
    const e = catchTransformError(() => applyTransforms(makeDataset({ x: [1, 2], g: ['a', 'b'] }), [{ op: 'interaction', name: 'xg', variables: ['x', 'g'] }]));
    expect(e.code).toBe('non-numeric');
    expect(e.message).toMatch(/variable 'g' is categorical, not numeric$/);
  });
});
