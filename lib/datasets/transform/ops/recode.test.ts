import { describe, expect, it } from 'vitest';
import { applyTransforms } from '../apply-transforms';
import { catchTransformError, makeDataset } from '../test-helpers';

describe('recode', () => {
  const ds = makeDataset({ age: [17, 18, 30, 64.5, 65, 90, null], party: ['A', 'B ', 'C', null, 'A', 'D', 'B'] });
  it('ranges are inclusive, open-ended ranges allowed, the first matching rule wins, others copied', () => {
    const out = applyTransforms(ds, [
      {
        op: 'recode',
        name: 'age3',
        variable: 'age',
        rules: [
          { from: { max: 17 }, to: null },
          { from: { min: 18, max: 64.5 }, to: 1 },
          { from: 30, to: 99 }, // never reached: 30 matched the range above
          { from: { min: 65 }, to: 2 },
        ],
      },
    ]);
    expect(out.columns.age3).toEqual([null, 1, 1, 1, 2, 2, null]);
    expect(out.variables.at(-1)!.label).toBe('age recoded (lowest–17→missing, 18–64.5→1, 30→99, 65–highest→2; others copied)');
  });
  it('others copied or set missing', () => {
    const out = applyTransforms(ds, [
      { op: 'recode', name: 'a1', variable: 'age', rules: [{ from: 18, to: 0 }] },
      { op: 'recode', name: 'a2', variable: 'age', rules: [{ from: 18, to: 0 }], otherwise: 'missing' },
    ]);
    expect(out.columns.a1).toEqual([17, 0, 30, 64.5, 65, 90, null]);
    expect(out.columns.a2).toEqual([null, 0, null, null, null, null, null]);
  });
  it('text categories to numbers, with value labels; cells are matched trimmed', () => {
    const out = applyTransforms(ds, [
      {
        op: 'recode',
        name: 'left',
        variable: 'party',
        rules: [
          { from: 'A', to: 1 },
          { from: 'B', to: 1 },
          { from: 'C', to: 0 },
        ],
        otherwise: 'missing',
        valueLabels: { '0': 'right', '1': 'left' },
      },
    ]);
    expect(out.columns.left).toEqual([1, 1, 0, null, 1, null, 1]);
    expect(out.variables.at(-1)).toMatchObject({ type: 'numeric', valueLabels: { '0': 'right', '1': 'left' } });
  });
  it('text to text stays categorical', () => {
    const out = applyTransforms(ds, [{ op: 'recode', name: 'p2', variable: 'party', rules: [{ from: 'D', to: 'C' }] }]);
    expect(out.columns.p2).toEqual(['A', 'B', 'C', null, 'A', 'C', 'B']);
    expect(out.variables.at(-1)!.type).toBe('categorical');
  });
  it('a result mixing numbers and text is refused, naming rows', () => {
    const e = catchTransformError(() => applyTransforms(ds, [{ op: 'recode', name: 'p2', variable: 'party', rules: [{ from: 'D', to: 4 }] }]));
    expect(e.code).toBe('invalid-recipe');
    expect(e.message).toBe(
      "transform 1 (recode → p2): the recoded 'p2' would mix numbers (row 6 (4)) and text (rows 1 (A), 2 (B)); recode every value to the same kind, or set the others missing",
    );
  });
  it('rules must fit the variable', () => {
    let e = catchTransformError(() => applyTransforms(ds, [{ op: 'recode', name: 'a', variable: 'age', rules: [{ from: '18', to: 0 }] }]));
    expect(e.message).toBe("transform 1 (recode → a): rule 1: '18' is text, but 'age' is numeric; write the value as a number (18)");
    e = catchTransformError(() => applyTransforms(ds, [{ op: 'recode', name: 'a', variable: 'party', rules: [{ from: { min: 1, max: 2 }, to: 0 }] }]));
    expect(e.message).toBe("transform 1 (recode → a): rule 1: the range 1–2 cannot match 'party', which is categorical; write the category as text");
    e = catchTransformError(() => applyTransforms(ds, [{ op: 'recode', name: 'a', variable: 'age', rules: [{ from: { min: 3, max: 2 }, to: 0 }] }]));
    expect(e.message).toBe('transform 1 (recode): rules.0.from: min must not be above max.');
  });
});
