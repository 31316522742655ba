// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { NetworkCodeInput, NetworkRelationInput } from '@/lib/coding/network';

const push = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ push }) }));

import { CodeNetwork, type CodeNetworkProps, type NodePosition } from './code-network';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const code = (id: string, level: 1 | 2 | 3 | 4, parentId: string | null = null, x: number | null = null, y: number | null = null): NetworkCodeInput => ({
  id,
  label: id.toUpperCase(),
  name: `name ${id}`,
  level,
  color: '#2e86ab',
  parentId,
  networkX: x,
  networkY: y,
});

const CODES = [code('cc1', 4), code('a1', 3, 'cc1', 120, -40), code('b1', 2, 'a1'), code('b2', 2), code('c1', 1, 'b1')];
const RELATIONS: NetworkRelationInput[] = [
  { id: 'r1', fromId: 'b1', toId: 'b2', type: 'causal-condition', customType: '' },
  { id: 'r2', fromId: 'b2', toId: 'b1', type: 'custom', customType: 'undermines' },
];

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
  vi.useRealTimers();
});

function props(overrides: Partial<CodeNetworkProps> = {}): CodeNetworkProps {
  return {
    projectId: 'p1',
    codes: CODES,
    relations: RELATIONS,
    segments: { b1: 12, cc1: 30 },
    canEdit: true,
    onSavePositions: vi.fn(() => Promise.resolve()),
    ...overrides,
  };
}
async function render(p: CodeNetworkProps) {
  await act(async () => root.render(<CodeNetwork {...p} />));
}
const nodeEl = (id: string) => container.querySelector<SVGGElement>(`[data-testid="code-network"] [data-code-id="${id}"]`);
const position = (id: string) => ({ x: Number(nodeEl(id)!.getAttribute('data-x')), y: Number(nodeEl(id)!.getAttribute('data-y')) });
const status = () => container.querySelector('[role="toolbar"] [role="status"]')!.textContent;
const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === name)!;
const checkbox = (name: string) => [...container.querySelectorAll('label')].find((l) => l.textContent === name)!.querySelector('input')!;
async function key(el: Element, k: string, init: KeyboardEventInit = {}) {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
  });
}
/** Lets the debounced save run and its promise settle. */
async function settle(ms = 450) {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

describe('CodeNetwork', () => {
  it('draws categories and above, relation arrows with their type, and hierarchy links', async () => {
    await render(props());
    const svg = container.querySelector('[data-testid="code-network"]')!;
    expect([...svg.querySelectorAll('[data-code-id]')].map((g) => g.getAttribute('data-code-id'))).toEqual(['cc1', 'a1', 'b1', 'b2']);
    expect([...svg.querySelectorAll('[data-testid="relation-label"]')].map((t) => t.textContent)).toEqual(['causal condition of', 'undermines']);
    const paths = [...svg.querySelectorAll('path[data-link-id]')];
    expect(paths.map((p) => p.getAttribute('data-link-id'))).toEqual(['hierarchy:a1', 'hierarchy:b1', 'r1', 'r2']);
    expect(paths[2].getAttribute('marker-end')).toMatch(/^url\(#gw-arrow-/);
    expect(paths[0].getAttribute('marker-end')).toBeNull();
    expect(paths[0].getAttribute('stroke-dasharray')).toBe('4 3');
    // Both directions between b1 and b2: curves, so they do not draw over each other.
    expect(paths[2].getAttribute('d')).not.toBe(paths[3].getAttribute('d'));
    // Bigger circles for more segments, thicker outline for the core category.
    const circle = (id: string) => nodeEl(id)!.querySelector('circle')!;
    expect(Number(circle('cc1').getAttribute('r'))).toBeGreaterThan(Number(circle('b2').getAttribute('r')));
    expect(Number(circle('cc1').getAttribute('stroke-width'))).toBeGreaterThan(Number(circle('b1').getAttribute('stroke-width')));
    expect(nodeEl('b1')!.querySelector('text')!.textContent).toBe('B1 name b1');
    expect(container.querySelector('[aria-label="Legend"]')!.textContent).toContain('core categories');
  });

  // Issue 14 (11): long names were cut off under the circle.
  it('wraps long and Chinese names onto lines under the circle, and names every node in full', async () => {
    const long = 'Negotiating trust across generations in the family business';
    const zh = '跨境电商卖家对平台规则变化的焦虑与应对策略';
    const codes = [{ ...code('b1', 2), name: long }, { ...code('b2', 2), name: zh }];
    await render(props({ codes, relations: [], segments: {} }));
    const lines = (id: string) => [...nodeEl(id)!.querySelectorAll('text tspan')].map((t) => t.textContent ?? '');
    expect(lines('b1').length).toBeGreaterThan(1);
    expect(lines('b1').join(' ')).toBe(`B1 ${long}`);
    expect(lines('b2').join('').replace(/\s/g, '')).toBe(`B2${zh}`);
    expect(nodeEl('b1')!.querySelector('title')!.textContent).toBe(`B1 ${long}\ncategory · 0 segments`);
    expect(nodeEl('b2')!.getAttribute('aria-label')).toBe(`B2 ${zh}, category, 0 segments`);
  });

  it('starts codes at their saved positions and lays out the rest around them', async () => {
    await render(props());
    expect(position('a1')).toEqual({ x: 120, y: -40 });
    for (const id of ['cc1', 'b1', 'b2']) {
      const p = position(id);
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      expect(p).not.toEqual({ x: 120, y: -40 });
    }
    // The zoom layer is fitted to the drawing.
    expect(container.querySelector('[data-export-layer]')!.getAttribute('transform')).toMatch(/^translate\(.+\) scale\(.+\)$/);
  });

  it('shows concepts and hides hierarchy links on request, keeping the other codes in place', async () => {
    await render(props());
    const before = ['cc1', 'a1', 'b1', 'b2'].map(position);
    await act(async () => checkbox('Show concepts').click());
    expect(nodeEl('c1')).not.toBeNull();
    expect(['cc1', 'a1', 'b1', 'b2'].map(position)).toEqual(before);
    // The concept was laid out, not left on its parent.
    const [c1, b1] = [position('c1'), position('b1')];
    const radius = (id: string) => Number(nodeEl(id)!.querySelector('circle')!.getAttribute('r'));
    expect(Math.hypot(c1.x - b1.x, c1.y - b1.y)).toBeGreaterThan(radius('c1') + radius('b1') + 20);
    await act(async () => checkbox('Show hierarchy links').click());
    expect([...container.querySelectorAll('path[data-link-id]')].map((p) => p.getAttribute('data-link-id'))).toEqual(['r1', 'r2']);
  });

  it('moves a code with the arrow keys and, after a pause, saves the positions that differ from the stored ones', async () => {
    const onSavePositions = vi.fn((_positions: NodePosition[]) => Promise.resolve());
    await render(props({ onSavePositions }));
    const start = position('b1');
    await key(nodeEl('b1')!, 'ArrowRight');
    await key(nodeEl('b1')!, 'ArrowDown', { shiftKey: true });
    expect(position('b1')).toEqual({ x: start.x + 10, y: start.y + 50 });
    expect(onSavePositions).not.toHaveBeenCalled();
    await settle();
    expect(onSavePositions).toHaveBeenCalledTimes(1);
    const saved = onSavePositions.mock.calls[0][0];
    // a1 was stored at (120, -40) and stays there: it is not sent again.
    expect(saved.map((p) => p.id).sort()).toEqual(['b1', 'b2', 'cc1']);
    expect(saved.find((p) => p.id === 'b1')).toEqual({ id: 'b1', ...position('b1') });
    expect(position('a1')).toEqual({ x: 120, y: -40 });
    expect(status()).toBe('Saved');
  });

  it('drags a code with the pointer', async () => {
    const onSavePositions = vi.fn((_positions: NodePosition[]) => Promise.resolve());
    await render(props({ onSavePositions }));
    const start = position('b2');
    const el = nodeEl('b2')!;
    // d3-drag listens for the moves on event.view; vitest's jsdom refuses its global window
    // as a constructor argument, so the view is set on the event afterwards.
    const view = document.defaultView!;
    const mouse = (type: string, clientX: number, clientY: number) => {
      const event = new MouseEvent(type, { bubbles: true, cancelable: true, clientX, clientY, button: 0 });
      Object.defineProperty(event, 'view', { value: view });
      return event;
    };
    await act(async () => {
      el.dispatchEvent(mouse('mousedown', 100, 100));
      view.dispatchEvent(mouse('mousemove', 130, 80));
      view.dispatchEvent(mouse('mouseup', 130, 80));
    });
    expect(position('b2')).toEqual({ x: start.x + 30, y: start.y - 20 });
    await settle();
    expect(onSavePositions).toHaveBeenCalledTimes(1);
    expect(push).not.toHaveBeenCalled();
  });

  it('shows why a save failed', async () => {
    await render(props({ onSavePositions: () => Promise.reject(new Error('You may not edit this project.')) }));
    await key(nodeEl('b2')!, 'ArrowLeft');
    await settle();
    expect(status()).toBe('Could not save the layout: You may not edit this project.');
  });

  it('does not save for viewers', async () => {
    const onSavePositions = vi.fn((_positions: NodePosition[]) => Promise.resolve());
    await render(props({ canEdit: false, onSavePositions }));
    await key(nodeEl('b2')!, 'ArrowLeft');
    await act(async () => button('Reset layout').click());
    await settle();
    expect(onSavePositions).not.toHaveBeenCalled();
    expect(status()).toContain('View only');
  });

  it('resets the layout, forgetting saved positions, and saves the new one', async () => {
    const onSavePositions = vi.fn((_positions: NodePosition[]) => Promise.resolve());
    await render(props({ onSavePositions }));
    await act(async () => button('Reset layout').click());
    await settle(50);
    expect(onSavePositions).toHaveBeenCalledTimes(1);
    const saved = onSavePositions.mock.calls[0][0];
    expect(saved).toHaveLength(4);
    expect(position('a1')).not.toEqual({ x: 120, y: -40 });
    for (const p of saved) expect({ x: p.x, y: p.y }).toEqual(position(p.id));
  });

  it('opens a code on Enter and on click', async () => {
    await render(props());
    await key(nodeEl('b1')!, 'Enter');
    await act(async () => {
      nodeEl('cc1')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    });
    expect(push.mock.calls).toEqual([['/projects/p1/codes/b1'], ['/projects/p1/codes/cc1']]);
  });

  it('sends a pending save when the view goes away', async () => {
    const onSavePositions = vi.fn((_positions: NodePosition[]) => Promise.resolve());
    await render(props({ onSavePositions }));
    await key(nodeEl('b2')!, 'ArrowUp');
    await act(async () => root.unmount());
    expect(onSavePositions).toHaveBeenCalledTimes(1);
    root = createRoot(container);
  });

  it('explains an empty network', async () => {
    await render(props({ codes: [code('c1', 1), code('c2', 1)], relations: [] }));
    expect(container.querySelector('[data-testid="code-network"]')).toBeNull();
    expect(container.textContent).toContain('No categories yet');
    await act(async () => checkbox('Show concepts').click());
    expect(nodeEl('c1')).not.toBeNull();
    expect(nodeEl('c2')).not.toBeNull();
  });
});
