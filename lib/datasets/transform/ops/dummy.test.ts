import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../types';
import { applyTransforms } from '../apply-transforms';
import { catchTransformError, makeDataset } from '../test-helpers';

describe('dummy', () => {
  const ds = makeDataset({ region: ['west', 'east', null, 'not sure', 'east'], edu: [3, 1, 2, 10, null] }, { edu: 'numeric' });
  it('one 0/1 column per level but the reference; missing stays missing; levels in R factor order', () => {
    const out = applyTransforms(ds, [{ op: 'dummy', variable: 'region', reference: 'west' }]);
    expect(out.variables.slice(2).map((v) => v.name)).toEqual(['region_east', 'region_not_sure']);
    expect(out.columns.region_east).toEqual([0, 1, null, 0, 1]);
    expect(out.columns.region_not_sure).toEqual([0, 0, null, 1, 0]);
    expect(out.variables.at(-1)).toEqual({
      name: 'region_not_sure',
      label: 'region = not sure (reference: west)',
      type: 'numeric',
      valueLabels: { '0': 'not not sure', '1': 'not sure' },
      missingCodes: [],
    });
  });
  it('numeric codes sort numerically; a numeric reference; value labels in the label; names override', () => {
    const labelled: Dataset = { ...ds, variables: ds.variables.map((v) => (v.name === 'edu' ? { ...v, valueLabels: { '1': 'primary', '10': 'doctorate' } } : v)) };
    const out = applyTransforms(labelled, [{ op: 'dummy', variable: 'edu', reference: 1, prefix: 'e', names: { '10': 'phd' } }]);
    expect(out.variables.slice(2).map((v) => v.name)).toEqual(['e_2', 'e_3', 'phd']);
    expect(out.columns.phd).toEqual([0, 0, 0, 1, null]);
    expect(out.variables.at(-1)!.label).toBe('edu = 10 (doctorate) (reference: 1 (primary))');
  });
  it('an unknown reference lists the levels', () => {
    const e = catchTransformError(() => applyTransforms(ds, [{ op: 'dummy', variable: 'region', reference: 'north' }]));
    expect(e.code).toBe('unknown-level');
    expect(e.message).toBe("transform 1 (dummy of region): reference level 'north' is not a level of 'region' (levels: east, not sure, west)");
  });
  it('one level is an error', () => {
    const e = catchTransformError(() => applyTransforms(makeDataset({ g: ['a', null, 'a'] }), [{ op: 'dummy', variable: 'g', reference: 'a' }]));
    expect(e.code).toBe('too-few-values');
    expect(e.message).toMatch(/variable 'g' has only one level \('a'\); dummy coding needs at least 2 levels$/);
  });
  it('levels that make the same name are caught', () => {
    const e = catchTransformError(() => applyTransforms(makeDataset({ g: ['a b', 'a_b', 'c'] }), [{ op: 'dummy', variable: 'g', reference: 'c' }]));
    expect(e.code).toBe('invalid-name');
    expect(e.message).toBe("transform 1 (dummy of g): cannot create 'g_a_b': a variable 'g_a_b' already exists; choose another name");
  });
  it('too many levels', () => {
    const ids = Array.from({ length: 201 }, (_, i) => `id${i}`);
    const e = catchTransformError(() => applyTransforms(makeDataset({ id: ids }), [{ op: 'dummy', variable: 'id', reference: 'id0' }]));
    expect(e.code).toBe('invalid-recipe');
    expect(e.message).toMatch(/has 201 levels/);
  });
});
