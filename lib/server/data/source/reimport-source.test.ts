import { describe, expect, it } from 'vitest';

import { readFixture as fixture } from '@/lib/io/fixtures/read-fixture';
import { looksMisdecoded } from '@/lib/sources/misdecoded';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { rejection } from '../../testing/rejection';
import { createSourceFromFile } from './create-source';
import { getReimportBlock, reimportSourceFile } from './reimport-source';

// Issue 14 (6d): a text read with the wrong encoding can be imported again while nothing points into it.
describe('reimportSourceFile', () => {
  it('replaces garbled text with the file read in the chosen encoding, keeping the details; refused once coded', { timeout: 120_000 }, async () => {
    const owner = await makeUser();
    const viewer = await makeUser();
    const project = await makeProject(owner.id, [{ userId: viewer.id, role: 'viewer' }]);
    const ids = { userId: owner.id, projectId: project.id };
    const created = await createSourceFromFile({ ...ids, fileName: 'gbk-interview.txt', bytes: fixture('gbk-interview.txt'), encoding: 'windows-1252', kind: 'interview' });
    const before = await db.source.findUniqueOrThrow({ where: { id: created.id } });
    expect(before.encoding).toBe('windows-1252');
    expect(looksMisdecoded(before.text)).toBe(true);
    expect(await getReimportBlock({ ...ids, sourceId: created.id })).toBeNull();

    expect((await rejection(reimportSourceFile({ userId: viewer.id, projectId: project.id, sourceId: created.id, fileName: 'gbk-interview.txt', bytes: fixture('gbk-interview.txt'), encoding: 'gb18030' }))).code).toBe('FORBIDDEN');

    const result = await reimportSourceFile({ ...ids, sourceId: created.id, fileName: 'gbk-interview.txt', bytes: fixture('gbk-interview.txt'), encoding: 'gb18030' });
    expect(result.encoding).toBe('gb18030');
    const after = await db.source.findUniqueOrThrow({ where: { id: created.id } });
    expect(after.text).toContain('采访者：您好，请先介绍一下您的工作经历。');
    expect(looksMisdecoded(after.text)).toBe(false);
    expect(after.length).toBe([...after.text].length);
    expect(after).toMatchObject({ title: before.title, kind: 'interview', encoding: 'gb18030', contentHash: before.contentHash });

    // Once coded, the text is fixed: codings are offsets into it.
    const code = await db.code.create({ data: { projectId: project.id, name: '工作经历', color: '#2e86ab' } });
    await db.coding.create({ data: { projectId: project.id, sourceId: created.id, codeId: code.id, coderId: owner.id, start: 0, end: 3 } });
    expect(await getReimportBlock({ ...ids, sourceId: created.id })).toBe('codings');
    const refused = await rejection(reimportSourceFile({ ...ids, sourceId: created.id, fileName: 'gbk-interview.txt', bytes: fixture('gbk-interview.txt'), encoding: 'big5' }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.userMessage).toMatch(/already has codings/);
    expect((await db.source.findUniqueOrThrow({ where: { id: created.id } })).text).toBe(after.text);

    const stranger = await makeUser();
    expect((await rejection(getReimportBlock({ userId: stranger.id, projectId: project.id, sourceId: created.id }))).code).toBe('NOT_FOUND');
  });
});
