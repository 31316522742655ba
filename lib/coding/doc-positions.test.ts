import { Schema } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';

import { createDocPositionIndex, selectionToCodingRange, textToDocJSON } from './doc-positions';
import { OffsetError } from './offsets';

// The workbench schema in miniature: positions are only right if the real document has exactly
// this shape, so every test checks the index against a ProseMirror document built from the JSON.
const schema = new Schema({
  nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} },
});
const docOf = (text: string) => schema.nodeFromJSON(textToDocJSON(text));
const cps = (s: string) => Array.from(s);

const FAMILY = '👩‍👩‍👧'; // 5 code points joined by ZWJ
const THUMBS = '👍🏽'; // thumbs up + skin tone
const E_ACUTE = 'e\u0301'; // e + combining acute
const RARE_HAN = '𠮷'; // astral CJK

const SAMPLE = [
  `Q: How did the ${FAMILY} family cope?`,
  '',
  `A: 我们在田野里 ${THUMBS} caf${E_ACUTE} ${RARE_HAN}家`,
  '',
  '',
  'مرحبا بالعالم — end 🙂',
].join('\n');

describe('textToDocJSON', () => {
  it('makes one paragraph per line, empty lines empty, nothing trimmed', () => {
    const json = textToDocJSON('  a \n\nb\n');
    expect(json.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: '  a ' }] },
      { type: 'paragraph' },
      { type: 'paragraph', content: [{ type: 'text', text: 'b' }] },
      { type: 'paragraph' },
    ]);
    expect(textToDocJSON('').content).toEqual([{ type: 'paragraph' }]);
  });
});

describe('createDocPositionIndex', () => {
  it('matches the ProseMirror document at every code point of a mixed-script text', () => {
    const index = createDocPositionIndex(SAMPLE);
    const doc = docOf(SAMPLE);
    expect(index.docSize).toBe(doc.content.size);
    expect(index.lineCount).toBe(doc.childCount);
    const chars = cps(SAMPLE);
    for (let cp = 0; cp < chars.length; cp++) {
      if (chars[cp] === '\n') continue;
      const { from, to } = index.rangeToPositions({ start: cp, end: cp + 1 });
      // The single character at cp is exactly what the document holds between from and to.
      expect(doc.textBetween(from, to)).toBe(chars[cp]);
      expect(index.positionsToRange(from, to)).toEqual({ start: cp, end: cp + 1 });
    }
  });

  it('uses t + k + 1 for a UTF-16 index t in line k', () => {
    const text = 'ab\n\ncd';
    const index = createDocPositionIndex(text);
    expect(index.utf16ToPos(0)).toBe(1);
    expect(index.utf16ToPos(2)).toBe(3); // end of line 0 (the '\n' itself)
    expect(index.utf16ToPos(3)).toBe(5); // the empty line 1
    expect(index.utf16ToPos(4)).toBe(7); // 'c' in line 2
    expect(index.utf16ToPos(6)).toBe(9);
    expect(index.docSize).toBe(docOf(text).content.size);
    expect([0, 1, 2].map((k) => index.lineRange(k))).toEqual([
      { from: 1, to: 3 },
      { from: 5, to: 5 },
      { from: 7, to: 9 },
    ]);
    expect(() => index.lineRange(3)).toThrow(/line 3/);
  });

  it('maps ranges that cross paragraphs back with the newlines included', () => {
    const index = createDocPositionIndex(SAMPLE);
    const doc = docOf(SAMPLE);
    const start = cps(SAMPLE).indexOf('f'); // "family", line 0
    const end = cps(SAMPLE).indexOf('家') + 1; // line 2
    const { from, to } = index.rangeToPositions({ start, end });
    // With '\n' between blocks, the document text is the stored text again.
    expect(doc.textBetween(from, to, '\n')).toBe(cps(SAMPLE).slice(start, end).join(''));
    expect(index.positionsToRange(from, to)).toEqual({ start, end });
  });

  it('resolves positions between paragraphs by bias, and the document ends', () => {
    const text = 'ab\ncd';
    const index = createDocPositionIndex(text);
    // 0 <p> 1 a 2 b 3 </p> 4 <p> 5 c 6 d 7 </p> 8
    expect(index.posToUtf16(4, 1)).toBe(3); // start of "cd"
    expect(index.posToUtf16(4, -1)).toBe(2); // end of "ab"
    expect(index.posToUtf16(0)).toBe(0);
    expect(index.posToUtf16(8)).toBe(5);
    // A whole-document selection (AllSelection: 0..size) is the whole text.
    expect(index.positionsToRange(0, index.docSize)).toEqual({ start: 0, end: 5 });
  });

  it('handles an empty text, a text that is only newlines, and empty lines at the ends', () => {
    for (const text of ['', '\n', '\n\n', '\nx\n']) {
      const index = createDocPositionIndex(text);
      expect(index.docSize).toBe(docOf(text).content.size);
      expect(index.positionsToRange(0, index.docSize)).toEqual({ start: 0, end: cps(text).length });
    }
    const index = createDocPositionIndex('\nx\n');
    expect(index.rangeToPositions({ start: 1, end: 2 })).toEqual({ from: 3, to: 4 });
  });

  it('widens a position range that splits a surrogate pair', () => {
    const index = createDocPositionIndex('a🙂b');
    // 🙂 occupies positions 2..4; 3 is between its halves.
    expect(index.positionsToRange(3, 4)).toEqual({ start: 1, end: 2 });
    expect(index.positionsToRange(2, 3)).toEqual({ start: 1, end: 2 });
  });

  it('rejects out-of-range and reversed input with a message naming the value', () => {
    const index = createDocPositionIndex('abc');
    expect(() => index.cpToPos(4)).toThrow(OffsetError);
    expect(() => index.posToUtf16(6)).toThrow(/document position 6/);
    expect(() => index.positionsToRange(3, 2)).toThrow(/reversed/);
    expect(() => index.rangeToPositions({ start: 2, end: 1 })).toThrow(/reversed/);
  });

  // Speed is measured by `npm run bench`; here the conversions must agree with a direct count.
  it('converts 5,000 ranges of a 100,000-word text', () => {
    const words = ['interview', '田野', 'we', 'talked', '🙂', 'about', 'café', 'trust'];
    const parts: string[] = [];
    for (let i = 0; i < 100_000; i++) parts.push(words[i % words.length] + (i % 17 === 16 ? '\n' : ' '));
    const text = parts.join('');
    const index = createDocPositionIndex(text);
    const n = index.offsets.length;
    expect(n).toBe([...text].length);
    for (let i = 0; i < 5000; i++) {
      const start = Math.floor((i * n) / 5000);
      const { from, to } = index.rangeToPositions({ start, end: Math.min(n, start + 40) });
      expect(index.cpToPos(start)).toBe(from);
      expect(to).toBeGreaterThan(from);
    }
  });
});

describe('selectionToCodingRange', () => {
  const text = `  hello ${THUMBS} \n\n caf${E_ACUTE} 家  `;
  const index = createDocPositionIndex(text);
  const chars = cps(text);

  it('trims whitespace and newlines from both ends', () => {
    const r = selectionToCodingRange(index, 1, index.docSize - 1);
    expect(r).not.toBeNull();
    expect(chars.slice(r!.start, r!.end).join('')).toBe(`hello ${THUMBS} \n\n caf${E_ACUTE} 家`);
  });

  it('widens to whole grapheme clusters', () => {
    // Select only the thumbs-up without its skin-tone modifier.
    const start = chars.indexOf('👍');
    const { from, to } = index.rangeToPositions({ start, end: start + 1 });
    const r = selectionToCodingRange(index, from, to)!;
    expect(chars.slice(r.start, r.end).join('')).toBe(THUMBS);
    // Select the "e" of "café" without its accent.
    const e = chars.indexOf('e', chars.indexOf('c'));
    const p = index.rangeToPositions({ start: e, end: e + 1 });
    const r2 = selectionToCodingRange(index, p.from, p.to)!;
    expect(chars.slice(r2.start, r2.end).join('')).toBe(E_ACUTE);
  });

  it('accepts a backwards selection and returns null for whitespace only', () => {
    const start = chars.indexOf('家');
    const { from, to } = index.rangeToPositions({ start, end: start + 1 });
    expect(selectionToCodingRange(index, to, from)).toEqual({ start, end: start + 1 });
    expect(selectionToCodingRange(index, 1, 3)).toBeNull();
    expect(selectionToCodingRange(index, 5, 5)).toBeNull();
  });
});
