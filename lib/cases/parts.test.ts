import { describe, expect, it } from 'vitest';

import { caseMembership, caseRanges, describeRange, insideLength, mergeRanges, overlapsRanges, speakersOf, storedTurns } from './parts';

// A focus group: Anna 0–10, Ben 10–20, Anna 20–30, Ben 30–40 (text of 40 code points).
const structure = JSON.stringify({
  turns: [
    { speaker: 'Anna', startMs: 0, endMs: 1000, start: 0, end: 10 },
    { speaker: 'Ben', startMs: 1000, endMs: 2000, start: 10, end: 20 },
    { speaker: 'Anna', startMs: 2000, endMs: 3000, start: 20, end: 30 },
    { speaker: 'Ben', startMs: 3000, endMs: 4000, start: 30, end: 40 },
  ],
});
const focus = { id: 'fg', caseId: null, length: 40, structure };
const interview = { id: 'iv', caseId: 'c1', length: 100, structure: null };

describe('storedTurns / speakersOf', () => {
  it('reads the turns and counts them per speaker in order of appearance', () => {
    expect(storedTurns(structure)).toHaveLength(4);
    expect(speakersOf(structure)).toEqual([
      { speaker: 'Anna', turns: 2 },
      { speaker: 'Ben', turns: 2 },
    ]);
  });
  it('gives nothing for no structure, no turns or unreadable JSON', () => {
    expect(speakersOf(null)).toEqual([]);
    expect(speakersOf('{"pages":[]}')).toEqual([]);
    expect(speakersOf('{oops')).toEqual([]);
  });
});

describe('mergeRanges', () => {
  it('sorts, joins overlapping and touching ranges, drops empty ones', () => {
    expect(mergeRanges([[20, 30], [0, 5], [3, 8], [8, 10], [15, 15]])).toEqual([[0, 10], [20, 30]]);
  });
  it('keeps an empty range when it is all there is (an empty source)', () => {
    expect(mergeRanges([[0, 0]])).toEqual([[0, 0]]);
  });
});

describe('caseRanges', () => {
  it('whole sources are [0, length); speaker parts expand to the turns; plain ranges stay', () => {
    const out = caseRanges([focus, interview], [
      { caseId: 'anna', sourceId: 'fg', start: 0, end: 40, speaker: 'Anna' },
      { caseId: 'ben', sourceId: 'fg', start: 0, end: 40, speaker: 'Ben' },
      { caseId: 'c2', sourceId: 'iv', start: 50, end: 60, speaker: '' },
    ]);
    expect(out).toEqual([
      { caseId: 'c1', sourceId: 'iv', ranges: [[0, 100]] },
      { caseId: 'anna', sourceId: 'fg', ranges: [[0, 10], [20, 30]] },
      { caseId: 'ben', sourceId: 'fg', ranges: [[10, 20], [30, 40]] },
      { caseId: 'c2', sourceId: 'iv', ranges: [[50, 60]] },
    ]);
  });
  it('merges a case’s parts in one source and clips them to the text', () => {
    const out = caseRanges([focus], [
      { caseId: 'x', sourceId: 'fg', start: 5, end: 15, speaker: '' },
      { caseId: 'x', sourceId: 'fg', start: 0, end: 40, speaker: 'Ben' },
      { caseId: 'x', sourceId: 'fg', start: 35, end: 90, speaker: '' },
    ]);
    expect(out).toEqual([{ caseId: 'x', sourceId: 'fg', ranges: [[5, 20], [30, 40]] }]);
  });
  it('leaves out parts of unknown sources and speakers without turns', () => {
    expect(caseRanges([focus], [
      { caseId: 'x', sourceId: 'gone', start: 0, end: 5, speaker: '' },
      { caseId: 'x', sourceId: 'fg', start: 0, end: 40, speaker: 'Cleo' },
    ])).toEqual([]);
  });
});

describe('caseMembership', () => {
  const m = caseMembership(caseRanges([focus, { ...interview }], [
    { caseId: 'anna', sourceId: 'fg', start: 0, end: 40, speaker: 'Anna' },
    { caseId: 'ben', sourceId: 'fg', start: 0, end: 40, speaker: 'Ben' },
  ]));
  it('a coding counts for every case whose ranges it overlaps', () => {
    expect(m.casesOf('fg', 2, 5)).toEqual(['anna']);
    expect(m.casesOf('fg', 12, 14)).toEqual(['ben']);
    expect(m.casesOf('fg', 8, 12)).toEqual(['anna', 'ben']);
    // Touching is not overlapping: [10, 12) has no code point of Anna's [0, 10).
    expect(m.casesOf('fg', 10, 12)).toEqual(['ben']);
    expect(m.casesOf('iv', 0, 1)).toEqual(['c1']);
    expect(m.casesOf('other', 0, 1)).toEqual([]);
  });
  it('case text length, sources and ranges', () => {
    expect(m.caseTextLength('anna')).toBe(20);
    expect(m.caseTextLength('c1')).toBe(100);
    expect(m.caseTextLength('nobody')).toBe(0);
    expect(m.sourcesOf('ben')).toEqual(['fg']);
    expect(m.rangesOf('ben', 'fg')).toEqual([[10, 20], [30, 40]]);
    expect(m.hasCase('fg')).toBe(true);
    expect(m.hasCase('other')).toBe(false);
  });
});

describe('overlapsRanges / insideLength', () => {
  const ranges: Array<[number, number]> = [[0, 10], [20, 30]];
  it('overlap needs a shared code point', () => {
    expect(overlapsRanges(ranges, 10, 20)).toBe(false);
    expect(overlapsRanges(ranges, 9, 20)).toBe(true);
    expect(overlapsRanges(ranges, 29, 35)).toBe(true);
  });
  it('counts only the code points inside', () => {
    expect(insideLength(ranges, 5, 25)).toBe(10);
    expect(insideLength(ranges, 10, 20)).toBe(0);
    expect(insideLength(ranges, 0, 40)).toBe(20);
  });
});

describe('describeRange', () => {
  it('reads as people count characters', () => {
    expect(describeRange(1199, 3400)).toBe('characters 1,200–3,400');
  });
});
