import { describe, expect, it } from 'vitest';

import type { TRelation } from '@/lib/validation/hierarchy';
import { descendantIds, rollUp, rollUpOne, summarize } from '@/lib/coding/hierarchy';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { rejection } from '../../testing/rejection';
import { createCode } from '../code/create-code';
import { deleteCode } from '../code/delete-code';
import { updateCode } from '../code/update-code';
import { applyCode } from '../coding/apply-code';
import { createCodeAndApply } from '../coding/create-code-and-apply';
import { listCodedSegments } from '../coding/list-code-segments';
import { createRelation, deleteRelation, updateRelation } from '../relation/save-relation';
import { createSourceFromText } from '../source/create-source';
import { groupCodes } from './group-codes';
import { loadHierarchy, loadHierarchyRollUps, loadHierarchySummary } from './load-hierarchy';
import { mergeCodes } from './merge-codes';
import { moveCode } from './move-code';
import { renumberCodeLabels } from './renumber-labels';
import { saveNetworkPositions } from './save-network-positions';
import { splitCode } from './split-code';
import { getStoryline, saveStoryline } from './storyline';

const TEXT = 'The seller said: we trust the platform, but shipping is slow. Returns are easy, refunds are quick.';

/** A one-paragraph tiptap document. */
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function setup() {
  const owner = await makeUser();
  const coder = await makeUser();
  const coder2 = await makeUser();
  const reviewer = await makeUser();
  const viewer = await makeUser();
  const project = await makeProject(owner.id, [
    { userId: coder.id, role: 'coder' },
    { userId: coder2.id, role: 'coder' },
    { userId: reviewer.id, role: 'reviewer' },
    { userId: viewer.id, role: 'viewer' },
  ]);
  const source = await createSourceFromText({ userId: owner.id, projectId: project.id, input: { title: 'Interview 1', kind: 'interview', folderId: null, text: TEXT } });
  const projectId = project.id;

  /** A code made by the coder, at a level and (optionally) under a parent. */
  const code = (name: string, level: 1 | 2 | 3 | 4 = 1, parentId: string | null = null, definition = '') =>
    createCode({ userId: coder.id, projectId, input: { name, definition, level, parentId } });
  /** A coding of `codeId` over [start, end) by `userId` (the coder unless said). */
  const coding = (codeId: string, start: number, end: number, userId: string = coder.id) =>
    applyCode({ userId, projectId, sourceId: source.id, input: { codeId, start, end } });
  /** A memo on a coding, written the way setCodingMemo stores it. */
  const codingMemo = (codingId: string, text: string) =>
    db.memo.create({ data: { projectId, codingId, authorId: coder.id, body: JSON.stringify(doc(text)), text }, select: { id: true } });
  const codeMemo = (codeId: string, text: string) =>
    db.memo.create({ data: { projectId, codeId, authorId: coder.id, body: JSON.stringify(doc(text)), text }, select: { id: true } });

  return { owner, coder, coder2, reviewer, viewer, projectId, source, code, coding, codingMemo, codeMemo };
}

const relation = (fromId: string, toId: string, extra: Partial<TRelation> = {}): TRelation => ({
  fromId,
  toId,
  type: 'causal-condition',
  customType: '',
  evidenceCodingIds: [],
  ...extra,
});

const stored = (id: string) =>
  db.code.findUnique({ where: { id }, select: { name: true, label: true, level: true, parentId: true, definition: true, networkX: true, networkY: true } });

describe('codes at levels', () => {
  it('labels codes per level (C1, C2, B1, A1, CC1) and checks the parent level', async () => {
    const { coder, projectId, source, code } = await setup();
    const c1 = await code('trust');
    const c2 = await code('price');
    const b1 = await code('market trust', 2);
    const a1 = await code('platform economy', 3);
    const cc1 = await code('trust work', 4);
    expect([c1, c2, b1, a1, cc1].map((c) => [c.label, c.level])).toEqual([
      ['C1', 1],
      ['C2', 1],
      ['B1', 2],
      ['A1', 3],
      ['CC1', 4],
    ]);
    expect((await db.project.findUnique({ where: { id: projectId }, select: { corePrefix: true } }))?.corePrefix).toBe('CC');

    // Level + parent accepted; the parent must sit exactly one level up.
    const c3 = await code('reviews', 1, b1.id);
    expect(await stored(c3.id)).toMatchObject({ label: 'C3', level: 1, parentId: b1.id });
    const b2 = await code('logistics', 2, a1.id);
    expect(await stored(b2.id)).toMatchObject({ label: 'B2', level: 2, parentId: a1.id });
    expect((await rejection(code('wrong place', 1, a1.id))).code).toBe('INVALID_INPUT');
    expect((await rejection(code('core under core', 4, cc1.id))).code).toBe('INVALID_INPUT');
    expect((await rejection(code('under a concept', 2, c1.id))).code).toBe('INVALID_INPUT');
    expect(await db.code.count({ where: { projectId, name: { in: ['wrong place', 'core under core', 'under a concept'] } } })).toBe(0);

    // The next number after the highest in use, not filling gaps.
    await deleteCode({ userId: coder.id, projectId, codeId: c2.id });
    expect((await code('delivery')).label).toBe('C4');

    // An in-vivo concept is numbered too.
    const invivo = await createCodeAndApply({ userId: coder.id, projectId, sourceId: source.id, input: { name: 'shipping is slow', start: 44, end: 60 } });
    expect(await stored(invivo.code.id)).toMatchObject({ label: 'C5', level: 1, parentId: null });

    // A project's own core prefix.
    await db.project.update({ where: { id: projectId }, data: { corePrefix: 'K' } });
    expect((await code('second core', 4)).label).toBe('K1');
  });

  it('relabels uniquely and changes the level only of a code that stands alone', async () => {
    const { coder, projectId, code } = await setup();
    const c1 = await code('trust');
    const c2 = await code('price');
    const b1 = await code('market', 2);
    await updateCode({ userId: coder.id, projectId, codeId: c1.id, input: { label: 'C9' } });
    expect((await stored(c1.id))?.label).toBe('C9');
    const taken = await rejection(updateCode({ userId: coder.id, projectId, codeId: c2.id, input: { label: 'C9' } }));
    expect(taken.code).toBe('CONFLICT');
    expect((await stored(c2.id))?.label).toBe('C2');

    // A parent in the way…
    await moveCode({ userId: coder.id, projectId, codeId: c2.id, parentId: b1.id });
    expect((await rejection(updateCode({ userId: coder.id, projectId, codeId: c2.id, input: { level: 2 } }))).code).toBe('INVALID_INPUT');
    // …or children.
    expect((await rejection(updateCode({ userId: coder.id, projectId, codeId: b1.id, input: { level: 3 } }))).code).toBe('INVALID_INPUT');
    expect((await stored(c2.id))?.level).toBe(1);
    expect((await stored(b1.id))?.level).toBe(2);

    // Alone, it may change.
    await updateCode({ userId: coder.id, projectId, codeId: c1.id, input: { level: 2 } });
    expect((await stored(c1.id))?.level).toBe(2);
  });

  it('never hands out a label already in use, even one edited by hand; a level change renumbers', async () => {
    const { coder, projectId, code } = await setup();
    const only = await code('trust'); // C1
    await code('market', 2); // B1
    // The only concept becomes a category: it is numbered as one.
    await updateCode({ userId: coder.id, projectId, codeId: only.id, input: { level: 2 } });
    expect((await db.code.findUniqueOrThrow({ where: { id: only.id } })).label).toBe('B2');
    const price = await code('price');
    expect(price.label).toBe('C1');
    // A concept relabelled by hand to a category's label…
    await updateCode({ userId: coder.id, projectId, codeId: price.id, input: { label: 'B3' } });
    // …so new codes continue after the numbers in use.
    expect((await code('reviews')).label).toBe('C1');
    expect((await code('logistics', 2)).label).toBe('B4');
    // A level change with a label given keeps that label.
    const extra = await code('extra');
    await updateCode({ userId: coder.id, projectId, codeId: extra.id, input: { level: 3, label: 'A9' } });
    expect((await db.code.findUniqueOrThrow({ where: { id: extra.id } })).label).toBe('A9');
    const labels = (await db.code.findMany({ where: { projectId }, select: { label: true } })).map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('moveCode', () => {
  it('moves a code, returns the previous parent for undo, and refuses a parent of the wrong level', async () => {
    const { coder, projectId, code } = await setup();
    const concept = await code('trust');
    const cat1 = await code('market', 2);
    const cat2 = await code('relations', 2);
    const main = await code('economy', 3);

    expect(await moveCode({ userId: coder.id, projectId, codeId: concept.id, parentId: cat1.id })).toEqual({ previousParentId: null });
    expect((await stored(concept.id))?.parentId).toBe(cat1.id);
    const moved = await moveCode({ userId: coder.id, projectId, codeId: concept.id, parentId: cat2.id });
    expect(moved).toEqual({ previousParentId: cat1.id });
    expect((await stored(concept.id))?.parentId).toBe(cat2.id);

    // Undo: move back to where it was.
    expect(await moveCode({ userId: coder.id, projectId, codeId: concept.id, parentId: moved.previousParentId })).toEqual({ previousParentId: cat2.id });
    expect((await stored(concept.id))?.parentId).toBe(cat1.id);

    expect((await rejection(moveCode({ userId: coder.id, projectId, codeId: concept.id, parentId: main.id }))).code).toBe('INVALID_INPUT');
    expect((await rejection(moveCode({ userId: coder.id, projectId, codeId: main.id, parentId: cat1.id }))).code).toBe('INVALID_INPUT');
    expect((await rejection(moveCode({ userId: coder.id, projectId, codeId: cat1.id, parentId: cat1.id }))).code).toBe('INVALID_INPUT');
    expect((await stored(concept.id))?.parentId).toBe(cat1.id);
    expect((await stored(main.id))?.parentId).toBeNull();

    // Taking it out.
    expect(await moveCode({ userId: coder.id, projectId, codeId: concept.id, parentId: null })).toEqual({ previousParentId: cat1.id });
    expect((await stored(concept.id))?.parentId).toBeNull();
  });

  it('finds only codes of the project', async () => {
    const { coder, projectId, code } = await setup();
    const other = await setup();
    const concept = await code('trust');
    const foreign = await other.code('foreign', 2);
    expect((await rejection(moveCode({ userId: coder.id, projectId, codeId: concept.id, parentId: foreign.id }))).code).toBe('NOT_FOUND');
    expect((await stored(concept.id))?.parentId).toBeNull();
  });
});

describe('groupCodes', () => {
  it('creates a category one level up with the selected concepts under it', async () => {
    const { coder, projectId, code } = await setup();
    const old = await code('old category', 2);
    const a = await code('trust', 1, old.id);
    const b = await code('price');
    const c = await code('reviews');
    const group = await groupCodes({ userId: coder.id, projectId, codeIds: [a.id, b.id, a.id], name: 'market trust' });
    expect(group.label).toBe('B2');
    expect(await stored(group.id)).toMatchObject({ name: 'market trust', label: 'B2', level: 2, parentId: null });
    expect((await db.code.findMany({ where: { parentId: group.id }, select: { id: true } })).map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect((await stored(c.id))?.parentId).toBeNull();
    expect(await db.code.count({ where: { parentId: old.id } })).toBe(0);

    // Categories group into a main category.
    const main = await groupCodes({ userId: coder.id, projectId, codeIds: [group.id, old.id], name: 'economy' });
    expect(await stored(main.id)).toMatchObject({ label: 'A1', level: 3 });
  });

  it('refuses mixed levels, core categories and a taken name, storing nothing', async () => {
    const { coder, projectId, code } = await setup();
    const cat = await code('market', 2);
    const a = await code('trust', 1, cat.id);
    const b = await code('price');
    const core = await code('core', 4);
    const before = await db.code.findMany({ where: { projectId }, select: { id: true, parentId: true, label: true }, orderBy: { id: 'asc' } });

    expect((await rejection(groupCodes({ userId: coder.id, projectId, codeIds: [a.id, cat.id], name: 'mixed' }))).code).toBe('INVALID_INPUT');
    expect((await rejection(groupCodes({ userId: coder.id, projectId, codeIds: [core.id], name: 'above core' }))).code).toBe('INVALID_INPUT');
    expect((await rejection(groupCodes({ userId: coder.id, projectId, codeIds: [], name: 'nothing' }))).code).toBe('INVALID_INPUT');
    const taken = await rejection(groupCodes({ userId: coder.id, projectId, codeIds: [a.id, b.id], name: 'market' }));
    expect(taken.code).toBe('CONFLICT');
    expect(taken.fieldErrors).toHaveProperty('name');

    expect(await db.code.findMany({ where: { projectId }, select: { id: true, parentId: true, label: true }, orderBy: { id: 'asc' } })).toEqual(before);
  });
});

describe('mergeCodes', () => {
  it('moves codings, collapses exact duplicates with their memos and evidence, and moves code memos and definitions', async () => {
    const { owner, coder, coder2, projectId, code, coding, codingMemo, codeMemo } = await setup();
    const into = await code('trust', 1, null, 'Believing the platform.');
    const from = await code('confidence', 1, null, 'Feeling safe to buy.');
    const a1 = await coding(into.id, 17, 38);
    const a2 = await coding(into.id, 44, 60);
    const b1 = await coding(from.id, 17, 38); // duplicate of a1; both have memos
    const b2 = await coding(from.id, 44, 60); // duplicate of a2; only b2 has a memo
    const b3 = await coding(from.id, 17, 38, coder2.id); // same span, other coder: moves
    const b4 = await coding(from.id, 62, 79); // moves
    const keptMemo = await codingMemo(a1.id, 'Kept coding memo');
    await codingMemo(b1.id, 'Dropped coding memo');
    const lonelyMemo = await codingMemo(b2.id, 'Memo of a dropped coding');
    const intoLog = await codeMemo(into.id, 'Log of trust');
    const fromLog = await codeMemo(from.id, 'Log of confidence');

    // Evidence on collapsed codings: b1's link is redundant with a1's; b2's re-points to a2.
    const x = await code('market', 2);
    const y = await code('relations', 2);
    const r1 = await createRelation({ userId: coder.id, projectId, input: relation(x.id, y.id, { evidenceCodingIds: [a1.id, b1.id] }) });
    const r2 = await createRelation({ userId: coder.id, projectId, input: relation(y.id, x.id, { type: 'context', evidenceCodingIds: [b2.id, b4.id] }) });

    const result = await mergeCodes({ userId: owner.id, projectId, fromId: from.id, intoId: into.id });
    expect(result).toEqual({ intoId: into.id, codingsMoved: 2, duplicatesCollapsed: 2, childrenMoved: 0, relationsMoved: 0, linksMoved: 0 });

    expect(await db.code.count({ where: { id: from.id } })).toBe(0);
    const codings = await db.coding.findMany({ where: { projectId }, select: { id: true, codeId: true } });
    expect(codings.map((c) => c.id).sort()).toEqual([a1.id, a2.id, b3.id, b4.id].sort());
    expect(codings.every((c) => c.codeId === into.id)).toBe(true);

    // Both memo texts in the kept coding's memo, as text and as document.
    const kept = await db.memo.findUnique({ where: { codingId: a1.id }, select: { id: true, body: true, text: true } });
    expect(kept?.id).toBe(keptMemo.id);
    expect(kept?.text).toContain('Kept coding memo');
    expect(kept?.text).toContain('Dropped coding memo');
    expect(JSON.parse(kept!.body)).toEqual({ type: 'doc', content: [...doc('Kept coding memo').content, ...doc('Dropped coding memo').content] });
    // The lone memo of a dropped coding moved to the kept coding.
    expect(await db.memo.findUnique({ where: { codingId: a2.id }, select: { id: true, text: true } })).toEqual({ id: lonelyMemo.id, text: 'Memo of a dropped coding' });
    expect(await db.memo.count({ where: { projectId, codingId: { not: null } } })).toBe(2);

    // Code memos follow; definitions concatenate.
    expect((await db.memo.findMany({ where: { codeId: into.id }, select: { id: true } })).map((m) => m.id).sort()).toEqual([intoLog.id, fromLog.id].sort());
    expect((await stored(into.id))?.definition).toBe('Believing the platform.\n\nFeeling safe to buy.');

    // Evidence followed the collapse.
    expect((await db.relationEvidence.findMany({ where: { relationId: r1.id }, select: { codingId: true } })).map((e) => e.codingId)).toEqual([a1.id]);
    expect((await db.relationEvidence.findMany({ where: { relationId: r2.id }, select: { codingId: true } })).map((e) => e.codingId).sort()).toEqual([a2.id, b4.id].sort());
  });

  it('refuses a merge whose joined definitions would be too long, changing nothing (never cuts one)', async () => {
    const { coder, projectId, code, coding } = await setup();
    const into = await code('trust', 1, null, 'd'.repeat(3000));
    const from = await code('confidence', 1, null, 'e'.repeat(2500));
    await coding(from.id, 17, 38);
    const refused = await rejection(mergeCodes({ userId: coder.id, projectId, fromId: from.id, intoId: into.id }));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.userMessage).toMatch(/5,502 characters, over the 5,000/);
    expect(await db.code.count({ where: { id: from.id } })).toBe(1);
    expect((await stored(into.id))?.definition).toBe('d'.repeat(3000));
    expect(await db.coding.count({ where: { codeId: from.id } })).toBe(1);
  });

  it('reparents children and re-points relations, dropping self-loops and duplicates', async () => {
    const { coder, projectId, code } = await setup();
    const into = await code('market', 2, null, 'Buying and selling.');
    const from = await code('trade', 2, null, '');
    const z = await code('relations', 2);
    const w = await code('logistics', 2);
    const c1 = await code('trust', 1, from.id);
    const c2 = await code('price', 1, into.id);
    const moves = await createRelation({ userId: coder.id, projectId, input: relation(from.id, z.id, { type: 'strategy' }) });
    const selfLoop = await createRelation({ userId: coder.id, projectId, input: relation(from.id, into.id, { type: 'context' }) });
    const duplicate = await createRelation({ userId: coder.id, projectId, input: relation(w.id, from.id, { type: 'consequence' }) });
    const original = await createRelation({ userId: coder.id, projectId, input: relation(w.id, into.id, { type: 'consequence' }) });
    const custom = await createRelation({ userId: coder.id, projectId, input: relation(z.id, from.id, { type: 'custom', customType: 'enables' }) });

    const result = await mergeCodes({ userId: coder.id, projectId, fromId: from.id, intoId: into.id });
    expect(result).toEqual({ intoId: into.id, codingsMoved: 0, duplicatesCollapsed: 0, childrenMoved: 1, relationsMoved: 2, linksMoved: 0 });
    expect(await db.code.count({ where: { id: from.id } })).toBe(0);
    expect((await stored(c1.id))?.parentId).toBe(into.id);
    expect((await stored(c2.id))?.parentId).toBe(into.id);
    // An empty definition adds nothing.
    expect((await stored(into.id))?.definition).toBe('Buying and selling.');

    const relations = await db.codeRelation.findMany({ where: { projectId }, select: { id: true, fromId: true, toId: true, type: true, customType: true } });
    expect(relations.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: moves.id, fromId: into.id, toId: z.id, type: 'strategy', customType: '' },
        { id: original.id, fromId: w.id, toId: into.id, type: 'consequence', customType: '' },
        { id: custom.id, fromId: z.id, toId: into.id, type: 'custom', customType: 'enables' },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await db.codeRelation.count({ where: { id: { in: [selfLoop.id, duplicate.id] } } })).toBe(0);
  });

  it("collapses the merged code's coding onto the target's identical one (memos joined) and drops a relation back to the target", async () => {
    const { coder, projectId, source, code, codingMemo } = await setup();
    const into = await code('market', 2);
    const from = await code('trade', 2);
    // The same span by the same coder under both codes: one row after the merge (two identical
    // rows of one code cannot exist: codings are unique per coder, code and range).
    const row = { projectId, sourceId: source.id, start: 0, end: 10, coderId: coder.id };
    const first = await db.coding.create({ data: { ...row, codeId: into.id }, select: { id: true } });
    const second = await db.coding.create({ data: { ...row, codeId: from.id }, select: { id: true } });
    await expect(db.coding.create({ data: { ...row, codeId: from.id } })).rejects.toThrow();
    await codingMemo(first.id, 'first');
    await codingMemo(second.id, 'second');
    const back = await createRelation({ userId: coder.id, projectId, input: relation(into.id, from.id, { type: 'consequence', evidenceCodingIds: [second.id] }) });

    expect(await mergeCodes({ userId: coder.id, projectId, fromId: from.id, intoId: into.id })).toEqual({
      intoId: into.id,
      codingsMoved: 0,
      duplicatesCollapsed: 1,
      childrenMoved: 0,
      relationsMoved: 0,
      linksMoved: 0,
    });
    expect(await db.coding.findMany({ where: { projectId }, select: { id: true, codeId: true } })).toEqual([{ id: first.id, codeId: into.id }]);
    expect((await db.memo.findUnique({ where: { codingId: first.id }, select: { text: true } }))?.text).toBe('first\nsecond');
    expect(await db.codeRelation.count({ where: { id: back.id } })).toBe(0);
    expect(await db.relationEvidence.count({ where: { codingId: { in: [first.id, second.id] } } })).toBe(0);
  });

  it('refuses codes of different levels (or one code into itself) and stores nothing', async () => {
    const { coder, projectId, code, coding } = await setup();
    const concept = await code('trust', 1, null, 'def');
    const category = await code('market', 2);
    const applied = await coding(concept.id, 0, 10);
    expect((await rejection(mergeCodes({ userId: coder.id, projectId, fromId: concept.id, intoId: category.id }))).code).toBe('INVALID_INPUT');
    expect((await rejection(mergeCodes({ userId: coder.id, projectId, fromId: concept.id, intoId: concept.id }))).code).toBe('INVALID_INPUT');
    expect(await db.code.count({ where: { projectId } })).toBe(2);
    expect(await db.coding.findUnique({ where: { id: applied.id }, select: { codeId: true } })).toEqual({ codeId: concept.id });
    expect(await stored(category.id)).toMatchObject({ definition: '' });
  });
});

describe('splitCode', () => {
  it('moves the chosen codings to a new code at the same level and parent, numbered next', async () => {
    const { coder, projectId, code, coding, codingMemo } = await setup();
    const cat = await code('market', 2);
    const trust = await code('trust', 1, cat.id);
    await code('price');
    const keep = await coding(trust.id, 0, 10);
    const m1 = await coding(trust.id, 17, 38);
    const m2 = await coding(trust.id, 44, 60);
    const memo = await codingMemo(m1.id, 'goes along');

    const result = await splitCode({ userId: coder.id, projectId, codeId: trust.id, codingIds: [m1.id, m2.id, m1.id], name: 'distrust' });
    expect(result).toMatchObject({ label: 'C3', codingsMoved: 2 });
    expect(await stored(result.id)).toMatchObject({ name: 'distrust', label: 'C3', level: 1, parentId: cat.id });
    expect((await db.coding.findMany({ where: { codeId: result.id }, select: { id: true } })).map((c) => c.id).sort()).toEqual([m1.id, m2.id].sort());
    expect((await db.coding.findMany({ where: { codeId: trust.id }, select: { id: true } })).map((c) => c.id)).toEqual([keep.id]);
    expect((await db.memo.findUnique({ where: { codingId: m1.id }, select: { id: true } }))?.id).toBe(memo.id);
  });

  it('refuses codings of another code and a taken name, creating nothing', async () => {
    const { coder, projectId, code, coding } = await setup();
    const trust = await code('trust');
    const price = await code('price');
    const own = await coding(trust.id, 0, 10);
    const other = await coding(price.id, 17, 38);
    expect((await rejection(splitCode({ userId: coder.id, projectId, codeId: trust.id, codingIds: [own.id, other.id], name: 'distrust' }))).code).toBe('INVALID_INPUT');
    expect((await rejection(splitCode({ userId: coder.id, projectId, codeId: trust.id, codingIds: [own.id], name: 'price' }))).code).toBe('CONFLICT');
    expect(await db.code.count({ where: { projectId } })).toBe(2);
    expect(await db.coding.findUnique({ where: { id: own.id }, select: { codeId: true } })).toEqual({ codeId: trust.id });
    expect(await db.coding.findUnique({ where: { id: other.id }, select: { codeId: true } })).toEqual({ codeId: price.id });
  });
});

describe('renumberCodeLabels', () => {
  it('previews the changes on a dry run and stores them on a real run', async () => {
    const { coder, projectId, code } = await setup();
    const a = await code('alpha'); // C1, stays unplaced
    const b = await code('beta'); // C2
    const cat = await code('market', 2); // B1
    await moveCode({ userId: coder.id, projectId, codeId: b.id, parentId: cat.id });
    // Table order: the category's concepts come before the unplaced ones.
    const expected = [
      { id: b.id, from: 'C2', to: 'C1' },
      { id: a.id, from: 'C1', to: 'C2' },
    ];
    expect(await renumberCodeLabels({ userId: coder.id, projectId, dryRun: true })).toEqual(expected);
    expect([(await stored(a.id))?.label, (await stored(b.id))?.label]).toEqual(['C1', 'C2']);

    expect(await renumberCodeLabels({ userId: coder.id, projectId })).toEqual(expected);
    expect([(await stored(a.id))?.label, (await stored(b.id))?.label, (await stored(cat.id))?.label]).toEqual(['C2', 'C1', 'B1']);
    expect(await renumberCodeLabels({ userId: coder.id, projectId, dryRun: true })).toEqual([]);
  });
});

describe('relations', () => {
  it('joins categories with a memo and evidence, and refuses what the rules forbid', async () => {
    const { coder, projectId, code, coding } = await setup();
    const other = await setup();
    const x = await code('market', 2);
    const y = await code('relations', 3);
    const concept = await code('trust', 1, x.id);
    const e1 = await coding(concept.id, 0, 10);
    const e2 = await coding(concept.id, 17, 38);
    const foreignCode = await other.code('foreign');
    const foreign = await other.coding(foreignCode.id, 0, 5);

    const created = await createRelation({
      userId: coder.id,
      projectId,
      input: relation(x.id, y.id, { memo: doc('Trust makes the market work.'), evidenceCodingIds: [e1.id, e2.id, e1.id] }),
    });
    const row = await db.codeRelation.findUnique({
      where: { id: created.id },
      select: { projectId: true, fromId: true, toId: true, type: true, customType: true, memo: true, memoText: true, createdById: true, evidence: { select: { codingId: true } } },
    });
    expect(row).toMatchObject({ projectId, fromId: x.id, toId: y.id, type: 'causal-condition', customType: '', memoText: 'Trust makes the market work.', createdById: coder.id });
    expect(JSON.parse(row!.memo)).toEqual(doc('Trust makes the market work.'));
    expect(row!.evidence.map((e) => e.codingId).sort()).toEqual([e1.id, e2.id].sort());

    const refused: Array<[string, TRelation]> = [
      ['concept as source', relation(concept.id, y.id)],
      ['concept as target', relation(x.id, concept.id)],
      ['self-loop', relation(x.id, x.id)],
      ['unnamed custom type', relation(x.id, y.id, { type: 'custom', customType: '  ' })],
      ['evidence of another project', relation(x.id, y.id, { type: 'strategy', evidenceCodingIds: [foreign.id] })],
      ['invalid memo', relation(x.id, y.id, { type: 'strategy', memo: { type: 'doc', content: [] } })],
      ['code of another project', relation(x.id, foreignCode.id)],
    ];
    for (const [why, input] of refused) {
      expect([why, (await rejection(createRelation({ userId: coder.id, projectId, input }))).code]).toEqual([why, 'INVALID_INPUT']);
    }
    expect((await rejection(createRelation({ userId: coder.id, projectId, input: relation(x.id, y.id) }))).code).toBe('CONFLICT');
    expect(await db.codeRelation.count({ where: { projectId } })).toBe(1);
    expect(await db.codeRelation.count({ where: { projectId: other.projectId } })).toBe(0);

    // A custom type is named; the same ends may carry several types.
    const custom = await createRelation({ userId: coder.id, projectId, input: relation(x.id, y.id, { type: 'custom', customType: 'enables' }) });
    expect(await db.codeRelation.findUnique({ where: { id: custom.id }, select: { type: true, customType: true, memo: true, memoText: true } })).toEqual({
      type: 'custom',
      customType: 'enables',
      memo: '',
      memoText: '',
    });
    // A paradigm type drops a stray custom name.
    const paradigm = await createRelation({ userId: coder.id, projectId, input: relation(y.id, x.id, { type: 'consequence', customType: 'ignored' }) });
    expect((await db.codeRelation.findUnique({ where: { id: paradigm.id }, select: { customType: true } }))?.customType).toBe('');
  });

  it('updates a relation (replacing its evidence), deletes it, and goes with a deleted code', async () => {
    const { coder, projectId, code, coding } = await setup();
    const other = await setup();
    const x = await code('market', 2);
    const y = await code('relations', 2);
    const z = await code('logistics', 2);
    const concept = await code('trust', 1, x.id);
    const e1 = await coding(concept.id, 0, 10);
    const e2 = await coding(concept.id, 17, 38);
    const r = await createRelation({ userId: coder.id, projectId, input: relation(x.id, y.id, { memo: doc('first'), evidenceCodingIds: [e1.id] }) });
    const s = await createRelation({ userId: coder.id, projectId, input: relation(x.id, z.id, { type: 'context' }) });

    await updateRelation({ userId: coder.id, projectId, relationId: r.id, input: relation(x.id, y.id, { type: 'strategy', memo: doc('second'), evidenceCodingIds: [e2.id] }) });
    expect(
      await db.codeRelation.findUnique({ where: { id: r.id }, select: { type: true, memoText: true, evidence: { select: { codingId: true } } } }),
    ).toEqual({ type: 'strategy', memoText: 'second', evidence: [{ codingId: e2.id }] });
    expect(await db.relationEvidence.count({ where: { codingId: e1.id } })).toBe(0);

    // Becoming a copy of another relation is a conflict; a refused update keeps the old evidence.
    expect((await rejection(updateRelation({ userId: coder.id, projectId, relationId: r.id, input: relation(x.id, z.id, { type: 'context' }) }))).code).toBe('CONFLICT');
    expect((await rejection(updateRelation({ userId: coder.id, projectId, relationId: r.id, input: relation(x.id, y.id, { evidenceCodingIds: ['nope'] }) }))).code).toBe(
      'INVALID_INPUT',
    );
    expect(await db.codeRelation.findUnique({ where: { id: r.id }, select: { toId: true, type: true, evidence: { select: { codingId: true } } } })).toEqual({
      toId: y.id,
      type: 'strategy',
      evidence: [{ codingId: e2.id }],
    });
    // A relation of another project is not found from here.
    const foreignX = await other.code('fx', 2);
    const foreignY = await other.code('fy', 2);
    const foreign = await createRelation({ userId: other.coder.id, projectId: other.projectId, input: relation(foreignX.id, foreignY.id) });
    expect((await rejection(updateRelation({ userId: coder.id, projectId, relationId: foreign.id, input: relation(x.id, y.id) }))).code).toBe('NOT_FOUND');
    expect((await rejection(deleteRelation({ userId: coder.id, projectId, relationId: foreign.id }))).code).toBe('NOT_FOUND');
    expect(await db.codeRelation.count({ where: { id: foreign.id } })).toBe(1);

    await deleteRelation({ userId: coder.id, projectId, relationId: r.id });
    expect(await db.codeRelation.count({ where: { id: r.id } })).toBe(0);
    expect(await db.relationEvidence.count({ where: { relationId: r.id } })).toBe(0);
    expect(await db.coding.count({ where: { id: { in: [e1.id, e2.id] } } })).toBe(2);
    expect((await rejection(deleteRelation({ userId: coder.id, projectId, relationId: r.id }))).code).toBe('NOT_FOUND');

    // Deleting a code takes its relations with it; its children stay, unplaced.
    await deleteCode({ userId: coder.id, projectId, codeId: x.id });
    expect(await db.codeRelation.count({ where: { id: s.id } })).toBe(0);
    expect((await stored(concept.id))?.parentId).toBeNull();
  });
});

describe('storyline', () => {
  it('stores the document, its plain text and the time; keeps unknown mentions as text; refuses invalid documents', async () => {
    const { coder, viewer, projectId, code } = await setup();
    const other = await setup();
    const core = await code('trust work', 4);
    const foreign = await other.code('foreign', 4);
    expect(await getStoryline({ userId: viewer.id, projectId })).toEqual({ body: null, text: '', updatedAt: null, version: 1 });

    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Everything turns on ' }, { type: 'mention', attrs: { id: core.id, label: 'trust work' } }] }],
    };
    const saved = await saveStoryline({ userId: coder.id, projectId, body });
    const row = await db.project.findUnique({ where: { id: projectId }, select: { storyline: true, storylineText: true, storylineUpdatedAt: true } });
    expect(JSON.parse(row!.storyline)).toEqual(body);
    expect(row!.storylineText).toBe('Everything turns on @trust work');
    expect(row!.storylineUpdatedAt?.toISOString()).toBe(saved.updatedAt);
    expect(await getStoryline({ userId: viewer.id, projectId })).toEqual({ body, text: 'Everything turns on @trust work', updatedAt: saved.updatedAt, version: 2 });

    // A mention of another project's code (or a deleted one) is stored as plain text, not as a mention.
    const mention = (id: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'mention', attrs: { id, label: 'gone' } }] }] });
    await saveStoryline({ userId: coder.id, projectId, body: mention(foreign.id) });
    const scoped = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { storyline: true, storylineText: true } });
    expect(JSON.parse(scoped.storyline)).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '@gone' }] }] });
    expect(scoped.storylineText).toBe('@gone');

    expect((await rejection(saveStoryline({ userId: coder.id, projectId, body: { type: 'doc', content: [] } }))).code).toBe('INVALID_INPUT');
    expect((await rejection(saveStoryline({ userId: coder.id, projectId, body: { type: 'paragraph' } }))).code).toBe('INVALID_INPUT');
    expect((await rejection(saveStoryline({ userId: coder.id, projectId, body: '<p>html</p>' }))).code).toBe('INVALID_INPUT');
    expect(await db.project.findUnique({ where: { id: projectId }, select: { storyline: true } })).toEqual({ storyline: scoped.storyline });
  });

  it('follows merges (mentions re-point) and deletions (mentions become text), in the storyline and memos', async () => {
    const { coder, projectId, code, codeMemo } = await setup();
    const a = await code('signalling', 3);
    const b = await code('signals', 3);
    const gone = await code('dropped idea', 3);
    const keeper = await code('keeper', 3);
    const m = (id: string, label: string) => ({ type: 'mention', attrs: { id, label } });
    await saveStoryline({
      userId: coder.id,
      projectId,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [m(b.id, 'A2 signals'), { type: 'text', text: ' then ' }, m(gone.id, 'A3 dropped idea')] }] },
    });
    const memoBody = { type: 'doc', content: [{ type: 'paragraph', content: [m(b.id, 'A2 signals')] }] };
    const memo = await db.memo.create({ data: { projectId, codeId: keeper.id, authorId: coder.id, body: JSON.stringify(memoBody), text: '@A2 signals' }, select: { id: true } });
    await codeMemo(keeper.id, 'unrelated');

    await mergeCodes({ userId: coder.id, projectId, fromId: b.id, intoId: a.id });
    await deleteCode({ userId: coder.id, projectId, codeId: gone.id });

    const story = await getStoryline({ userId: coder.id, projectId });
    expect(story.text).toBe(`@${a.label} signalling then @A3 dropped idea`);
    expect(JSON.stringify(story.body)).toContain(a.id);
    expect(JSON.stringify(story.body)).not.toContain(b.id);
    expect(JSON.stringify(story.body)).not.toContain(gone.id);
    expect(await db.memo.findUnique({ where: { id: memo.id }, select: { text: true } })).toEqual({ text: `@${a.label} signalling` });
  });
});

describe('saveNetworkPositions', () => {
  it("stores positions of this project's codes only, and clears them on reset", async () => {
    const { coder, projectId, code } = await setup();
    const other = await setup();
    const a = await code('market', 2);
    const b = await code('relations', 2);
    const foreign = await other.code('foreign', 2);
    await saveNetworkPositions({
      userId: coder.id,
      projectId,
      positions: [
        { id: a.id, x: 12.5, y: -40.25 },
        { id: foreign.id, x: 1, y: 2 },
        { id: 'no-such-code', x: 3, y: 4 },
      ],
    });
    expect(await stored(a.id)).toMatchObject({ networkX: 12.5, networkY: -40.25 });
    expect(await stored(b.id)).toMatchObject({ networkX: null, networkY: null });
    expect(await stored(foreign.id)).toMatchObject({ networkX: null, networkY: null });

    await saveNetworkPositions({ userId: other.coder.id, projectId: other.projectId, positions: [{ id: foreign.id, x: 5, y: 6 }] });
    await saveNetworkPositions({ userId: coder.id, projectId, positions: 'reset' });
    expect(await stored(a.id)).toMatchObject({ networkX: null, networkY: null });
    // Another project's positions survive this project's reset.
    expect(await stored(foreign.id)).toMatchObject({ networkX: 5, networkY: 6 });
  });
});

describe('loadHierarchy', () => {
  it('returns levels, parents, labels, codings and relations with evidence ids', async () => {
    const { coder, coder2, viewer, projectId, source, code, coding } = await setup();
    const core = await code('trust work', 4);
    const main = await code('platform economy', 3, core.id);
    const cat = await code('market trust', 2, main.id);
    const concept = await code('trust', 1, cat.id, 'Believing the platform.');
    const loose = await code('price');
    const c1 = await coding(concept.id, 17, 38);
    const c2 = await coding(concept.id, 17, 38, coder2.id);
    const r = await createRelation({ userId: coder.id, projectId, input: relation(cat.id, core.id, { type: 'context', memo: doc('why'), evidenceCodingIds: [c1.id] }) });
    await saveNetworkPositions({ userId: coder.id, projectId, positions: [{ id: cat.id, x: 10, y: 20 }] });

    const data = await loadHierarchy({ userId: viewer.id, projectId });
    expect(data.project).toEqual({ id: projectId, name: 'Test project', corePrefix: 'CC' });
    const byId = new Map(data.codes.map((c) => [c.id, c]));
    expect(data.codes).toHaveLength(5);
    expect(byId.get(core.id)).toMatchObject({ label: 'CC1', level: 4, parentId: null, networkX: null, networkY: null });
    expect(byId.get(main.id)).toMatchObject({ label: 'A1', level: 3, parentId: core.id });
    expect(byId.get(cat.id)).toMatchObject({ label: 'B1', level: 2, parentId: main.id, networkX: 10, networkY: 20 });
    expect(byId.get(concept.id)).toMatchObject({ name: 'trust', label: 'C1', level: 1, parentId: cat.id, definition: 'Believing the platform.' });
    expect(byId.get(loose.id)).toMatchObject({ label: 'C2', level: 1, parentId: null });
    expect(data.codings.sort((a, b) => (a.coderId === coder.id ? -1 : b.coderId === coder.id ? 1 : 0))).toEqual([
      { id: c1.id, codeId: concept.id, sourceId: source.id, start: 17, end: 38, coderId: coder.id },
      { id: c2.id, codeId: concept.id, sourceId: source.id, start: 17, end: 38, coderId: coder2.id },
    ]);
    expect(data.relations).toEqual([{ id: r.id, fromId: cat.id, toId: core.id, type: 'context', customType: '', memoText: 'why', evidenceCodingIds: [c1.id] }]);
  });
});

describe('loadHierarchyRollUps', () => {
  it('aggregates in the database to the same roll-ups and summary as rollUp over every coding', async () => {
    const { coder, coder2, viewer, projectId, source, code, coding } = await setup();
    const core = await code('trust work', 4);
    const main = await code('platform economy', 3, core.id);
    const cat = await code('market trust', 2, main.id);
    const c1 = await code('trust', 1, cat.id);
    const c2 = await code('doubt', 1, cat.id);
    const loose = await code('price');
    const other = await createSourceFromText({ userId: coder.id, projectId, input: { title: 'Interview 2', kind: 'interview', folderId: null, text: TEXT } });
    // One span coded by two concepts of the category and by two coders; the category itself;
    // a span only the loose concept codes; a second source.
    await coding(c1.id, 17, 38);
    await coding(c1.id, 17, 38, coder2.id);
    await coding(c2.id, 17, 38);
    await coding(cat.id, 17, 38);
    await coding(c2.id, 40, 50);
    await coding(loose.id, 40, 50);
    await coding(loose.id, 0, 5);
    await applyCode({ userId: coder.id, projectId, sourceId: other.id, input: { codeId: c1.id, start: 17, end: 38 } });

    const all = await loadHierarchy({ userId: viewer.id, projectId });
    const data = await loadHierarchyRollUps({ userId: viewer.id, projectId });
    expect(data.rollUps.byCode).toEqual(rollUp(all.codes, all.codings));
    expect(data.summary).toEqual(summarize(all.codes, all.codings));
    expect(await loadHierarchySummary({ userId: viewer.id, projectId })).toEqual(data.summary);
    expect(data.rollUps.byCode.get(cat.id)).toEqual({ segments: 3, sources: 2, directCodings: 1 });
    expect(data.rollUps.byCode.get(core.id)).toEqual({ segments: 3, sources: 2, directCodings: 0 });
    expect(data.rollUps.total).toEqual({ segments: 4, sources: 2 });
    expect(data.summary.line).toBe('4 coded segments · 3 concepts · 1 category · 1 main category · 1 core category');
    expect(data.codes).toEqual(all.codes);
    expect(data.relations).toEqual(all.relations);
    expect('codings' in data).toBe(false);
    // A code's page counts from the segments it lists: the same numbers.
    for (const c of all.codes) {
      const segments = await listCodedSegments({ userId: viewer.id, projectId, codeId: c.id, alsoCodeIds: [...descendantIds(all.codes, c.id)] });
      expect(rollUpOne(all.codes, c.id, segments), c.name).toEqual(data.rollUps.byCode.get(c.id));
    }
  });

  it('gives zeros without codings, and NOT_FOUND to non-members', async () => {
    const { viewer, projectId, code } = await setup();
    const cat = await code('market', 2);
    const data = await loadHierarchyRollUps({ userId: viewer.id, projectId });
    expect(data.rollUps.byCode.get(cat.id)).toEqual({ segments: 0, sources: 0, directCodings: 0 });
    expect(data.summary.segments).toBe(0);
    const outsider = await makeUser();
    expect((await rejection(loadHierarchyRollUps({ userId: outsider.id, projectId }))).code).toBe('NOT_FOUND');
    expect((await rejection(loadHierarchySummary({ userId: outsider.id, projectId }))).code).toBe('NOT_FOUND');
    expect((await loadHierarchySummary({ userId: viewer.id, projectId })).segments).toBe(0);
  });
});

describe('authorization', () => {
  it('refuses viewers and reviewers every change (FORBIDDEN), and non-members everything (NOT_FOUND), storing nothing', async () => {
    const { coder, viewer, reviewer, projectId, source, code, coding } = await setup();
    const outsider = await makeUser();
    const cat = await code('market', 2);
    const cat2 = await code('relations', 2);
    const concept = await code('trust');
    const concept2 = await code('price');
    const applied = await coding(concept.id, 0, 10);
    const r = await createRelation({ userId: coder.id, projectId, input: relation(cat.id, cat2.id, { evidenceCodingIds: [applied.id] }) });
    const storyline = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'story' }] }] };

    const snapshot = async () => ({
      codes: await db.code.findMany({
        where: { projectId },
        select: { id: true, name: true, label: true, level: true, parentId: true, color: true, definition: true, networkX: true, networkY: true },
        orderBy: { id: 'asc' },
      }),
      codings: await db.coding.findMany({ where: { projectId }, select: { id: true, codeId: true, start: true, end: true }, orderBy: { id: 'asc' } }),
      relations: await db.codeRelation.findMany({
        where: { projectId },
        select: { id: true, fromId: true, toId: true, type: true, memo: true, evidence: { select: { codingId: true } } },
        orderBy: { id: 'asc' },
      }),
      project: await db.project.findUnique({ where: { id: projectId }, select: { storyline: true, storylineText: true, storylineUpdatedAt: true } }),
    });
    const before = await snapshot();

    const mutations = (userId: string): Array<[string, () => Promise<unknown>]> => [
      ['createCode', () => createCode({ userId, projectId, input: { name: 'new', definition: '', level: 2 } })],
      ['createCodeAndApply', () => createCodeAndApply({ userId, projectId, sourceId: source.id, input: { name: 'in vivo', start: 0, end: 5 } })],
      ['updateCode', () => updateCode({ userId, projectId, codeId: concept.id, input: { label: 'C99' } })],
      ['deleteCode', () => deleteCode({ userId, projectId, codeId: concept2.id })],
      ['moveCode', () => moveCode({ userId, projectId, codeId: concept.id, parentId: cat.id })],
      ['groupCodes', () => groupCodes({ userId, projectId, codeIds: [concept.id, concept2.id], name: 'group' })],
      ['mergeCodes', () => mergeCodes({ userId, projectId, fromId: concept2.id, intoId: concept.id })],
      ['splitCode', () => splitCode({ userId, projectId, codeId: concept.id, codingIds: [applied.id], name: 'split' })],
      ['renumberCodeLabels', () => renumberCodeLabels({ userId, projectId })],
      ['createRelation', () => createRelation({ userId, projectId, input: relation(cat2.id, cat.id) })],
      ['updateRelation', () => updateRelation({ userId, projectId, relationId: r.id, input: relation(cat.id, cat2.id, { type: 'strategy' }) })],
      ['deleteRelation', () => deleteRelation({ userId, projectId, relationId: r.id })],
      ['saveStoryline', () => saveStoryline({ userId, projectId, body: storyline })],
      ['saveNetworkPositions', () => saveNetworkPositions({ userId, projectId, positions: [{ id: cat.id, x: 1, y: 1 }] })],
      ['saveNetworkPositions reset', () => saveNetworkPositions({ userId, projectId, positions: 'reset' })],
    ];

    const outcome = async (run: () => Promise<unknown>) => (await rejection(run())).code;
    for (const [who, userId, expected] of [
      ['viewer', viewer.id, 'FORBIDDEN'],
      ['reviewer', reviewer.id, 'FORBIDDEN'],
      ['outsider', outsider.id, 'NOT_FOUND'],
    ] as const) {
      for (const [name, run] of mutations(userId)) {
        expect([who, name, await outcome(run)]).toEqual([who, name, expected]);
      }
    }
    expect(await outcome(() => loadHierarchy({ userId: outsider.id, projectId }))).toBe('NOT_FOUND');
    expect(await outcome(() => getStoryline({ userId: outsider.id, projectId }))).toBe('NOT_FOUND');
    // Reading is for every member.
    expect((await loadHierarchy({ userId: reviewer.id, projectId })).codes).toHaveLength(4);

    expect(await snapshot()).toEqual(before);
  });
});

describe('review fixes', () => {
  it('a merge folds a duplicate relation into its twin: evidence and memo survive', async () => {
    const { coder, projectId, code, coding } = await setup();
    const from = await code('signals', 2);
    const into = await code('signalling', 2);
    const other = await code('trust', 2);
    const concept = await code('reviews', 1, from.id);
    const e1 = await coding(concept.id, 0, 10);
    const e2 = await coding(concept.id, 17, 38);
    const twin = await createRelation({ userId: coder.id, projectId, input: relation(into.id, other.id, { evidenceCodingIds: [e1.id] }) });
    const dup = await createRelation({
      userId: coder.id,
      projectId,
      input: relation(from.id, other.id, { evidenceCodingIds: [e1.id, e2.id], memo: doc('signals build trust') }),
    });
    await mergeCodes({ userId: coder.id, projectId, fromId: from.id, intoId: into.id });
    expect(await db.codeRelation.count({ where: { id: dup.id } })).toBe(0);
    const kept = await db.codeRelation.findUniqueOrThrow({ where: { id: twin.id }, select: { memoText: true, evidence: { select: { codingId: true } } } });
    expect(kept.memoText).toBe('signals build trust');
    expect(kept.evidence.map((e) => e.codingId).sort()).toEqual([e1.id, e2.id].sort());
  });

  it('refuses to make a code with relations a concept', async () => {
    const { coder, projectId, code } = await setup();
    const a = await code('signals', 2);
    const b = await code('trust', 2);
    await createRelation({ userId: coder.id, projectId, input: relation(a.id, b.id) });
    const error = await rejection(updateCode({ userId: coder.id, projectId, codeId: a.id, input: { level: 1 } }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.userMessage).toContain('1 relation');
    expect(await stored(a.id)).toMatchObject({ level: 2, label: 'B1' });
  });
});
