/**
 * Search normalisation with an offset map: a folded copy of a text in which search is a plain
 * substring match, and for every UTF-16 unit of that copy the code point range of the stored
 * text it came from, so a hit maps back to exact stored offsets (lib/coding/offsets.ts).
 *
 * Folding, one stored code point at a time:
 * - compatibility decomposition (NFKD): full-width ＡＢＣ１ → ABC1, half-width ｶ → カ, the
 *   ideographic space U+3000 → a space, ligatures ﬁ → fi, circled ① → 1, "é" → e + U+0301;
 * - case folding (upper then lower, so ß → ss, final ς → σ, like Unicode full case folding);
 * - a run of whitespace (spaces, tabs, line breaks) → one space, so a phrase broken across a
 *   line (a PDF's line wrap) is still found.
 *
 * Why NFKD and not NFKC: folding each code point on its own keeps the map trivial, and the
 * decomposed form of a character does not depend on its neighbours, whereas composition does
 * ("e" + U+0301 composes to "é" only together). Matching decomposed text against a decomposed
 * query finds exactly what matching NFKC text against an NFKC query finds (both sides canonical).
 *
 * Characters whose folded form is longer than one unit (ﬁ → "fi", ① stays "1", ㎏ → "kg") map
 * every unit of the expansion to the same stored character: a hit that starts or ends inside
 * an expansion covers the whole stored character. No word segmentation is involved: Chinese and
 * Japanese are matched as substrings, and nothing here calls Intl.Segmenter.
 *
 * @example
 * const n = normalizeForSearch('Ｆｉｎｄ ﬁle');
 * n.text; // 'find file'
 * n.toRange(5, 9); // { start: 5, end: 8 }: "ﬁle" in the stored text (3 code points)
 */

/** A normalised copy of a text with its map back to stored code points. */
export interface NormalizedText {
  /** The folded text that queries are matched against. */
  readonly text: string;
  /** For each UTF-16 unit of `text`: the first stored code point it came from. */
  readonly startOf: Int32Array;
  /** For each UTF-16 unit of `text`: the stored code point just after what it came from. */
  readonly endOf: Int32Array;
  /** Length of the stored text in code points. */
  readonly length: number;
  /**
   * A match `[from, to)` in `text` (UTF-16 units) → the stored code point range it covers.
   * @throws {RangeError} when the range is empty or outside `text`.
   */
  toRange(from: number, to: number): { start: number; end: number };
}

const fold = new Map<number, string>();

/** The folded form of one code point (memoised: a text uses few distinct characters). */
function foldCodePoint(cp: number): string {
  // Fast paths: ASCII and the CJK ideograph blocks fold trivially, and are most of a text.
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) return String.fromCharCode(cp);
  let f = fold.get(cp);
  if (f === undefined) {
    const s = String.fromCodePoint(cp);
    f = s.normalize('NFKD').toUpperCase().toLowerCase().normalize('NFKD');
    fold.set(cp, f);
  }
  return f;
}

/** Whitespace that separates words (what `\s` matches), by code point. */
export function isSearchSpace(cp: number): boolean {
  return (
    cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff || cp === 0x85
  );
}

/**
 * Fold `text` for searching and record where each folded unit came from.
 *
 * @param text - the stored text (any length: one linear pass, no segmentation).
 * @returns the folded copy and its offset map.
 * @example
 * normalizeForSearch('ＡＢ').text; // 'ab'
 */
export function normalizeForSearch(text: string): NormalizedText {
  // Folding rarely grows a text; grow the maps when it does.
  let cap = text.length + 16;
  let startOf = new Int32Array(cap);
  let endOf = new Int32Array(cap);
  const parts: string[] = [];
  let u = 0; // units written
  let cp = 0; // stored code point index
  let inSpace = false;
  const push = (s: string, start: number, end: number) => {
    if (u + s.length > cap) {
      cap = Math.max(cap * 2, u + s.length + 16);
      const a = new Int32Array(cap);
      a.set(startOf);
      startOf = a;
      const b = new Int32Array(cap);
      b.set(endOf);
      endOf = b;
    }
    for (let k = 0; k < s.length; k++) {
      startOf[u + k] = start;
      endOf[u + k] = end;
    }
    u += s.length;
    parts.push(s);
  };
  for (let i = 0; i < text.length; i++, cp++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (isSearchSpace(c)) {
      if (inSpace) endOf[u - 1] = cp + 1; // the run's one space now reaches this character
      else push(' ', cp, cp + 1);
      inSpace = true;
      continue;
    }
    inSpace = false;
    const f = foldCodePoint(c);
    if (f.length > 0) push(f, cp, cp + 1); // a character that folds to nothing is skipped
  }
  const folded = parts.join('');
  const length = cp;
  const starts = startOf.subarray(0, u);
  const ends = endOf.subarray(0, u);
  return {
    text: folded,
    startOf: starts,
    endOf: ends,
    length,
    toRange(from, to) {
      if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > u || from >= to) {
        throw new RangeError(`normalised range [${from}, ${to}) is empty or outside 0..${u}`);
      }
      return { start: starts[from], end: ends[to - 1] };
    },
  };
}

/**
 * Fold a query the way {@link normalizeForSearch} folds a text, and trim it.
 *
 * @param query - what the user typed.
 * @returns the folded query ('' when it holds only whitespace).
 * @example
 * normalizeQuery('  Ｔｒｕｓｔ  '); // 'trust'
 */
export function normalizeQuery(query: string): string {
  return normalizeForSearch(query).text.trim();
}
