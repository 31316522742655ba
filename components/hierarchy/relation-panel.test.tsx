// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { plainTextToMemo, type MemoDoc } from '@/lib/coding/memo';
import type { EvidenceExcerpt } from '@/lib/coding/relations';

const refresh = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh, push: vi.fn() }) }));
vi.mock('next/link', () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));
const actions = vi.hoisted(() => ({
  createRelationAction: vi.fn(),
  updateRelationAction: vi.fn(),
  deleteRelationAction: vi.fn(),
  listEvidenceCandidatesAction: vi.fn(),
}));
vi.mock('@/app/(app)/projects/[projectId]/hierarchy/actions', () => ({
  createRelationAction: actions.createRelationAction,
  updateRelationAction: actions.updateRelationAction,
  deleteRelationAction: actions.deleteRelationAction,
}));
vi.mock('@/app/(app)/projects/[projectId]/hierarchy/network/actions', () => ({ listEvidenceCandidatesAction: actions.listEvidenceCandidatesAction }));
// The real editor is tested in components/memo; here a text area stands in (plain text → memo document).
// The mentions the form hands to the editor are kept, to check what `@` offers.
const editorMentions = vi.hoisted(() => ({ items: [] as Array<{ id: string; label: string; hint?: string }> }));
vi.mock('@/components/memo/memo-editor', () => ({
  MemoEditor: ({ ariaLabel, onChange, mentions }: { ariaLabel: string; onChange(doc: MemoDoc): void; mentions?: { items: Array<{ id: string; label: string; hint?: string }> } }) => {
    editorMentions.items = [...(mentions?.items ?? [])];
    return <textarea aria-label={ariaLabel} onChange={(e) => onChange(plainTextToMemo(e.target.value))} />;
  },
}));

import { RelationPanel, type PanelRelation, type RelationCode } from './relation-panel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CODES: RelationCode[] = [
  { id: 'b3', label: 'B3', name: 'Platform dependence', level: 2 },
  { id: 'b1', label: 'B1', name: 'Price anxiety', level: 2 },
  { id: 'a2', label: 'A2', name: 'Channel diversification', level: 3 },
  { id: 'cc1', label: 'CC1', name: 'Precarious autonomy', level: 4 },
  { id: 'c1', label: 'C1', name: 'Fees rising', level: 1 },
];
const excerpt = (codingId: string, codeId: string, text: string): EvidenceExcerpt => {
  const code = CODES.find((c) => c.id === codeId)!;
  return { codingId, sourceId: `s-${codingId}`, sourceTitle: `Interview ${codingId}`, codeId, codeLabel: code.label, codeName: code.name, text, start: 0, end: text.length };
};
const MEMO: MemoDoc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Sellers hedge ' }, { type: 'text', text: 'because', marks: [{ type: 'bold' }] }] }] };
const RELATION: PanelRelation = {
  id: 'r1',
  fromId: 'b3',
  toId: 'a2',
  type: 'causal-condition',
  customType: '',
  memoText: 'Sellers hedge because',
  memo: MEMO,
  evidenceCodingIds: ['k1'],
};
const EXCERPTS = { k1: excerpt('k1', 'c1', 'the fees went up again') };

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  refresh.mockReset();
  for (const fn of Object.values(actions)) fn.mockReset();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

async function render(props: Partial<React.ComponentProps<typeof RelationPanel>> = {}) {
  await act(async () =>
    root.render(<RelationPanel projectId="p1" codes={CODES} relations={[RELATION]} excerpts={EXCERPTS} canEdit {...props} />),
  );
}

/** The control a <label> with exactly this text names (what Playwright's getByLabel finds). */
function byLabel<T extends HTMLElement>(text: string, scope: ParentNode = container): T {
  const label = [...scope.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no label "${text}"`);
  return container.ownerDocument.getElementById(label.htmlFor) as T;
}
const button = (name: string, scope: ParentNode = container) => {
  const found = [...scope.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
async function change(el: HTMLSelectElement | HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}
const click = (el: HTMLElement) => act(async () => el.click());
const rows = () => [...container.querySelectorAll('[data-testid="relation-row"]')];
const alertText = (scope: ParentNode = container) => scope.querySelector('[role="alert"]')?.textContent ?? null;

describe('RelationPanel', () => {
  it('lists each relation as "from → (type) → to" with its memo and evidence, expandable', async () => {
    await render();
    expect(rows()).toHaveLength(1);
    const row = rows()[0];
    expect(row.querySelector('p')!.textContent).toBe('B3 Platform dependence → (causal condition of) → A2 Channel diversification');
    expect(row.textContent).toContain('Sellers hedge because');

    await click(button('Show memo', row));
    expect(row.querySelector('strong')?.textContent).toBe('because');
    expect(button('Hide memo', row).getAttribute('aria-expanded')).toBe('true');

    const toggle = button('1 evidence segment', row);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    const link = row.querySelector<HTMLAnchorElement>('a[href*="/sources/"]')!;
    expect(link.getAttribute('href')).toBe('/projects/p1/sources/s-k1?coding=k1');
    expect(link.textContent).toBe('Interview k1 · C1 Fees rising');
    expect(row.querySelector('blockquote')!.textContent).toBe('the fees went up again');
  });

  it('names a custom relation by its own type', async () => {
    await render({ relations: [{ ...RELATION, type: 'custom', customType: 'reinforces', memo: null, memoText: '', evidenceCodingIds: [] }] });
    const row = rows()[0];
    expect(row.querySelector('p')!.textContent).toBe('B3 Platform dependence → (reinforces) → A2 Channel diversification');
    expect(row.textContent).toContain('No memo.');
    expect(row.textContent).toContain('No evidence cited.');
  });

  it('explains where relations come from when there are no categories yet', async () => {
    await render({ codes: CODES.filter((c) => c.level === 1), relations: [] });
    expect(container.textContent).toContain('Relations join categories, main categories and core categories. Build categories in the Outline first.');
    expect(container.querySelector('a[href="/projects/p1/hierarchy"]')).not.toBeNull();
    expect(container.querySelector('form')).toBeNull();
  });

  it('shows no editing controls to readers', async () => {
    await render({ canEdit: false });
    expect(rows()).toHaveLength(1);
    expect(container.querySelector('form')).toBeNull();
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Edit');
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Delete');
  });

  it('offers codes of level ≥ 2 grouped by level, and the five paradigm types plus custom', async () => {
    await render({ relations: [] });
    const from = byLabel<HTMLSelectElement>('From');
    const groups = [...from.querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.textContent)]);
    expect(groups).toEqual([
      ['Core categories', ['CC1 Precarious autonomy']],
      ['Main categories', ['A2 Channel diversification']],
      ['Categories', ['B1 Price anxiety', 'B3 Platform dependence']],
    ]);
    expect(byLabel<HTMLSelectElement>('To').querySelectorAll('option')).toHaveLength(5);
    const types = [...byLabel<HTMLSelectElement>('Relation type').options].map((o) => [o.value, o.textContent]);
    expect(types).toEqual([
      ['causal-condition', 'causal condition'],
      ['context', 'context'],
      ['intervening-condition', 'intervening condition'],
      ['strategy', 'action/interaction strategy'],
      ['consequence', 'consequence'],
      ['custom', 'custom…'],
    ]);
    expect(() => byLabel('Custom type')).toThrow();
    await change(byLabel<HTMLSelectElement>('Relation type'), 'custom');
    expect(byLabel<HTMLInputElement>('Custom type').tagName).toBe('INPUT');
  });

  // Issue 14 (9): the memo's placeholder says "mention a code", but concepts were not offered.
  it('offers every code for @mentions in the relation memo, concepts too, by level with its level named', async () => {
    await render({ relations: [] });
    expect(editorMentions.items.map((m) => [m.label, m.hint])).toEqual([
      ['Precarious autonomy', 'core category'],
      ['Channel diversification', 'main category'],
      ['Price anxiety', 'category'],
      ['Platform dependence', 'category'],
      ['Fees rising', 'concept'],
    ]);
  });

  it('loads evidence for both ends, and adds the relation with the ticked segments', async () => {
    actions.listEvidenceCandidatesAction.mockResolvedValue({ ok: true, value: [excerpt('k2', 'b1', 'prices scare me'), excerpt('k3', 'a2', 'we sell on three sites')] });
    actions.createRelationAction.mockResolvedValue({ ok: true, value: { id: 'r2' } });
    await render({ relations: [] });
    await change(byLabel<HTMLSelectElement>('From'), 'b1');
    expect(actions.listEvidenceCandidatesAction).not.toHaveBeenCalled();
    await change(byLabel<HTMLSelectElement>('To'), 'a2');
    expect(actions.listEvidenceCandidatesAction).toHaveBeenCalledWith('p1', { codeIds: ['b1', 'a2'] });
    const boxes = [...container.querySelectorAll<HTMLInputElement>('[data-testid="evidence-candidates"] input[type="checkbox"]')];
    expect(boxes.map((b) => b.closest('label')!.textContent)).toEqual(['Interview k2 · B1 Price anxiety“prices scare me”', 'Interview k3 · A2 Channel diversification“we sell on three sites”']);
    await click(boxes[1]);

    await change(byLabel<HTMLSelectElement>('Relation type'), 'custom');
    await click(button('Add relation'));
    expect(alertText()).toBe('Name the custom relation type.');
    expect(actions.createRelationAction).not.toHaveBeenCalled();

    await change(byLabel<HTMLInputElement>('Custom type'), ' reinforces ');
    await change(container.querySelector<HTMLTextAreaElement>('textarea[aria-label="Relation memo"]')!, 'Why');
    await click(button('Add relation'));
    expect(actions.createRelationAction).toHaveBeenCalledWith('p1', {
      fromId: 'b1',
      toId: 'a2',
      type: 'custom',
      customType: 'reinforces',
      memo: plainTextToMemo('Why'),
      evidenceCodingIds: ['k3'],
    });
    expect(refresh).toHaveBeenCalled();
    expect(container.querySelector('[role="status"]')!.textContent).toBe('Added: B1 Price anxiety → (reinforces) → A2 Channel diversification.');
    // The form starts over.
    expect(byLabel<HTMLSelectElement>('From').value).toBe('');
    expect(byLabel<HTMLSelectElement>('Relation type').value).toBe('causal-condition');
    expect(alertText()).toBeNull();
  });

  it('checks the rules before sending, and shows the server’s refusal', async () => {
    actions.listEvidenceCandidatesAction.mockResolvedValue({ ok: true, value: [] });
    actions.createRelationAction.mockResolvedValue({ ok: false, message: 'These two codes already have a relation of this type.' });
    await render({ relations: [] });
    await click(button('Add relation'));
    expect(alertText()).toBe('Choose the two codes the relation joins.');
    await change(byLabel<HTMLSelectElement>('From'), 'b3');
    await change(byLabel<HTMLSelectElement>('To'), 'b3');
    await click(button('Add relation'));
    expect(alertText()).toBe('A relation joins two different codes.');
    expect(actions.listEvidenceCandidatesAction).not.toHaveBeenCalled();

    await change(byLabel<HTMLSelectElement>('To'), 'a2');
    expect(container.textContent).toContain('No coded segments under these two codes yet.');
    await click(button('Add relation'));
    expect(actions.createRelationAction).toHaveBeenCalledTimes(1);
    expect(alertText()).toBe('These two codes already have a relation of this type.');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('deletes a relation only after confirming', async () => {
    actions.deleteRelationAction.mockResolvedValue({ ok: true, value: null });
    await render();
    const row = rows()[0];
    await click(button('Delete', row));
    expect(actions.deleteRelationAction).not.toHaveBeenCalled();
    expect(row.textContent).toContain('Delete this relation?');
    await click(button('Cancel', row));
    expect(row.textContent).not.toContain('Delete this relation?');
    await click(button('Delete', row));
    await click(button('Delete relation', row));
    expect(actions.deleteRelationAction).toHaveBeenCalledWith('p1', 'r1');
    expect(refresh).toHaveBeenCalled();
  });

  it('edits a relation in place, keeping its memo and evidence unless changed', async () => {
    actions.listEvidenceCandidatesAction.mockResolvedValue({ ok: true, value: [excerpt('k1', 'c1', 'the fees went up again'), excerpt('k4', 'b3', 'all on one platform')] });
    actions.updateRelationAction.mockResolvedValue({ ok: true, value: null });
    await render();
    const row = rows()[0];
    await click(button('Edit', row));
    expect(byLabel<HTMLSelectElement>('From', row).value).toBe('b3');
    expect(byLabel<HTMLSelectElement>('To', row).value).toBe('a2');
    expect(actions.listEvidenceCandidatesAction).toHaveBeenCalledWith('p1', { codeIds: ['b3', 'a2'] });
    const boxes = [...row.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => b.checked)).toEqual([true, false]);
    await change(byLabel<HTMLSelectElement>('Relation type', row), 'context');
    await click(button('Save relation', row));
    expect(actions.updateRelationAction).toHaveBeenCalledWith('p1', 'r1', {
      fromId: 'b3',
      toId: 'a2',
      type: 'context',
      customType: '',
      memo: MEMO,
      evidenceCodingIds: ['k1'],
    });
    expect(refresh).toHaveBeenCalled();
    expect(row.querySelector('form')).toBeNull();
  });
});
