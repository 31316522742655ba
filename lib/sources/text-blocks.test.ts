import { describe, expect, it } from 'vitest';

import { formatTimestamp, textBlocks } from './text-blocks';

describe('textBlocks', () => {
  it('covers every character exactly once, in order, with emoji counted as one', () => {
    const text = 'A: 你好🙂\nB: ok\n';
    // 13 code points: "A: 你好🙂" is 6 (the emoji is one), then \n, "B: ok", \n.
    const blocks = textBlocks(text, { turns: [{ speaker: 'A', startMs: 0, endMs: 1000, start: 0, end: 6 }, { speaker: 'B', startMs: 1000, endMs: 2000, start: 7, end: 12 }] }, 13);
    expect(blocks.map((b) => b.text).join('')).toBe(text);
    expect(blocks[0]).toMatchObject({ speaker: 'A', start: 0, end: 6, text: 'A: 你好🙂' });
    expect(blocks[1]).toMatchObject({ start: 6, end: 7, text: '\n' });
    expect(blocks[3]).toMatchObject({ start: 12, end: 13, text: '\n' });
  });

  it('uses pages when there are no turns, and one block otherwise', () => {
    expect(textBlocks('abcd', { pages: [{ page: 1, start: 0, end: 2 }, { page: 2, start: 2, end: 4 }] }, 4).map((b) => b.page)).toEqual([1, 2]);
    expect(textBlocks('abcd', {}, 4)).toEqual([{ start: 0, end: 4, text: 'abcd' }]);
  });
});

describe('formatTimestamp', () => {
  it('formats minutes and hours', () => {
    expect(formatTimestamp(83_456)).toBe('1:23');
    expect(formatTimestamp(3_683_000)).toBe('1:01:23');
  });
});
