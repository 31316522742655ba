import { describe, expect, it } from 'vitest';

import { sliceByCodePoints } from '../../coding/offsets';
import { decodeText } from '../decode-text';
import { ImportError } from '../errors';
import { readFixture } from '../fixtures/read-fixture';
import { importVtt } from './vtt';

const vtt = (s: string) => importVtt(decodeText(new TextEncoder().encode(s)), 'test');

describe('importVtt', () => {
  it('imports the two-speaker fixture: voice tags, merged turns, times and code point offsets', () => {
    const source = importVtt(decodeText(readFixture('two-speakers.vtt')), 'two-speakers');
    expect(source.format).toBe('vtt');
    expect(source.text).toBe(
      [
        'Interviewer: How did you start the shop?',
        'Maria Chen: Well, it was my mother’s idea & she lent me the money. We opened in 2019 🎉.',
        'Interviewer: 你觉得最难的是什么？',
        'Maria Chen: 钱和时间。',
      ].join('\n'),
    );
    expect(source.turns!.map(({ speaker, startMs, endMs }) => ({ speaker, startMs, endMs }))).toEqual([
      { speaker: 'Interviewer', startMs: 1000, endMs: 4500 },
      { speaker: 'Maria Chen', startMs: 5000, endMs: 12000 },
      { speaker: 'Interviewer', startMs: 62000, endMs: 65000 },
      { speaker: 'Maria Chen', startMs: 65500, endMs: 68000 },
    ]);
    // The emoji before the third turn shifts UTF-16 offsets by one; code point offsets still slice right.
    expect(source.turns!.map((t) => sliceByCodePoints(source.text, t.start, t.end))).toEqual([
      'How did you start the shop?',
      'Well, it was my mother’s idea & she lent me the money. We opened in 2019 🎉.',
      '你觉得最难的是什么？',
      '钱和时间。',
    ]);
    expect(source.warnings).toEqual([]);
  });

  it('uses "Name:" prefixes when there are no voice tags (Zoom style)', () => {
    const source = vtt('WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nAna Silva: Hi there\n\n2\n00:00:02.000 --> 00:00:03.000\nBen: Hello\n');
    expect(source.text).toBe('Ana Silva: Hi there\nBen: Hello');
    expect(source.turns!.map((t) => t.speaker)).toEqual(['Ana Silva', 'Ben']);
  });

  it('splits a cue with two voices into two turns', () => {
    const source = vtt('WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>Yes?</v>\n<v B>No.</v>\n');
    expect(source.text).toBe('A: Yes?\nB: No.');
    expect(source.turns!.every((t) => t.startMs === 1000 && t.endMs === 2000)).toBe(true);
  });

  it('removes markup and never lets a tag into the text', () => {
    const source = vtt('WEBVTT\n\n00:01.000 --> 00:02.000\n<v A><b>bold</b> <script>x</script> &lt;i&gt; <00:01.500>later <ruby>漢<rt>kan</rt></ruby></v>\n');
    expect(source.text).toBe('A: bold x <i> later 漢');
  });

  it('skips NOTE, STYLE and REGION blocks and reports malformed blocks', () => {
    const source = vtt('WEBVTT\n\nSTYLE\n::cue { color: red }\n\nNOTE a note\n\nbroken block\n\n00:01.000 --> 00:02.000\nHi\n');
    expect(source.text).toBe('Hi');
    expect(source.warnings).toEqual(['1 caption block(s) without a valid timing line were skipped.']);
  });

  it('reads a cue placed right under the header', () => {
    expect(vtt('WEBVTT\n00:01.000 --> 00:02.000\nHi\n').text).toBe('Hi');
  });

  it('refuses a file without a single cue', () => {
    expect(() => vtt('WEBVTT\n\nNOTE nothing here\n')).toThrow(ImportError);
    try {
      vtt('WEBVTT\n');
    } catch (error) {
      expect((error as ImportError).code).toBe('INVALID_TRANSCRIPT');
    }
  });
});

// Regression: unclosed "<" (hearts, "a < b") made the tag patterns scan to the end of the cue
// from each one: 20,000 of them took 13 s.
describe('importVtt on a long cue', () => {
  it('keeps 100,000 unclosed "<" and still removes the tags before them', () => {
    const words = 'a <3 <v b '.repeat(100_000).trim();
    const source = vtt(`WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana><i>hi</i> ${words}\n`);
    expect(source.text).toBe(`Ana: hi ${words}`);
  });
});
