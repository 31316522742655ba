// @vitest-environment jsdom
import type { Editor } from '@tiptap/core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { codingHighlightsKey } from '@/components/editor/extensions/coding-highlights';
import { createDocPositionIndex } from '@/lib/coding/doc-positions';
import type { ActionResult, WorkbenchApi, WorkbenchCode, WorkbenchCoding, WorkbenchData } from '@/lib/coding/workbench-types';

import { pickerOptions } from './code-picker';
import { type MemoDoc, memoToPlainText, plainTextToMemo } from '@/lib/coding/memo';
import { Workbench } from './workbench';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TEXT = ['I: How did the cooperative start?', '', 'R: 我们在田野里 🙂 开始了，we trusted each other.', 'Later the café closed.'].join('\n');
const cp = (s: string) => {
  const u = TEXT.indexOf(s);
  if (u < 0) throw new Error(`'${s}' not in text`);
  const index = createDocPositionIndex(TEXT);
  return { start: index.offsets.toCodePoint(u), end: index.offsets.toCodePoint(u + s.length) };
};

const code = (id: string, name: string, color: string, segmentCount: number): WorkbenchCode => ({
  id,
  name,
  color,
  definition: '',
  segmentCount,
  sourceCount: 1,
});
const coding = (id: string, codeId: string, s: string, coderId = 'u1', memo = ''): WorkbenchCoding => ({
  id,
  codeId,
  ...cp(s),
  coderId,
  coderName: coderId === 'u1' ? 'Ana' : 'Ben',
  memo,
  memoBody: memo ? plainTextToMemo(memo) : null,
  createdAt: '2026-03-01T10:00:00.000Z',
});

function makeData(overrides: Partial<WorkbenchData> = {}): WorkbenchData {
  return {
    projectId: 'p1',
    source: { id: 's1', title: 'Interview 1', text: TEXT, length: Array.from(TEXT).length },
    codes: [code('k-origin', 'origins', '#2e86ab', 4), code('k-trust', 'trust', '#d1495b', 2), code('k-place', 'place', '#3c9d5d', 0)],
    codings: [
      coding('c1', 'k-origin', 'How did the cooperative start?'),
      coding('c2', 'k-trust', '田野里 🙂 开始了，we trusted', 'u2', 'Field as shared ground'),
      coding('c3', 'k-origin', 'cooperative'),
    ],
    coders: [
      { id: 'u1', name: 'Ana' },
      { id: 'u2', name: 'Ben' },
    ],
    currentUser: { id: 'u1', name: 'Ana' },
    canCode: true,
    ...overrides,
  };
}

const ok = <T,>(value: T): Promise<ActionResult<T>> => Promise.resolve({ ok: true, value });
let nextId = 100;
function makeApi(): WorkbenchApi & { [K in keyof WorkbenchApi]: ReturnType<typeof vi.fn> } {
  return {
    applyCode: vi.fn((i: { codeId: string; start: number; end: number }) =>
      ok({ id: `c${nextId++}`, ...i, coderId: 'u1', coderName: 'Ana', memo: '', memoBody: null, createdAt: new Date().toISOString() }),
    ),
    createCodeAndApply: vi.fn((i: { name: string; color?: string; start: number; end: number }) => {
      const k = { id: `k${nextId++}`, name: i.name, color: i.color ?? '#000000', definition: '', segmentCount: 1, sourceCount: 1 };
      return ok({ code: k, coding: { id: `c${nextId++}`, codeId: k.id, start: i.start, end: i.end, coderId: 'u1', coderName: 'Ana', memo: '', memoBody: null, createdAt: '' } });
    }),
    removeCoding: vi.fn((i: { codingId: string }) => ok({ codingId: i.codingId })),
    adjustCoding: vi.fn((i: { codingId: string; start: number; end: number }) =>
      ok({ ...coding(i.codingId, 'k-origin', 'How'), start: i.start, end: i.end }),
    ),
    // Like the server: the coding it was called for, with the memo saved.
    setCodingMemo: vi.fn((i: { codingId: string; body: MemoDoc }) => {
      const saved = makeData().codings.find((c) => c.id === i.codingId)!;
      return ok({ ...saved, memo: memoToPlainText(i.body), memoBody: i.body });
    }),
  } as never;
}

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

/** Render and wait for the editor (created in an effect: `immediatelyRender: false`). */
async function render(data: WorkbenchData, api: WorkbenchApi) {
  await act(async () => root.render(<Workbench data={data} api={api} />));
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  const dom = container.querySelector<HTMLElement & { editor: Editor }>('.ProseMirror');
  if (!dom) throw new Error('editor did not mount');
  return dom.editor;
}

const highlighted = () =>
  Array.from(container.querySelectorAll<HTMLElement>('.gw-coding')).map((el) => ({ text: el.textContent, ids: el.dataset.codingIds }));
const codedIds = () => new Set(highlighted().flatMap((h) => h.ids!.split(' ')));
const codebookRow = (name: string) =>
  Array.from(container.querySelectorAll<HTMLButtonElement>('[data-testid="codebook-code"]')).find((b) => b.textContent?.includes(name))!;

async function key(editor: Editor, init: KeyboardEventInit) {
  await act(async () => {
    editor.view.dom.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  });
}
async function select(editor: Editor, s: string) {
  const index = createDocPositionIndex(TEXT);
  const { from, to } = index.rangeToPositions(cp(s));
  await act(async () => {
    editor.commands.setTextSelection({ from, to });
    await new Promise((r) => setTimeout(r, 150)); // the quick actions wait for the selection to rest
  });
}
async function typeInto(input: HTMLInputElement, value: string) {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function click(el: Element) {
  await act(async () => {
    el.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  });
}
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('Workbench', () => {
  it('shows the text read-only with every coding highlighted, and the codebook with counts', async () => {
    const editor = await render(makeData(), makeApi());
    expect(editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n')).toBe(TEXT);
    expect(codedIds()).toEqual(new Set(['c1', 'c2', 'c3']));
    // The nested coding: "cooperative" is inside c1.
    expect(highlighted().find((h) => h.text === 'cooperative')?.ids).toBe('c1 c3');
    expect(highlighted().some((h) => h.text?.includes('田野里 🙂'))).toBe(true);
    expect(codebookRow('origins').textContent).toContain('4');
    expect(codebookRow('origins').textContent).toContain('2 here');
    expect(container.querySelector('.ProseMirror')!.getAttribute('aria-readonly')).toBe('true');
    const before = editor.state.doc;
    await act(async () => {
      editor.view.dispatch(editor.state.tr.insertText('typed', 1));
    });
    expect(editor.state.doc).toBe(before);
  });

  it('filters by code (codebook) and by coder (toolbar)', async () => {
    await render(makeData(), makeApi());
    await click(codebookRow('trust'));
    expect(codebookRow('trust').getAttribute('aria-pressed')).toBe('true');
    expect(codedIds()).toEqual(new Set(['c2']));
    await click(codebookRow('trust'));
    expect(codedIds()).toEqual(new Set(['c1', 'c2', 'c3']));
    const select = container.querySelector<HTMLSelectElement>('select')!;
    await act(async () => {
      select.value = 'u1';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(codedIds()).toEqual(new Set(['c1', 'c3']));
    expect(container.textContent).toContain('2 of 3 codings shown');
  });

  it('codes a selection through the picker (Mod-K, type-ahead, Enter) with code point offsets', async () => {
    const api = makeApi();
    const editor = await render(makeData(), api);
    await select(editor, '开始了，we trusted each other');
    expect(container.querySelector('[data-testid="selection-bar"]')).not.toBeNull();
    await key(editor, { key: 'k', ctrlKey: true });
    const picker = container.querySelector('[data-testid="code-picker"]')!;
    expect(picker.getAttribute('role')).toBe('dialog');
    const input = picker.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    expect(document.activeElement).toBe(input);
    await typeInto(input, 'pla');
    const options = Array.from(picker.querySelectorAll('[role="option"]')).map((o) => o.textContent);
    expect(options[0]).toContain('place');
    await act(async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(api.applyCode).toHaveBeenCalledWith({ codeId: 'k-place', ...cp('开始了，we trusted each other') });
    expect(container.querySelector('[data-testid="code-picker"]')).toBeNull();
    // Optimistic: highlighted and counted before the server answers.
    expect(codebookRow('place').textContent).toContain('1');
    await flush();
    expect(highlighted().some((h) => h.text === ' each other')).toBe(true);
    expect(codebookRow('place').textContent).toContain('1 here');
  });

  it('repeats the last-used code with L and creates an in-vivo code with V', async () => {
    const api = makeApi();
    const editor = await render(makeData(), api);
    await select(editor, 'café');
    await key(editor, { key: 'c' });
    const input = container.querySelector<HTMLInputElement>('[data-testid="code-picker"] input')!;
    await typeInto(input, 'trust');
    await act(async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await flush();
    await select(editor, 'Later');
    await key(editor, { key: 'l' });
    expect(api.applyCode).toHaveBeenLastCalledWith({ codeId: 'k-trust', ...cp('Later') });
    await select(editor, ' the café closed.');
    await key(editor, { key: 'v' });
    // Trimmed: the selected words are the name and the range.
    expect(api.createCodeAndApply).toHaveBeenCalledWith(expect.objectContaining({ name: 'the café closed.', ...cp('the café closed.') }));
    await flush();
    expect(codebookRow('the café closed.')).toBeDefined();
  });

  it('keeps the selection painted while the picker is open, and the quick actions go away after coding', async () => {
    const api = makeApi();
    const editor = await render(makeData(), api);
    await select(editor, 'Later');
    expect(container.querySelector('[data-testid="selection-bar"]')).not.toBeNull();
    await key(editor, { key: 'c' });
    expect(Array.from(container.querySelectorAll('.gw-held-selection')).map((el) => el.textContent).join('')).toBe('Later');
    const input = container.querySelector<HTMLInputElement>('[data-testid="code-picker"] input')!;
    await typeInto(input, 'place');
    await act(async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await flush();
    await act(async () => new Promise((r) => setTimeout(r, 150)));
    expect(container.querySelector('.gw-held-selection')).toBeNull();
    expect(editor.state.selection.empty).toBe(true);
    expect(container.querySelector('[data-testid="selection-bar"]')).toBeNull();
    // L codes a new selection and also leaves no bar behind.
    await select(editor, 'café');
    await key(editor, { key: 'l' });
    await act(async () => new Promise((r) => setTimeout(r, 150)));
    expect(api.applyCode).toHaveBeenLastCalledWith({ codeId: 'k-place', ...cp('café') });
    expect(container.querySelector('[data-testid="selection-bar"]')).toBeNull();
  });

  it('undoes and redoes coding actions with Ctrl+Z and Ctrl+Shift+Z: apply, remove (with its memo), extent', async () => {
    const api = makeApi();
    const editor = await render(makeData(), api);
    await select(editor, 'Later');
    await key(editor, { key: 'c' });
    const input = container.querySelector<HTMLInputElement>('[data-testid="code-picker"] input')!;
    await typeInto(input, 'place');
    await act(async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await flush();
    const applied = (await api.applyCode.mock.results[0].value).value.id as string;
    expect(codedIds().has(applied)).toBe(true);

    await key(editor, { key: 'z', ctrlKey: true });
    await flush();
    expect(api.removeCoding).toHaveBeenLastCalledWith({ codingId: applied });
    expect(codedIds().has(applied)).toBe(false);

    await key(editor, { key: 'z', ctrlKey: true, shiftKey: true });
    await flush();
    expect(api.applyCode).toHaveBeenCalledTimes(2);
    expect(api.applyCode).toHaveBeenLastCalledWith({ codeId: 'k-place', ...cp('Later') });
    const reapplied = (await api.applyCode.mock.results[1].value).value.id as string;
    // Undo again removes the re-created coding (its new id), not the old one.
    await key(editor, { key: 'z', ctrlKey: true });
    await flush();
    expect(api.removeCoding).toHaveBeenLastCalledWith({ codingId: reapplied });

    // Removing a coding with a memo, then undoing from the toolbar, codes the passage again and restores the memo.
    const span = Array.from(container.querySelectorAll<HTMLElement>('.gw-coding')).find((el) => el.dataset.codingIds === 'c2')!;
    const at = createDocPositionIndex(TEXT).cpToPos(cp('田野').start);
    editor.view.posAtCoords = () => ({ pos: at, inside: -1 });
    await act(async () => {
      span.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0, detail: 1 }));
      span.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0, detail: 1 }));
    });
    const card = container.querySelector('[data-testid="coding-card"]')!;
    await click(Array.from(card.querySelectorAll('button')).find((b) => b.textContent === 'Remove')!);
    await click(Array.from(card.querySelectorAll('button')).find((b) => b.textContent === 'Remove')!);
    await flush();
    expect(api.removeCoding).toHaveBeenLastCalledWith({ codingId: 'c2' });
    const toolbarUndo = Array.from(container.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')).find((b) => b.textContent === 'Undo')!;
    expect(toolbarUndo.title).toBe('Undo the removal of “trust” (Ctrl+Z)');
    await click(toolbarUndo);
    await flush();
    expect(api.applyCode).toHaveBeenLastCalledWith({ codeId: 'k-trust', ...cp('田野里 🙂 开始了，we trusted') });
    const restored = (await api.applyCode.mock.results.at(-1)!.value).value.id as string;
    expect(api.setCodingMemo).toHaveBeenLastCalledWith({ codingId: restored, body: plainTextToMemo('Field as shared ground') });
  });

  it('rolls back and shows the message when the server refuses', async () => {
    const api = makeApi();
    api.applyCode.mockImplementation(() => Promise.resolve({ ok: false, message: 'You can no longer code in this project.' }));
    const editor = await render(makeData(), api);
    await select(editor, 'Later');
    await key(editor, { key: 'c' });
    const input = container.querySelector<HTMLInputElement>('[data-testid="code-picker"] input')!;
    await typeInto(input, 'place');
    await act(async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await flush();
    expect(container.querySelector('[data-testid="workbench-error"]')?.textContent).toContain('You can no longer code in this project.');
    expect(codedIds()).toEqual(new Set(['c1', 'c2', 'c3']));
    expect(codebookRow('place').textContent).not.toContain('here');
  });

  it('opens a coding from a click, removes it after confirmation and saves a memo as a tiptap doc', async () => {
    const api = makeApi();
    const editor = await render(makeData(), api);
    const span = Array.from(container.querySelectorAll<HTMLElement>('.gw-coding')).find((el) => el.dataset.codingIds === 'c2')!;
    // ProseMirror turns mousedown + mouseup into a click at a position; jsdom has no layout to
    // find one, so give it the coding's start.
    const at = createDocPositionIndex(TEXT).cpToPos(cp('田野').start);
    editor.view.posAtCoords = () => ({ pos: at, inside: -1 });
    await act(async () => {
      span.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0, detail: 1 }));
      span.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0, detail: 1 }));
    });
    const card = container.querySelector('[data-testid="coding-card"]')!;
    expect(card).not.toBeNull();
    expect(card.textContent).toContain('trust');
    expect(card.textContent).toContain('Ben');
    expect(card.textContent).toContain('Field as shared ground');

    await click(Array.from(card.querySelectorAll('button')).find((b) => b.textContent === 'Edit memo')!);
    // The rich memo editor opens on the stored memo; drive it through tiptap's own commands.
    const memoEditor = card.querySelector<HTMLElement & { editor?: { commands: { setContent(c: unknown): boolean }; getText(): string } }>('form .ProseMirror')!;
    expect(memoEditor.editor!.getText()).toBe('Field as shared ground');
    const rich = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ground, ' }, { type: 'text', text: 'shared', marks: [{ type: 'bold' }] }] }] };
    await act(async () => {
      memoEditor.editor!.commands.setContent(rich);
    });
    await act(async () => {
      card.querySelector('form')!.requestSubmit();
    });
    expect(api.setCodingMemo).toHaveBeenCalledWith({ codingId: 'c2', body: rich });
    // Shown rich, and previewed as plain text.
    expect(Array.from(card.querySelectorAll('strong')).map((el) => el.textContent)).toContain('shared');

    await click(Array.from(card.querySelectorAll('button')).find((b) => b.textContent === 'Remove')!);
    await click(Array.from(card.querySelectorAll('button')).find((b) => b.textContent === 'Remove')!);
    expect(api.removeCoding).toHaveBeenCalledWith({ codingId: 'c2' });
    expect(codedIds().has('c2')).toBe(false);
    expect(codebookRow('trust').textContent).toContain('1');
  });

  it('adjusts a coding to a new selection (Enter confirms)', async () => {
    const api = makeApi();
    const editor = await render(makeData(), api);
    await key(editor, { key: 'n' }); // c1, the first coding
    const card = container.querySelector('[data-testid="coding-card"]')!;
    await click(Array.from(card.querySelectorAll('button')).find((b) => b.textContent === 'Adjust extent')!);
    expect(container.querySelector('[data-testid="coding-card"]')!.textContent).toContain('Select the new extent');
    await select(editor, 'How did the cooperative');
    await key(editor, { key: 'Enter' });
    expect(api.adjustCoding).toHaveBeenCalledWith({ codingId: 'c1', ...cp('How did the cooperative') });
  });

  it('jumps to the next and previous coding and outlines it', async () => {
    const editor = await render(makeData(), makeApi());
    await key(editor, { key: 'n' });
    await key(editor, { key: 'n' });
    expect(Array.from(container.querySelectorAll('.gw-coding--active')).map((e) => e.textContent).join('')).toBe('cooperative');
    expect(container.querySelector('[data-testid="workbench-status"]')!.textContent).toContain('Coding 2 of 3');
    await key(editor, { key: 'p' });
    expect(container.querySelector('[data-testid="workbench-status"]')!.textContent).toContain('Coding 1 of 3');
    await key(editor, { key: 'Escape' });
    expect(container.querySelector('[data-testid="coding-card"]')).toBeNull();
  });

  it('offers no changes in read-only mode', async () => {
    const api = makeApi();
    const editor = await render(makeData({ canCode: false }), api);
    await select(editor, 'Later');
    expect(container.querySelector('[data-testid="selection-bar"]')).toBeNull();
    await key(editor, { key: 'c' });
    await key(editor, { key: 'k', ctrlKey: true });
    expect(container.querySelector('[data-testid="code-picker"]')).toBeNull();
    await key(editor, { key: 'n' });
    const card = container.querySelector('[data-testid="coding-card"]')!;
    expect(card.textContent).toContain('origins');
    expect(Array.from(card.querySelectorAll('button')).map((b) => b.textContent)).toEqual(['×']);
    expect(container.textContent).toContain('Read only');
    expect(api.applyCode).not.toHaveBeenCalled();
  });

  it('opens the coding named by focusCodingId', async () => {
    await render(makeData({ focusCodingId: 'c2' }), makeApi());
    expect(container.querySelector('[data-testid="coding-card"]')?.textContent).toContain('trust');
    expect(Array.from(container.querySelectorAll('.gw-coding--active')).length).toBeGreaterThan(0);
  });
});

describe('pickerOptions', () => {
  const codes = [code('a', 'Trust in peers', '#000000', 1), code('b', 'distrust', '#000000', 1), code('c', 'Money', '#000000', 1)];
  it('ranks exact, prefix, word prefix, then substring; offers create and in vivo', () => {
    expect(pickerOptions(codes, 'trust', 'the money', null).map((o) => (o.kind === 'code' ? o.code.id : `${o.kind}:${o.name}`))).toEqual([
      'a',
      'b',
      'create:trust',
      'invivo:the money',
    ]);
    expect(pickerOptions(codes, 'money', '', null).map((o) => o.kind)).toEqual(['code']);
    expect(pickerOptions(codes, '', '', 'c').map((o) => (o.kind === 'code' ? o.code.id : o.kind))).toEqual(['c', 'a', 'b']);
  });
});

describe('Workbench performance', () => {
  it('renders a 100,000-word transcript with 5,000 codings', async () => {
    const words = ['we', 'talked', 'about', '田野', 'trust', '🙂', 'and', 'the', 'café', 'closing'];
    const parts: string[] = [];
    for (let i = 0; i < 100_000; i++) parts.push(words[i % words.length] + (i % 60 === 59 ? '\n' : ' '));
    const text = parts.join('');
    const n = Array.from(text).length;
    const codes = Array.from({ length: 40 }, (_, i) => code(`k${i}`, `code ${i}`, '#2e86ab', 125));
    const codings: WorkbenchCoding[] = Array.from({ length: 5000 }, (_, i) => {
      const start = Math.floor((i * (n - 400)) / 5000);
      return { id: `c${i}`, codeId: `k${i % 40}`, start, end: start + 20 + (i % 9) * 35, coderId: 'u1', coderName: 'Ana', memo: '', memoBody: null, createdAt: '' };
    });
    const data = makeData({ source: { id: 's', title: 'Long', text, length: n }, codes, codings });
    const editor = await render(data, makeApi());
    expect(editor.state.doc.childCount).toBe(text.split('\n').length);
    // The first screens are highlighted at once, the rest in idle-time steps.
    await act(async () => {
      for (let i = 0; i < 50 && codingHighlightsKey.getState(editor.state)?.drawnTo !== Infinity; i++) await new Promise((r) => setTimeout(r, 0));
    });
    expect(container.querySelectorAll('.gw-coding').length).toBeGreaterThan(5000);
    // Load time is measured in Chromium by `npm run bench -- workbench`, not asserted here.
  }, 60_000);
});
