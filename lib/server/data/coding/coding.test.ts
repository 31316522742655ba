import { describe, expect, it } from 'vitest';

import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { rejection } from '../../testing/rejection';
import { createCode } from '../code/create-code';
import { deleteCode } from '../code/delete-code';
import { listCodes } from '../code/list-codes';
import { updateCode } from '../code/update-code';
import { createSourceFromText } from '../source/create-source';
import { applyCode } from './apply-code';
import { adjustCoding, removeCoding, setCodingMemo } from './change-coding';
import { createCodeAndApply } from './create-code-and-apply';
import { listCodedSegments } from './list-code-segments';
import { listSourceCodings } from './list-source-codings';

// 0-based code points: 卖0 家1 说2 ：3 我4 们5 信6 任7 平8 台9 🙂10 ，11 …
const TEXT = '卖家说：我们信任平台🙂，但是物流太慢。\nSeller: we trust the platform, but shipping is slow.';

async function setup() {
  const owner = await makeUser();
  const coder = await makeUser();
  const coder2 = await makeUser();
  const viewer = await makeUser();
  const project = await makeProject(owner.id, [
    { userId: coder.id, role: 'coder' },
    { userId: coder2.id, role: 'coder' },
    { userId: viewer.id, role: 'viewer' },
  ]);
  const source = await createSourceFromText({ userId: owner.id, projectId: project.id, input: { title: 'Interview 1', kind: 'interview', folderId: null, text: TEXT } });
  const p = { projectId: project.id, sourceId: source.id };
  return { owner, coder, coder2, viewer, project, source, p };
}

describe('codes and codings', () => {
  it('codes overlapping ranges with emoji and Chinese at exact code points, and retrieves them', async () => {
    const { coder, coder2, p } = await setup();
    const trust = await createCode({ userId: coder.id, projectId: p.projectId, input: { name: 'trust in platform', definition: '' } });
    const a = await applyCode({ userId: coder.id, ...p, input: { codeId: trust.id, start: 6, end: 11 } });
    // An in-vivo concept overlapping the first coding, by another coder.
    const invivo = await createCodeAndApply({ userId: coder2.id, ...p, input: { name: '  物流太慢 ', start: 9, end: 18 } });
    expect(invivo.code.name).toBe('物流太慢');
    const codings = await listSourceCodings({ userId: coder.id, ...p });
    expect(codings.map((c) => [c.codeId, c.start, c.end, c.coderId])).toEqual([
      [trust.id, 6, 11, coder.id],
      [invivo.code.id, 9, 18, coder2.id],
    ]);
    const segments = await listCodedSegments({ userId: coder.id, projectId: p.projectId, codeId: trust.id, context: 3 });
    expect(segments).toHaveLength(1);
    expect(segments[0]).toMatchObject({ codingId: a.id, text: '信任平台🙂', before: '…：我们', sourceTitle: 'Interview 1' });
    const codes = await listCodes({ userId: coder.id, projectId: p.projectId });
    expect(codes.map((c) => [c.name, c.segmentCount, c.sourceCount])).toEqual([
      ['trust in platform', 1, 1],
      ['物流太慢', 1, 1],
    ]);
  });

  it('returns the existing coding for an exact duplicate and reuses an in-vivo code of the same name', async () => {
    const { coder, p } = await setup();
    const first = await createCodeAndApply({ userId: coder.id, ...p, input: { name: 'shipping', start: 20, end: 26 } });
    const again = await applyCode({ userId: coder.id, ...p, input: { codeId: first.code.id, start: 20, end: 26 } });
    expect(again.id).toBe(first.coding.id);
    const reuse = await createCodeAndApply({ userId: coder.id, ...p, input: { name: 'shipping', start: 30, end: 35 } });
    expect(reuse.code.id).toBe(first.code.id);
    expect(reuse.code.segmentCount).toBe(2);
    expect(await db.code.count({ where: { projectId: p.projectId } })).toBe(1);
  });

  it('refuses ranges outside the source, codes of other projects, and viewers — storing nothing', async () => {
    const { coder, viewer, p } = await setup();
    const other = await setup();
    const code = await createCode({ userId: coder.id, projectId: p.projectId, input: { name: 'c', definition: '' } });
    const foreign = await createCode({ userId: other.coder.id, projectId: other.p.projectId, input: { name: 'x', definition: '' } });
    const length = [...TEXT].length;
    expect((await rejection(applyCode({ userId: coder.id, ...p, input: { codeId: code.id, start: length - 1, end: length + 1 } }))).code).toBe('INVALID_INPUT');
    expect((await rejection(applyCode({ userId: coder.id, ...p, input: { codeId: foreign.id, start: 0, end: 2 } }))).code).toBe('NOT_FOUND');
    expect((await rejection(applyCode({ userId: coder.id, projectId: p.projectId, sourceId: other.source.id, input: { codeId: code.id, start: 0, end: 2 } }))).code).toBe('NOT_FOUND');
    expect((await rejection(applyCode({ userId: viewer.id, ...p, input: { codeId: code.id, start: 0, end: 2 } }))).code).toBe('FORBIDDEN');
    expect((await rejection(createCode({ userId: viewer.id, projectId: p.projectId, input: { name: 'v', definition: '' } }))).code).toBe('FORBIDDEN');
    expect(await db.coding.count({ where: { projectId: p.projectId } })).toBe(0);
  });

  it('lets coders change only their own codings; owners any', async () => {
    const { owner, coder, coder2, p } = await setup();
    const { coding } = await createCodeAndApply({ userId: coder.id, ...p, input: { name: 'trust', start: 6, end: 8 } });
    expect((await rejection(removeCoding({ userId: coder2.id, projectId: p.projectId, codingId: coding.id }))).code).toBe('FORBIDDEN');
    expect((await rejection(adjustCoding({ userId: coder2.id, projectId: p.projectId, codingId: coding.id, start: 6, end: 10 }))).code).toBe('FORBIDDEN');
    const adjusted = await adjustCoding({ userId: coder.id, projectId: p.projectId, codingId: coding.id, start: 6, end: 10 });
    expect([adjusted.start, adjusted.end]).toEqual([6, 10]);
    await removeCoding({ userId: owner.id, projectId: p.projectId, codingId: coding.id });
    expect(await db.coding.count({ where: { id: coding.id } })).toBe(0);
  });

  it('keeps one memo per coding, clears it with empty text, and deletes it with the coding', async () => {
    const { coder, p } = await setup();
    const { coding } = await createCodeAndApply({ userId: coder.id, ...p, input: { name: 'trust', start: 6, end: 8 } });
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Key moment' }] }] };
    const withMemo = await setCodingMemo({ userId: coder.id, projectId: p.projectId, codingId: coding.id, body, text: 'Key moment' });
    expect(withMemo.memo).toBe('Key moment');
    await setCodingMemo({ userId: coder.id, projectId: p.projectId, codingId: coding.id, body, text: 'Key moment, revised' });
    expect(await db.memo.count({ where: { codingId: coding.id } })).toBe(1);
    expect((await setCodingMemo({ userId: coder.id, projectId: p.projectId, codingId: coding.id, body: { type: 'doc', content: [] }, text: '' })).memo).toBe('');
    await setCodingMemo({ userId: coder.id, projectId: p.projectId, codingId: coding.id, body, text: 'again' });
    await removeCoding({ userId: coder.id, projectId: p.projectId, codingId: coding.id });
    expect(await db.memo.count({ where: { projectId: p.projectId } })).toBe(0);
  });

  it('renames and recolours codes; deleting one reports and removes its codings', async () => {
    const { coder, p } = await setup();
    const a = await createCodeAndApply({ userId: coder.id, ...p, input: { name: 'a', start: 0, end: 2 } });
    await applyCode({ userId: coder.id, ...p, input: { codeId: a.code.id, start: 4, end: 6 } });
    const b = await createCode({ userId: coder.id, projectId: p.projectId, input: { name: 'b', definition: '' } });
    expect((await rejection(updateCode({ userId: coder.id, projectId: p.projectId, codeId: b.id, input: { name: 'a' } }))).code).toBe('CONFLICT');
    await updateCode({ userId: coder.id, projectId: p.projectId, codeId: a.code.id, input: { name: 'renamed', color: '#123456' } });
    expect(await db.code.findUnique({ where: { id: a.code.id }, select: { name: true, color: true } })).toEqual({ name: 'renamed', color: '#123456' });
    expect(await deleteCode({ userId: coder.id, projectId: p.projectId, codeId: a.code.id })).toEqual({ codingsDeleted: 2 });
    expect(await db.coding.count({ where: { projectId: p.projectId } })).toBe(0);
  });

  it('deleting a source deletes its codings and their memos', async () => {
    const { coder, p } = await setup();
    await createCodeAndApply({ userId: coder.id, ...p, input: { name: 'a', start: 0, end: 2 } });
    await db.source.delete({ where: { id: p.sourceId } });
    expect(await db.coding.count({ where: { projectId: p.projectId } })).toBe(0);
  });
});
