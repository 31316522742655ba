import { describe, expect, it } from 'vitest';

import { sliceByCodePoints } from '../coding/offsets';
import { buildTranscript, parseTimestamp, splitSpeakerPrefix } from './captions';

describe('parseTimestamp', () => {
  it('reads WebVTT and SubRip timestamps', () => {
    expect(parseTimestamp('00:01.500')).toBe(1500);
    expect(parseTimestamp('01:02:03.456')).toBe(3_723_456);
    expect(parseTimestamp('01:02:03,456')).toBe(3_723_456);
    expect(parseTimestamp('100:00:00.000')).toBe(360_000_000);
    expect(parseTimestamp('00:00:01,5')).toBe(1500);
    expect(parseTimestamp('00:00:07')).toBe(7000);
  });

  it('rejects what is not a timestamp', () => {
    for (const s of ['', 'abc', '00:61.000', '1.5', '00:00:60,000']) expect(parseTimestamp(s)).toBeUndefined();
  });
});

describe('splitSpeakerPrefix', () => {
  it('finds "Name:" prefixes, including full-width colons and ">>"', () => {
    expect(splitSpeakerPrefix('Interviewer: How did it start?')).toEqual({ speaker: 'Interviewer', words: 'How did it start?' });
    expect(splitSpeakerPrefix('Speaker 2: yes')).toEqual({ speaker: 'Speaker 2', words: 'yes' });
    expect(splitSpeakerPrefix('>> MARIA CHEN: hi')).toEqual({ speaker: 'MARIA CHEN', words: 'hi' });
    expect(splitSpeakerPrefix('张三：你好')).toEqual({ speaker: '张三', words: '你好' });
    expect(splitSpeakerPrefix('محمد: مرحبا')).toEqual({ speaker: 'محمد', words: 'مرحبا' });
  });

  it('leaves lines that only contain a colon alone', () => {
    for (const line of ['at 10:30 we met', 'see https://example.org', 'this is a long sentence with many words: and more', '[laughter]', '2019: a year']) {
      expect(splitSpeakerPrefix(line)).toEqual({ words: line });
    }
  });
});

describe('buildTranscript', () => {
  it('merges consecutive cues of the same speaker and keeps speaker-less cues apart', () => {
    const { text, turns } = buildTranscript([
      { startMs: 0, endMs: 1000, speaker: 'A', words: 'Hello 😀' },
      { startMs: 1000, endMs: 2000, speaker: 'A', words: 'again.' },
      { startMs: 2000, endMs: 3000, words: '[music]' },
      { startMs: 3000, endMs: 4000, words: '[noise]' },
      { startMs: 4000, endMs: 5000, speaker: '王', words: '好的' },
    ]);
    expect(text).toBe('A: Hello 😀 again.\n[music]\n[noise]\n王: 好的');
    expect(turns.map((t) => [t.speaker, t.startMs, t.endMs])).toEqual([
      ['A', 0, 2000],
      [undefined, 2000, 3000],
      [undefined, 3000, 4000],
      ['王', 4000, 5000],
    ]);
    expect(turns.map((t) => sliceByCodePoints(text, t.start, t.end))).toEqual(['Hello 😀 again.', '[music]', '[noise]', '好的']);
    expect('speaker' in turns[1]).toBe(false);
  });
});
