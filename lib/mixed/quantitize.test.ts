import { describe, expect, it } from 'vitest';
import { MixedMethodsError } from './errors';
import { quantitize, type QuantitizeCode, type QuantitizeCoding, type QuantitizeSource, type QuantitizeSpec } from './quantitize';

// Fixture: a category B3 with two concepts, a concept left unplaced, three cases (one without
// sources), overlapping codings and two coders (u1, u2).
const codes: QuantitizeCode[] = [
  { id: 'b3', name: 'Brand building', label: 'B3', level: 2, parentId: null },
  { id: 'c1', name: 'Logo work', label: 'C1', level: 1, parentId: 'b3' },
  { id: 'c2', name: 'Storytelling', label: 'C2', level: 1, parentId: 'b3' },
  { id: 'c5', name: 'Pricing', label: 'C5', level: 1, parentId: null },
];
const cases = [
  { id: 'anna', name: 'Anna' },
  { id: 'ben', name: 'Ben' },
  { id: 'cleo', name: 'Cleo' }, // no sources
];
const sources: QuantitizeSource[] = [
  { id: 's1', caseId: 'anna', length: 100 },
  { id: 's2', caseId: 'anna', length: 50 },
  { id: 's3', caseId: 'ben', length: 200 },
  { id: 's4', caseId: null, length: 80 }, // not assigned to a case: ignored
];
const codings: QuantitizeCoding[] = [
  { id: 'k1', sourceId: 's1', codeId: 'c1', start: 0, end: 10, coderId: 'u1' },
  { id: 'k2', sourceId: 's1', codeId: 'c1', start: 0, end: 10, coderId: 'u2' }, // same range, other coder
  { id: 'k3', sourceId: 's1', codeId: 'c2', start: 5, end: 20, coderId: 'u1' }, // overlaps k1
  { id: 'k4', sourceId: 's2', codeId: 'b3', start: 10, end: 30, coderId: 'u2' }, // on the category itself
  { id: 'k5', sourceId: 's3', codeId: 'c2', start: 0, end: 40, coderId: 'u2' },
  { id: 'k6', sourceId: 's3', codeId: 'c2', start: 30, end: 50, coderId: 'u2' }, // overlaps k5
  { id: 'k7', sourceId: 's3', codeId: 'c5', start: 100, end: 150, coderId: 'u1' },
  { id: 'k8', sourceId: 's4', codeId: 'c1', start: 0, end: 5, coderId: 'u1' }, // source without a case
];

const run = (spec: QuantitizeSpec) => quantitize({ codes, sources, codings, cases, spec });
const values = (spec: QuantitizeSpec) => run(spec).variables.map((v) => v.values);
const B3_BOTH = [
  { codeId: 'b3', rollUp: true },
  { codeId: 'b3', rollUp: false },
];

describe('quantitize: hand-counted fixture', () => {
  it('presence', () => {
    // B3 rolled up (b3, c1, c2): Anna has k1–k4 → 1; Ben has k5, k6 → 1; Cleo has no sources → 0.
    // B3 itself only: Anna has k4 → 1; Ben has none on b3 → 0; Cleo 0.
    expect(values({ codes: B3_BOTH, measure: 'presence' })).toEqual([
      [1, 1, 0],
      [1, 0, 0],
    ]);
  });

  it('count: distinct (source, start, end) ranges', () => {
    // B3 rolled up, Anna: (s1,0,10) by u1 and again by u2 = 1 segment; (s1,5,20) overlaps but
    //   differs = 1; (s2,10,30) = 1 → 3. Ben: (s3,0,40), (s3,30,50) → 2. Cleo 0.
    // B3 itself: Anna (s2,10,30) → 1; Ben 0; Cleo 0.
    // C1: Anna (s1,0,10) twice → 1; k8 is in a source without a case → not counted.
    expect(values({ codes: [...B3_BOTH, { codeId: 'c1', rollUp: true }], measure: 'count' })).toEqual([
      [3, 2, 0],
      [1, 0, 0],
      [1, 0, 0],
    ]);
  });

  it('share: union of coded ranges over the case text', () => {
    // Case text: Anna 100 + 50 = 150; Ben 200; Cleo 0 → null.
    // B3 rolled up, Anna: s1 [0,10) ∪ [0,10) ∪ [5,20) = [0,20) → 20; s2 [10,30) → 20; 40/150.
    //   Ben: s3 [0,40) ∪ [30,50) = [0,50) → 50; 50/200 = 0.25.
    // B3 itself: Anna 20/150; Ben 0/200 = 0.
    // C5: Anna 0/150 = 0; Ben [100,150) → 50/200 = 0.25.
    const [rolled, own, c5] = values({ codes: [...B3_BOTH, { codeId: 'c5', rollUp: false }], measure: 'share' });
    expect(rolled[0]).toBeCloseTo(40 / 150, 14);
    expect(rolled[1]).toBeCloseTo(0.25, 14);
    expect(rolled[2]).toBeNull();
    expect(own[0]).toBeCloseTo(20 / 150, 14);
    expect(own[1]).toBe(0);
    expect(own[2]).toBeNull();
    expect(c5[0]).toBe(0);
    expect(c5[1]).toBeCloseTo(0.25, 14);
    expect(c5[2]).toBeNull();
  });

  it('coder: codings of the chosen coder only', () => {
    // u1 on B3 rolled up: Anna k1, k3 → 1; Ben's k5, k6 are u2's → 0; Cleo 0.
    // u1 on C5: Ben k7 → 1.
    expect(values({ codes: [{ codeId: 'b3', rollUp: true }, { codeId: 'c5', rollUp: true }], measure: 'coder', coderId: 'u1' })).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    // u2 on B3 rolled up: Anna k2, k4 → 1; Ben k5, k6 → 1.
    expect(values({ codes: [{ codeId: 'b3', rollUp: true }], measure: 'coder', coderId: 'u2' })).toEqual([[1, 1, 0]]);
  });

  it('keeps every case as a row, in the order given', () => {
    expect(run({ codes: [{ codeId: 'c1', rollUp: false }], measure: 'presence' }).caseNames).toEqual(['Anna', 'Ben', 'Cleo']);
  });
});

describe('quantitize: names and labels', () => {
  it('derives unique, valid names and labels that say what was counted', () => {
    const out = run({ codes: [...B3_BOTH, { codeId: 'c1', rollUp: true }], measure: 'presence' });
    expect(out.variables.map((v) => [v.name, v.label, v.rolledUp])).toEqual([
      ['q_B3_presence', 'B3 Brand building — presence (rolled up)', true],
      ['q_B3_presence_2', 'B3 Brand building — presence (this code only)', false],
      // A concept has nothing below: roll-up changes nothing and is not claimed.
      ['q_C1_presence', 'C1 Logo work — presence', false],
    ]);
  });

  it('names the coder', () => {
    const out = run({ codes: [{ codeId: 'c5', rollUp: false }], measure: 'coder', coderId: 'u1', coderName: 'Maria K.' });
    expect(out.variables[0].name).toBe('q_C5_coder_Maria_K');
    expect(out.variables[0].label).toBe('C5 Pricing — coded by Maria K.');
  });

  it('falls back to the name when the label is empty, and keeps within 64 characters', () => {
    const long = { id: 'x', name: 'Ein sehr langer Name für einen Code, der über alle Grenzen geht, wirklich', label: '', level: 1 as const, parentId: null };
    const out = quantitize({ codes: [long], sources, codings, cases, spec: { codes: [{ codeId: 'x', rollUp: false }], measure: 'share' } });
    const { name } = out.variables[0];
    expect(name.startsWith('q_Ein_sehr_langer_Name_fur')).toBe(true);
    expect(name.endsWith('_share')).toBe(true);
    expect(name.length).toBeLessThanOrEqual(64);
    expect(out.variables[0].values).toEqual([0, 0, null]);
  });
});

describe('quantitize: the hierarchy reading and bad input', () => {
  it('rolls up along parents exactly one level up (as the hierarchy table)', () => {
    const tree: QuantitizeCode[] = [
      ...codes,
      { id: 'a1', name: 'Market', label: 'A1', level: 3, parentId: null },
      { id: 'c9', name: 'Skips a level', label: 'C9', level: 1, parentId: 'a1' }, // read as unplaced
    ];
    const placed = tree.map((c) => (c.id === 'b3' ? { ...c, parentId: 'a1' } : c));
    const extra: QuantitizeCoding[] = [...codings, { id: 'k9', sourceId: 's3', codeId: 'c9', start: 190, end: 200, coderId: 'u1' }];
    const out = quantitize({ codes: placed, sources, codings: extra, cases, spec: { codes: [{ codeId: 'a1', rollUp: true }], measure: 'count' } });
    // A1 → B3 → C1, C2: Anna 3, Ben 2 (k9 of c9 is not below A1 under the one-level-up rule).
    expect(out.variables[0].values).toEqual([3, 2, 0]);
  });

  it('refuses a coder measure without a coder, unknown codes and codings outside their source', () => {
    expect(() => run({ codes: [{ codeId: 'c1', rollUp: false }], measure: 'coder' })).toThrow(/needs the coder/);
    expect(() => run({ codes: [{ codeId: 'zz', rollUp: false }], measure: 'count' })).toThrow("code 'zz' is not among the project's codes");
    const bad = [...codings, { id: 'kx', sourceId: 's2', codeId: 'c1', start: 40, end: 60, coderId: null }];
    expect(() => quantitize({ codes, sources, codings: bad, cases, spec: { codes: [{ codeId: 'c1', rollUp: false }], measure: 'share' } })).toThrow(
      "coding 'kx' covers [40, 60), which does not fit source 's2' (50 characters)",
    );
    expect(() => quantitize({ codes, sources, codings, cases: [...cases, { id: 'ben', name: 'Ben 2' }], spec: { codes: [], measure: 'count' } })).toThrow(MixedMethodsError);
  });

  it('handles no cases and no codes', () => {
    expect(quantitize({ codes, sources, codings, cases: [], spec: { codes: [{ codeId: 'b3', rollUp: true }], measure: 'share' } })).toEqual({
      caseNames: [],
      variables: [{ name: 'q_B3_share', label: 'B3 Brand building — share of case text coded (rolled up)', measure: 'share', codeId: 'b3', rolledUp: true, values: [] }],
    });
    expect(run({ codes: [], measure: 'presence' }).variables).toEqual([]);
  });
});

describe('quantitize: parts of sources (lib/cases/parts.ts)', () => {
  // A focus group of 40 code points: Anna 0–10, Ben 10–20, Anna 20–30, Ben 30–40; Anna's
  // speaker part in case 'anna', Ben's in 'ben'; case 'cleo' holds the range 0–5 of s1 (also
  // Anna's whole source s1, length 100).
  const structure = JSON.stringify({
    turns: [
      { speaker: 'Anna', start: 0, end: 10 },
      { speaker: 'Ben', start: 10, end: 20 },
      { speaker: 'Anna', start: 20, end: 30 },
      { speaker: 'Ben', start: 30, end: 40 },
    ],
  });
  const fgSources: QuantitizeSource[] = [
    { id: 'fg', caseId: null, length: 40, structure },
    { id: 's1', caseId: 'anna', length: 100 },
  ];
  const parts = [
    { caseId: 'anna', sourceId: 'fg', start: 0, end: 40, speaker: 'Anna' },
    { caseId: 'ben', sourceId: 'fg', start: 0, end: 40, speaker: 'Ben' },
    { caseId: 'cleo', sourceId: 's1', start: 0, end: 5, speaker: '' },
  ];
  const fgCodings: QuantitizeCoding[] = [
    { id: 'f1', sourceId: 'fg', codeId: 'c1', start: 2, end: 6, coderId: 'u1' }, // Anna only
    { id: 'f2', sourceId: 'fg', codeId: 'c1', start: 2, end: 6, coderId: 'u2' }, // same range, other coder
    { id: 'f3', sourceId: 'fg', codeId: 'c1', start: 8, end: 14, coderId: 'u2' }, // spans Anna and Ben
    { id: 'f4', sourceId: 'fg', codeId: 'c2', start: 32, end: 36, coderId: 'u1' }, // Ben only
    { id: 'f5', sourceId: 's1', codeId: 'c1', start: 3, end: 9, coderId: 'u1' }, // Anna's source; 2 of it in Cleo's range
  ];
  const q = (measure: QuantitizeSpec['measure'], coderId?: string) =>
    quantitize({ codes, sources: fgSources, codings: fgCodings, cases, parts, spec: { codes: [{ codeId: 'b3', rollUp: true }], measure, coderId } }).variables[0].values;

  it('count: a coding counts for every case whose ranges it overlaps', () => {
    // Anna: (fg,2,6), (fg,8,14), (s1,3,9) → 3. Ben: (fg,8,14), (fg,32,36) → 2. Cleo: (s1,3,9) → 1.
    expect(q('count')).toEqual([3, 2, 1]);
  });

  it('share: only coded text inside the case’s ranges, over their length', () => {
    // Anna's text: fg 0–10 and 20–30 (20) + s1 (100) = 120; coded inside: [2,6) = 4 and [8,10) = 2 + [3,9) = 6 → 12/120.
    // Ben's text: fg 10–20 and 30–40 = 20; coded inside: [10,14) = 4 + [32,36) = 4 → 8/20.
    // Cleo's text: s1 0–5 = 5; coded inside: [3,5) = 2 → 2/5.
    const [anna, ben, cleo] = q('share');
    expect(anna).toBeCloseTo(12 / 120, 14);
    expect(ben).toBeCloseTo(8 / 20, 14);
    expect(cleo).toBeCloseTo(2 / 5, 14);
  });

  it('coder: u2 coded only in the focus group (Anna and Ben, through f2 and f3)', () => {
    expect(q('coder', 'u2')).toEqual([1, 1, 0]);
  });
});
