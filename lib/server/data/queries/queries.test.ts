import { describe, expect, it, vi } from 'vitest';

import { GET as cellRoute } from '@/app/api/projects/[projectId]/queries/cell/route';
import { GET as exportRoute } from '@/app/api/projects/[projectId]/queries/export/route';
import { GET as matrixRoute } from '@/app/api/projects/[projectId]/queries/matrix/route';
import { GET as retrievalRoute } from '@/app/api/projects/[projectId]/queries/retrieval/route';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import type { SessionUser } from '../../auth/session';
import { db } from '../../db/client';

/**
 * Matrices and retrieval below HTTP: the real route handlers, worker jobs and database (SQLite
 * and PostgreSQL); only the session is stubbed. Counts are checked against hand counts of
 * overlapping codings by two coders.
 */
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/server/auth/session', () => ({ currentUser: async () => session.user }));

const params = (projectId: string) => ({ params: Promise.resolve({ projectId }) });

// Interview A (case "Firm 1"), two paragraphs and speaker labels:
//   "P1: price and trust\nI: ok\n\nP1: trust only"
//    0         1         2          3         4
//    0123456789012345678901234 5678901234567890
const TEXT_A = 'P1: price and trust\nI: ok\n\nP1: trust only';
// Article B (no case): one paragraph.
const TEXT_B = 'Trust follows price.';

async function setup() {
  const ana = await makeUser({ name: 'Ana Owner' });
  const ben = await makeUser({ name: 'Ben Coder' });
  const outsider = await makeUser({ name: 'Olga Outsider' });
  const viewer = await makeUser({ name: 'Vic Viewer' });
  const project = await makeProject(ana.id, [
    { userId: ben.id, role: 'coder' },
    { userId: viewer.id, role: 'viewer' },
  ]);
  const projectId = project.id;
  const firm = await db.case.create({ data: { projectId, name: 'Firm 1' }, select: { id: true } });
  const sector = await db.caseAttribute.create({ data: { projectId, name: 'Sector', type: 'choice', choices: '["retail","food"]' }, select: { id: true } });
  await db.caseAttributeValue.create({ data: { caseId: firm.id, attributeId: sector.id, value: 'retail' } });
  const src = (title: string, kind: string, text: string, caseId: string | null) =>
    db.source.create({ data: { projectId, kind, title, format: 'paste', text, length: [...text].length, wordCount: 3, caseId }, select: { id: true } });
  const a = await src('Interview A', 'interview', TEXT_A, firm.id);
  const b = await src('Article B', 'literature', TEXT_B, null);
  const code = (name: string, label: string, level: number, parentId: string | null = null) =>
    db.code.create({ data: { projectId, name, label, level, parentId, color: '#336699' }, select: { id: true } });
  const cat = await code('Trust building', 'B1', 2);
  const price = await code('price', 'C1', 1, cat.id);
  const trust = await code('trust', 'C2', 1, cat.id);
  const wait = await code('waiting', 'C3', 1);
  const at = (day: string) => new Date(`${day}T12:00:00.000Z`);
  const k = (sourceId: string, codeId: string, start: number, end: number, coderId: string, day = '2026-03-01') =>
    db.coding.create({ data: { projectId, sourceId, codeId, start, end, coderId, createdAt: at(day) }, select: { id: true } });
  // Interview A
  await k(a.id, price.id, 4, 9, ana.id); // "price"
  await k(a.id, price.id, 4, 9, ben.id); // same span, Ben: one segment
  await k(a.id, trust.id, 14, 19, ana.id); // "trust" (paragraph 1, same turn as price, no overlap)
  await k(a.id, trust.id, 4, 19, ben.id, '2026-04-10'); // "price and trust": overlaps price
  await k(a.id, wait.id, 20, 25, ben.id); // "I: ok" (another line and turn)
  await k(a.id, trust.id, 31, 36, ana.id); // "trust" in the last paragraph
  // Article B
  await k(b.id, trust.id, 0, 5, ana.id); // "Trust"
  await k(b.id, price.id, 14, 19, ben.id); // "price" (same paragraph, no overlap)
  session.user = { id: ana.id, email: ana.email, name: ana.name };
  return { projectId, ana, ben, outsider, viewer, a, b, firm, sector, cat, price, trust, wait };
}

const get = async <T,>(route: typeof matrixRoute, projectId: string, path: string, query: string): Promise<T> => {
  const res = await route(new Request(`http://localhost/api/projects/${projectId}/queries/${path}?${query}`), params(projectId));
  expect(res.status).toBe(200);
  return (await res.json()) as T;
};
type Matrix = { rows: Array<{ id: string }>; columns?: Array<{ id: string | null; name: string }>; counts: number[][]; rowTotals?: number[]; sourcesWithoutUnits?: string[] };

describe('query matrices against hand counts (two coders, overlapping codings)', () => {
  it('code × source and code × case roll up distinct segments; drill-down lists them with texts', async () => {
    const t = await setup();
    const { matrix: bySource } = await get<{ matrix: Matrix }>(matrixRoute, t.projectId, 'matrix', 'matrix=source');
    // Columns in title order: Article B, Interview A. Rows in tree order: B1, C1, C2, C3.
    expect(bySource.columns!.map((c) => c.name)).toEqual(['Article B', 'Interview A']);
    expect(bySource.rows.map((r) => r.id)).toEqual([t.cat.id, t.price.id, t.trust.id, t.wait.id]);
    // Interview A: price [4,9) (two coders → 1); trust [14,19), [4,19), [31,36) → 3; B1 = 4; waiting 1.
    // Article B: trust [0,5), price [14,19) → B1 = 2.
    expect(bySource.counts).toEqual([
      [2, 4],
      [1, 1],
      [1, 3],
      [0, 1],
    ]);
    expect(bySource.rowTotals).toEqual([6, 2, 4, 1]);

    const { matrix: byCase } = await get<{ matrix: Matrix }>(matrixRoute, t.projectId, 'matrix', 'matrix=case');
    expect(byCase.columns).toEqual([
      { id: t.firm.id, name: 'Firm 1' },
      { id: null, name: 'No case' },
    ]);
    expect(byCase.counts).toEqual([
      [4, 2],
      [1, 1],
      [3, 1],
      [1, 0],
    ]);

    // Filters: Ben's codings only → price [4,9) and trust [4,19), waiting; and price in B.
    const { matrix: ben } = await get<{ matrix: Matrix }>(matrixRoute, t.projectId, 'matrix', `matrix=case&coders=${t.ben.id}`);
    expect(ben.counts.map((r) => r[0])).toEqual([2, 1, 1, 1]);
    // Coded in April: Ben's trust [4,19) only.
    const { matrix: april } = await get<{ matrix: Matrix }>(matrixRoute, t.projectId, 'matrix', 'matrix=source&from=2026-04-01&to=2026-04-30');
    expect(april.counts).toEqual([
      [0, 1],
      [0, 0],
      [0, 1],
      [0, 0],
    ]);
    const { matrix: retail } = await get<{ matrix: Matrix }>(matrixRoute, t.projectId, 'matrix', `matrix=source&attribute=${t.sector.id}&attributeValue=retail&kinds=interview`);
    expect(retail.columns!.map((c) => c.name)).toEqual(['Interview A']);

    const { cell } = await get<{ cell: { kind: string; total: number; segments: Array<{ text: string; codes: string[]; coders: string[] }> } }>(
      cellRoute,
      t.projectId,
      'cell',
      `matrix=case&row=${t.cat.id}&column=${t.firm.id}`,
    );
    expect(cell.total).toBe(4);
    expect(cell.segments.map((s) => s.text)).toEqual(['price', 'price and trust', 'trust', 'trust']);
    expect(cell.segments[0]).toMatchObject({ codes: ['C1 price'], coders: ['Ana Owner', 'Ben Coder'] });
    const { cell: none } = await get<{ cell: { total: number } }>(cellRoute, t.projectId, 'cell', `matrix=case&row=${t.cat.id}&column=none`);
    expect(none.total).toBe(2);
  });

  it('co-occurrence by overlapping spans, same paragraph and same speaker turn', async () => {
    const t = await setup();
    const q = (unit: string) => get<{ matrix: Matrix }>(matrixRoute, t.projectId, 'matrix', `matrix=cooccurrence&level=1&unit=${unit}`).then((r) => r.matrix);
    // Rows: C1 price, C2 trust, C3 waiting.
    // Overlap: price [4,9) ∩ trust [4,19) → 1 (the coders' identical price spans are one segment).
    expect((await q('overlap')).counts).toEqual([
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 0],
    ]);
    // Paragraphs (lines): A line 1 has price and trust; line 2 waiting; last line trust. B's one line has both.
    expect((await q('paragraph')).counts).toEqual([
      [0, 2, 0],
      [2, 0, 0],
      [0, 0, 0],
    ]);
    // Turns: only A has speaker labels (B has none and is reported); P1's first turn has price and trust.
    const turns = await q('turn');
    expect(turns.counts[0][1]).toBe(1);
    expect(turns.sourcesWithoutUnits).toEqual([t.b.id]);

    const { cell } = await get<{ cell: { kind: string; units: Array<{ sourceTitle: string; heading: string; segments: Array<{ text: string; codingId: string }> }> } }>(
      cellRoute,
      t.projectId,
      'cell',
      `matrix=cooccurrence&level=1&unit=paragraph&row=${t.price.id}&column=${t.trust.id}`,
    );
    // Units in source title order; in each, price's segments first, then trust's.
    expect(cell.units.map((u) => [u.sourceTitle, u.heading, u.segments.map((s) => s.text)])).toEqual([
      ['Article B', 'Paragraph 1', ['price', 'Trust']],
      ['Interview A', 'Paragraph 1', ['price', 'price and trust', 'trust']],
    ]);
    expect(cell.units[1].segments[0].codingId).toEqual(expect.any(String));
  });

  it('boolean retrieval, exports and who may ask', async () => {
    const t = await setup();
    const r = (op: string, a: string, b: string, extra = '') =>
      get<{ retrieval: { total: number; segments: Array<{ text: string }> } }>(retrievalRoute, t.projectId, 'retrieval', `operator=${op}&a=${a}&b=${b}${extra}`).then((x) => x.retrieval.segments.map((s) => s.text));
    expect(await r('and', t.price.id, t.trust.id)).toEqual(['price']);
    expect(await r('not', t.trust.id, t.price.id)).toEqual(['Trust', 'trust', 'trust']);
    expect((await r('or', t.price.id, t.wait.id)).sort()).toEqual(['I: ok', 'price', 'price']);
    expect(await r('and', t.price.id, t.trust.id, `&coders=${t.ana.id}`)).toEqual([]);

    const csv = await exportRoute(new Request(`http://localhost/api/projects/${t.projectId}/queries/export?matrix=source&format=csv`), params(t.projectId));
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('Label,Code,Level,Article B,Interview A,Total segments');
    expect(lines[1]).toBe('B1,Trust building,category,2,4,6');
    const xlsx = await exportRoute(new Request(`http://localhost/api/projects/${t.projectId}/queries/export?matrix=cooccurrence&unit=overlap&format=xlsx`), params(t.projectId));
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));

    session.user = { id: t.viewer.id, email: '', name: 'Vic' };
    expect((await matrixRoute(new Request(`http://localhost/api/projects/${t.projectId}/queries/matrix?matrix=source`), params(t.projectId))).status).toBe(200);
    session.user = { id: t.outsider.id, email: '', name: 'Olga' };
    expect((await matrixRoute(new Request(`http://localhost/api/projects/${t.projectId}/queries/matrix?matrix=source`), params(t.projectId))).status).toBe(404);
    session.user = null;
    expect((await cellRoute(new Request(`http://localhost/api/projects/${t.projectId}/queries/cell?matrix=source&row=x&column=y`), params(t.projectId))).status).toBe(401);
  });
});
