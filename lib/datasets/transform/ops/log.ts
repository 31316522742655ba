/**
 * `log`: log(x + offset) to a base (natural by default).
 */
import { DatasetTransformError, describeRows, oneBased } from '../errors';
import { newVariable, numericValues, type NewColumn, type WorkingDataset } from '../columns';
import type { LogTransform } from '../schema';

/**
 * Natural (or base-b) logarithm of a numeric variable, optionally after adding an offset.
 *
 * R's `log(x, 10)` and `log(x, 2)` use log10/log2 (exact at powers of the base); so do we.
 *
 * @param ds - working dataset.
 * @param t - the recipe.
 * @returns the new column.
 * @throws {DatasetTransformError} `missing-variable`, `non-numeric`; `out-of-domain` naming the
 *   rows where x + offset ≤ 0 (suggesting an offset when none was given).
 * @example
 * ```ts
 * logColumn(ds, { op: 'log', name: 'log_income', variable: 'income' });
 * ```
 */
export function logColumn(ds: WorkingDataset, t: LogTransform): NewColumn {
  const { values } = numericValues(ds, t.variable);
  const offset = t.offset ?? 0;
  const bad: number[] = [];
  values.forEach((v, i) => {
    if (v !== null && !(v + offset > 0)) bad.push(i);
  });
  if (bad.length) {
    const what = t.offset === undefined ? 'values ≤ 0' : `values with ${t.variable} + ${offset} ≤ 0`;
    const advice = t.offset === undefined ? '; the log is undefined there: give an offset (log(x + offset)) or recode them' : '; the log is undefined there: use a larger offset';
    throw new DatasetTransformError('out-of-domain', `variable '${t.variable}' has ${what} at ${describeRows(bad, bad.map((i) => values[i]))}${advice}`, {
      variable: t.variable,
      rows: oneBased(bad),
    });
  }
  const base = t.base;
  const f: (x: number) => number = base === undefined || base === Math.E ? Math.log : base === 10 ? Math.log10 : base === 2 ? Math.log2 : (x) => Math.log(x) / Math.log(base);
  const out = values.map((v) => (v === null ? null : f(v + offset)));
  const fn = base === undefined || base === Math.E ? 'log' : base === 10 ? 'log10' : base === 2 ? 'log2' : `log base ${base}`;
  const arg = t.offset ? `(${t.variable} ${offset < 0 ? '−' : '+'} ${Math.abs(offset)})` : t.variable;
  return { variable: newVariable(t.name, t.label ?? `${fn} of ${arg}`), values: out };
}
