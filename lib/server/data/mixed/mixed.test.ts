import { readFileSync } from 'node:fs';

import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';

import { POST as importRoute } from '@/app/api/projects/[projectId]/datasets/route';
import { POST as scalesPost } from '@/app/api/projects/[projectId]/datasets/[datasetId]/scales/route';
import { POST as analysesPost } from '@/app/api/projects/[projectId]/datasets/[datasetId]/analyses/route';
import { POST as quantitizeRoute } from '@/app/api/projects/[projectId]/datasets/[datasetId]/quantitize/route';
import { POST as linksPost } from '@/app/api/projects/[projectId]/links/route';
import { PATCH as linkPatch } from '@/app/api/projects/[projectId]/links/[linkId]/route';
import { GET as matchRoute } from '@/app/api/projects/[projectId]/cases/match/route';
import { GET as jointExport } from '@/app/api/projects/[projectId]/joint-display/export/route';
import { decodeDataset } from '@/lib/datasets/storage';
import type { Variable } from '@/lib/datasets/types';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import type { SessionUser } from '../../auth/session';
import { db } from '../../db/client';
import { mergeCodes } from '../hierarchy/merge-codes';
import { splitCode } from '../hierarchy/split-code';
import { jointDisplay } from './joint-display';
import { listLinks } from './links';

/**
 * Mixed methods below HTTP: the real route handlers, worker jobs and database (SQLite and
 * PostgreSQL); only the session is stubbed.
 */
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/server/auth/session', () => ({ currentUser: async () => session.user }));

const survey = new Uint8Array(readFileSync(new URL('../../../stats/golden/mediate-survey.csv', import.meta.url)));
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const json = (url: string, body: unknown, method = 'POST') => new Request(url, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const upload = (url: string, bytes: Uint8Array, fileName: string) =>
  new Request(url, { method: 'POST', body: bytes as Uint8Array<ArrayBuffer>, headers: { 'x-file-name': fileName, 'content-type': 'application/octet-stream' } });

async function setup() {
  const owner = await makeUser({ name: 'Ana Owner' });
  const coder = await makeUser({ name: 'Ben Coder' });
  const project = await makeProject(owner.id, [{ userId: coder.id, role: 'coder' }]);
  session.user = { id: owner.id, email: owner.email, name: owner.name };
  return { owner, coder, projectId: project.id, api: `http://localhost/api/projects/${project.id}` };
}

async function importCsv(projectId: string, api: string, bytes: Uint8Array, name: string) {
  const res = await importRoute(upload(`${api}/datasets?name=${encodeURIComponent(name)}`, bytes, `${name}.csv`), params({ projectId }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { dataset: { id: string; versionId: string } }).dataset;
}

async function source(projectId: string, title: string, length: number, caseId: string | null = null) {
  const text = 'x'.repeat(length);
  return db.source.create({ data: { projectId, kind: 'interview', title, format: 'txt', text, length, wordCount: 1, caseId }, select: { id: true } });
}

async function code(projectId: string, name: string, label: string, level: number, parentId: string | null = null) {
  return db.code.create({ data: { projectId, name, label, level, parentId, color: '#336699' }, select: { id: true } });
}

const coding = (projectId: string, sourceId: string, codeId: string, start: number, end: number, coderId: string) =>
  db.coding.create({ data: { projectId, sourceId, codeId, start, end, coderId }, select: { id: true } });

async function latestColumns(datasetId: string) {
  const v = await db.datasetVersion.findFirstOrThrow({ where: { datasetId }, orderBy: { number: 'desc' }, select: { id: true, number: true, variables: true, rowCount: true, data: true } });
  return { version: v, dataset: decodeDataset(JSON.parse(v.variables) as Variable[], v.rowCount, new Uint8Array(v.data)) };
}

describe('links between codes and survey constructs', () => {
  it('survive merging and splitting codes: a merge keeps both links, a split gives the new code the links', async () => {
    const { owner, projectId, api } = await setup();
    const dataset = await importCsv(projectId, api, survey, 'Survey');
    const scaleRes = await scalesPost(json(`${api}/datasets/${dataset.id}/scales`, { name: 'Climate', items: ['tl', 'pos', 'empower'] }), params({ projectId, datasetId: dataset.id }));
    const scale = ((await scaleRes.json()) as { scale: { id: string } }).scale;
    const s = await source(projectId, 'Interview 1', 200);
    const b1 = await code(projectId, 'Brand building', 'B1', 2);
    const b2 = await code(projectId, 'Own channels', 'B2', 2);
    const k1 = await coding(projectId, s.id, b1.id, 0, 10, owner.id);
    const k2 = await coding(projectId, s.id, b2.id, 20, 30, owner.id);
    const k3 = await coding(projectId, s.id, b2.id, 40, 50, owner.id);

    const link = async (codeId: string, target: unknown, rationale: string) => {
      const res = await linksPost(json(`${api}/links`, { codeId, datasetId: dataset.id, target, rationale }), params({ projectId }));
      expect(res.status).toBe(200);
      return ((await res.json()) as { link: { id: string } }).link.id;
    };
    const l1 = await link(b1.id, { kind: 'scale', scaleId: scale.id }, 'B1 is what Climate measures');
    const l2 = await link(b2.id, { kind: 'scale', scaleId: scale.id }, 'B2 too');
    await link(b2.id, { kind: 'variable', variable: 'trust' }, 'Trust in the channel');
    // A second link to the same construct is a conflict; an unknown variable is refused.
    expect((await linksPost(json(`${api}/links`, { codeId: b1.id, datasetId: dataset.id, target: { kind: 'scale', scaleId: scale.id } }), params({ projectId }))).status).toBe(409);
    expect((await linksPost(json(`${api}/links`, { codeId: b1.id, datasetId: dataset.id, target: { kind: 'variable', variable: 'nope' } }), params({ projectId }))).status).toBe(400);
    expect((await linkPatch(json(`${api}/links/${l1}`, { exemplars: [k1.id] }, 'PATCH'), params({ projectId, linkId: l1 }))).status).toBe(200);
    expect((await linkPatch(json(`${api}/links/${l2}`, { exemplars: [k2.id, k3.id], inference: 'convergent' }, 'PATCH'), params({ projectId, linkId: l2 }))).status).toBe(200);
    // An exemplar must be a coding of the linked code (or below it).
    expect((await linkPatch(json(`${api}/links/${l1}`, { exemplars: [k2.id] }, 'PATCH'), params({ projectId, linkId: l1 }))).status).toBe(400);

    const merged = await mergeCodes({ userId: owner.id, projectId, fromId: b2.id, intoId: b1.id });
    expect(merged.linksMoved).toBe(2);
    let links = await listLinks({ userId: owner.id, projectId });
    expect(links.map((l) => [l.code.label, l.target.kind, l.targetName]).sort()).toEqual([
      ['B1', 'scale', 'Climate'],
      ['B1', 'variable', 'trust'],
    ]);
    const climate = links.find((l) => l.target.kind === 'scale')!;
    expect(climate.id).toBe(l1);
    expect(climate.rationale).toBe('B1 is what Climate measures\n\nB2 too');
    expect(climate.inference).toBe('convergent');
    expect(climate.exemplarIds).toEqual([k1.id, k2.id, k3.id]);

    const split = await splitCode({ userId: owner.id, projectId, codeId: b1.id, codingIds: [k3.id], name: 'Own shop' });
    links = await listLinks({ userId: owner.id, projectId });
    const byCode = (id: string) => links.filter((l) => l.code.id === id).map((l) => `${l.target.kind}:${l.targetName}`).sort();
    expect(byCode(b1.id)).toEqual(['scale:Climate', 'variable:trust']);
    expect(byCode(split.id)).toEqual(['scale:Climate', 'variable:trust']);
    // Exemplar quotes follow their codings.
    expect(links.find((l) => l.code.id === b1.id && l.target.kind === 'scale')!.exemplarIds).toEqual([k1.id, k2.id]);
    expect(links.find((l) => l.code.id === split.id && l.target.kind === 'scale')!.exemplarIds).toEqual([k3.id]);
  });
});

describe('cases and quantitizing', () => {
  it('quantitized variables for 3 cases equal hand counts, with overlapping codings and two coders; unmatched ids are reported', async () => {
    const { owner, coder, projectId, api } = await setup();
    // Ids as a spreadsheet has them: case and spaces differ; D has no case; E has no row.
    const csv = new TextEncoder().encode('resp_id,score\nA,1\n b ,2\nC,3\nD,4\n');
    const dataset = await importCsv(projectId, api, csv, 'Respondents');
    const cases = Object.fromEntries(
      await Promise.all(['A', 'B', 'C', 'E'].map(async (name) => [name, (await db.case.create({ data: { projectId, name }, select: { id: true } })).id] as const)),
    );
    const sA = await source(projectId, 'Interview A', 100, cases.A);
    const sA2 = await source(projectId, 'Interview A, part 2', 100, cases.A);
    const sB = await source(projectId, 'Interview B', 50, cases.B);
    const sC = await source(projectId, 'Interview C', 80, cases.C);
    const b1 = await code(projectId, 'Brand building', 'B1', 2);
    const c1 = await code(projectId, 'Own shop', 'C1', 1, b1.id);
    const c2 = await code(projectId, 'Social media', 'C2', 1, b1.id);
    const c3 = await code(projectId, 'Price', 'C3', 1);
    // Case A: C1 [0,10) by both coders (one segment), C1 [5,20) overlapping it, C2 [50,60) by the coder,
    // and C1 [0,30) in its second source.
    await coding(projectId, sA.id, c1.id, 0, 10, owner.id);
    await coding(projectId, sA.id, c1.id, 0, 10, coder.id);
    await coding(projectId, sA.id, c1.id, 5, 20, owner.id);
    await coding(projectId, sA.id, c2.id, 50, 60, coder.id);
    await coding(projectId, sA2.id, c1.id, 0, 30, owner.id);
    // Case B: C2 [0,10) by the coder. Case C: only C3, outside B1.
    await coding(projectId, sB.id, c2.id, 0, 10, coder.id);
    await coding(projectId, sC.id, c3.id, 0, 5, owner.id);

    const match = await matchRoute(new Request(`${api}/cases/match?datasetId=${dataset.id}&idVariable=resp_id`), params({ projectId }));
    const report = (await match.json()) as { matches: Array<{ caseName: string; row: number }>; unmatchedCases: string[]; unmatchedIds: string[] };
    expect(report.matches.map((m) => [m.caseName, m.row])).toEqual([
      ['A', 0],
      ['B', 1],
      ['C', 2],
    ]);
    expect(report.unmatchedCases).toEqual(['E']);
    expect(report.unmatchedIds).toEqual(['D']);

    const quantitize = async (body: Record<string, unknown>) => {
      const { version } = await latestColumns(dataset.id);
      const res = await quantitizeRoute(json(`${api}/datasets/${dataset.id}/quantitize`, { datasetId: dataset.id, baseVersionId: version.id, idVariable: 'resp_id', ...body }), params({ projectId, datasetId: dataset.id }));
      const out = (await res.json()) as { variables: Array<{ name: string }>; match: { unmatchedCases: string[] }; error?: string };
      expect(res.status, out.error).toBe(200);
      expect(out.match.unmatchedCases).toEqual(['E']);
      return out.variables.map((v) => v.name);
    };
    const [count] = await quantitize({ codes: [{ codeId: b1.id, rollUp: true }], measure: 'count' });
    const [presence] = await quantitize({ codes: [{ codeId: b1.id, rollUp: true }], measure: 'presence' });
    const [share] = await quantitize({ codes: [{ codeId: c1.id, rollUp: false }], measure: 'share' });
    const [byCoder] = await quantitize({ codes: [{ codeId: c1.id, rollUp: false }], measure: 'coder', coderId: coder.id });

    const { version, dataset: data } = await latestColumns(dataset.id);
    expect(version.number).toBe(5);
    // Rows: A, B, C, D (no case → missing).
    // count: A = [0,10), [5,20), [50,60) in part 1 + [0,30) in part 2 = 4 distinct segments; B = 1; C = 0.
    expect(data.columns[count]).toEqual([4, 1, 0, null]);
    expect(data.columns[presence]).toEqual([1, 1, 0, null]);
    // share of C1: A = (|[0,20)| + |[0,30)|) / (100 + 100) = 50 / 200; B = 0 / 50; C = 0 / 80.
    expect(data.columns[share]).toEqual([0.25, 0, 0, null]);
    // Only the coder's codings count: A has C1 [0,10) by the coder; B's coding is C2.
    expect(data.columns[byCoder]).toEqual([1, 0, 0, null]);
    expect(data.columns.score).toEqual([1, 2, 3, 4]);

    // A stale base version is refused, nothing stored.
    const stale = await quantitizeRoute(
      json(`${api}/datasets/${dataset.id}/quantitize`, { datasetId: dataset.id, baseVersionId: dataset.versionId, idVariable: 'resp_id', codes: [{ codeId: c2.id }], measure: 'presence' }),
      params({ projectId, datasetId: dataset.id }),
    );
    expect(stale.status).toBe(409);
    expect(await db.datasetVersion.count({ where: { datasetId: dataset.id } })).toBe(5);
  });
});

describe('the joint display', () => {
  it('shows exemplar quotes and coefficients, exports them in a landscape Word table, and marks rows whose numbers changed', async () => {
    const { owner, projectId, api } = await setup();
    const dataset = await importCsv(projectId, api, survey, 'Survey');
    const s = await db.source.create({
      data: { projectId, kind: 'interview', title: 'Interview 7', format: 'txt', text: 'We trust the platform because it pays on time. Then we grew.', length: 60, wordCount: 12 },
      select: { id: true },
    });
    const b1 = await code(projectId, 'Platform trust', 'B1', 2);
    const quote = await coding(projectId, s.id, b1.id, 0, 47, owner.id);
    const linkRes = await linksPost(json(`${api}/links`, { codeId: b1.id, datasetId: dataset.id, target: { kind: 'variable', variable: 'trust' }, rationale: 'Trust' }), params({ projectId }));
    const linkId = ((await linkRes.json()) as { link: { id: string } }).link.id;
    const run = await analysesPost(json(`${api}/datasets/${dataset.id}/analyses`, { kind: 'ols', options: ['--y', 'engage', '--x', 'trust,tl'] }), params({ projectId, datasetId: dataset.id }));
    expect(run.status).toBe(201);
    await linkPatch(json(`${api}/links/${linkId}`, { exemplars: [quote.id], inference: 'complementary', inferenceNote: 'Both say trust matters.', reviewed: true }, 'PATCH'), params({ projectId, linkId }));

    let { rows } = await jointDisplay({ userId: owner.id, projectId });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row.qualitative).toMatchObject({ sources: 1, segments: 1 });
    expect(row.qualitative.exemplars.map((q) => q.text)).toEqual(['We trust the platform because it pays on time.']);
    expect(row.quantitative).toMatchObject({ variable: 'trust', n: expect.any(Number) });
    const trust = row.coefficients.find((c) => c.outcome === 'engage')!;
    expect(trust.beta).not.toBeNull();
    expect(row.changed).toBe(false);

    const res = await jointExport(new Request(`${api}/joint-display/export?format=docx`), params({ projectId }));
    expect(res.status).toBe(200);
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']);
    expect(xml).toContain('We trust the platform because it pays on time.');
    expect(xml).toContain(`β = ${Math.abs(trust.beta!).toFixed(2).replace(/^0/, '')}`);
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('Both say trust matters.');

    // A re-run with other numbers (another model) replaces them and marks the row changed.
    await analysesPost(json(`${api}/datasets/${dataset.id}/analyses`, { kind: 'ols', options: ['--y', 'engage', '--x', 'trust'] }), params({ projectId, datasetId: dataset.id }));
    ({ rows } = await jointDisplay({ userId: owner.id, projectId }));
    expect(rows[0].changed).toBe(true);
    await linkPatch(json(`${api}/links/${linkId}`, { reviewed: true }, 'PATCH'), params({ projectId, linkId }));
    ({ rows } = await jointDisplay({ userId: owner.id, projectId }));
    expect(rows[0].changed).toBe(false);
  });
});
