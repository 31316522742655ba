import { describe, expect, it } from 'vitest';

import { countWords, normalisePastedText, prepareSource } from './prepare-source';

describe('prepareSource', () => {
  it('measures length in code points, not UTF-16 units', () => {
    const p = prepareSource({ text: '信任🙂 e\u0301' });
    // 信 任 🙂 (one code point, two UTF-16 units) space e U+0301
    expect(p.length).toBe(6);
    expect('信任🙂 e\u0301'.length).toBe(7);
    expect(p.structure).toBeNull();
  });

  it('keeps pages and turns as JSON', () => {
    const p = prepareSource({ text: 'ab', pages: [{ page: 1, start: 0, end: 2 }] });
    expect(JSON.parse(p.structure as string)).toEqual({ pages: [{ page: 1, start: 0, end: 2 }] });
  });
});

describe('countWords', () => {
  it('counts English and Chinese words', () => {
    expect(countWords('We ship to Germany, mostly.')).toBe(5);
    expect(countWords('我们主要卖到德国')).toBeGreaterThanOrEqual(3);
    expect(countWords('   ')).toBe(0);
  });
});

describe('normalisePastedText', () => {
  it('turns CRLF and CR into LF only', () => {
    expect(normalisePastedText('a\r\nb\rc\n  d ')).toBe('a\nb\nc\n  d ');
  });
});
