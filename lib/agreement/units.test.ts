import { describe, expect, it } from 'vitest';

import { findDisagreements } from './disagreements';
import { REASON_NEED_TWO, REASON_NO_VARIATION } from './statistics';
import { type AgreementCoding, agreementTable, levelLabel, overlapPercent, REASON_UNUSED } from './units';

const c = (coderId: string, codeId: string, sourceId: string, start: number, end: number, id?: string): AgreementCoding => ({ id, coderId, codeId, sourceId, start, end });

describe('code existence per source', () => {
  // Sources s1–s4 (all coded by both A and B). Code x: A in s1 s2 s3, B in s1 s2 s4.
  // Units: s1 (c,c) s2 (c,c) s3 (c,n) s4 (n,c) → p_o = .5, p_e = .75·.75 + .25·.25 = .625, κ = −1/3.
  const codings = [
    c('A', 'x', 's1', 0, 5),
    c('A', 'x', 's2', 0, 5),
    c('A', 'x', 's3', 0, 5),
    c('B', 'x', 's1', 3, 9),
    c('B', 'x', 's2', 0, 5),
    c('B', 'x', 's4', 0, 5),
    c('B', 'y', 's3', 0, 1),
    c('A', 'y', 's4', 0, 1),
  ];
  const sources = ['s1', 's2', 's3', 's4'].map((id) => ({ id, length: 100 }));

  it('computes the table from hand figures', () => {
    const t = agreementTable({ coders: ['A', 'B'], sources, codes: ['x'], codings, level: { kind: 'existence' } });
    const row = t.rows[0]!;
    expect(row.units).toBe(4);
    expect(row.percent.value).toBe(0.5);
    expect(row.cohen.value!).toBeCloseTo((0.5 - 0.625) / 0.375, 12);
    expect(levelLabel(t.level)).toBe('Code existence per source');
  });

  it('treats a source a coder never coded as missing, not as "not coded"', () => {
    const t = agreementTable({ coders: ['A', 'B'], sources: [...sources, { id: 's5', length: 10 }], codes: ['x'], codings: [...codings, c('A', 'x', 's5', 0, 1)], level: { kind: 'existence' } });
    expect(t.rows[0]!.units).toBe(4);
  });

  it('says so when no coder used a code (no NaN)', () => {
    const t = agreementTable({ coders: ['A', 'B'], sources, codes: ['x', 'unused'], codings, level: { kind: 'existence' } });
    const row = t.rows[1]!;
    expect(row.percent.value).toBe(1);
    expect(row.cohen).toEqual({ value: null, reason: REASON_UNUSED });
    expect(row.alpha).toEqual({ value: null, reason: REASON_UNUSED });
    expect(JSON.stringify(t)).not.toContain('NaN');
  });

  it('pools over codes and leaves Cohen’s κ to two coders', () => {
    const three = agreementTable({ coders: ['A', 'B', 'C'], sources, codes: ['x', 'y'], codings: [...codings, c('C', 'x', 's1', 0, 5)], level: { kind: 'existence' } });
    expect(three.rows[0]!.cohen).toEqual({ value: null, reason: REASON_NEED_TWO });
    expect(three.pooled.cohen).toEqual({ value: null, reason: REASON_NEED_TWO });
    expect(three.pooled.units).toBe(8);
    expect(three.pooled.fleiss.value).not.toBeNull();
  });
});

describe('segment level (MAXQDA overlap rule)', () => {
  // A: [0,10) and [20,30); B: [0,9). Overlap of [0,10) and [0,9) = 9/10 = 90%.
  const codings = [c('A', 'x', 's', 0, 10), c('A', 'x', 's', 20, 30), c('B', 'x', 's', 0, 9)];
  const sources = [{ id: 's', length: 100 }];

  it('measures overlap against the union of the two segments', () => {
    expect(overlapPercent({ start: 0, end: 10 }, { start: 0, end: 9 })).toBeCloseTo(90, 12);
    expect(overlapPercent({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(0);
  });

  it('agrees at a 90% threshold, not at 95%', () => {
    const at90 = agreementTable({ coders: ['A', 'B'], sources, codes: ['x'], codings, level: { kind: 'segment', threshold: 90 } });
    // Units: A[0,10) matched, A[20,30) not, B[0,9) matched → 2 of 3.
    expect(at90.rows[0]!.units).toBe(3);
    expect(at90.rows[0]!.percent.value).toBeCloseTo(2 / 3, 12);
    const at95 = agreementTable({ coders: ['A', 'B'], sources, codes: ['x'], codings, level: { kind: 'segment', threshold: 95 } });
    expect(at95.rows[0]!.percent.value).toBe(0);
    expect(levelLabel(at95.level)).toBe('Segment level (overlap ≥ 95%)');
  });

  it('perfect segment agreement has no variation: κ undefined, said so', () => {
    const t = agreementTable({ coders: ['A', 'B'], sources, codes: ['x'], codings: [c('A', 'x', 's', 0, 10), c('B', 'x', 's', 0, 10)], level: { kind: 'segment', threshold: 100 } });
    expect(t.rows[0]!.percent.value).toBe(1);
    expect(t.rows[0]!.cohen).toEqual({ value: null, reason: REASON_NO_VARIATION });
  });

  it('rejects a threshold outside (0, 100]', () => {
    expect(() => agreementTable({ coders: ['A', 'B'], sources, codes: ['x'], codings, level: { kind: 'segment', threshold: 0 } })).toThrow(RangeError);
  });
});

describe('character level (NVivo coding comparison)', () => {
  it('reproduces NVivo’s documented example: 1000 characters, 50 coded by both, 150 by one, 800 by neither', () => {
    // A codes [0,150), B codes [100,200): both 100–150 (50), A only 0–100 (100), B only 150–200 (50).
    const t = agreementTable({
      coders: ['A', 'B'],
      sources: [{ id: 's', length: 1000 }],
      codes: ['x'],
      codings: [c('A', 'x', 's', 0, 150), c('B', 'x', 's', 100, 200)],
      level: { kind: 'character' },
    });
    const row = t.rows[0]!;
    expect(row.units).toBe(1000);
    expect(row.percent.value).toBeCloseTo(0.85, 12);
    // NVivo's κ: ΣEF = 150·100/1000 + 850·900/1000 = 780; κ = (850 − 780)/(1000 − 780) = 70/220.
    expect(row.cohen.value!).toBeCloseTo(70 / 220, 12);
  });

  it('a coder’s overlapping segments of one code count each character once', () => {
    const t = agreementTable({
      coders: ['A', 'B'],
      sources: [{ id: 's', length: 10 }],
      codes: ['x'],
      codings: [c('A', 'x', 's', 0, 6), c('A', 'x', 's', 4, 10), c('B', 'x', 's', 0, 10)],
      level: { kind: 'character' },
    });
    expect(t.rows[0]!.percent.value).toBe(1);
  });
});

describe('disagreements', () => {
  const codings = [
    c('A', 'x', 's', 0, 10, 'a1'),
    c('B', 'x', 's', 0, 9, 'b1'),
    c('A', 'x', 's', 20, 30, 'a2'),
    c('B', 'y', 's', 40, 50, 'b2'),
    c('A', 'y', 't', 0, 5, 'a3'), // B never coded t: missing, not a disagreement
  ];

  it('lists unmatched clusters side by side, at the threshold', () => {
    const list = findDisagreements({ coderA: 'A', coderB: 'B', codings, codes: ['x', 'y'], sourceOrder: ['s', 't'], level: { kind: 'segment', threshold: 90 } });
    expect(list.map((d) => [d.codeId, d.start, d.end, d.a.map((x) => x.id), d.b.map((x) => x.id)])).toEqual([
      ['x', 20, 30, ['a2'], []],
      ['y', 40, 50, [], ['b2']],
    ]);
    const strict = findDisagreements({ coderA: 'A', coderB: 'B', codings, codes: ['x', 'y'], sourceOrder: ['s', 't'], level: { kind: 'segment', threshold: 95 } });
    expect(strict[0]).toMatchObject({ codeId: 'x', start: 0, end: 10 });
    expect(strict[0]!.a.map((x) => x.id)).toEqual(['a1']);
    expect(strict[0]!.b.map((x) => x.id)).toEqual(['b1']);
  });

  it('at the existence level only codes one coder never used in the source disagree', () => {
    const list = findDisagreements({ coderA: 'A', coderB: 'B', codings, codes: ['x', 'y'], sourceOrder: ['s', 't'], level: { kind: 'existence' } });
    expect(list.map((d) => d.codeId)).toEqual(['y']);
  });
});
