import { mentionQuery } from '@/lib/text/mention-trigger';

/**
 * Mentions in comment text. A comment is plain text in which a mention is stored as a token
 * `@[label](user:<id>)` (a member) or `@[label](code:<id>)` (a code): the label keeps the text
 * readable as it was written, the id is what links and notifies. When "@" opens suggestions is
 * lib/text/mention-trigger.ts's rule ({@link mentionQuery}).
 */

export type MentionKind = 'user' | 'code';

export interface Mention {
  kind: MentionKind;
  id: string;
  label: string;
}

/** A piece of comment text: plain text, or a mention. */
export type CommentSegment = { type: 'text'; text: string } | ({ type: 'mention' } & Mention);

/** Longest label a token keeps (longer names are cut). */
export const MENTION_LABEL_MAX = 80;

// Labels cannot hold "]" or line breaks (they would end the token); ids are cuid-like.
const TOKEN = /@\[([^\]\n\r]{1,80})\]\((user|code):([A-Za-z0-9_-]{1,64})\)/g;

/**
 * A mention token for `item`, its label cleaned so it cannot end the token early.
 * @example mentionToken({ kind: 'code', id: 'c1', label: 'B2 Risk' }) // '@[B2 Risk](code:c1)'
 */
export function mentionToken(item: Mention): string {
  const label = Array.from(item.label.replace(/[\]\n\r]/g, ' ').replace(/\s+/g, ' ').trim() || item.kind)
    .slice(0, MENTION_LABEL_MAX)
    .join('');
  return `@[${label}](${item.kind}:${item.id})`;
}

/**
 * Splits comment text into text and mention segments. Anything that is not a well-formed token
 * stays text, exactly as written.
 * @example parseComment('Ask @[Ana](user:u1)') // [{ type: 'text', text: 'Ask ' }, { type: 'mention', kind: 'user', id: 'u1', label: 'Ana' }]
 */
export function parseComment(body: string): CommentSegment[] {
  const segments: CommentSegment[] = [];
  let last = 0;
  for (const m of body.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) segments.push({ type: 'text', text: body.slice(last, at) });
    segments.push({ type: 'mention', kind: m[2] as MentionKind, id: m[3], label: m[1] });
    last = at + m[0].length;
  }
  if (last < body.length) segments.push({ type: 'text', text: body.slice(last) });
  return segments;
}

/** The distinct ids a comment mentions, in order of first mention. */
export function extractMentionIds(body: string): { users: string[]; codes: string[] } {
  const users: string[] = [];
  const codes: string[] = [];
  for (const s of parseComment(body)) {
    if (s.type !== 'mention') continue;
    const list = s.kind === 'user' ? users : codes;
    if (!list.includes(s.id)) list.push(s.id);
  }
  return { users, codes };
}

/** The comment as plain text, mentions as "@label" (for summaries and notifications). */
export function commentToPlainText(body: string): string {
  return parseComment(body)
    .map((s) => (s.type === 'text' ? s.text : `@${s.label}`))
    .join('');
}

/**
 * Keeps only mentions `keep` accepts (members and codes of the project); the others become
 * plain "@label" text, so a comment never links to someone or something outside the project.
 */
export function scopeCommentMentions(body: string, keep: (mention: Mention) => boolean): string {
  return parseComment(body)
    .map((s) => (s.type === 'text' ? s.text : keep(s) ? mentionToken(s) : `@${s.label}`))
    .join('');
}

/**
 * The mention being typed at the caret ({@link mentionQuery}), unless the "@" before the caret
 * starts a finished token (typing on after `@[Ana](user:u1) ` is not a new mention).
 */
export function typedMention(text: string, caret: number): { query: string; at: number } | null {
  const typed = mentionQuery(text.slice(0, caret));
  return typed && !typed.query.startsWith('[') ? typed : null;
}

/**
 * Inserts a picked mention in place of the query being typed at the caret (per
 * {@link mentionQuery}), followed by a space.
 * @param text - the whole text.
 * @param caret - the caret's index in `text`.
 * @returns the new text and caret, or null when no mention is being typed at the caret.
 * @example insertMention('Ask @an', 7, { kind: 'user', id: 'u1', label: 'Ana' }) // { text: 'Ask @[Ana](user:u1) ', caret: 20 }
 */
export function insertMention(text: string, caret: number, item: Mention): { text: string; caret: number } | null {
  const typed = typedMention(text, caret);
  if (!typed) return null;
  const token = `${mentionToken(item)} `;
  return { text: text.slice(0, typed.at) + token + text.slice(caret), caret: typed.at + token.length };
}
