import { describe, expect, it } from 'vitest';
import { applyTransforms } from '../apply-transforms';
import { catchTransformError, expectColumn, makeDataset } from '../test-helpers';

describe('scaleScore', () => {
  const ds = makeDataset(
    { a: [1, 2, null, null, 5], b: [2, null, null, 4, 5], c: [5, 4, null, 1, 1], n: [0, 1, 2, 3, 4] },
    { a: [1, 5], b: [1, 5], c: [1, 5] },
  );
  const items = ['a', 'b', 'c'];
  it('mean with a reversed item; by default every item must be answered', () => {
    const out = applyTransforms(ds, [{ op: 'scaleScore', name: 's', items, reversed: ['c'] }]);
    expectColumn(out.columns.s, [4 / 3, null, null, null, 5], 1e-15, 'mean');
    expect(out.variables.at(-1)).toMatchObject({ type: 'numeric', label: 'mean of a, b, c; c reversed' });
  });
  it('MEAN.2: the mean of the answered items when at least 2 are answered', () => {
    const out = applyTransforms(ds, [{ op: 'scaleScore', name: 's', items, reversed: ['c'], minValid: 2 }]);
    expectColumn(out.columns.s, [4 / 3, 2, null, 4.5, 5], 1e-15, 'mean.2');
  });
  it('sum: plain when complete, prorated (mean × k) when an item is skipped', () => {
    const out = applyTransforms(ds, [{ op: 'scaleScore', name: 's', items, reversed: ['c'], score: 'sum', minValid: 2 }]);
    expectColumn(out.columns.s, [4, 6, null, 13.5, 15], 1e-15, 'sum');
    expect(out.variables.at(-1)!.label).toBe('sum of a, b, c; c reversed; scored when at least 2 of 3 answered, prorated');
  });
  it('a reversed item without a range, or outside it', () => {
    let e = catchTransformError(() => applyTransforms(ds, [{ op: 'scaleScore', name: 's', items: ['a', 'n'], reversed: ['n'] }]));
    expect(e.code).toBe('no-range');
    e = catchTransformError(() => applyTransforms(ds, [{ op: 'scaleScore', name: 's', items: ['a', 'n'], reversed: ['n'], min: 1, max: 4 }]));
    expect(e.code).toBe('out-of-domain');
    expect(e.message).toMatch(/variable 'n' has values outside its range 1–4 at row 1 \(0\)/);
  });
  it('no row scored is an error; recipe checks', () => {
    const e = catchTransformError(() => applyTransforms(makeDataset({ a: [1, null], b: [null, 2] }), [{ op: 'scaleScore', name: 's', items: ['a', 'b'] }]));
    expect(e.code).toBe('too-few-values');
    expect(e.message).toBe('transform 1 (scaleScore → s): no row has at least 2 of the 2 items (a, b) answered; lower minValid or check the items');
    expect(catchTransformError(() => applyTransforms(ds, [{ op: 'scaleScore', name: 's', items, minValid: 4 }])).message).toBe(
      'transform 1 (scaleScore): minValid: minValid cannot exceed the number of items.',
    );
    expect(catchTransformError(() => applyTransforms(ds, [{ op: 'scaleScore', name: 's', items, reversed: ['z'] }])).message).toBe(
      'transform 1 (scaleScore): reversed: Every reversed item must be one of the items.',
    );
    expect(catchTransformError(() => applyTransforms(ds, [{ op: 'scaleScore', name: 's', items: ['a', 'zz'] }])).code).toBe('missing-variable');
  });
});
