import { describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors/app-error';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { createCode } from '../code/create-code';
import { applyCode } from '../coding/apply-code';
import { createSourceFromText } from '../source/create-source';
import { listCodingExcerpts, listEvidenceCandidates, listRelationMemos } from './list-evidence-candidates';
import { createRelation } from './save-relation';

const TEXT = `Seller: we trust the platform 🙂, but fees rose. ${'x'.repeat(300)} End.`;

describe('evidence candidates', () => {
  it('lists the codings of both subtrees, newest first, cut to 240 code points', async () => {
    const owner = await makeUser();
    const stranger = await makeUser();
    const project = await makeProject(owner.id, []);
    const p = { userId: owner.id, projectId: project.id };
    const source = await createSourceFromText({ ...p, input: { title: 'Interview 1', kind: 'interview', folderId: null, text: TEXT } });
    const a2 = await createCode({ ...p, input: { name: 'Channels', definition: '', level: 3 } });
    const b3 = await createCode({ ...p, input: { name: 'Dependence', definition: '', level: 2, parentId: a2.id } });
    const b1 = await createCode({ ...p, input: { name: 'Prices', definition: '', level: 2 } });
    const c1 = await createCode({ ...p, input: { name: 'trust', definition: '', level: 1, parentId: b3.id } });
    const other = await createCode({ ...p, input: { name: 'unrelated', definition: '', level: 1 } });
    const k1 = await applyCode({ ...p, sourceId: source.id, input: { codeId: c1.id, start: 8, end: 31 } });
    await new Promise((r) => setTimeout(r, 5));
    const k2 = await applyCode({ ...p, sourceId: source.id, input: { codeId: b1.id, start: 0, end: 320 } });
    await applyCode({ ...p, sourceId: source.id, input: { codeId: other.id, start: 0, end: 6 } });

    const list = await listEvidenceCandidates({ ...p, codeIds: [a2.id, b1.id] });
    expect(list.map((e) => e.codingId)).toEqual([k2.id, k1.id]);
    expect(list[1]).toEqual({ codingId: k1.id, sourceId: source.id, sourceTitle: 'Interview 1', codeId: c1.id, codeLabel: c1.label, codeName: 'trust', text: 'we trust the platform 🙂', start: 8, end: 31 });
    expect([...list[0].text.slice(0, -1)]).toHaveLength(240);
    expect(list[0].text.endsWith('…')).toBe(true);

    expect(await listEvidenceCandidates({ ...p, codeIds: [b1.id] })).toHaveLength(1);
    await expect(listEvidenceCandidates({ ...p, codeIds: ['nope'] })).rejects.toBeInstanceOf(AppError);
    await expect(listEvidenceCandidates({ userId: stranger.id, projectId: project.id, codeIds: [b1.id] })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const excerpts = await listCodingExcerpts({ ...p, codingIds: [k1.id, 'missing'] });
    expect(excerpts.map((e) => e.codingId)).toEqual([k1.id]);

    const memo = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Why' }] }] };
    const r1 = await createRelation({ ...p, input: { fromId: b3.id, toId: b1.id, type: 'context', customType: '', memo, evidenceCodingIds: [k1.id] } });
    await createRelation({ ...p, input: { fromId: b1.id, toId: b3.id, type: 'context', customType: '', memo: undefined, evidenceCodingIds: [] } });
    expect(await listRelationMemos(p)).toEqual({ [r1.id]: memo });
  });
});
