/**
 * When "@" opens mention suggestions. Not only after a space: after any character that cannot
 * end a word of an e-mail address or identifier — "(", quotes, any punctuation, Chinese
 * punctuation ("，@物流") — and after CJK characters, since Chinese and Japanese are written
 * without spaces ("请看@物流"). Only after a Latin letter, a digit or one of _ . + - does "@"
 * stay literal, so "ana@example.org" is never a mention.
 */
const LITERAL_BEFORE_AT = /[\p{Script=Latin}\p{Nd}_.+\-]/u;

/** Whether an "@" preceded by `before` (the previous character, '' at the start) triggers mentions. */
export function triggersMention(before: string): boolean {
  if (before === '') return true;
  const char = Array.from(before).at(-1) ?? '';
  return !LITERAL_BEFORE_AT.test(char);
}

/**
 * The mention being typed at the caret, if any: the text after the nearest "@" that triggers,
 * up to the caret, with no line break and at most `maxLength` characters (spaces allowed, since
 * code names have them).
 * @returns the query and the index of "@" in `textBeforeCaret`, or null.
 * @example mentionQuery('见（@物流') // { query: '物流', at: 2 }
 */
export function mentionQuery(textBeforeCaret: string, maxLength = 40): { query: string; at: number } | null {
  const at = textBeforeCaret.lastIndexOf('@');
  if (at < 0) return null;
  const query = textBeforeCaret.slice(at + 1);
  if (/[\n\r@]/.test(query) || Array.from(query).length > maxLength) return null;
  return triggersMention(textBeforeCaret.slice(0, at)) ? { query, at } : null;
}
