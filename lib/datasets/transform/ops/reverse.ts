/**
 * `reverse`: min + max − x, and the range lookup shared with `scaleScore` and scales.
 */
import type { Variable } from '../../types';
import { DatasetTransformError, describeRows, oneBased } from '../errors';
import { newVariable, numericValues, type NewColumn, type WorkingDataset } from '../columns';
import type { ReverseTransform } from '../schema';

/** A response range. */
export interface ResponseRange {
  min: number;
  max: number;
}

/**
 * The range used to reverse-code a variable: the one given, else its Likert range.
 *
 * @param variable - the variable.
 * @param given - min/max from the recipe (both or neither).
 * @returns the range.
 * @throws {DatasetTransformError} `no-range` when neither is known.
 * @example
 * ```ts
 * reverseRange(q4, undefined); // { min: 1, max: 5 } for a 1–5 Likert item
 * ```
 */
export function reverseRange(variable: Variable, given: Partial<ResponseRange> | undefined): ResponseRange {
  if (given?.min !== undefined && given.max !== undefined) return { min: given.min, max: given.max };
  if (variable.type === 'likert' && variable.likert && variable.likert.max > variable.likert.min) return { ...variable.likert };
  throw new DatasetTransformError(
    'no-range',
    `variable '${variable.name}' is ${variable.type === 'likert' ? 'Likert without a valid range' : `${variable.type}, not Likert`}, so its response range is unknown; give min and max to reverse it (min + max − x)`,
    { variable: variable.name },
  );
}

/**
 * Reverses values as min + max − x, refusing values outside the range.
 *
 * @param name - the variable (for the error).
 * @param values - its values (null = missing).
 * @param r - the range.
 * @returns reversed values.
 * @throws {DatasetTransformError} `out-of-domain` naming the rows outside min–max.
 * @example
 * ```ts
 * reverseValues('q4', [1, null, 5], { min: 1, max: 5 }); // [5, null, 1]
 * ```
 */
export function reverseValues(name: string, values: ReadonlyArray<number | null>, r: ResponseRange): Array<number | null> {
  const bad: number[] = [];
  values.forEach((v, i) => {
    if (v !== null && (v < r.min || v > r.max)) bad.push(i);
  });
  if (bad.length) {
    throw new DatasetTransformError(
      'out-of-domain',
      `variable '${name}' has values outside its range ${r.min}–${r.max} at ${describeRows(bad, bad.map((i) => values[i]))}; recode them (or set them missing) before reversing`,
      { variable: name, rows: oneBased(bad) },
    );
  }
  return values.map((v) => (v === null ? null : r.min + r.max - v));
}

/**
 * min + max − x. The result keeps the type (a Likert item stays Likert, with the range used)
 * and its value labels follow the answers: the label of code c becomes the label of
 * min + max − c.
 *
 * @param ds - working dataset.
 * @param t - the recipe.
 * @returns the new column.
 * @throws {DatasetTransformError} `missing-variable`, `non-numeric`, `no-range`, `out-of-domain`.
 * @example
 * ```ts
 * reverseColumn(ds, { op: 'reverse', name: 'q4r', variable: 'q4' });
 * ```
 */
export function reverseColumn(ds: WorkingDataset, t: ReverseTransform): NewColumn {
  const { variable, values } = numericValues(ds, t.variable);
  const r = reverseRange(variable, t);
  const out = reverseValues(t.variable, values, r);
  const valueLabels: Record<string, string> = {};
  for (const [code, label] of Object.entries(variable.valueLabels)) {
    const c = Number(code);
    if (code.trim() !== '' && Number.isFinite(c) && c >= r.min && c <= r.max) valueLabels[String(r.min + r.max - c)] = label;
  }
  const likert = variable.type === 'likert';
  return {
    variable: newVariable(t.name, t.label ?? `${t.variable} reversed (${r.min}–${r.max})`, {
      type: likert ? 'likert' : 'numeric',
      ...(likert ? { likert: { ...r } } : {}),
      valueLabels,
    }),
    values: out,
  };
}
