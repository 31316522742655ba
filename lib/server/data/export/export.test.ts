import { describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors/app-error';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { runJob } from '../../jobs/pool';
import { rejection } from '../../testing/rejection';
import { createCode } from '../code/create-code';
import { applyCode } from '../coding/apply-code';
import { createSourceFromText } from '../source/create-source';

const TEXT = '卖家说：我们信任平台🙂，但是物流太慢。\nSeller: we trust the platform, but shipping is slow.';

/** Exports run in a worker thread that reads the same database through the same data layer. */
describe('exports in the job pool', () => {
  it('writes the coded segments and the hierarchy table in a worker, for members only', async () => {
    const owner = await makeUser();
    const stranger = await makeUser();
    const project = await makeProject(owner.id, [], '跨境 export');
    const source = await createSourceFromText({ userId: owner.id, projectId: project.id, input: { title: 'Interview 1', kind: 'interview', folderId: null, text: TEXT } });
    const code = await createCode({ userId: owner.id, projectId: project.id, input: { name: 'trust in platform', definition: '' } });
    await applyCode({ userId: owner.id, projectId: project.id, sourceId: source.id, input: { codeId: code.id, start: 6, end: 11 } });

    const csv = await runJob('exportCodedSegments', { userId: owner.id, userName: owner.name, projectId: project.id, format: 'csv' });
    expect(csv.fileName).toBe('跨境-export-coded-segments.csv');
    const text = new TextDecoder().decode(csv.body);
    expect(text).toContain('信任平台🙂');
    expect(text).toContain('trust in platform');

    const docx = await runJob('exportHierarchyTable', { userId: owner.id, projectId: project.id, format: 'docx' });
    expect(docx.contentType).toContain('wordprocessingml');
    expect([...docx.body.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip

    const refused = await rejection(runJob('exportCodedSegments', { userId: stranger.id, userName: stranger.name, projectId: project.id, format: 'xlsx' }));
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe('NOT_FOUND');
  });
});
