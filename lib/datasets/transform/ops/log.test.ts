import { describe, expect, it } from 'vitest';
import { applyTransforms } from '../apply-transforms';
import { catchTransformError, expectColumn, makeDataset } from '../test-helpers';

describe('log', () => {
  const ds = makeDataset({ y: [1, Math.E, 100, null, 0.5], z: [0, 3, -0.5, null, 9] });
  it('natural, base 10 (exact at powers of 10), offset', () => {
    const out = applyTransforms(ds, [
      { op: 'log', name: 'ly', variable: 'y' },
      { op: 'log', name: 'l10', variable: 'y', base: 10 },
      { op: 'log', name: 'lz', variable: 'z', offset: 1 },
    ]);
    expectColumn(out.columns.ly, [0, 1, Math.log(100), null, Math.log(0.5)], 1e-15, 'ln');
    expect(out.columns.l10[2]).toBe(2);
    expectColumn(out.columns.lz, [0, Math.log(4), Math.log(0.5), null, Math.log(10)], 1e-15, 'log(z + 1)');
  });
  it('values ≤ 0 without an offset name the rows and values', () => {
    const e = catchTransformError(() => applyTransforms(ds, [{ op: 'log', name: 'lz', variable: 'z' }]));
    expect(e.code).toBe('out-of-domain');
    expect(e.message).toMatch(/variable 'z' has values ≤ 0 at rows 1 \(0\), 3 \(-0.5\); the log is undefined there: give an offset/);
    expect(e.details.rows).toEqual([1, 3]);
  });
  it('an offset that is too small is still an error', () => {
    const e = catchTransformError(() => applyTransforms(ds, [{ op: 'log', name: 'lz', variable: 'z', offset: 0.5 }]));
    expect(e.message).toMatch(/has values with z \+ 0.5 ≤ 0 at row 3 \(-0.5\); the log is undefined there: use a larger offset$/);
  });
  it('a negative offset is shown in the label', () => {
    const out = applyTransforms(ds, [{ op: 'log', name: 'lz', variable: 'y', offset: -0.25 }]);
    expect(out.variables.at(-1)!.label).toBe('log of (y − 0.25)');
  });
  it('a text variable is refused', () => {
    const e = catchTransformError(() => applyTransforms(makeDataset({ s: ['a', 'b'] }), [{ op: 'log', name: 'ls', variable: 's' }]));
    expect(e.code).toBe('non-numeric');
    expect(e.message).toBe("transform 1 (log → ls): variable 's' is categorical, not numeric");
  });
  it('a text cell in a numeric variable is named by row', () => {
    const e = catchTransformError(() => applyTransforms(makeDataset({ y: [1, 'x', 3] }, { y: 'numeric' }), [{ op: 'log', name: 'ly', variable: 'y' }]));
    expect(e.code).toBe('non-numeric');
    expect(e.message).toBe('transform 1 (log → ly): variable \'y\' row 2 ("x") is not a number');
    const nan = catchTransformError(() => applyTransforms(makeDataset({ y: [1, NaN] }), [{ op: 'log', name: 'ly', variable: 'y' }]));
    expect(nan.code).toBe('non-finite');
    expect(nan.details.rows).toEqual([2]);
  });
});
