import { readFileSync } from 'node:fs';

import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';

import { POST as importRoute } from '@/app/api/projects/[projectId]/datasets/route';
import { POST as analysesPost } from '@/app/api/projects/[projectId]/datasets/[datasetId]/analyses/route';
import { GET as exportRoute } from '@/app/api/projects/[projectId]/analyses/[analysisId]/export/route';
import { analysisTable } from '@/lib/stats/tables/analysis-table';
import { renderDocx } from '@/lib/stats/tables/render-docx';
import { renderXlsx } from '@/lib/stats/tables/render-xlsx';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import type { SessionUser } from '../../auth/session';
import { getAnalysis } from './analyses';

/**
 * Word and Excel exports are rendered in a worker (`renderAnalysisTable`): the files carry the
 * same table XML as rendering the same table in this thread.
 */
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/server/auth/session', () => ({ currentUser: async () => session.user }));

const survey = new Uint8Array(readFileSync(new URL('../../../stats/golden/mediate-survey.csv', import.meta.url)));
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

/** The parts of an Office file that hold the table (not the zip's timestamps or doc properties). */
const tablePart = (bytes: Uint8Array, path: string) => strFromU8(unzipSync(bytes)[path]);

describe('analysis table exports (docx, xlsx) from the worker', () => {
  it('have the same table XML as an in-thread rendering of the page table', async () => {
    const owner = await makeUser();
    const project = await makeProject(owner.id);
    session.user = { id: owner.id, email: owner.email, name: owner.name };
    const base = `http://localhost/api/projects/${project.id}/datasets`;
    const imported = await importRoute(
      new Request(`${base}?name=Survey`, { method: 'POST', body: survey, headers: { 'x-file-name': 'mediate-survey.csv', 'content-type': 'application/octet-stream' } }),
      params({ projectId: project.id }),
    );
    const dataset = ((await imported.json()) as { dataset: { id: string } }).dataset;
    const ran = await analysesPost(
      new Request(`${base}/${dataset.id}/analyses`, {
        method: 'POST',
        body: JSON.stringify({ kind: 'ols', options: ['--y', 'engage', '--x', 'tl,pos,empower', '--covariates', 'age,female'] }),
        headers: { 'content-type': 'application/json' },
      }),
      params({ projectId: project.id, datasetId: dataset.id }),
    );
    const analysisId = ((await ran.json()) as { analysis: { id: string } }).analysis.id;
    const analysis = await getAnalysis({ userId: owner.id, projectId: project.id, analysisId });

    for (const style of ['apa', 'econ'] as const) {
      const table = analysisTable(analysis, { style, decimals: 3 });
      const get = (format: string) =>
        exportRoute(new Request(`http://localhost/api/projects/${project.id}/analyses/${analysisId}/export?format=${format}&style=${style}&decimals=3`), params({ projectId: project.id, analysisId }));

      const docx = await get('docx');
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-type')).toContain('wordprocessingml');
      const docxBytes = new Uint8Array(await docx.arrayBuffer());
      expect(tablePart(docxBytes, 'word/document.xml')).toBe(tablePart(await renderDocx(table, { landscape: table.columns.at(-1)!.length > 7 }), 'word/document.xml'));

      const xlsx = await get('xlsx');
      expect(xlsx.status).toBe(200);
      const xlsxBytes = new Uint8Array(await xlsx.arrayBuffer());
      const sheet = 'xl/worksheets/sheet1.xml';
      expect(tablePart(xlsxBytes, sheet)).toBe(tablePart(await renderXlsx(table), sheet));
      expect(tablePart(xlsxBytes, 'xl/sharedStrings.xml')).toBe(tablePart(await renderXlsx(table), 'xl/sharedStrings.xml'));
    }
  });
});
