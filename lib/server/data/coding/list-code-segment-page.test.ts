import { beforeAll, describe, expect, it, vi } from 'vitest';

import { descendantIds, rollUpOne } from '@/lib/coding/hierarchy';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { rejection } from '../../testing/rejection';
import { createCode } from '../code/create-code';
import { loadHierarchy } from '../hierarchy/load-hierarchy';
import { createSourceFromText } from '../source/create-source';
import { type CodedSegment, listCodedSegments } from './list-code-segments';
import { listCodeSegmentPage } from './list-code-segment-page';

// 0-based code points: emoji and Chinese count one each, so excerpts must cut at code points.
const LINE = 'Seller: we trust the platform 🙂, but shipping is slow. 我们信任平台，但是物流太慢。 Returns are easy.\n';

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
  const projectId = project.id;
  const text = LINE.repeat(40);
  // Titles out of creation order, so the list's order (by title) is not the database's.
  const sources = [];
  for (const title of ['Interview C', 'Interview A', 'Interview B']) {
    sources.push(await createSourceFromText({ userId: owner.id, projectId, input: { title, kind: 'interview', folderId: null, text } }));
  }
  const code = (name: string, level: 1 | 2 | 3 | 4 = 1, parentId: string | null = null) => createCode({ userId: coder.id, projectId, input: { name, definition: '', level, parentId } });
  const category = await code('platform dependence', 2);
  const trust = await code('trust', 1, category.id);
  const slow = await code('slow shipping', 1, category.id);
  const loose = await code('returns');
  // 3 sources × 12 places × (trust; slow shipping; the same trust span by a second coder every
  // third place; the category itself every fourth) + a loose concept outside the subtree.
  // Stored directly (applyCode is tested elsewhere): 147 calls would dominate the test.
  const rows: Array<{ projectId: string; sourceId: string; codeId: string; start: number; end: number; coderId: string }> = [];
  const coding = (codeId: string, sourceId: string, start: number, end: number, coderId = coder.id) => rows.push({ projectId, sourceId, codeId, start, end, coderId });
  for (const source of sources) {
    for (let i = 0; i < 12; i++) {
      const at = i * LINE.length * 3;
      coding(trust.id, source.id, at + 11, at + 30);
      coding(slow.id, source.id, at + 35, at + 54);
      if (i % 3 === 0) coding(trust.id, source.id, at + 11, at + 30, coder2.id);
      if (i % 4 === 0) coding(category.id, source.id, at + 56, at + 62);
      coding(loose.id, source.id, at + 80, at + 97);
    }
  }
  await db.coding.createMany({ data: rows });
  // A memo on one coding: the page carries it like the whole list does.
  const memoOn = await db.coding.findFirstOrThrow({ where: { projectId, codeId: slow.id }, select: { id: true } });
  await db.memo.create({ data: { projectId, codingId: memoOn.id, authorId: coder.id, body: '{"type":"doc"}', text: 'slow after the rule change' } });
  return { owner, coder, viewer, projectId, sources, category, trust, slow, loose };
}

const key = (s: CodedSegment) => `${s.sourceTitle}\u0000${String(s.start).padStart(8, '0')}\u0000${s.codeName}`;

describe('listCodeSegmentPage', () => {
  let fixture: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    fixture = await setup();
  });
  it('pages the whole list in its order, without gaps or overlaps, with the same excerpts and exact roll-ups', async () => {
    const { viewer, projectId, category } = fixture;
    const hierarchy = await loadHierarchy({ userId: viewer.id, projectId });
    const below = [...descendantIds(hierarchy.codes, category.id)];
    const all = await listCodedSegments({ userId: viewer.id, projectId, codeId: category.id, alsoCodeIds: below });
    // 3 × (12 + 12 + 4 + 3) codings of the subtree.
    expect(all).toHaveLength(93);

    const pages: CodedSegment[][] = [];
    for (let page = 1; ; page++) {
      const result = await listCodeSegmentPage({ userId: viewer.id, projectId, codeId: category.id, alsoCodeIds: below, page, pageSize: 20 });
      expect(result).toMatchObject({ total: 93, page, pageSize: 20, pageCount: 5, offset: (page - 1) * 20 });
      expect(result.segments).toHaveLength(page < 5 ? 20 : 13);
      // Every listed coding's span on every page, and the counts the page shows from them are exact.
      expect(result.spans).toHaveLength(93);
      expect(rollUpOne(hierarchy.codes, category.id, result.spans)).toEqual(rollUpOne(hierarchy.codes, category.id, all));
      pages.push(result.segments);
      if (page === result.pageCount) break;
    }
    const joined = pages.flat();
    expect(new Set(joined.map((s) => s.codingId)).size).toBe(93);
    expect(new Set(joined.map((s) => s.codingId))).toEqual(new Set(all.map((s) => s.codingId)));
    // The same order as the whole list (by source title, position, code name) …
    expect(joined.map(key)).toEqual(all.map(key));
    expect(joined.map((s) => s.sourceTitle).slice(0, 1)).toEqual(['Interview A']);
    // … and each segment exactly as the whole list gives it (text, context, coder, memo).
    const whole = new Map(all.map((s) => [s.codingId, s]));
    for (const s of joined) expect(s).toEqual(whole.get(s.codingId));
    expect(joined.filter((s) => s.memo).map((s) => s.memo)).toEqual(['slow after the rule change']);
    expect(joined[0].text).toBe(Array.from(LINE).slice(11, 30).join(''));
  });

  it('orders ties (one span, one code, two coders) the same way on every call', async () => {
    const { viewer, projectId, trust } = fixture;
    const ids = async () => (await listCodeSegmentPage({ userId: viewer.id, projectId, codeId: trust.id, pageSize: 7, page: 2 })).segments.map((s) => s.codingId);
    const first = await ids();
    expect(first).toHaveLength(7);
    expect(await ids()).toEqual(first);
  });

  it('moves out-of-range pages to the nearest page and gives an empty code one empty page', async () => {
    const { viewer, coder, projectId, trust } = fixture;
    const at = (page: number) => listCodeSegmentPage({ userId: viewer.id, projectId, codeId: trust.id, page, pageSize: 20 });
    // trust: 3 × (12 + 4) codings → pages of 20, 20 and 8.
    expect(await at(99)).toMatchObject({ total: 48, page: 3, pageCount: 3, offset: 40 });
    expect((await at(99)).segments).toHaveLength(8);
    expect(await at(0)).toMatchObject({ page: 1, offset: 0 });
    expect(await at(-3)).toMatchObject({ page: 1 });
    expect(await at(Number.NaN)).toMatchObject({ page: 1 });
    const unused = await createCode({ userId: coder.id, projectId, input: { name: 'unused', definition: '', level: 1, parentId: null } });
    expect(await listCodeSegmentPage({ userId: viewer.id, projectId, codeId: unused.id, page: 4 })).toEqual({
      segments: [],
      total: 0,
      page: 1,
      pageSize: 50,
      pageCount: 1,
      offset: 0,
      spans: [],
    });
  });

  it("reads the text of the shown page's sources only", async () => {
    const { viewer, projectId, trust } = fixture;
    const spy = vi.spyOn(db.source, 'findMany');
    try {
      // trust's first 16 codings are all in "Interview A".
      const result = await listCodeSegmentPage({ userId: viewer.id, projectId, codeId: trust.id, page: 1, pageSize: 16 });
      expect(new Set(result.segments.map((s) => s.sourceTitle))).toEqual(new Set(['Interview A']));
      const textReads = spy.mock.calls.map(([args]) => args as { where?: { id?: { in?: string[] } }; select?: { text?: boolean } }).filter((a) => a.select?.text);
      expect(textReads).toHaveLength(1);
      expect(textReads[0].where?.id?.in).toEqual([result.segments[0].sourceId]);
    } finally {
      spy.mockRestore();
    }
  });

  it('is NOT_FOUND for non-members and for a code of another project', async () => {
    const { viewer, projectId, trust } = fixture;
    const outsider = await makeUser();
    expect((await rejection(listCodeSegmentPage({ userId: outsider.id, projectId, codeId: trust.id }))).code).toBe('NOT_FOUND');
    const other = await setup();
    expect((await rejection(listCodeSegmentPage({ userId: viewer.id, projectId, codeId: other.trust.id }))).code).toBe('NOT_FOUND');
    // Another project's code smuggled in as a code "below" lists none of its codings.
    const mixed = await listCodeSegmentPage({ userId: viewer.id, projectId, codeId: trust.id, alsoCodeIds: [other.slow.id] });
    expect(mixed.total).toBe(48);
  });
});
