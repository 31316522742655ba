/**
 * The offset model for codings: where a coded segment starts and ends in a source's stored text.
 *
 * **Unit: Unicode code points, 0-based, half-open `[start, end)`.** Every offset that Groundwork
 * stores — a coding's `start`/`end`, an imported source's page and turn boundaries — counts code
 * points of the stored plain text (`[...text].length` in JavaScript, `len(text)` in Python).
 *
 * Why code points, and not the UTF-16 code units that JavaScript strings, the DOM and
 * ProseMirror count in:
 * - REFI-QDA exchange: QDA-XML's `PlainTextSelection startPosition/endPosition` count characters
 *   of the plain text, and the tools that read and write them (e.g. QualCoder, whose Python
 *   strings index by code point) mean code points. Storing that unit makes export and import
 *   an identity, not a conversion that can silently shift a segment.
 * - Stable across languages and runtimes: a code point index means the same thing in
 *   JavaScript, Python, R, PostgreSQL (`substr` on text counts characters) and SQLite; a UTF-16
 *   index is an artefact of one string representation, and a UTF-8 byte index of another.
 * - Emoji and rare CJK characters (outside the Basic Multilingual Plane) are one code point but
 *   two UTF-16 units; counting code points means "character 10" is the same character for a
 *   researcher exporting to any tool.
 *
 * What it is not: grapheme clusters. "e" + U+0301, a family emoji joined with ZWJ, or a
 * thumbs-up with a skin-tone modifier are several code points. A range that ends inside such a
 * cluster is a *valid* range (it names real code points) but looks odd; the editor should snap
 * selections with {@link snapToGraphemes} before storing them. No Unicode normalisation (NFC) is
 * applied anywhere: offsets are defined on the text exactly as stored.
 *
 * The browser side works in UTF-16 units, so this module gives exact converters. They use an
 * {@link OffsetIndex}: the sorted positions of the (usually few) astral characters, so each
 * conversion is a binary search — converting thousands of codings on a 100,000-word text costs
 * about a millisecond instead of a scan per coding.
 *
 * @example
 * const text = 'I 💚 田野 notes';
 * const index = createOffsetIndex(text);
 * index.toUtf16(4); // 5: "💚" is one code point but two UTF-16 units
 * index.toCodePoint(5); // 4
 * sliceByCodePoints(text, 2, 3); // '💚'
 */

import { graphemeBoundaryAtOrAfter, graphemeBoundaryAtOrBefore } from '../text/segment';

/** A half-open range `[start, end)` of code point offsets into a source's stored text. */
export type CodePointRange = { start: number; end: number };

/** A half-open range `[from, to)` of UTF-16 code unit offsets (what the DOM and ProseMirror use). */
export type Utf16Range = { from: number; to: number };

/**
 * Thrown when an offset or range does not fit the text (out of bounds, not an integer, reversed,
 * or splitting a surrogate pair). The message names the bad value.
 */
export class OffsetError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'OffsetError';
  }
}

/**
 * A precomputed index of one text for fast, exact offset conversion.
 * Build it once per text with {@link createOffsetIndex}; it does not keep the text alive beyond
 * what the caller does.
 */
export type OffsetIndex = {
  /** Length of the text in code points. */
  readonly length: number;
  /** Length of the text in UTF-16 code units (`text.length`). */
  readonly utf16Length: number;
  /**
   * Code point offset → UTF-16 offset.
   * @throws {OffsetError} when `cp` is not an integer in `[0, length]`.
   */
  toUtf16(cp: number): number;
  /**
   * UTF-16 offset → code point offset.
   * @throws {OffsetError} when `u16` is not an integer in `[0, utf16Length]` or falls between
   * the two halves of a surrogate pair.
   */
  toCodePoint(u16: number): number;
};

/**
 * Build an {@link OffsetIndex} for `text`: one linear scan that records where the astral
 * characters (surrogate pairs) are. Lone surrogates count as one code point, as `for…of` does.
 *
 * @param text - the stored plain text of a source.
 * @returns an index whose conversions cost O(log a), a = number of astral characters.
 * @example
 * const index = createOffsetIndex(source.text);
 * const codings = rows.map((r) => ({ from: index.toUtf16(r.start), to: index.toUtf16(r.end) }));
 */
export function createOffsetIndex(text: string): OffsetIndex {
  // UTF-16 positions of the high surrogate of each well-formed pair, ascending, in a typed array
  // (counted first, then filled: no array growth, and monomorphic binary searches).
  const n = text.length;
  let count = 0;
  for (let i = 0; i < n - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        count++;
        i++;
      }
    }
  }
  const astral = new Int32Array(count);
  // Code point index of each astral character: its UTF-16 position minus the astral characters
  // before it (each of which took one extra unit).
  const astralCp = new Int32Array(count);
  for (let i = 0, k = 0; k < count; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral[k] = i;
        astralCp[k] = i - k;
        k++;
        i++;
      }
    }
  }
  const length = n - count;

  return {
    length,
    utf16Length: n,
    toUtf16(cp: number): number {
      checkInteger(cp, 'code point offset');
      if (cp < 0 || cp > length) {
        throw new OffsetError(`code point offset ${cp} is outside the text (length ${length})`);
      }
      // Each astral character before `cp` adds one unit.
      return cp + lowerBound(astralCp, cp);
    },
    toCodePoint(u16: number): number {
      checkInteger(u16, 'UTF-16 offset');
      if (u16 < 0 || u16 > n) {
        throw new OffsetError(`UTF-16 offset ${u16} is outside the text (length ${n})`);
      }
      const k = lowerBound(astral, u16);
      if (k > 0 && astral[k - 1] === u16 - 1) {
        throw new OffsetError(`UTF-16 offset ${u16} splits a surrogate pair (an emoji or rare character)`);
      }
      return u16 - k;
    },
  };
}

/** Number of elements of the ascending `arr` that are < `value`. */
function lowerBound(arr: Int32Array, value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkInteger(value: number, what: string): void {
  if (!Number.isInteger(value)) {
    throw new OffsetError(`${what} ${String(value)} is not an integer`);
  }
}

// The last few indexes, keyed by the text itself: the convenience functions below are often
// called many times in a row on the same (long) text. `===` on the same string is a pointer
// comparison, so a hit is O(1).
const CACHE_SIZE = 4;
const cache: { text: string; index: OffsetIndex }[] = [];

/**
 * The {@link OffsetIndex} for `text`, built once and cached for the most recently used texts.
 *
 * @param text - the stored plain text of a source.
 * @returns a (possibly cached) index.
 * @example
 * getOffsetIndex(text).toUtf16(42);
 */
export function getOffsetIndex(text: string): OffsetIndex {
  for (let i = 0; i < cache.length; i++) {
    if (cache[i].text === text) return cache[i].index;
  }
  const index = createOffsetIndex(text);
  cache.unshift({ text, index });
  if (cache.length > CACHE_SIZE) cache.pop();
  return index;
}

/**
 * Convert a code point offset into a UTF-16 offset of the same text.
 *
 * @param text - the stored plain text.
 * @param cp - a code point offset in `[0, codePointLength(text)]`.
 * @returns the UTF-16 code unit offset of the same position.
 * @throws {OffsetError} when `cp` is not an integer or is out of bounds.
 * @example
 * codePointToUtf16('😀a', 1); // 2
 */
export function codePointToUtf16(text: string, cp: number): number {
  return getOffsetIndex(text).toUtf16(cp);
}

/**
 * Convert a UTF-16 offset (from the DOM, a browser selection or ProseMirror's text) into a code
 * point offset of the same text.
 *
 * @param text - the stored plain text.
 * @param u16 - a UTF-16 offset in `[0, text.length]`.
 * @returns the code point offset of the same position.
 * @throws {OffsetError} when `u16` is not an integer, is out of bounds, or splits a surrogate pair.
 * @example
 * utf16ToCodePoint('😀a', 2); // 1
 */
export function utf16ToCodePoint(text: string, u16: number): number {
  return getOffsetIndex(text).toCodePoint(u16);
}

/**
 * Convert a stored code point range into a UTF-16 range.
 *
 * @param text - the stored plain text.
 * @param range - a valid code point range.
 * @returns the same range in UTF-16 units.
 * @throws {OffsetError} when the range is invalid (see {@link assertCodePointRange}).
 * @example
 * codePointRangeToUtf16('😀ab', { start: 1, end: 3 }); // { from: 2, to: 4 }
 */
export function codePointRangeToUtf16(text: string, range: CodePointRange): Utf16Range {
  const index = getOffsetIndex(text);
  assertRangeShape(range.start, range.end, index.length, 'code point');
  return { from: index.toUtf16(range.start), to: index.toUtf16(range.end) };
}

/**
 * Convert a UTF-16 range (e.g. a browser selection) into a code point range for storage.
 *
 * @param text - the stored plain text.
 * @param range - a UTF-16 range whose ends do not split a surrogate pair.
 * @returns the same range in code points.
 * @throws {OffsetError} when the range is out of bounds, reversed, or splits a surrogate pair.
 * @example
 * utf16RangeToCodePoints('😀ab', { from: 2, to: 4 }); // { start: 1, end: 3 }
 */
export function utf16RangeToCodePoints(text: string, range: Utf16Range): CodePointRange {
  const index = getOffsetIndex(text);
  assertRangeShape(range.from, range.to, index.utf16Length, 'UTF-16');
  return { start: index.toCodePoint(range.from), end: index.toCodePoint(range.to) };
}

/**
 * Length of `text` in code points (faster than `[...text].length` for long texts).
 *
 * @param text - any string.
 * @returns the number of code points; a lone surrogate counts as one.
 * @example
 * codePointLength('👍🏽'); // 2 (thumbs up + skin-tone modifier)
 */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * The substring between two code point offsets: what a coding `[start, end)` covers.
 *
 * @param text - the stored plain text.
 * @param start - code point offset of the first character.
 * @param end - code point offset just past the last character; defaults to the end of the text.
 * @returns the covered text.
 * @throws {OffsetError} when the range is invalid.
 * @example
 * sliceByCodePoints('a😀b', 1, 2); // '😀'
 */
export function sliceByCodePoints(text: string, start: number, end?: number): string {
  const index = getOffsetIndex(text);
  const e = end ?? index.length;
  assertRangeShape(start, e, index.length, 'code point');
  return text.slice(index.toUtf16(start), index.toUtf16(e));
}

/**
 * Check that a stored range fits the text: integers, `0 ≤ start ≤ end ≤ length` in code points.
 * Empty ranges (`start === end`) are allowed here; callers that forbid empty codings check
 * `start < end` themselves.
 *
 * @param text - the stored plain text.
 * @param range - the range to check.
 * @throws {OffsetError} naming the bad value.
 * @example
 * assertCodePointRange(text, { start: coding.start, end: coding.end });
 */
export function assertCodePointRange(text: string, range: CodePointRange): void {
  assertRangeShape(range.start, range.end, getOffsetIndex(text).length, 'code point');
}

/**
 * Whether a UTF-16 offset falls between the two halves of a surrogate pair (so converting it
 * would be ambiguous). Browser selections never do; hand-computed offsets can.
 *
 * @param text - any string.
 * @param u16 - a UTF-16 offset.
 * @returns true when `text[u16 - 1]` is a high surrogate and `text[u16]` its low half.
 * @example
 * splitsSurrogatePair('😀', 1); // true
 */
export function splitsSurrogatePair(text: string, u16: number): boolean {
  if (u16 <= 0 || u16 >= text.length) return false;
  const hi = text.charCodeAt(u16 - 1);
  const lo = text.charCodeAt(u16);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/**
 * Check a UTF-16 range from the browser before converting it: in bounds, ordered, and neither
 * end splits a surrogate pair.
 *
 * @param text - the stored plain text.
 * @param range - the UTF-16 range.
 * @throws {OffsetError} naming the bad value.
 * @example
 * assertUtf16Range(text, { from: sel.from, to: sel.to });
 */
export function assertUtf16Range(text: string, range: Utf16Range): void {
  assertRangeShape(range.from, range.to, text.length, 'UTF-16');
  for (const u of [range.from, range.to]) {
    if (splitsSurrogatePair(text, u)) {
      throw new OffsetError(`UTF-16 offset ${u} splits a surrogate pair (an emoji or rare character)`);
    }
  }
}

function assertRangeShape(start: number, end: number, length: number, unit: string): void {
  checkInteger(start, `${unit} start`);
  checkInteger(end, `${unit} end`);
  if (start < 0) throw new OffsetError(`${unit} start ${start} is negative`);
  if (end > length) throw new OffsetError(`${unit} end ${end} is past the end of the text (length ${length})`);
  if (start > end) throw new OffsetError(`${unit} range is reversed: start ${start} > end ${end}`);
}

/**
 * Widen a code point range so that it neither starts nor ends inside a grapheme cluster (a
 * user-perceived character: "é" as e + U+0301, 👍🏽, 👩‍👩‍👧, a flag). Use it on a new
 * selection before storing it, so a coding never cuts an emoji or an accent in half.
 *
 * Only the few characters around each end are segmented (a cluster boundary is a local
 * decision; see lib/text/segment), so snapping a selection of a whole 200,000-character text
 * costs what snapping one word does.
 *
 * @param text - the stored plain text.
 * @param range - a valid code point range.
 * @returns the smallest range containing `range` whose ends are grapheme boundaries.
 * @throws {OffsetError} when the range is invalid.
 * @example
 * snapToGraphemes('e\u0301t', { start: 0, end: 1 }); // { start: 0, end: 2 }
 */
export function snapToGraphemes(text: string, range: CodePointRange): CodePointRange {
  const index = getOffsetIndex(text);
  assertRangeShape(range.start, range.end, index.length, 'code point');
  const from = index.toUtf16(range.start);
  const to = index.toUtf16(range.end);
  const start = graphemeBoundaryAtOrBefore(text, from);
  // An empty range stays empty, at the boundary at or before it.
  const end = from === to ? start : graphemeBoundaryAtOrAfter(text, to);
  return { start: index.toCodePoint(start), end: index.toCodePoint(end) };
}
