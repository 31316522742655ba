import { describe, expect, it } from 'vitest';

import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { rejection } from '../../testing/rejection';
import { createCode } from '../code/create-code';
import { applyCode } from '../coding/apply-code';
import { createRelation, deleteRelation, updateRelation } from '../relation/save-relation';
import { mergeCodes } from './merge-codes';
import { renumberCodeLabels } from './renumber-labels';
import { splitCode } from './split-code';

const TEXT = 'The seller said: we trust the platform, but shipping is slow. Returns are easy, refunds are quick.';

async function setup() {
  const owner = await makeUser();
  const project = await makeProject(owner.id, []);
  const projectId = project.id;
  const source = await db.source.create({ data: { projectId, kind: 'interview', title: 'Interview 1', format: 'text', text: TEXT, length: [...TEXT].length, wordCount: 16 }, select: { id: true } });
  const code = (name: string, level: 1 | 2 = 1) => createCode({ userId: owner.id, projectId, input: { name, definition: '', level, parentId: null } });
  const version = async () => (await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { hierarchyVersion: true } })).hierarchyVersion;
  const events = async (type: string) =>
    (await db.projectEvent.findMany({ where: { projectId, type }, select: { entityId: true, actorId: true, summary: true, before: true, after: true }, orderBy: { seq: 'asc' } })).map((e) => ({
      ...e,
      before: e.before ? (JSON.parse(e.before) as Record<string, unknown>) : null,
      after: e.after ? (JSON.parse(e.after) as Record<string, unknown>) : null,
    }));
  return { owner, projectId, source, code, version, events };
}

describe('structural change events', () => {
  it('records merges and splits with every affected code id, before → after, and bumps the hierarchy version', async () => {
    const { owner, projectId, source, code, version, events } = await setup();
    const into = await code('trust');
    const from = await code('confidence');
    const c1 = await applyCode({ userId: owner.id, projectId, sourceId: source.id, input: { codeId: from.id, start: 17, end: 38 } });
    const v0 = await version();

    await mergeCodes({ userId: owner.id, projectId, fromId: from.id, intoId: into.id });
    const [merged] = await events('hierarchy.merged');
    expect(merged).toMatchObject({ entityId: into.id, actorId: owner.id, summary: 'Merged C2 “confidence” into C1 “trust”' });
    expect(merged.before?.codeIds).toEqual([from.id, into.id]);
    expect(merged.after).toMatchObject({ codeIds: [into.id], deletedCodeId: from.id, codingsMoved: 1 });

    const split = await splitCode({ userId: owner.id, projectId, codeId: into.id, codingIds: [c1.id], name: 'assurance' });
    const [splitEvent] = await events('hierarchy.split');
    expect(splitEvent).toMatchObject({ entityId: into.id, summary: `Split 1 coding off C1 “trust” into ${split.label} “assurance”` });
    expect(splitEvent.after?.codeIds).toEqual([into.id, split.id]);
    expect(await version()).toBe(v0 + 2);

    // A hand-edited label out of sequence: renumbering changes it.
    await db.code.update({ where: { id: split.id }, data: { label: 'C9' } });
    const changes = await renumberCodeLabels({ userId: owner.id, projectId });
    expect(changes.map((c) => c.id)).toContain(split.id);
    const [renumbered] = await events('hierarchy.renumbered');
    expect(renumbered.after?.codeIds).toEqual(changes.map((c) => c.id));
    expect((renumbered.before?.labels as Record<string, string>)[split.id]).toBe('C9');
    expect(await version()).toBe(v0 + 3);
  });

  it('records relation changes and refuses an update from an outdated version', async () => {
    const { owner, projectId, code, version, events } = await setup();
    const a = await code('market trust', 2);
    const b = await code('platform power', 2);
    const v0 = await version();
    const relation = await createRelation({ userId: owner.id, projectId, input: { fromId: a.id, toId: b.id, type: 'context', customType: '', evidenceCodingIds: [] } });
    const first = await updateRelation({ userId: owner.id, projectId, relationId: relation.id, version: 1, input: { fromId: a.id, toId: b.id, type: 'strategy', customType: '', evidenceCodingIds: [] } });
    expect(first.version).toBe(2);
    // A second editor who opened the form at version 1 is refused; nothing changes.
    const stale = await rejection(updateRelation({ userId: owner.id, projectId, relationId: relation.id, version: 1, input: { fromId: a.id, toId: b.id, type: 'consequence', customType: '', evidenceCodingIds: [] } }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.userMessage).toContain('Someone else changed this relation while you were editing');
    expect((await db.codeRelation.findUniqueOrThrow({ where: { id: relation.id }, select: { type: true } })).type).toBe('strategy');
    await deleteRelation({ userId: owner.id, projectId, relationId: relation.id });

    const [created] = await events('relation.created');
    const [updated] = await events('relation.updated');
    const [deleted] = await events('relation.deleted');
    expect(created.after).toMatchObject({ codeIds: [a.id, b.id], type: 'context' });
    expect(updated.before).toMatchObject({ type: 'context', version: 1 });
    expect(updated.after).toMatchObject({ type: 'strategy', version: 2 });
    expect(deleted.before).toMatchObject({ type: 'strategy' });
    expect(await version()).toBe(v0 + 3);
  });
});
