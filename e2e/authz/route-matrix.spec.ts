import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import { type APIRequestContext, type BrowserContext, expect, request as playwrightRequest, test } from '@playwright/test';

import { newUser, signUp, type TestUser } from '../fixtures/users';

/**
 * Every project route, called without a session, by a non-member, by a viewer and by the
 * owner. Pages: unauthenticated → redirect to /sign-in, non-member → 404. API: 401, 404, and a
 * viewer's writes → 403. The owner's 2xx on the same URLs shows the 404s are not bad URLs.
 */
type Ctx = { projectId: string; ownerId: string; viewerId: string; coderId: string; strangerEmail: string; sourceId: string; codeId: string; datasetId: string; versionId: string; scaleId: string; analysisId: string; analysisId2: string; linkId: string; caseId: string; attributeId: string; partId: string };
type Route =
  | { kind: 'page'; file: string; path: (c: Ctx) => string; viewer: 200 | 404; /** the owner's status when not 200 (an id no one may open) */ owner?: 404 }
  | {
      kind: 'api';
      file: string;
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      path: (c: Ctx) => string;
      body?: (c: Ctx) => unknown;
      headers?: Record<string, string>;
      write: boolean;
      /** A read's success status when not 200 (204 for a heartbeat). */
      ok?: number;
      /** A server-sent-events stream: members' answers are checked on the headers (the body never ends). */
      stream?: true;
    };

const ROUTES: Route[] = [
  { kind: 'page', file: 'app/(app)/projects/[projectId]/page.tsx', path: (c) => `/projects/${c.projectId}`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/team/page.tsx', path: (c) => `/projects/${c.projectId}/team`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/settings/page.tsx', path: (c) => `/projects/${c.projectId}/settings`, viewer: 404 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/sources/page.tsx', path: (c) => `/projects/${c.projectId}/sources`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/sources/[sourceId]/page.tsx', path: (c) => `/projects/${c.projectId}/sources/${c.sourceId}`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/sources/[sourceId]/details/page.tsx', path: (c) => `/projects/${c.projectId}/sources/${c.sourceId}/details`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/codes/page.tsx', path: (c) => `/projects/${c.projectId}/codes`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/codes/[codeId]/page.tsx', path: (c) => `/projects/${c.projectId}/codes/${c.codeId}`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/hierarchy/page.tsx', path: (c) => `/projects/${c.projectId}/hierarchy`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/hierarchy/table/page.tsx', path: (c) => `/projects/${c.projectId}/hierarchy/table`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/hierarchy/tree/page.tsx', path: (c) => `/projects/${c.projectId}/hierarchy/tree`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/hierarchy/network/page.tsx', path: (c) => `/projects/${c.projectId}/hierarchy/network`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/hierarchy/storyline/page.tsx', path: (c) => `/projects/${c.projectId}/hierarchy/storyline`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/data/page.tsx', path: (c) => `/projects/${c.projectId}/data`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/mixed/page.tsx', path: (c) => `/projects/${c.projectId}/mixed`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/saturation/page.tsx', path: (c) => `/projects/${c.projectId}/saturation`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/queries/page.tsx', path: (c) => `/projects/${c.projectId}/queries?tab=cooccurrence`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/search/page.tsx', path: (c) => `/projects/${c.projectId}/search?q=Hamburg`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/cases/page.tsx', path: (c) => `/projects/${c.projectId}/cases`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/cases/matrix/page.tsx', path: (c) => `/projects/${c.projectId}/cases/matrix`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/cases/triangulation/page.tsx', path: (c) => `/projects/${c.projectId}/cases/triangulation`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/data/[datasetId]/page.tsx', path: (c) => `/projects/${c.projectId}/data/${c.datasetId}`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/data/[datasetId]/analyses/page.tsx', path: (c) => `/projects/${c.projectId}/data/${c.datasetId}/analyses`, viewer: 200 },
  {
    kind: 'page',
    file: 'app/(app)/projects/[projectId]/data/[datasetId]/analyses/new/page.tsx',
    path: (c) => `/projects/${c.projectId}/data/${c.datasetId}/analyses/new?kind=ols`,
    viewer: 200,
  },
  {
    kind: 'page',
    file: 'app/(app)/projects/[projectId]/data/[datasetId]/analyses/[analysisId]/page.tsx',
    path: (c) => `/projects/${c.projectId}/data/${c.datasetId}/analyses/${c.analysisId}`,
    viewer: 200,
  },
  {
    kind: 'page',
    file: 'app/(app)/projects/[projectId]/data/[datasetId]/analyses/compare/page.tsx',
    path: (c) => `/projects/${c.projectId}/data/${c.datasetId}/analyses/compare?ids=${c.analysisId},${c.analysisId2}`,
    viewer: 200,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/exports/hierarchy/route.ts',
    method: 'GET',
    path: (c) => `/api/projects/${c.projectId}/exports/hierarchy?format=docx`,
    write: false,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/exports/coded-segments/route.ts',
    method: 'GET',
    path: (c) => `/api/projects/${c.projectId}/exports/coded-segments?format=csv`,
    write: false,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/sources/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/sources`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/sources/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/sources`,
    body: () => Buffer.from('Interview text from someone who may not upload.'),
    headers: { 'x-file-name': 'intruder.txt', 'content-type': 'text/plain' },
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/sources/[sourceId]/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/sources/${c.sourceId}`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/sources/[sourceId]/route.ts',
    method: 'PATCH',
    path: (c) => `/api/projects/${c.projectId}/sources/${c.sourceId}`,
    body: () => ({ title: 'Renamed by someone' }),
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/sources/[sourceId]/route.ts', method: 'DELETE', path: (c) => `/api/projects/${c.projectId}/sources/${c.sourceId}`, write: true },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/sources/[sourceId]/codings/route.ts',
    method: 'GET',
    path: (c) => `/api/projects/${c.projectId}/sources/${c.sourceId}/codings`,
    write: false,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/sources/[sourceId]/codings/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/sources/${c.sourceId}/codings`,
    body: (c) => ({ codeId: c.codeId, start: 0, end: 11 }),
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/codes/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/codes`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/codes/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/codes`,
    body: () => ({ name: 'code by someone who may not' }),
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}`, write: false },
  { kind: 'api', file: 'app/api/projects/[projectId]/route.ts', method: 'PATCH', path: (c) => `/api/projects/${c.projectId}`, body: () => ({ name: 'Renamed by someone' }), write: true },
  { kind: 'api', file: 'app/api/projects/[projectId]/route.ts', method: 'DELETE', path: (c) => `/api/projects/${c.projectId}`, write: true },
  { kind: 'api', file: 'app/api/projects/[projectId]/members/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/members`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/members/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/members`,
    body: (c) => ({ email: c.strangerEmail, role: 'owner' }),
    write: true,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/members/[userId]/route.ts',
    method: 'PATCH',
    path: (c) => `/api/projects/${c.projectId}/members/${c.ownerId}`,
    body: () => ({ role: 'viewer' }),
    write: true,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/members/[userId]/route.ts',
    method: 'DELETE',
    path: (c) => `/api/projects/${c.projectId}/members/${c.ownerId}`,
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/datasets/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/datasets`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/datasets/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/datasets?name=Intruder`,
    body: () => Buffer.from(SURVEY_CSV),
    headers: { 'x-file-name': 'intruder.csv', 'content-type': 'text/csv' },
    write: true,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/datasets/preview/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/datasets/preview`,
    body: () => Buffer.from(SURVEY_CSV),
    headers: { 'x-file-name': 'intruder.csv', 'content-type': 'text/csv' },
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/datasets/[datasetId]/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/datasets/${c.datasetId}`, write: false },
  { kind: 'api', file: 'app/api/projects/[projectId]/datasets/[datasetId]/route.ts', method: 'DELETE', path: (c) => `/api/projects/${c.projectId}/datasets/${c.datasetId}`, write: true },
  { kind: 'api', file: 'app/api/projects/[projectId]/datasets/[datasetId]/rows/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/datasets/${c.datasetId}/rows?limit=5`, write: false },
  { kind: 'api', file: 'app/api/projects/[projectId]/datasets/[datasetId]/csv/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/datasets/${c.datasetId}/csv`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/datasets/[datasetId]/versions/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/datasets/${c.datasetId}/versions`,
    body: (c) => ({ baseVersionId: c.versionId, transforms: [{ op: 'standardize', name: 'z_q1', variable: 'q1' }], note: 'Intruder' }),
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/datasets/[datasetId]/scales/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/datasets/${c.datasetId}/scales`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/datasets/[datasetId]/scales/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/datasets/${c.datasetId}/scales`,
    body: () => ({ name: 'Intruder scale', items: ['q1', 'q2'] }),
    write: true,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/datasets/[datasetId]/scales/[scaleId]/route.ts',
    method: 'PUT',
    path: (c) => `/api/projects/${c.projectId}/datasets/${c.datasetId}/scales/${c.scaleId}`,
    body: () => ({ name: 'Renamed by someone', items: ['q1', 'q2'] }),
    write: true,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/datasets/[datasetId]/scales/[scaleId]/route.ts',
    method: 'DELETE',
    path: (c) => `/api/projects/${c.projectId}/datasets/${c.datasetId}/scales/${c.scaleId}`,
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/datasets/[datasetId]/analyses/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/datasets/${c.datasetId}/analyses`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/datasets/[datasetId]/analyses/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/datasets/${c.datasetId}/analyses`,
    body: () => ({ kind: 'describe', options: ['--vars', 'q1,q2'] }),
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/analyses/[analysisId]/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/analyses/${c.analysisId}`, write: false },
  { kind: 'api', file: 'app/api/projects/[projectId]/analyses/[analysisId]/route.ts', method: 'DELETE', path: (c) => `/api/projects/${c.projectId}/analyses/${c.analysisId}`, write: true },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/analyses/[analysisId]/export/route.ts',
    method: 'GET',
    path: (c) => `/api/projects/${c.projectId}/analyses/${c.analysisId}/export?format=xlsx`,
    write: false,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/analyses/[analysisId]/r-script/route.ts',
    method: 'GET',
    path: (c) => `/api/projects/${c.projectId}/analyses/${c.analysisId}/r-script`,
    write: false,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/analyses/compare/export/route.ts',
    method: 'GET',
    path: (c) => `/api/projects/${c.projectId}/analyses/compare/export?ids=${c.analysisId},${c.analysisId2}&format=docx`,
    write: false,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/analyses/[analysisId]/diagnostics/route.ts',
    method: 'GET',
    path: (c) => `/api/projects/${c.projectId}/analyses/${c.analysisId}/diagnostics`,
    write: false,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/links/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/links`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/links/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/links`,
    body: (c) => ({ codeId: c.codeId, datasetId: c.datasetId, target: { kind: 'variable', variable: 'q1' }, rationale: 'intruder' }),
    write: true,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/links/[linkId]/route.ts',
    method: 'PATCH',
    path: (c) => `/api/projects/${c.projectId}/links/${c.linkId}`,
    body: () => ({ inference: 'divergent', inferenceNote: 'intruder' }),
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/links/[linkId]/route.ts', method: 'DELETE', path: (c) => `/api/projects/${c.projectId}/links/${c.linkId}`, write: true },
  { kind: 'api', file: 'app/api/projects/[projectId]/links/[linkId]/segments/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/links/${c.linkId}/segments`, write: false },
  { kind: 'api', file: 'app/api/projects/[projectId]/joint-display/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/joint-display?order=strength`, write: false },
  { kind: 'api', file: 'app/api/projects/[projectId]/joint-display/export/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/joint-display/export?format=docx`, write: false },
  { kind: 'api', file: 'app/api/projects/[projectId]/cases/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/cases`, write: false },
  { kind: 'api', file: 'app/api/projects/[projectId]/cases/route.ts', method: 'POST', path: (c) => `/api/projects/${c.projectId}/cases`, body: () => ({ name: 'Intruder' }), write: true },
  { kind: 'api', file: 'app/api/projects/[projectId]/cases/[caseId]/route.ts', method: 'PATCH', path: (c) => `/api/projects/${c.projectId}/cases/${c.caseId}`, body: () => ({ name: 'Intruder' }), write: true },
  { kind: 'api', file: 'app/api/projects/[projectId]/cases/[caseId]/route.ts', method: 'DELETE', path: (c) => `/api/projects/${c.projectId}/cases/${c.caseId}`, write: true },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/cases/assign/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/cases/assign`,
    body: (c) => ({ caseId: null, sourceIds: [c.sourceId] }),
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/cases/match/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/cases/match?datasetId=${c.datasetId}&idVariable=id`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/cases/by-variable/route.ts',
    method: 'GET',
    path: (c) => `/api/projects/${c.projectId}/cases/by-variable?datasetId=${c.datasetId}&idVariable=id&variable=q1&filter=above-median`,
    write: false,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/datasets/[datasetId]/quantitize/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/datasets/${c.datasetId}/quantitize`,
    body: (c) => ({ datasetId: c.datasetId, baseVersionId: c.versionId, idVariable: 'id', codes: [{ codeId: c.codeId, rollUp: false }], measure: 'presence' }),
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/cases/attributes/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/cases/attributes`, write: false },
  { kind: 'api', file: 'app/api/projects/[projectId]/cases/attributes/route.ts', method: 'POST', path: (c) => `/api/projects/${c.projectId}/cases/attributes`, body: () => ({ name: 'Intruder', type: 'text' }), write: true },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/cases/attributes/[attributeId]/route.ts',
    method: 'PATCH',
    path: (c) => `/api/projects/${c.projectId}/cases/attributes/${c.attributeId}`,
    body: () => ({ name: 'Intruder' }),
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/cases/attributes/[attributeId]/route.ts', method: 'DELETE', path: (c) => `/api/projects/${c.projectId}/cases/attributes/${c.attributeId}`, write: true },
  { kind: 'api', file: 'app/api/projects/[projectId]/cases/table/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/cases/table`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/cases/table/route.ts',
    method: 'PUT',
    path: (c) => `/api/projects/${c.projectId}/cases/table`,
    body: (c) => ({ caseId: c.caseId, attributeId: c.attributeId, value: 'Intruder' }),
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/cases/table/export/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/cases/table/export`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/cases/table/import/preview/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/cases/table/import/preview`,
    body: () => Buffer.from('case,Region\nIntruder,North\n'),
    headers: { 'content-type': 'text/csv', 'x-file-name': 'attributes.csv' },
    write: true,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/cases/table/import/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/cases/table/import`,
    body: () => ({ text: 'case,Region\nIntruder,North\n' }),
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/cases/matrix/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/cases/matrix?level=1`, write: false },
  { kind: 'api', file: 'app/api/projects/[projectId]/cases/matrix/cell/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/cases/matrix/cell?caseId=${c.caseId}&codeId=${c.codeId}`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/cases/matrix/summary/route.ts',
    method: 'PUT',
    path: (c) => `/api/projects/${c.projectId}/cases/matrix/summary`,
    body: (c) => ({ caseId: c.caseId, codeId: c.codeId, text: 'intruder' }),
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/cases/matrix/export/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/cases/matrix/export?format=xlsx&level=1`, write: false },
  { kind: 'api', file: 'app/api/projects/[projectId]/search/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/search?q=Hamburg`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/search/code/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/search/code`,
    body: (c) => ({ query: 'Hamburg', codeId: c.codeId, unit: 'hit', dryRun: false }),
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/queries/matrix/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/queries/matrix?matrix=cooccurrence`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/queries/cell/route.ts',
    method: 'GET',
    path: (c) => `/api/projects/${c.projectId}/queries/cell?matrix=source&row=${c.codeId}&column=${c.sourceId}`,
    write: false,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/queries/export/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/queries/export?matrix=source&format=xlsx`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/queries/retrieval/route.ts',
    method: 'GET',
    path: (c) => `/api/projects/${c.projectId}/queries/retrieval?operator=or&a=${c.codeId}&b=${c.codeId}`,
    write: false,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/saturation/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/saturation?base=4&run=2&threshold=5`, write: false },
  { kind: 'api', file: 'app/api/projects/[projectId]/saturation/export/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/saturation/export?format=docx`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/saturation/test-set/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/saturation/test-set`,
    body: (c) => ({ sourceIds: [c.sourceId], test: true }),
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/saturation/order/route.ts', method: 'PUT', path: (c) => `/api/projects/${c.projectId}/saturation/order`, body: (c) => ({ sourceIds: [c.sourceId] }), write: true },
  { kind: 'api', file: 'app/api/projects/[projectId]/cases/[caseId]/parts/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/cases/${c.caseId}/parts`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/cases/[caseId]/parts/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/cases/${c.caseId}/parts`,
    body: (c) => ({ sourceId: c.sourceId, start: 10, end: 20 }),
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/cases/[caseId]/parts/[partId]/route.ts', method: 'DELETE', path: (c) => `/api/projects/${c.projectId}/cases/${c.caseId}/parts/${c.partId}`, write: true },
  { kind: 'api', file: 'app/api/projects/[projectId]/sources/[sourceId]/speakers/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/sources/${c.sourceId}/speakers`, write: false },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/codes/[codeId]/history/page.tsx', path: (c) => `/projects/${c.projectId}/codes/${c.codeId}/history`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/team/activity/page.tsx', path: (c) => `/projects/${c.projectId}/team/activity`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/team/agreement/page.tsx', path: (c) => `/projects/${c.projectId}/team/agreement`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/team/comments/page.tsx', path: (c) => `/projects/${c.projectId}/team/comments`, viewer: 200 },
  { kind: 'page', file: 'app/(app)/projects/[projectId]/team/proposals/page.tsx', path: (c) => `/projects/${c.projectId}/team/proposals`, viewer: 200 },
  // Proposals come only from coders with review on (proposals.test.ts, e2e/team/proposal-review.spec.ts);
  // here an id that is no one's proves the page's redirect and that a non-member learns nothing.
  { kind: 'page', file: 'app/(app)/projects/[projectId]/team/proposals/[proposalId]/page.tsx', path: (c) => `/projects/${c.projectId}/team/proposals/no-such-proposal`, viewer: 404, owner: 404 },
  { kind: 'api', file: 'app/api/projects/[projectId]/events/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/events?after=0`, write: false, stream: true },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/presence/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/presence`,
    body: () => ({ client: 'matrix-client-1', sourceId: null, mode: 'viewing' }),
    write: false,
    ok: 204,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/exports/agreement/route.ts',
    method: 'GET',
    path: (c) => `/api/projects/${c.projectId}/exports/agreement?format=csv&coder=${c.ownerId}&coder=${c.coderId}&level=existence`,
    write: false,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/refi/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/refi?format=qdc`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/refi/codebook/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/refi/codebook?mode=preview`,
    body: () => Buffer.from('<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>'),
    headers: { 'x-file-name': 'matrix.qdc', 'content-type': 'application/xml' },
    write: true,
  },
  { kind: 'api', file: 'app/api/projects/[projectId]/refi/placeholders/route.ts', method: 'GET', path: (c) => `/api/projects/${c.projectId}/refi/placeholders`, write: false },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/refi/placeholders/route.ts',
    method: 'POST',
    path: (c) => `/api/projects/${c.projectId}/refi/placeholders`,
    body: (c) => ({ placeholderId: c.ownerId, memberId: c.ownerId }),
    write: true,
  },
  {
    kind: 'api',
    file: 'app/api/projects/[projectId]/sources/[sourceId]/file/route.ts',
    method: 'PUT',
    path: (c) => `/api/projects/${c.projectId}/sources/${c.sourceId}/file?encoding=windows-1252`,
    body: () => Buffer.from('Interviewer: How did you start selling abroad?\nSeller: Through a friend in Hamburg.'),
    headers: { 'x-file-name': encodeURIComponent('interview 1.txt'), 'content-type': 'text/plain' },
    write: true,
  },
];

/** A small survey for the dataset routes: three Likert items. */
const SURVEY_CSV = ['id,q1,q2,q3', ...Array.from({ length: 30 }, (_, i) => `${i + 1},${(i % 5) + 1},${((i * 3) % 5) + 1},${((i * 7) % 5) + 1}`)].join('\n');

test('the matrix lists every project page and API route in app/', () => {
  const root = process.cwd();
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^(page\.tsx|route\.ts)$/.test(e.name) && p.includes('[projectId]')) found.push(relative(root, p));
    }
  };
  walk(join(root, 'app'));
  expect(found.sort()).toEqual([...new Set(ROUTES.map((r) => r.file))].sort());
});

test.describe('project route authorization', () => {
  let ctx: Ctx;
  const sessions: Record<'owner' | 'viewer' | 'stranger', APIRequestContext> = {} as never;
  const contexts: Record<'owner' | 'viewer' | 'stranger', BrowserContext> = {} as never;
  let anonymous: APIRequestContext;

  test.beforeAll(async ({ browser }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL as string;
    const users: Record<string, TestUser> = { owner: newUser('MxOwner'), viewer: newUser('MxViewer'), stranger: newUser('MxStranger') };
    let ownerContext!: BrowserContext;
    for (const role of ['owner', 'viewer', 'stranger'] as const) {
      const context = await browser.newContext({ baseURL });
      await signUp(await context.newPage(), users[role]);
      sessions[role] = context.request;
      contexts[role] = context;
      if (role === 'owner') ownerContext = context;
    }
    anonymous = await playwrightRequest.newContext({ baseURL });
    const created = await sessions.owner.post('/api/projects', { data: { name: 'Matrix project' } });
    expect(created.status()).toBe(201);
    const projectId = (await created.json()).project.id as string;
    const invited = await sessions.owner.post(`/api/projects/${projectId}/members`, { data: { email: users.viewer.email, role: 'viewer' } });
    expect(invited.status()).toBe(201);
    const members = (await (await sessions.owner.get(`/api/projects/${projectId}/members`)).json()).members as Array<{ userId: string; email: string }>;
    const uploaded = await sessions.owner.post(`/api/projects/${projectId}/sources`, {
      data: Buffer.from('Interviewer: How did you start selling abroad?\nSeller: Through a friend in Hamburg.'),
      headers: { 'x-file-name': encodeURIComponent('interview 1.txt'), 'content-type': 'text/plain' },
    });
    expect(uploaded.status()).toBe(201);
    const sourceId = (await uploaded.json()).source.id as string;
    // A code, through the Codebook form (codes have no JSON API yet).
    const ownerPage = await ownerContext.newPage();
    await ownerPage.goto(`/projects/${projectId}/codes`);
    await ownerPage.getByLabel('Code name').fill('matrix code');
    await ownerPage.getByRole('button', { name: 'Add code' }).click();
    const link = ownerPage.getByRole('link', { name: 'matrix code' });
    await expect(link).toBeVisible();
    const codeId = (await link.getAttribute('href'))!.split('/').pop()!;
    // Two coders code the source, so the agreement export has something to compare.
    const coderUser = newUser('MxCoder');
    const coderContext = await browser.newContext({ baseURL });
    await signUp(await coderContext.newPage(), coderUser);
    expect((await sessions.owner.post(`/api/projects/${projectId}/members`, { data: { email: coderUser.email, role: 'coder' } })).status()).toBe(201);
    for (const api of [sessions.owner, coderContext.request]) {
      expect((await api.post(`/api/projects/${projectId}/sources/${sourceId}/codings`, { data: { codeId, start: 0, end: 11 } })).status()).toBeLessThan(300);
    }
    const coderId = ((await (await sessions.owner.get(`/api/projects/${projectId}/members`)).json()).members as Array<{ userId: string; email: string }>).find((m) => m.email === coderUser.email)!.userId;
    await coderContext.close();
    const imported = await sessions.owner.post(`/api/projects/${projectId}/datasets?name=${encodeURIComponent('Matrix survey')}`, {
      data: Buffer.from(SURVEY_CSV),
      headers: { 'x-file-name': 'matrix-survey.csv', 'content-type': 'text/csv' },
    });
    expect(imported.status()).toBe(201);
    const dataset = (await imported.json()).dataset as { id: string; versionId: string };
    const scale = await sessions.owner.post(`/api/projects/${projectId}/datasets/${dataset.id}/scales`, { data: { name: 'Matrix scale', items: ['q1', 'q2', 'q3'] } });
    expect(scale.status()).toBe(201);
    const analysisIds: string[] = [];
    for (const x of ['q1', 'q1,q3']) {
      const run = await sessions.owner.post(`/api/projects/${projectId}/datasets/${dataset.id}/analyses`, { data: { kind: 'ols', options: ['--y', 'q2', '--x', x] } });
      expect(run.status()).toBe(201);
      analysisIds.push((await run.json()).analysis.id as string);
    }
    const linked = await sessions.owner.post(`/api/projects/${projectId}/links`, { data: { codeId, datasetId: dataset.id, target: { kind: 'scale', scaleId: (await scale.json()).scale.id }, rationale: 'matrix' } });
    expect(linked.status()).toBe(200);
    // Case "1" matches the survey's first id; the source belongs to it.
    const madeCase = await sessions.owner.post(`/api/projects/${projectId}/cases`, { data: { name: '1', sourceIds: [sourceId] } });
    expect(madeCase.status()).toBe(200);
    const part = await sessions.owner.post(`/api/projects/${projectId}/cases/${(await madeCase.json()).case.id}/parts`, { data: { sourceId, start: 0, end: 5 } });
    expect(part.status()).toBeLessThan(300);
    const attribute = await sessions.owner.post(`/api/projects/${projectId}/cases/attributes`, { data: { name: 'Region', type: 'text' } });
    expect(attribute.status()).toBeLessThan(300);
    ctx = {
      projectId,
      ownerId: members.find((m) => m.email === users.owner.email)!.userId,
      viewerId: members.find((m) => m.email === users.viewer.email)!.userId,
      coderId,
      strangerEmail: users.stranger.email,
      sourceId,
      codeId,
      datasetId: dataset.id,
      versionId: dataset.versionId,
      scaleId: (await scale.json()).scale.id as string,
      analysisId: analysisIds[0],
      analysisId2: analysisIds[1],
      linkId: (await linked.json()).link.id as string,
      caseId: (await madeCase.json()).case.id as string,
      attributeId: ((await attribute.json()) as { attribute: { id: string } }).attribute.id,
      partId: ((await part.json()) as { part: { id: string } }).part.id,
    };
  });

  const call = (api: APIRequestContext, r: Route) =>
    api.fetch(r.path(ctx), {
      method: r.kind === 'api' ? r.method : 'GET',
      data: r.kind === 'api' && r.body ? r.body(ctx) : undefined,
      headers: r.kind === 'api' ? r.headers : undefined,
      maxRedirects: 0,
    });

  /** Opens a server-sent-events stream in the member's browser and closes it once the headers arrive. */
  async function openStream(context: BrowserContext, path: string): Promise<{ status: number; type: string | null }> {
    const page = await context.newPage();
    try {
      await page.goto('/icon.svg');
      return await page.evaluate(async (url) => {
        const abort = new AbortController();
        const response = await fetch(url, { signal: abort.signal });
        abort.abort();
        return { status: response.status, type: response.headers.get('content-type') };
      }, path);
    } finally {
      await page.close();
    }
  }

  for (const route of ROUTES) {
    const label = route.kind === 'page' ? `page ${route.file}` : `${route.method} ${route.file}`;
    test(label, async () => {
      const anon = await call(anonymous, route);
      if (route.kind === 'page') {
        expect(anon.status()).toBe(307);
        expect(anon.headers().location).toContain('/sign-in');
      } else {
        expect(anon.status()).toBe(401);
      }
      const stranger = await call(sessions.stranger, route);
      expect(stranger.status()).toBe(404);
      expect(await stranger.text()).not.toContain('Matrix project');

      if (route.kind === 'api' && route.stream) {
        // A member's stream opens (200, text/event-stream); read its headers, then hang up.
        for (const role of ['viewer', 'owner'] as const) expect(await openStream(contexts[role], route.path(ctx))).toEqual({ status: 200, type: 'text/event-stream; charset=utf-8' });
        return;
      }
      const viewer = await call(sessions.viewer, route);
      if (route.kind === 'page') expect(viewer.status()).toBe(route.viewer);
      else expect(viewer.status()).toBe(route.write ? 403 : (route.ok ?? 200));

      // The owner reaches every page and every read (writes are proven in the data-layer suite).
      if (route.kind === 'page') expect((await call(sessions.owner, route)).status()).toBe(route.owner ?? 200);
      else if (!route.write) expect((await call(sessions.owner, route)).status()).toBe(route.ok ?? 200);
    });
  }

  test('nothing a refused writer sent was stored', async () => {
    const project = await (await sessions.owner.get(`/api/projects/${ctx.projectId}`)).json();
    expect(project.project.name).toBe('Matrix project');
    const members = (await (await sessions.owner.get(`/api/projects/${ctx.projectId}/members`)).json()).members as Array<{ role: string }>;
    expect(members.map((m) => m.role).sort()).toEqual(['coder', 'owner', 'viewer']);
    const sources = (await (await sessions.owner.get(`/api/projects/${ctx.projectId}/sources`)).json()).sources as Array<{ title: string }>;
    expect(sources.map((s) => s.title)).toEqual(['interview 1']);
    const datasets = (await (await sessions.owner.get(`/api/projects/${ctx.projectId}/datasets`)).json()).datasets as Array<{ name: string; versionCount: number; analysisCount: number }>;
    expect(datasets).toEqual([expect.objectContaining({ name: 'Matrix survey', versionCount: 1, analysisCount: 2 })]);
    const scales = (await (await sessions.owner.get(`/api/projects/${ctx.projectId}/datasets/${ctx.datasetId}/scales`)).json()).scales as Array<{ scale: { name: string } }>;
    expect(scales.map((s) => s.scale.name)).toEqual(['Matrix scale']);
    const links = (await (await sessions.owner.get(`/api/projects/${ctx.projectId}/links`)).json()).links as Array<{ targetName: string; rationale: string; inference: string }>;
    expect(links).toEqual([expect.objectContaining({ targetName: 'Matrix scale', rationale: 'matrix', inference: '' })]);
    const cases = (await (await sessions.owner.get(`/api/projects/${ctx.projectId}/cases`)).json()) as { cases: Array<{ name: string; sources: unknown[] }> };
    expect(cases.cases.map((c) => [c.name, c.sources.length])).toEqual([['1', 1]]);
    const table = (await (await sessions.owner.get(`/api/projects/${ctx.projectId}/cases/attributes`)).json()) as { attributes: Array<{ name: string }> };
    expect(table.attributes.map((a) => a.name)).toEqual(['Region']);
  });
});
