import { describe, expect, it } from 'vitest';

import { assignLanes, type LaneCoding } from './lanes';

const c = (codeId: string, start: number, end: number): LaneCoding => ({ codeId, start, end });

/** The invariant: codings of different codes that overlap (or are closer than gap) never share a lane. */
function expectNoSharedLane(codings: LaneCoding[], lanes: number[], gap = 0) {
  codings.forEach((a, i) =>
    codings.forEach((b, j) => {
      if (a.codeId === b.codeId || a.start === a.end || b.start === b.end) return;
      if (a.start < b.end + gap && b.start < a.end + gap) expect(lanes[i], `${i} vs ${j}`).not.toBe(lanes[j]);
    }),
  );
}

/** Deepest overlap (with gap) at any coding start. */
function maxDepth(codings: LaneCoding[], gap = 0) {
  return Math.max(0, ...codings.map((a) => codings.filter((b) => b.start <= a.start && b.end + gap > a.start).length));
}

describe('assignLanes', () => {
  it('puts disjoint codings in one lane and overlapping ones in separate lanes', () => {
    const codings = [c('a', 0, 10), c('b', 20, 30), c('c', 5, 25)];
    const { lanes, laneCount } = assignLanes(codings);
    expect(lanes).toEqual([0, 0, 1]);
    expect(laneCount).toBe(2);
  });

  it('treats ranges as half-open: touching codings do not overlap', () => {
    expect(assignLanes([c('a', 0, 10), c('b', 10, 20)]).laneCount).toBe(1);
  });

  it('puts overlapping codings of the same code (several coders) in one lane', () => {
    const codings = [c('a', 0, 10), c('a', 5, 15), c('b', 12, 14)];
    const { lanes, laneCount } = assignLanes(codings);
    expect(lanes[0]).toBe(lanes[1]);
    expect(lanes[2]).not.toBe(lanes[1]);
    expect(laneCount).toBe(2);
  });

  it('handles nesting three deep', () => {
    const codings = [c('outer', 0, 100), c('mid', 10, 90), c('inner', 40, 50), c('later', 95, 99)];
    const { lanes, laneCount } = assignLanes(codings);
    expect(lanes).toEqual([0, 1, 2, 1]); // 'mid' ended at 90: its lane is free again
    expect(laneCount).toBe(3);
  });

  it('keeps a code in its lane through a passage when that lane is free', () => {
    // 'theme' recurs; 'aside' comes and goes in between.
    const codings = [c('aside', 0, 10), c('theme', 5, 20), c('theme', 30, 40), c('aside', 35, 50), c('theme', 60, 70)];
    const { lanes } = assignLanes(codings);
    expect([lanes[1], lanes[2], lanes[4]]).toEqual([1, 1, 1]);
    expect(lanes[3]).toBe(0);
  });

  it('respects minGap so stripes on one visual line stay apart', () => {
    const codings = [c('a', 0, 10), c('b', 15, 20)];
    expect(assignLanes(codings).laneCount).toBe(1);
    const { lanes, laneCount } = assignLanes(codings, { minGap: 10 });
    expect(laneCount).toBe(2);
    expectNoSharedLane(codings, lanes, 10);
  });

  it('is independent of input order', () => {
    const codings = [c('x', 3, 9), c('y', 0, 4), c('z', 8, 12), c('w', 1, 2), c('x', 20, 30)];
    const a = assignLanes(codings);
    const reversed = codings.slice().reverse();
    const b = assignLanes(reversed);
    expect(b.lanes.slice().reverse()).toEqual(a.lanes);
    expect(b.codeLanes).toEqual(a.codeLanes);
  });

  it('keeps previous lanes, so removing a coding does not move the stripes beside it', () => {
    const before = [c('a', 0, 10), c('b', 5, 15), c('c', 12, 30)];
    const first = assignLanes(before);
    expect(first.lanes).toEqual([0, 1, 0]);
    const after = before.slice(1);
    expect(assignLanes(after).lanes).toEqual([0, 1]); // without memory 'b' and 'c' swap lanes
    const second = assignLanes(after, { previous: first.codeLanes });
    expect(second.lanes).toEqual([1, 0]);
    expectNoSharedLane(after, second.lanes);
  });

  it('stays within the deepest overlap on a long text with many codes (unlike a lane per code)', () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const codings: LaneCoding[] = [];
    for (let i = 0; i < 2000; i++) {
      const start = Math.floor(rand() * 200_000);
      codings.push(c(`code${Math.floor(rand() * 60)}`, start, start + 10 + Math.floor(rand() * 400)));
    }
    const { lanes, laneCount } = assignLanes(codings, { minGap: 60 });
    expectNoSharedLane(codings, lanes, 60);
    expect(laneCount).toBeLessThanOrEqual(maxDepth(codings, 60));
    expect(laneCount).toBeLessThan(15);
  });

  it('assigns 5,000 codings without sharing a lane', () => {
    const codings: LaneCoding[] = [];
    for (let i = 0; i < 5000; i++) codings.push(c(`code${i % 40}`, i * 120, i * 120 + 50 + (i % 7) * 60));
    const { lanes, laneCount } = assignLanes(codings, { minGap: 60 });
    expectNoSharedLane(codings, lanes, 60);
    expect(laneCount).toBeGreaterThan(1);
  });

  it('gives empty input no lanes and rejects reversed codings', () => {
    expect(assignLanes([])).toEqual({ lanes: [], laneCount: 0, codeLanes: new Map() });
    expect(() => assignLanes([c('a', 5, 3)])).toThrow(/end 3 < start 5/);
    expect(() => assignLanes([], { minGap: -1 })).toThrow(/minGap -1/);
  });
});
