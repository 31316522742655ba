import { readFileSync } from 'node:fs';

import { describe, expect, it, vi } from 'vitest';

import { POST as importRoute } from '@/app/api/projects/[projectId]/datasets/route';
import { POST as previewRoute } from '@/app/api/projects/[projectId]/datasets/preview/route';
import { GET as rowsRoute } from '@/app/api/projects/[projectId]/datasets/[datasetId]/rows/route';
import { POST as versionsRoute } from '@/app/api/projects/[projectId]/datasets/[datasetId]/versions/route';
import { GET as scalesGet, POST as scalesPost } from '@/app/api/projects/[projectId]/datasets/[datasetId]/scales/route';
import { POST as analysesPost } from '@/app/api/projects/[projectId]/datasets/[datasetId]/analyses/route';
import { GET as csvRoute } from '@/app/api/projects/[projectId]/datasets/[datasetId]/csv/route';
import { DELETE as deleteRoute } from '@/app/api/projects/[projectId]/datasets/[datasetId]/route';
import { runAnalysis } from '@/lib/cli/run';
import { parseCsv } from '@/lib/stats/frame';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import type { SessionUser } from '../../auth/session';
import { db } from '../../db/client';
import { getAnalysis, listAnalyses } from './analyses';
import { getDataset } from './datasets';

/**
 * Datasets end to end below HTTP: the real route handlers, the worker-thread jobs and the
 * database (SQLite and PostgreSQL); only the session is stubbed.
 */
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/server/auth/session', () => ({ currentUser: async () => session.user }));

const survey = new Uint8Array(readFileSync(new URL('../../../stats/golden/mediate-survey.csv', import.meta.url)));

function upload(url: string, bytes: Uint8Array<ArrayBuffer>, fileName: string, accept?: string) {
  return new Request(url, { method: 'POST', body: bytes, headers: { 'x-file-name': encodeURIComponent(fileName), 'content-type': 'application/octet-stream', ...(accept ? { accept } : {}) } });
}
const json = (url: string, body: unknown, accept?: string) =>
  new Request(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) } });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

async function setup() {
  const owner = await makeUser();
  const viewer = await makeUser();
  const project = await makeProject(owner.id, [{ userId: viewer.id, role: 'viewer' }]);
  session.user = { id: owner.id, email: owner.email, name: owner.name };
  return { owner, viewer, projectId: project.id, base: `http://localhost/api/projects/${project.id}/datasets` };
}

async function importSurvey(projectId: string, base: string, name = 'Follow-up survey') {
  const res = await importRoute(upload(`${base}?name=${encodeURIComponent(name)}`, survey, 'mediate-survey.csv'), params({ projectId }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { dataset: { id: string; versionId: string } }).dataset;
}

describe('datasets through the API', () => {
  it('previews without storing, imports whole, pages rows, and exports the same CSV values', async () => {
    const { projectId, base } = await setup();
    const preview = await previewRoute(upload(`${base}/preview`, survey, 'mediate-survey.csv'), params({ projectId }));
    expect(preview.status).toBe(200);
    const { preview: p } = (await preview.json()) as { preview: { format: string; rowCount: number; variables: Array<{ name: string; type: string }> } };
    expect(p.format).toBe('csv');
    const frame = parseCsv(new TextDecoder().decode(survey));
    expect(p.rowCount).toBe(frame.id.length);
    expect(p.variables.map((v) => v.name)).toEqual(Object.keys(frame));
    expect(await db.dataset.count({ where: { projectId } })).toBe(0);

    const dataset = await importSurvey(projectId, base);
    const detail = await getDataset({ userId: session.user!.id, projectId, datasetId: dataset.id });
    expect(detail.latest).toMatchObject({ number: 1, rowCount: frame.id.length, note: 'Imported mediate-survey.csv' });

    const rows = await rowsRoute(new Request(`${base}/${dataset.id}/rows?offset=5&limit=3`), params({ projectId, datasetId: dataset.id }));
    const page = (await rows.json()) as { offset: number; rows: unknown[][]; rowCount: number };
    const trust = Object.keys(frame).indexOf('trust');
    expect(page.rows.map((r) => r[trust])).toEqual(frame.trust.slice(5, 8));

    const csv = await csvRoute(new Request(`${base}/${dataset.id}/csv`), params({ projectId, datasetId: dataset.id }));
    expect(csv.headers.get('content-disposition')).toContain('Follow-up-survey-v1.csv');
    expect(parseCsv(await csv.text())).toEqual(frame);
  });

  it('refuses a bad file with the row and column named, storing nothing; a duplicate name is 409', async () => {
    const { projectId, base } = await setup();
    const ragged = new TextEncoder().encode('id,score\n1,2\n2,3,4\n');
    const res = await importRoute(upload(`${base}?name=Ragged`, ragged, 'ragged.csv'), params({ projectId }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/row 2|line 3/i);
    expect(await db.dataset.count({ where: { projectId } })).toBe(0);

    await importSurvey(projectId, base, 'Wave 1');
    const again = await importRoute(upload(`${base}?name=Wave%201`, survey, 'again.csv'), params({ projectId }));
    expect(again.status).toBe(409);
    expect(await db.datasetVersion.count({ where: { dataset: { projectId } } })).toBe(1);
  });

  it('a viewer cannot import; a stranger gets 404 before the body is read', async () => {
    const { projectId, base, viewer } = await setup();
    session.user = { id: viewer.id, email: viewer.email, name: viewer.name };
    expect((await importRoute(upload(`${base}?name=X`, survey, 's.csv'), params({ projectId }))).status).toBe(403);
    const stranger = await makeUser();
    session.user = { id: stranger.id, email: stranger.email, name: stranger.name };
    expect((await previewRoute(upload(`${base}/preview`, survey, 's.csv'), params({ projectId }))).status).toBe(404);
  });

  it('computed variables make version 2 and keep version 1; a stale base is 409', async () => {
    const { projectId, base } = await setup();
    const dataset = await importSurvey(projectId, base);
    const transforms = [{ op: 'standardize', name: 'z_trust', variable: 'trust' }];
    const res = await versionsRoute(json(`${base}/${dataset.id}/versions`, { baseVersionId: dataset.versionId, transforms, note: 'Added z_trust' }), params({ projectId, datasetId: dataset.id }));
    expect(res.status).toBe(201);
    const detail = await getDataset({ userId: session.user!.id, projectId, datasetId: dataset.id });
    expect(detail.versions.map((v) => [v.number, v.note])).toEqual([
      [2, 'Added z_trust'],
      [1, 'Imported mediate-survey.csv'],
    ]);
    expect(detail.latest.variables.at(-1)?.name).toBe('z_trust');
    const stale = await versionsRoute(json(`${base}/${dataset.id}/versions`, { baseVersionId: dataset.versionId, transforms, note: 'Again' }), params({ projectId, datasetId: dataset.id }));
    expect(stale.status).toBe(409);
    const bad = await versionsRoute(json(`${base}/${dataset.id}/versions`, { baseVersionId: detail.latest.id, transforms: [{ op: 'log', name: 'l', variable: 'nope' }], note: 'Bad' }), params({ projectId, datasetId: dataset.id }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/nope/);
  });

  it('a scale reports α from the stored data; an analysis runs in a worker with progress, saves the version it ran on, and equals the CLI', async () => {
    const { projectId, base } = await setup();
    const dataset = await importSurvey(projectId, base);
    const frame = parseCsv(new TextDecoder().decode(survey));
    const scalesOf = async () =>
      ((await (await scalesGet(new Request(`${base}/${dataset.id}/scales`), params({ projectId, datasetId: dataset.id }))).json()) as {
        scales: Array<{ scale: { id: string; name: string }; reliability: { alpha: number; n: number } | null; error?: string }>;
      }).scales;
    // These items are continuous (not Likert): reversing one needs a range, and the scale says so.
    await scalesPost(json(`${base}/${dataset.id}/scales`, { name: 'Reversed', items: ['tl', 'pos', 'empower', 'trust'], reversed: ['pos'] }), params({ projectId, datasetId: dataset.id }));
    const created = await scalesPost(json(`${base}/${dataset.id}/scales`, { name: 'Climate', items: ['tl', 'pos', 'empower', 'trust'] }), params({ projectId, datasetId: dataset.id }));
    expect(created.status).toBe(201);
    const [climate, reversed] = await scalesOf();
    expect(reversed.reliability).toBeNull();
    expect(reversed.error).toMatch(/pos/);
    expect(climate.reliability!.n).toBeGreaterThan(100);
    expect(climate.reliability!.alpha).toBeGreaterThan(0);
    expect(climate.reliability!.alpha).toBeLessThan(1);

    const options = ['--y', 'engage', '--x', 'tl', '--m', 'empower', '--boot', '500', '--seed', '11'];
    const res = await analysesPost(json(`${base}/${dataset.id}/analyses`, { kind: 'mediate', options }, 'application/x-ndjson'), params({ projectId, datasetId: dataset.id }));
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { progress?: { stage: string; done?: number; total?: number }; status?: number; analysis?: { id: string } });
    const boot = lines.filter((l) => l.progress?.stage === 'bootstrap');
    expect(boot.length).toBeGreaterThan(10);
    expect(boot.at(-1)?.progress).toMatchObject({ done: 500, total: 500 });
    const last = lines.at(-1)!;
    expect(last.status).toBe(201);
    const saved = await getAnalysis({ userId: session.user!.id, projectId, analysisId: last.analysis!.id });
    expect(saved).toMatchObject({ kind: 'mediate', title: 'Mediation of engage', versionNumber: 1, stale: false, options });
    expect(saved.result).toEqual(JSON.parse(JSON.stringify(runAnalysis('mediate', frame, options))));

    // Unknown options are refused by the engine with a message; nothing is saved.
    const bad = await analysesPost(json(`${base}/${dataset.id}/analyses`, { kind: 'ols', options: ['--y', 'engage', '--bogus', '1'] }), params({ projectId, datasetId: dataset.id }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/--bogus/);
    expect(await listAnalyses({ userId: session.user!.id, projectId, datasetId: dataset.id })).toHaveLength(1);

    // A new version makes the saved analysis stale.
    await versionsRoute(json(`${base}/${dataset.id}/versions`, { baseVersionId: dataset.versionId, transforms: [{ op: 'center', name: 'c_tl', variable: 'tl' }], note: 'Centred tl' }), params({ projectId, datasetId: dataset.id }));
    expect((await getAnalysis({ userId: session.user!.id, projectId, analysisId: saved.id })).stale).toBe(true);
  });

  it('a metadata edit (setMetadata) is the next version with the same variables; each version carries its variable count', async () => {
    const { projectId, base } = await setup();
    const dataset = await importSurvey(projectId, base);
    const ids = params({ projectId, datasetId: dataset.id });
    const frame = parseCsv(new TextDecoder().decode(survey));
    const count = Object.keys(frame).length;
    const added = await versionsRoute(json(`${base}/${dataset.id}/versions`, { baseVersionId: dataset.versionId, transforms: [{ op: 'center', name: 'c_tl', variable: 'tl' }], note: 'Centred tl' }), ids);
    const v2 = ((await added.json()) as { version: { id: string; variableCount: number } }).version;
    expect(v2.variableCount).toBe(count + 1);
    const edit = { op: 'setMetadata', variable: 'trust', label: 'Trust in the leader', type: 'categorical' };
    const res = await versionsRoute(json(`${base}/${dataset.id}/versions`, { baseVersionId: v2.id, transforms: [edit], note: 'Edited trust' }), ids);
    expect(res.status).toBe(201);
    const detail = await getDataset({ userId: session.user!.id, projectId, datasetId: dataset.id });
    expect(detail.versions.map((v) => [v.number, v.variableCount])).toEqual([
      [3, count + 1],
      [2, count + 1],
      [1, count],
    ]);
    expect(detail.latest.variables.find((v) => v.name === 'trust')).toMatchObject({ label: 'Trust in the leader', type: 'categorical' });
    // Making the respondent id (R0001, …) a Likert item is refused, naming the first bad row.
    const bad = await versionsRoute(
      json(`${base}/${dataset.id}/versions`, { baseVersionId: detail.latest.id, transforms: [{ op: 'setMetadata', variable: 'id', type: 'likert', likert: { min: 1, max: 5 } }], note: 'Bad' }),
      ids,
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe(`Transform 1 (setMetadata of id): 'id' cannot be likert: row 1 ("R0001") is not a number; recode it or set it missing first`);
  });

  it('deleting a dataset (owners) removes its versions, scales, analyses and links to codes, counted beforehand; a viewer is refused', async () => {
    const { projectId, base, owner, viewer } = await setup();
    const dataset = await importSurvey(projectId, base);
    const ids = params({ projectId, datasetId: dataset.id });
    await scalesPost(json(`${base}/${dataset.id}/scales`, { name: 'Climate', items: ['tl', 'pos', 'empower', 'trust'] }), ids);
    await analysesPost(json(`${base}/${dataset.id}/analyses`, { kind: 'describe', options: ['--vars', 'tl,pos'] }), ids);
    const code = await db.code.create({ data: { projectId, name: 'trust', color: '#336699' }, select: { id: true } });
    await db.codeLink.create({ data: { projectId, codeId: code.id, datasetId: dataset.id, variable: 'trust', target: 'variable:trust', createdById: owner.id } });
    const detail = await getDataset({ userId: owner.id, projectId, datasetId: dataset.id });
    expect(detail.dependents).toEqual({ scales: 1, analyses: 1, links: 1 });

    session.user = { id: viewer.id, email: viewer.email, name: viewer.name };
    expect((await deleteRoute(new Request(`${base}/${dataset.id}`, { method: 'DELETE' }), ids)).status).toBe(403);
    session.user = { id: owner.id, email: owner.email, name: owner.name };
    expect((await deleteRoute(new Request(`${base}/${dataset.id}`, { method: 'DELETE' }), ids)).status).toBe(204);
    expect(await db.datasetVersion.count({ where: { datasetId: dataset.id } })).toBe(0);
    expect(await db.scale.count({ where: { datasetId: dataset.id } })).toBe(0);
    expect(await db.analysis.count({ where: { datasetId: dataset.id } })).toBe(0);
    expect(await db.codeLink.count({ where: { datasetId: dataset.id } })).toBe(0);
    expect(await db.code.count({ where: { id: code.id } })).toBe(1);
    expect((await deleteRoute(new Request(`${base}/${dataset.id}`, { method: 'DELETE' }), ids)).status).toBe(404);
  });
});
