// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { filterMentionItems, MENTION_LIST_LIMIT, MentionList, type MentionItem } from './mention-list';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const item = (id: string, label: string, hint?: string): MentionItem => (hint ? { id, label, hint } : { id, label });

describe('filterMentionItems', () => {
  const codes = [
    item('a', 'Distrust'),
    item('b', 'Trust in institutions'),
    item('c', 'Self-trust'),
    item('d', 'Time pressure'),
    item('e', 'TRUSTED networks'),
    item('f', 'Ärger über Behörden'),
  ];
  const ids = (items: MentionItem[]) => items.map((i) => i.id);

  it('matches anywhere in the label, case-insensitively: label starts, then word starts, then the rest', () => {
    expect(ids(filterMentionItems(codes, 'tru'))).toEqual(['b', 'e', 'c', 'a']);
    expect(ids(filterMentionItems(codes, 'TRUST IN'))).toEqual(['b']);
    expect(ids(filterMentionItems(codes, 'är'))).toEqual(['f']);
    expect(ids(filterMentionItems(codes, 'über'))).toEqual(['f']);
    expect(filterMentionItems(codes, 'zz')).toEqual([]);
  });

  // Issue 14 (8): Chinese storylines mention Chinese code names, typed with an input method.
  it('matches Chinese labels and full-width letters typed with a CJK input method', () => {
    const zh = [item('a', '物流成本'), item('b', '跨境物流'), item('c', 'AB测试'), item('d', '价格焦虑')];
    expect(ids(filterMentionItems(zh, '物流'))).toEqual(['a', 'b']);
    expect(ids(filterMentionItems(zh, 'ａｂ'))).toEqual(['c']);
    expect(filterMentionItems(zh, '仓储')).toEqual([]);
  });

  it('offers the first items, in order, for an empty query', () => {
    expect(ids(filterMentionItems(codes, ''))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it(`shows at most ${MENTION_LIST_LIMIT}`, () => {
    const many = Array.from({ length: 20 }, (_, i) => item(`c${i}`, `Code ${i}`));
    expect(ids(filterMentionItems(many, 'code'))).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
    expect(filterMentionItems(many, 'code', 3)).toHaveLength(3);
  });

  it('treats the query as text, not a pattern', () => {
    expect(ids(filterMentionItems([item('a', 'a.b (c)'), item('b', 'axb')], '.b ('))).toEqual(['a']);
    expect(filterMentionItems([item('a', 'abc')], '.*')).toEqual([]);
  });

  it('never offers an item the memo could not store', () => {
    const bad = [item('not ok', 'Trust'), item('x'.repeat(65), 'Trust'), item('', 'Trust'), item('ok', '')];
    expect(filterMentionItems(bad, '')).toEqual([]);
  });
});

describe('MentionList', () => {
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

  it('renders a listbox of options with labels as text, hints, the active one selected; click picks', () => {
    const onPick = vi.fn();
    const onHover = vi.fn();
    const items = [item('a', 'Trust <b>x</b>', 'core category'), item('b', 'Time')];
    act(() => root.render(<MentionList id="m" items={items} active={1} query="t" onPick={onPick} onHover={onHover} />));
    const listbox = container.querySelector('[role="listbox"]')!;
    expect(listbox.id).toBe('m');
    const options = Array.from(container.querySelectorAll<HTMLElement>('[role="option"]'));
    expect(options.map((o) => o.id)).toEqual(['m-0', 'm-1']);
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    expect(options[0].textContent).toBe('Trust <b>x</b>core category');
    expect(container.querySelector('b')).toBeNull();
    act(() => options[0].click());
    expect(onPick).toHaveBeenCalledWith(items[0]);
    // Pressing the mouse on the list must not take focus from the editor.
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    options[0].dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
  });

  it('says when nothing matches', () => {
    act(() => root.render(<MentionList id="m" items={[]} active={0} query="zz" onPick={() => {}} onHover={() => {}} />));
    expect(container.querySelector('[role="listbox"]')).toBeNull();
    expect(container.textContent).toBe('No code matches “zz”.');
  });
});
