/**
 * Matching interview cases to survey rows by an identifier, and joining quantitized coding
 * (./quantitize.ts) to the dataset as new variables.
 *
 * The matching rule, as a methods section can state it: a case matches a row when the case's
 * name and the row's identifier are equal after trimming surrounding whitespace, ignoring
 * letter case (Unicode NFC, lower-cased); identifiers written as plain decimal numerals
 * (an optional sign, digits, an optional fraction: "7", "007", "7.0", "-3.50") are compared
 * by numeric value, so "7", "7.0", "007" and the number 7 are the same id, while "7a",
 * "R7" or "1e3" are compared as text. Numerals are compared exactly as decimal strings (no
 * floating-point rounding), so long numeric ids such as phone-like codes never collide.
 * Empty ids and missing cells are missing: ignored, but counted.
 *
 * Nothing is dropped silently: every case ends up in exactly one of `matches`,
 * `unmatchedCases` (no row has its id) and `ambiguousCases` (its id is on more than one row,
 * or another case has the same id — either way no row is assigned).
 */
import type { Dataset, Variable } from '@/lib/datasets/types';
import { nameProblem } from '@/lib/datasets/transform/names';
import type { Cell } from '@/lib/stats/frame';
import { MixedMethodsError } from './errors';
import type { Quantitized, QuantitizeMeasure } from './quantitize';

/** A case matched to one dataset row. */
export interface CaseRowMatch {
  caseName: string;
  /** Position of the case in the `caseNames` given (and in the quantitized values). */
  caseIndex: number;
  /** 0-based dataset row. */
  row: number;
}

/** Why a case was not matched although its id occurs (or could occur) in the data. */
export interface CaseAmbiguity {
  caseName: string;
  caseIndex: number;
  /** 'duplicate-id': the id is on several rows; 'duplicate-case': another case has the same id. */
  reason: 'duplicate-id' | 'duplicate-case';
  /** 0-based rows carrying the id (empty when no row does). */
  rows: number[];
}

/** The outcome of {@link matchCases}. */
export interface CaseMatch {
  /** In the order of the cases. */
  matches: CaseRowMatch[];
  /** Cases whose id is on no row (or whose name is blank), in case order. */
  unmatchedCases: string[];
  /** Cases not matched because their id is not unique (see `ambiguities`), in case order. */
  ambiguousCases: string[];
  /** The reason for each ambiguous case. */
  ambiguities: CaseAmbiguity[];
  /** Dataset ids with no case, once each, in data order, as text (as first written in the data). */
  unmatchedIds: string[];
  /** Ids on more than one row, once each, in data order, as text. Their rows are never matched. */
  duplicateIds: string[];
  /** Rows whose id is missing (null or blank). */
  missingIds: number;
  /** Rows in the id column; checked by {@link joinQuantitized}. */
  rowCount: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** A numeral's canonical form: no leading zeros, no trailing fraction zeros, no "-0". */
function decimalKey(text: string): string | null {
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const int = m[2].replace(/^0+/, '') || '0';
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return `n:${m[1] === '-' && body !== '0' ? '-' : ''}${body}`;
}

/**
 * The comparison key of an identifier under the matching rule (module comment), or null when
 * the id is missing. Exposed so callers (and the join's consistency check) use one rule.
 *
 * @example idKey(' 007 ') === idKey(7) // true; idKey('R12') === idKey('r12') // true
 */
export function idKey(id: Cell): string | null {
  if (id === null) return null;
  if (typeof id === 'number') {
    if (!Number.isFinite(id)) return null;
    const text = String(id);
    // Exponent notation (|x| ≥ 1e21 or tiny fractions) is kept as written.
    return decimalKey(text) ?? `n:${text}`;
  }
  const text = id.trim();
  if (text === '') return null;
  return decimalKey(text) ?? `t:${text.normalize('NFC').toLowerCase()}`;
}

const idText = (id: Cell): string => (typeof id === 'string' ? id.trim() : String(id));

/**
 * Matches interview cases to dataset rows by an identifier column (rule: module comment).
 *
 * @param caseNames - the cases' identifiers (their names), in case order.
 * @param idColumn - the dataset's identifier column, one cell per row.
 * @returns the matches and every case or id that could not be matched, with the reason.
 * @example
 * ```ts
 * matchCases(['R7', 'r8', '9'], ['r7', 'R8', 9, 9, null]);
 * // matches R7→0, r8→1; ambiguousCases ['9'] (id 9 on rows 2 and 3); duplicateIds ['9']; missingIds 1
 * ```
 */
export function matchCases(caseNames: readonly string[], idColumn: readonly Cell[]): CaseMatch {
  const rowsByKey = new Map<string, number[]>();
  const textByKey = new Map<string, string>();
  let missingIds = 0;
  idColumn.forEach((cell, row) => {
    const key = idKey(cell);
    if (key === null) {
      missingIds += 1;
      return;
    }
    const rows = rowsByKey.get(key);
    if (rows) rows.push(row);
    else {
      rowsByKey.set(key, [row]);
      textByKey.set(key, idText(cell));
    }
  });

  const caseKeys = caseNames.map((name) => idKey(name));
  const casesByKey = new Map<string, number>();
  for (const key of caseKeys) if (key !== null) casesByKey.set(key, (casesByKey.get(key) ?? 0) + 1);

  const out: CaseMatch = { matches: [], unmatchedCases: [], ambiguousCases: [], ambiguities: [], unmatchedIds: [], duplicateIds: [], missingIds, rowCount: idColumn.length };
  caseNames.forEach((caseName, caseIndex) => {
    const key = caseKeys[caseIndex];
    const rows = key === null ? undefined : rowsByKey.get(key);
    if (key !== null && casesByKey.get(key)! > 1) {
      out.ambiguousCases.push(caseName);
      out.ambiguities.push({ caseName, caseIndex, reason: 'duplicate-case', rows: rows ? [...rows] : [] });
    } else if (rows === undefined) {
      out.unmatchedCases.push(caseName);
    } else if (rows.length > 1) {
      out.ambiguousCases.push(caseName);
      out.ambiguities.push({ caseName, caseIndex, reason: 'duplicate-id', rows: [...rows] });
    } else {
      out.matches.push({ caseName, caseIndex, row: rows[0] });
    }
  });
  // Map iteration follows insertion, i.e. the data order of each id's first row.
  for (const [key, rows] of rowsByKey) {
    if (rows.length > 1) out.duplicateIds.push(textByKey.get(key)!);
    if (!casesByKey.has(key)) out.unmatchedIds.push(textByKey.get(key)!);
  }
  return out;
}

const VALUE_LABELS: Partial<Record<QuantitizeMeasure, Record<string, string>>> = {
  presence: { 0: 'absent', 1: 'present' },
  coder: { 0: 'not coded', 1: 'coded' },
};

/**
 * Appends quantitized variables to a dataset: type 'numeric', the quantitized label, value
 * labels for presence (0 absent, 1 present) and coder (0 not coded, 1 coded) variables; rows
 * without a matched case get null (missing, not 0: those respondents were not interviewed).
 * The dataset given is not changed.
 *
 * @param dataset - the survey data.
 * @param idVariable - the identifier variable the match was made on (checked against the match).
 * @param quantitized - the output of `quantitize`.
 * @param match - `matchCases(quantitized.caseNames, dataset.columns[idVariable])`.
 * @returns a new dataset with the variables appended after the existing ones.
 * @throws {MixedMethodsError} `missing-variable` (no such id variable), `stale-match` (the match
 *   was made on other data or other cases), `name-clash` (a new name exists, ignoring case),
 *   `invalid-name`.
 * @example
 * ```ts
 * const match = matchCases(q.caseNames, dataset.columns.resp_id);
 * const joined = joinQuantitized(dataset, 'resp_id', q, match);
 * ```
 */
export function joinQuantitized(dataset: Dataset, idVariable: string, quantitized: Quantitized, match: CaseMatch): Dataset {
  const idColumn = dataset.columns[idVariable];
  if (idColumn === undefined) throw new MixedMethodsError('missing-variable', `variable '${idVariable}' is not in the dataset`, { variable: idVariable });
  if (match.rowCount !== dataset.rowCount || idColumn.length !== dataset.rowCount) {
    throw new MixedMethodsError('stale-match', `the case match covers ${match.rowCount} rows but the dataset has ${dataset.rowCount}; match the cases again`, { variable: idVariable });
  }
  for (const m of match.matches) {
    if (quantitized.caseNames[m.caseIndex] !== m.caseName || idKey(idColumn[m.row]) !== idKey(m.caseName)) {
      throw new MixedMethodsError('stale-match', `case '${m.caseName}' is not matched to row ${m.row + 1} by '${idVariable}' in this data; match the cases again`, {
        variable: idVariable,
        rows: [m.row + 1],
      });
    }
  }

  const taken = new Set(dataset.variables.map((v) => v.name.toLowerCase()));
  const variables: Variable[] = [...dataset.variables];
  const columns: Record<string, readonly Cell[]> = { ...dataset.columns };
  for (const q of quantitized.variables) {
    const problem = nameProblem(q.name);
    if (problem) throw new MixedMethodsError('invalid-name', problem, { variable: q.name });
    if (taken.has(q.name.toLowerCase())) {
      throw new MixedMethodsError('name-clash', `variable '${q.name}' already exists in the dataset; rename or remove it before adding the quantitized coding again`, { variable: q.name });
    }
    taken.add(q.name.toLowerCase());
    const column = new Array<Cell>(dataset.rowCount).fill(null);
    for (const m of match.matches) column[m.row] = q.values[m.caseIndex];
    variables.push({ name: q.name, label: q.label, type: 'numeric', valueLabels: { ...(VALUE_LABELS[q.measure] ?? {}) }, missingCodes: [] });
    columns[q.name] = column;
  }
  return { variables, columns, rowCount: dataset.rowCount };
}
