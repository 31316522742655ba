import { describe, expect, it } from 'vitest';

import {
  OffsetError,
  assertCodePointRange,
  assertUtf16Range,
  codePointLength,
  codePointRangeToUtf16,
  codePointToUtf16,
  createOffsetIndex,
  sliceByCodePoints,
  snapToGraphemes,
  splitsSurrogatePair,
  utf16RangeToCodePoints,
  utf16ToCodePoint,
} from './offsets';

// Reference implementation: the definition of a code point offset, slow but obviously right.
const cps = (s: string) => Array.from(s);
const refToUtf16 = (s: string, cp: number) => cps(s).slice(0, cp).join('').length;

const FAMILY = '👩‍👩‍👧'; // 3 emoji joined by 2 ZWJ: 5 code points, 8 UTF-16 units
const THUMBS = '👍🏽'; // thumbs up + skin tone: 2 code points, 4 units
const E_ACUTE = 'e\u0301'; // combining acute: 2 code points, 2 units
const RARE_HAN = '𠮷'; // CJK Ext. B, astral: 1 code point, 2 units
const ARABIC = 'مرحبا بالعالم';
const HEBREW = 'שלום';

const SAMPLE = `Q: ${FAMILY} family? A: ${THUMBS} yes, caf${E_ACUTE}. 采访${RARE_HAN}家 ${ARABIC} ${HEBREW} 🇨🇳 end`;

describe('code point ↔ UTF-16 conversion', () => {
  it('agrees with Array.from at every code point offset of a mixed-script text', () => {
    const index = createOffsetIndex(SAMPLE);
    const n = cps(SAMPLE).length;
    expect(index.length).toBe(n);
    expect(codePointLength(SAMPLE)).toBe(n);
    for (let cp = 0; cp <= n; cp++) {
      const u = refToUtf16(SAMPLE, cp);
      expect(index.toUtf16(cp)).toBe(u);
      expect(index.toCodePoint(u)).toBe(cp);
    }
  });

  it('counts emoji ZWJ sequences, skin tones and flags by code point', () => {
    expect(codePointLength(FAMILY)).toBe(5);
    expect(FAMILY.length).toBe(8);
    expect(codePointLength(THUMBS)).toBe(2);
    expect(codePointLength('🇨🇳')).toBe(2);
    expect(codePointToUtf16(`a${FAMILY}b`, 6)).toBe(9);
    expect(utf16ToCodePoint(`a${FAMILY}b`, 9)).toBe(6);
  });

  it('treats BMP CJK, RTL and combining marks as one unit per code point', () => {
    for (const s of ['采访记录', ARABIC, HEBREW, `caf${E_ACUTE}`]) {
      const index = createOffsetIndex(s);
      expect(index.length).toBe(s.length);
      expect(index.toUtf16(2)).toBe(2);
    }
    expect(sliceByCodePoints(`caf${E_ACUTE}!`, 3, 5)).toBe(E_ACUTE);
  });

  it('handles astral CJK characters', () => {
    const s = `吉${RARE_HAN}野家`;
    expect(codePointToUtf16(s, 2)).toBe(3);
    expect(sliceByCodePoints(s, 1, 3)).toBe(`${RARE_HAN}野`);
  });

  it('rejects a UTF-16 offset inside a surrogate pair, and out-of-range or fractional offsets', () => {
    expect(() => utf16ToCodePoint('a😀b', 2)).toThrow(/splits a surrogate pair/);
    expect(splitsSurrogatePair('a😀b', 2)).toBe(true);
    expect(splitsSurrogatePair('a😀b', 1)).toBe(false);
    expect(splitsSurrogatePair('a😀b', 3)).toBe(false);
    expect(() => codePointToUtf16('abc', 4)).toThrow(OffsetError);
    expect(() => codePointToUtf16('abc', -1)).toThrow(/outside the text/);
    expect(() => codePointToUtf16('abc', 1.5)).toThrow(/not an integer/);
    expect(() => utf16ToCodePoint('abc', Number.NaN)).toThrow(/not an integer/);
  });

  it('counts a lone surrogate as one code point, as for…of does', () => {
    const s = 'a\ud83db\ude00c';
    expect(codePointLength(s)).toBe(cps(s).length);
    const index = createOffsetIndex(s);
    for (let cp = 0; cp <= cps(s).length; cp++) expect(index.toUtf16(cp)).toBe(refToUtf16(s, cp));
  });

  it('handles the empty text', () => {
    const index = createOffsetIndex('');
    expect(index.length).toBe(0);
    expect(index.toUtf16(0)).toBe(0);
    expect(sliceByCodePoints('', 0, 0)).toBe('');
  });
});

describe('ranges', () => {
  it('round-trips ranges between units and slices the same text', () => {
    const text = `I feel ${THUMBS} about ${FAMILY} and 中文${RARE_HAN}.`;
    const start = cps(text).indexOf('👍');
    const range = { start, end: start + 2 };
    const u = codePointRangeToUtf16(text, range);
    expect(text.slice(u.from, u.to)).toBe(THUMBS);
    expect(utf16RangeToCodePoints(text, u)).toEqual(range);
    expect(sliceByCodePoints(text, range.start, range.end)).toBe(THUMBS);
  });

  it('validates ranges and names the bad value', () => {
    expect(() => assertCodePointRange('abc', { start: 2, end: 1 })).toThrow(/reversed: start 2 > end 1/);
    expect(() => assertCodePointRange('😀', { start: 0, end: 2 })).toThrow(/end 2 is past the end of the text \(length 1\)/);
    expect(() => assertCodePointRange('abc', { start: -1, end: 1 })).toThrow(/start -1 is negative/);
    expect(() => assertCodePointRange('abc', { start: 0, end: 3 })).not.toThrow();
    expect(() => assertUtf16Range('a😀', { from: 0, to: 2 })).toThrow(/splits a surrogate pair/);
    expect(() => utf16RangeToCodePoints('a😀', { from: 2, to: 3 })).toThrow(/splits a surrogate pair/);
    expect(() => sliceByCodePoints('abc', 1, 9)).toThrow(OffsetError);
  });

  it('slices to the end when end is omitted', () => {
    expect(sliceByCodePoints('😀ab', 1)).toBe('ab');
  });
});

/** Code point offset of the first `needle` at or after code point offset `fromCp`. */
const index = (text: string, needle: string, fromCp: number) =>
  utf16ToCodePoint(text, text.indexOf(needle, codePointToUtf16(text, fromCp)));

describe('snapToGraphemes', () => {
  it('widens a range that cuts a combining sequence, a ZWJ family or a skin tone', () => {
    const text = `x caf${E_ACUTE} ${FAMILY} ${THUMBS} y`;
    const c = cps(text);
    const eIdx = c.indexOf('e');
    expect(snapToGraphemes(text, { start: 2, end: eIdx + 1 })).toEqual({ start: 2, end: eIdx + 2 });
    const fam = c.indexOf('👩');
    expect(snapToGraphemes(text, { start: fam + 2, end: fam + 3 })).toEqual({ start: fam, end: fam + 5 });
    const th = c.indexOf('👍');
    expect(snapToGraphemes(text, { start: th, end: th + 1 })).toEqual({ start: th, end: th + 2 });
  });

  it('leaves ranges on grapheme boundaries and empty ranges alone', () => {
    const text = `مرحبا ${FAMILY} 采访`;
    expect(snapToGraphemes(text, { start: 0, end: 5 })).toEqual({ start: 0, end: 5 });
    expect(snapToGraphemes(text, { start: 6, end: 6 })).toEqual({ start: 6, end: 6 });
    expect(snapToGraphemes(text, { start: 8, end: 8 })).toEqual({ start: 6, end: 6 });
    const n = codePointLength(text);
    expect(snapToGraphemes(text, { start: n, end: n })).toEqual({ start: n, end: n });
  });

  it('handles a cluster longer than the search window', () => {
    const text = `a${'e' + '\u0301'.repeat(200)}b`;
    expect(snapToGraphemes(text, { start: 100, end: 101 })).toEqual({ start: 1, end: 202 });
  });

  // Regression: the whole selected range used to be segmented, and Intl.Segmenter is
  // superlinear (a 64 KB string takes 45 s), so selecting a whole long document froze the tab.
  it('snaps a selection of a whole 1 MB document by looking only at its ends', () => {
    const line = `Interviewer: 采访 notes ${FAMILY} caf${E_ACUTE} ${THUMBS} 🇨🇳 and more.\n`;
    // Starts with a combining sequence and ends inside a ZWJ family.
    const text = `e\u0301${line.repeat(Math.ceil(1_000_000 / line.length))}${FAMILY}`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const n = codePointLength(text);
    expect(snapToGraphemes(text, { start: 0, end: n })).toEqual({ start: 0, end: n });
    expect(snapToGraphemes(text, { start: 1, end: n - 1 })).toEqual({ start: 0, end: n });
    expect(snapToGraphemes(text, { start: 2, end: n - 5 })).toEqual({ start: 2, end: n - 5 });
    // Ends in the middle of the text, inside a skin-tone emoji and a flag.
    const th = index(text, THUMBS, 500_000);
    const flag = index(text, '🇨🇳', 600_000);
    expect(snapToGraphemes(text, { start: th + 1, end: flag + 1 })).toEqual({ start: th, end: flag + 2 });
  });
});

describe('long texts', () => {
  it('converts 5,000 codings on a 100,000-word text with emoji and CJK in milliseconds', () => {
    const words = ['interview', 'said', '采访', '😀', 'مرحبا', FAMILY, 'café', RARE_HAN, 'the', 'work'];
    const parts: string[] = [];
    for (let i = 0; i < 100_000; i++) parts.push(words[(i * 7919) % words.length]);
    const text = parts.join(' ');
    const index = createOffsetIndex(text);
    let seed = 1;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const ranges = Array.from({ length: 5000 }, () => {
      const a = Math.floor(rand() * index.length);
      return { start: a, end: Math.min(index.length, a + Math.floor(rand() * 200)) };
    });
    let check = 0;
    for (const r of ranges) {
      const from = index.toUtf16(r.start);
      const to = index.toUtf16(r.end);
      check += index.toCodePoint(from) - r.start + index.toCodePoint(to) - r.end;
    }
    expect(check).toBe(0);
  });
});
