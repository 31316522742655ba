/**
 * Runs transform recipes on a dataset: each recipe is validated (zod), run against the data and
 * its new variables appended after their names are checked. The input dataset is never
 * modified; the result is a new dataset (the next version).
 */
import type { z } from 'zod';
import type { Dataset } from '../types';
import { assertFiniteColumn, type NewColumn, type WorkingDataset } from './columns';
import { DatasetTransformError, isDatasetTransformError } from './errors';
import { nameProblem } from './names';
import { dummyColumns } from './ops/dummy';
import { interactionColumn } from './ops/interaction';
import { logColumn } from './ops/log';
import { panelShiftColumn } from './ops/panel';
import { recodeColumn } from './ops/recode';
import { reverseColumn } from './ops/reverse';
import { scaleScoreColumn } from './ops/scale-score';
import { setMetadataColumn } from './ops/set-metadata';
import { centerColumn, standardizeColumn } from './ops/standardize';
import { ZTransformSchema, type Transform } from './schema';

/**
 * Validates one recipe (e.g. parsed from stored JSON).
 *
 * @param input - anything.
 * @param index - its position in a list (0-based, for the message).
 * @returns the recipe, typed.
 * @throws {DatasetTransformError} `invalid-name` when a new name breaks the naming rule,
 *   otherwise `invalid-recipe`, listing every problem with its field.
 * @example
 * ```ts
 * parseTransform({ op: 'log', name: 'log_income', variable: 'income' });
 * ```
 */
export function parseTransform(input: unknown, index = 0): Transform {
  const parsed = ZTransformSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const op = input && typeof input === 'object' && typeof (input as { op?: unknown }).op === 'string' ? (input as { op: string }).op : undefined;
  const where = `transform ${index + 1}${op ? ` (${op})` : ''}`;
  const text = issues.map((i: z.core.$ZodIssue) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
  const isName = issues.some((i) => i.code === 'custom' && (i as { params?: { rule?: string } }).params?.rule === 'name');
  throw new DatasetTransformError(isName ? 'invalid-name' : 'invalid-recipe', `${where}: ${text}`, { transformIndex: index });
}

/**
 * Validates a list of recipes.
 *
 * @param input - anything (e.g. JSON from the database).
 * @returns the recipes, typed.
 * @throws {DatasetTransformError} `invalid-recipe` when it is not an array; see {@link parseTransform}.
 * @example
 * ```ts
 * const recipe = parseTransforms(JSON.parse(stored));
 * ```
 */
export function parseTransforms(input: unknown): Transform[] {
  if (!Array.isArray(input)) throw new DatasetTransformError('invalid-recipe', 'the transforms must be a list');
  return input.map((t, i) => parseTransform(t, i));
}

function run(ds: WorkingDataset, t: Exclude<Transform, { op: 'setMetadata' }>): NewColumn[] {
  switch (t.op) {
    case 'log':
      return [logColumn(ds, t)];
    case 'standardize':
      return [standardizeColumn(ds, t)];
    case 'center':
      return [centerColumn(ds, t)];
    case 'reverse':
      return [reverseColumn(ds, t)];
    case 'recode':
      return [recodeColumn(ds, t)];
    case 'dummy':
      return dummyColumns(ds, t);
    case 'interaction':
      return [interactionColumn(ds, t)];
    case 'lag':
    case 'lead':
    case 'diff':
      return [panelShiftColumn(ds, t)];
    case 'scaleScore':
      return [scaleScoreColumn(ds, t)];
  }
}

/**
 * Checks the names of new variables against the rule in ./names, the dataset and each other
 * (ignoring case: SPSS does).
 */
function checkNames(ds: WorkingDataset, added: readonly NewColumn[]): void {
  const taken = new Map(ds.variables.map((v) => [v.name.toLowerCase(), v.name]));
  for (const { variable } of added) {
    const name = variable.name;
    const problem = nameProblem(name);
    if (problem) throw new DatasetTransformError('invalid-name', problem, { variable: name });
    const clash = taken.get(name.toLowerCase());
    if (clash !== undefined) {
      const detail =
        clash === name
          ? `a variable '${name}' already exists`
          : `it differs from the existing '${clash}' only in case, and SPSS (which ignores case) would see one variable`;
      throw new DatasetTransformError('invalid-name', `cannot create '${name}': ${detail}; choose another name`, { variable: name });
    }
    taken.set(name.toLowerCase(), name);
  }
}

/**
 * Applies transforms in order; each one sees the variables made by those before it.
 *
 * @param dataset - the input (not modified).
 * @param transforms - recipes (validated again here, so stored JSON can be passed after a cast).
 * @returns a new dataset: the input's variables and columns followed by the new ones (a
 *   `setMetadata` edit replaces its variable in place instead).
 * @throws {DatasetTransformError} whose message starts with the transform ("transform 2 (log →
 *   log_income): …") and names the variable and rows; `details.transformIndex` is its 0-based
 *   position. Codes: see {@link DatasetTransformErrorCode}.
 * @example
 * ```ts
 * const next = applyTransforms(ds, [
 *   { op: 'reverse', name: 'q4r', variable: 'q4' },
 *   { op: 'scaleScore', name: 'trust', items: ['q1', 'q2', 'q3', 'q4'], reversed: ['q4'], minValid: 3 },
 * ]);
 * ```
 */
export function applyTransforms(dataset: Dataset, transforms: readonly Transform[]): Dataset {
  const ds: WorkingDataset = { variables: [...dataset.variables], columns: { ...dataset.columns }, rowCount: dataset.rowCount };
  transforms.forEach((input, index) => {
    const t = parseTransform(input, index);
    const where = `transform ${index + 1} (${t.op}${'name' in t ? ` → ${t.name}` : ` of ${t.variable}`})`;
    let added: NewColumn[];
    try {
      if (t.op === 'setMetadata') {
        // Edits the variable where it stands (same name and position) instead of appending one.
        const edited = setMetadataColumn(ds, t);
        ds.variables[ds.variables.findIndex((v) => v.name === t.variable)] = edited.variable;
        ds.columns[t.variable] = edited.values;
        return;
      }
      added = run(ds, t);
      checkNames(ds, added);
      for (const c of added) assertFiniteColumn(c.variable.name, c.values);
    } catch (e) {
      if (isDatasetTransformError(e)) {
        throw new DatasetTransformError(e.code, `${where}: ${e.message}`, { ...e.details, transformIndex: index }, { cause: e });
      }
      throw e;
    }
    for (const c of added) {
      ds.variables.push(c.variable);
      ds.columns[c.variable.name] = c.values;
    }
  });
  return { variables: ds.variables, columns: ds.columns, rowCount: ds.rowCount };
}
