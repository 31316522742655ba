/**
 * `interaction`: the product of two numeric variables, optionally mean-centred first.
 */
import { mean } from '@/lib/stats/moments';
import { DatasetTransformError } from '../errors';
import { newVariable, numericValues, type NewColumn, type WorkingDataset } from '../columns';
import type { InteractionTransform } from '../schema';

/**
 * x·w, or (x − x̄)(w − w̄) with `center`. The means are taken over the rows where both are
 * present (the rows the product exists on, as PROCESS centres on the analysis sample), so the
 * centred variables have mean 0 exactly there.
 *
 * @param ds - working dataset.
 * @param t - the recipe.
 * @returns the new column.
 * @throws {DatasetTransformError} `missing-variable`, `non-numeric`; `too-few-values` when no
 *   row has both values; `non-finite` on overflow.
 * @example
 * ```ts
 * interactionColumn(ds, { op: 'interaction', name: 'x_w', variables: ['x', 'w'], center: true });
 * ```
 */
export function interactionColumn(ds: WorkingDataset, t: InteractionTransform): NewColumn {
  const [a, b] = t.variables;
  const x = numericValues(ds, a).values;
  const w = numericValues(ds, b).values;
  const both: number[] = [];
  x.forEach((v, i) => {
    if (v !== null && w[i] !== null) both.push(i);
  });
  if (both.length === 0) {
    throw new DatasetTransformError('too-few-values', `no row has both '${a}' and '${b}'; their product would be missing everywhere`, { variable: a });
  }
  const mx = t.center ? mean(both.map((i) => x[i] as number)) : 0;
  const mw = t.center ? mean(both.map((i) => w[i] as number)) : 0;
  const values = x.map((v, i) => (v === null || w[i] === null ? null : (v - mx) * ((w[i] as number) - mw)));
  const label = t.center ? `${a} × ${b} (each centred at its mean: ${a} ${fmt(mx)}, ${b} ${fmt(mw)})` : `${a} × ${b}`;
  return { variable: newVariable(t.name, t.label ?? label), values };
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(4)));
}
