/**
 * Whether a source's text looks decoded with the wrong encoding — the sign to offer "Re-import
 * with encoding…":
 * - replacement characters "�" (bytes that were not valid in the encoding used);
 * - UTF-8 read as Latin-1/Windows-1252: "Ã©", "Ã¼", "â€™", "Â " pairs;
 * - C1 control characters (U+0080–U+009F), which no real text contains;
 * - Chinese, Japanese or Korean read as a Western encoding: runs of three or more accented
 *   Latin-1 letters and symbols ("²É·ÃÕß"), which French or German text never has.
 * Two signs are needed, so one odd character in a long text is not enough.
 *
 * @param text - the stored text.
 * @example
 * looksMisdecoded('She said: â€œI didnâ€™t expect the cafÃ© to close.â€'); // true
 * looksMisdecoded('Le café était fermé.'); // false
 */
export function looksMisdecoded(text: string): boolean {
  let signs = 0;
  const count = (pattern: RegExp) => {
    for (const _ of text.matchAll(pattern)) {
      if (++signs >= 2) return true;
    }
    return false;
  };
  return (
    count(/\uFFFD/g) ||
    count(/[ÃÂ][\u0080-\u00BF]|â€[\u0080-\u00BF\u2018-\u203A\u0152\u0153\u0160\u0161\u017D\u017E\u0178\u02C6\u02DC\u2122\u0192]/g) ||
    count(/[\u0080-\u009F]/g) ||
    count(/[\u00A1-\u00FF]{3,}/g)
  );
}
