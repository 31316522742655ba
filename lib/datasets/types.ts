/**
 * The dataset model shared by import, transforms, scales and analyses. Pure data: no I/O.
 *
 * A dataset version is immutable: imports create version 1, every computed variable, recode or
 * scale score creates the next version (the recipe that made it is kept, so a version can be
 * explained and rebuilt). Values are stored column-major; missing is `null`.
 */
import type { Cell } from '@/lib/stats/frame';

/** How a variable is measured. `likert` carries its range (e.g. 1–5) for reverse-coding. */
export type VariableType = 'numeric' | 'categorical' | 'likert' | 'text' | 'date';

/** One variable (column) with its metadata, as SPSS's Variable View shows it. */
export interface Variable {
  /** Unique, stable within a dataset; the name analyses and R scripts use. */
  readonly name: string;
  /** Longer description (SPSS variable label); '' when none. */
  readonly label: string;
  readonly type: VariableType;
  /** Likert range, set when `type === 'likert'`. */
  readonly likert?: { readonly min: number; readonly max: number };
  /** Code → label (SPSS value labels), e.g. { 1: 'Strongly disagree' }. Keys are the stored values as strings. */
  readonly valueLabels: Readonly<Record<string, string>>;
  /** Codes that mean "missing" (SPSS user-missing); already turned into null in the values. */
  readonly missingCodes: readonly number[];
}

/** A table of data: variables in order, and one column of cells per variable (same length). */
export interface Dataset {
  readonly variables: readonly Variable[];
  /** variable name → cells; numbers for numeric/likert, strings for categorical/text/date, null = missing. */
  readonly columns: Readonly<Record<string, readonly Cell[]>>;
  readonly rowCount: number;
}
