/**
 * Reading a dataset's columns for transforms: variable lookup with a helpful error, numeric
 * values with the variable and row named on bad cells, category keys, and the output type.
 */
import type { Cell } from '@/lib/stats/frame';
import type { Dataset, Variable } from '../types';
import { DatasetTransformError, describeRows, oneBased } from './errors';

/** A variable a transform creates, with its cells. */
export interface NewColumn {
  variable: Variable;
  values: Cell[];
}

/** A dataset under construction: the variables so far and their columns by name. */
export interface WorkingDataset {
  variables: Variable[];
  columns: Record<string, readonly Cell[]>;
  rowCount: number;
}

/**
 * A variable's metadata and its cells.
 *
 * @param ds - dataset.
 * @param name - variable name.
 * @param role - how the message names it ("variable", "group variable", "item").
 * @returns the variable and its column.
 * @throws {DatasetTransformError} `missing-variable` naming close names when there is no such
 *   variable (or its column is missing or has the wrong length).
 * @example
 * ```ts
 * const { variable, cells } = getVariable(ds, 'income');
 * ```
 */
export function getVariable(ds: Pick<Dataset, 'variables' | 'columns' | 'rowCount'>, name: string, role = 'variable'): { variable: Variable; cells: readonly Cell[] } {
  const variable = ds.variables.find((v) => v.name === name);
  if (!variable) {
    const lower = name.toLowerCase();
    const similar = ds.variables.filter((v) => v.name.toLowerCase() === lower || v.name.toLowerCase().includes(lower) || lower.includes(v.name.toLowerCase()));
    const hint = similar.length
      ? ` (did you mean ${similar.slice(0, 3).map((v) => `'${v.name}'`).join(', ')}?)`
      : ds.variables.length
        ? ` (variables: ${ds.variables.slice(0, 20).map((v) => v.name).join(', ')}${ds.variables.length > 20 ? ', …' : ''})`
        : ' (the dataset has no variables)';
    throw new DatasetTransformError('missing-variable', `${role} '${name}' is not in the dataset${hint}`, { variable: name });
  }
  const cells = Object.prototype.hasOwnProperty.call(ds.columns, name) ? ds.columns[name] : undefined;
  if (!cells || cells.length !== ds.rowCount) {
    throw new DatasetTransformError('missing-variable', `${role} '${name}' has ${cells ? `${cells.length} values` : 'no column'}; the dataset has ${ds.rowCount} rows`, {
      variable: name,
    });
  }
  return { variable, cells };
}

/**
 * Whether a variable holds numbers (numeric or Likert).
 *
 * @param v - variable.
 * @returns true for `numeric` and `likert`.
 * @example
 * ```ts
 * isNumericVariable({ ...v, type: 'likert' }); // true
 * ```
 */
export function isNumericVariable(v: Variable): boolean {
  return v.type === 'numeric' || v.type === 'likert';
}

/**
 * A numeric variable's values (missing → null).
 *
 * @param ds - dataset.
 * @param name - variable name.
 * @param role - how the message names it.
 * @returns the variable and its values.
 * @throws {DatasetTransformError} `missing-variable`; `non-numeric` when the variable is not
 *   numeric/Likert or a cell is not a number; `non-finite` for a NaN/±Infinity cell (missing is null).
 * @example
 * ```ts
 * numericValues(ds, 'income').values; // [1200, null, 950]
 * ```
 */
export function numericValues(ds: WorkingDataset, name: string, role = 'variable'): { variable: Variable; values: Array<number | null> } {
  const { variable, cells } = getVariable(ds, name, role);
  if (!isNumericVariable(variable)) {
    throw new DatasetTransformError('non-numeric', `${role} '${name}' is ${variable.type}, not numeric`, { variable: name });
  }
  const values = cells.map((c, i) => {
    if (c === null) return null;
    if (typeof c !== 'number') {
      throw new DatasetTransformError('non-numeric', `${role} '${name}' ${describeRows([i], [JSON.stringify(c)])} is not a number`, {
        variable: name,
        rows: [i + 1],
      });
    }
    if (!Number.isFinite(c)) {
      throw new DatasetTransformError('non-finite', `${role} '${name}' ${describeRows([i], [c])} is not a finite number (missing values are stored as null)`, {
        variable: name,
        rows: [i + 1],
      });
    }
    return c;
  });
  return { variable, values };
}

/**
 * The key of a category cell: numbers as their decimal string, strings trimmed; null when missing.
 *
 * @param c - cell.
 * @returns the key or null.
 * @example
 * ```ts
 * categoryKey(2); // '2'
 * ```
 */
export function categoryKey(c: Cell | undefined): string | null {
  if (c === null || c === undefined) return null;
  if (typeof c === 'number') return Number.isNaN(c) ? null : String(c);
  const s = c.trim();
  return s === '' ? null : s;
}

/**
 * Throws `non-finite` if a computed column has NaN or ±Infinity (overflow), naming the rows.
 *
 * @param name - the new variable.
 * @param values - its values.
 * @throws {DatasetTransformError} `non-finite`.
 * @example
 * ```ts
 * assertFiniteColumn('x_sq', values);
 * ```
 */
export function assertFiniteColumn(name: string, values: readonly Cell[]): void {
  const bad: number[] = [];
  values.forEach((v, i) => {
    if (typeof v === 'number' && !Number.isFinite(v)) bad.push(i);
  });
  if (bad.length) {
    throw new DatasetTransformError('non-finite', `'${name}' would not be finite at ${describeRows(bad)} (overflow)`, { variable: name, rows: oneBased(bad) });
  }
}

/**
 * A new numeric variable's metadata.
 *
 * @param name - its name.
 * @param label - its label.
 * @param extra - other fields (type, likert range, value labels).
 * @returns the variable.
 * @example
 * ```ts
 * newVariable('z_income', 'z-score of income');
 * ```
 */
export function newVariable(name: string, label: string, extra: Partial<Omit<Variable, 'name' | 'label'>> = {}): Variable {
  return { name, label, type: 'numeric', valueLabels: {}, missingCodes: [], ...extra };
}

/**
 * "a, b, c" for a short list; "a, b, …, z (12 items)" for a long one.
 *
 * @param names - names.
 * @param max - how many to show before eliding.
 * @returns the phrase.
 * @example
 * ```ts
 * listNames(['q1', 'q2']); // 'q1, q2'
 * ```
 */
export function listNames(names: readonly string[], max = 6): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max - 1).join(', ')}, …, ${names[names.length - 1]} (${names.length} items)`;
}
