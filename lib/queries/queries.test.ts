import { describe, expect, it } from 'vitest';

import { coOccurrence } from './co-occurrence';
import { coOccurrenceTable, codeMatrixTable, matrixCsv } from './export';
import { filterCodings } from './filters';
import { caseRanges } from '../cases/parts';
import { codeMatrix, matrixCellSegments } from './matrix';
import { retrieve } from './retrieval';
import type { QueryCode, QueryCoding, QuerySource } from './types';
import { paragraphUnits, turnUnits, unitsTouching } from './units';

const code = (id: string, level: 1 | 2, parentId: string | null = null): QueryCode => ({ id, label: id.toUpperCase(), name: `code ${id}`, level, parentId, color: '#000000' });
// Category b1 holds concepts c1 and c2; c3 is a concept without a category.
const codes = [code('b1', 2), code('c1', 1, 'b1'), code('c2', 1, 'b1'), code('c3', 1)];
let n = 0;
const k = (codeId: string, sourceId: string, start: number, end: number, coderId = 'ana', createdAt = '2026-03-01T10:00:00.000Z'): QueryCoding => ({
  id: `k${String(++n).padStart(2, '0')}`,
  codeId,
  sourceId,
  start,
  end,
  coderId,
  createdAt,
});
// s1 (interview, case A): "💚 one\n\ntwo three\nfour" — the emoji is one code point.
const s1Text = '💚 one\n\ntwo three\nfour';
const sources: QuerySource[] = [
  { id: 's1', title: 'One', kind: 'interview', caseId: 'A', text: s1Text },
  { id: 's2', title: 'Two', kind: 'literature', caseId: null, text: 'P1: yes\nmore\nI: and?\nP1: no' },
];
const codings = [
  k('c1', 's1', 0, 5), // "💚 one", paragraph 1
  k('c1', 's1', 0, 5, 'ben'), // same span, other coder: same segment
  k('c2', 's1', 2, 5, 'ben'), // inside it
  k('c3', 's1', 4, 11, 'ben', '2026-04-02T09:00:00.000Z'), // overlaps both, runs into paragraph 2 ("two")
  k('c3', 's1', 12, 16), // "three", paragraph 2
  k('c1', 's1', 17, 21), // "four", paragraph 3
  k('c1', 's2', 0, 7), // "P1: yes"
  k('c3', 's2', 8, 12, 'ben'), // "more" (continues P1's turn)
];

describe('code × source and code × case', () => {
  it('counts distinct segments, rolled up, against hand counts', () => {
    const m = codeMatrix({ by: 'source', codes, codings, sources });
    expect(m.rows.map((r) => [r.id, r.depth])).toEqual([
      ['b1', 0],
      ['c1', 1],
      ['c2', 1],
      ['c3', 0],
    ]);
    // b1 in s1: [0,5) (c1, two coders → once), [2,5) (c2), [17,21) (c1) = 3; in s2: [0,7) = 1.
    expect(m.counts).toEqual([
      [3, 1],
      [2, 1],
      [1, 0],
      [2, 1],
    ]);
    expect(m.rowTotals).toEqual([4, 3, 1, 3]);
    const byCase = codeMatrix({ by: 'case', codes, codings, sources, cases: [{ id: 'A', name: 'Case A' }] });
    expect(byCase.columns.map((c) => c.name)).toEqual(['Case A', 'No case']);
    expect(byCase.counts[0]).toEqual([3, 1]);
    expect(matrixCellSegments({ by: 'case', codes, codings, sources, codeId: 'b1', columnId: 'A' }).map((s) => [s.start, s.end, s.codingIds.length])).toEqual([
      [0, 5, 2],
      [2, 5, 1],
      [17, 21, 1],
    ]);
  });

  it('exports counts and presence', () => {
    const m = codeMatrix({ by: 'source', codes, codings, sources });
    const csv = matrixCsv(codeMatrixTable(m, 'presence', 't'));
    expect(csv.split('\r\n')[0]).toBe('\uFEFFLabel,Code,Level,One,Two,Total present');
    expect(csv.split('\r\n')[3]).toBe('C2,code c2,concept,1,0,1');
  });
});

describe('filters', () => {
  it('by source kind, case attribute, coder and date', () => {
    expect(filterCodings(codings, sources, { sourceKinds: ['literature'] })).toHaveLength(2);
    expect(filterCodings(codings, sources, { coderIds: ['ben'] }).map((c) => c.codeId)).toEqual(['c1', 'c2', 'c3', 'c3']);
    expect(filterCodings(codings, sources, { from: '2026-04-01', to: '2026-04-02' })).toHaveLength(1);
    const values = [{ caseId: 'A', attributeId: 'sector', value: 'retail' }];
    expect(filterCodings(codings, sources, { caseAttribute: { attributeId: 'sector', value: 'retail' } }, values)).toHaveLength(6);
    expect(filterCodings(codings, sources, { caseAttribute: { attributeId: 'sector', value: 'food' } }, values)).toHaveLength(0);
    expect(() => filterCodings(codings, sources, { from: '1/3/2026' })).toThrow(/'1\/3\/2026'/);
  });
});

describe('units', () => {
  it('paragraphs split at line breaks in code points; blank lines give none', () => {
    expect(paragraphUnits(s1Text)).toEqual([
      { start: 0, end: 5 },
      { start: 7, end: 16 },
      { start: 17, end: 21 },
    ]);
    expect(paragraphUnits('a\r\nb\rc')).toEqual([
      { start: 0, end: 1 },
      { start: 3, end: 4 },
      { start: 5, end: 6 },
    ]);
  });
  it('turns from speaker labels (continuation lines belong to the turn) or the stored structure', () => {
    expect(turnUnits('intro\nP1: yes\nmore\nI: and?\n访谈者：好')).toEqual([
      { start: 6, end: 18, speaker: 'P1' },
      { start: 19, end: 26, speaker: 'I' },
      { start: 27, end: 32, speaker: '访谈者' },
    ]);
    expect(turnUnits('no labels here. none: at all? x', null)).toEqual([]);
    expect(turnUnits('ab', JSON.stringify({ turns: [{ speaker: 'X', startMs: 0, endMs: 1, start: 0, end: 2 }] }))).toEqual([{ start: 0, end: 2, speaker: 'X' }]);
    expect(unitsTouching(paragraphUnits(s1Text), 4, 11)).toEqual([0, 1]);
    expect(unitsTouching(paragraphUnits(s1Text), 5, 7)).toEqual([]);
  });
});

describe('co-occurrence', () => {
  it('overlapping spans: one per pair of overlapping segments', () => {
    const m = coOccurrence({ codes, codings, sources, unit: 'overlap', level: 1 });
    expect(m.rows.map((r) => r.id)).toEqual(['c1', 'c2', 'c3']);
    // c1×c2: [0,5)∩[2,5). c1×c3: [0,5)∩[4,11) (the two coders' [0,5) are one segment). c2×c3: [2,5)∩[4,11).
    expect(m.counts).toEqual([
      [0, 1, 1],
      [1, 0, 1],
      [1, 1, 0],
    ]);
    const hits = coOccurrence({ codes, codings, sources, unit: 'overlap', level: 1, pair: ['c3', 'c1'] }).hits!;
    expect(hits.map((h) => [h.start, h.end, h.segments[0].codeIds[0], h.segments[1].codeIds[0]])).toEqual([[4, 5, 'c3', 'c1']]);
  });
  it('same paragraph, and roll-up to categories', () => {
    const m = coOccurrence({ codes, codings, sources, unit: 'paragraph', level: 1 });
    // Paragraph 1 of s1: c1, c2, c3. Paragraph 2: c3 only. s2 line 1: c1; line 2: c3.
    expect(m.counts).toEqual([
      [0, 1, 1],
      [1, 0, 1],
      [1, 1, 0],
    ]);
    // Categories: b1 has no other category to meet (c3 has no category) → 1×1 of 0.
    expect(coOccurrence({ codes, codings, sources, unit: 'paragraph', level: 2 }).counts).toEqual([[0]]);
  });
  it('same speaker turn: s2 has labelled turns, s1 none', () => {
    const m = coOccurrence({ codes, codings, sources, unit: 'turn', level: 1 });
    // s2: "P1: yes\nmore" is one turn holding c1 and c3.
    expect(m.counts[0][2]).toBe(1);
    expect(m.counts[0][1]).toBe(0);
    expect(m.sourcesWithoutUnits).toEqual(['s1']);
    const hits = coOccurrence({ codes, codings, sources, unit: 'turn', level: 1, pair: ['c1', 'c3'] }).hits!;
    expect(hits).toEqual([expect.objectContaining({ sourceId: 's2', start: 0, end: 12, speaker: 'P1', number: 1 })]);
    expect(coOccurrenceTable(m, 't').rows[0]).toEqual(['C1', 'code c1', 'concept', null, 0, 1]);
  });
});

describe('boolean retrieval', () => {
  it('A AND B: segments of A overlapping B; A OR B; A NOT B', () => {
    const spans = (op: 'and' | 'or' | 'not', a: string, b: string) => retrieve({ operator: op, a, b, codes, codings }).map((s) => `${s.sourceId}:${s.start}-${s.end}`);
    expect(spans('and', 'c1', 'c3')).toEqual(['s1:0-5']);
    expect(spans('not', 'c1', 'c3')).toEqual(['s1:17-21', 's2:0-7']);
    expect(spans('or', 'c2', 'c3')).toEqual(['s1:2-5', 's1:4-11', 's1:12-16', 's2:8-12']);
    // Roll-up: b1 = c1 ∪ c2; touching is not overlapping ([0,7) and [8,12) in s2).
    expect(spans('and', 'b1', 'c3')).toEqual(['s1:0-5', 's1:2-5']);
    // A coder filter narrows B as well: Ana's c3 ([12,16)) overlaps none of her c1 segments.
    const only = (coder: string) => retrieve({ operator: 'and', a: 'c1', b: 'c3', codes, codings: filterCodings(codings, sources, { coderIds: [coder] }) });
    expect(only('ana')).toEqual([]);
    expect(only('ben')).toEqual([expect.objectContaining({ start: 0, end: 5, codingIds: ['k02'] })]);
  });
});

describe('code × case with parts of sources (lib/cases/parts.ts)', () => {
  // s2 "P1: yes\nmore\nI: and?\nP1: no" as a transcript: P1 [0,12), I [13,20), P1 [21,27);
  // speaker P1 in case B, speaker I in case C; s1 wholly in case A.
  const structure = JSON.stringify({ turns: [{ speaker: 'P1', start: 0, end: 12 }, { speaker: 'I', start: 13, end: 20 }, { speaker: 'P1', start: 21, end: 27 }] });
  const ranges = caseRanges(
    [{ id: 's1', caseId: 'A', length: 21 }, { id: 's2', caseId: null, length: 27, structure }],
    [{ caseId: 'B', sourceId: 's2', start: 0, end: 27, speaker: 'P1' }, { caseId: 'C', sourceId: 's2', start: 0, end: 27, speaker: 'I' }],
  );
  const spanning = k('c2', 's2', 10, 16); // "re\nI: " — in P1's and I's turns
  const all = [...codings, spanning];
  const cases = [{ id: 'A', name: 'A' }, { id: 'B', name: 'B' }, { id: 'C', name: 'C' }];

  it('a segment counts in every case whose text it overlaps; no "No case" column when all are held', () => {
    const m = codeMatrix({ by: 'case', codes, codings: all, sources, cases, caseRanges: ranges });
    expect(m.columns.map((c) => c.name)).toEqual(['A', 'B', 'C']);
    // b1: A as before 3; B: [0,7) c1 and [10,16) c2 = 2; C: [10,16) = 1. Total distinct: 3 + 2.
    expect(m.counts[0]).toEqual([3, 2, 1]);
    expect(m.rowTotals[0]).toBe(5);
    // c3: A [4,11), [12,16) = 2; B: [8,12) "more" = 1; C 0.
    expect(m.counts[3]).toEqual([2, 1, 0]);
    expect(matrixCellSegments({ by: 'case', codes, codings: all, sources, codeId: 'b1', columnId: 'C', caseRanges: ranges }).map((s) => [s.sourceId, s.start, s.end])).toEqual([['s2', 10, 16]]);
  });

  it('the case attribute filter keeps codings in the text of a case holding the value', () => {
    const kept = filterCodings(all, sources, { caseAttribute: { attributeId: 'role', value: 'moderator' } }, [{ caseId: 'C', attributeId: 'role', value: 'moderator' }], ranges);
    expect(kept.map((c) => [c.sourceId, c.start, c.end])).toEqual([['s2', 10, 16]]);
  });
});
