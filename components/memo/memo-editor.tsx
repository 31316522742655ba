'use client';

import Mention from '@tiptap/extension-mention';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

import { emptyMemo, isMemoEmpty, isSafeMemoHref, plainTextToMemo, ZMemoDoc, type MemoDoc } from '@/lib/coding/memo';

import { MemoGuard } from './memo-guard';
import { useMentionSuggestion, type MemoMentions } from './mention-list';
import styles from './memo.module.css';

export type { MemoMentions, MentionItem } from './mention-list';

/** Props of {@link MemoEditor}. */
export type MemoEditorProps = {
  /**
   * The memo to edit: a memo document (validated with `ZMemoDoc`), a plain string (a legacy
   * plain-text memo: one paragraph per line), or null/undefined for a new memo.
   */
  value: unknown;
  /** Called with the new document after each change, only ever with a valid memo. */
  onChange(doc: MemoDoc): void;
  /** Shown, greyed, while the memo is empty. */
  placeholder?: string;
  /** Accessible name of the text area, e.g. "Memo on this coding". */
  ariaLabel: string;
  /**
   * What the memo may mention: typing `@` then offers these items (filtered by what follows,
   * at most 8) and inserts the one picked as a mention (`{ id, label }`). Without it, `@` is
   * just a character — but mentions already in the memo still load, show and can be deleted.
   * Say so in the placeholder, e.g. "… (type @ to mention a code)".
   */
  mentions?: MemoMentions;
};

type Loaded = { doc: MemoDoc; problem?: string };

/** Reads the `value` prop into a document the editor can load. */
function load(value: unknown): Loaded {
  if (value === null || value === undefined) return { doc: emptyMemo() };
  if (typeof value === 'string') {
    try {
      return { doc: plainTextToMemo(value) };
    } catch (error) {
      return { doc: emptyMemo(), problem: `This memo could not be loaded: ${(error as Error).message}.` };
    }
  }
  const parsed = ZMemoDoc.safeParse(value);
  if (parsed.success) return { doc: parsed.data };
  // Never load what the dialect refuses: a stored memo with a `javascript:` link or an unknown
  // node must not reach the editor's DOM.
  return { doc: emptyMemo(), problem: `This memo could not be loaded (${parsed.error.issues[0]?.message ?? 'invalid'}).` };
}

type ToolState = { active: boolean; enabled: boolean };
type Tools = { bold: ToolState; italic: ToolState; bulletList: ToolState; orderedList: ToolState; isEmpty: boolean };

const TOOLS: ReadonlyArray<{
  key: Exclude<keyof Tools, 'isEmpty'>;
  label: string;
  keys: string;
  icon: ReactNode;
  run(editor: Editor): boolean;
}> = [
  {
    key: 'bold',
    label: 'Bold',
    keys: 'Control+B Meta+B',
    icon: <span className={styles.glyphBold}>B</span>,
    run: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    key: 'italic',
    label: 'Italic',
    keys: 'Control+I Meta+I',
    icon: <span className={styles.glyphItalic}>I</span>,
    run: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    key: 'bulletList',
    label: 'Bullet list',
    keys: 'Control+Shift+8 Meta+Shift+8',
    icon: (
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <circle cx="2.5" cy="4" r="1.3" fill="currentColor" />
        <circle cx="2.5" cy="8" r="1.3" fill="currentColor" />
        <circle cx="2.5" cy="12" r="1.3" fill="currentColor" />
        <path d="M6 4h8M6 8h8M6 12h8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
    ),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    key: 'orderedList',
    label: 'Numbered list',
    keys: 'Control+Shift+7 Meta+Shift+7',
    icon: (
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <text x="0.5" y="6" fontSize="5.5" fill="currentColor" fontFamily="inherit">1</text>
        <text x="0.5" y="13.5" fontSize="5.5" fill="currentColor" fontFamily="inherit">2</text>
        <path d="M6 4h8M6 8h8M6 12h8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
    ),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
];

const IDLE: ToolState = { active: false, enabled: false };
const noEditor = (isEmpty: boolean): Tools => ({ bold: IDLE, italic: IDLE, bulletList: IDLE, orderedList: IDLE, isEmpty });

/**
 * A small rich-text editor for memos: paragraphs, headings (type `## `), bold, italic, bullet
 * and numbered lists, quotations (type `> `), line breaks (Shift+Enter) and links (pasted or
 * typed URLs become links; only http(s) and mailto are kept — there is no link button) and, with
 * `mentions`, mentions of codes (type `@`, pick from the list; shown as a pill). The
 * toolbar has Bold, Italic, Bullet list and Numbered list, with pressed state, keyboard
 * shortcuts and arrow-key navigation (one tab stop, as the ARIA toolbar pattern asks).
 *
 * Everything the editor can produce is valid for `ZMemoDoc` (lib/coding/memo.ts): StarterKit
 * is cut down to the memo's nodes and marks, and {@link MemoGuard} normalises pasted
 * attributes. `onChange` therefore receives a valid memo — except when one is over the size
 * limit, which is reported under the editor and not emitted.
 *
 * The editor is created after mount (`immediatelyRender: false`), so server rendering and
 * hydration never disagree.
 *
 * @param props - see {@link MemoEditorProps}.
 * @returns the toolbar and the editable area.
 * @example
 * <MemoEditor ariaLabel="Memo on this coding" value={memo} onChange={setMemo}
 *   placeholder="What does this passage tell you?" />
 * <MemoEditor ariaLabel="Storyline" value={storyline} onChange={setStoryline}
 *   mentions={{ items: codes.map((c) => ({ id: c.id, label: c.name, hint: levelName(c.level) })) }}
 *   placeholder="Tell the story of the core category (type @ to mention a code)" />
 */
export function MemoEditor({ value, onChange, placeholder, ariaLabel, mentions }: MemoEditorProps) {
  const contentId = useId();
  const [loaded] = useState(() => load(value));
  const [problem, setProblem] = useState<string | undefined>(loaded.problem);
  // The latest callback, without re-creating the editor when the parent passes a new function.
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  // The last document we emitted: when the parent passes it back as `value`, nothing to do.
  const emitted = useRef<unknown>(undefined);
  const { suggestion, popup } = useMentionSuggestion(mentions);

  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        // Only what a memo may contain (lib/coding/memo.ts).
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        heading: { levels: [2, 3] },
        link: {
          openOnClick: false,
          autolink: true,
          linkOnPaste: true,
          defaultProtocol: 'https',
          isAllowedUri: (url) => isSafeMemoHref(url),
          HTMLAttributes: { target: '_blank', rel: 'noopener noreferrer nofollow', class: null },
        },
      }),
      // Always loaded, so a memo that mentions codes loads anywhere; the `@` suggestion only
      // opens when `mentions` is given (see useMentionSuggestion).
      Mention.configure({
        HTMLAttributes: { class: styles.mention },
        deleteTriggerWithBackspace: false,
        suggestion,
      }),
      MemoGuard,
    ],
    content: loaded.doc,
    editorProps: {
      attributes: {
        id: contentId,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': ariaLabel,
        ...(placeholder ? { 'aria-placeholder': placeholder } : {}),
        class: styles.content,
        spellcheck: 'true',
      },
    },
    onUpdate: ({ editor: e }) => {
      const result = ZMemoDoc.safeParse(e.getJSON());
      if (!result.success) {
        setProblem(result.error.issues[0]?.message ?? 'This memo cannot be saved.');
        return;
      }
      setProblem(undefined);
      emitted.current = result.data;
      onChangeRef.current(result.data);
    },
  });

  // A new `value` from outside (another memo selected, a reset after saving): load it,
  // without emitting a change for it.
  useEffect(() => {
    if (!editor || editor.isDestroyed || value === emitted.current) return;
    const next = load(value);
    if (JSON.stringify(next.doc) === JSON.stringify(editor.getJSON())) return;
    editor.commands.setContent(next.doc, { emitUpdate: false });
    setProblem(next.problem);
  }, [editor, value]);

  const toolState = useEditorState({
    editor,
    selector: ({ editor: e }): Tools => {
      // Before the editor exists (first render, server render): the placeholder follows the value.
      if (!e) return noEditor(isMemoEmpty(loaded.doc));
      const state = (name: string, can: () => boolean): ToolState => ({ active: e.isActive(name), enabled: e.isEditable && can() });
      return {
        bold: state('bold', () => e.can().toggleBold()),
        italic: state('italic', () => e.can().toggleItalic()),
        bulletList: state('bulletList', () => e.can().toggleBulletList()),
        orderedList: state('orderedList', () => e.can().toggleOrderedList()),
        isEmpty: e.isEmpty,
      };
    },
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const tools = toolState ?? noEditor(isMemoEmpty(loaded.doc));

  // Roving tab stop: one button of the toolbar is in the tab order; arrows move between them.
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const onToolbarKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = TOOLS.length - 1;
    const next =
      event.key === 'ArrowRight' ? (focusIndex === last ? 0 : focusIndex + 1)
      : event.key === 'ArrowLeft' ? (focusIndex === 0 ? last : focusIndex - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : undefined;
    if (next === undefined) return;
    event.preventDefault();
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className={styles.editor} data-empty={tools.isEmpty ? '' : undefined}>
      <div role="toolbar" aria-label={`Formatting: ${ariaLabel}`} aria-controls={contentId} className={styles.toolbar} onKeyDown={onToolbarKeyDown}>
        {TOOLS.map((tool, i) => (
          <button
            key={tool.key}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            className={styles.tool}
            aria-label={tool.label}
            aria-pressed={tools[tool.key].active}
            aria-keyshortcuts={tool.keys}
            title={tool.label}
            tabIndex={i === focusIndex ? 0 : -1}
            disabled={!editor || !tools[tool.key].enabled}
            // Keep the editor's selection: without this the click would blur the text first.
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setFocusIndex(i)}
            onClick={() => {
              if (editor) tool.run(editor);
            }}
          >
            {tool.icon}
          </button>
        ))}
      </div>
      <div className={styles.surface}>
        {placeholder && tools.isEmpty ? (
          <div className={styles.placeholder} aria-hidden="true">
            {placeholder}
          </div>
        ) : null}
        <EditorContent editor={editor} />
      </div>
      {problem ? (
        <p className={styles.problem} role="alert">
          {problem}
        </p>
      ) : null}
      {popup}
    </div>
  );
}
