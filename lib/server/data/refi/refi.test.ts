import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';

import { guidFor, toRefiCodebook, toRefiProject, type GwSnapshot } from '@/lib/io/refi/from-groundwork';
import { readQdc, readQdpx } from '@/lib/io/refi/parse';
import { codebookXml, packQdpx } from '@/lib/io/refi/serialize';
import { sampleSnapshot } from '@/lib/io/refi/testing/sample';
import { planImport } from '@/lib/io/refi/to-groundwork';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { rejection } from '../../testing/rejection';
import { importRefiProject } from './import-project';
import { mergeCodebook, previewCodebookMerge } from './merge-codebook';
import { assignPlaceholderCoder, listPlaceholderCoders } from './placeholders';
import { readProjectSnapshot } from './read-project';

/** Stores the sample snapshot as a real project (ids remapped by Prisma defaults). */
async function storeSample(ownerId: string, otherId: string): Promise<string> {
  const s = sampleSnapshot({ alice: ownerId, bob: otherId });
  const project = await makeProject(ownerId, [{ userId: otherId, role: 'coder' }], s.project.name);
  const projectId = project.id;
  await db.project.update({ where: { id: projectId }, data: { description: s.project.description, language: s.project.language, storyline: s.project.storyline, storylineText: s.project.storylineText } });
  const ids = new Map<string, string>();
  const map = (id: string | null) => (id ? (ids.get(id) ?? id) : null);
  for (const f of s.folders) ids.set(f.id, (await db.folder.create({ data: { projectId, name: f.name } })).id);
  for (const a of s.attributes) ids.set(a.id, (await db.caseAttribute.create({ data: { projectId, name: a.name, type: a.type, choices: JSON.stringify(a.choices) } })).id);
  for (const c of s.cases) {
    const row = await db.case.create({ data: { projectId, name: c.name } });
    ids.set(c.id, row.id);
    for (const v of c.values) await db.caseAttributeValue.create({ data: { caseId: row.id, attributeId: map(v.attributeId)!, value: v.value } });
  }
  for (const src of s.sources) {
    const { id, folderId, caseId, createdById, ...rest } = src;
    const row = await db.source.create({ data: { ...rest, projectId, folderId: map(folderId), caseId: map(caseId), createdById, length: [...src.text].length, wordCount: 5 } });
    ids.set(id, row.id);
  }
  for (const c of [...s.codes].sort((a, b) => b.level - a.level)) {
    const { id, parentId, ...rest } = c;
    ids.set(id, (await db.code.create({ data: { ...rest, projectId, parentId: map(parentId) } })).id);
  }
  for (const c of s.codings) {
    ids.set(c.id, (await db.coding.create({ data: { projectId, sourceId: map(c.sourceId)!, codeId: map(c.codeId)!, start: c.start, end: c.end, coderId: c.coderId, createdAt: c.createdAt } })).id);
  }
  for (const m of s.memos) {
    await db.memo.create({ data: { projectId, sourceId: map(m.sourceId), codeId: map(m.codeId), codingId: map(m.codingId), authorId: m.authorId, body: m.body, text: m.text } });
  }
  for (const r of s.relations) {
    const row = await db.codeRelation.create({ data: { projectId, fromId: map(r.fromId)!, toId: map(r.toId)!, type: r.type, customType: r.customType, memo: r.memo, memoText: r.memoText, createdById: r.createdById } });
    for (const e of r.evidence) await db.relationEvidence.create({ data: { relationId: row.id, codingId: map(e)! } });
  }
  return projectId;
}

/** The snapshot without ids: what must survive a round trip. */
function comparable(s: GwSnapshot, userName: (id: string | null) => string | null) {
  const code = new Map(s.codes.map((c) => [c.id, c]));
  const source = new Map(s.sources.map((x) => [x.id, x]));
  const coding = new Map(s.codings.map((c) => [c.id, c]));
  const codingKey = (id: string) => {
    const c = coding.get(id)!;
    return `${source.get(c.sourceId)!.title}|${code.get(c.codeId)!.name}|${c.start}-${c.end}|${userName(c.coderId)}`;
  };
  const attr = new Map(s.attributes.map((a) => [a.id, a.name]));
  const folder = new Map(s.folders.map((f) => [f.id, f.name]));
  const caseName = new Map(s.cases.map((c) => [c.id, c.name]));
  return {
    project: { name: s.project.name, description: s.project.description, language: s.project.language, storyline: s.project.storyline, storylineText: s.project.storylineText },
    sources: s.sources
      .map((x) => ({ title: x.title, text: x.text, kind: x.kind, folder: x.folderId ? folder.get(x.folderId) : null, case: x.caseId ? caseName.get(x.caseId) : null, saturationTest: x.saturationTest, interviewee: x.interviewee, codingOrder: x.codingOrder }))
      .sort((a, b) => a.title.localeCompare(b.title)),
    codes: s.codes
      .map((c) => ({ name: c.name, color: c.color, definition: c.definition, level: c.level, label: c.label, parent: c.parentId ? code.get(c.parentId)!.name : null }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    codings: s.codings.map((c) => codingKey(c.id)).sort(),
    memos: s.memos
      .map((m) => ({ body: m.body, text: m.text, on: m.codingId ? `coding ${codingKey(m.codingId)}` : m.codeId ? `code ${code.get(m.codeId)!.name}` : `source ${source.get(m.sourceId!)!.title}`, author: userName(m.authorId) }))
      .sort((a, b) => a.on.localeCompare(b.on)),
    relations: s.relations
      .map((r) => ({ from: code.get(r.fromId)!.name, to: code.get(r.toId)!.name, type: r.type, customType: r.customType, memo: r.memo, evidence: r.evidence.map(codingKey) }))
      .sort((a, b) => a.from.localeCompare(b.from)),
    attributes: s.attributes.map((a) => ({ name: a.name, type: a.type, choices: a.choices })),
    cases: s.cases.map((c) => ({ name: c.name, values: c.values.map((v) => `${attr.get(v.attributeId)}=${v.value}`).sort() })),
  };
}

describe('REFI-QDA export → import into a new project (database round trip)', () => {
  it('gives the same sources, codes, codings, memos, relations and cases', async () => {
    const alice = await makeUser({ name: 'Alice Ånström' });
    const bob = await makeUser({ name: 'Bob 李' });
    const projectId = await storeSample(alice.id, bob.id);
    const before = await readProjectSnapshot({ userId: alice.id, projectId });

    const bytes = packQdpx(toRefiProject(before));
    const parsed = readQdpx(bytes);
    const plan = planImport(parsed, { meGuid: guidFor('user', alice.id) });
    expect(plan.errors).toEqual([]);
    const result = await importRefiProject({ userId: alice.id, plan });
    expect(result.counts).toMatchObject({ codes: 7, sources: 2, codings: 5, memos: 3, cases: 2, relations: 2, placeholders: 1 });

    const after = await readProjectSnapshot({ userId: alice.id, projectId: result.projectId });
    const names = new Map([...before.users, ...after.users].map((u) => [u.id, u.name]));
    const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    expect(comparable(after, name)).toEqual(comparable(before, name));

    // Byte-identical text (emoji, ZWJ, CJK, CRLF).
    expect(after.sources.map((s) => Buffer.from(s.text, 'utf8').toString('hex')).sort()).toEqual(before.sources.map((s) => Buffer.from(s.text, 'utf8').toString('hex')).sort());

    // Bob became a placeholder that cannot sign in; Alice is the owner and the coder of her codings.
    const placeholder = await db.user.findFirstOrThrow({ where: { name: 'Bob 李', placeholder: true } });
    expect(placeholder.passwordHash).toBe('');
    expect(await db.membership.findMany({ where: { projectId: result.projectId }, select: { userId: true, role: true } })).toEqual([{ userId: alice.id, role: 'owner' }]);

    // The owner gives Bob's codings to a member: they keep their positions; the placeholder goes away.
    await db.membership.create({ data: { projectId: result.projectId, userId: bob.id, role: 'coder' } });
    expect(await listPlaceholderCoders({ userId: alice.id, projectId: result.projectId })).toEqual([{ id: placeholder.id, name: 'Bob 李', codings: 3, memos: 1 }]);
    expect((await rejection(assignPlaceholderCoder({ userId: bob.id, projectId: result.projectId, placeholderId: placeholder.id, memberId: bob.id }))).code).toBe('FORBIDDEN');
    expect(await assignPlaceholderCoder({ userId: alice.id, projectId: result.projectId, placeholderId: placeholder.id, memberId: bob.id })).toEqual({ codings: 3, memos: 1 });
    expect(await db.user.findUnique({ where: { id: placeholder.id } })).toBeNull();
    const reassigned = await readProjectSnapshot({ userId: alice.id, projectId: result.projectId });
    expect(comparable(reassigned, (id) => (id ? (names.get(id) ?? null) : null))).toEqual(comparable(before, name));
  });

  it('stores nothing when the plan has errors', async () => {
    const user = await makeUser();
    const projectsBefore = await db.project.count();
    const parsed = readQdpx(packQdpx(toRefiProject(sampleSnapshot())));
    const broken = { ...parsed, errors: ['A selection in “x” ends past its text.'] };
    const error = await rejection(importRefiProject({ userId: user.id, plan: planImport(broken) }));
    expect(error.userMessage).toMatch(/cannot be imported: A selection/);
    expect(await db.project.count()).toBe(projectsBefore);
  });

  it('rolls back everything when a write fails half-way (all or nothing)', async () => {
    const user = await makeUser();
    const projectsBefore = await db.project.count();
    const usersBefore = await db.user.count();
    const plan = planImport(readQdpx(packQdpx(toRefiProject(sampleSnapshot()))));
    // A coding pointing at a code that is not in the plan fails the insert after the project, users and sources exist.
    plan.codings.push({ ...plan.codings[0], guid: 'bad', codeGuid: 'no-such-code' });
    await expect(importRefiProject({ userId: user.id, plan })).rejects.toThrow();
    expect(await db.project.count()).toBe(projectsBefore);
    expect(await db.user.count()).toBe(usersBefore);
  });

  it('merges a .qdc codebook into an existing project by name', async () => {
    const owner = await makeUser();
    const viewer = await makeUser();
    const project = await makeProject(owner.id, [{ userId: viewer.id, role: 'viewer' }]);
    await db.code.create({ data: { projectId: project.id, name: 'trust', color: '#000000', level: 2, label: 'B1', definition: '' } });
    const codebook = readQdc(strToU8(codebookXml(toRefiCodebook(sampleSnapshot()))));
    const input = { projectId: project.id, codebook, levelMapping: 'nesting' as const };
    const preview = await previewCodebookMerge({ userId: owner.id, ...input });
    expect(preview.merge).toEqual([{ name: 'trust', fillsDefinition: false }]);
    expect(preview.create.map((c) => [c.name, c.level])).toEqual([
      ['Securing the family', 4],
      ['Economic pressure', 3],
      ['Costs 费用', 2],
      ['Price too high 价格', 1],
      ['Relationships', 2],
      ['Family 👪', 1],
    ]);
    expect((await rejection(mergeCodebook({ userId: viewer.id, ...input }))).code).toBe('FORBIDDEN');
    expect(await mergeCodebook({ userId: owner.id, ...input })).toEqual({ created: 6, merged: 1 });
    const codes = await db.code.findMany({ where: { projectId: project.id }, select: { name: true, level: true, label: true, parent: { select: { name: true } } }, orderBy: { name: 'asc' } });
    expect(codes.find((c) => c.name === 'Price too high 价格')).toEqual({ name: 'Price too high 价格', level: 1, label: 'C1', parent: { name: 'Costs 费用' } });
    expect(codes.filter((c) => c.name.toLowerCase() === 'trust')).toHaveLength(1);
    const events = await db.projectEvent.count({ where: { projectId: project.id, type: 'code.created' } });
    expect(events).toBe(6);
  });
});
