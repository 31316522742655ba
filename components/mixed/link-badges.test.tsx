// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { HierarchyTreeNode } from '@/lib/coding/hierarchy-types';
import { linkBadgeText, linkBadgeTitle, linkedConstructFigures, type LinkedConstruct } from '@/lib/io/export/linked-constructs';

const push = vi.fn();
const refresh = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ push, refresh }) }));

import { HierarchyIcicle } from '../hierarchy/hierarchy-icicle';
import { LinkBadge } from './link-badges';
import { LINK_DIALOG_TITLE, LinkToSurveyButton } from './link-dialog';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const LINK: LinkedConstruct = {
  linkId: 'l1',
  targetName: 'Brand orientation',
  datasetName: 'Survey 2024',
  kind: 'scale',
  rationale: 'Both describe how far the firm is steered by its brand.',
  alpha: 0.8612,
  mean: 3.714,
  sd: 0.8153,
  strongest: 'β = .42***',
  strongestIn: 'Hierarchical OLS: brand → performance',
};

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  push.mockReset();
  refresh.mockReset();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

describe('link badge texts', () => {
  it('writes α without a leading zero, M (SD) and the strongest coefficient', () => {
    expect(linkedConstructFigures(LINK)).toEqual({ alpha: '.86', meanSd: '3.71 (0.82)', strongest: 'β = .42***' });
    expect(linkBadgeText(LINK)).toBe('↔ Brand orientation · α .86 · M 3.71 (0.82) · β = .42***');
  });

  it('leaves out what is missing (a variable has no α; no analysis yet)', () => {
    const variable = { ...LINK, kind: 'variable' as const, targetName: 'trust_overall', alpha: null, strongest: null, strongestIn: null };
    expect(linkBadgeText(variable)).toBe('↔ trust_overall · M 3.71 (0.82)');
    expect(linkBadgeText({ ...variable, mean: null, sd: null })).toBe('↔ trust_overall');
    expect(linkBadgeTitle(variable)).toContain('No coefficient in a saved analysis yet');
  });

  it('names the dataset, the analysis and the rationale in the title', () => {
    const title = linkBadgeTitle(LINK);
    expect(title).toContain('scale “Brand orientation” of the dataset “Survey 2024”');
    expect(title).toContain('β = .42*** in Hierarchical OLS: brand → performance');
    expect(title).toContain('Rationale: Both describe');
  });

  it('renders a badge with a test hook and the tooltip', async () => {
    await act(async () => root.render(<LinkBadge link={LINK} prefix="B1" />));
    const badge = container.querySelector('[data-testid="link-badge"]')!;
    expect(badge.textContent).toBe('B1 ↔ Brand orientation · α .86 · M 3.71 (0.82) · β = .42***');
    expect(badge.getAttribute('title')).toContain('Survey 2024');
  });
});

describe('the icicle with links', () => {
  const node = (id: string, level: HierarchyTreeNode['level'], ownSize: number, children: HierarchyTreeNode[] = []): HierarchyTreeNode => ({
    id,
    label: id.toUpperCase(),
    name: `name ${id}`,
    level,
    color: '#2e86ab',
    segments: ownSize + children.reduce((n, c) => n + c.segments, 0),
    sources: 1,
    ownSize,
    children,
  });
  const tree = node('root', 0, 0, [node('b1', 2, 0, [node('c1', 1, 5), node('c2', 1, 3)])]);

  it('outlines linked codes, names the link in the tooltip and aria-label, and shows a legend', async () => {
    await act(async () => root.render(<HierarchyIcicle tree={tree} projectId="p1" links={{ b1: [LINK] }} />));
    const b1 = container.querySelector('[data-code-id="b1"]')!;
    expect(b1.getAttribute('data-linked')).toBe('true');
    expect(b1.querySelector('title')!.textContent).toContain('↔ Brand orientation · α .86 · M 3.71 (0.82) · β = .42*** (Survey 2024)');
    expect(b1.getAttribute('aria-label')).toContain('linked to Brand orientation');
    expect(b1.querySelector('[data-testid="icicle-link-mark"] text')?.textContent).toBe('↔');
    expect(container.querySelector('[data-code-id="c1"]')!.getAttribute('data-linked')).toBeNull();
    expect(container.querySelector('[data-testid="icicle-link-legend"]')!.textContent).toContain('1 code');
  });

  it('draws no marks or legend without links', async () => {
    await act(async () => root.render(<HierarchyIcicle tree={tree} projectId="p1" />));
    expect(container.querySelector('[data-linked]')).toBeNull();
    expect(container.querySelector('[data-testid="icicle-link-legend"]')).toBeNull();
  });
});

describe('the link dialog', () => {
  const json = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

  it('opens from the row action, picks a dataset and a scale, shows the API error, and closes on Escape', async () => {
    const posts: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        if (init.method === 'POST') {
          posts.push(JSON.parse(String(init.body)));
          return json({ error: 'B1 Gifts is already linked to that scale.' }, 409);
        }
        if (url.endsWith('/datasets')) return json({ datasets: [{ id: 'd1', name: 'Survey 2024' }] });
        if (url.endsWith('/datasets/d1/scales')) return json({ scales: [{ scale: { id: 's1', name: 'Brand orientation' } }] });
        if (url.endsWith('/datasets/d1')) return json({ dataset: { latest: { variables: [{ name: 'bo1', label: 'Our brand guides us' }] } } });
        return json({ error: 'unexpected' }, 500);
      }),
    );
    await act(async () => root.render(<LinkToSurveyButton projectId="p1" code={{ id: 'c9', label: 'B1', name: 'Gifts' }} />));
    const open = container.querySelector<HTMLButtonElement>('button[aria-label="Link B1 to survey"]')!;
    expect(open).not.toBeNull();
    await act(async () => open.click());

    const dialog = container.querySelector<HTMLElement>('[role="dialog"]')!;
    const heading = document.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    expect(heading.textContent).toBe(LINK_DIALOG_TITLE);
    // One dataset: chosen at once; its scales and variables load.
    const [dataset, target] = [...dialog.querySelectorAll('select')];
    expect(dataset.value).toBe('d1');
    expect([...target.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Choose a scale or a variable…', 'Brand orientation', 'bo1 — Our brand guides us']);

    await act(async () => {
      target.value = 's:s1';
      target.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const textarea = dialog.querySelector('textarea')!;
    expect(dialog.querySelector(`label[for="${textarea.id}"]`)!.textContent).toBe('Rationale');
    await act(async () => dialog.querySelector<HTMLFormElement>('form')!.requestSubmit());
    expect(posts).toEqual([{ codeId: 'c9', datasetId: 'd1', target: { kind: 'scale', scaleId: 's1' }, rationale: '' }]);
    expect(dialog.querySelector('[role="alert"]')!.textContent).toBe('B1 Gifts is already linked to that scale.');
    expect(refresh).not.toHaveBeenCalled();

    await act(async () => dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(container.querySelector('[role="dialog"]')).toBeNull();
  });
});
