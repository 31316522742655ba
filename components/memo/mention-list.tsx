'use client';

import type { MentionNodeAttrs } from '@tiptap/extension-mention';
import type { SuggestionKeyDownProps, SuggestionOptions, SuggestionProps } from '@tiptap/suggestion';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

import { findMentionMatch } from '@/components/editor/extensions/mention-match';
import { isMemoMentionId, MEMO_MENTION_LABEL_MAX } from '@/lib/coding/memo';

import styles from './memo.module.css';

/** Something a memo can mention (a code): its id, its name, and an optional muted hint. */
export type MentionItem = {
  /** Stored in the memo (see `isMemoMentionId`: letters, digits, `_`, `-`; at most 64). */
  id: string;
  /** Shown in the list and written into the memo as `@label`. */
  label: string;
  /** Shown muted after the label, e.g. "core category". */
  hint?: string;
};

/** The `mentions` option of the memo editor. */
export type MemoMentions = {
  /** What `@` offers, in the order to offer it (e.g. the project's codes). */
  items: ReadonlyArray<MentionItem>;
};

/** Most suggestions the list shows at once. */
export const MENTION_LIST_LIMIT = 8;

/** The suggestion options the memo editor hands to tiptap's Mention extension. */
export type MentionSuggestion = Omit<SuggestionOptions<MentionItem, MentionNodeAttrs>, 'editor'>;

/**
 * The items whose label contains `query`, case- and width-insensitively (Chinese labels too), best first: labels that start with
 * the query, then labels with a word that starts with it, then the rest — each group in the
 * order given. Items that could not be stored (an id `isMemoMentionId` refuses, an empty label)
 * are never offered.
 *
 * @param items - the candidates, in the caller's order.
 * @param query - what follows the `@` (may be empty: then the first items are offered).
 * @param limit - most items returned; default {@link MENTION_LIST_LIMIT}.
 * @returns at most `limit` items.
 * @example
 * filterMentionItems([{ id: 'a', label: 'Distrust' }, { id: 'b', label: 'Trust in institutions' }], 'tru');
 * // [{ id: 'b', … }, { id: 'a', … }]
 */
export function filterMentionItems(items: ReadonlyArray<MentionItem>, query: string, limit = MENTION_LIST_LIMIT): MentionItem[] {
  const q = foldForMatch(query);
  const ranked: Array<{ item: MentionItem; rank: number }> = [];
  for (const item of items) {
    if (!isMemoMentionId(item.id) || item.label.length === 0) continue;
    const label = foldForMatch(item.label);
    const at = label.indexOf(q);
    if (at < 0) continue;
    const rank = at === 0 ? 0 : new RegExp(`(^|[\\s\\p{P}])${escapeRegExp(q)}`, 'u').test(label) ? 1 : 2;
    ranked.push({ item, rank });
  }
  // Array.prototype.sort is stable: the caller's order survives within a rank.
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((r) => r.item);
}

/**
 * Case- and width-insensitive form for matching: NFKC folds full-width letters and digits
 * ("ＡＢＣ１" → "ABC1", typed with a Chinese or Japanese input method) and compatibility forms,
 * then lower case. Chinese characters are unchanged, so "物流" finds "物流成本".
 */
function foldForMatch(s: string): string {
  return s.normalize('NFKC').toLocaleLowerCase();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Props of {@link MentionList}. */
export type MentionListProps = {
  /** Id of the listbox; option `i` gets `${id}-${i}`. */
  id: string;
  /** The matching items (already filtered). */
  items: ReadonlyArray<MentionItem>;
  /** Index of the highlighted item. */
  active: number;
  /** What was typed after `@`, for the "no match" line. */
  query: string;
  /** Called with the item clicked. */
  onPick(item: MentionItem): void;
  /** Called with the index of the item under the pointer. */
  onHover(index: number): void;
};

/**
 * The list of codes offered after `@` in the memo editor: a listbox of labels with muted hints.
 * The keyboard stays in the editor (which points `aria-activedescendant` at the highlighted
 * option); the pointer can pick too. Pressing a mouse button on the list does not take focus
 * from the editor.
 *
 * @param props - see {@link MentionListProps}.
 * @returns the list, or a "no match" line.
 */
export function MentionList({ id, items, active, query, onPick, onHover }: MentionListProps) {
  if (items.length === 0) {
    return (
      <div className={styles.mentionMenu} onMouseDown={(event) => event.preventDefault()}>
        <p className={styles.mentionEmpty}>{query ? `No code matches “${query}”.` : 'No codes to mention.'}</p>
      </div>
    );
  }
  return (
    <div
      id={id}
      role="listbox"
      aria-label="Codes to mention"
      className={styles.mentionMenu}
      // Keep the editor's focus and selection: picking must not blur the text first.
      onMouseDown={(event) => event.preventDefault()}
    >
      {items.map((item, i) => (
        <div
          key={item.id}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          className={styles.mentionOption}
          onMouseEnter={() => onHover(i)}
          onClick={() => onPick(item)}
        >
          <span className={styles.mentionLabel}>{item.label}</span>
          {item.hint ? <span className={styles.mentionHint}>{item.hint}</span> : null}
        </div>
      ))}
    </div>
  );
}

type Menu = {
  /** The element the suggestion plugin mounted and positions under the caret; we portal into it. */
  host: HTMLElement;
  /** The editor's editable element (for `aria-activedescendant`). */
  editorDom: HTMLElement;
  items: MentionItem[];
  query: string;
  active: number;
  pick(item: MentionItem): void;
};

/**
 * The `@` suggestion of the memo editor: options for tiptap's Mention extension, and the list to
 * render while a suggestion is open.
 *
 * The options object is created once (tiptap reads it when the editor is made); it reads the
 * current `mentions` through a ref, so new items apply at the next keystroke, and `mentions:
 * undefined` turns the suggestion off (`allow` refuses) without re-creating the editor.
 *
 * Typing `@` opens the list; what follows filters it ({@link filterMentionItems}). Spaces are
 * allowed, since code names have them, but only while some label still matches — otherwise the
 * suggestion closes and `@` stays text. ArrowDown/ArrowUp move, Enter or Tab insert the
 * highlighted code, Escape closes (tiptap's suggestion plugin then keeps it closed).
 *
 * The list is positioned by the plugin's own `mount` (Floating UI, anchored to the suggestion's
 * client rect, flipping above the caret near the bottom of the window, closing on a click
 * elsewhere) and rendered into that element with a React portal.
 *
 * @param mentions - the editor's `mentions` prop.
 * @returns `suggestion` for `Mention.configure({ suggestion })`, and `popup` to render.
 */
export function useMentionSuggestion(mentions: MemoMentions | undefined): { suggestion: MentionSuggestion; popup: ReactNode } {
  const listId = useId();
  const mentionsRef = useRef(mentions);
  useEffect(() => {
    mentionsRef.current = mentions;
  }, [mentions]);

  const [menu, setMenuState] = useState<Menu | null>(null);
  // The key handler runs inside ProseMirror's keydown, outside React: it reads the menu here.
  const menuRef = useRef<Menu | null>(null);
  // Stable: it only touches the ref and React's setter, so the callbacks below may keep it.
  const setMenu = (next: Menu | null) => {
    menuRef.current = next;
    setMenuState(next);
  };

  const [suggestion] = useState<MentionSuggestion>(() => {
    const matches = (query: string) => filterMentionItems(mentionsRef.current?.items ?? [], query);
    return {
      char: '@',
      allowSpaces: true,
      // "@" opens the list after any non-word character and after CJK text ("，@物流", "(@Trust"),
      // not only after a space (tiptap's default): lib/text/mention-trigger.ts.
      allowedPrefixes: null,
      findSuggestionMatch: findMentionMatch,
      decorationClass: styles.mentionQuery,
      // Off when the editor has no `mentions`; else wherever a mention may go (tiptap's default check).
      allow: ({ state, range }) => {
        if (!mentionsRef.current) return false;
        const type = state.schema.nodes.mention;
        return !!type && !!state.doc.resolve(range.from).parent.type.contentMatch.matchType(type);
      },
      // "@" then a sentence: stop suggesting once the typed words match no code.
      shouldShow: ({ query }) => !/\s/.test(query) || matches(query).length > 0,
      // Items are filtered here, synchronously, rather than through the plugin's async `items`,
      // so the list never flashes empty while a promise resolves.
      render: () => {
        let unmount: (() => void) | undefined;
        const show = (props: SuggestionProps<MentionItem, MentionNodeAttrs>) => {
          const prev = menuRef.current;
          const items = matches(props.query);
          let host = prev?.host;
          if (!host || !unmount) {
            host = document.createElement('div');
            host.className = styles.mentionPopup;
            unmount = props.mount(host);
          }
          setMenu({
            host,
            editorDom: props.editor.view.dom,
            items,
            query: props.query,
            // Keep the highlight while the query is unchanged (the plugin re-renders after its fetch).
            active: prev && prev.query === props.query ? Math.min(prev.active, Math.max(0, items.length - 1)) : 0,
            pick: (item) => props.command({ id: item.id, label: clip(item.label, MEMO_MENTION_LABEL_MAX) }),
          });
        };
        return {
          onStart: show,
          onUpdate: show,
          onExit: () => {
            unmount?.();
            unmount = undefined;
            setMenu(null);
          },
          onKeyDown: ({ event }: SuggestionKeyDownProps) => {
            const m = menuRef.current;
            if (!m) return false;
            // The plugin closes the suggestion after this.
            if (event.key === 'Escape') return true;
            if (m.items.length === 0 || event.isComposing) return false;
            const n = m.items.length;
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              const active = event.key === 'ArrowDown' ? (m.active + 1) % n : (m.active - 1 + n) % n;
              setMenu({ ...m, active });
              return true;
            }
            const plain = !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey;
            if ((event.key === 'Enter' || event.key === 'Tab') && plain) {
              m.pick(m.items[m.active]);
              return true;
            }
            return false;
          },
        };
      },
    };
  });

  // The editor is the combobox's text box: point it at the highlighted option while the list is open.
  const dom = menu?.editorDom;
  const activeId = menu && menu.items.length > 0 ? `${listId}-${menu.active}` : undefined;
  useEffect(() => {
    if (!dom || !activeId) return;
    dom.setAttribute('aria-controls', listId);
    dom.setAttribute('aria-activedescendant', activeId);
    return () => {
      dom.removeAttribute('aria-controls');
      dom.removeAttribute('aria-activedescendant');
    };
  }, [dom, activeId, listId]);

  const popup = menu
    ? createPortal(
        <MentionList
          id={listId}
          items={menu.items}
          active={menu.active}
          query={menu.query}
          onPick={(item) => menu.pick(item)}
          onHover={(active) => {
            const m = menuRef.current;
            if (m && m.active !== active) setMenu({ ...m, active });
          }}
        />,
        menu.host,
      )
    : null;

  return { suggestion, popup };
}

/** `s` cut to at most `max` UTF-16 units, never inside a surrogate pair. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\ud800-\udbff]/.test(s[max - 1]) ? max - 1 : max;
  return s.slice(0, end);
}
