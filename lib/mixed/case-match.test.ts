import { describe, expect, it } from 'vitest';
import type { Dataset } from '@/lib/datasets/types';
import type { Cell } from '@/lib/stats/frame';
import { idKey, joinQuantitized, matchCases, type CaseMatch } from './case-match';
import { MixedMethodsError } from './errors';
import type { Quantitized } from './quantitize';

/** Every case in exactly one of the three outcomes. */
function expectPartition(caseNames: string[], match: CaseMatch) {
  const where = caseNames.map(() => 0);
  for (const m of match.matches) where[m.caseIndex] += 1;
  for (const a of match.ambiguities) where[a.caseIndex] += 1;
  expect(match.matches.length + match.unmatchedCases.length + match.ambiguousCases.length).toBe(caseNames.length);
  expect(where.every((n) => n <= 1)).toBe(true);
}

describe('idKey', () => {
  it('compares numerals by value, exactly', () => {
    for (const same of [7, '7', ' 7 ', '7.0', '007', '+7', 7.0, '7.']) expect(idKey(same)).toBe(idKey(7));
    expect(idKey('07.50')).toBe(idKey(7.5));
    expect(idKey('-0')).toBe(idKey(0));
    expect(idKey('-3')).not.toBe(idKey(3));
    // Beyond double precision the digits still tell long ids apart.
    expect(idKey('12345678901234567891')).not.toBe(idKey('12345678901234567892'));
  });
  it('compares text trimmed and ignoring case; not-quite numerals are text', () => {
    expect(idKey(' R12 ')).toBe(idKey('r12'));
    expect(idKey('1e3')).not.toBe(idKey(1000));
    expect(idKey('7a')).not.toBe(idKey(7));
    expect(idKey('.')).toBe('t:.');
  });
  it('reads null, blank and non-finite ids as missing', () => {
    expect([null, '', '   ', Number.NaN].map(idKey)).toEqual([null, null, null, null]);
  });
});

describe('matchCases', () => {
  it('matches, and reports unmatched cases and ids, duplicates and missing ids', () => {
    const caseNames = ['R7', 'r8', '9', 'Zoe', '007', ' '];
    const ids: Cell[] = ['r7', 'R8', 9, 9, null, 7, 'x1', '', 'x1', 'Y2'];
    const match = matchCases(caseNames, ids);
    expect(match.matches).toEqual([
      { caseName: 'R7', caseIndex: 0, row: 0 },
      { caseName: 'r8', caseIndex: 1, row: 1 },
      { caseName: '007', caseIndex: 4, row: 5 },
    ]);
    // '9' is on rows 2 and 3: ambiguous, never guessed. Zoe has no row; a blank name matches nothing.
    expect(match.ambiguousCases).toEqual(['9']);
    expect(match.ambiguities).toEqual([{ caseName: '9', caseIndex: 2, reason: 'duplicate-id', rows: [2, 3] }]);
    expect(match.unmatchedCases).toEqual(['Zoe', ' ']);
    expect(match.duplicateIds).toEqual(['9', 'x1']);
    expect(match.unmatchedIds).toEqual(['x1', 'Y2']);
    expect(match.missingIds).toBe(2);
    expect(match.rowCount).toBe(10);
    expectPartition(caseNames, match);
  });

  it('never gives one row to two cases with the same id', () => {
    const caseNames = ['A1', 'a1 ', 'B'];
    const match = matchCases(caseNames, ['a1', 'b']);
    expect(match.matches).toEqual([{ caseName: 'B', caseIndex: 2, row: 1 }]);
    expect(match.ambiguousCases).toEqual(['A1', 'a1 ']);
    expect(match.ambiguities.map((a) => [a.reason, a.rows])).toEqual([
      ['duplicate-case', [0]],
      ['duplicate-case', [0]],
    ]);
    // The id has cases (ambiguous ones), so it is not reported as without a case.
    expect(match.unmatchedIds).toEqual([]);
    expectPartition(caseNames, match);
  });

  it('handles empty inputs', () => {
    expect(matchCases([], [])).toEqual({ matches: [], unmatchedCases: [], ambiguousCases: [], ambiguities: [], unmatchedIds: [], duplicateIds: [], missingIds: 0, rowCount: 0 });
    expect(matchCases(['A'], [null, null])).toMatchObject({ unmatchedCases: ['A'], missingIds: 2 });
  });
});

describe('joinQuantitized', () => {
  const dataset: Dataset = {
    variables: [
      { name: 'id', label: 'Respondent', type: 'text', valueLabels: {}, missingCodes: [] },
      { name: 'perf', label: 'Performance', type: 'numeric', valueLabels: {}, missingCodes: [] },
    ],
    columns: { id: ['Anna', 'x', 'ben', 'Cleo'], perf: [3, 4, 5, null] },
    rowCount: 4,
  };
  const quantitized: Quantitized = {
    caseNames: ['Anna', 'Ben', 'Cleo', 'Dan'],
    variables: [
      { name: 'q_B3_presence', label: 'B3 Brand building — presence (rolled up)', measure: 'presence', codeId: 'b3', rolledUp: true, values: [1, 1, 0, 1] },
      { name: 'q_B3_share', label: 'B3 Brand building — share of case text coded (rolled up)', measure: 'share', codeId: 'b3', rolledUp: true, values: [0.4, 0.25, null, 0.1] },
      { name: 'q_C5_coder_u1', label: 'C5 Pricing — coded by u1', measure: 'coder', codeId: 'c5', rolledUp: false, values: [0, 1, 0, 0] },
    ],
  };

  it('appends the variables, null for rows without a case', () => {
    const match = matchCases(quantitized.caseNames, dataset.columns.id);
    const joined = joinQuantitized(dataset, 'id', quantitized, match);
    expect(joined.rowCount).toBe(4);
    expect(joined.variables.map((v) => v.name)).toEqual(['id', 'perf', 'q_B3_presence', 'q_B3_share', 'q_C5_coder_u1']);
    // Rows: Anna, x (no case), ben, Cleo; Dan has no row.
    expect(joined.columns.q_B3_presence).toEqual([1, null, 1, 0]);
    expect(joined.columns.q_B3_share).toEqual([0.4, null, 0.25, null]);
    expect(joined.columns.q_C5_coder_u1).toEqual([0, null, 1, 0]);
    expect(joined.variables[2]).toEqual({ name: 'q_B3_presence', label: 'B3 Brand building — presence (rolled up)', type: 'numeric', valueLabels: { 0: 'absent', 1: 'present' }, missingCodes: [] });
    expect(joined.variables[3].valueLabels).toEqual({});
    expect(joined.variables[4].valueLabels).toEqual({ 0: 'not coded', 1: 'coded' });
    // The input is untouched.
    expect(dataset.variables).toHaveLength(2);
    expect(Object.keys(dataset.columns)).toEqual(['id', 'perf']);
  });

  it('refuses a name that exists (ignoring case), naming it', () => {
    const taken: Dataset = { ...dataset, variables: [...dataset.variables, { name: 'Q_B3_Share', label: '', type: 'numeric', valueLabels: {}, missingCodes: [] }], columns: { ...dataset.columns, Q_B3_Share: [0, 0, 0, 0] } };
    const match = matchCases(quantitized.caseNames, taken.columns.id);
    const run = () => joinQuantitized(taken, 'id', quantitized, match);
    expect(run).toThrow(MixedMethodsError);
    expect(run).toThrow("variable 'q_B3_share' already exists in the dataset");
  });

  it('refuses an unknown id variable and a match made on other data', () => {
    const match = matchCases(quantitized.caseNames, dataset.columns.id);
    expect(() => joinQuantitized(dataset, 'resp', quantitized, match)).toThrow("variable 'resp' is not in the dataset");
    expect(() => joinQuantitized(dataset, 'perf', quantitized, match)).toThrow(/case 'Anna' is not matched to row 1 by 'perf'/);
    expect(() => joinQuantitized(dataset, 'id', quantitized, matchCases(quantitized.caseNames, ['Anna']))).toThrow(/covers 1 rows but the dataset has 4/);
  });
});
