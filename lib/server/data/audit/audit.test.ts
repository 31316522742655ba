import { describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors/app-error';
import type { NewProjectEvent } from '@/lib/team/event-types';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { inProjectTransaction, recordEvent } from '../events/record-event';
import { getCodeHistory } from './get-code-history';
import { listActivity } from './list-activity';

async function record(event: NewProjectEvent) {
  return inProjectTransaction(event.projectId, (tx) => recordEvent(tx, event));
}

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

async function code(projectId: string, label: string, name: string, level = 1, parentId: string | null = null) {
  return db.code.create({ data: { projectId, label, name, level, parentId, color: '#336699' }, select: { id: true } });
}

describe('activity feed', () => {
  it('pages by sequence, newest first, and filters by member and type group', async () => {
    const owner = await makeUser({ name: 'Olga Owner' });
    const coder = await makeUser({ name: 'Carl Coder' });
    const viewer = await makeUser();
    const outsider = await makeUser();
    const project = await makeProject(owner.id, [
      { userId: coder.id, role: 'coder' },
      { userId: viewer.id, role: 'viewer' },
    ]);
    const risk = await code(project.id, 'B2', 'Risk', 2);
    const trust = await code(project.id, 'C3', 'Platform trust', 1, risk.id);
    const base = { name: 'Trust', label: 'C3', level: 1, parentId: risk.id, definition: '', color: '#336699' };
    await record({ projectId: project.id, actorId: owner.id, type: 'code.created', entityType: 'code', entityId: trust.id, summary: 'Created C3 "Trust"', after: base });
    for (let i = 0; i < 5; i++) {
      await record({ projectId: project.id, actorId: coder.id, type: 'coding.created', entityType: 'coding', entityId: `k${i}`, summary: `Coded segment ${i}` });
    }
    await record({
      projectId: project.id,
      actorId: coder.id,
      type: 'code.updated',
      entityType: 'code',
      entityId: trust.id,
      summary: 'Renamed C3 "Trust" → "Platform trust"',
      before: base,
      after: { ...base, name: 'Platform trust', parentId: null },
    });

    const all = await listActivity({ userId: viewer.id, projectId: project.id, pageSize: 3 });
    expect(all.total).toBe(7);
    expect(all.pageCount).toBe(3);
    expect(all.events.map((e) => e.seq)).toEqual([7, 6, 5]);
    expect(all.events[0]).toMatchObject({ type: 'code.updated', typeLabel: 'Changed a code', group: 'codebook', actor: { id: coder.id, name: 'Carl Coder' } });
    expect(all.events[0].changes.map((c) => c.text)).toEqual(['Name: "Trust" → "Platform trust"', 'Parent: B2 "Risk" → none']);
    const last = await listActivity({ userId: viewer.id, projectId: project.id, pageSize: 3, page: 3 });
    expect(last.events.map((e) => e.seq)).toEqual([1]);
    // Past the end: the last page.
    expect((await listActivity({ userId: viewer.id, projectId: project.id, pageSize: 3, page: 99 })).page).toBe(3);

    const byOwner = await listActivity({ userId: coder.id, projectId: project.id, actorId: owner.id });
    expect(byOwner.events.map((e) => e.type)).toEqual(['code.created']);
    const codebook = await listActivity({ userId: coder.id, projectId: project.id, group: 'codebook' });
    expect(codebook.events.map((e) => e.type)).toEqual(['code.updated', 'code.created']);
    const coderCodings = await listActivity({ userId: owner.id, projectId: project.id, actorId: coder.id, group: 'codings' });
    expect(coderCodings.total).toBe(5);

    expect(await codeOf(listActivity({ userId: outsider.id, projectId: project.id }))).toBe('NOT_FOUND');
  });

  it('hides other coders’ coding events on blind sources from coders only', async () => {
    const owner = await makeUser();
    const a = await makeUser();
    const b = await makeUser();
    const project = await makeProject(owner.id, [
      { userId: a.id, role: 'coder' },
      { userId: b.id, role: 'coder' },
    ]);
    const source = (title: string, blindCoding: boolean) =>
      db.source.create({ data: { projectId: project.id, title, kind: 'interview', format: 'text', text: 'x', length: 1, wordCount: 1, blindCoding }, select: { id: true } });
    const blind = await source('Blind', true);
    const open = await source('Open', false);
    const coded = (actorId: string, sourceId: string) =>
      record({ projectId: project.id, actorId, type: 'coding.created', entityType: 'coding', entityId: `${actorId}-${sourceId}`, sourceId });
    await coded(a.id, blind.id);
    await coded(b.id, blind.id);
    await coded(b.id, open.id);
    await record({ projectId: project.id, actorId: b.id, type: 'memo.created', entityType: 'memo', entityId: 'm1', sourceId: blind.id });

    const seen = async (userId: string) => (await listActivity({ userId, projectId: project.id, group: null })).events.filter((e) => e.type.startsWith('coding.')).map((e) => e.entityId).sort();
    expect(await seen(a.id)).toEqual([`${a.id}-${blind.id}`, `${b.id}-${open.id}`].sort());
    expect(await seen(owner.id)).toHaveLength(3);
    // Whole project blind: a coder sees only their own coding events anywhere.
    await db.project.update({ where: { id: project.id }, data: { blindCoding: true } });
    expect(await seen(a.id)).toEqual([`${a.id}-${blind.id}`]);
    // Released: everything.
    await db.project.update({ where: { id: project.id }, data: { blindReleased: true } });
    await db.source.update({ where: { id: blind.id }, data: { blindReleased: true } });
    expect(await seen(a.id)).toHaveLength(3);
  });
});

describe('code history', () => {
  it('finds the code’s own events and merges, splits and relations that name it', async () => {
    const owner = await makeUser();
    const viewer = await makeUser();
    const project = await makeProject(owner.id, [{ userId: viewer.id, role: 'viewer' }]);
    const into = await code(project.id, 'C2', 'Late delivery');
    const gone = await code(project.id, 'C4', 'Delivery delay');
    const other = await code(project.id, 'C5', 'Unrelated');
    const cat = await code(project.id, 'B1', 'Logistics', 2);
    await record({ projectId: project.id, actorId: owner.id, type: 'code.created', entityType: 'code', entityId: into.id, after: { name: 'Late delivery', label: 'C2', level: 1, parentId: null } });
    await record({ projectId: project.id, actorId: owner.id, type: 'code.updated', entityType: 'code', entityId: other.id, before: { name: 'x' }, after: { name: 'Unrelated' } });
    // The merge's entity is the surviving code; the merged-away one is only in the snapshots.
    await record({
      projectId: project.id,
      actorId: owner.id,
      type: 'hierarchy.merged',
      entityType: 'code',
      entityId: into.id,
      summary: 'Merged C4 "Delivery delay" into C2 "Late delivery"',
      before: { codes: [{ id: gone.id, label: 'C4', name: 'Delivery delay' }] },
      after: { intoId: into.id, codingsMoved: 3 },
    });
    await record({ projectId: project.id, actorId: owner.id, type: 'relation.created', entityType: 'relation', entityId: 'r1', after: { fromId: cat.id, toId: into.id, type: 'context' } });
    await record({ projectId: project.id, actorId: owner.id, type: 'coding.created', entityType: 'coding', entityId: 'k1', after: { codeId: into.id } });
    await db.code.delete({ where: { id: gone.id } });

    const history = await getCodeHistory({ userId: viewer.id, projectId: project.id, codeId: into.id });
    expect(history.code).toMatchObject({ label: 'C2', name: 'Late delivery' });
    expect(history.events.map((e) => e.type)).toEqual(['relation.created', 'hierarchy.merged', 'code.created']);
    expect(history.events[1].changes[0].text).toBe('Merged into C2 "Late delivery"');
    expect(history.events[0].changes.map((c) => c.text)).toEqual(['From: B1 "Logistics"', 'To: C2 "Late delivery"', 'Type: "context"']);

    // The merged-away code is gone, but its history still reads.
    const goneHistory = await getCodeHistory({ userId: viewer.id, projectId: project.id, codeId: gone.id });
    expect(goneHistory.code).toBeNull();
    expect(goneHistory.events.map((e) => e.type)).toEqual(['hierarchy.merged']);

    expect(await codeOf(getCodeHistory({ userId: viewer.id, projectId: project.id, codeId: 'nope' }))).toBe('NOT_FOUND');
    const stranger = await makeUser();
    expect(await codeOf(getCodeHistory({ userId: stranger.id, projectId: project.id, codeId: into.id }))).toBe('NOT_FOUND');
  });
});
