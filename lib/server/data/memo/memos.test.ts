import { describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors/app-error';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { createCode } from '../code/create-code';
import { createSourceFromText } from '../source/create-source';
import { addMemo, deleteMemo, listMemos } from './memos';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describe('memos on sources and codes', () => {
  it('keeps a timestamped log per target; reviewers write, viewers read; authors or owners delete', async () => {
    const owner = await makeUser();
    const reviewer = await makeUser();
    const viewer = await makeUser();
    const project = await makeProject(owner.id, [
      { userId: reviewer.id, role: 'reviewer' },
      { userId: viewer.id, role: 'viewer' },
    ]);
    const source = await createSourceFromText({ userId: owner.id, projectId: project.id, input: { title: 'S', kind: 'interview', folderId: null, text: 'x' } });
    const code = await createCode({ userId: owner.id, projectId: project.id, input: { name: 'trust', definition: '' } });
    const onSource = { sourceId: source.id };
    const first = await addMemo({ userId: reviewer.id, projectId: project.id, target: onSource, body: doc('First impression'), text: 'First impression' });
    await addMemo({ userId: owner.id, projectId: project.id, target: { codeId: code.id }, body: doc('Definition draft'), text: 'Definition draft' });
    expect(await codeOf(addMemo({ userId: viewer.id, projectId: project.id, target: onSource, body: doc('no'), text: 'no' }))).toBe('FORBIDDEN');
    expect(await codeOf(addMemo({ userId: reviewer.id, projectId: project.id, target: onSource, body: doc(''), text: '  ' }))).toBe('INVALID_INPUT');

    const memos = await listMemos({ userId: viewer.id, projectId: project.id, target: onSource });
    expect(memos.map((m) => [m.text, m.authorId])).toEqual([['First impression', reviewer.id]]);
    expect(memos[0].body).toEqual(doc('First impression'));
    expect((await listMemos({ userId: viewer.id, projectId: project.id, target: { codeId: code.id } })).map((m) => m.text)).toEqual(['Definition draft']);

    const second = await addMemo({ userId: owner.id, projectId: project.id, target: onSource, body: doc('Owner note'), text: 'Owner note' });
    expect(await codeOf(deleteMemo({ userId: reviewer.id, projectId: project.id, memoId: second.id }))).toBe('FORBIDDEN');
    await deleteMemo({ userId: owner.id, projectId: project.id, memoId: first.id });
    expect((await listMemos({ userId: owner.id, projectId: project.id, target: onSource })).map((m) => m.text)).toEqual(['Owner note']);
  });

  it('never attaches a memo to another project’s source', async () => {
    const a = await makeUser();
    const b = await makeUser();
    const pa = await makeProject(a.id);
    const pb = await makeProject(b.id);
    const source = await createSourceFromText({ userId: a.id, projectId: pa.id, input: { title: 'S', kind: 'other', folderId: null, text: 'x' } });
    expect(await codeOf(addMemo({ userId: b.id, projectId: pb.id, target: { sourceId: source.id }, body: doc('x'), text: 'x' }))).toBe('NOT_FOUND');
  });
});
