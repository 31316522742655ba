// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { WorkbenchCode } from '@/lib/coding/workbench-types';

import { CodebookPanel } from './codebook-panel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const code = (id: string, name: string, level: number, parentId: string | null, label: string): WorkbenchCode => ({
  id, name, level, parentId, label, color: '#336699', definition: '', segmentCount: 1, sourceCount: 1,
});

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

const rows = () => Array.from(container.querySelectorAll('[data-testid="codebook-code"]')).map((b) => b.querySelector('span:nth-child(2)')?.textContent?.trim());

function render(codes: WorkbenchCode[], language = 'en') {
  act(() => root.render(<CodebookPanel codes={codes} hereCounts={new Map()} filterCodeIds={[]} canCode language={language} onToggle={vi.fn()} onClear={vi.fn()} />));
}

describe('CodebookPanel', () => {
  const codes = [
    code('c2', 'zeal', 1, 'b1', 'C2'),
    code('c1', 'apple', 1, 'b1', 'C1'),
    code('b1', 'Fruit', 2, null, 'B1'),
    code('c3', 'Banana', 1, null, 'C3'),
  ];

  it('shows the hierarchy with labels, children under their category, sorted ignoring case', () => {
    render(codes);
    expect(rows()).toEqual(['B1 Fruit', 'C1 apple', 'C2 zeal', 'C3 Banana']);
    const fruitItem = container.querySelector('li')!;
    expect(fruitItem.querySelectorAll('li').length).toBe(2);
  });

  it('collapses and expands a category', () => {
    render(codes);
    const toggle = container.querySelector<HTMLButtonElement>('button[aria-label="Collapse B1 Fruit"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    act(() => toggle.click());
    expect(rows()).toEqual(['B1 Fruit', 'C3 Banana']);
    act(() => container.querySelector<HTMLButtonElement>('button[aria-label="Expand B1 Fruit"]')!.click());
    expect(rows()).toHaveLength(4);
  });

  it('places a code created in the session at its sorted place at once', () => {
    render(codes);
    render([...codes, { ...code('pending:code:1', 'Avocado', 1, null, ''), label: undefined }]);
    expect(rows()).toEqual(['B1 Fruit', 'C1 apple', 'C2 zeal', 'Avocado', 'C3 Banana']);
  });

  it('sorts Chinese names by pinyin in a Chinese project', () => {
    render([code('1', '信任', 1, null, 'C1'), code('2', '安全', 1, null, 'C2'), code('3', '物流', 1, null, 'C3')], 'zh');
    expect(rows()).toEqual(['C2 安全', 'C3 物流', 'C1 信任']);
  });
});
