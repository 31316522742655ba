import { describe, expect, it, vi } from 'vitest';

import { GET as cellGet } from '@/app/api/projects/[projectId]/cases/matrix/cell/route';
import { GET as matrixGet } from '@/app/api/projects/[projectId]/cases/matrix/route';
import { DELETE as partDelete } from '@/app/api/projects/[projectId]/cases/[caseId]/parts/[partId]/route';
import { GET as partsGet, POST as partsPost } from '@/app/api/projects/[projectId]/cases/[caseId]/parts/route';
import { POST as quantitizeRoute } from '@/app/api/projects/[projectId]/datasets/[datasetId]/quantitize/route';
import { POST as importRoute } from '@/app/api/projects/[projectId]/datasets/route';
import { GET as speakersGet } from '@/app/api/projects/[projectId]/sources/[sourceId]/speakers/route';
import type { CaseMatrix } from '@/lib/cases/matrix';
import { decodeDataset } from '@/lib/datasets/storage';
import type { Variable } from '@/lib/datasets/types';
import { ZMatrixQuery } from '@/lib/queries/schema';
import type { CodeMatrix } from '@/lib/queries/types';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import type { SessionUser } from '../../auth/session';
import { db } from '../../db/client';
import { queryMatrix } from '../queries/queries';

/** Parts of sources in cases, below HTTP: real route handlers, worker jobs and database; only the session is stubbed. */
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/server/auth/session', () => ({ currentUser: async () => session.user }));

const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const json = (url: string, body: unknown, method = 'POST') => new Request(url, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

// A focus group (89 code points), one turn per line:
//   Anna [0,22) "Anna: I love the shop."   Ben [23,48) "Ben: Prices are too high."
//   Anna [49,70) "Anna: We share posts."   Ben [71,89) "Ben: I never post."
// Anna's text: 22 + 21 = 43 code points; Ben's: 25 + 18 = 43.
const TEXT = 'Anna: I love the shop.\nBen: Prices are too high.\nAnna: We share posts.\nBen: I never post.';
const TURNS = [
  { speaker: 'Anna', startMs: 0, endMs: 1000, start: 0, end: 22 },
  { speaker: 'Ben', startMs: 1000, endMs: 2000, start: 23, end: 48 },
  { speaker: 'Anna', startMs: 2000, endMs: 3000, start: 49, end: 70 },
  { speaker: 'Ben', startMs: 3000, endMs: 4000, start: 71, end: 89 },
];

describe('case parts: transcript speakers and ranges as cases', () => {
  it('quantitizing and the case matrix count a focus group’s two speakers as two cases (hand counts); refusals', async () => {
    const owner = await makeUser({ name: 'Ana Owner' });
    const coder = await makeUser({ name: 'Ben Coder' });
    const viewer = await makeUser({ name: 'Vic Viewer' });
    const project = await makeProject(owner.id, [
      { userId: coder.id, role: 'coder' },
      { userId: viewer.id, role: 'viewer' },
    ]);
    const projectId = project.id;
    const api = `http://localhost/api/projects/${projectId}`;
    const as = (u: { id: string; email: string; name: string }) => (session.user = { id: u.id, email: u.email, name: u.name });
    as(owner);

    expect(TEXT.length).toBe(89);
    const fg = await db.source.create({ data: { projectId, kind: 'interview', title: 'Focus group 1', format: 'vtt', text: TEXT, length: 89, wordCount: 17, structure: JSON.stringify({ turns: TURNS }) } });
    const anna = await db.case.create({ data: { projectId, name: 'Anna' } });
    const ben = await db.case.create({ data: { projectId, name: 'Ben' } });
    const code = (name: string, label: string, level: number, parentId: string | null = null) => db.code.create({ data: { projectId, name, label, level, parentId, color: '#336699' } });
    const b1 = await code('Shop experience', 'B1', 2);
    const c1 = await code('liking', 'C1', 1, b1.id);
    const c2 = await code('prices and posts', 'C2', 1, b1.id);
    const coding = (codeId: string, start: number, end: number, coderId: string) => db.coding.create({ data: { projectId, sourceId: fg.id, codeId, start, end, coderId } });
    await coding(c1.id, 6, 22, owner.id); // "I love the shop." — Anna
    await coding(c1.id, 6, 22, coder.id); // same range by the coder: one segment
    await coding(c2.id, 28, 48, coder.id); // "Prices are too high." — Ben
    await coding(c2.id, 55, 70, owner.id); // "We share posts." — Anna
    await coding(c1.id, 43, 57, coder.id); // "high.\nAnna: We" — Ben [43,48) and Anna [49,57)

    // The source's speakers, for the Cases page.
    as(viewer);
    const speakers = await speakersGet(new Request(`${api}/sources/${fg.id}/speakers`), params({ projectId, sourceId: fg.id }));
    expect(speakers.status).toBe(200);
    expect(await speakers.json()).toEqual({ speakers: [{ speaker: 'Anna', turns: 2 }, { speaker: 'Ben', turns: 2 }] });

    // Refusals: viewers may not add; unknown speaker; range outside the text; a duplicate.
    const add = (caseId: string, body: Record<string, unknown>) => partsPost(json(`${api}/cases/${caseId}/parts`, { sourceId: fg.id, ...body }), params({ projectId, caseId }));
    expect((await add(anna.id, { speaker: 'Anna' })).status).toBe(403);
    as(coder);
    const unknown = await add(anna.id, { speaker: 'Cleo' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toContain('Cleo');
    expect((await add(anna.id, { start: 80, end: 90 })).status).toBe(400);
    expect((await add(anna.id, { start: 10, end: 10 })).status).toBe(400);
    const otherProject = await makeProject(owner.id);
    const foreign = await db.source.create({ data: { projectId: otherProject.id, kind: 'interview', title: 'Elsewhere', format: 'txt', text: 'x', length: 1, wordCount: 1 } });
    expect((await partsPost(json(`${api}/cases/${anna.id}/parts`, { sourceId: foreign.id, start: 0, end: 1 }), params({ projectId, caseId: anna.id }))).status).toBe(404);

    const added = await add(anna.id, { speaker: 'Anna' });
    expect(added.status).toBe(200);
    expect(((await added.json()) as { part: { start: number; end: number; speaker: string } }).part).toMatchObject({ start: 0, end: 89, speaker: 'Anna' });
    expect((await add(anna.id, { speaker: 'Anna' })).status).toBe(409);
    expect((await add(ben.id, { speaker: 'Ben' })).status).toBe(200);
    // A plain range, later removed: Ben also gets "Anna: We share" [49,63) — then it goes again.
    const range = await add(ben.id, { start: 49, end: 63 });
    const rangeId = ((await range.json()) as { part: { id: string } }).part.id;

    as(viewer);
    const listed = await partsGet(new Request(`${api}/cases/${ben.id}/parts`), params({ projectId, caseId: ben.id }));
    expect(((await listed.json()) as { parts: Array<{ speaker: string; start: number; end: number; sourceTitle: string }> }).parts.map((p) => [p.sourceTitle, p.speaker, p.start, p.end])).toEqual([
      ['Focus group 1', '', 49, 63],
      ['Focus group 1', 'Ben', 0, 89],
    ]);
    expect((await partDelete(new Request(`${api}/cases/${ben.id}/parts/${rangeId}`, { method: 'DELETE' }), params({ projectId, caseId: ben.id, partId: rangeId }))).status).toBe(403);
    as(coder);
    expect((await partDelete(new Request(`${api}/cases/${ben.id}/parts/${rangeId}`, { method: 'DELETE' }), params({ projectId, caseId: ben.id, partId: rangeId }))).status).toBe(204);
    expect((await partDelete(new Request(`${api}/cases/${ben.id}/parts/${rangeId}`, { method: 'DELETE' }), params({ projectId, caseId: ben.id, partId: rangeId }))).status).toBe(404);

    // The case matrix, by hand. Level 2 (B1): Anna — [6,22) (two coders, once), [55,70),
    // [43,57) → 3; Ben — [28,48), [43,57) → 2. Level 1: Anna C1 [6,22), [43,57) = 2, C2 [55,70) = 1;
    // Ben C1 [43,57) = 1, C2 [28,48) = 1.
    as(viewer);
    const matrix = async (level: number) => (await (await matrixGet(new Request(`${api}/cases/matrix?level=${level}`), params({ projectId }))).json()) as CaseMatrix;
    const level2 = await matrix(2);
    expect(level2.rows.map((r) => [r.caseName, r.sources, ...r.counts])).toEqual([
      ['Anna', 1, 3],
      ['Ben', 1, 2],
    ]);
    expect(level2.sourcesWithoutCase).toBe(0);
    expect((await matrix(1)).rows.map((r) => r.counts)).toEqual([
      [2, 1],
      [1, 1],
    ]);
    const cell = await cellGet(new Request(`${api}/cases/matrix/cell?caseId=${ben.id}&codeId=${b1.id}`), params({ projectId }));
    const cellBody = (await cell.json()) as { total: number; segments: Array<{ text: string }> };
    expect(cellBody.total).toBe(2);
    expect(cellBody.segments.map((s) => s.text)).toEqual(['Prices are too high.', 'high.\nAnna: We']);

    // The code × case query matrix agrees: B1 row, columns Anna and Ben.
    const q = (await queryMatrix({ userId: viewer.id, projectId, query: ZMatrixQuery.parse({ matrix: 'case' }) })) as CodeMatrix;
    expect(q.columns.map((c) => c.name)).toEqual(['Anna', 'Ben']);
    expect(q.counts[q.rows.findIndex((r) => r.id === b1.id)]).toEqual([3, 2]);

    // Quantitizing into a dataset with one row per speaker.
    as(owner);
    const imported = await importRoute(
      new Request(`${api}/datasets?name=Speakers`, { method: 'POST', body: new TextEncoder().encode('resp_id,score\nAnna,1\nBen,2\n'), headers: { 'x-file-name': 'speakers.csv', 'content-type': 'application/octet-stream' } }),
      params({ projectId }),
    );
    expect(imported.status).toBe(201);
    const dataset = ((await imported.json()) as { dataset: { id: string } }).dataset;
    const latest = async () => {
      const v = await db.datasetVersion.findFirstOrThrow({ where: { datasetId: dataset.id }, orderBy: { number: 'desc' }, select: { id: true, variables: true, rowCount: true, data: true } });
      return { id: v.id, data: decodeDataset(JSON.parse(v.variables) as Variable[], v.rowCount, new Uint8Array(v.data)) };
    };
    const quantitize = async (body: Record<string, unknown>) => {
      const base = await latest();
      const res = await quantitizeRoute(json(`${api}/datasets/${dataset.id}/quantitize`, { datasetId: dataset.id, baseVersionId: base.id, idVariable: 'resp_id', ...body }), params({ projectId, datasetId: dataset.id }));
      const out = (await res.json()) as { variables: Array<{ name: string }>; error?: string };
      expect(res.status, out.error).toBe(200);
      return out.variables[0].name;
    };
    const count = await quantitize({ codes: [{ codeId: b1.id, rollUp: true }], measure: 'count' });
    const share = await quantitize({ codes: [{ codeId: c1.id, rollUp: false }], measure: 'share' });
    const { data } = await latest();
    expect(data.columns[count]).toEqual([3, 2]);
    // Share of C1 inside each speaker's turns: Anna [6,22) = 16 + [49,57) = 8 → 24/43;
    // Ben [43,48) = 5 → 5/43.
    expect(data.columns[share][0]).toBeCloseTo(24 / 43, 12);
    expect(data.columns[share][1]).toBeCloseTo(5 / 43, 12);
  });
});
