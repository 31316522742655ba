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
