import { describe, expect, it } from 'vitest';

import { sliceByCodePoints } from '../coding/offsets';
import { paragraphRange, parseTurns, rangesToCode, turnRange } from './expand';
import { findHits } from './find';
import { normalizeForSearch, normalizeQuery } from './normalize';
import { rangesForHits, searchTexts } from './search-texts';

/** The stored text of each hit: what a coding of that range would show. */
const hitTexts = (text: string, query: string) => findHits(text, query).map((h) => sliceByCodePoints(text, h.start, h.end));

describe('normalizeForSearch', () => {
  it('folds case, width and compatibility forms', () => {
    expect(normalizeForSearch('ＡＢＣ１２３ ｶﾀｶﾅ Straße ΣΊΣΥΦΟΣ').text).toBe('abc123 カタカナ strasse σίσυφοσ'.normalize('NFKD'));
    expect(normalizeQuery('  Ｔｒｕｓｔ\u3000 ')).toBe('trust');
    expect(normalizeQuery(' \n\t\u3000')).toBe('');
  });

  it('maps every folded unit back to the stored code point it came from, across length changes', () => {
    // ﬁ → "fi" (1 → 2), ① → "1", 😀 is two UTF-16 units but one code point, ㎏ → "kg".
    const text = 'ﬁ①😀㎏x';
    const n = normalizeForSearch(text);
    expect(n.text).toBe('fi1😀kgx');
    expect(Array.from(n.startOf)).toEqual([0, 0, 1, 2, 2, 3, 3, 4]);
    expect(Array.from(n.endOf)).toEqual([1, 1, 2, 3, 3, 4, 4, 5]);
    expect(n.length).toBe(5);
    expect(n.toRange(7, 8)).toEqual({ start: 4, end: 5 });
    expect(() => n.toRange(3, 3)).toThrow(RangeError);
  });

  it('collapses a whitespace run into one space that covers the whole run', () => {
    const n = normalizeForSearch('a \n\t b');
    expect(n.text).toBe('a b');
    expect(n.toRange(1, 2)).toEqual({ start: 1, end: 5 });
  });
});

describe('findHits', () => {
  it('finds Chinese phrases without spaces or word segmentation, at exact code points', () => {
    // 卖0 家1 说2 ：3 我4 们5 信6 任7 平8 台9 🙂10 ，11 但12 是13 不14 信15 任16 物17 流18 。19 信20 任21
    const text = '卖家说：我们信任平台🙂，但是不信任物流。信任';
    expect(findHits(text, '信任')).toEqual([
      { start: 6, end: 8 },
      { start: 15, end: 17 },
      { start: 20, end: 22 },
    ]);
    expect(hitTexts(text, '平台🙂，但是')).toEqual(['平台🙂，但是']);
  });

  it('ignores case and width in both directions', () => {
    const text = 'Trust, TRUST and ｔｒｕｓｔ; ＡＩ平台 and ai平台';
    expect(hitTexts(text, 'trust')).toEqual(['Trust', 'TRUST', 'ｔｒｕｓｔ']);
    expect(hitTexts(text, 'ＴＲＵＳＴ')).toEqual(['Trust', 'TRUST', 'ｔｒｕｓｔ']);
    expect(hitTexts(text, 'Ai平台')).toEqual(['ＡＩ平台', 'ai平台']);
    // Half-width katakana and full-width digits against their ordinary forms.
    expect(hitTexts('ﾃｽﾄ ２０２４年', 'テスト')).toEqual(['ﾃｽﾄ']);
    expect(hitTexts('ﾃｽﾄ ２０２４年', '2024年')).toEqual(['２０２４年']);
  });

  it('maps hits back through characters whose folded form changes length', () => {
    // "ﬁle" is 3 stored code points but "file" folded; "①" is found by "1".
    const text = 'the ﬁle, the file; step ① then ⑪';
    expect(findHits(text, 'file')).toEqual([
      { start: 4, end: 7 },
      { start: 13, end: 17 },
    ]);
    expect(hitTexts(text, 'file')).toEqual(['ﬁle', 'file']);
    expect(hitTexts(text, 'step 1')).toEqual(['step ①']);
    expect(hitTexts(text, '11')).toEqual(['⑪']);
    // A query matching half of an expansion covers the whole stored character, once.
    expect(hitTexts('ﬀ', 'f')).toEqual(['ﬀ']);
  });

  it('matches composed and decomposed accents alike, and ß as ss', () => {
    expect(hitTexts('café and cafe\u0301', 'CAFÉ')).toEqual(['café', 'cafe\u0301']);
    expect(hitTexts('Die Straße', 'strasse')).toEqual(['Straße']);
  });

  it('lets one space in the query match a line break or several spaces', () => {
    const text = 'we sent\nsamples and we  sent   samples';
    expect(findHits(text, 'sent samples')).toEqual([
      { start: 3, end: 15 },
      { start: 24, end: 38 },
    ]);
  });

  it('finds nothing for an empty query and never overlaps hits', () => {
    expect(findHits('abc', '   ')).toEqual([]);
    expect(findHits('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });

  it('stays linear on a long text (a 1 MB book is one pass, no segmenter)', () => {
    const text = '我们信任这个平台。'.repeat(120_000); // ~1.1 M code points
    const hits = findHits(text, '信任');
    expect(hits).toHaveLength(120_000);
    expect(hits[119_999]).toEqual({ start: 9 * 119_999 + 2, end: 9 * 119_999 + 4 });
  });
});

describe('paragraph and turn expansion', () => {
  const text = 'Interviewer: 你信任平台吗？\n  Seller: 我们信任平台，但物流太慢。  \nlast';

  it('widens a hit to its line, trimmed', () => {
    const [, second] = findHits(text, '信任平台');
    const p = paragraphRange(text, second);
    expect(sliceByCodePoints(text, p.start, p.end)).toBe('Seller: 我们信任平台，但物流太慢。');
    const first = findHits(text, 'Interviewer')[0];
    expect(sliceByCodePoints(text, ...Object.values(paragraphRange(text, first)) as [number, number])).toBe('Interviewer: 你信任平台吗？');
    const last = findHits(text, 'last')[0];
    expect(paragraphRange(text, last)).toEqual({ start: text.length - 4, end: text.length });
  });

  it('widens a hit to its speaker turn, and falls back to the paragraph outside turns', () => {
    const turns = [
      { speaker: 'A', start: 0, end: 20 },
      { speaker: 'B', start: 20, end: 40 },
    ];
    expect(turnRange(turns, { start: 22, end: 25 })).toEqual({ start: 20, end: 40 });
    expect(turnRange(turns, { start: 18, end: 22 })).toEqual({ start: 0, end: 40 });
    expect(turnRange(turns, { start: 45, end: 46 })).toBeNull();
    const t = 'A: 信任\nB: 不信任\nC 信任';
    const ranges = rangesToCode(t, findHits(t, '信任'), 'turn', [
      { start: 0, end: 6 },
      { start: 6, end: 13 },
    ]);
    expect(ranges.map((r) => sliceByCodePoints(t, r.start, r.end))).toEqual(['A: 信任\n', 'B: 不信任\n', 'C 信任']);
  });

  it('gives one range for several hits in the same paragraph', () => {
    const t = '信任 信任 信任\n另一段信任';
    expect(rangesToCode(t, findHits(t, '信任'), 'paragraph')).toEqual([
      { start: 0, end: 8 },
      { start: 9, end: 14 },
    ]);
    expect(rangesToCode(t, findHits(t, '信任'), 'hit')).toHaveLength(4);
  });

  it('reads turns from a source structure and ignores what does not parse', () => {
    expect(parseTurns('{"turns":[{"speaker":"A","startMs":0,"endMs":5,"start":0,"end":4}]}')).toEqual([{ speaker: 'A', startMs: 0, endMs: 5, start: 0, end: 4 }]);
    expect(parseTurns('{"pages":[]}')).toEqual([]);
    expect(parseTurns('not json')).toEqual([]);
    expect(parseTurns(null)).toEqual([]);
  });
});

describe('searchTexts and rangesForHits', () => {
  const texts = [
    { id: 'a', text: '卖家说：我们信任平台。' },
    { id: 'b', text: 'no match here' },
    { id: 'c', text: '信任\n信任', structure: '{"turns":[{"speaker":"A","start":0,"end":5}]}' },
  ];

  it('returns the sources with hits, their counts and the hits in context', () => {
    const results = searchTexts(texts, '信任', { hitsPerSource: 1, context: 3 });
    expect(results.map((r) => [r.sourceId, r.total, r.hits.length])).toEqual([
      ['a', 1, 1],
      ['c', 2, 1],
    ]);
    expect(results[0].hits[0]).toMatchObject({ start: 6, end: 8, text: '信任', before: '…：我们', after: '平台。' });
    // Context stops at the paragraph: '信任\n信任' gives the first hit no context after it.
    expect(results[1].hits[0]).toEqual({ start: 0, end: 2, text: '信任', before: '', after: '' });
  });

  it('plans the ranges to code per unit', () => {
    expect(rangesForHits(texts, '信任', 'hit').map((r) => [r.sourceId, r.hits, r.ranges.length])).toEqual([
      ['a', 1, 1],
      ['c', 2, 2],
    ]);
    expect(rangesForHits(texts, '信任', 'turn').find((r) => r.sourceId === 'c')?.ranges).toEqual([{ start: 0, end: 5 }]);
  });
});
