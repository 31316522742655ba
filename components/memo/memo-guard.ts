import { Extension } from '@tiptap/core';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';

import { isMemoMentionId, isSafeMemoHref, MEMO_MENTION_LABEL_MAX } from '@/lib/coding/memo';

const ORDERED_LIST_TYPES = new Set(['1', 'a', 'A', 'i', 'I']);
const LINK_DEFAULTS = { target: '_blank', rel: 'noopener noreferrer nofollow', class: null } as const;
const MAX_TITLE = 256;

/**
 * Keeps the editor's document inside the memo dialect of lib/coding/memo.ts (`ZMemoDoc`).
 *
 * Node and mark *types* are already limited by the extensions the memo editor loads, but pasted
 * HTML can still bring attribute *values* the dialect refuses: tiptap reads any `class`, `rel`,
 * `target` and `title` of a pasted `<a>`, any `<ol type>` and `parseInt` of any `<ol start>`
 * (NaN included), and any `data-id`, `data-label` and `data-mention-suggestion-char` of a pasted
 * `<span data-type="mention">`. Without this guard such a paste would make the memo unsavable;
 * with it, the values are normalised in the same transaction (an `appendTransaction`), before
 * `onUpdate`: a mention's trigger becomes `@`, an empty label null, a long label is cut, and a
 * mention whose id the memo dialect refuses becomes the plain text `@label` (or goes, if it has
 * no label either).
 *
 * @example
 * useEditor({ extensions: [StarterKit.configure({ … }), MemoGuard] });
 */
export const MemoGuard = Extension.create({
  name: 'memoGuard',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('memoGuard'),
        appendTransaction(transactions, _oldState, newState) {
          if (!transactions.some((tr) => tr.docChanged)) return null;
          const { tr, schema } = newState;
          const linkType = schema.marks.link;
          // Replacing a mention with text changes positions: done last, from the end backwards.
          const badMentions: Array<{ node: PMNode; pos: number; label: string | null }> = [];
          newState.doc.descendants((node, pos) => {
            if (node.type.name === 'mention') {
              const { id, label, mentionSuggestionChar } = node.attrs as { id: unknown; label: unknown; mentionSuggestionChar: unknown };
              const okLabel = typeof label === 'string' && label !== '' ? label.slice(0, MEMO_MENTION_LABEL_MAX) : null;
              if (!isMemoMentionId(id)) {
                badMentions.push({ node, pos, label: okLabel });
                return false;
              }
              if (label !== okLabel || mentionSuggestionChar !== '@') {
                tr.setNodeMarkup(pos, undefined, { ...node.attrs, id, label: okLabel, mentionSuggestionChar: '@' });
              }
            }
            if (node.type.name === 'orderedList') {
              const { start, type } = node.attrs as { start: unknown; type: unknown };
              const okStart = Number.isInteger(start) && (start as number) >= 0 && (start as number) <= 1_000_000;
              const okType = type === null || (typeof type === 'string' && ORDERED_LIST_TYPES.has(type));
              if (!okStart || !okType) {
                tr.setNodeMarkup(pos, undefined, { ...node.attrs, start: okStart ? start : 1, type: okType ? type : null });
              }
            }
            // Text, and inline atoms such as mentions, can carry a link.
            if (node.isInline && linkType) {
              const link = node.marks.find((m: Mark) => m.type === linkType);
              if (link) {
                const attrs = link.attrs as { href: string; title: unknown };
                const from = pos;
                const to = pos + node.nodeSize;
                if (!isSafeMemoHref(attrs.href)) {
                  tr.removeMark(from, to, linkType);
                } else {
                  const title = typeof attrs.title === 'string' ? attrs.title.slice(0, MAX_TITLE) : null;
                  const wanted = { href: attrs.href, ...LINK_DEFAULTS, title };
                  const same = (Object.keys(wanted) as Array<keyof typeof wanted>).every((k) => link.attrs[k] === wanted[k]);
                  if (!same) tr.addMark(from, to, linkType.create(wanted));
                }
              }
            }
            return true;
          });
          for (const { node, pos, label } of badMentions.reverse()) {
            // Its other marks (bold, italic) stay; a link on it is not worth re-checking here.
            const marks = node.marks.filter((m: Mark) => m.type !== linkType);
            if (label) tr.replaceWith(pos, pos + node.nodeSize, schema.text(`@${label}`, marks));
            else tr.delete(pos, pos + node.nodeSize);
          }
          return tr.docChanged ? tr : null;
        },
      }),
    ];
  },
});
