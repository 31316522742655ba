import { describe, expect, it } from 'vitest';
import type { Cell } from '@/lib/stats/frame';
import { matchCases } from './case-match';
import { MixedMethodsError } from './errors';
import { casesByVariable, filterBounds } from './qualitize';

// Rows r0…r10; row 2 is missing. All-rows values are 1…10:
//   R: quantile(c(10,3,8,1,9,4,7,2,6,5)) → 25% 3.25, 50% 5.5, 75% 7.75 (type 7).
const ids = Array.from({ length: 11 }, (_, i) => `r${i}`);
const column: Cell[] = [10, 3, null, 8, 1, 9, 4, 7, 2, 6, 5];
// Cases → rows (values): A r0 (10), B r1 (3), C r2 (missing), D r3 (8), E r4 (1), F r10 (5),
// G r7 (7), H r8 (2), I r6 (4), Zed (no row).
const caseNames = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'Zed'];
const caseRows = ['r0', 'r1', 'r2', 'r3', 'r4', 'r10', 'r7', 'r8', 'r6', 'nope'];
// Match on the row ids, then give the cases readable names for the assertions.
const match = matchCases(caseRows, ids);
const named = { ...match, matches: match.matches.map((m) => ({ ...m, caseName: caseNames[m.caseIndex] })) };
const pick = (...args: Parameters<typeof casesByVariable>) => casesByVariable(...args).map((c) => `${c.caseName}:${c.value}`);

describe('casesByVariable (quantiles over all rows, the default)', () => {
  it('top and bottom quartile: ≥ Q3 = 7.75, ≤ Q1 = 3.25', () => {
    expect(pick(named, column, { kind: 'top-quartile' })).toEqual(['A:10', 'D:8']);
    expect(pick(named, column, { kind: 'bottom-quartile' })).toEqual(['B:3', 'H:2', 'E:1']);
  });
  it('above and below the median 5.5', () => {
    expect(pick(named, column, { kind: 'above-median' })).toEqual(['A:10', 'D:8', 'G:7']);
    expect(pick(named, column, { kind: 'below-median' })).toEqual(['F:5', 'I:4', 'B:3', 'H:2', 'E:1']);
  });
  it('range, inclusive, either end optional; missing values left out', () => {
    expect(pick(named, column, { kind: 'range', min: 3, max: 7 })).toEqual(['G:7', 'F:5', 'I:4', 'B:3']);
    expect(pick(named, column, { kind: 'range', min: 8 })).toEqual(['A:10', 'D:8']);
    expect(pick(named, column, { kind: 'range' })).toEqual(['A:10', 'D:8', 'G:7', 'F:5', 'I:4', 'B:3', 'H:2', 'E:1']);
    expect(casesByVariable(named, column, { kind: 'range', max: 1 })).toEqual([{ caseName: 'E', caseIndex: 4, row: 4, value: 1 }]);
  });
});

describe('casesByVariable (quantiles over the matched cases)', () => {
  // Matched values 10, 3, 8, 1, 5, 7, 2, 4: R quantile → 25% 2.75, 50% 4.5, 75% 7.25.
  const opts = { reference: 'matched-cases' as const };
  it('uses the cases’ own distribution', () => {
    expect(filterBounds([10, 3, 8, 1, 5, 7, 2, 4], { kind: 'top-quartile' })).toEqual({ min: 7.25, max: null, includeMin: true, includeMax: false, n: 8 });
    expect(pick(named, column, { kind: 'top-quartile' }, opts)).toEqual(['A:10', 'D:8']);
    expect(pick(named, column, { kind: 'bottom-quartile' }, opts)).toEqual(['H:2', 'E:1']);
    expect(pick(named, column, { kind: 'below-median' }, opts)).toEqual(['I:4', 'B:3', 'H:2', 'E:1']);
    expect(pick(named, column, { kind: 'above-median' }, opts)).toEqual(['A:10', 'D:8', 'G:7', 'F:5']);
  });
});

describe('casesByVariable: ties and degenerate input', () => {
  it('leaves a case at the median out of both halves; ties keep case order', () => {
    const m3 = matchCases(['a', 'b', 'c'], ['a', 'b', 'c']);
    // median of 1, 2, 3 = 2: b is neither above nor below.
    expect(pick(m3, [1, 2, 3], { kind: 'above-median' })).toEqual(['c:3']);
    expect(pick(m3, [1, 2, 3], { kind: 'below-median' })).toEqual(['a:1']);
    // 1, 3, 2, 3: Q3 has h = 3 × 0.75 = 2.25 in 1, 2, 3, 3 → 3; b and d tie and keep case order.
    const m4 = matchCases(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd']);
    expect(pick(m4, [1, 3, 2, 3], { kind: 'top-quartile' })).toEqual(['b:3', 'd:3']);
  });
  it('returns nothing when the variable has no values', () => {
    expect(casesByVariable(named, column.map(() => null), { kind: 'top-quartile' })).toEqual([]);
    expect(filterBounds([], { kind: 'below-median' })).toBeNull();
  });
  it('refuses text, a reversed range and a match of other data', () => {
    const text: Cell[] = [...column];
    text[5] = 'high';
    expect(() => casesByVariable(named, text, { kind: 'top-quartile' }, { variable: 'brand' })).toThrow("variable 'brand' is not numeric: row 6 holds 'high'");
    expect(() => casesByVariable(named, column, { kind: 'range', min: 5, max: 2 })).toThrow('the range minimum 5 is above the maximum 2');
    expect(() => casesByVariable(named, column, { kind: 'range', min: Number.NaN })).toThrow(MixedMethodsError);
    expect(() => casesByVariable(named, column.slice(0, 5), { kind: 'range' })).toThrow('the case match covers 11 rows but the variable has 5; match the cases again');
  });
});
