import { describe, expect, it } from 'vitest';

import type { HierarchyCode } from '../coding/hierarchy-types';
import { ancestorAtLevel, buildCaseMatrix, cellText } from './matrix';
import { caseMatrixCsv } from './matrix-export';
import { triangulate } from './triangulation';

const code = (id: string, level: 1 | 2 | 3 | 4, parentId: string | null, label: string): HierarchyCode => ({ id, name: id.toUpperCase(), label, level, parentId, color: '#000000', definition: '' });

// A1 ← B1 ← {C1, C2};  B2 ← C3;  C4 unplaced; a broken link: C5's parent is A1 (two levels up).
const codes = [code('a1', 3, null, 'A1'), code('b1', 2, 'a1', 'B1'), code('b2', 2, null, 'B2'), code('c1', 1, 'b1', 'C1'), code('c2', 1, 'b1', 'C2'), code('c3', 1, 'b2', 'C3'), code('c4', 1, null, 'C4'), code('c5', 1, 'a1', 'C5')];

describe('ancestorAtLevel', () => {
  it('maps each code to its ancestor at the level under the one-level-up reading', () => {
    const up = ancestorAtLevel(codes, 2);
    expect(Object.fromEntries(up)).toEqual({ b1: 'b1', b2: 'b2', c1: 'b1', c2: 'b1', c3: 'b2' });
    expect(Object.fromEntries(ancestorAtLevel(codes, 3))).toEqual({ a1: 'a1', b1: 'a1', c1: 'a1', c2: 'a1' });
  });
});

describe('buildCaseMatrix', () => {
  const cases = [
    { id: 'p1', name: 'P1' },
    { id: 'p2', name: 'P2' },
  ];
  const sources = [
    { id: 's1', caseId: 'p1' },
    { id: 's2', caseId: 'p1' },
    { id: 's3', caseId: 'p2' },
    { id: 's4', caseId: null },
  ];
  const codings = [
    // P1, B1: 0–10 coded C1 by two coders and C2 → one segment; 5–15 (overlapping, different range) → another; s2 0–10 → third.
    { codeId: 'c1', sourceId: 's1', start: 0, end: 10 },
    { codeId: 'c1', sourceId: 's1', start: 0, end: 10 },
    { codeId: 'c2', sourceId: 's1', start: 0, end: 10 },
    { codeId: 'c2', sourceId: 's1', start: 5, end: 15 },
    { codeId: 'c1', sourceId: 's2', start: 0, end: 10 },
    // P1, B1 itself coded directly: same span as a concept → still the same segment.
    { codeId: 'b1', sourceId: 's2', start: 0, end: 10 },
    // P2: B2 once; C4 (unplaced) and A1 (above the level) count nowhere at level 2.
    { codeId: 'c3', sourceId: 's3', start: 1, end: 2 },
    { codeId: 'c4', sourceId: 's3', start: 1, end: 2 },
    { codeId: 'a1', sourceId: 's3', start: 3, end: 4 },
    // No case: left out.
    { codeId: 'c1', sourceId: 's4', start: 0, end: 10 },
  ];

  it('counts distinct segments per case and category, rolled up from concepts', () => {
    const m = buildCaseMatrix({ level: 2, codes, cases, sources, codings, summaries: [{ caseId: 'p2', codeId: 'b2', text: 'Trust via samples' }] });
    expect(m.columns.map((c) => c.label)).toEqual(['B1', 'B2']);
    expect(m.rows.map((r) => r.counts)).toEqual([
      [3, 0],
      [0, 1],
    ]);
    expect(m.rows.map((r) => r.sources)).toEqual([2, 1]);
    expect(m.sourcesWithoutCase).toBe(1);
    expect(cellText(m.rows[0], 0, 'presence')).toBe('✓');
    expect(cellText(m.rows[1], 0, 'presence')).toBe('');
    expect(cellText(m.rows[1], 1, 'summary')).toBe('Trust via samples');
  });

  it('at level 3 the main category gathers everything below it', () => {
    const m = buildCaseMatrix({ level: 3, codes, cases, sources, codings });
    expect(m.rows.map((r) => r.counts)).toEqual([[3], [1]]);
  });

  it('concept level: every concept its own column, unplaced ones included', () => {
    const m = buildCaseMatrix({ level: 1, codes, cases, sources, codings });
    expect(m.columns.map((c) => c.label)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
    expect(m.rows[0].counts).toEqual([2, 2, 0, 0, 0]);
    expect(m.rows[1].counts).toEqual([0, 0, 1, 1, 0]);
  });

  it('exports CSV with key attributes before the codes', () => {
    const m = buildCaseMatrix({ level: 2, codes, cases, sources, codings, attributes: [{ id: 'x', name: 'Age', type: 'number', values: { p1: '34' } }] });
    expect(caseMatrixCsv(m, 'count')).toBe('\uFEFFCase,Age,B1 B1,B2 B2\r\nP1,34,3,0\r\nP2,,0,1\r\n');
    expect(caseMatrixCsv(m, 'presence')).toBe('\uFEFFCase,Age,B1 B1,B2 B2\r\nP1,34,✓,\r\nP2,,,✓\r\n');
  });
});

describe('triangulate', () => {
  it('counts distinct sources per kind and linked constructs, rolled up', () => {
    const rows = triangulate({
      codes,
      sources: [
        { id: 'i1', kind: 'interview' },
        { id: 'i2', kind: 'interview' },
        { id: 'l1', kind: 'literature' },
        { id: 'f1', kind: 'fieldnote' },
        { id: 'x', kind: 'weird' },
      ],
      codings: [
        { codeId: 'c1', sourceId: 'i1' },
        { codeId: 'c2', sourceId: 'i1' },
        { codeId: 'c1', sourceId: 'i2' },
        { codeId: 'b1', sourceId: 'l1' },
        { codeId: 'c3', sourceId: 'f1' },
        { codeId: 'c3', sourceId: 'x' },
      ],
      links: [
        { codeId: 'b1', target: 'scale:1', name: 'Trust' },
        { codeId: 'c1', target: 'scale:1', name: 'Trust' },
        { codeId: 'c2', target: 'variable:age', name: 'age' },
      ],
    });
    expect(rows.map((r) => r.label)).toEqual(['A1', 'B1', 'B2']);
    const b1 = rows[1];
    expect(b1.counts).toEqual({ interview: 2, literature: 1, fieldnote: 0, document: 0, other: 0, statistics: 2 });
    expect(b1.kinds).toBe(3);
    expect(b1.constructs).toEqual(['Trust', 'age']);
    expect(rows[0].counts).toEqual(b1.counts);
    expect(rows[2].counts).toEqual({ interview: 0, literature: 0, fieldnote: 1, document: 0, other: 1, statistics: 0 });
  });
});

describe('buildCaseMatrix with parts of sources', () => {
  // A focus group fg (40 code points): Anna 0–10, Ben 10–20, Anna 20–30, Ben 30–40.
  const structure = JSON.stringify({ turns: [{ speaker: 'Anna', start: 0, end: 10 }, { speaker: 'Ben', start: 10, end: 20 }, { speaker: 'Anna', start: 20, end: 30 }, { speaker: 'Ben', start: 30, end: 40 }] });
  const cases = [{ id: 'anna', name: 'Anna' }, { id: 'ben', name: 'Ben' }];
  const sources = [{ id: 'fg', caseId: null, length: 40, structure }, { id: 'other', caseId: null, length: 5 }];
  const parts = [
    { caseId: 'anna', sourceId: 'fg', start: 0, end: 40, speaker: 'Anna' },
    { caseId: 'ben', sourceId: 'fg', start: 0, end: 40, speaker: 'Ben' },
  ];
  it('counts a segment for each speaker case it overlaps', () => {
    const codings = [
      { codeId: 'c1', sourceId: 'fg', start: 2, end: 6 }, // Anna, B1
      { codeId: 'c2', sourceId: 'fg', start: 8, end: 12 }, // Anna and Ben, B1
      { codeId: 'c3', sourceId: 'fg', start: 31, end: 33 }, // Ben, B2
      { codeId: 'c3', sourceId: 'other', start: 0, end: 2 }, // no case
    ];
    const m = buildCaseMatrix({ level: 2, codes, cases, sources, parts, codings });
    expect(m.rows.map((r) => r.counts)).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(m.rows.map((r) => r.sources)).toEqual([1, 1]);
    expect(m.sourcesWithoutCase).toBe(1);
  });
});
