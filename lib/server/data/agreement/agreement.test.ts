import { describe, expect, it } from 'vitest';

import { REASON_NO_VARIATION } from '@/lib/agreement/statistics';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { rejection } from '../../testing/rejection';
import { createCode } from '../code/create-code';
import { listCodedSegments } from '../coding/list-code-segments';
import { listSourceCodings } from '../coding/list-source-codings';
import { createSourceFromText } from '../source/create-source';
import { computeAgreement, listDisagreements } from './agreement';
import { changeProjectBlind, changeSourceBlind } from './blind';
import { resolveDisagreement } from './resolve-disagreement';

const TEXT = 'abcdefghij'.repeat(10); // 100 code points

async function setup() {
  const owner = await makeUser();
  const a = await makeUser();
  const b = await makeUser();
  const reviewer = await makeUser();
  const viewer = await makeUser();
  const project = await makeProject(owner.id, [
    { userId: a.id, role: 'coder' },
    { userId: b.id, role: 'coder' },
    { userId: reviewer.id, role: 'reviewer' },
    { userId: viewer.id, role: 'viewer' },
  ]);
  const projectId = project.id;
  const s1 = await createSourceFromText({ userId: owner.id, projectId, input: { title: 'S1', kind: 'interview', folderId: null, text: TEXT } });
  const s2 = await createSourceFromText({ userId: owner.id, projectId, input: { title: 'S2', kind: 'interview', folderId: null, text: TEXT } });
  const x = await createCode({ userId: owner.id, projectId, input: { name: 'X', definition: '' } });
  const y = await createCode({ userId: owner.id, projectId, input: { name: 'Y', definition: '' } });
  const code = async (coderId: string, codeId: string, sourceId: string, start: number, end: number) =>
    (await db.coding.create({ data: { projectId, coderId, codeId, sourceId, start, end }, select: { id: true } })).id;
  const ids = {
    aX1: await code(a.id, x.id, s1.id, 0, 10),
    aX2: await code(a.id, x.id, s1.id, 20, 30),
    aY1: await code(a.id, y.id, s1.id, 40, 50),
    bX1: await code(b.id, x.id, s1.id, 0, 9),
    bY1: await code(b.id, y.id, s1.id, 60, 70),
    aX3: await code(a.id, x.id, s2.id, 0, 5),
    bY2: await code(b.id, y.id, s2.id, 0, 5),
  };
  return { owner, a, b, reviewer, viewer, projectId, s1, s2, x, y, ids };
}

describe('agreement from stored codings', () => {
  // The first test also pays for the cold start (imports, first connections) on a busy machine.
  it('equals the hand figures at the character and segment levels', { timeout: 90_000 }, async () => {
    const { owner, a, b, projectId, s1, x } = await setup();
    // Character level, X in S1: A covers [0,10) ∪ [20,30), B [0,9): both 9, one only 11, neither 80.
    // p_o = .89; ΣEF = 20·9/100 + 80·91/100 = 74.6; κ = (89 − 74.6)/(100 − 74.6).
    const chars = await computeAgreement({ userId: owner.id, projectId, coderIds: [a.id, b.id], sourceIds: [s1.id], codeIds: [x.id], level: { kind: 'character' } });
    const row = chars.table.rows[0]!;
    expect(row.units).toBe(100);
    expect(row.percent.value).toBeCloseTo(0.89, 12);
    expect(row.cohen.value!).toBeCloseTo(14.4 / 25.4, 12);
    // Segment level at 90%: A[0,10) matched by B[0,9) (90%), A[20,30) unmatched, B[0,9) matched → 2/3.
    const segs = await computeAgreement({ userId: owner.id, projectId, coderIds: [a.id, b.id], sourceIds: [s1.id], codeIds: [x.id], level: { kind: 'segment', threshold: 90 } });
    expect(segs.table.rows[0]!.units).toBe(3);
    expect(segs.table.rows[0]!.percent.value).toBeCloseTo(2 / 3, 12);
  });

  it('uses the sources both coders coded by default, and names undefined statistics', async () => {
    const { reviewer, a, b, projectId } = await setup();
    const result = await computeAgreement({ userId: reviewer.id, projectId, coderIds: [a.id, b.id], level: { kind: 'existence' } });
    expect(result.sources.map((s) => s.title)).toEqual(['S1', 'S2']);
    // X: S1 (coded, coded), S2 (coded, not) → p_o .5, p_e = 1·.5 → κ 0. Y the mirror image.
    expect(result.table.rows.map((r) => [r.units, r.percent.value, r.cohen.value])).toEqual([
      [2, 0.5, 0],
      [2, 0.5, 0],
    ]);
    const one = await computeAgreement({ userId: reviewer.id, projectId, coderIds: [a.id, b.id], sourceIds: [result.sources[0]!.id], level: { kind: 'existence' } });
    expect(one.table.rows[0]!.cohen).toEqual({ value: null, reason: REASON_NO_VARIATION });
  });

  it('needs two coders with codings', async () => {
    const { owner, a, viewer, projectId } = await setup();
    expect((await rejection(computeAgreement({ userId: owner.id, projectId, coderIds: [a.id], level: { kind: 'existence' } }))).code).toBe('INVALID_INPUT');
    expect((await rejection(computeAgreement({ userId: owner.id, projectId, coderIds: [a.id, viewer.id], level: { kind: 'existence' } }))).code).toBe('INVALID_INPUT');
  });
});

describe('blind coding', () => {
  it('coders see only their own codings on a blind project until the owner releases them', async () => {
    const { owner, a, b, reviewer, viewer, projectId, s1, x } = await setup();
    const coders = async (userId: string) => [...new Set((await listSourceCodings({ userId, projectId, sourceId: s1.id })).map((c) => c.coderId))].sort();
    const both = [a.id, b.id].sort();
    expect(await coders(a.id)).toEqual(both);
    expect((await rejection(changeProjectBlind({ userId: a.id, projectId, change: 'on' }))).code).toBe('FORBIDDEN');
    await changeProjectBlind({ userId: owner.id, projectId, change: 'on' });
    expect(await coders(a.id)).toEqual([a.id]);
    expect(await coders(b.id)).toEqual([b.id]);
    expect(await coders(viewer.id)).toEqual([]);
    expect(await coders(owner.id)).toEqual(both);
    expect(await coders(reviewer.id)).toEqual(both);
    const retrieval = await listCodedSegments({ userId: b.id, projectId, codeId: x.id });
    expect(retrieval.map((s) => [s.start, s.end])).toEqual([[0, 9]]);
    await changeProjectBlind({ userId: owner.id, projectId, change: 'release' });
    expect(await coders(a.id)).toEqual(both);
    expect(await coders(viewer.id)).toEqual(both);
  });

  it('a blind source hides only that source', async () => {
    const { owner, a, b, projectId, s1, s2 } = await setup();
    await changeSourceBlind({ userId: owner.id, projectId, sourceId: s1.id, change: 'on' });
    const seen = async (sourceId: string) => [...new Set((await listSourceCodings({ userId: a.id, projectId, sourceId })).map((c) => c.coderId))].sort();
    expect(await seen(s1.id)).toEqual([a.id]);
    expect(await seen(s2.id)).toEqual([a.id, b.id].sort());
    await changeSourceBlind({ userId: owner.id, projectId, sourceId: s1.id, change: 'release' });
    expect(await seen(s1.id)).toEqual([a.id, b.id].sort());
    expect(await db.projectEvent.count({ where: { projectId, type: 'source.updated' } })).toBe(2);
  });
});

describe('disagreements and their resolution', () => {
  const level = { kind: 'segment', threshold: 90 } as const;

  it('lists disagreements side by side and records each kind of resolution', async () => {
    const { owner, reviewer, a, b, projectId, ids } = await setup();
    const list = async () => listDisagreements({ userId: reviewer.id, projectId, coderIds: [a.id, b.id], level });
    const first = await list();
    expect(first.map((d) => [d.sourceTitle, d.codeName, d.start, d.end, d.a.map((s) => s.codingId), d.b.map((s) => s.codingId)])).toEqual([
      ['S1', 'X', 20, 30, [ids.aX2], []],
      ['S1', 'Y', 40, 50, [ids.aY1], []],
      ['S1', 'Y', 60, 70, [], [ids.bY1]],
      ['S2', 'X', 0, 5, [ids.aX3], []],
      ['S2', 'Y', 0, 5, [], [ids.bY2]],
    ]);
    expect(first[0]!.a[0]!.text).toBe(TEXT.slice(20, 30));

    // Coders may not resolve.
    expect((await rejection(resolveDisagreement({ userId: a.id, projectId, a: [ids.aX2], b: [], decision: 'keep_a' }))).code).toBe('FORBIDDEN');

    // Keep one (B's side, empty): A's coding is removed.
    await resolveDisagreement({ userId: reviewer.id, projectId, a: [ids.aX2], b: [], decision: 'keep_b' });
    expect(await db.coding.findUnique({ where: { id: ids.aX2 } })).toBeNull();
    // Keep both: codings stay, the disagreement leaves the list.
    await resolveDisagreement({ userId: owner.id, projectId, a: [ids.aY1], b: [], decision: 'keep_both', note: 'Both readings hold.' });
    expect(await db.coding.findUnique({ where: { id: ids.aY1 } })).not.toBeNull();
    // Keep one where the other coder has nothing: the coding stays, the disagreement is settled.
    await resolveDisagreement({ userId: owner.id, projectId, a: [], b: [ids.bY1], decision: 'keep_b' });
    expect(await db.coding.findUnique({ where: { id: ids.bY1 } })).not.toBeNull();
    expect((await list()).map((d) => [d.sourceTitle, d.codeName, d.start])).toEqual([
      ['S2', 'X', 0],
      ['S2', 'Y', 0],
    ]);

    // A resolution naming a coding that is gone is a conflict.
    expect((await rejection(resolveDisagreement({ userId: owner.id, projectId, a: [ids.aX2], b: [], decision: 'keep_a' }))).code).toBe('CONFLICT');

    const resolutions = await db.agreementResolution.findMany({ where: { projectId }, orderBy: { createdAt: 'asc' } });
    expect(resolutions.map((r) => [r.decision, r.start, r.end, r.note])).toEqual([
      ['keep_b', 20, 30, ''],
      ['keep_both', 40, 50, 'Both readings hold.'],
      ['keep_b', 60, 70, ''],
    ]);
    expect(JSON.parse(resolutions[0]!.detail)).toMatchObject({ kept: [], removed: [ids.aX2], coders: [a.id] });
    const events = await db.projectEvent.findMany({ where: { projectId, type: { in: ['agreement.resolved', 'coding.deleted'] } }, orderBy: { seq: 'asc' }, select: { type: true, entityId: true } });
    expect(events).toEqual([
      { type: 'coding.deleted', entityId: ids.aX2 },
      { type: 'agreement.resolved', entityId: resolutions[0]!.id },
      { type: 'agreement.resolved', entityId: resolutions[1]!.id },
      { type: 'agreement.resolved', entityId: resolutions[2]!.id },
    ]);
  });

  it('merges two coders’ overlapping codings into one spanning both', async () => {
    const { owner, a, b, projectId, s1, x, ids } = await setup();
    // At 95% the X pair [0,10) / [0,9) disagrees.
    const list = await listDisagreements({ userId: owner.id, projectId, coderIds: [a.id, b.id], level: { kind: 'segment', threshold: 95 } });
    const pair = list.find((d) => d.codeId === x.id && d.start === 0 && d.sourceId === s1.id)!;
    expect(pair.a.map((s) => s.codingId)).toEqual([ids.aX1]);
    expect(pair.b.map((s) => s.codingId)).toEqual([ids.bX1]);
    // A's [0,10) already spans the union: it stays, B's goes.
    const merged = await resolveDisagreement({ userId: owner.id, projectId, a: [ids.aX1], b: [ids.bX1], decision: 'merge' });
    expect(merged.detail).toMatchObject({ kept: [ids.aX1], removed: [ids.bX1] });
    // A new coding when neither spans the union: B [5,15) with A [0,10) → A's [0,15).
    const bNew = (await db.coding.create({ data: { projectId, coderId: b.id, codeId: x.id, sourceId: s1.id, start: 5, end: 15 }, select: { id: true } })).id;
    const second = await resolveDisagreement({ userId: owner.id, projectId, a: [ids.aX1], b: [bNew], decision: 'merge' });
    const created = await db.coding.findUniqueOrThrow({ where: { id: second.detail.created! } });
    expect([created.start, created.end, created.coderId]).toEqual([0, 15, a.id]);
    expect(await db.coding.count({ where: { id: { in: [ids.aX1, bNew] } } })).toBe(0);
    expect((await rejection(resolveDisagreement({ userId: owner.id, projectId, a: [created.id], b: [], decision: 'merge' }))).code).toBe('INVALID_INPUT');
  });
});
