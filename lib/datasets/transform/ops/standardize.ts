/**
 * `standardize` (z-scores) and `center` (grand-mean or group-mean centring).
 */
import { mean, sampleSd } from '@/lib/stats/moments';
import type { Cell } from '@/lib/stats/frame';
import { DatasetTransformError } from '../errors';
import { categoryKey, getVariable, newVariable, numericValues, type NewColumn, type WorkingDataset } from '../columns';
import type { CenterTransform, StandardizeTransform } from '../schema';

function presentValues(values: ReadonlyArray<number | null>): number[] {
  return values.filter((v): v is number => v !== null);
}

/**
 * z = (x − mean)/SD over the non-missing values, with the sample SD (n − 1) as R `scale()`.
 *
 * @param ds - working dataset.
 * @param t - the recipe.
 * @returns the new column.
 * @throws {DatasetTransformError} `missing-variable`, `non-numeric`; `too-few-values` with fewer
 *   than 2 values; `zero-variance` when the variable is constant.
 * @example
 * ```ts
 * standardizeColumn(ds, { op: 'standardize', name: 'z_income', variable: 'income' });
 * ```
 */
export function standardizeColumn(ds: WorkingDataset, t: StandardizeTransform): NewColumn {
  const { values } = numericValues(ds, t.variable);
  const x = presentValues(values);
  if (x.length < 2) {
    throw new DatasetTransformError('too-few-values', `variable '${t.variable}' has ${x.length} non-missing value${x.length === 1 ? '' : 's'}; standardizing needs at least 2`, {
      variable: t.variable,
    });
  }
  // Exact comparison, not sd === 0: the SD of equal values can come out as 1e-17, not 0.
  if (x.every((v) => v === x[0])) {
    throw new DatasetTransformError('zero-variance', `variable '${t.variable}' is constant (every non-missing value is ${x[0]}); it cannot be standardized`, {
      variable: t.variable,
    });
  }
  const m = mean(x);
  const sd = sampleSd(x);
  return {
    variable: newVariable(t.name, t.label ?? `z-score of ${t.variable} (mean ${round(m)}, SD ${round(sd)})`),
    values: values.map((v) => (v === null ? null : (v - m) / sd)),
  };
}

/**
 * x − mean(x) over the non-missing values; with `group`, x − mean of x in the row's group
 * (rows with a missing group are missing).
 *
 * @param ds - working dataset.
 * @param t - the recipe.
 * @returns the new column.
 * @throws {DatasetTransformError} `missing-variable`, `non-numeric`; `too-few-values` when
 *   the variable has no non-missing value (in any group).
 * @example
 * ```ts
 * centerColumn(ds, { op: 'center', name: 'ses_cwc', variable: 'ses', group: 'school' });
 * ```
 */
export function centerColumn(ds: WorkingDataset, t: CenterTransform): NewColumn {
  const { values } = numericValues(ds, t.variable);
  const x = presentValues(values);
  if (t.group === undefined) {
    if (x.length === 0) {
      throw new DatasetTransformError('too-few-values', `variable '${t.variable}' has no non-missing values; there is no mean to centre at`, { variable: t.variable });
    }
    const m = mean(x);
    return {
      variable: newVariable(t.name, t.label ?? `${t.variable} centred at its mean (${round(m)})`),
      values: values.map((v) => (v === null ? null : v - m)),
    };
  }
  const group = getVariable(ds, t.group, 'group variable').cells.map(categoryKey);
  const byGroup = new Map<string, number[]>();
  values.forEach((v, i) => {
    const g = group[i];
    if (v === null || g === null) return;
    const list = byGroup.get(g);
    if (list) list.push(v);
    else byGroup.set(g, [v]);
  });
  if (byGroup.size === 0) {
    throw new DatasetTransformError('too-few-values', `variable '${t.variable}' has no non-missing values in rows with a '${t.group}' group; there is no mean to centre at`, {
      variable: t.variable,
    });
  }
  const means = new Map([...byGroup].map(([g, v]) => [g, mean(v)]));
  const out: Cell[] = values.map((v, i) => {
    const g = group[i];
    return v === null || g === null ? null : v - means.get(g)!;
  });
  return { variable: newVariable(t.name, t.label ?? `${t.variable} centred at its mean within ${t.group}`), values: out };
}

/** A mean or SD for a label: 4 significant digits. */
function round(x: number): string {
  return String(Number(x.toPrecision(4)));
}
