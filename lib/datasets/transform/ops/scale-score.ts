/**
 * `scaleScore`: the mean or sum of a scale's items, reversed items reversed first.
 */
import { DatasetTransformError } from '../errors';
import { listNames, newVariable, numericValues, type NewColumn, type WorkingDataset } from '../columns';
import type { ScaleScoreTransform } from '../schema';
import { reverseRange, reverseValues } from './reverse';

/**
 * Scale score per row. A row is scored when at least `minValid` items are answered (default:
 * all k items, i.e. listwise); the score is then the mean of the answered items (SPSS
 * `MEAN.n`, R `rowMeans(na.rm = TRUE)` with a count rule) or, for `sum`, that mean × k (a
 * prorated sum, equal to the plain sum when every item is answered), so a skipped item does not
 * lower a total. Other rows are missing.
 *
 * @param ds - working dataset.
 * @param t - the recipe.
 * @returns the new column (numeric).
 * @throws {DatasetTransformError} `missing-variable`, `non-numeric` (an item that is not
 *   numeric/Likert), `no-range` (a reversed item without a known range), `out-of-domain` (a
 *   reversed item's value outside its range), `too-few-values` when no row has enough items.
 * @example
 * ```ts
 * scaleScoreColumn(ds, { op: 'scaleScore', name: 'trust', items: ['t1', 't2', 't3'], reversed: ['t2'], minValid: 2 });
 * ```
 */
export function scaleScoreColumn(ds: WorkingDataset, t: ScaleScoreTransform): NewColumn {
  const reversed = new Set(t.reversed ?? []);
  const given = t.min !== undefined && t.max !== undefined ? { min: t.min, max: t.max } : undefined;
  const columns = t.items.map((item) => {
    const { variable, values } = numericValues(ds, item, 'item');
    return reversed.has(item) ? reverseValues(item, values, reverseRange(variable, given)) : values;
  });
  const k = t.items.length;
  const minValid = t.minValid ?? k;
  const score = t.score ?? 'mean';
  let scored = 0;
  const values = Array.from({ length: ds.rowCount }, (_, i) => {
    let sum = 0;
    let count = 0;
    for (const col of columns) {
      const v = col[i];
      if (v !== null) {
        sum += v;
        count++;
      }
    }
    if (count < minValid || count === 0) return null;
    scored++;
    // formula: mean of the answered items; prorated sum = k · mean (the plain sum when count = k).
    return score === 'mean' ? sum / count : count === k ? sum : (sum / count) * k;
  });
  if (scored === 0) {
    throw new DatasetTransformError(
      'too-few-values',
      `no row has at least ${minValid} of the ${k} items (${listNames(t.items)}) answered; lower minValid or check the items`,
      { variable: t.items[0] },
    );
  }
  const rev = reversed.size ? `; ${listNames([...reversed])} reversed` : '';
  const rule = minValid < k ? `; scored when at least ${minValid} of ${k} answered${score === 'sum' ? ', prorated' : ''}` : '';
  return { variable: newVariable(t.name, t.label ?? `${score} of ${listNames(t.items)}${rev}${rule}`), values };
}
