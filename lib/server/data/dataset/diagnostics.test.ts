import { readFileSync } from 'node:fs';

import { describe, expect, it, vi } from 'vitest';

import { POST as importRoute } from '@/app/api/projects/[projectId]/datasets/route';
import { POST as analysesPost } from '@/app/api/projects/[projectId]/datasets/[datasetId]/analyses/route';
import { GET as diagnosticsRoute } from '@/app/api/projects/[projectId]/analyses/[analysisId]/diagnostics/route';
import type { DiagnosticsOutcome } from '@/lib/jobs/analysis-diagnostics';
import { moderationResiduals, olsResiduals } from '@/lib/stats/diagnostics';
import { parseCsv } from '@/lib/stats/frame';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import type { SessionUser } from '../../auth/session';

/**
 * Residual diagnostics of saved analyses below HTTP: the real route, the worker job and the
 * database; only the session is stubbed. Members get 200, others 404, no session 401.
 */
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/server/auth/session', () => ({ currentUser: async () => session.user }));

const survey = new Uint8Array(readFileSync(new URL('../../../stats/golden/mediate-survey.csv', import.meta.url)));
const frame = parseCsv(new TextDecoder().decode(survey));
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const as = (u: { id: string; email: string; name: string } | null) => {
  session.user = u ? { id: u.id, email: u.email, name: u.name } : null;
};

async function setup() {
  const owner = await makeUser();
  const viewer = await makeUser();
  const outsider = await makeUser();
  const project = await makeProject(owner.id, [{ userId: viewer.id, role: 'viewer' }]);
  as(owner);
  const base = `http://localhost/api/projects/${project.id}/datasets`;
  const res = await importRoute(
    new Request(`${base}?name=Survey`, { method: 'POST', body: survey, headers: { 'x-file-name': 'mediate-survey.csv', 'content-type': 'application/octet-stream' } }),
    params({ projectId: project.id }),
  );
  expect(res.status).toBe(201);
  const dataset = ((await res.json()) as { dataset: { id: string } }).dataset;
  const run = async (kind: string, options: string[]) => {
    const r = await analysesPost(
      new Request(`${base}/${dataset.id}/analyses`, { method: 'POST', body: JSON.stringify({ kind, options }), headers: { 'content-type': 'application/json' } }),
      params({ projectId: project.id, datasetId: dataset.id }),
    );
    expect(r.status).toBe(201);
    return ((await r.json()) as { analysis: { id: string } }).analysis.id;
  };
  return { owner, viewer, outsider, projectId: project.id, run };
}

const get = (projectId: string, analysisId: string) =>
  diagnosticsRoute(new Request(`http://localhost/api/projects/${projectId}/analyses/${analysisId}/diagnostics`), params({ projectId, analysisId }));

describe('GET /api/projects/:id/analyses/:analysisId/diagnostics', () => {
  it('OLS: residuals, fitted values and the largest-|β| focal X of the refitted model; viewers too; outsiders 404; no session 401', async () => {
    const { viewer, outsider, projectId, run } = await setup();
    const id = await run('ols', ['--y', 'engage', '--x', 'tl,pos', '--covariates', 'age']);
    const res = await get(projectId, id);
    expect(res.status).toBe(200);
    const body = (await res.json()) as DiagnosticsOutcome;
    expect(body.available).toBe(true);
    if (!body.available) return;
    const expected = olsResiduals(frame, { y: 'engage', x: ['tl', 'pos', 'age'] });
    const d = body.diagnostics;
    expect(d.n).toBe(expected.residuals.length);
    expect(d.nPoints).toBe(d.n);
    d.residuals.forEach((e, i) => expect(Math.abs(e - expected.residuals[i])).toBeLessThan(1e-12));
    expect(d.x?.name).toBe(expected.x?.name);
    expect(d.histogram.bins.reduce((s, b) => s + b.count, 0)).toBe(d.n);

    as(viewer);
    expect((await get(projectId, id)).status).toBe(200);
    as(outsider);
    expect((await get(projectId, id)).status).toBe(404);
    as(null);
    expect((await get(projectId, id)).status).toBe(401);
  });

  it('moderation: X is the focal predictor; panel: not available (a reason, 200); an unknown analysis 404', async () => {
    const { projectId, run } = await setup();
    const mod = await run('moderate', ['--y', 'engage', '--x', 'tl', '--w', 'pos', '--center']);
    const body = (await (await get(projectId, mod)).json()) as DiagnosticsOutcome;
    if (!body.available) throw new Error('moderation diagnostics missing');
    const expected = moderationResiduals(frame, { y: 'engage', x: 'tl', w: 'pos' });
    expect(body.diagnostics.x).toMatchObject({ name: 'tl', role: 'focal' });
    body.diagnostics.residuals.forEach((e, i) => expect(Math.abs(e - expected.residuals[i])).toBeLessThan(1e-12));

    const panel = await run('panel', ['--y', 'engage', '--x', 'tl', '--entity', 'ownership', '--effects', 'pooled']);
    const res = await get(projectId, panel);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ available: false, reason: 'Residual diagnostics are not available for panel models.' });

    expect((await get(projectId, 'no-such-analysis')).status).toBe(404);
  });
});
