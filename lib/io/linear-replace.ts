/**
 * Regex replacements for the importers that stay linear in the length of the text.
 *
 * A global regex is retried at every position, so a pattern whose failed attempt scans ahead
 * costs (positions × scan): quadratic on the wrong input.
 * - `/[ \t]+\n/g` and `/\s+$/` are retried at every position of a long run of spaces that is
 *   *not* followed by a line break (or the end), each retry scanning the rest of the run: a
 *   run of k spaces costs k²/2 steps (a PDF or Word page with 50,000 spaces of layout took 6 s).
 *   {@link removeTrailingBlanks} tries a run only where it starts; `trimEnd()` replaces `/\s+$/`.
 * - Paired markup such as `<[^>]*>` or `\*\*(?=\S)([\s\S]*?\S)\*\*` scans to the end of the text
 *   from every opener that has no closer after it. {@link replaceBefore} runs such a pattern
 *   only up to the last closer, so every scan stops at one.
 */

// The lookbehind lets a match start only at the first blank of a run.
const TRAILING_BLANKS = /(?<![ \t])[ \t]+\n/g;

/**
 * Remove spaces and tabs at the end of every line (before each `\n`; the last line keeps
 * them).
 *
 * @param text - text with `\n` line ends.
 * @returns the text without blanks before line breaks.
 * @example
 * removeTrailingBlanks('a  \nb\t\n c'); // 'a\nb\n c'
 */
export function removeTrailingBlanks(text: string): string {
  return text.replace(TRAILING_BLANKS, '\n');
}

/**
 * `text.replace(re, replacement)` applied to `text.slice(0, end)` only, the rest kept as is. The
 * caller passes the end of the last closing delimiter of `re` (a match can end nowhere later),
 * which makes the result identical to replacing in the whole text, and stops openers without a
 * closer from scanning to the end of the text each.
 *
 * @param text - the text.
 * @param end - where the last possible match ends (≤ 0: nowhere, so nothing is replaced).
 * @param re - a global regex whose every match ends at or before `end`.
 * @param replacement - as for `String.prototype.replace`.
 * @returns the text with the matches replaced.
 * @example
 * const s = 'a <b>c</b> 1 < 2 < 3';
 * replaceBefore(s, s.lastIndexOf('>') + 1, /<[^>]*>/g, ''); // 'a c 1 < 2 < 3'
 */
export function replaceBefore(text: string, end: number, re: RegExp, replacement: string): string {
  if (end <= 0) return text;
  if (end >= text.length) return text.replace(re, replacement);
  return text.slice(0, end).replace(re, replacement) + text.slice(end);
}
