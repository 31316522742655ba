import { describe, expect, it } from 'vitest';

import { excerpt } from './segments';

describe('excerpt', () => {
  it('cuts by code points, so emoji and CJK stay whole', () => {
    const text = '前文🙂信任平台🙂后文';
    // code points: 前0 文1 🙂2 信3 任4 平5 台6 🙂7 后8 文9
    expect(excerpt(text, 3, 7, 2)).toEqual({ text: '信任平台', before: '…文🙂', after: '🙂后…' });
  });

  it('marks trimmed context with an ellipsis at word boundaries', () => {
    const text = 'one two three four five six seven';
    const e = excerpt(text, 14, 18, 8);
    expect(e.text).toBe('four');
    expect(e.before).toBe('…three ');
    expect(e.after).toBe(' five…');
  });
});
