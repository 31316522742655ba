import type { ResolvedPos } from '@tiptap/pm/model';
import type { SuggestionMatch } from '@tiptap/suggestion';

import { mentionQuery } from '@/lib/text/mention-trigger';

/** What the caret's block holds in place of a leaf node: a line break stays one, a mention pill is one character. */
const leafText = (node: { type: { name: string } }) => (node.type.name === 'hardBreak' ? '\n' : '\ufffc');

/**
 * `findSuggestionMatch` for tiptap's mention suggestion: the mention being typed at the caret,
 * by the rule of lib/text/mention-trigger.ts — "@" opens suggestions after any character that
 * cannot end a word ("(", quotes, "，", a space, a mention pill, the start of the line) and
 * after CJK text ("请看@物流"), but not inside "ana@example.org". tiptap's own matcher only
 * triggers after a space (its `allowedPrefixes`), so Chinese storylines never got suggestions.
 *
 * The query may contain spaces (code names have them) and ends at the caret; a line break or a
 * second "@" ends it. Every leaf node in the block counts as one character, so offsets in the
 * block's text are offsets in the document.
 *
 * @param config - tiptap's suggestion config; only `char` (must be "@") and `$position` are read.
 * @returns the range from "@" to the caret and the query, or null when no mention is being typed.
 * @example
 * Mention.configure({ suggestion: { allowedPrefixes: null, findSuggestionMatch: findMentionMatch } });
 */
export function findMentionMatch(config: { char: string; $position: ResolvedPos }): SuggestionMatch {
  const { char, $position } = config;
  if (char !== '@' || !$position.parent.isTextblock) return null;
  const before = $position.parent.textBetween(0, $position.parentOffset, undefined, leafText);
  const found = mentionQuery(before);
  if (!found) return null;
  const from = $position.start() + found.at;
  return { range: { from, to: $position.pos }, query: found.query, text: `@${found.query}` };
}
