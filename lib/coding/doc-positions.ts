/**
 * Mapping between a source's stored text and the ProseMirror document the workbench shows.
 *
 * The document is the stored text split on '\n': one paragraph per line, in order, with the
 * line's characters as its only content ('\n' itself is not in the document; an empty line is
 * an empty paragraph). ProseMirror counts positions in UTF-16 units plus one token for each
 * paragraph boundary, so for a UTF-16 index `t` that falls in line `k` (0-based) the position
 * is `t + k + 1`: `k` newlines are missing from the document and `k + 1` opening tokens are
 * added before it.
 *
 * Stored offsets are code points (see ./offsets.ts), so every conversion goes
 * code point ↔ UTF-16 (binary search over the astral characters) and UTF-16 ↔ position (binary
 * search over line starts). Both indexes are built once per text: converting 5,000 codings of a
 * 100,000-word transcript costs well under a millisecond.
 *
 * @example
 * const index = createDocPositionIndex('ab\n田野💚');
 * index.rangeToPositions({ start: 3, end: 6 }); // { from: 5, to: 9 }: "田野💚" in paragraph 2
 * index.positionsToRange(2, 9); // { start: 1, end: 6 }: "b\n田野💚", the newline included
 */

import { createOffsetIndex, OffsetError, snapToGraphemes, type CodePointRange, type OffsetIndex } from './offsets';

/** A ProseMirror JSON paragraph: plain text only (an empty line has no content). */
export type SourceParagraphJSON = { type: 'paragraph'; content?: [{ type: 'text'; text: string }] };

/** The ProseMirror JSON document for a stored text: `{ type: 'doc', content: paragraphs }`. */
export type SourceDocJSON = { type: 'doc'; content: SourceParagraphJSON[] };

/** A ProseMirror range `[from, to)`. */
export type PositionRange = { from: number; to: number };

/**
 * Which way a position that lies *between* two paragraphs (not inside any line) resolves:
 * `1` to the start of the next line, `-1` to the end of the previous one. Positions inside a
 * line never depend on it.
 */
export type PositionBias = -1 | 1;

/** Precomputed line and astral-character indexes of one stored text. */
export interface DocPositionIndex {
  /** The stored text the index was built for. */
  readonly text: string;
  /** Number of lines (paragraphs); an empty text has one empty line. */
  readonly lineCount: number;
  /** `doc.content.size` of the matching ProseMirror document. */
  readonly docSize: number;
  /** The code point offset index of the text. */
  readonly offsets: OffsetIndex;
  /** ProseMirror positions of the first character of line `k` and just after its last. */
  lineRange(k: number): PositionRange;
  /** Line (0-based) that contains UTF-16 index `u16`; a '\n' belongs to the line it ends. */
  lineOfUtf16(u16: number): number;
  /** UTF-16 index → ProseMirror position. @throws {OffsetError} when out of bounds. */
  utf16ToPos(u16: number): number;
  /**
   * ProseMirror position → UTF-16 index. Positions between paragraphs resolve by `bias`;
   * position 0 is the start and `docSize` the end of the text.
   * @throws {OffsetError} when out of bounds or not an integer.
   */
  posToUtf16(pos: number, bias?: PositionBias): number;
  /** Code point offset → ProseMirror position. @throws {OffsetError} when out of bounds. */
  cpToPos(cp: number): number;
  /** A stored coding range → the ProseMirror range it covers. @throws {OffsetError} when invalid. */
  rangeToPositions(range: CodePointRange): PositionRange;
  /**
   * A ProseMirror range → code points. A range that crosses paragraphs includes the newlines
   * between them. An end that splits a surrogate pair is widened outward.
   * @throws {OffsetError} when out of bounds or reversed.
   */
  positionsToRange(from: number, to: number): CodePointRange;
}

/**
 * Build a {@link DocPositionIndex} for `text` (one linear scan for newlines, one for astral
 * characters).
 *
 * @param text - the source's stored text, exactly as stored.
 * @returns the index.
 * @example
 * const index = createDocPositionIndex(source.text);
 * const { from, to } = index.rangeToPositions(coding);
 */
export function createDocPositionIndex(text: string): DocPositionIndex {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  // UTF-16 index where each line starts, and the ProseMirror position of its first character.
  const lineStart = new Int32Array(lines);
  const textPos = new Int32Array(lines);
  for (let k = 1, i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1), k++) lineStart[k] = i + 1;
  for (let k = 0; k < lines; k++) textPos[k] = lineStart[k] + k + 1;
  const n = text.length;
  const docSize = n + lines + 1;
  const offsets = createOffsetIndex(text);
  const lineEnd = (k: number) => (k + 1 < lines ? lineStart[k + 1] - 1 : n);

  const lineOfUtf16 = (u16: number): number => upperBound(lineStart, u16) - 1;

  const utf16ToPos = (u16: number): number => {
    checkBounds(u16, n, 'UTF-16 offset');
    return u16 + lineOfUtf16(u16) + 1;
  };

  const posToUtf16 = (pos: number, bias: PositionBias = 1): number => {
    checkBounds(pos, docSize, 'document position');
    if (pos === 0) return 0;
    if (pos === docSize) return n;
    const k = upperBound(textPos, pos) - 1;
    if (k < 0) return 0; // before the first character (inside the first paragraph's opening)
    const u16 = pos - k - 1;
    if (u16 <= lineEnd(k)) return u16;
    // Between paragraph k and k + 1: the '\n' at lineEnd(k) is on neither side.
    return bias === 1 && k + 1 < lines ? lineStart[k + 1] : lineEnd(k);
  };

  const toCp = (u16: number, widen: PositionBias): number => {
    // Browsers never put a caret inside a surrogate pair, but a computed position might:
    // widen outward rather than fail, so a range always keeps the whole character.
    if (u16 > 0 && u16 < n && isHigh(text.charCodeAt(u16 - 1)) && isLow(text.charCodeAt(u16))) u16 += widen;
    return offsets.toCodePoint(u16);
  };

  return {
    text,
    lineCount: lines,
    docSize,
    offsets,
    lineRange(k) {
      if (!Number.isInteger(k) || k < 0 || k >= lines) throw new OffsetError(`line ${k} is outside 0..${lines - 1}`);
      return { from: textPos[k], to: textPos[k] + lineEnd(k) - lineStart[k] };
    },
    lineOfUtf16,
    utf16ToPos,
    posToUtf16,
    cpToPos: (cp) => utf16ToPos(offsets.toUtf16(cp)),
    rangeToPositions(range) {
      if (range.start > range.end) throw new OffsetError(`range is reversed: start ${range.start} > end ${range.end}`);
      return { from: utf16ToPos(offsets.toUtf16(range.start)), to: utf16ToPos(offsets.toUtf16(range.end)) };
    },
    positionsToRange(from, to) {
      if (from > to) throw new OffsetError(`position range is reversed: from ${from} > to ${to}`);
      return { start: toCp(posToUtf16(from, 1), -1), end: toCp(posToUtf16(to, -1), 1) };
    },
  };
}

/**
 * The ProseMirror JSON document for a stored text: one paragraph per '\n'-separated line.
 * Nothing is trimmed or normalised — positions depend on the text being exactly as stored.
 *
 * @param text - the stored text.
 * @returns a document for the workbench schema (doc > paragraph* > text).
 * @example
 * textToDocJSON('a\n\nb'); // 3 paragraphs, the middle one empty
 */
export function textToDocJSON(text: string): SourceDocJSON {
  return {
    type: 'doc',
    content: text.split('\n').map((line): SourceParagraphJSON =>
      line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' },
    ),
  };
}

/**
 * Turn an editor selection into the range to store for a new coding: whitespace (including
 * newlines) trimmed from both ends — a double-click or a drag to the line end often picks it
 * up — then widened so it neither starts nor ends inside a grapheme cluster (an emoji with a
 * modifier, a letter with a combining accent).
 *
 * @param index - the text's position index.
 * @param from - selection start (ProseMirror position).
 * @param to - selection end (ProseMirror position).
 * @returns the code point range, or `null` when the selection holds no visible character.
 * @throws {OffsetError} when the positions are out of bounds.
 * @example
 * selectionToCodingRange(index, sel.from, sel.to) ?? showMessage('Select some text first.');
 */
export function selectionToCodingRange(index: DocPositionIndex, from: number, to: number): CodePointRange | null {
  const { text } = index;
  let a = index.posToUtf16(Math.min(from, to), 1);
  let b = index.posToUtf16(Math.max(from, to), -1);
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  if (a >= b) return null;
  // Keep whole surrogate pairs, then whole grapheme clusters.
  if (a > 0 && isLow(text.charCodeAt(a)) && isHigh(text.charCodeAt(a - 1))) a--;
  if (b < text.length && isLow(text.charCodeAt(b)) && isHigh(text.charCodeAt(b - 1))) b++;
  return snapToGraphemes(text, { start: index.offsets.toCodePoint(a), end: index.offsets.toCodePoint(b) });
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
/** ASCII and common Unicode whitespace (what `\s` matches), without building a string. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Number of elements of the ascending `arr` that are ≤ `value`. */
function upperBound(arr: Int32Array, value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkBounds(value: number, max: number, what: string): void {
  if (!Number.isInteger(value)) throw new OffsetError(`${what} ${String(value)} is not an integer`);
  if (value < 0 || value > max) throw new OffsetError(`${what} ${value} is outside 0..${max}`);
}
