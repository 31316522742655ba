import { describe, expect, it } from 'vitest';

import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { rejection } from '../../testing/rejection';
import { createCode } from '../code/create-code';
import { applyCode } from '../coding/apply-code';
import { createSourceFromFile, createSourceFromText } from '../source/create-source';
import { codeSearchHits } from './code-search-hits';
import { searchSources } from './search-sources';

// Interview: 信任 at 6, 12 (line 1, 0–16), '\n' at 17, line 2 买18 家19 ：20 Ａ21 Ｉ22 推23 荐24 我25 不26 太27 信28 任29 。30
const INTERVIEW = '卖家说：我们信任平台，也信任买家。\n买家：ＡＩ推荐我不太信任。';
const ARTICLE = 'Trust in platforms (信任平台) is built slowly.\nTRUST is earned.';

async function setup() {
  const owner = await makeUser();
  const coder = await makeUser();
  const viewer = await makeUser();
  const project = await makeProject(owner.id, [
    { userId: coder.id, role: 'coder' },
    { userId: viewer.id, role: 'viewer' },
  ]);
  const add = (title: string, kind: 'interview' | 'literature', text: string) =>
    createSourceFromText({ userId: owner.id, projectId: project.id, input: { title, kind, folderId: null, text } });
  const interview = await add('Interview 1', 'interview', INTERVIEW);
  const article = await add('Article', 'literature', ARTICLE);
  await add('Field note', 'interview', 'nothing relevant');
  const code = await createCode({ userId: coder.id, projectId: project.id, input: { name: 'trust', definition: '' } });
  return { owner, coder, viewer, project, interview, article, code };
}

describe('search across sources', () => {
  it('finds a Chinese phrase in every source, ignoring case and width, grouped by source with context', async () => {
    const { viewer, project, interview, article } = await setup();
    const result = await searchSources({ userId: viewer.id, projectId: project.id, query: '信任' });
    expect(result.searched).toBe(3);
    expect(result.totalHits).toBe(4);
    expect(result.sources.map((s) => [s.title, s.total])).toEqual([
      ['Interview 1', 3],
      ['Article', 1],
    ]);
    expect(result.sources[0].hits.map((h) => [h.start, h.end, h.text])).toEqual([
      [6, 8, '信任'],
      [12, 14, '信任'],
      [28, 30, '信任'],
    ]);
    expect(result.sources[0].hits[0]).toMatchObject({ before: '卖家说：我们', after: expect.stringMatching(/^平台，也信任买家。/) });

    const latin = await searchSources({ userId: viewer.id, projectId: project.id, query: 'ｔｒｕｓｔ' });
    expect(latin.sources.map((s) => [s.sourceId, s.hits.map((h) => h.text)])).toEqual([[article.id, ['Trust', 'TRUST']]]);
    const ai = await searchSources({ userId: viewer.id, projectId: project.id, query: 'ai推荐' });
    expect(ai.sources[0].hits.map((h) => h.text)).toEqual(['ＡＩ推荐']);

    const filtered = await searchSources({ userId: viewer.id, projectId: project.id, query: '信任', filters: { kinds: ['literature'] } });
    expect(filtered.sources.map((s) => s.sourceId)).toEqual([article.id]);
    const one = await searchSources({ userId: viewer.id, projectId: project.id, query: '信任', filters: { sourceIds: [interview.id] } });
    expect(one.searched).toBe(1);
  });

  it('refuses non-members', async () => {
    const { project } = await setup();
    const stranger = await makeUser();
    expect((await rejection(searchSources({ userId: stranger.id, projectId: project.id, query: '信任' }))).code).toBe('NOT_FOUND');
  });
});

describe('coding search hits', () => {
  it('counts first (dry run), then codes every hit in one go, skipping exact duplicates', async () => {
    const { coder, project, interview, code } = await setup();
    // The coder already coded the first hit with this code.
    await applyCode({ userId: coder.id, projectId: project.id, sourceId: interview.id, input: { codeId: code.id, start: 6, end: 8 } });
    const input = { query: '信任', filters: {}, codeId: code.id, unit: 'hit' as const, dryRun: true };
    const plan = await codeSearchHits({ userId: coder.id, projectId: project.id, input });
    expect(plan).toEqual({ hits: 4, codings: 3, sources: 2, duplicates: 1, dryRun: true });
    expect(await db.coding.count({ where: { codeId: code.id } })).toBe(1);

    const done = await codeSearchHits({ userId: coder.id, projectId: project.id, input: { ...input, dryRun: false } });
    expect(done).toMatchObject({ codings: 3, sources: 2, duplicates: 1, dryRun: false });
    const rows = await db.coding.findMany({ where: { codeId: code.id }, select: { sourceId: true, start: true, end: true, coderId: true }, orderBy: [{ start: 'asc' }] });
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.coderId === coder.id)).toBe(true);
    expect(rows.filter((r) => r.sourceId === interview.id).map((r) => [r.start, r.end])).toEqual([
      [6, 8],
      [12, 14],
      [28, 30],
    ]);

    // Again: everything is a duplicate now.
    const again = await codeSearchHits({ userId: coder.id, projectId: project.id, input: { ...input, dryRun: false } });
    expect(again).toMatchObject({ codings: 0, duplicates: 4 });
    expect(await db.coding.count({ where: { codeId: code.id } })).toBe(4);
  });

  it("codes each hit's paragraph once", async () => {
    const { owner, project, interview, code } = await setup();
    const done = await codeSearchHits({
      userId: owner.id,
      projectId: project.id,
      input: { query: '信任', filters: { sourceIds: [interview.id] }, codeId: code.id, unit: 'paragraph', dryRun: false },
    });
    expect(done).toMatchObject({ hits: 3, codings: 2, sources: 1 });
    const rows = await db.coding.findMany({ where: { codeId: code.id }, select: { start: true, end: true }, orderBy: { start: 'asc' } });
    const cps = [...INTERVIEW];
    expect(rows.map((r) => cps.slice(r.start, r.end).join(''))).toEqual(['卖家说：我们信任平台，也信任买家。', '买家：ＡＩ推荐我不太信任。']);
  });

  it("codes each hit's speaker turn in an imported transcript", async () => {
    const { owner, project, code } = await setup();
    const vtt = ['WEBVTT', '', '00:00:01.000 --> 00:00:04.000', '<v 卖家>我们信任平台。', '但是物流太慢。', '', '00:00:05.000 --> 00:00:07.000', '<v 买家>我也信任。', ''].join('\n');
    const source = await createSourceFromFile({ userId: owner.id, projectId: project.id, fileName: 'interview.vtt', bytes: new TextEncoder().encode(vtt) });
    const stored = await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { text: true, structure: true } });
    const turns = (JSON.parse(stored.structure!) as { turns: Array<{ start: number; end: number }> }).turns;
    expect(turns).toHaveLength(2);
    const done = await codeSearchHits({
      userId: owner.id,
      projectId: project.id,
      input: { query: '信任', filters: { sourceIds: [source.id] }, codeId: code.id, unit: 'turn', dryRun: false },
    });
    expect(done).toMatchObject({ hits: 2, codings: 2, sources: 1 });
    const rows = await db.coding.findMany({ where: { codeId: code.id }, select: { start: true, end: true }, orderBy: { start: 'asc' } });
    // Each coding is exactly one speaker turn, the first spanning two lines.
    expect(rows).toEqual(turns.map((t) => ({ start: t.start, end: t.end })));
    const cps = [...stored.text];
    expect(cps.slice(rows[0].start, rows[0].end).join('')).toContain('但是物流太慢');
  });

  it('refuses viewers, codes of another project, and a search without hits', async () => {
    const { viewer, coder, project, code } = await setup();
    const input = { query: '信任', filters: {}, codeId: code.id, unit: 'hit' as const, dryRun: false };
    expect((await rejection(codeSearchHits({ userId: viewer.id, projectId: project.id, input }))).code).toBe('FORBIDDEN');
    const other = await setup();
    expect((await rejection(codeSearchHits({ userId: coder.id, projectId: project.id, input: { ...input, codeId: other.code.id } }))).code).toBe('NOT_FOUND');
    expect((await rejection(codeSearchHits({ userId: coder.id, projectId: project.id, input: { ...input, query: 'zzz' } }))).code).toBe('INVALID_INPUT');
    expect(await db.coding.count({ where: { projectId: project.id } })).toBe(0);
  });
});
