import { describe, expect, it } from 'vitest';
import { applyTransforms, parseTransform } from '../apply-transforms';
import { catchTransformError, makeDataset } from '../test-helpers';

describe('setMetadata', () => {
  const ds = makeDataset(
    { id: ['a', 'b', 'c', 'd'], q1: [1, 5, 9, 3], code: ['12', ' 7 ', null, ''], city: ['上海', '北京', '3', null] },
    { q1: 'numeric', code: 'text', city: 'categorical' },
  );

  it('edits the label in place: same name and position, other variables and the input untouched', () => {
    const out = applyTransforms(ds, [{ op: 'setMetadata', variable: 'q1', label: 'Trust in online shops' }]);
    expect(out.variables.map((v) => v.name)).toEqual(['id', 'q1', 'code', 'city']);
    expect(out.variables[1]).toEqual({ name: 'q1', label: 'Trust in online shops', type: 'numeric', valueLabels: {}, missingCodes: [] });
    expect(out.columns.q1).toEqual([1, 5, 9, 3]);
    expect(ds.variables[1].label).toBe('');
  });

  it('a missing code turns matching values into null and is listed once, sorted', () => {
    const out = applyTransforms(ds, [{ op: 'setMetadata', variable: 'q1', missingCodes: [9, -1, 9] }]);
    expect(out.columns.q1).toEqual([1, 5, null, 3]);
    expect(out.variables[1].missingCodes).toEqual([-1, 9]);
  });

  it('to Likert: the range must contain every value (after missing codes), naming the rows outside', () => {
    const e = catchTransformError(() => applyTransforms(ds, [{ op: 'setMetadata', variable: 'q1', type: 'likert', likert: { min: 1, max: 5 } }]));
    expect(e.code).toBe('out-of-domain');
    expect(e.message).toBe("transform 1 (setMetadata of q1): the Likert range 1–5 of 'q1' does not contain row 3 (9); widen the range or add a missing code");
    expect(e.details.rows).toEqual([3]);
    const out = applyTransforms(ds, [{ op: 'setMetadata', variable: 'q1', type: 'likert', likert: { min: 1, max: 5 }, missingCodes: [9], valueLabels: { '1': 'Disagree', '5': 'Agree' } }]);
    expect(out.variables[1]).toEqual({ name: 'q1', label: '', type: 'likert', likert: { min: 1, max: 5 }, valueLabels: { '1': 'Disagree', '5': 'Agree' }, missingCodes: [9] });
    expect(out.columns.q1).toEqual([1, 5, null, 3]);
  });

  it('Likert without a range is refused; an existing range is kept, and dropped when the type leaves Likert', () => {
    expect(catchTransformError(() => applyTransforms(ds, [{ op: 'setMetadata', variable: 'q1', type: 'likert' }])).code).toBe('no-range');
    const likert = makeDataset({ q: [1, 2, 4] }, { q: [1, 4] });
    expect(applyTransforms(likert, [{ op: 'setMetadata', variable: 'q', label: 'x' }]).variables[0].likert).toEqual({ min: 1, max: 4 });
    const narrowed = catchTransformError(() => applyTransforms(likert, [{ op: 'setMetadata', variable: 'q', likert: { min: 1, max: 3 } }]));
    expect(narrowed.message).toContain('does not contain row 3 (4)');
    const numeric = applyTransforms(likert, [{ op: 'setMetadata', variable: 'q', type: 'numeric' }]).variables[0];
    expect(numeric.type).toBe('numeric');
    expect('likert' in numeric).toBe(false);
  });

  it('text to numeric reads numbers written as text; blank is missing', () => {
    const out = applyTransforms(ds, [{ op: 'setMetadata', variable: 'code', type: 'numeric' }]);
    expect(out.columns.code).toEqual([12, 7, null, null]);
    expect(out.variables[2].type).toBe('numeric');
  });

  it('to numeric names the first value that is not a number, with its row', () => {
    const e = catchTransformError(() => applyTransforms(ds, [{ op: 'setMetadata', variable: 'city', type: 'numeric' }]));
    expect(e.code).toBe('non-numeric');
    expect(e.message).toBe(`transform 1 (setMetadata of city): 'city' cannot be numeric: row 1 ("上海") is not a number; recode it or set it missing first`);
    expect(e.details).toMatchObject({ variable: 'city', rows: [1] });
    // A missing code does not help text, but a later row is named when the first ones are numbers.
    const later = makeDataset({ x: ['1', '2', 'n/a'] }, { x: 'text' });
    expect(catchTransformError(() => applyTransforms(later, [{ op: 'setMetadata', variable: 'x', type: 'likert', likert: { min: 1, max: 5 } }])).details.rows).toEqual([3]);
  });

  it('numeric to categorical writes numbers as text; a missing code also matches a numeric text cell', () => {
    const out = applyTransforms(ds, [{ op: 'setMetadata', variable: 'q1', type: 'categorical' }]);
    expect(out.columns.q1).toEqual(['1', '5', '9', '3']);
    const city = applyTransforms(ds, [{ op: 'setMetadata', variable: 'city', missingCodes: [3] }]);
    expect(city.columns.city).toEqual(['上海', '北京', null, null]);
  });

  it('later transforms see the edit', () => {
    const out = applyTransforms(ds, [
      { op: 'setMetadata', variable: 'code', type: 'numeric' },
      { op: 'log', name: 'log_code', variable: 'code' },
    ]);
    expect(out.columns.log_code[0]).toBeCloseTo(Math.log(12), 14);
  });

  it('an unknown variable is named', () => {
    expect(catchTransformError(() => applyTransforms(ds, [{ op: 'setMetadata', variable: 'nope', label: 'x' }])).code).toBe('missing-variable');
  });

  it('the schema: something must change; the range needs min < max and fits only Likert', () => {
    expect(() => parseTransform({ op: 'setMetadata', variable: 'q1' })).toThrow(/Change at least one/);
    expect(() => parseTransform({ op: 'setMetadata', variable: 'q1', type: 'likert', likert: { min: 5, max: 1 } })).toThrow(/min < max/);
    expect(() => parseTransform({ op: 'setMetadata', variable: 'q1', type: 'numeric', likert: { min: 1, max: 5 } })).toThrow(/only for the Likert type/);
    expect(() => parseTransform({ op: 'setMetadata', variable: 'q1', type: 'ordinal' })).toThrow(/type/);
    expect(() => parseTransform({ op: 'setMetadata', variable: 'q1', missingCodes: ['9'] })).toThrow(/missingCodes/);
    expect(parseTransform({ op: 'setMetadata', variable: 'q1', label: '' })).toEqual({ op: 'setMetadata', variable: 'q1', label: '' });
  });
});
