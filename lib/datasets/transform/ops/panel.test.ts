import { describe, expect, it } from 'vitest';
import { applyTransforms } from '../apply-transforms';
import { catchTransformError, makeDataset } from '../test-helpers';

describe('lag, lead, diff', () => {
  // Person p1 observed in waves 1, 2, 4 (3 is a gap); p2 in 2, 1 (unsorted); a row without a person.
  const ds = makeDataset(
    {
      id: ['p1', 'p1', 'p2', 'p1', 'p2', null],
      wave: [1, 2, 2, 4, 1, 3],
      y: [10, 12, null, 20, 5, 7],
      status: ['a', 'b', 'b', 'c', 'a', 'a'],
    },
    { id: 'categorical', status: 'categorical' },
  );
  const panel = { entity: 'id', time: 'wave' } as const;
  it('follow the time values, not the row order; gaps give missing', () => {
    const out = applyTransforms(ds, [
      { op: 'lag', name: 'y_l1', variable: 'y', ...panel },
      { op: 'lead', name: 'y_f1', variable: 'y', ...panel },
      { op: 'lead', name: 'y_f2', variable: 'y', ...panel, k: 2 },
      { op: 'diff', name: 'y_d1', variable: 'y', ...panel },
      { op: 'lag', name: 'y_l2', variable: 'y', ...panel, k: 2 },
    ]);
    expect(out.columns.y_l1).toEqual([null, 10, 5, null, null, null]);
    expect(out.columns.y_f1).toEqual([12, null, null, null, null, null]);
    expect(out.columns.y_f2).toEqual([null, 20, null, null, null, null]);
    expect(out.columns.y_d1).toEqual([null, 2, null, null, null, null]);
    expect(out.columns.y_l2).toEqual([null, null, null, 12, null, null]);
  });
  it('lag of a categorical variable keeps its type; diff refuses it', () => {
    const out = applyTransforms(ds, [{ op: 'lag', name: 'status_l1', variable: 'status', ...panel }]);
    expect(out.columns.status_l1).toEqual([null, 'a', 'a', null, null, null]);
    expect(out.variables.at(-1)!.type).toBe('categorical');
    const e = catchTransformError(() => applyTransforms(ds, [{ op: 'diff', name: 'sd', variable: 'status', ...panel }]));
    expect(e.code).toBe('non-numeric');
    expect(e.message).toBe("transform 1 (diff → sd): variable 'status' is categorical; a difference needs a numeric variable");
  });
  it('two rows for one entity and time are an error naming them', () => {
    const dup = makeDataset({ id: ['p1', 'p1', 'p2', 'p1'], wave: [1, 2, 1, 2], y: [1, 2, 3, 4] });
    const e = catchTransformError(() => applyTransforms(dup, [{ op: 'lag', name: 'y_l1', variable: 'y', ...panel }]));
    expect(e.code).toBe('invalid-panel');
    expect(e.message).toBe("transform 1 (lag → y_l1): an entity has two rows for the same period: id 'p1' at wave 2 (rows 2 and 4). Each id may appear once per wave");
    expect(e.details.rows).toEqual([2, 4]);
  });
  it('time must be whole numbers and numeric', () => {
    const frac = makeDataset({ id: ['a', 'a'], wave: [1, 1.5], y: [1, 2] });
    const e = catchTransformError(() => applyTransforms(frac, [{ op: 'lag', name: 'y_l1', variable: 'y', ...panel }]));
    expect(e.code).toBe('invalid-panel');
    expect(e.message).toMatch(/time variable 'wave' has values that are not whole numbers at row 2 \(1.5\)/);
    const text = makeDataset({ id: ['a', 'a'], wave: ['2020-01', '2020-02'], y: [1, 2] });
    expect(catchTransformError(() => applyTransforms(text, [{ op: 'lag', name: 'y_l1', variable: 'y', ...panel }])).message).toBe(
      "transform 1 (lag → y_l1): time variable 'wave' is categorical, not numeric",
    );
  });
});
