import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';

import { POST as attributesPost } from '@/app/api/projects/[projectId]/cases/attributes/route';
import { GET as matrixGet } from '@/app/api/projects/[projectId]/cases/matrix/route';
import { GET as cellGet } from '@/app/api/projects/[projectId]/cases/matrix/cell/route';
import { GET as matrixExport } from '@/app/api/projects/[projectId]/cases/matrix/export/route';
import { PUT as summaryPut } from '@/app/api/projects/[projectId]/cases/matrix/summary/route';
import { PUT as tablePut } from '@/app/api/projects/[projectId]/cases/table/route';
import { POST as importPost } from '@/app/api/projects/[projectId]/cases/table/import/route';
import { POST as previewPost } from '@/app/api/projects/[projectId]/cases/table/import/preview/route';
import type { CaseMatrix } from '@/lib/cases/matrix';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import type { SessionUser } from '../../auth/session';
import { db } from '../../db/client';
import { loadTriangulation } from './triangulation';

/** Cases and attributes below HTTP: real route handlers, worker jobs and database; only the session is stubbed. */
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/server/auth/session', () => ({ currentUser: async () => session.user }));

const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const json = (url: string, body: unknown, method = 'POST') => new Request(url, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

async function setup() {
  const owner = await makeUser({ name: 'Ana Owner' });
  const coder = await makeUser({ name: 'Ben Coder' });
  const viewer = await makeUser({ name: 'Vic Viewer' });
  const project = await makeProject(owner.id, [
    { userId: coder.id, role: 'coder' },
    { userId: viewer.id, role: 'viewer' },
  ]);
  const as = (u: { id: string; email: string; name: string }) => (session.user = { id: u.id, email: u.email, name: u.name });
  as(owner);
  return { owner, coder, viewer, as, projectId: project.id, api: `http://localhost/api/projects/${project.id}` };
}

const TEXT = 'We sent samples to bloggers. The team trusts the manager. Buyers compare prices online every week.';

describe('case comparison matrix', () => {
  it('counts distinct segments by hand: overlapping codings by two coders, roll-up to categories and main categories', async () => {
    const { owner, coder, viewer, as, projectId, api } = await setup();
    const p1 = await db.case.create({ data: { projectId, name: 'P1' } });
    const p2 = await db.case.create({ data: { projectId, name: 'P2' } });
    const src = (title: string, kind: string, caseId: string | null) => db.source.create({ data: { projectId, kind, title, format: 'txt', text: TEXT, length: TEXT.length, wordCount: 16, caseId } });
    const s1 = await src('Interview P1', 'interview', p1.id);
    const s2 = await src('Field note P1', 'fieldnote', p1.id);
    const s3 = await src('Interview P2', 'interview', p2.id);
    const s4 = await src('Article', 'literature', null);
    const code = (name: string, label: string, level: number, parentId: string | null = null) => db.code.create({ data: { projectId, name, label, level, parentId, color: '#336699' } });
    const a1 = await code('Marketplace trust', 'A1', 3);
    const b1 = await code('Seeding reviews', 'B1', 2, a1.id);
    const b2 = await code('Price work', 'B2', 2, a1.id);
    const c1 = await code('samples', 'C1', 1, b1.id);
    const c2 = await code('bloggers', 'C2', 1, b1.id);
    const c3 = await code('comparing', 'C3', 1, b2.id);
    const coding = (sourceId: string, codeId: string, start: number, end: number, coderId: string) => db.coding.create({ data: { projectId, sourceId, codeId, start, end, coderId } });
    // P1 · s1: "We sent samples to bloggers." 0–28 coded C1 by Ana AND by Ben (one segment);
    // C2 on 3–28 by Ben (overlapping, a different range: a second segment);
    // C2 on 0–28 by Ana (same range as the first: still one).
    await coding(s1.id, c1.id, 0, 28, owner.id);
    await coding(s1.id, c1.id, 0, 28, coder.id);
    await coding(s1.id, c2.id, 3, 28, coder.id);
    await coding(s1.id, c2.id, 0, 28, owner.id);
    // P1 · s2: C1 on 29–57 by Ben → third B1 segment for P1.
    await coding(s2.id, c1.id, 29, 57, coder.id);
    // P2 · s3: C3 on 58–96 by both coders → one B2 segment; C1 on 0–28 by Ana → one B1 segment.
    await coding(s3.id, c3.id, 58, 96, owner.id);
    await coding(s3.id, c3.id, 58, 96, coder.id);
    await coding(s3.id, c1.id, 0, 28, owner.id);
    // No case: never counted.
    await coding(s4.id, c1.id, 0, 28, owner.id);

    as(viewer);
    const get = async (level: number) => {
      const res = await matrixGet(new Request(`${api}/cases/matrix?level=${level}`), params({ projectId }));
      expect(res.status).toBe(200);
      return (await res.json()) as CaseMatrix;
    };
    const level2 = await get(2);
    expect(level2.columns.map((c) => c.label)).toEqual(['B1', 'B2']);
    expect(level2.rows.map((r) => [r.caseName, ...r.counts])).toEqual([
      ['P1', 3, 0],
      ['P2', 1, 1],
    ]);
    expect(level2.sourcesWithoutCase).toBe(1);
    const level3 = await get(3);
    expect(level3.rows.map((r) => r.counts)).toEqual([[3], [2]]);
    const level1 = await get(1);
    expect(level1.rows.map((r) => r.counts)).toEqual([
      [2, 2, 0], // C1: 0–28 in s1, 29–57 in s2; C2: 3–28 and 0–28
      [1, 0, 1],
    ]);

    // Drill-down: P1 × B1 gives the three segments, the shared one with both coders and codes.
    const cell = await cellGet(new Request(`${api}/cases/matrix/cell?caseId=${p1.id}&codeId=${b1.id}`), params({ projectId }));
    const body = (await cell.json()) as { total: number; segments: Array<{ text: string; coders: string[]; codes: string[]; sourceTitle: string }> };
    expect(body.total).toBe(3);
    expect(body.segments[1]).toMatchObject({ text: 'We sent samples to bloggers.', sourceTitle: 'Interview P1', codes: ['C1 samples', 'C2 bloggers'] });
    expect(body.segments[1].coders.sort()).toEqual(['Ana Owner', 'Ben Coder']);
    expect(body.segments.map((s) => s.text)).toContain('The team trusts the manager.');

    // Summaries: viewers may not write; coders may; the XLSX holds the counts as numbers.
    const summary = (text: string) => summaryPut(json(`${api}/cases/matrix/summary`, { caseId: p2.id, codeId: b2.id, text }, 'PUT'), params({ projectId }));
    expect((await summary('Compares prices weekly')).status).toBe(403);
    as(coder);
    expect((await summary('Compares prices weekly')).status).toBe(200);
    expect((await get(2)).rows[1].summaries).toEqual(['', 'Compares prices weekly']);

    const xlsx = await matrixExport(new Request(`${api}/cases/matrix/export?format=xlsx&level=2&mode=count`), params({ projectId }));
    expect(xlsx.status).toBe(200);
    const files = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toMatch(/<c r="B2"[^>]*><v>3<\/v><\/c>/);
    const docx = await matrixExport(new Request(`${api}/cases/matrix/export?format=docx&level=2&mode=summary`), params({ projectId }));
    expect(strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml'])).toContain('Compares prices weekly');

    // Triangulation: B1 in two interviews and a field note (and the article, with no case: kinds count all sources).
    const tri = await loadTriangulation({ userId: viewer.id, projectId });
    const b1row = tri.rows.find((r) => r.label === 'B1')!;
    expect(b1row.counts).toMatchObject({ interview: 2, fieldnote: 1, literature: 1, statistics: 0 });
  });
});

describe('attribute table', () => {
  it('sets typed values, and an import with a bad number or date names the row and stores nothing', async () => {
    const { as, viewer, projectId, api } = await setup();
    await db.case.create({ data: { projectId, name: 'P01' } });
    const created = await attributesPost(json(`${api}/cases/attributes`, { name: 'age', type: 'number' }), params({ projectId }));
    expect(created.status).toBe(201);
    const age = ((await created.json()) as { attribute: { id: string } }).attribute;
    const p01 = await db.case.findFirstOrThrow({ where: { projectId, name: 'P01' } });
    const put = (value: string) => tablePut(json(`${api}/cases/table`, { caseId: p01.id, attributeId: age.id, value }, 'PUT'), params({ projectId }));
    expect(await (await put(' 34.0 ')).json()).toEqual({ value: '34' });
    const bad = await put('thirty');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('age: “thirty” is not a number.');

    const before = { cases: await db.case.count({ where: { projectId } }), attributes: await db.caseAttribute.count({ where: { projectId } }), values: await db.caseAttributeValue.findMany({ select: { value: true } }) };
    const csv = 'case,age,joined,region\nP01,35,2024-01-02,North\nP02,41,2024-02-30,South\nP03,4x,2024-03-01,North\nP04,50,2024-03-02,South\nP05,,,\n';
    const preview = await previewPost(new Request(`${api}/cases/table/import/preview`, { method: 'POST', body: new TextEncoder().encode(csv), headers: { 'content-type': 'text/csv' } }), params({ projectId }));
    const plan = ((await preview.json()) as { plan: { errors: Array<{ message: string }>; newCases: string[] } }).plan;
    expect(plan.newCases).toEqual(['P02', 'P03', 'P04', 'P05']);
    expect(plan.errors.map((e) => e.message)).toEqual([
      'Row 3 (case “P02”), column “joined” (date): “2024-02-30” is not a date of the calendar.',
      'Row 4 (case “P03”), column “age” (number): “4x” is not a number.',
    ]);
    const refused = await importPost(json(`${api}/cases/table/import`, { text: csv }), params({ projectId }));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe('Row 3 (case “P02”), column “joined” (date): “2024-02-30” is not a date of the calendar. (1 more problem) Nothing was imported.');
    expect(await db.case.count({ where: { projectId } })).toBe(before.cases);
    expect(await db.caseAttribute.count({ where: { projectId } })).toBe(before.attributes);
    expect(await db.caseAttributeValue.findMany({ select: { value: true } })).toEqual(before.values);

    // Fixed, it imports: P02–P05 created, joined and region created with their types.
    const fixed = csv.replace('2024-02-30', '2024-02-28').replace('4x', '44');
    as(viewer);
    expect((await importPost(json(`${api}/cases/table/import`, { text: fixed, types: { joined: 'date' } }), params({ projectId }))).status).toBe(403);
    const { owner } = { owner: await db.membership.findFirstOrThrow({ where: { projectId, role: 'owner' }, select: { user: true } }) };
    as(owner.user);
    const ok = await importPost(json(`${api}/cases/table/import`, { text: fixed }), params({ projectId }));
    expect(await ok.json()).toEqual({ createdCases: 4, createdAttributes: 2, values: 12 });
    const attrs = await db.caseAttribute.findMany({ where: { projectId }, orderBy: { position: 'asc' }, select: { name: true, type: true, choices: true } });
    expect(attrs).toEqual([
      { name: 'age', type: 'number', choices: '[]' },
      { name: 'joined', type: 'date', choices: '[]' },
      { name: 'region', type: 'choice', choices: '["North","South"]' },
    ]);
  });
});
