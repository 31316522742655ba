import { describe, expect, it } from 'vitest';

import { sliceByCodePoints } from '../../coding/offsets';
import { decodeText } from '../decode-text';
import { readFixture } from '../fixtures/read-fixture';
import { importSrt } from './srt';

const srt = (s: string) => importSrt(decodeText(new TextEncoder().encode(s)), 'test');

describe('importSrt', () => {
  it('imports the fixture: speakers from prefixes, tags removed, CRLF handled', () => {
    const source = importSrt(decodeText(readFixture('interview.srt')), 'interview');
    expect(source.format).toBe('srt');
    expect(source.text).toBe('Interviewer: Thanks for joining.\nPARTICIPANT: Happy to help, really.\n[laughter]\nPARTICIPANT: It started in 2015.');
    expect(source.turns!.map(({ speaker, startMs, endMs }) => [speaker, startMs, endMs])).toEqual([
      ['Interviewer', 500, 3000],
      ['PARTICIPANT', 3200, 6900],
      [undefined, 7000, 9000],
      ['PARTICIPANT', 9100, 12000],
    ]);
    expect(sliceByCodePoints(source.text, source.turns![1].start, source.turns![1].end)).toBe('Happy to help, really.');
  });

  it('tolerates missing indices and blank lines, dots for commas, and keeps numeric text', () => {
    const source = srt('00:00:01.000 --> 00:00:02.000\nfirst\n2\n00:00:02,500 --> 00:00:03,000 X1:10 X2:20\n42\n\n3\n00:00:04,000 --> 00:00:05,000\nlast 😀\n');
    expect(source.text).toBe('first\n42\nlast 😀');
    expect(source.turns!.map((t) => t.startMs)).toEqual([1000, 2500, 4000]);
  });

  it('refuses a file without cues', () => {
    expect(() => srt('just some text\nwithout timings')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSCRIPT', userMessage: expect.stringMatching(/no readable captions/) }),
    );
  });
});

// Regression: unclosed "<" and "{\" made the markup patterns scan to the end of the cue from
// each one: 20,000 of them took 4.6 s.
describe('importSrt on a long cue', () => {
  it('keeps 100,000 unclosed "<" and "{\\" and still removes the markup before them', () => {
    const words = 'a <b {\\x '.repeat(100_000).trim();
    const source = srt(`1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>hi</i> ${words}\n`);
    expect(source.text).toBe(`hi ${words}`);
  });
});
