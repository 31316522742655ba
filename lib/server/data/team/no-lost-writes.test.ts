import { describe, expect, it } from 'vitest';

import { isVersionConflictError, type VersionConflict } from '@/lib/team/conflict';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { createCode } from '../code/create-code';
import { updateCode } from '../code/update-code';
import { applyCode } from '../coding/apply-code';
import { adjustCoding, setCodingMemo } from '../coding/change-coding';
import { createCodeAndApply } from '../coding/create-code-and-apply';
import { getStoryline, saveStoryline } from '../hierarchy/storyline';
import { addMemo, listMemos, updateMemo } from '../memo/memos';
import { createSourceFromText } from '../source/create-source';

const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] });

async function setup() {
  const owner = await makeUser();
  const coder = await makeUser();
  const project = await makeProject(owner.id, [{ userId: coder.id, role: 'coder' }]);
  const text = 'Seller: we trust the platform, but shipping is slow. '.repeat(10);
  const source = await createSourceFromText({ userId: owner.id, projectId: project.id, input: { title: 'Interview 2', kind: 'interview', folderId: null, text } });
  return { owner, coder, projectId: project.id, sourceId: source.id };
}

/** Settles every promise; the fulfilled values and the rejections apart. */
async function settle<T>(promises: Array<Promise<T>>) {
  const results = await Promise.allSettled(promises);
  return {
    ok: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    failed: results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : [])),
  };
}

const events = (projectId: string, type: string) => db.projectEvent.findMany({ where: { projectId, type }, orderBy: { seq: 'asc' } });

describe('no lost writes', () => {
  it('keeps all of 50 concurrent codings on one source, each with a coding.created event in one contiguous sequence', async () => {
    const { coder, projectId, sourceId } = await setup();
    const codes: Array<{ id: string }> = [];
    for (const name of ['trust', 'shipping', 'platform', 'seller', 'price']) codes.push(await createCode({ userId: coder.id, projectId, input: { name, definition: '' } }));
    const seqBefore = (await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { eventSeq: true } })).eventSeq;
    const calls = Array.from({ length: 50 }, (_, i) =>
      applyCode({ userId: coder.id, projectId, sourceId, input: { codeId: codes[i % 5].id, start: i, end: i + 10 } }),
    );
    const { ok, failed } = await settle(calls);
    expect(failed).toEqual([]);
    expect(new Set(ok.map((c) => c.id)).size).toBe(50);
    expect(await db.coding.count({ where: { sourceId } })).toBe(50);
    const created = await events(projectId, 'coding.created');
    expect(created).toHaveLength(50);
    expect(created.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => seqBefore + 1 + i));
    expect(new Set(created.map((e) => e.entityId))).toEqual(new Set(ok.map((c) => c.id)));
    expect(created.every((e) => e.sourceId === sourceId && e.actorId === coder.id)).toBe(true);
    expect(created[0].summary).toMatch(/^Coded C\d “(trust|shipping|platform|seller|price)” in “Interview 2”$/);
  }, 60_000);

  it('stores one of 20 identical concurrent codings and answers every call with that row', async () => {
    const { coder, projectId, sourceId } = await setup();
    const code = await createCode({ userId: coder.id, projectId, input: { name: 'trust', definition: '' } });
    const { ok, failed } = await settle(Array.from({ length: 20 }, () => applyCode({ userId: coder.id, projectId, sourceId, input: { codeId: code.id, start: 12, end: 30 } })));
    expect(failed).toEqual([]);
    const rows = await db.coding.findMany({ where: { sourceId }, select: { id: true } });
    expect(rows).toHaveLength(1);
    expect(ok).toHaveLength(20);
    expect(ok.every((c) => c.id === rows[0].id)).toBe(true);
    expect(await events(projectId, 'coding.created')).toHaveLength(1);
  }, 60_000);

  it('stores one of 10 identical concurrent in-vivo codings (one code, one coding)', async () => {
    const { coder, projectId, sourceId } = await setup();
    const { ok, failed } = await settle(Array.from({ length: 10 }, () => createCodeAndApply({ userId: coder.id, projectId, sourceId, input: { name: 'slow', start: 40, end: 44 } })));
    expect(failed).toEqual([]);
    expect(await db.code.count({ where: { projectId } })).toBe(1);
    expect(await db.coding.count({ where: { sourceId } })).toBe(1);
    expect(new Set(ok.map((r) => r.coding.id)).size).toBe(1);
    expect((await events(projectId, 'code.created')).map((e) => JSON.parse(e.after ?? 'null') as { name: string })).toMatchObject([{ name: 'slow' }]);
  }, 60_000);

  it('refuses to adjust a coding onto an identical one', async () => {
    const { coder, projectId, sourceId } = await setup();
    const code = await createCode({ userId: coder.id, projectId, input: { name: 'trust', definition: '' } });
    await applyCode({ userId: coder.id, projectId, sourceId, input: { codeId: code.id, start: 0, end: 5 } });
    const other = await applyCode({ userId: coder.id, projectId, sourceId, input: { codeId: code.id, start: 10, end: 15 } });
    await expect(adjustCoding({ userId: coder.id, projectId, codingId: other.id, start: 0, end: 5 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db.coding.count({ where: { sourceId } })).toBe(2);
  });

  it('lets one of two concurrent renames from the same version win; the other gets a conflict with both names', async () => {
    const { owner, coder, projectId } = await setup();
    const code = await createCode({ userId: owner.id, projectId, input: { name: 'trust', definition: 'believing sellers' } });
    const hierarchyBefore = (await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { hierarchyVersion: true } })).hierarchyVersion;
    const { ok, failed } = await settle([
      updateCode({ userId: owner.id, projectId, codeId: code.id, input: { name: 'platform trust' }, baseVersion: 1 }),
      updateCode({ userId: coder.id, projectId, codeId: code.id, input: { name: 'trust in sellers' }, baseVersion: 1 }),
    ]);
    expect(ok).toEqual([{ version: 2 }]);
    expect(failed).toHaveLength(1);
    expect(isVersionConflictError(failed[0])).toBe(true);
    const conflict = (failed[0] as { conflict: VersionConflict<'code'> }).conflict;
    const stored = await db.code.findUniqueOrThrow({ where: { id: code.id }, select: { name: true, version: true } });
    expect(stored.version).toBe(2);
    expect(conflict.theirs).toMatchObject({ version: 2, value: { name: stored.name, definition: 'believing sellers' } });
    expect(conflict.yours.baseVersion).toBe(1);
    expect([conflict.yours.value.name, stored.name].sort()).toEqual(['platform trust', 'trust in sellers']);
    const winner = stored.name === 'platform trust' ? owner : coder;
    expect(conflict.theirs.byName).toBe(winner.name);
    // The rename is audited (before → after) and structural.
    const [updated] = await events(projectId, 'code.updated');
    expect(JSON.parse(updated.before!)).toMatchObject({ name: 'trust' });
    expect(JSON.parse(updated.after!)).toMatchObject({ name: stored.name });
    expect((await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { hierarchyVersion: true } })).hierarchyVersion).toBe(hierarchyBefore + 1);
    // Keep mine: saving again from their version succeeds.
    await updateCode({ userId: winner.id === owner.id ? coder.id : owner.id, projectId, codeId: code.id, input: { name: conflict.yours.value.name }, baseVersion: conflict.theirs.version });
    expect((await db.code.findUniqueOrThrow({ where: { id: code.id }, select: { name: true, version: true } })).version).toBe(3);
  });

  it('lets one of two concurrent memo edits win; the other gets a conflict with both documents', async () => {
    const { owner, coder, projectId } = await setup();
    const code = await createCode({ userId: coder.id, projectId, input: { name: 'trust', definition: '' } });
    const { id } = await addMemo({ userId: coder.id, projectId, target: { codeId: code.id }, body: doc('first'), text: 'first' });
    const [{ version }] = await listMemos({ userId: owner.id, projectId, target: { codeId: code.id } });
    expect(version).toBe(1);
    const { ok, failed } = await settle([
      updateMemo({ userId: owner.id, projectId, memoId: id, body: doc('from owner'), text: 'from owner', baseVersion: version }),
      updateMemo({ userId: coder.id, projectId, memoId: id, body: doc('from coder'), text: 'from coder', baseVersion: version }),
    ]);
    expect(ok).toEqual([{ id, version: 2 }]);
    expect(failed).toHaveLength(1);
    const conflict = (failed[0] as { conflict: VersionConflict<'memo'> }).conflict;
    const [stored] = await listMemos({ userId: owner.id, projectId, target: { codeId: code.id } });
    expect(stored.version).toBe(2);
    expect(conflict.theirs.value).toEqual(stored.body);
    expect([JSON.stringify(conflict.yours.value), JSON.stringify(stored.body)].sort()).toEqual([JSON.stringify(doc('from coder')), JSON.stringify(doc('from owner'))]);
    expect((await events(projectId, 'memo.updated')).map((e) => e.summary)).toEqual([`Edited a memo on the code ${code.label} “trust”`]);
  });

  it('detects a coding memo saved meanwhile', async () => {
    const { owner, coder, projectId, sourceId } = await setup();
    const { coding } = await createCodeAndApply({ userId: coder.id, projectId, sourceId, input: { name: 'trust', start: 0, end: 6 } });
    expect(coding.memoVersion).toBe(0);
    const first = await setCodingMemo({ userId: coder.id, projectId, codingId: coding.id, body: doc('mine'), text: 'mine', baseVersion: 0 });
    expect(first.memoVersion).toBe(1);
    const error = await setCodingMemo({ userId: owner.id, projectId, codingId: coding.id, body: doc('owner'), text: 'owner', baseVersion: 0 }).catch((e: unknown) => e);
    expect(isVersionConflictError(error)).toBe(true);
    expect((error as { conflict: VersionConflict<'memo'> }).conflict.theirs).toMatchObject({ version: 1, value: doc('mine'), byName: coder.name });
    expect((await setCodingMemo({ userId: owner.id, projectId, codingId: coding.id, body: doc('owner'), text: 'owner', baseVersion: 1 })).memoVersion).toBe(2);
  });

  it('lets one of two concurrent storyline saves win; the other gets a conflict with both documents', async () => {
    const { owner, coder, projectId } = await setup();
    const { version } = await getStoryline({ userId: owner.id, projectId });
    const { ok, failed } = await settle([
      saveStoryline({ userId: owner.id, projectId, body: doc('story A'), baseVersion: version }),
      saveStoryline({ userId: coder.id, projectId, body: doc('story B'), baseVersion: version }),
    ]);
    expect(ok).toHaveLength(1);
    expect(ok[0].version).toBe(version + 1);
    const conflict = (failed[0] as { conflict: VersionConflict<'storyline'> }).conflict;
    const stored = await getStoryline({ userId: owner.id, projectId });
    expect(conflict.theirs.value).toEqual(stored.body);
    expect(conflict.entity).toBe('storyline');
    expect([JSON.stringify(conflict.yours.value), JSON.stringify(stored.body)].sort()).toEqual([JSON.stringify(doc('story A')), JSON.stringify(doc('story B'))]);
    const [event] = await events(projectId, 'storyline.updated');
    expect(JSON.parse(event.after!)).toEqual({ text: stored.text });
  });
});
