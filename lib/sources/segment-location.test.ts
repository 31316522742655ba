import { describe, expect, it } from 'vitest';

import { describeLocation, locateSegment, paragraphStarts, parseSourceStructure, sourceLayout } from './segment-location';

const where = (text: string, structure: object | null, start: number, end: number) =>
  describeLocation(locateSegment(sourceLayout(text, structure ? JSON.stringify(structure) : null), start, end));

describe('paragraphStarts', () => {
  it('counts non-empty lines, in code points, skipping blank and whitespace-only lines', () => {
    expect(paragraphStarts('One\n\nTwo 😀\nThree')).toEqual([0, 5, 11]);
    expect(paragraphStarts('\n  \nA\r\n\r\nB')).toEqual([4, 9]);
    expect(paragraphStarts('')).toEqual([]);
  });
});

describe('locateSegment / describeLocation', () => {
  const text = 'First paragraph.\n\nSecond 😀 paragraph.\n\nThird paragraph.';
  // Code points: "First paragraph." 0–16; blank; "Second 😀 paragraph." starts at 18 (19 code points); third at 39.
  it('names the paragraph of plain text, and a range when the segment spans several', () => {
    expect(where(text, null, 0, 5)).toBe('paragraph 1');
    expect(where(text, null, 18, 24)).toBe('paragraph 2');
    expect(where(text, null, 40, 45)).toBe('paragraph 3');
    expect(where(text, null, 10, 45)).toBe('paragraphs 1–3');
    // A segment ending exactly at the end of paragraph 2 does not reach paragraph 3.
    expect(where(text, null, 18, 37)).toBe('paragraph 2');
  });

  it('names the page of a PDF', () => {
    const pages = { pages: [{ page: 1, start: 0, end: 16 }, { page: 2, start: 18, end: 37 }, { page: 3, start: 39, end: 55 }] };
    expect(where(text, pages, 20, 25)).toBe('p. 2');
    expect(where(text, pages, 5, 25)).toBe('pp. 1–2');
  });

  it('names the speaker and timestamp of a transcript turn (the speaker prefix belongs to its turn)', () => {
    const transcript = 'Ana: We started in 2019.\nBen: Why then?\nAna: The platform opened.';
    const turns = {
      turns: [
        { speaker: 'Ana', startMs: 3_000, endMs: 6_000, start: 5, end: 24 },
        { speaker: 'Ben', startMs: 723_000, endMs: 725_000, start: 30, end: 39 },
        { speaker: 'Ana', startMs: 3_725_000, endMs: 3_730_000, start: 45, end: 65 },
      ],
    };
    expect(where(transcript, turns, 8, 15)).toBe('Ana, 0:03');
    expect(where(transcript, turns, 25, 39)).toBe('Ben, 12:03');
    expect(where(transcript, turns, 30, 60)).toBe('Ben, 12:03–1:02:05');
    expect(where(transcript, { turns: [{ startMs: 61_000, endMs: 62_000, start: 0, end: 10 }] }, 0, 4)).toBe('1:01');
  });

  it('falls back to paragraphs when the structure is missing or malformed', () => {
    expect(parseSourceStructure('not json')).toEqual({ pages: [], turns: [] });
    expect(parseSourceStructure(JSON.stringify({ pages: [{ page: 'x', start: 0, end: 1 }], turns: 'no' }))).toEqual({ pages: [], turns: [] });
    expect(describeLocation(locateSegment(sourceLayout(text, '{oops'), 40, 41))).toBe('paragraph 3');
  });
});
