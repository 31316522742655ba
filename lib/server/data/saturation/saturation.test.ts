import { describe, expect, it } from 'vitest';

import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { rejection } from '../../testing/rejection';
import { exportSaturation, loadSaturation } from './load-saturation';
import { setCodingOrder, setTestSources } from './test-set';

async function setup() {
  const owner = await makeUser();
  const viewer = await makeUser();
  const project = await makeProject(owner.id, [{ userId: viewer.id, role: 'viewer' }]);
  const source = (title: string, kind: string) => db.source.create({ data: { projectId: project.id, title, kind, format: 'paste', text: 'x'.repeat(40), length: 40, wordCount: 1 }, select: { id: true } });
  const code = (name: string, label: string, level: number, parentId: string | null = null) => db.code.create({ data: { projectId: project.id, name, label, level, parentId, color: '#336699' }, select: { id: true } });
  const coding = (sourceId: string, codeId: string, at: Date) => db.coding.create({ data: { projectId: project.id, sourceId, codeId, start: 0, end: 5, coderId: owner.id, createdAt: at } });
  return { owner, viewer, project, source, code, coding };
}

describe('saturation data layer', () => {
  it('snapshots the hierarchy when a test set is created and reports what the test sources add', async () => {
    const { owner, viewer, project, source, code, coding } = await setup();
    const s1 = await source('Interview 1', 'interview');
    const s2 = await source('Interview 2', 'interview');
    const t1 = await source('Article A', 'literature');
    const t2 = await source('Interview 3', 'interview');
    const b1 = await code('Trust', 'B1', 2);
    const c1 = await code('Word of mouth', 'C1', 1, b1.id);
    await coding(s1.id, c1.id, new Date('2026-01-01T00:00:00Z'));
    await coding(s2.id, c1.id, new Date('2026-01-02T00:00:00Z'));

    expect((await rejection(setTestSources({ userId: viewer.id, projectId: project.id, sourceIds: [t1.id], test: true }))).code).toBe('FORBIDDEN');
    const marked = await setTestSources({ userId: owner.id, projectId: project.id, sourceIds: [t1.id, t2.id], test: true });
    expect(marked).toEqual({ snapshotTaken: true, testSourceIds: expect.arrayContaining([t1.id, t2.id]) });
    expect(await db.saturationSnapshot.count({ where: { projectId: project.id } })).toBe(1);

    // After the snapshot: t1 brings a new category with a concept, t2 only known codes.
    const b2 = await code('Habit', 'B2', 2);
    const c2 = await code('Routine', 'C2', 1, b2.id);
    await coding(t1.id, c2.id, new Date(Date.now() + 1000));
    await coding(t2.id, c1.id, new Date(Date.now() + 2000));

    const { report } = await loadSaturation({ userId: viewer.id, projectId: project.id });
    expect(report.emergence.map((p) => p.title)).toEqual(['Interview 1', 'Interview 2', 'Article A', 'Interview 3']);
    expect(report.emergence.map((p) => p.cumulative[2])).toEqual([1, 1, 2, 2]);
    const [a, b] = report.holdOut!.sources;
    expect(a.newCodes.map((c) => c.label)).toEqual(['B2', 'C2']);
    expect(b.newCodes).toEqual([]);
    expect(report.holdOut!.verdict).toBe('2 test sources (1 article, 1 interview) added 1 new category (B2 Habit) and no new relations.');
    expect(report.thin.map((t) => t.label)).toEqual(['B2']);

    // Adding a source to the set keeps the snapshot.
    const again = await setTestSources({ userId: owner.id, projectId: project.id, sourceIds: [s2.id], test: true });
    expect(again.snapshotTaken).toBe(false);
    expect(await db.saturationSnapshot.count({ where: { projectId: project.id } })).toBe(1);

    const csv = await exportSaturation({ userId: viewer.id, projectId: project.id, format: 'csv' });
    expect(new TextDecoder().decode(csv.body)).toContain('new category,B2,Habit');
    const docx = await exportSaturation({ userId: viewer.id, projectId: project.id, format: 'docx', guest: { base: 1, run: 1, threshold: 0 } });
    expect([...docx.body.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect((await rejection(loadSaturation({ userId: viewer.id, projectId: project.id, guest: { base: 0 } }))).code).toBe('INVALID_INPUT');
  });

  it('sets and clears the coding order', async () => {
    const { owner, viewer, project, source } = await setup();
    const a = await source('A', 'interview');
    const b = await source('B', 'interview');
    await setCodingOrder({ userId: owner.id, projectId: project.id, sourceIds: [b.id, a.id] });
    const { report } = await loadSaturation({ userId: owner.id, projectId: project.id });
    expect(report.mode).toBe('user');
    expect(report.emergence.map((p) => p.title)).toEqual(['B', 'A']);
    await setCodingOrder({ userId: owner.id, projectId: project.id, sourceIds: [] });
    expect((await loadSaturation({ userId: owner.id, projectId: project.id })).report.mode).toBe('first-coded');
    expect((await rejection(setCodingOrder({ userId: viewer.id, projectId: project.id, sourceIds: [] }))).code).toBe('FORBIDDEN');
    expect((await rejection(setCodingOrder({ userId: owner.id, projectId: project.id, sourceIds: ['nope'] }))).code).toBe('INVALID_INPUT');
  });
});
