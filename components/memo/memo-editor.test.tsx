// @vitest-environment jsdom
import type { Editor } from '@tiptap/core';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { memoToPlainText, ZMemoDoc, type MemoDoc } from '@/lib/coding/memo';

import { MemoEditor } from './memo-editor';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeAll(() => {
  // jsdom has no layout: ProseMirror asks for rectangles when it scrolls the selection into view.
  const rect = () => ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) }) as DOMRect;
  Range.prototype.getBoundingClientRect ??= rect;
  Range.prototype.getClientRects ??= () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  document.elementFromPoint ??= () => null;
});

const text = (t: string, marks?: unknown[]) => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const p = (...content: unknown[]) => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' });
const li = (...content: unknown[]) => ({ type: 'listItem', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

/** Mounts the editor and waits for tiptap to create it (after mount: immediatelyRender false). */
async function mount(props: Partial<React.ComponentProps<typeof MemoEditor>> = {}) {
  const onChange = vi.fn<(doc: MemoDoc) => void>();
  await act(async () => {
    root.render(<MemoEditor ariaLabel="Memo on this coding" value={null} onChange={onChange} {...props} />);
  });
  const textbox = container.querySelector<HTMLElement>('[role="textbox"]');
  expect(textbox).not.toBeNull();
  // tiptap keeps its instance on the editable element ("for tests", says its source).
  const editor = (textbox as HTMLElement & { editor: Editor }).editor;
  expect(editor).toBeDefined();
  return { onChange, editor, textbox: textbox! };
}

const button = (name: string) => container.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
const lastDoc = (onChange: ReturnType<typeof vi.fn>) => onChange.mock.calls.at(-1)![0] as MemoDoc;

describe('MemoEditor', () => {
  it('renders an accessible text box and a toolbar of named toggle buttons', async () => {
    const { textbox } = await mount({ placeholder: 'What does this passage tell you?' });
    expect(textbox.getAttribute('aria-label')).toBe('Memo on this coding');
    expect(textbox.getAttribute('aria-multiline')).toBe('true');
    expect(textbox.getAttribute('contenteditable')).toBe('true');
    expect(textbox.getAttribute('aria-placeholder')).toBe('What does this passage tell you?');

    const toolbar = container.querySelector('[role="toolbar"]')!;
    expect(toolbar.getAttribute('aria-label')).toBe('Formatting: Memo on this coding');
    expect(toolbar.getAttribute('aria-controls')).toBe(textbox.id);
    const buttons = Array.from(toolbar.querySelectorAll('button'));
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Bold', 'Italic', 'Bullet list', 'Numbered list']);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'false', 'false']);
    expect(buttons.map((b) => b.type)).toEqual(['button', 'button', 'button', 'button']);
    // One tab stop for the whole toolbar.
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1]);
    expect(container.textContent).toContain('What does this passage tell you?');
  });

  it('emits a valid memo for typed text (Chinese, emoji) and hides the placeholder', async () => {
    const { editor, onChange } = await mount({ placeholder: 'Write a memo' });
    await act(async () => {
      editor.commands.insertContent('钱和时间 🎉 <script>alert(1)</script>');
    });
    expect(onChange).toHaveBeenCalled();
    const memo = lastDoc(onChange);
    expect(ZMemoDoc.safeParse(memo).success).toBe(true);
    // Markup in typed text stays text: it is never parsed into elements.
    expect(memoToPlainText(memo)).toBe('钱和时间 🎉 <script>alert(1)</script>');
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).not.toContain('Write a memo');
  });

  it('keeps typed markup as text when inserted as a text node', async () => {
    const { editor, onChange } = await mount();
    await act(async () => {
      editor.commands.insertContent({ type: 'text', text: '<img src=x onerror=alert(1)>' });
    });
    expect(memoToPlainText(lastDoc(onChange))).toBe('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
  });

  it('toggles bold and italic from the toolbar, with pressed state', async () => {
    const { editor, onChange } = await mount({ value: doc(p(text('money matters'))) });
    await act(async () => {
      editor.commands.setTextSelection({ from: 1, to: 6 });
    });
    await act(async () => button('Bold').click());
    expect(button('Bold').getAttribute('aria-pressed')).toBe('true');
    await act(async () => button('Italic').click());
    expect(button('Italic').getAttribute('aria-pressed')).toBe('true');
    expect(lastDoc(onChange)).toEqual(
      doc(p(text('money', [{ type: 'bold' }, { type: 'italic' }]), text(' matters'))),
    );
    await act(async () => button('Bold').click());
    expect(button('Bold').getAttribute('aria-pressed')).toBe('false');
  });

  it('makes bullet and numbered lists from the toolbar', async () => {
    const { editor, onChange } = await mount({ value: 'first\nsecond' });
    await act(async () => {
      // From inside "first" to inside "second".
      editor.commands.setTextSelection({ from: 2, to: editor.state.doc.content.size - 2 });
    });
    await act(async () => button('Bullet list').click());
    expect(button('Bullet list').getAttribute('aria-pressed')).toBe('true');
    let memo = lastDoc(onChange);
    expect(ZMemoDoc.safeParse(memo).success).toBe(true);
    expect(memoToPlainText(memo)).toBe('- first\n- second');
    await act(async () => button('Numbered list').click());
    expect(button('Numbered list').getAttribute('aria-pressed')).toBe('true');
    expect(button('Bullet list').getAttribute('aria-pressed')).toBe('false');
    memo = lastDoc(onChange);
    expect(ZMemoDoc.safeParse(memo).success).toBe(true);
    expect(memoToPlainText(memo)).toBe('1. first\n2. second');
  });

  it('moves focus along the toolbar with the arrow keys', async () => {
    await mount();
    const toolbar = container.querySelector<HTMLElement>('[role="toolbar"]')!;
    button('Bold').focus();
    const key = (k: string) => act(async () => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    });
    await key('ArrowRight');
    expect(document.activeElement).toBe(button('Italic'));
    expect(button('Italic').tabIndex).toBe(0);
    expect(button('Bold').tabIndex).toBe(-1);
    await key('End');
    expect(document.activeElement).toBe(button('Numbered list'));
    await key('ArrowRight');
    expect(document.activeElement).toBe(button('Bold'));
    await key('ArrowLeft');
    expect(document.activeElement).toBe(button('Numbered list'));
    expect(toolbar.contains(document.activeElement)).toBe(true);
  });

  it('keeps pasted HTML inside the memo dialect (links, list attributes, unknown elements)', async () => {
    const { editor, onChange } = await mount();
    const html =
      '<h1>Title</h1><h2>Section</h2><p><a href="javascript:alert(1)">bad</a> <a href="https://example.org" class="x" target="_top" rel="opener" title="t">good</a> <u>under</u> <s>strike</s> <code>code</code></p>' +
      '<ol type="disc" start="abc"><li>one</li></ol><img src="x" onerror="alert(1)"><script>alert(1)</script><pre>pre</pre><hr>';
    await act(async () => {
      // jsdom has no ClipboardEvent; a plain 'paste' event is what ProseMirror needs.
      editor.view.pasteHTML(html, new Event('paste') as ClipboardEvent);
    });
    const memo = lastDoc(onChange);
    const parsed = ZMemoDoc.safeParse(memo);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const json = JSON.stringify(memo);
    expect(json).not.toContain('javascript:');
    expect(json).not.toMatch(/"type":"(image|codeBlock|horizontalRule|underline|strike|code)"/);
    expect(json).toContain('"href":"https://example.org"');
    expect(json).toContain('"rel":"noopener noreferrer nofollow"');
    expect(json).not.toContain('"class":"x"');
    // `<ol type="disc" start="abc">`: tiptap reads type "disc" and start NaN; the guard resets them.
    expect(json).toContain('{"type":"orderedList","attrs":{"start":1,"type":null}');
    expect(memoToPlainText(memo)).toContain('Title');
    expect(container.querySelector('[role="textbox"] script, [role="textbox"] img')).toBeNull();
  });

  it('loads every allowed node and mark unchanged in meaning', async () => {
    const rich = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Theme')] },
      p(text('a', [{ type: 'bold' }]), { type: 'hardBreak' }, text('b', [{ type: 'link', attrs: { href: 'mailto:ana@example.org' } }])),
      { type: 'bulletList', content: [li(p(text('one')), { type: 'orderedList', attrs: { start: 4, type: 'i' }, content: [li(p(text('two')))] })] },
      { type: 'blockquote', content: [p(text('quote', [{ type: 'italic' }]))] },
    );
    const { editor } = await mount({ value: rich });
    const loaded = ZMemoDoc.parse(editor.getJSON());
    expect(memoToPlainText(loaded)).toBe(memoToPlainText(ZMemoDoc.parse(rich)));
    expect(JSON.stringify(loaded)).toContain('"start":4,"type":"i"');
    expect(JSON.stringify(loaded)).toContain('"href":"mailto:ana@example.org"');
  });

  it('refuses to load an invalid memo and says so', async () => {
    const { editor } = await mount({ value: doc(p(text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))) });
    expect(editor.getText()).toBe('');
    expect(container.querySelector('[role="alert"]')!.textContent).toMatch(/^This memo could not be loaded \(Links must be/);
    expect(container.querySelector('a')).toBeNull();
  });

  it('follows a new value from the parent without emitting it, and ignores its own echo', async () => {
    const onChange = vi.fn<(doc: MemoDoc) => void>();
    let setValue!: (v: unknown) => void;
    function Host() {
      const [value, set] = useState<unknown>('first memo');
      setValue = set;
      return (
        <MemoEditor
          ariaLabel="Memo"
          value={value}
          onChange={(d) => {
            onChange(d);
            set(d);
          }}
        />
      );
    }
    await act(async () => root.render(<Host />));
    const editor = (container.querySelector('[role="textbox"]') as HTMLElement & { editor: Editor }).editor;
    expect(editor.getText()).toBe('first memo');

    await act(async () => setValue(doc(p(text('another coding’s memo')))));
    expect(editor.getText()).toBe('another coding’s memo');
    expect(onChange).not.toHaveBeenCalled();

    await act(async () => {
      editor.commands.insertContentAt(editor.state.doc.content.size - 1, '!');
    });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(editor.getText()).toBe('another coding’s memo!');
  });

  it('reports a memo over the size limit instead of emitting it', async () => {
    const { editor, onChange } = await mount();
    await act(async () => {
      editor.commands.insertContent({ type: 'text', text: '长'.repeat(80_000) });
    });
    expect(onChange).not.toHaveBeenCalled();
    expect(container.querySelector('[role="alert"]')!.textContent).toMatch(/^The memo is too long/);
  });
});

describe('MemoEditor: mentions', () => {
  const CODES = [
    { id: 'c1', label: 'Distrust of officials', hint: 'concept' },
    { id: 'c2', label: 'Trust in institutions', hint: 'core category' },
    { id: 'c3', label: 'Time pressure' },
    { id: 'c4', label: 'Trusted <b>networks</b>', hint: 'category' },
    // An id the memo dialect refuses: never offered, so never inserted.
    { id: 'not ok', label: 'Truthful accounts' },
  ];
  const mention = (id: string, label: string | null) => ({ type: 'mention', attrs: { id, label, mentionSuggestionChar: '@' } });

  /** Types like a user does: one transaction per character. */
  const type = (editor: Editor, s: string) =>
    act(async () => {
      for (const ch of s) editor.view.dispatch(editor.state.tr.insertText(ch));
    });
  const press = (textbox: HTMLElement, key: string) =>
    act(async () => {
      textbox.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    });
  const listbox = () => document.querySelector<HTMLElement>('[role="listbox"]');
  const options = () => Array.from(document.querySelectorAll<HTMLElement>('[role="option"]'));
  const labels = () => options().map((o) => o.textContent);
  const selected = () => options().findIndex((o) => o.getAttribute('aria-selected') === 'true');

  it('offers the codes matching what follows @, best first, with muted hints', async () => {
    const { editor, textbox } = await mount({ mentions: { items: CODES } });
    await type(editor, 'The core is @');
    expect(labels()).toEqual(['Distrust of officials' + 'concept', 'Trust in institutions' + 'core category', 'Time pressure', 'Trusted <b>networks</b>' + 'category']);
    await type(editor, 'tru');
    expect(options().map((o) => o.firstElementChild!.textContent)).toEqual(['Trust in institutions', 'Trusted <b>networks</b>', 'Distrust of officials']);
    expect(options()[0].lastElementChild!.textContent).toBe('core category');
    // Labels are text, never markup.
    expect(listbox()!.querySelector('b')).toBeNull();
    // The text box points at the highlighted option (combobox pattern).
    expect(selected()).toBe(0);
    expect(textbox.getAttribute('aria-controls')).toBe(listbox()!.id);
    expect(textbox.getAttribute('aria-activedescendant')).toBe(options()[0].id);
    // The list lives outside the editor, positioned by the suggestion plugin.
    expect(container.contains(listbox())).toBe(false);
  });

  it('inserts the highlighted code on Enter, as a valid mention node shown as a pill', async () => {
    const { editor, textbox, onChange } = await mount({ mentions: { items: CODES } });
    await type(editor, 'The core is @tru');
    await press(textbox, 'ArrowDown');
    expect(selected()).toBe(1);
    await press(textbox, 'ArrowDown');
    await press(textbox, 'ArrowDown');
    // Wraps around.
    expect(selected()).toBe(0);
    await press(textbox, 'ArrowUp');
    expect(selected()).toBe(2);
    await press(textbox, 'ArrowUp');
    await press(textbox, 'ArrowUp');
    expect(selected()).toBe(0);
    await press(textbox, 'Enter');

    expect(listbox()).toBeNull();
    expect(textbox.hasAttribute('aria-activedescendant')).toBe(false);
    const memo = lastDoc(onChange);
    const parsed = ZMemoDoc.safeParse(memo);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(memo).toEqual(doc(p(text('The core is '), mention('c2', 'Trust in institutions'), text(' '))));
    // tiptap's Mention inserts a space after the pill, so typing can go on.
    expect(memoToPlainText(memo)).toBe('The core is @Trust in institutions ');
    // Enter was the pick, not a new paragraph.
    expect(memo.content).toHaveLength(1);

    const pill = textbox.querySelector<HTMLElement>('span[data-type="mention"]')!;
    expect(pill.getAttribute('data-id')).toBe('c2');
    expect(pill.textContent).toBe('@Trust in institutions');
    expect(pill.className).toContain('mention');
  });

  it('inserts a code clicked in the list, and keeps spaces in the query while a code matches', async () => {
    const { editor, onChange } = await mount({ mentions: { items: CODES } });
    await type(editor, '@time pr');
    expect(labels()).toEqual(['Time pressure']);
    await act(async () => options()[0].click());
    expect(lastDoc(onChange)).toEqual(doc(p(mention('c3', 'Time pressure'), text(' '))));
    expect(listbox()).toBeNull();
  });

  it('closes the list when the words after @ match no code, and on Escape, leaving the text', async () => {
    const { editor, textbox, onChange } = await mount({ mentions: { items: CODES } });
    await type(editor, 'mail @zz');
    // No match yet, but no space either: say so.
    expect(listbox()).toBeNull();
    expect(document.body.textContent).toContain('No code matches “zz”.');
    await type(editor, ' is late');
    expect(document.body.textContent).not.toContain('No code matches');

    await act(async () => {
      editor.commands.setContent(doc(p()) as MemoDoc);
    });
    await type(editor, '@tr');
    expect(options()).toHaveLength(3);
    await press(textbox, 'Escape');
    expect(listbox()).toBeNull();
    // Escape dismissed it: typing on does not reopen it.
    await type(editor, 'u');
    expect(listbox()).toBeNull();
    await press(textbox, 'Enter');
    // Enter is a new paragraph again; '@tru' stays text.
    expect(lastDoc(onChange)).toEqual(doc(p(text('@tru')), p()));
  });

  it('removes the list when the editor goes away while it is open', async () => {
    const { editor } = await mount({ mentions: { items: CODES } });
    await type(editor, '@t');
    expect(listbox()).not.toBeNull();
    act(() => root.unmount());
    expect(listbox()).toBeNull();
    expect(document.body.textContent).not.toContain('Time pressure');
  });

  it('follows new items from the parent without re-creating the editor', async () => {
    const { editor } = await mount({ mentions: { items: CODES } });
    await act(async () => {
      root.render(<MemoEditor ariaLabel="Memo on this coding" value={null} onChange={() => {}} mentions={{ items: [{ id: 'n1', label: 'Trust anew' }] }} />);
    });
    const same = (container.querySelector('[role="textbox"]') as HTMLElement & { editor: Editor }).editor;
    expect(same).toBe(editor);
    await type(editor, '@tru');
    expect(labels()).toEqual(['Trust anew']);
  });

  it('shows the caller’s placeholder (e.g. the @ hint) while empty, and not once a code is mentioned', async () => {
    await mount({ mentions: { items: CODES }, placeholder: 'Tell the story (type @ to mention a code)' });
    expect(container.textContent).toContain('type @ to mention a code');
    act(() => root.unmount());
    root = createRoot(container);
    await mount({ mentions: { items: CODES }, placeholder: 'Tell the story', value: doc(p(mention('c2', 'Trust'))) });
    expect(container.textContent).not.toContain('Tell the story');
  });

  it('without mentions, @ is just text: no list, Enter makes a new paragraph', async () => {
    const { editor, textbox, onChange } = await mount();
    await type(editor, '@tru');
    expect(document.querySelector('[role="listbox"], [role="option"]')).toBeNull();
    expect(textbox.querySelector('.suggestion, [data-decoration-id]')).toBeNull();
    await press(textbox, 'Enter');
    expect(lastDoc(onChange).content).toHaveLength(2);
  });

  it('without mentions, still loads, shows and emits a memo that mentions codes', async () => {
    // The trigger character is optional in stored memos; tiptap adds its default.
    const value = doc(p(text('See '), mention('c2', 'Trust <b>x</b>'), text(' and '), { type: 'mention', attrs: { id: 'c9', label: null } }));
    const { editor, textbox, onChange } = await mount({ value });
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(editor.getJSON()).toEqual(doc(p(text('See '), mention('c2', 'Trust <b>x</b>'), text(' and '), mention('c9', null))));
    const pills = Array.from(textbox.querySelectorAll('span[data-type="mention"]'), (s) => s.textContent);
    expect(pills).toEqual(['@Trust <b>x</b>', '@c9']);
    expect(textbox.querySelector('b')).toBeNull();
    await type(editor, '!');
    expect(ZMemoDoc.safeParse(lastDoc(onChange)).success).toBe(true);
    expect(memoToPlainText(lastDoc(onChange))).toBe('See @Trust <b>x</b> and @c9!');
  });

  it('keeps pasted mentions inside the dialect: trigger @, no empty label, bad ids become text', async () => {
    const { editor, onChange } = await mount({ mentions: { items: CODES } });
    const html =
      '<p><span data-type="mention" data-id="c2" data-label="Trust" data-mention-suggestion-char="#">#Trust</span> ' +
      '<span data-type="mention" data-id="c3" data-label="">@c3</span> ' +
      '<span data-type="mention" data-id="../../admin" data-label="Evil">@Evil</span> ' +
      '<span data-type="mention" data-label="">@</span>.</p>';
    await act(async () => {
      editor.view.pasteHTML(html, new Event('paste') as ClipboardEvent);
    });
    const memo = lastDoc(onChange);
    const parsed = ZMemoDoc.safeParse(memo);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(memo).toEqual(doc(p(mention('c2', 'Trust'), text(' '), mention('c3', null), text(' @Evil .'))));
  });

  it('emits a valid memo when bold is applied over a mention', async () => {
    const { editor, onChange } = await mount({ value: doc(p(text('a '), mention('c2', 'Trust'), text(' b'))) });
    await act(async () => {
      editor.commands.selectAll();
    });
    await act(async () => button('Bold').click());
    const memo = lastDoc(onChange);
    expect(ZMemoDoc.safeParse(memo).success).toBe(true);
    expect(JSON.stringify(memo)).toContain('"type":"mention","attrs":{"id":"c2","label":"Trust","mentionSuggestionChar":"@"},"marks":[{"type":"bold"}]');
  });
});
