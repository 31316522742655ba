import { describe, expect, it } from 'vitest';
import { applyTransforms } from '../transform/apply-transforms';
import { datasetFromCsv, expectColumn, readJson } from '../transform/test-helpers';
import { scaleScoreTransform, ZScaleSchema, type Scale } from './scale';

// Expected: R rowMeans / rowSums on the reversed items (golden/make-golden-scales.R), with the
// mean of available items cross-checked there against psych::scoreItems(impute = "none").
const g = readJson(new URL('./golden/scales-expected.json', import.meta.url));
const ds = datasetFromCsv(new URL('./golden/scales-survey.csv', import.meta.url), {
  t1: [1, 5],
  t2: [1, 5],
  t3: [1, 5],
  t4: [1, 5],
  t5: [1, 5],
  t6: [1, 7],
  comment: 'text',
});
const commitment: Scale = { id: 's-all', name: 'Commitment', items: ['t1', 't2', 't3', 't4', 't5', 't6'], reversed: ['t3', 't6'], score: 'mean' };

describe('Scale schema', () => {
  it('accepts a scale and refuses bad ones', () => {
    expect(ZScaleSchema.parse(commitment)).toEqual(commitment);
    const bad = (s: unknown) => ZScaleSchema.safeParse(s).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(bad({ ...commitment, id: '' })).toEqual(['id: The scale needs an id.']);
    expect(bad({ ...commitment, name: '  ' })).toEqual(['name: Name the scale.']);
    expect(bad({ ...commitment, score: 'median' })?.[0]).toMatch(/^score: /);
    expect(bad({ ...commitment, reversed: ['t9'] })).toEqual(['reversed: Every reversed item must be one of the items.']);
  });
});

describe('scale scores against R', () => {
  it('scaleScoreTransform makes the recipe', () => {
    expect(scaleScoreTransform(commitment, { name: 'commit', minValid: 4 })).toEqual({
      op: 'scaleScore',
      name: 'commit',
      items: commitment.items,
      reversed: ['t3', 't6'],
      score: 'mean',
      minValid: 4,
      scaleId: 's-all',
      label: 'Commitment (mean of 6 items, 2 reversed, at least 4 answered)',
    });
  });
  it('mean and sum, all items or at least 4 (MEAN.4; prorated sum), each item reversed on its own range', () => {
    const sum: Scale = { ...commitment, score: 'sum' };
    const out = applyTransforms(ds, [
      scaleScoreTransform(commitment, { name: 'mean_all' }),
      scaleScoreTransform(commitment, { name: 'mean_4', minValid: 4 }),
      scaleScoreTransform(sum, { name: 'sum_all' }),
      scaleScoreTransform(sum, { name: 'sum_4', minValid: 4 }),
    ]);
    expectColumn(out.columns.mean_all, g.scores.meanAll, 1e-14, 'mean, all items');
    expectColumn(out.columns.mean_4, g.scores.meanMin4, 1e-14, 'MEAN.4');
    expectColumn(out.columns.sum_all, g.scores.sumAll, 1e-14, 'sum, all items');
    expectColumn(out.columns.sum_4, g.scores.sumMin4, 1e-14, 'prorated sum, at least 4');
    expect(out.variables.find((v) => v.name === 'sum_all')).toMatchObject({ type: 'numeric', label: 'Commitment (sum of 6 items, 2 reversed)' });
  });
});
