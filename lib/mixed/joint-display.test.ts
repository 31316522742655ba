import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { jointDisplayDocx } from './joint-display-docx';
import { JOINT_DISPLAY_SHEET, JOINT_DISPLAY_XLSX_COLUMNS, jointDisplayXlsx } from './joint-display-xlsx';
import { coefficientText, figuresText, filterAndSortRows, type JointDisplayTreeCode } from './joint-display';
import type { JointDisplayRow, LinkedCoefficient } from './types';

// core CC1 > main A1 > categories B2, B10 > concept C3 (under B10); main A2 (no core) > B1.
const codes: JointDisplayTreeCode[] = [
  { id: 'cc1', label: 'CC1', name: 'Market orientation', level: 4, parentId: null },
  { id: 'a1', label: 'A1', name: 'Branding', level: 3, parentId: 'cc1' },
  { id: 'b10', label: 'B10', name: 'Brand building', level: 2, parentId: 'a1' },
  { id: 'b2', label: 'B2', name: 'Brand voice', level: 2, parentId: 'a1' },
  { id: 'c3', label: 'C3', name: 'Logo work', level: 1, parentId: 'b10' },
  { id: 'a2', label: 'A2', name: 'Finance', level: 3, parentId: null },
  { id: 'b1', label: 'B1', name: 'Fees', level: 2, parentId: 'a2' },
];

const coef = (over: Partial<LinkedCoefficient>): LinkedCoefficient => ({
  analysisId: 'an1',
  analysisTitle: 'Hierarchical OLS',
  kind: 'ols',
  label: 'brand → performance',
  outcome: 'performance',
  estimate: 0.51,
  beta: 0.42,
  se: 0.06,
  p: 0.00001,
  ciLower: 0.3,
  ciUpper: 0.72,
  stars: '***',
  stale: false,
  ...over,
});

function row(id: string, codeId: string, over: Partial<JointDisplayRow> = {}): JointDisplayRow {
  const code = codes.find((c) => c.id === codeId)!;
  return {
    linkId: id,
    code: { id: code.id, label: code.label, name: code.name, level: code.level, definition: `Definition of ${code.name}` },
    target: { kind: 'scale', name: `Scale ${id}`, datasetName: 'Survey 2024' },
    rationale: 'Both describe brand work',
    qualitative: { sources: 4, segments: 12, exemplars: [] },
    quantitative: null,
    coefficients: [],
    inference: '',
    inferenceNote: '',
    changed: false,
    ...over,
  };
}

describe('filterAndSortRows', () => {
  const rows = [
    row('l-b1', 'b1', { coefficients: [coef({ beta: 0.1 })] }),
    row('l-c3', 'c3', { coefficients: [coef({ beta: -0.6 })] }),
    row('l-b2', 'b2'),
    row('l-b10', 'b10', { coefficients: [coef({ beta: 0.3 }), coef({ beta: null, estimate: 9, se: 1 })] }),
    row('l-a1', 'a1', { coefficients: [coef({ beta: null, estimate: 2, se: 1 })] }),
  ];
  const ids = (r: JointDisplayRow[]) => r.map((x) => x.linkId);

  it('hierarchy: the hierarchy table reading order, labels naturally (B2 before B10)', () => {
    expect(ids(filterAndSortRows(rows, codes, { order: 'hierarchy' }))).toEqual(['l-a1', 'l-b2', 'l-b10', 'l-c3', 'l-b1']);
  });

  it('label: natural order of labels', () => {
    expect(ids(filterAndSortRows(rows, codes, { order: 'label' }))).toEqual(['l-a1', 'l-b1', 'l-b2', 'l-b10', 'l-c3']);
  });

  it('strength: |β| first, t-only coefficients after, rows without coefficients last', () => {
    expect(ids(filterAndSortRows(rows, codes, { order: 'strength' }))).toEqual(['l-c3', 'l-b10', 'l-b1', 'l-a1', 'l-b2']);
  });

  it('under: the code and everything below it', () => {
    expect(ids(filterAndSortRows(rows, codes, { under: 'a1', order: 'hierarchy' }))).toEqual(['l-a1', 'l-b2', 'l-b10', 'l-c3']);
    expect(ids(filterAndSortRows(rows, codes, { under: 'cc1', order: 'label' }))).toEqual(['l-a1', 'l-b2', 'l-b10', 'l-c3']);
    expect(ids(filterAndSortRows(rows, codes, { under: 'a2', order: 'hierarchy' }))).toEqual(['l-b1']);
    expect(filterAndSortRows(rows, codes, { under: 'gone', order: 'hierarchy' })).toEqual([]);
  });

  it('does not modify its input', () => {
    const before = ids(rows);
    filterAndSortRows(rows, codes, { order: 'label' });
    expect(ids(rows)).toEqual(before);
  });
});

describe('texts', () => {
  it('figures in APA form', () => {
    expect(figuresText({ variable: 'brand', n: 312, mean: 3.7123, sd: 0.8177, alpha: 0.8612, omega: 0.8791, items: 5, versionNumber: 3 })).toBe(
      'α = .86, ω = .88; M = 3.71, SD = 0.82 (n = 312)',
    );
    expect(figuresText({ variable: 'sat', n: 1200, mean: 4.1, sd: 1, alpha: null, omega: null, items: null, versionNumber: 1 })).toBe('M = 4.10, SD = 1.00 (n = 1,200)');
    expect(figuresText(null)).toBe('No figures yet');
  });

  it('coefficients: badge, B with its CI, source and stale flag', () => {
    expect(coefficientText(coef({}))).toBe('β = .42***, B = 0.51 [0.30, 0.72] in Hierarchical OLS (brand → performance)');
    expect(coefficientText(coef({ beta: null, stale: true }), 4)).toBe('B = 0.51*** [0.30, 0.72] in Hierarchical OLS (brand → performance) (stale: dataset version 4 is newer)');
    expect(coefficientText(coef({ kind: 'correlation', beta: 0.31, estimate: 0.31, ciLower: 0.2, ciUpper: 0.41, stars: '**', label: 'r: a ↔ b', analysisTitle: 'Correlations' }))).toBe(
      'r = .31** [.20, .41] in Correlations (r: a ↔ b)',
    );
  });
});

// ---------------------------------------------------------------------------------------------

const full: JointDisplayRow[] = [
  row('l1', 'b10', {
    changed: true,
    qualitative: {
      sources: 4,
      segments: 12,
      exemplars: [
        { codingId: 'k1', sourceId: 's4', sourceTitle: 'Interview 4', start: 10, end: 60, text: 'We built the brand before we built the product.' },
        { codingId: 'k2', sourceId: 's7', sourceTitle: 'Interview 7 & <notes>', start: 5, end: 40, text: ' Everyone talks about “the brand” here. ' },
      ],
    },
    quantitative: { variable: 'brand_score', n: 312, mean: 3.7123, sd: 0.8177, alpha: 0.8612, omega: 0.8791, items: 5, versionNumber: 3 },
    coefficients: [coef({}), coef({ kind: 'mediate', label: 'a: brand → empower', outcome: 'empower', beta: null, estimate: 0.33, p: 0.004, stars: '**', stale: true, analysisTitle: 'Mediation' })],
    inference: 'convergent',
    inferenceNote: 'Interviews and survey agree.',
  }),
  row('l2', 'b2', { target: { kind: 'variable', name: 'voice', datasetName: 'Survey 2024' } }),
];
const options = { title: 'Joint display: brands', projectName: 'Brand study', generatedAt: new Date('2026-03-01T10:00:00Z') };

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join('');

describe('jointDisplayDocx', () => {
  it('is a landscape Word table with the five columns, quotes, figures and coefficients', async () => {
    const bytes = await jointDisplayDocx(full, options);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    const tbl = /<w:tbl>.*<\/w:tbl>/s.exec(xml)![0];
    const trs = [...tbl.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]);
    expect(trs).toHaveLength(3);
    expect(trs[0]).toContain('<w:tblHeader/>');
    const cells = (tr: string) => [...tr.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((m) => texts(m[1]));
    expect(cells(trs[0])).toEqual(['Category (qualitative)', 'Exemplar quotes', 'Construct (quantitative)', 'Statistics', 'Meta-inference']);
    const [qual, quotes, construct, stats, inference] = cells(trs[1]);
    expect(qual).toBe('B10 Brand building †Definition of Brand building4 sources / 12 segments');
    expect(quotes).toContain('“We built the brand before we built the product.” — Interview 4');
    expect(quotes).toContain('“Everyone talks about “the brand” here.” — Interview 7 & <notes>');
    expect(construct).toContain('Scale: Scale l1');
    expect(construct).toContain('Survey 2024, version 3');
    expect(stats).toContain('α = .86, ω = .88; M = 3.71, SD = 0.82 (n = 312)');
    expect(stats).toContain('β = .42***, B = 0.51 [0.30, 0.72] in Hierarchical OLS (brand → performance)');
    expect(stats).toContain('B = 0.33** [0.30, 0.72] in Mediation (a: brand → empower) (stale: dataset version 3 is newer)');
    expect(inference).toBe('ConvergentInterviews and survey agree.');
    expect(cells(trs[2])[4]).toBe('Not yet assessed');
    expect(cells(trs[2])[3]).toBe('No figures yet');
    const after = texts(xml.slice(xml.indexOf('</w:tbl>')));
    expect(after).toContain('*p < .05. **p < .01. ***p < .001.');
    expect(after).toContain('Rows marked † changed since last reviewed.');
    expect(texts(xml)).toContain('Brand study · generated 2026-03-01');
  });

  it('an empty display is still a valid document with a table', async () => {
    const xml = strFromU8(unzipSync(await jointDisplayDocx([], options))['word/document.xml']);
    expect(xml).toContain('<w:tbl>');
    expect(texts(xml)).toContain('No linked codes yet.');
  });
});

describe('jointDisplayXlsx', () => {
  it('one row per link, numbers as numbers equal to the inputs, wrapped quotes, frozen header', async () => {
    const bytes = await jointDisplayXlsx(full, options);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(1);
    const sheet = wb.getWorksheet(JOINT_DISPLAY_SHEET)!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(JOINT_DISPLAY_XLSX_COLUMNS.map((c) => c.header));
    expect(sheet.rowCount).toBe(3);
    const at = (r: number, header: string) => sheet.getRow(r).getCell(headers.indexOf(header) + 1);
    const expected: Record<string, number> = { α: 0.8612, ω: 0.8791, M: 3.7123, SD: 0.8177, n: 312, Items: 5, 'Dataset version': 3, Sources: 4, Segments: 12, B: 0.51, 'β (r)': 0.42, SE: 0.06, p: 0.00001, 'CI lower': 0.3, 'CI upper': 0.72 };
    for (const [h, v] of Object.entries(expected)) {
      expect(typeof at(2, h).value, h).toBe('number');
      expect(at(2, h).value, h).toBe(v);
    }
    expect(at(2, 'α').numFmt).toContain('.00');
    expect(at(2, 'p').numFmt).toContain('< .001');
    expect(at(2, 'Stars').value).toBe('***');
    expect(at(2, 'Strongest coefficient').value).toBe('brand → performance');
    expect(at(2, 'Changed since review').value).toBe(true);
    expect(at(2, 'Meta-inference').value).toBe('Convergent');
    const quotes = at(2, 'Exemplar quotes');
    expect(quotes.value).toBe('“We built the brand before we built the product.” — Interview 4\n“Everyone talks about “the brand” here.” — Interview 7 & <notes>');
    expect(quotes.alignment?.wrapText).toBe(true);
    // A row without figures or coefficients leaves those cells empty, not 0.
    expect(at(3, 'α').value).toBeNull();
    expect(at(3, 'B').value).toBeNull();
    expect(at(3, 'Target').value).toBe('variable');
  });
});
