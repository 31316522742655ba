// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { HierarchyTreeNode } from '@/lib/coding/hierarchy-types';

const push = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ push }) }));

import { HierarchyIcicle, cellText, fitCellText, fitText, sizedLeafCount, textOn, wrapCellText, wrapText } from './hierarchy-icicle';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const node = (id: string, level: HierarchyTreeNode['level'], ownSize: number, children: HierarchyTreeNode[] = [], extra: Partial<HierarchyTreeNode> = {}): HierarchyTreeNode => ({
  id,
  label: id.toUpperCase(),
  name: `name ${id}`,
  level,
  color: '#2e86ab',
  segments: ownSize + children.reduce((n, c) => n + c.segments, 0),
  sources: 1,
  ownSize,
  children,
  ...extra,
});

const TREE = node('root', 0, 0, [
  node('cc1', 4, 0, [node('a1', 3, 0, [node('b1', 2, 2, [node('c1', 1, 5, [], { color: '#7b4fa1' }), node('c2', 1, 3), node('c0', 1, 0)])], { name: 'Trust building', color: '#f4e04d' })]),
  node('unplaced-1', 0, 0, [node('c9', 1, 4)], { label: '', name: 'Not yet placed', color: '' }),
], { label: '', name: 'Fieldwork 2026' });

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  push.mockReset();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

async function render(tree: HierarchyTreeNode) {
  await act(async () => root.render(<HierarchyIcicle tree={tree} projectId="p1" />));
}
const cell = (id: string) => container.querySelector<SVGGElement>(`[data-code-id="${id}"]`)!;

describe('HierarchyIcicle', () => {
  it('draws one rect per code with codings, in a column per level', async () => {
    await render(TREE);
    const svg = container.querySelector('[data-testid="hierarchy-icicle"]')!;
    expect(svg).not.toBeNull();
    const ids = [...svg.querySelectorAll('[data-code-id]')].map((g) => g.getAttribute('data-code-id'));
    // c0 has no codings: no area, no rect.
    expect(ids.sort()).toEqual(['a1', 'b1', 'c1', 'c2', 'c9', 'cc1']);
    const headings = [...svg.querySelectorAll('text')].slice(0, 5).map((t) => t.textContent);
    expect(headings).toEqual(['Project', 'Core categories', 'Main categories', 'Categories', 'Concepts']);
    // 800 px wide (no layout in jsdom), 5 columns of 160 px; concepts in the last one.
    expect(cell('c1').getAttribute('transform')).toMatch(/^translate\(640,/);
    expect(cell('a1').getAttribute('transform')).toMatch(/^translate\(320,/);
    // An unplaced concept still sits among the concepts; its group fills the columns before.
    expect(cell('c9').getAttribute('transform')).toMatch(/^translate\(640,/);
    const group = [...svg.querySelectorAll('g > g')].find((g) => g.querySelector('title')?.textContent?.startsWith('Not yet placed'))!;
    expect(group.getAttribute('transform')).toMatch(/^translate\(160,/);
    expect(group.querySelector('rect')!.getAttribute('width')).toBe(String(3 * 160 - 1));
    expect(svg.getAttribute('height')).toBe(String(480 + 28));
  });

  it('labels rects with label, name and rolled-up segments, and explains them in a tooltip', async () => {
    await render(TREE);
    expect(cell('b1').querySelector('text')!.textContent).toBe('B1 name b1 · 10');
    // Too long for its 160 px column, in a tall rect: the name wraps onto lines, the count stays whole.
    const lines = (id: string) => [...cell(id).querySelectorAll('text tspan')].map((t) => t.textContent);
    expect(lines('a1')).toEqual(['A1 Trust', 'building · 10']);
    expect(cell('a1').querySelector('title')!.textContent).toBe('A1 Trust building\nmain category · 10 segments · 1 source');
    expect(cell('a1').getAttribute('aria-label')).toBe('A1 Trust building, main category, 10 segments');
    // Light colour: dark text; the palette's dark colours: white text.
    expect(cell('a1').querySelector('text')!.getAttribute('fill')).toBe('#1f2328');
    expect(cell('c1').querySelector('text')!.getAttribute('fill')).toBe('#ffffff');
    expect(cell('b1').querySelector('rect')!.getAttribute('fill')).toBe('#2e86ab');
    // The root and the synthetic group are not links.
    const groups = [...container.querySelectorAll('svg g g')].filter((g) => g.querySelector('rect') && !g.hasAttribute('data-code-id'));
    expect(groups.map((g) => g.querySelector('text')?.textContent)).toEqual(['Fieldwork 2026 · 14', 'Not yet placed · 4']);
  });

  // Issue 14 (11): long and Chinese names were cut off, thin bars had no label at all.
  it('wraps long and Chinese names onto lines, and labels thin bars on hover and focus', async () => {
    const long = 'Negotiating trust across generations in the family business';
    const tree = node('root', 0, 0, [
      node('b1', 2, 0, [node('c1', 1, 200, [], { name: long }), node('c2', 1, 200, [], { name: '跨境电商卖家对平台规则变化的焦虑与应对' }), node('c3', 1, 1, [], { name: 'Thin concept with a long name' })]),
    ]);
    await render(tree);
    const lines = (id: string) => [...cell(id).querySelectorAll('text tspan')].map((t) => t.textContent ?? '');
    // 3 columns of 266 px: the whole name fits on two or three lines, nothing is cut.
    expect(lines('c1').length).toBeGreaterThan(1);
    expect(lines('c1').join(' ')).toBe(`C1 ${long} · 200`);
    expect(lines('c2').join('').replace(/\s/g, '')).toBe('C2跨境电商卖家对平台规则变化的焦虑与应对·200');
    // Every code names itself in full to pointers and screen readers.
    expect(cell('c1').querySelector('title')!.textContent).toContain(`C1 ${long}`);
    expect(cell('c2').getAttribute('aria-label')).toBe('C2 跨境电商卖家对平台规则变化的焦虑与应对, concept, 200 segments');
    // The thin bar has no text of its own; hovering or focusing it shows the full label.
    expect(cell('c3').querySelector('text')).toBeNull();
    const hover = () => container.querySelector('[data-testid="icicle-hover-label"]')!.textContent;
    await act(async () => {
      cell('c3').dispatchEvent(new MouseEvent('mouseover', { bubbles: true, relatedTarget: document.body }));
      cell('c3').dispatchEvent(new MouseEvent('mouseenter'));
    });
    expect(hover()).toBe('C3 Thin concept with a long name · 1');
    await act(async () => {
      cell('c3').dispatchEvent(new MouseEvent('mouseleave'));
    });
    expect(hover()).toBe('');
    await act(async () => {
      cell('c3').dispatchEvent(new FocusEvent('focus'));
    });
    expect(hover()).toBe('C3 Thin concept with a long name · 1');
    // A label already shown in full gets no second copy.
    await act(async () => {
      cell('c1').dispatchEvent(new FocusEvent('focus'));
    });
    expect(hover()).toBe('');
  });

  it('opens a code on click and on Enter', async () => {
    await render(TREE);
    expect(cell('b1').getAttribute('role')).toBe('link');
    expect(cell('b1').getAttribute('tabindex')).toBe('0');
    await act(async () => {
      cell('b1').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    await act(async () => {
      cell('c9').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(push.mock.calls).toEqual([['/projects/p1/codes/b1'], ['/projects/p1/codes/c9']]);
  });

  it('has a column only for the levels there are', async () => {
    await render(node('root', 0, 0, [node('b1', 2, 0, [node('c1', 1, 2)]), node('unplaced-1', 0, 0, [node('c2', 1, 1)], { label: '', name: 'Not yet placed' })]));
    const svg = container.querySelector('svg')!;
    expect([...svg.querySelectorAll('text')].slice(0, 3).map((t) => t.textContent)).toEqual(['Project', 'Categories', 'Concepts']);
    expect(cell('b1').getAttribute('transform')).toMatch(/^translate\(266\.6/);
    expect(cell('c2').getAttribute('transform')).toMatch(/^translate\(533\.3/);
  });

  it('grows with the number of coded leaves', async () => {
    const many = node('root', 0, 0, Array.from({ length: 30 }, (_, i) => node(`c${i}`, 1, 1)));
    await render(many);
    expect(container.querySelector('svg')!.getAttribute('height')).toBe(String(30 * 22 + 28));
  });

  it('shows a message instead of an empty chart when nothing is coded', async () => {
    await render(node('root', 0, 0, [node('cc1', 4, 0, [node('a1', 3, 0)])]));
    expect(container.querySelector('svg')).toBeNull();
    expect(container.textContent).toContain('Nothing is coded yet.');
  });
});

describe('icicle helpers', () => {
  it('counts leaves with codings, and codes with codings of their own', () => {
    expect(sizedLeafCount(TREE)).toBe(4);
    expect(sizedLeafCount(node('x', 0, 0))).toBe(0);
  });

  it('writes the cell text without an empty label', () => {
    expect(cellText({ label: '', name: 'Project', segments: 3 })).toBe('Project · 3');
  });

  it('truncates text to the width, counting wide characters as a full em', () => {
    expect(fitText('short', 100, 10)).toBe('short');
    const cut = fitText('A1 Trust building between neighbours', 100, 10);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThan(20);
    expect(fitText('合作社的开始和信任', 50, 10)).toBe('合作社的…');
    expect(fitText('anything', 12, 10)).toBe('');
  });

  it('shortens the name before the count', () => {
    const n = { label: 'B12', name: 'Negotiating trust across generations', segments: 145 };
    expect(fitCellText(n, 1000, 10)).toBe('B12 Negotiating trust across generations · 145');
    const short = fitCellText(n, 120, 10);
    expect(short.endsWith('… · 145')).toBe(true);
    expect(short.startsWith('B12 Neg')).toBe(true);
    expect(fitCellText(n, 40, 10)).toBe('B12 N…');
  });

  it('wraps text at spaces and between CJK characters, ending with … only when it does not fit', () => {
    expect(wrapText('Negotiating trust across generations', 120, 10, 3)).toEqual(['Negotiating trust', 'across generations']);
    expect(wrapText('short', 120, 10, 3)).toEqual(['short']);
    expect(wrapText('合作社的开始和信任以及跨境物流成本的上升与卖家的焦虑', 100, 10, 2)).toEqual(['合作社的开始和信任以', '及跨境物流成本的上…']);
    expect(wrapText('Supercalifragilisticexpialidocious', 60, 10, 4)).toEqual(['Supercalif', 'ragilistic', 'expialidoc', 'ious']);
    expect(wrapCellText({ label: 'B12', name: 'Negotiating trust across generations', segments: 145 }, 150, 10, 3)).toEqual(['B12 Negotiating', 'trust across', 'generations · 145']);
  });

  it('picks the more legible text colour', () => {
    expect(textOn('#ffffff')).toBe('#1f2328');
    expect(textOn('#000000')).toBe('#ffffff');
    expect(textOn('#d1495b')).toBe('#ffffff');
    expect(textOn('#e6a000')).toBe('#1f2328');
  });
});
