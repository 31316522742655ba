/**
 * `dummy`: treatment (0/1) coding of a categorical variable, one column per level except the
 * reference (R `contr.treatment`, Stata `i.`, SPSS RECODE into dummies).
 */
import { factorLevels } from '@/lib/stats/frame';
import type { Cell } from '@/lib/stats/frame';
import { DatasetTransformError } from '../errors';
import { categoryKey, getVariable, newVariable, type NewColumn, type WorkingDataset } from '../columns';
import { nameFragment } from '../names';
import type { DummyTransform } from '../schema';

/** More levels than this is almost surely an identifier or free text, not a factor. */
export const MAX_DUMMY_LEVELS = 200;

/**
 * One 0/1 column per level except the reference; a missing category is missing in every column.
 * Levels are ordered as R's `factor()` in the C locale (numerically when every level is a
 * number). Names are `<prefix>_<level>` with the level reduced to letters, digits and '_'
 * ("not sure" → `trust_not_sure`), unless `names` gives one.
 *
 * @param ds - working dataset.
 * @param t - the recipe.
 * @returns the new columns, in level order.
 * @throws {DatasetTransformError} `missing-variable`; `unknown-level` when the reference is not
 *   a level (the levels are listed); `too-few-values` with fewer than 2 levels;
 *   `invalid-recipe` with more than {@link MAX_DUMMY_LEVELS} levels or a `names` key that is
 *   not a level.
 * @example
 * ```ts
 * dummyColumns(ds, { op: 'dummy', variable: 'region', reference: 'west' }); // region_central, region_east
 * ```
 */
export function dummyColumns(ds: WorkingDataset, t: DummyTransform): NewColumn[] {
  const { variable, cells } = getVariable(ds, t.variable);
  const keys = cells.map(categoryKey);
  const levels = factorLevels([...new Set(keys.filter((k): k is string => k !== null))]);
  if (levels.length < 2) {
    throw new DatasetTransformError(
      'too-few-values',
      `variable '${t.variable}' has ${levels.length === 0 ? 'no non-missing values' : `only one level ('${levels[0]}')`}; dummy coding needs at least 2 levels`,
      { variable: t.variable },
    );
  }
  if (levels.length > MAX_DUMMY_LEVELS) {
    throw new DatasetTransformError(
      'invalid-recipe',
      `variable '${t.variable}' has ${levels.length} levels; dummy coding makes one column per level, and more than ${MAX_DUMMY_LEVELS} is almost surely an identifier or free text`,
      { variable: t.variable },
    );
  }
  const reference = String(t.reference).trim();
  if (!levels.includes(reference)) {
    throw new DatasetTransformError(
      'unknown-level',
      `reference level '${reference}' is not a level of '${t.variable}' (levels: ${levels.slice(0, 30).join(', ')}${levels.length > 30 ? ', …' : ''})`,
      { variable: t.variable },
    );
  }
  for (const key of Object.keys(t.names ?? {})) {
    if (!levels.includes(key)) {
      throw new DatasetTransformError('invalid-recipe', `names: '${key}' is not a level of '${t.variable}' (levels: ${levels.slice(0, 30).join(', ')})`, {
        variable: t.variable,
      });
    }
  }
  const prefix = t.prefix ?? t.variable;
  const describe = (level: string) => {
    const label = variable.valueLabels[level];
    return label ? `${level} (${label})` : level;
  };
  return levels
    .filter((l) => l !== reference)
    .map((level) => {
      const name = t.names?.[level] ?? `${prefix}_${nameFragment(level)}`;
      const values: Cell[] = keys.map((k) => (k === null ? null : k === level ? 1 : 0));
      return {
        variable: newVariable(name, `${t.variable} = ${describe(level)} (reference: ${describe(reference)})`, {
          valueLabels: { '0': `not ${describe(level)}`, '1': describe(level) },
        }),
        values,
      };
    });
}
