import { describe, expect, it } from 'vitest';
import { catchTransformError, datasetFromCsv, expectClose, makeDataset, readJson } from '../transform/test-helpers';
import type { Scale } from './scale';
import { scaleReliability } from './scale-reliability';

// Expected: R 4.2.2, psych 2.2.9 alpha() and omega(), and the converged one-factor ULS fit
// (golden/make-golden-scales.R). t6 is a 1–7 item, the others 1–5; t3 and t6 are reversed.
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

interface Expected {
  id: string;
  name: string;
  items: string[];
  reversed: string[];
  n: number;
  nDropped: number;
  alpha: number;
  standardizedAlpha: number;
  itemMean: number[];
  itemSd: number[];
  itemTotalCorrelation: number[];
  alphaIfDeleted?: number[];
  omegaTotal?: number;
  omegaTotalPsych?: number;
  loadings?: number[];
}

describe.each(g.scales as Expected[])('scaleReliability against R psych: $name', (e) => {
  const scale: Scale = { id: e.id, name: e.name, items: e.items, reversed: e.reversed, score: 'mean' };
  const r = scaleReliability(ds, scale);
  it('sample (listwise)', () => {
    expect(r).toMatchObject({ scaleId: e.id, scaleName: e.name, n: e.n, nDropped: e.nDropped });
  });
  it('alpha, standardized alpha (rel 1e-10)', () => {
    expectClose(r.alpha, e.alpha, 1e-10, 'raw_alpha');
    expectClose(r.standardizedAlpha, e.standardizedAlpha, 1e-10, 'std.alpha');
  });
  it('items: mean, SD, r.drop, alpha if deleted (rel 1e-10), reversed flags', () => {
    expect(r.items.map((it) => it.name)).toEqual(e.items);
    r.items.forEach((it, j) => {
      expect(it.reversed).toBe(e.reversed.includes(it.name));
      expectClose(it.mean, e.itemMean[j], 1e-12, `mean ${it.name}`);
      expectClose(it.sd, e.itemSd[j], 1e-12, `sd ${it.name}`);
      expectClose(it.itemTotalCorrelation, e.itemTotalCorrelation[j], 1e-10, `r.drop ${it.name}`);
      if (e.alphaIfDeleted) expectClose(it.alphaIfDeleted, e.alphaIfDeleted[j], 1e-10, `alpha.drop ${it.name}`);
      else expect(it.alphaIfDeleted).toBeNull();
    });
  });
  it('omega total: the converged ULS fit (rel 1e-8) and psych::omega (rel 1e-6)', () => {
    if (e.omegaTotal === undefined) {
      expect(r.omegaTotal).toBeNull();
      expect(r.warnings[0]).toMatch(/ω total needs at least 3 items/);
      return;
    }
    expectClose(r.omegaTotal, e.omegaTotal, 1e-8, 'omega (ULS)');
    expectClose(r.omegaTotal, e.omegaTotalPsych!, 1e-6, 'omega (psych::omega)');
    r.items.forEach((it, j) => expectClose(it.loading, e.loadings![j], 1e-8, `loading ${it.name}`));
  });
});

describe('scaleReliability errors', () => {
  const scale = (items: string[], reversed: string[] = []): Scale => ({ id: 's', name: 'Trust', items, reversed, score: 'mean' });
  it('fewer than 2 items, an item twice, a reversed item that is not an item', () => {
    let e = catchTransformError(() => scaleReliability(ds, scale(['t1'])));
    expect(e.code).toBe('invalid-recipe');
    expect(e.message).toBe("scale 'Trust': items: A scale needs at least 2 items.");
    e = catchTransformError(() => scaleReliability(ds, scale(['t1', 't1'])));
    expect(e.message).toBe("scale 'Trust': items: An item is listed twice.");
    e = catchTransformError(() => scaleReliability(ds, scale(['t1', 't2'], ['t3'])));
    expect(e.message).toBe("scale 'Trust': reversed: Every reversed item must be one of the items.");
  });
  it('an item not in the dataset', () => {
    const e = catchTransformError(() => scaleReliability(ds, scale(['t1', 'T2', 'q9'])));
    expect(e.code).toBe('missing-variable');
    expect(e.message).toBe("scale 'Trust': item 'T2' is not in the dataset (did you mean 't2'?)");
    expect(e.details.variable).toBe('T2');
  });
  it('a non-numeric item', () => {
    const e = catchTransformError(() => scaleReliability(ds, scale(['t1', 'comment'])));
    expect(e.code).toBe('non-numeric');
    expect(e.message).toBe("scale 'Trust': item 'comment' is text, not numeric");
  });
  it('a constant item', () => {
    const e = catchTransformError(() => scaleReliability(ds, scale(['t1', 't2', 'const'])));
    expect(e.code).toBe('zero-variance');
    const complete = ds.columns.t1.filter((v, i) => v !== null && ds.columns.t2[i] !== null).length;
    expect(e.message).toBe(`scale 'Trust': item 'const' has zero variance: all ${complete} rows with every item answered have 3; drop it from the scale`);
    expect(e.details.variable).toBe('const');
  });
  it('items whose total has no variance (they cancel out)', () => {
    const d = makeDataset({ a: [1, 2, 3, 4], b: [4, 3, 2, 1] }, { a: [1, 4], b: [1, 4] });
    const e = catchTransformError(() => scaleReliability(d, scale(['a', 'b'])));
    expect(e.code).toBe('zero-variance');
    expect(e.message).toMatch(/^scale 'Trust': the total score of items a, b has zero variance; α is undefined$/);
    // reversed, they agree perfectly
    expect(scaleReliability(d, scale(['a', 'b'], ['b'])).alpha).toBeCloseTo(1, 12);
  });
  it('reversing needs a range; too few complete rows', () => {
    const d = makeDataset({ a: [1, 2, 3, null], b: [2, 3, null, 4], c: [0, 5, 1, 2] });
    let e = catchTransformError(() => scaleReliability(d, scale(['a', 'c'], ['c'])));
    expect(e.code).toBe('no-range');
    expect(scaleReliability(makeDataset({ a: [1, 2, 3, 5], c: [5, 4, 3, 0] }), scale(['a', 'c'], ['c']), { min: 0, max: 5 }).items[1].mean).toBe(2);
    e = catchTransformError(() => scaleReliability(d, scale(['a', 'b'])));
    expect(e.code).toBe('too-few-values');
    expect(e.message).toBe("scale 'Trust': only 2 rows have every item answered; reliability needs at least 3");
    e = catchTransformError(() => scaleReliability(makeDataset({ a: [1, 2, 3], b: [null, null, null] }, { b: 'numeric' }), scale(['a', 'b'])));
    expect(e.message).toBe("scale 'Trust': no row has every item answered ('b' has no answers); reliability needs at least 3");
  });
});
