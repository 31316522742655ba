import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../types';
import { applyTransforms } from '../apply-transforms';
import { catchTransformError, makeDataset } from '../test-helpers';

describe('reverse', () => {
  const likert: Dataset = (() => {
    const ds = makeDataset({ q: [1, 2, 5, null], n: [0, 10, 3, 7] }, { q: [1, 5] });
    return { ...ds, variables: ds.variables.map((v) => (v.name === 'q' ? { ...v, valueLabels: { '1': 'Strongly disagree', '5': 'Strongly agree' } } : v)) };
  })();
  it('min + max − x from the Likert range; value labels follow the answers', () => {
    const out = applyTransforms(likert, [{ op: 'reverse', name: 'qr', variable: 'q' }]);
    expect(out.columns.qr).toEqual([5, 4, 1, null]);
    expect(out.variables.at(-1)).toEqual({
      name: 'qr',
      label: 'q reversed (1–5)',
      type: 'likert',
      likert: { min: 1, max: 5 },
      valueLabels: { '5': 'Strongly disagree', '1': 'Strongly agree' },
      missingCodes: [],
    });
  });
  it('refused on a non-Likert variable unless min and max are given', () => {
    const e = catchTransformError(() => applyTransforms(likert, [{ op: 'reverse', name: 'nr', variable: 'n' }]));
    expect(e.code).toBe('no-range');
    expect(e.message).toBe(
      "transform 1 (reverse → nr): variable 'n' is numeric, not Likert, so its response range is unknown; give min and max to reverse it (min + max − x)",
    );
    const out = applyTransforms(likert, [{ op: 'reverse', name: 'nr', variable: 'n', min: 0, max: 10 }]);
    expect(out.columns.nr).toEqual([10, 0, 7, 3]);
    expect(out.variables.at(-1)!.type).toBe('numeric');
  });
  it('values outside the range are named', () => {
    const e = catchTransformError(() => applyTransforms(likert, [{ op: 'reverse', name: 'nr', variable: 'n', min: 1, max: 7 }]));
    expect(e.code).toBe('out-of-domain');
    expect(e.message).toMatch(/variable 'n' has values outside its range 1–7 at rows 1 \(0\), 2 \(10\); recode them/);
  });
  it('the recipe needs both min and max', () => {
    const e = catchTransformError(() => applyTransforms(likert, [{ op: 'reverse', name: 'nr', variable: 'n', min: 1 }]));
    expect(e.code).toBe('invalid-recipe');
    expect(e.message).toBe('transform 1 (reverse): max: Give both min and max, with min < max.');
  });
});
