/**
 * `recode`: old → new values, as SPSS RECODE INTO: rules are tried in order and the first
 * match wins; a range `{ min, max }` is inclusive at both ends (1 THRU 2) and may be open at one
 * end (LO THRU 2); values no rule matches are copied (ELSE=COPY, the default) or set missing
 * (ELSE=SYSMIS). Missing stays missing.
 */
import type { Cell } from '@/lib/stats/frame';
import type { VariableType } from '../../types';
import { DatasetTransformError, describeRows, oneBased } from '../errors';
import { categoryKey, getVariable, isNumericVariable, newVariable, numericValues, type NewColumn, type WorkingDataset } from '../columns';
import type { RecodeRule, RecodeTransform } from '../schema';

function describeFrom(from: RecodeRule['from']): string {
  if (typeof from === 'number') return String(from);
  if (typeof from === 'string') return `'${from}'`;
  return `${from.min ?? 'lowest'}–${from.max ?? 'highest'}`;
}

/**
 * Recodes a variable into a new one.
 *
 * The new variable is numeric when every resulting value is a number and categorical when every
 * one is text; a mix (e.g. text codes with numbers copied through) is an error.
 *
 * @param ds - working dataset.
 * @param t - the recipe.
 * @returns the new column.
 * @throws {DatasetTransformError} `missing-variable`; `non-numeric` for a bad cell;
 *   `invalid-recipe` when a rule does not fit the variable (a range or number on a text
 *   variable, text on a numeric one) or the result mixes numbers and text.
 * @example
 * ```ts
 * recodeColumn(ds, { op: 'recode', name: 'agree', variable: 'q1', rules: [{ from: { min: 1, max: 2 }, to: 0 }, { from: { min: 4, max: 5 }, to: 1 }], otherwise: 'missing' });
 * ```
 */
export function recodeColumn(ds: WorkingDataset, t: RecodeTransform): NewColumn {
  const { variable, cells } = getVariable(ds, t.variable);
  const numeric = isNumericVariable(variable);
  t.rules.forEach((rule, j) => {
    const from = rule.from;
    if (numeric && typeof from === 'string') {
      throw new DatasetTransformError(
        'invalid-recipe',
        `rule ${j + 1}: ${describeFrom(from)} is text, but '${t.variable}' is ${variable.type}; write the value as a number${/^\s*-?\d/.test(from) ? ` (${Number(from)})` : ''}`,
        { variable: t.variable },
      );
    }
    if (!numeric && typeof from !== 'string') {
      throw new DatasetTransformError(
        'invalid-recipe',
        `rule ${j + 1}: ${typeof from === 'number' ? `the number ${from}` : `the range ${describeFrom(from)}`} cannot match '${t.variable}', which is ${variable.type}; write the category as text`,
        { variable: t.variable },
      );
    }
  });
  const source: Cell[] = numeric ? numericValues(ds, t.variable).values : cells.map(categoryKey);
  const matches = (from: RecodeRule['from'], v: Cell): boolean => {
    if (typeof from === 'number') return v === from;
    if (typeof from === 'string') return v === from.trim();
    return typeof v === 'number' && (from.min === undefined || v >= from.min) && (from.max === undefined || v <= from.max);
  };
  const copy = (t.otherwise ?? 'copy') === 'copy';
  const out: Cell[] = source.map((v) => {
    if (v === null) return null;
    const rule = t.rules.find((r) => matches(r.from, v));
    if (rule) return rule.to;
    return copy ? v : null;
  });
  const numberRows: number[] = [];
  const textRows: number[] = [];
  out.forEach((v, i) => {
    if (typeof v === 'number') numberRows.push(i);
    else if (typeof v === 'string') textRows.push(i);
  });
  if (numberRows.length && textRows.length) {
    throw new DatasetTransformError(
      'invalid-recipe',
      `the recoded '${t.name}' would mix numbers (${describeRows(numberRows.slice(0, 2), numberRows.slice(0, 2).map((i) => out[i]))}) and text (${describeRows(textRows.slice(0, 2), textRows.slice(0, 2).map((i) => out[i]))}); recode every value to the same kind, or set the others missing`,
      { variable: t.variable, rows: oneBased([numberRows[0], textRows[0]]) },
    );
  }
  let type: VariableType;
  if (numberRows.length) type = 'numeric';
  else if (textRows.length) type = 'categorical';
  else {
    // Every result is missing: take the kind the rules produce, else the source's kind.
    const to = t.rules.map((r) => r.to).find((v) => v !== null);
    type = to === undefined ? (numeric ? 'numeric' : 'categorical') : typeof to === 'number' ? 'numeric' : 'categorical';
  }
  const rulesText = t.rules.length > 4 ? `${t.rules.length} rules` : t.rules.map((r) => `${describeFrom(r.from)}→${r.to === null ? 'missing' : typeof r.to === 'string' ? `'${r.to}'` : r.to}`).join(', ');
  return {
    variable: newVariable(t.name, t.label ?? `${t.variable} recoded (${rulesText}; others ${copy ? 'copied' : 'missing'})`, { type, valueLabels: { ...(t.valueLabels ?? {}) } }),
    values: out,
  };
}
