/**
 * `lag`, `lead` and `diff` within entity, ordered by time (panel data). Shifts go by the value
 * of the time variable, not by row: when period t − k of an entity is not observed the result
 * is missing, as plm's `lag`/`lead`/`diff` on a pdata.frame (checked against R plm 2.6).
 */
import type { Cell } from '@/lib/stats/frame';
import { DatasetTransformError, describeRows, oneBased } from '../errors';
import { categoryKey, getVariable, isNumericVariable, newVariable, numericValues, type NewColumn, type WorkingDataset } from '../columns';
import type { DiffTransform, LagTransform, LeadTransform } from '../schema';

type PanelTransform = LagTransform | LeadTransform | DiffTransform;

/** (entity, time) of each row (null when either is missing) and the row of each (entity, time). */
interface PanelIndex {
  entity: Array<string | null>;
  time: Array<number | null>;
  rowOf: Map<string, number>;
}

const key = (entity: string, time: number) => `${entity}\u0000${time}`;

/**
 * Indexes the rows by (entity, time).
 *
 * @param ds - working dataset.
 * @param entityName - entity variable (any type; missing → the row is not placed).
 * @param timeName - time variable (numeric, whole numbers).
 * @returns the index.
 * @throws {DatasetTransformError} `missing-variable`, `non-numeric`; `invalid-panel` for a
 *   time that is not a whole number or two rows with the same entity and time.
 * @example
 * ```ts
 * panelIndex(ds, 'firm', 'year').rowOf.get(`A\u00002001`);
 * ```
 */
export function panelIndex(ds: WorkingDataset, entityName: string, timeName: string): PanelIndex {
  const entity = getVariable(ds, entityName, 'entity variable').cells.map(categoryKey);
  const time = numericValues(ds, timeName, 'time variable').values;
  const fractional = time.flatMap((t, i) => (t !== null && !Number.isInteger(t) ? [i] : []));
  if (fractional.length) {
    throw new DatasetTransformError(
      'invalid-panel',
      `time variable '${timeName}' has values that are not whole numbers at ${describeRows(fractional, fractional.map((i) => time[i]))}; lags step through whole periods (use a year or wave number)`,
      { variable: timeName, rows: oneBased(fractional) },
    );
  }
  const rowOf = new Map<string, number>();
  const duplicates: Array<[number, number]> = [];
  entity.forEach((e, i) => {
    const t = time[i];
    if (e === null || t === null) return;
    const k = key(e, t);
    const first = rowOf.get(k);
    if (first === undefined) rowOf.set(k, i);
    else duplicates.push([first, i]);
  });
  if (duplicates.length) {
    const shown = duplicates
      .slice(0, 3)
      .map(([a, b]) => `${entityName} '${entity[b]}' at ${timeName} ${time[b]} (rows ${a + 1} and ${b + 1})`)
      .join('; ');
    throw new DatasetTransformError(
      'invalid-panel',
      `${duplicates.length === 1 ? 'an entity has two rows' : `${duplicates.length} entity–time pairs have more than one row`} for the same period: ${shown}${duplicates.length > 3 ? '; …' : ''}. Each ${entityName} may appear once per ${timeName}`,
      { variable: entityName, rows: oneBased(duplicates.slice(0, 10).flat()) },
    );
  }
  return { entity, time, rowOf };
}

/**
 * Lag, lead or first difference within entity by time.
 *
 * lag: x at t − k; lead: x at t + k; diff: x_t − x_{t−k}. Missing when that period is not
 * observed for the entity, when x is missing there or here, or when the row's entity or time is
 * missing. `lag`/`lead` work on any variable and keep its type and labels; `diff` needs numbers.
 *
 * @param ds - working dataset.
 * @param t - the recipe.
 * @returns the new column.
 * @throws {DatasetTransformError} `missing-variable`, `non-numeric` (diff of a non-numeric
 *   variable; a time variable that is not numeric), `invalid-panel`.
 * @example
 * ```ts
 * panelShiftColumn(ds, { op: 'lag', name: 'income_l1', variable: 'income', entity: 'firm', time: 'year' });
 * ```
 */
export function panelShiftColumn(ds: WorkingDataset, t: PanelTransform): NewColumn {
  const { variable, cells } = getVariable(ds, t.variable);
  const k = t.k ?? 1;
  if (t.op === 'diff' && !isNumericVariable(variable)) {
    throw new DatasetTransformError('non-numeric', `variable '${t.variable}' is ${variable.type}; a difference needs a numeric variable`, { variable: t.variable });
  }
  const x: readonly Cell[] = isNumericVariable(variable) ? numericValues(ds, t.variable).values : cells;
  const index = panelIndex(ds, t.entity, t.time);
  const step = t.op === 'lead' ? k : -k;
  const values: Cell[] = x.map((v, i) => {
    const e = index.entity[i];
    const time = index.time[i];
    if (e === null || time === null) return null;
    const other = index.rowOf.get(key(e, time + step));
    if (other === undefined) return null;
    if (t.op !== 'diff') return x[other] ?? null;
    const prev = x[other];
    return v === null || prev === null ? null : (v as number) - (prev as number);
  });
  const periods = `${k} period${k === 1 ? '' : 's'}`;
  const within = `within ${t.entity}, by ${t.time}`;
  const label =
    t.op === 'lag'
      ? `${t.variable} lagged ${periods} (${within})`
      : t.op === 'lead'
        ? `${t.variable} ${periods} ahead (${within})`
        : `change in ${t.variable} since ${k === 1 ? 'the previous period' : `${periods} before`} (${within})`;
  const meta =
    t.op === 'diff'
      ? newVariable(t.name, t.label ?? label)
      : newVariable(t.name, t.label ?? label, {
          type: variable.type,
          ...(variable.likert ? { likert: { ...variable.likert } } : {}),
          valueLabels: { ...variable.valueLabels },
        });
  return { variable: meta, values };
}
