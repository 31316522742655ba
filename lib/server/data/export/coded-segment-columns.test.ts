import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { CODED_SEGMENT_HEADERS } from '@/lib/io/export/coded-segments';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { createCode } from '../code/create-code';
import { applyCode } from '../coding/apply-code';
import { createSourceFromText } from '../source/create-source';
import { exportCodedSegments } from './export-coded-segments';

const TRANSCRIPT = 'Ana: We opened the shop in 2019.\nBen: Why then?\nAna: =SUM(1,2) was the fee.';
const PDF_TEXT = 'Page one text.\n\nPage two: trust the platform.';
const NOTES = 'First note.\n\nSecond note about trust.\n\nThird.';

describe('coded-segment export columns', () => {
  it('names the case, the page, the speaker and timestamp, the paragraph, the code label and its categories', async () => {
    const owner = await makeUser();
    const project = await makeProject(owner.id, [], 'Columns');
    const source = (title: string, text: string) => createSourceFromText({ userId: owner.id, projectId: project.id, input: { title, kind: 'interview', folderId: null, text } });
    const [transcript, pdf, notes] = [await source('Interview Ana', TRANSCRIPT), await source('Report', PDF_TEXT), await source('Notes', NOTES)];
    const firm = await db.case.create({ data: { projectId: project.id, name: 'Firm A' }, select: { id: true } });
    await db.source.update({
      where: { id: transcript.id },
      data: {
        caseId: firm.id,
        structure: JSON.stringify({
          turns: [
            { speaker: 'Ana', startMs: 3_000, endMs: 9_000, start: 5, end: 32 },
            { speaker: 'Ben', startMs: 10_000, endMs: 12_000, start: 38, end: 47 },
            { speaker: 'Ana', startMs: 723_000, endMs: 730_000, start: 53, end: 75 },
          ],
        }),
      },
    });
    await db.source.update({ where: { id: pdf.id }, data: { structure: JSON.stringify({ pages: [{ page: 1, start: 0, end: 14 }, { page: 2, start: 16, end: 45 }] }) } });

    const core = await createCode({ userId: owner.id, projectId: project.id, input: { name: 'Trust work', definition: '', level: 4 } });
    const main = await createCode({ userId: owner.id, projectId: project.id, input: { name: 'Signalling', definition: '', level: 3, parentId: core.id } });
    const category = await createCode({ userId: owner.id, projectId: project.id, input: { name: 'Fees', definition: '', level: 2, parentId: main.id } });
    const concept = await createCode({ userId: owner.id, projectId: project.id, input: { name: 'Platform fee', definition: '', parentId: category.id } });
    const codes = await db.code.findMany({ where: { projectId: project.id }, select: { id: true, label: true } });
    const label = (id: string) => codes.find((c) => c.id === id)!.label;
    expect(label(concept.id)).toMatch(/^C\d+$/);
    const code = (sourceId: string, start: number, end: number) => applyCode({ userId: owner.id, projectId: project.id, sourceId, input: { codeId: concept.id, start, end } });
    await code(transcript.id, 53, 62); // "=SUM(1,2)", Ana at 12:03
    await code(pdf.id, 26, 31); // "trust", page 2
    await code(notes.id, 31, 36); // "trust", paragraph 2

    const csv = await exportCodedSegments({ userId: owner.id, userName: owner.name, projectId: project.id, format: 'csv' });
    const [header, ...rows] = Papa.parse<string[]>(new TextDecoder().decode(csv.body).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(header).toEqual([...CODED_SEGMENT_HEADERS]);
    const byTitle = new Map(rows.map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
    const path = `${label(category.id)} Fees / ${label(main.id)} Signalling / ${label(core.id)} Trust work`;
    expect(byTitle.get('Interview Ana')).toMatchObject({ Case: 'Firm A', Page: '', Speaker: 'Ana', Timestamp: '12:03', Paragraph: '3', Segment: "'=SUM(1,2)" });
    expect(byTitle.get('Report')).toMatchObject({ Case: '', Page: '2', Speaker: '', Timestamp: '', Paragraph: '2', Segment: 'trust' });
    expect(byTitle.get('Notes')).toMatchObject({ Page: '', Paragraph: '2', Segment: 'trust' });
    for (const r of byTitle.values()) expect(r).toMatchObject({ Label: label(concept.id), Code: 'Platform fee', 'Category / main / core': path });

    const xlsx = await exportCodedSegments({ userId: owner.id, userName: owner.name, projectId: project.id, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.body) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Coded segments')!;
    const col = (h: (typeof CODED_SEGMENT_HEADERS)[number]) => CODED_SEGMENT_HEADERS.indexOf(h) + 1;
    const transcriptRow = [2, 3, 4].map((n) => sheet.getRow(n)).find((r) => r.getCell(1).value === 'Interview Ana')!;
    // XLSX: a string cell holding the text as typed, no apostrophe.
    expect(transcriptRow.getCell(col('Segment')).type).toBe(ExcelJS.ValueType.String);
    expect(transcriptRow.getCell(col('Segment')).value).toBe('=SUM(1,2)');
    expect(transcriptRow.getCell(col('Paragraph')).value).toBe(3);
    expect(transcriptRow.getCell(col('Case')).value).toBe('Firm A');
    // Three sources, four codes, two exports: slow only on a busy machine.
  }, 120_000);
});
