/**
 * Word and grapheme segmentation of long texts in bounded pieces.
 *
 * Why: `Intl.Segmenter` is superlinear in the length of the string it is given (Node 20, ICU):
 * one pass over a 32 KB string takes ~0.1 s, over 64 KB 20 s (words) or 45 s (graphemes), and a
 * 150 KB interview took 93 s to count its words. So a text is cut into pieces of at most
 * {@link DEFAULT_MAX_CHUNK} UTF-16 units and each piece is segmented on its own: O(n) overall.
 *
 * Where a text is cut matters: segmenting two pieces must give the same boundaries as
 * segmenting the whole. Unicode's segmentation rules (UAX #29) are local, so a cut is *certain*
 * (changes nothing) where the rules always break, whatever comes before and after:
 * - after a line feed (GB4, WB3a: always a grapheme and a word boundary) — preferred, so the
 *   pieces are whole paragraphs where possible;
 * - between a space or tab and a character that cannot attach to it (not a combining mark,
 *   format character such as ZWJ, emoji modifier or another space);
 * - after CJK sentence punctuation (。、，！？；：」』）) followed by a Han or kana character.
 * A piece of the maximum size with none of these (a huge line of Chinese without punctuation,
 * a long URL) is cut anyway, at a certain *grapheme* boundary: between two "plain" characters
 * (letters, digits, punctuation, symbols) neither of which joins its neighbour — never inside a
 * surrogate pair, a ZWJ emoji sequence, a flag (regional indicator pair), a skin-tone modifier,
 * a combining sequence or a Hangul jamo syllable. Grapheme segmentation stays exact there, but
 * word segmentation may not: the cut can split a word of a language written without spaces
 * (ICU's dictionary for Chinese, Japanese, Thai may group the characters on either side
 * differently), so the word count may differ by one per such cut. {@link chunkText} reports how
 * many cuts were of that kind.
 *
 * Two degenerate cases stay linear too: a long run of flags is cut between pairs (regional
 * indicators pair up from the start of the run, so counting them says where), and a single
 * "character" longer than 4,096 units (a letter with thousands of combining marks, which only a
 * crafted file has) is cut inside, counted as an uncertain grapheme cut.
 */

/**
 * Largest piece, in UTF-16 units, given to `Intl.Segmenter` at once. Chosen by measurement
 * (Node 20, words of 1 MB of mixed English/Chinese/emoji interview text): 256–512-unit pieces
 * ~0.3–0.5 s, 1 K ~10 % more, 2 K ~30 %, 4 K ~60 %, 16 K about twice (and a single 32 K piece
 * takes 0.1 s). Any realistic text has a line break, space or CJK punctuation within the last
 * three quarters of a piece this size, so the cuts stay certain.
 */
export const DEFAULT_MAX_CHUNK = 512;

/** Options of the segmenting functions. */
export interface SegmentOptions {
  /**
   * Largest piece in UTF-16 units (default {@link DEFAULT_MAX_CHUNK}). A piece can only be
   * longer when a single grapheme cluster is (a letter with thousands of combining marks).
   */
  maxChunk?: number;
}

/** How {@link chunkText} cut a text. */
export interface TextChunks {
  /** Piece boundaries in UTF-16 units, ascending: `0`, the cuts, `text.length`. */
  bounds: number[];
  /**
   * Cuts that are certain grapheme boundaries but not certain word boundaries (see the module
   * comment): the word count may differ from whole-text segmentation by at most this many.
   */
  uncertainWordCuts: number;
  /**
   * Cuts inside a grapheme cluster longer than 4,096 units (only crafted text has one): the
   * grapheme segmentation may differ from whole-text segmentation by at most this many.
   */
  uncertainGraphemeCuts: number;
}

/** One segment, as `Intl.Segmenter` gives it, with its index in the whole text. */
export interface TextSegment {
  segment: string;
  /** UTF-16 offset of the segment in the whole text. */
  index: number;
  /** For word granularity: whether the segment is a word (not spaces or punctuation). */
  isWordLike?: boolean;
}

const LF = 0x0a;
const CR = 0x0d;

let wordSegmenter: Intl.Segmenter | undefined;
let graphemeSegmenter: Intl.Segmenter | undefined;

function segmenterFor(granularity: 'word' | 'grapheme'): Intl.Segmenter {
  if (granularity === 'word') return (wordSegmenter ??= new Intl.Segmenter('und', { granularity: 'word' }));
  return (graphemeSegmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' }));
}

/**
 * Cut `text` into pieces of at most `maxChunk` UTF-16 units at safe places (see the module
 * comment): after a line feed if one is in the second half of the piece, else after whitespace
 * or CJK punctuation in its last three quarters, else at the last certain grapheme boundary.
 *
 * @param text - any text.
 * @param options - the maximum piece size.
 * @returns the piece boundaries and the number of cuts that are not certain word boundaries.
 * @throws {RangeError} when `maxChunk` is not an integer ≥ 2.
 * @example
 * chunkText('one two\nthree', { maxChunk: 8 }).bounds; // [0, 8, 13]: cut after the line feed
 */
export function chunkText(text: string, options: SegmentOptions = {}): TextChunks {
  const max = checkMaxChunk(options.maxChunk);
  const n = text.length;
  const bounds = [0];
  let uncertainWordCuts = 0;
  let uncertainGraphemeCuts = 0;
  let s = 0;
  while (n - s > max) {
    const cut = nextCut(text, s, max);
    if (!cut.word) uncertainWordCuts++;
    if (!cut.grapheme) uncertainGraphemeCuts++;
    bounds.push(cut.at);
    s = cut.at;
  }
  // (A cluster reaching the end of the text may already have ended the last piece there.)
  if (bounds[bounds.length - 1] !== n) bounds.push(n);
  return { bounds, uncertainWordCuts, uncertainGraphemeCuts };
}

/**
 * The segments of `text` at word or grapheme granularity, as `Intl.Segmenter` would give them
 * for the whole text, found piece by piece (see the module comment for where word boundaries
 * can differ).
 *
 * @param text - any text.
 * @param granularity - 'word' or 'grapheme'.
 * @param options - the maximum piece size.
 * @returns the segments in order, with indexes into `text`.
 * @example
 * [...segments('a 👍🏽', 'grapheme')].map((s) => s.segment); // ['a', ' ', '👍🏽']
 */
export function* segments(text: string, granularity: 'word' | 'grapheme', options: SegmentOptions = {}): Generator<TextSegment> {
  const segmenter = segmenterFor(granularity);
  const { bounds } = chunkText(text, options);
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k];
    for (const s of segmenter.segment(text.slice(start, bounds[k + 1]))) {
      yield { segment: s.segment, index: start + s.index, isWordLike: s.isWordLike };
    }
  }
}

/**
 * Words as a word processor counts them, in any script: `Intl.Segmenter` finds the words of
 * Chinese and Japanese too, so a Chinese interview is not "one word per sentence". Same result
 * as counting the word-like segments of the whole text, except possibly ±1 at a cut inside a
 * very long run without spaces or punctuation (see the module comment).
 *
 * @param text - any text.
 * @param options - the maximum piece size (tests use small ones to force many cuts).
 * @returns the number of word-like segments.
 * @example
 * countWords('We ship to Germany, mostly.'); // 5
 */
export function countWords(text: string, options: SegmentOptions = {}): number {
  const segmenter = segmenterFor('word');
  const { bounds } = chunkText(text, options);
  let n = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    for (const s of segmenter.segment(text.slice(bounds[k], bounds[k + 1]))) if (s.isWordLike) n++;
  }
  return n;
}

/**
 * The grapheme cluster boundary at or before `u16`: `u16` itself when it is a boundary, else the
 * start of the cluster it falls in. Looks only at the few characters between the nearest
 * certain boundaries on either side, never at the whole text.
 *
 * @param text - any text.
 * @param u16 - a UTF-16 offset in `[0, text.length]`.
 * @returns the largest grapheme boundary ≤ `u16`.
 * @throws {RangeError} when `u16` is not an integer in range.
 * @example
 * graphemeBoundaryAtOrBefore('x👍🏽', 3); // 1: inside the thumbs-up with its skin tone
 */
export function graphemeBoundaryAtOrBefore(text: string, u16: number): number {
  checkOffset(text, u16);
  if (isGraphemeCut(text, u16)) return u16;
  const flags = regionalIndicatorBoundary(text, u16);
  if (flags !== undefined) return flags ? u16 : graphemeBoundaryAtOrBefore(text, u16 - 2);
  const [a, b] = certainWindow(text, u16);
  let best = a;
  for (const s of segmenterFor('grapheme').segment(text.slice(a, b))) {
    const at = a + s.index;
    if (at > u16) break;
    best = at;
  }
  return best;
}

/**
 * The grapheme cluster boundary at or after `u16`: `u16` itself when it is a boundary, else the
 * end of the cluster it falls in (bounded work, as {@link graphemeBoundaryAtOrBefore}).
 *
 * @param text - any text.
 * @param u16 - a UTF-16 offset in `[0, text.length]`.
 * @returns the smallest grapheme boundary ≥ `u16`.
 * @throws {RangeError} when `u16` is not an integer in range.
 * @example
 * graphemeBoundaryAtOrAfter('e\u0301t', 1); // 2
 */
export function graphemeBoundaryAtOrAfter(text: string, u16: number): number {
  checkOffset(text, u16);
  if (isGraphemeCut(text, u16)) return u16;
  const flags = regionalIndicatorBoundary(text, u16);
  if (flags !== undefined) return flags ? u16 : graphemeBoundaryAtOrAfter(text, u16 + 2);
  const [a, b] = certainWindow(text, u16);
  for (const s of segmenterFor('grapheme').segment(text.slice(a, b))) {
    const at = a + s.index;
    if (at >= u16) return at;
  }
  return b;
}

// ---- where a cut is certain ---------------------------------------------------------------

/**
 * The nearest certain grapheme boundaries strictly around `u16` (which is not one), at most
 * {@link LONG_CLUSTER} units away (a longer cluster is cut there).
 */
function certainWindow(text: string, u16: number): [number, number] {
  const lo = Math.max(0, u16 - LONG_CLUSTER);
  const hi = Math.min(text.length, u16 + LONG_CLUSTER);
  let a = u16 - 1;
  while (a > lo && !isGraphemeCut(text, a)) a--;
  let b = u16 + 1;
  while (b < hi && !isGraphemeCut(text, b)) b++;
  // Never start or end the window inside a surrogate pair.
  if (a > 0 && isLow(text.charCodeAt(a)) && isHigh(text.charCodeAt(a - 1))) a--;
  if (b < text.length && isLow(text.charCodeAt(b)) && isHigh(text.charCodeAt(b - 1))) b++;
  return [Math.max(0, a), Math.min(text.length, b)];
}

/**
 * The end of the piece that starts at `s` (only called when more than `max` units remain), and
 * whether it is a certain word boundary.
 */
function nextCut(text: string, s: number, max: number): { at: number; word: boolean; grapheme: boolean } {
  const e = s + max;
  const half = s + Math.max(1, max >> 1);
  const quarter = s + Math.max(1, max >> 2);
  for (let p = e; p >= half; p--) if (text.charCodeAt(p - 1) === LF) return { at: p, word: true, grapheme: true };
  for (let p = e; p >= quarter; p--) if (isWordCut(text, p)) return { at: p, word: true, grapheme: true };
  for (let p = e; p > s; p--) if (isGraphemeCut(text, p)) return { at: p, word: isWordCut(text, p), grapheme: true };
  // A run of flags: regional indicators pair up from the start of the run (GB12/13, WB15/16).
  // The piece starts on a pair boundary (or the run starts inside it), so counting the
  // indicators since its start tells where a pair ends.
  const flags = regionalIndicatorCut(text, s, e);
  if (flags > 0) return { at: flags, word: true, grapheme: true };
  // One grapheme cluster longer than `max`: the piece ends where it does, up to a limit.
  const limit = Math.min(text.length, e + LONG_CLUSTER);
  for (let p = e + 1; p < limit; p++) if (isGraphemeCut(text, p)) return { at: p, word: isWordCut(text, p), grapheme: true };
  if (limit === text.length) return { at: limit, word: true, grapheme: true };
  // Thousands of combining marks on one letter: no text has them, but an upload may. Cut
  // anyway (not inside a surrogate pair) rather than hand Intl.Segmenter an unbounded string.
  const at = isHigh(text.charCodeAt(e - 1)) && isLow(text.charCodeAt(e)) ? e - 1 : e;
  return { at, word: false, grapheme: false };
}

/**
 * Longest stretch, in UTF-16 units, searched for the end of one grapheme cluster (beyond a
 * piece's maximum, or either side of an offset). Real clusters are a few units long; only
 * a crafted text (a letter with thousands of combining marks) has longer ones, and then the
 * cluster is cut here instead of being segmented whole.
 */
const LONG_CLUSTER = 4096;

/**
 * In a run of regional indicators, the last pair boundary in `(s, e]`, or 0 when `e` is not
 * inside such a run. Assumes `s` is a pair boundary when the run started before it.
 */
function regionalIndicatorCut(text: string, s: number, e: number): number {
  let p = isHigh(text.charCodeAt(e - 1)) && isLow(text.charCodeAt(e)) ? e - 1 : e;
  if (p - 2 < s || !isRegionalIndicator(codePointBefore(text, p)) || !isRegionalIndicator(codePointAt(text, p))) return 0;
  let count = 0;
  for (let q = p; q - 2 >= s && isRegionalIndicator(codePointBefore(text, q)); q -= 2) count++;
  if (count % 2 === 1) p -= 2;
  // Only between two indicators: at the run's start the cut would depend on what precedes it
  // (a prepended mark joins the first flag).
  return p > s && isRegionalIndicator(codePointBefore(text, p)) ? p : 0;
}

/**
 * Whether `p`, between two regional indicators, ends a pair (even count since the run's
 * start); undefined when `p` is not between two. Linear in the length of the run.
 */
function regionalIndicatorBoundary(text: string, p: number): boolean | undefined {
  if (p < 2 || p + 2 > text.length) return undefined;
  if (!isRegionalIndicator(codePointBefore(text, p)) || !isRegionalIndicator(codePointAt(text, p))) return undefined;
  let count = 0;
  for (let q = p; q >= 2 && isRegionalIndicator(codePointBefore(text, q)); q -= 2) count++;
  return count % 2 === 0;
}

/** Whether `p` (0 < p < length) is certainly a word boundary, and a grapheme boundary. */
function isWordCut(text: string, p: number): boolean {
  if (p <= 0 || p >= text.length) return true;
  const a = text.charCodeAt(p - 1);
  const b = text.charCodeAt(p);
  if (a === LF) return true;
  if (a === CR) return b !== LF;
  if (a === 0x20 || a === 0x09 || a === 0x3000) {
    // A space run ends here and what follows cannot attach to it (WB3d keeps spaces together,
    // WB4 attaches combining marks, format characters and ZWJ to the space).
    return !isWhitespace(b) && isStarter(codePointAt(text, p));
  }
  if (CJK_STOPS.has(a)) {
    // Fullwidth ，；： are MidNum/MidLetter in UAX #29 (they join digits or letters on both
    // sides), and ICU groups Han and kana by dictionary: before a Han or kana character none
    // of that applies.
    return isCjkLetter(codePointAt(text, p)) && isGraphemeCut(text, p);
  }
  return false;
}

const CJK_STOPS = new Set([0x3001, 0x3002, 0xff0c, 0xff01, 0xff1f, 0xff1b, 0xff1a, 0x300d, 0x300f, 0xff09]);

/**
 * Whether `p` is certainly a grapheme cluster boundary, deciding only from the characters on
 * either side. False means "not certain", not "not a boundary".
 */
function isGraphemeCut(text: string, p: number): boolean {
  if (p <= 0 || p >= text.length) return true;
  const a = text.charCodeAt(p - 1);
  const b = text.charCodeAt(p);
  // ASCII next to ASCII: no rule joins them except CR LF.
  if (a < 0x80 && b < 0x80) return !(a === CR && b === LF);
  if (isLow(b) && isHigh(a)) return false; // inside a surrogate pair
  if (a === LF) return true; // GB4
  if (a === CR) return b !== LF;
  if (b === LF || b === CR) return true; // GB5
  const prev = codePointBefore(text, p);
  const next = codePointAt(text, p);
  if (!isPlain(prev) || PREPEND.has(prev) || isRegionalIndicator(prev)) return false;
  if (!isStarter(next)) return false;
  // Hangul: L, V, T jamo join each other and LV/LVT syllables (GB6–GB8).
  if ((isJamo(next) && isHangul(prev)) || (isJamo(prev) && isHangul(next))) return false;
  return true;
}

// Letters, digits, punctuation, symbols and spaces: never Extend, SpacingMark, ZWJ, Control.
const PLAIN = /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}]$/u;
// Characters that attach to what precedes them although they are letters or symbols.
const ATTACHES = /^[\p{Grapheme_Extend}\p{Emoji_Modifier}]$/u;
// Prepend characters that are letters (GB9b: they join what follows).
const PREPEND = new Set([0x0d4e, 0x111c2, 0x111c3, 0x1193f, 0x11941, 0x11a3a, 0x11a84, 0x11a85, 0x11a86, 0x11a87, 0x11a88, 0x11a89, 0x11d46, 0x11f02]);

/** A character nothing before it can join: plain, not extending, not a spacing mark. */
function isStarter(cp: number): boolean {
  if (cp < 0x80) return true;
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (!isPlain(cp)) return false;
  // Thai SARA AM and Lao AM are letters with Grapheme_Cluster_Break=SpacingMark.
  if (cp === 0x0e33 || cp === 0x0eb3) return false;
  return !ATTACHES.test(String.fromCodePoint(cp));
}

function isPlain(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp !== 0x7f;
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  return PLAIN.test(String.fromCodePoint(cp));
}

function isCjkLetter(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0x3400 && cp <= 0x4dbf) || // extension A
    (cp >= 0x3041 && cp <= 0x3096) || // hiragana
    (cp >= 0x30a1 && cp <= 0x30fa) // katakana
  );
}

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

function isJamo(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xd7b0 && cp <= 0xd7ff);
}

function isHangul(cp: number): boolean {
  return isJamo(cp) || (cp >= 0xac00 && cp <= 0xd7a3);
}

function isWhitespace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The code point starting at `i` (a lone surrogate is itself). */
function codePointAt(text: string, i: number): number {
  return text.codePointAt(i)!;
}

/** The code point ending just before `i`. */
function codePointBefore(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  if (isLow(c) && i >= 2 && isHigh(text.charCodeAt(i - 2))) return text.codePointAt(i - 2)!;
  return c;
}

function checkMaxChunk(max: number | undefined): number {
  if (max === undefined) return DEFAULT_MAX_CHUNK;
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`maxChunk ${String(max)} must be an integer ≥ 2`);
  return max;
}

function checkOffset(text: string, u16: number): void {
  if (!Number.isInteger(u16) || u16 < 0 || u16 > text.length) {
    throw new RangeError(`UTF-16 offset ${String(u16)} is outside the text (length ${text.length})`);
  }
}
