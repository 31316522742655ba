import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors/app-error';
import { LINKED_CONSTRUCT_HEADERS, type LinkedConstruct } from '@/lib/io/export/hierarchy-table';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { runJob } from '../../jobs/pool';
import { rejection } from '../../testing/rejection';
import { createCode } from '../code/create-code';
import { applyCode } from '../coding/apply-code';
import { createSourceFromText } from '../source/create-source';

const TEXT = '卖家说：我们信任平台🙂，但是物流太慢。\nSeller: we trust the platform, but shipping is slow.';

/** Exports run in a worker thread that reads the same database through the same data layer. */
describe('exports in the job pool', () => {
  it('writes the coded segments and the hierarchy table in a worker, for members only', async () => {
    const owner = await makeUser();
    const stranger = await makeUser();
    const project = await makeProject(owner.id, [], '跨境 export');
    const source = await createSourceFromText({ userId: owner.id, projectId: project.id, input: { title: 'Interview 1', kind: 'interview', folderId: null, text: TEXT } });
    const code = await createCode({ userId: owner.id, projectId: project.id, input: { name: 'trust in platform', definition: '' } });
    await applyCode({ userId: owner.id, projectId: project.id, sourceId: source.id, input: { codeId: code.id, start: 6, end: 11 } });

    const csv = await runJob('exportCodedSegments', { userId: owner.id, userName: owner.name, projectId: project.id, format: 'csv' });
    expect(csv.fileName).toBe('跨境-export-coded-segments.csv');
    const text = new TextDecoder().decode(csv.body);
    expect(text).toContain('信任平台🙂');
    expect(text).toContain('trust in platform');

    const docx = await runJob('exportHierarchyTable', { userId: owner.id, projectId: project.id, format: 'docx' });
    expect(docx.contentType).toContain('wordprocessingml');
    expect([...docx.body.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip

    const refused = await rejection(runJob('exportCodedSegments', { userId: stranger.id, userName: stranger.name, projectId: project.id, format: 'xlsx' }));
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe('NOT_FOUND');
  });
});

describe('the hierarchy table with linked constructs', () => {
  it('adds the columns Linked construct, α, M (SD) and Strongest coefficient, one line per link of the row', async () => {
    const owner = await makeUser();
    const project = await makeProject(owner.id, [], 'Linked export');
    const source = await createSourceFromText({ userId: owner.id, projectId: project.id, input: { title: 'Interview 1', kind: 'interview', folderId: null, text: TEXT } });
    const category = await createCode({ userId: owner.id, projectId: project.id, input: { name: 'Platform trust', definition: '', level: 2 } });
    const concept = await createCode({ userId: owner.id, projectId: project.id, input: { name: 'trust in platform', definition: '', level: 1, parentId: category.id } });
    await applyCode({ userId: owner.id, projectId: project.id, sourceId: source.id, input: { codeId: concept.id, start: 6, end: 11 } });
    const link = (over: Partial<LinkedConstruct>): LinkedConstruct => ({
      linkId: 'l',
      targetName: 'Trust in online shops',
      datasetName: 'Survey 2024',
      kind: 'scale',
      rationale: '',
      alpha: 0.8612,
      mean: 3.714,
      sd: 0.8153,
      strongest: 'β = .42***',
      strongestIn: 'OLS: trust → intention',
      ...over,
    });
    const links = {
      [category.id]: [link({ linkId: 'l1' })],
      [concept.id]: [link({ linkId: 'l2', kind: 'variable', targetName: 'trust_overall', alpha: null, strongest: null, strongestIn: null })],
    };

    const csv = await runJob('exportHierarchyTable', { userId: owner.id, projectId: project.id, format: 'csv', links });
    const parsed = Papa.parse<string[]>(new TextDecoder().decode(csv.body).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['Core category', 'Main category', 'Category', 'Concepts', ...LINKED_CONSTRUCT_HEADERS]);
    const row = parsed.find((r) => r[2].includes('Platform trust'))!;
    const label = (id: string, name: string) => [category, concept].find((c) => c.id === id)!.label || name;
    expect(row.slice(4)).toEqual([
      `${label(category.id, 'Platform trust')} ↔ Trust in online shops (Survey 2024)\n${label(concept.id, 'trust in platform')} ↔ trust_overall (Survey 2024)`,
      '.86\n—',
      '3.71 (0.82)\n3.71 (0.82)',
      'β = .42***\n—',
    ]);

    const xlsx = await runJob('exportHierarchyTable', { userId: owner.id, projectId: project.id, format: 'xlsx', links });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.body) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect((sheet.getRow(4).values as unknown[]).slice(5)).toEqual([...LINKED_CONSTRUCT_HEADERS]);

    const docx = await runJob('exportHierarchyTable', { userId: owner.id, projectId: project.id, format: 'docx', links });
    expect([...docx.body.subarray(0, 2)]).toEqual([0x50, 0x4b]);

    // Without the option: the published four columns only.
    const plain = await runJob('exportHierarchyTable', { userId: owner.id, projectId: project.id, format: 'csv' });
    expect(new TextDecoder().decode(plain.body).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Core category,Main category,Category,Concepts');
  });
});
