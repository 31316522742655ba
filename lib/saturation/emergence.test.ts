import { describe, expect, it } from 'vitest';

import { codingOrder } from './coding-order';
import { codesPerSource, emergence, newCodesPerSource } from './emergence';
import type { SaturationCode, SaturationSource } from './types';

// A1 ← B1 ← C1, C2 ; A1 ← B2 ← C3 ; B3 (no parent) ← C4 ; C5 unplaced ; B4 never coded.
const codes: SaturationCode[] = [
  { id: 'A1', label: 'A1', name: 'Brand meaning', level: 3, parentId: null },
  { id: 'B1', label: 'B1', name: 'Trust', level: 2, parentId: 'A1' },
  { id: 'B2', label: 'B2', name: 'Price', level: 2, parentId: 'A1' },
  { id: 'B3', label: 'B3', name: 'Habit', level: 2, parentId: null },
  { id: 'B4', label: 'B4', name: 'Never coded', level: 2, parentId: null },
  { id: 'C1', label: 'C1', name: 'Word of mouth', level: 1, parentId: 'B1' },
  { id: 'C2', label: 'C2', name: 'Reviews', level: 1, parentId: 'B1' },
  { id: 'C3', label: 'C3', name: 'Discounts', level: 1, parentId: 'B2' },
  { id: 'C4', label: 'C4', name: 'Routine', level: 1, parentId: 'B3' },
  { id: 'C5', label: 'C5', name: 'Loose', level: 1, parentId: null },
  { id: 'CC1', label: 'CC1', name: 'Core', level: 4, parentId: null },
];
const coding = (sourceId: string, codeId: string) => ({ sourceId, codeId, coderId: 'u1' });

describe('emergence', () => {
  it('counts new concepts, categories and main categories per source, with cumulative counts', () => {
    const points = emergence(
      ['s1', 's2', 's3', 's4'],
      codes,
      [
        // s1: C1 → C1, and through it B1 and A1 appear.
        coding('s1', 'C1'),
        coding('s1', 'C1'),
        // s2: C2 is new; B1, A1 already seen. B3 coded directly (no concept) → B3 appears.
        coding('s2', 'C2'),
        coding('s2', 'C1'),
        coding('s2', 'B3'),
        // s3: nothing new (C4 would be new — it is in s4 instead).
        coding('s3', 'C2'),
        // s4: C3 (and B2 through it), C4 (B3 already seen), C5; a core category coding is not counted.
        coding('s4', 'C3'),
        coding('s4', 'C4'),
        coding('s4', 'C5'),
        coding('s4', 'CC1'),
        // codings of sources outside the order and of unknown codes are ignored
        coding('other', 'B4'),
        coding('s1', 'gone'),
      ],
    );
    expect(points.map((p) => p.added)).toEqual([
      { 1: ['C1'], 2: ['B1'], 3: ['A1'] },
      { 1: ['C2'], 2: ['B3'], 3: [] },
      { 1: [], 2: [], 3: [] },
      { 1: ['C3', 'C4', 'C5'], 2: ['B2'], 3: [] },
    ]);
    expect(points.map((p) => p.cumulative)).toEqual([
      { 1: 1, 2: 1, 3: 1 },
      { 1: 2, 2: 2, 3: 1 },
      { 1: 2, 2: 2, 3: 1 },
      { 1: 5, 2: 3, 3: 1 },
    ]);
    expect(points.map((p) => p.position)).toEqual([1, 2, 3, 4]);
  });

  it('gives an empty curve for no sources, and zeros for uncoded ones', () => {
    expect(emergence([], codes, [])).toEqual([]);
    expect(emergence(['s1'], codes, [])[0].cumulative).toEqual({ 1: 0, 2: 0, 3: 0 });
  });

  it('survives a parent cycle', () => {
    const cyclic: SaturationCode[] = [
      { id: 'x', label: 'B1', name: 'x', level: 2, parentId: 'y' },
      { id: 'y', label: 'B2', name: 'y', level: 2, parentId: 'x' },
    ];
    expect(emergence(['s'], cyclic, [coding('s', 'x')])[0].cumulative[2]).toBe(2);
  });

  it("counts Guest's unit: codes applied directly, new per source", () => {
    const per = codesPerSource(['s1', 's2', 's3'], codes, [coding('s1', 'C1'), coding('s1', 'B1'), coding('s2', 'C1'), coding('s2', 'C2'), coding('s3', 'C2'), coding('s3', 'nope')]);
    expect(per.map((s) => [...s].sort())).toEqual([['B1', 'C1'], ['C1', 'C2'], ['C2']]);
    expect(newCodesPerSource(per)).toEqual([2, 1, 0]);
  });
});

describe('codingOrder', () => {
  const src = (id: string, firstCodedAt: string | null, codingOrder: number | null = null): SaturationSource => ({ id, title: id.toUpperCase(), kind: 'interview', codingOrder, saturationTest: false, firstCodedAt });

  it('orders by first coding and leaves uncoded sources out', () => {
    const o = codingOrder([src('b', '2026-01-03T00:00:00Z'), src('a', '2026-01-01T00:00:00Z'), src('c', null), src('d', '2026-01-01T00:00:00Z')]);
    expect(o.mode).toBe('first-coded');
    expect(o.ordered.map((s) => s.id)).toEqual(['a', 'd', 'b']);
    expect(o.uncoded.map((s) => s.id)).toEqual(['c']);
  });

  it("puts the user's order first, then the rest by first coding", () => {
    const o = codingOrder([src('a', '2026-01-01T00:00:00Z'), src('b', '2026-01-02T00:00:00Z', 2), src('c', null, 1), src('d', null)]);
    expect(o.mode).toBe('user');
    expect(o.ordered.map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(o.uncoded.map((s) => s.id)).toEqual(['d']);
  });
});
