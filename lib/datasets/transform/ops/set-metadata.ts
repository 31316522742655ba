/**
 * `setMetadata`: edit a variable's Variable View entry after import (label, type, Likert range,
 * value labels, missing-value codes). Unlike the other ops it creates no variable: the edited
 * variable keeps its name and position in the next version, with its cells converted to the new
 * type. The version it was made from is unchanged (versions are immutable).
 *
 * - To numeric or Likert: every non-missing cell must be a number (text such as "12" or " 3.5 "
 *   is read as one); the first cell that is not is named with its row.
 * - To categorical, text or date: numbers become their decimal text (2 → "2").
 * - Missing codes (SPSS user-missing): cells equal to a listed code become missing (null), as
 *   at import. A code removed from the list cannot bring its values back: they were stored as
 *   missing; re-import the file for that.
 * - Likert: the range (given, or kept from the variable) must contain every value.
 */
import type { Cell } from '@/lib/stats/frame';
import type { Variable, VariableType } from '../../types';
import { getVariable, type WorkingDataset } from '../columns';
import { DatasetTransformError, describeRows, oneBased } from '../errors';
import type { SetMetadataTransform } from '../schema';

/** A plain decimal number written as text ("12", "-3.5", ".5", "1e3"); no thousands separators. */
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

const isNumericType = (type: VariableType) => type === 'numeric' || type === 'likert';

function toNumber(c: Cell): number | null | undefined {
  if (c === null) return null;
  if (typeof c === 'number') return Number.isFinite(c) ? c : undefined;
  const s = c.trim();
  if (s === '') return null;
  return NUMBER_TEXT.test(s) ? Number(s) : undefined;
}

function matchesCode(c: Cell, codes: readonly number[]): boolean {
  if (c === null || codes.length === 0) return false;
  if (typeof c === 'number') return codes.includes(c);
  const s = c.trim();
  return NUMBER_TEXT.test(s) && codes.includes(Number(s));
}

/**
 * The edited variable and its converted cells.
 *
 * @param ds - working dataset.
 * @param t - the recipe.
 * @returns the variable (same name) and its cells, to replace the old ones in place.
 * @throws {DatasetTransformError} `missing-variable`; `non-numeric` naming the first row whose
 *   value is not a number when the type becomes numeric or Likert; `no-range` for a Likert type
 *   without a range; `out-of-domain` naming the rows outside the Likert range.
 * @example
 * ```ts
 * setMetadataColumn(ds, { op: 'setMetadata', variable: 'q1', type: 'likert', likert: { min: 1, max: 5 }, missingCodes: [9] });
 * ```
 */
export function setMetadataColumn(ds: WorkingDataset, t: SetMetadataTransform): { variable: Variable; values: Cell[] } {
  const { variable, cells } = getVariable(ds, t.variable);
  const type = t.type ?? variable.type;
  const missingCodes = t.missingCodes ? [...new Set(t.missingCodes)].sort((a, b) => a - b) : [...variable.missingCodes];
  const kept = cells.map((c) => (matchesCode(c, missingCodes) ? null : c));

  let values: Cell[];
  if (isNumericType(type)) {
    values = [];
    for (let i = 0; i < kept.length; i++) {
      const n = toNumber(kept[i]);
      if (n === undefined) {
        throw new DatasetTransformError(
          'non-numeric',
          `'${t.variable}' cannot be ${type}: ${describeRows([i], [JSON.stringify(kept[i])])} is not a number; recode it or set it missing first`,
          { variable: t.variable, rows: [i + 1] },
        );
      }
      values.push(n);
    }
  } else {
    values = kept.map((c) => (typeof c === 'number' ? String(c) : c));
  }

  let likert: Variable['likert'];
  if (type === 'likert') {
    likert = t.likert ?? variable.likert;
    if (!likert) throw new DatasetTransformError('no-range', `'${t.variable}' cannot be Likert without its range; give the lowest and highest response`, { variable: t.variable });
    const { min, max } = likert;
    const outside: number[] = [];
    values.forEach((v, i) => {
      if (typeof v === 'number' && (v < min || v > max)) outside.push(i);
    });
    if (outside.length) {
      throw new DatasetTransformError(
        'out-of-domain',
        `the Likert range ${min}–${max} of '${t.variable}' does not contain ${describeRows(outside, outside.map((i) => values[i]))}; widen the range or add a missing code`,
        { variable: t.variable, rows: oneBased(outside) },
      );
    }
  }

  const edited: Variable = {
    name: variable.name,
    label: t.label ?? variable.label,
    type,
    ...(likert ? { likert: { min: likert.min, max: likert.max } } : {}),
    valueLabels: { ...(t.valueLabels ?? variable.valueLabels) },
    missingCodes,
  };
  return { variable: edited, values };
}
