// @vitest-environment jsdom
import type { Editor } from '@tiptap/core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { Workbench } from '@/components/workbench/workbench';
import { createDocPositionIndex } from '@/lib/coding/doc-positions';
import type { WorkbenchApi, WorkbenchData } from '@/lib/coding/workbench-types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// "We" three times: plain, upper case, and full-width; 信任 twice, once across a line break.
const TEXT = ['I: 你们信任平台吗？', 'R: We trust it. WE do.', 'Ｗｅ 信', '任 the café.'].join('\n');
const index = createDocPositionIndex(TEXT);

const data: WorkbenchData = {
  projectId: 'p1',
  source: { id: 's1', title: 'Interview 1', text: TEXT, length: Array.from(TEXT).length },
  codes: [],
  codings: [],
  coders: [],
  currentUser: { id: 'u1', name: 'Ana' },
  canCode: true,
};
const api = Object.fromEntries(['applyCode', 'createCodeAndApply', 'removeCoding', 'adjustCoding', 'setCodingMemo'].map((k) => [k, vi.fn()])) as unknown as WorkbenchApi;

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
  window.history.replaceState(null, '', '/');
});

const wait = (ms: number) => act(async () => void (await new Promise((r) => setTimeout(r, ms))));
async function render(): Promise<Editor> {
  await act(async () => root.render(<Workbench data={data} api={api} />));
  await wait(0);
  const dom = container.querySelector<HTMLElement & { editor: Editor }>('.ProseMirror');
  if (!dom) throw new Error('editor did not mount');
  return dom.editor;
}
const bar = () => container.querySelector<HTMLElement>('[data-testid="find-bar"]');
const input = () => bar()!.querySelector<HTMLInputElement>('input[type="search"]')!;
const count = () => bar()!.querySelector('[data-testid="find-count"]')!.textContent;
/** The selected text, as stored code points → the stored substring. */
const selected = (editor: Editor) => {
  const { start, end } = index.positionsToRange(editor.state.selection.from, editor.state.selection.to);
  return Array.from(TEXT).slice(start, end).join('');
};
async function type(value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input(), value);
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
  await wait(200); // typing settles before the search runs
}
const press = (init: KeyboardEventInit, target: EventTarget = input()) =>
  act(async () => void target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })));

describe('find bar', () => {
  it('opens with Ctrl+F, counts hits ignoring case and width, steps through them and closes with Escape', async () => {
    const editor = await render();
    expect(bar()).toBeNull();
    await press({ key: 'f', ctrlKey: true }, editor.view.dom);
    expect(bar()).not.toBeNull();

    await type('we');
    expect(count()).toBe('1 of 3');
    expect(selected(editor)).toBe('We');
    await press({ key: 'Enter' });
    expect(count()).toBe('2 of 3');
    expect(selected(editor)).toBe('WE');
    await press({ key: 'Enter' });
    expect(selected(editor)).toBe('Ｗｅ');
    await press({ key: 'Enter' }); // wraps round
    expect(count()).toBe('1 of 3');
    await press({ key: 'Enter', shiftKey: true });
    expect(count()).toBe('3 of 3');

    // Chinese without spaces; a line break in the text matches a space in the query.
    await type('信任');
    expect(count()).toBe('1 of 1');
    await type('信 任');
    expect(count()).toBe('1 of 1');
    expect(selected(editor)).toBe('信\n任');
    await type('CAFE\u0301');
    expect(selected(editor)).toBe('café');
    await type('没有');
    expect(count()).toBe('No hits');

    await press({ key: 'Escape' });
    expect(bar()).toBeNull();
  });

  it('opens on the hit a search-page link names (?find=…&at=…)', async () => {
    const at = index.offsets.toCodePoint(TEXT.indexOf('WE'));
    window.history.replaceState(null, '', `/?find=${encodeURIComponent('ｗｅ')}&at=${at}`);
    const editor = await render();
    await wait(0);
    expect(input().value).toBe('ｗｅ');
    expect(count()).toBe('2 of 3');
    expect(selected(editor)).toBe('WE');
  });

  it('is opened by the toolbar button', async () => {
    await render();
    const find = Array.from(container.querySelectorAll('button')).find((b) => b.textContent === 'Find')!;
    await act(async () => find.click());
    expect(bar()).not.toBeNull();
  });
});
