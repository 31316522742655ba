import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import type { CodeLevel, HierarchyCell, HierarchyTable, HierarchyTableRow } from '../../coding/hierarchy-types';
import {
  HIERARCHY_SHEET,
  HIERARCHY_TABLE_HEADERS,
  HIERARCHY_TABLE_NOTE,
  formatCell,
  hierarchyTableCsv,
  hierarchyTableDocx,
  hierarchyTableFilename,
  hierarchyTableXlsx,
} from './hierarchy-table';

const cell = (level: CodeLevel, label: string, name: string, segments: number, id = `${level}-${label || name}`): HierarchyCell => ({
  id,
  label,
  name,
  level,
  segments,
  sources: Math.max(1, Math.floor(segments / 5)),
});

// Published-style hierarchy: two core categories, three main categories, four placed
// categories, a category with no main category yet, and the row of concepts with no category.
const CC1 = cell(4, 'CC1', 'Trust', 80);
const CC2 = cell(4, 'CC2', 'Belonging 🏠', 25);
const A1 = cell(3, 'A1', 'Trust building', 45);
// No label, so the cell text itself starts with "=" (and holds quotes and a comma for CSV).
const A2 = cell(3, '', '=HYPERLINK("http://x.example","risk")', 30, 'a2');
const A3 = cell(3, 'A3', 'Community', 25);

const ROWS: HierarchyTableRow[] = [
  {
    core: CC1,
    coreSpan: 3,
    main: A1,
    mainSpan: 2,
    category: cell(2, 'B1', 'Gifts', 12),
    concepts: [cell(1, 'C1', 'Red envelopes', 7), cell(1, 'C2', 'Tea 🍵', 5)],
  },
  {
    core: CC1,
    coreSpan: 0,
    main: A1,
    mainSpan: 0,
    category: cell(2, 'B2', '关系 guanxi', 20),
    concepts: [cell(1, 'C3', '饭局', 9), cell(1, 'C4', 'Favours', 11)],
  },
  {
    core: CC1,
    coreSpan: 0,
    main: A2,
    mainSpan: 1,
    category: cell(2, 'B3', 'Vetting', 30),
    concepts: [cell(1, 'C5', 'Checking papers', 18), cell(1, 'C6', '+1 referrals', 12)],
  },
  {
    core: CC2,
    coreSpan: 1,
    main: A3,
    mainSpan: 1,
    category: cell(2, 'B4', 'Festivals', 25),
    concepts: [cell(1, 'C7', 'Lantern fair', 25)],
  },
  {
    core: null,
    coreSpan: 1,
    main: null,
    mainSpan: 1,
    category: cell(2, 'B5', 'Loose ends', 4),
    concepts: [cell(1, 'C8', 'Rumours', 4)],
  },
  {
    core: null,
    coreSpan: 1,
    main: null,
    mainSpan: 1,
    category: null,
    concepts: [cell(1, '', '信任', 2), cell(1, 'C10', 'Waiting 👩‍👩‍👧', 3)],
  },
];

const SUMMARY_LINE = '150 coded segments · 10 concepts · 5 categories · 3 main categories · 2 core categories';

const TABLE: HierarchyTable = {
  rows: ROWS,
  summary: {
    segments: 150,
    counts: { 1: 10, 2: 5, 3: 3, 4: 2 },
    line: SUMMARY_LINE,
  },
};

const OPTIONS = { title: 'Cross-border trust: grounded theory hierarchy', projectName: 'Cross-border trust' };

// What the table shows, row by row, before spreadsheet neutralisation; merged cells repeat.
const SHOWN = [
  ['CC1 Trust (80)', 'A1 Trust building (45)', 'B1 Gifts (12)', 'C1 Red envelopes (7)\nC2 Tea 🍵 (5)'],
  ['CC1 Trust (80)', 'A1 Trust building (45)', 'B2 关系 guanxi (20)', 'C3 饭局 (9)\nC4 Favours (11)'],
  ['CC1 Trust (80)', '=HYPERLINK("http://x.example","risk") (30)', 'B3 Vetting (30)', 'C5 Checking papers (18)\nC6 +1 referrals (12)'],
  ['CC2 Belonging 🏠 (25)', 'A3 Community (25)', 'B4 Festivals (25)', 'C7 Lantern fair (25)'],
  ['—', '—', 'B5 Loose ends (4)', 'C8 Rumours (4)'],
  ['—', '—', '(no category yet)', '信任 (2)\nC10 Waiting 👩‍👩‍👧 (3)'],
];
const FORMULA_CELL = '\'=HYPERLINK("http://x.example","risk") (30)';
const neutralised = (row: string[]) => row.map((s) => (s.startsWith('=') ? `'${s}` : s));

describe('formatCell', () => {
  it.each([
    [cell(3, 'A1', 'Trust building', 45), 'A1 Trust building (45)'],
    [cell(1, '', '信任', 3), '信任 (3)'],
    [cell(1, '  ', 'Blank label', 0), 'Blank label (0)'],
    [cell(2, 'B7', 'Two\nlines\r\nhere', 2), 'B7 Two lines here (2)'],
    [cell(4, 'CC2', 'Belonging 🏠', 25), 'CC2 Belonging 🏠 (25)'],
  ])('%#: → %j', (input, output) => {
    expect(formatCell(input)).toBe(output);
  });
});

describe('hierarchyTableCsv', () => {
  const csv = hierarchyTableCsv(TABLE);

  it('starts with a BOM and the header, ends records with CRLF', () => {
    expect(csv.startsWith('\uFEFFCore category,Main category,Category,Concepts\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const outsideQuotes = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes).not.toMatch(/[^\r]\n/);
  });

  it('parses back to one record per row, merged values repeated, concepts one per line', () => {
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true, newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    const [header, ...body] = parsed.data;
    expect(header).toEqual([...HIERARCHY_TABLE_HEADERS]);
    expect(body).toEqual(SHOWN.map(neutralised));
  });

  it('prefixes the cell starting with "=" and no other', () => {
    const body = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(body[2][1]).toBe(FORMULA_CELL);
    expect(body[2][3]).toBe('C5 Checking papers (18)\nC6 +1 referrals (12)');
    expect(body.flat().filter((s) => s.startsWith("'"))).toEqual([FORMULA_CELL]);
    // The quoted cell is written with doubled quotes, as RFC 4180 wants.
    expect(csv).toContain('"\'=HYPERLINK(""http://x.example"",""risk"") (30)"');
  });

  it('writes only the header for an empty hierarchy', () => {
    expect(hierarchyTableCsv({ rows: [], summary: TABLE.summary })).toBe(
      '\uFEFFCore category,Main category,Category,Concepts\r\n',
    );
  });

  it("repeats the top cell's value on covered rows that leave core and main null", () => {
    const rows: HierarchyTableRow[] = [
      { core: CC1, coreSpan: 2, main: A1, mainSpan: 2, category: cell(2, 'B1', 'One', 1), concepts: [] },
      { core: null, coreSpan: 0, main: null, mainSpan: 0, category: cell(2, 'B2', 'Two', 2), concepts: [] },
    ];
    expect(hierarchyTableCsv({ rows, summary: TABLE.summary }).split('\r\n').slice(1)).toEqual([
      'CC1 Trust (80),A1 Trust building (45),B1 One (1),',
      'CC1 Trust (80),A1 Trust building (45),B2 Two (2),',
      '',
    ]);
  });

  it('accepts a main category without a core category spanning rows whose "—" cells are not merged', async () => {
    // The shape lib/coding/hierarchy.ts gives such a main category: core null with span 1 per row.
    const rows: HierarchyTableRow[] = [
      { core: null, coreSpan: 1, main: A3, mainSpan: 2, category: cell(2, 'B1', 'One', 1), concepts: [] },
      { core: null, coreSpan: 1, main: A3, mainSpan: 0, category: cell(2, 'B2', 'Two', 2), concepts: [] },
    ];
    expect(hierarchyTableCsv({ rows, summary: TABLE.summary }).split('\r\n').slice(1, 3)).toEqual([
      '—,A3 Community (25),B1 One (1),',
      '—,A3 Community (25),B2 Two (2),',
    ]);
    const wb = await readXlsx(await hierarchyTableXlsx({ rows, summary: TABLE.summary }, OPTIONS));
    expect(wb.getWorksheet(HIERARCHY_SHEET)!.model.merges).toEqual(['B5:B6']);
  });

  it('repeats a merged "—" over the rows it spans and leaves an empty Concepts cell empty', () => {
    const rows: HierarchyTableRow[] = [
      { core: null, coreSpan: 2, main: null, mainSpan: 2, category: cell(2, 'B1', 'One', 1), concepts: [] },
      { core: null, coreSpan: 0, main: null, mainSpan: 0, category: cell(2, 'B2', 'Two', 2), concepts: [] },
    ];
    expect(hierarchyTableCsv({ rows, summary: TABLE.summary }).split('\r\n').slice(1)).toEqual([
      '—,—,B1 One (1),',
      '—,—,B2 Two (2),',
      '',
    ]);
  });

  it.each([
    [[{ coreSpan: 0 }], 'row 1: coreSpan is 0 but no row above spans it'],
    [[{ coreSpan: 4 }], 'row 1: coreSpan 4 runs past the last row (3)'],
    [[{ mainSpan: 1.5 }], 'row 1: mainSpan 1.5 is not a non-negative integer'],
    [[{ coreSpan: 2 }, { coreSpan: 1 }], 'row 2: coreSpan 1 starts inside the core cell of row 1'],
    [[{ coreSpan: 2 }, { coreSpan: 0, core: CC2 }], "row 2: core 'Belonging 🏠' is covered by 'Trust' of row 1"],
  ])('rejects spans that do not tile the rows: %#', (overrides, message) => {
    const rows: HierarchyTableRow[] = [0, 1, 2].map((i) => ({
      core: CC1,
      coreSpan: 1,
      main: A1,
      mainSpan: 1,
      category: cell(2, `B${i}`, 'x', 1),
      concepts: [],
      ...(overrides[i] ?? {}),
    }));
    expect(() => hierarchyTableCsv({ rows, summary: TABLE.summary })).toThrow(message);
  });
});

async function readXlsx(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  // exceljs's types want a Node Buffer; the bytes are the same.
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('hierarchyTableXlsx', () => {
  const FIRST = 5; // title, summary, blank, header

  it('has the title, summary, bold frozen header, data rows and the note', async () => {
    const bytes = await hierarchyTableXlsx(TABLE, OPTIONS);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const wb = await readXlsx(bytes);
    expect(wb.worksheets).toHaveLength(1);
    const sheet = wb.getWorksheet(HIERARCHY_SHEET)!;
    expect(sheet.getCell('A1').value).toBe('Cross-border trust — grounded theory hierarchy');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe(SUMMARY_LINE);
    expect(sheet.getRow(3).hasValues).toBe(false);
    expect(sheet.getRow(4).values).toEqual([undefined, ...HIERARCHY_TABLE_HEADERS]);
    for (const col of [1, 2, 3, 4]) expect(sheet.getRow(4).getCell(col).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    // Data in rows 5–10, a blank row, then the note.
    expect(sheet.getRow(FIRST + ROWS.length).hasValues).toBe(false);
    expect(sheet.getCell(`A${FIRST + ROWS.length + 1}`).value).toBe(HIERARCHY_TABLE_NOTE);
    expect(sheet.getCell(`A${FIRST + ROWS.length + 1}`).font?.italic).toBe(true);
    expect(sheet.rowCount).toBe(FIRST + ROWS.length + 1);
    expect(wb.title).toBe(OPTIONS.title);
    expect(wb.creator).toBe('Groundwork');
    expect([1, 2, 3, 4].map((c) => sheet.getColumn(c).width)).toEqual([30, 30, 34, 56]);
  });

  it('merges core and main cells over their spans and nothing else', async () => {
    const sheet = (await readXlsx(await hierarchyTableXlsx(TABLE, OPTIONS))).getWorksheet(HIERARCHY_SHEET)!;
    expect([...sheet.model.merges].sort()).toEqual(['A5:A7', 'B5:B6']);
    expect(sheet.getCell('A6').isMerged).toBe(true);
    expect(sheet.getCell('A6').master.address).toBe('A5');
    expect(sheet.getCell('A7').master.address).toBe('A5');
    expect(sheet.getCell('B6').master.address).toBe('B5');
    expect(sheet.getCell('B7').isMerged).toBe(false);
    expect(sheet.getCell('A8').isMerged).toBe(false);
  });

  it('reads back cell by cell: strings as typed, concepts one per line, wrapped and top-aligned', async () => {
    const sheet = (await readXlsx(await hierarchyTableXlsx(TABLE, OPTIONS))).getWorksheet(HIERARCHY_SHEET)!;
    const spans = ROWS.map((r) => [r.coreSpan, r.mainSpan]);
    // XLSX string cells hold the text as typed: no anti-formula apostrophe (that is for CSV).
    SHOWN.forEach((expected, i) => {
      const row = sheet.getRow(FIRST + i);
      expected.forEach((text, c) => {
        const cell = row.getCell(c + 1);
        expect(cell.alignment, `${cell.address}`).toMatchObject({ wrapText: true, vertical: 'top' });
        if (c < 2 && spans[i][c] === 0) return; // covered by the merge above: shows the master's value
        expect(cell.type, cell.address).toBe(ExcelJS.ValueType.String);
        expect(cell.value, cell.address).toBe(text);
      });
    });
    expect(sheet.getCell('B7').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B7').value).toBe(FORMULA_CELL.slice(1));
    expect(sheet.getCell('B7').formula).toBeUndefined();
    expect(sheet.getCell('D5').value).toBe('C1 Red envelopes (7)\nC2 Tea 🍵 (5)');
    expect(sheet.getCell('C10').value).toBe('(no category yet)');
  });

  it('writes no formula and keeps emoji and CJK intact in every part', async () => {
    const many: HierarchyTableRow[] = Array.from({ length: 1500 }, (_, i) => ({
      core: null,
      coreSpan: 1,
      main: null,
      mainSpan: 1,
      category: cell(2, `B${i}`, `x😀`.repeat(20) + i, i),
      concepts: [cell(1, `C${i}`, `𠀀${i}`, 1)],
    }));
    const bytes = await hierarchyTableXlsx({ rows: [...ROWS, ...many], summary: TABLE.summary }, OPTIONS);
    const files = unzipSync(bytes);
    expect(strFromU8(files['xl/worksheets/sheet1.xml'])).not.toMatch(/<f[ >]/);
    for (const [name, data] of Object.entries(files)) {
      expect(new TextDecoder('utf-8', { fatal: true }).decode(data), name).not.toContain('\uFFFD');
    }
    const sheet = (await readXlsx(bytes)).getWorksheet(HIERARCHY_SHEET)!;
    expect(sheet.getCell(`C${FIRST + ROWS.length + 1499}`).value).toBe(`B1499 ${'x😀'.repeat(20)}1499 (1499)`);
    expect(sheet.getCell(`D${FIRST + 1}`).value).toBe('C3 饭局 (9)\nC4 Favours (11)');
  });

  it('writes a project name that starts with "=" as a string cell, without an apostrophe', async () => {
    const sheet = (await readXlsx(await hierarchyTableXlsx(TABLE, { title: 't', projectName: '=1+1' }))).getWorksheet(
      HIERARCHY_SHEET,
    )!;
    expect(sheet.getCell('A1').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('A1').value).toBe('=1+1 — grounded theory hierarchy');
  });
});

// --- DOCX: a small walker over fast-xml-parser's ordered output ---------------------------

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

const tagOf = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@')!;
const kids = (node: XmlNode): XmlNode[] => {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : []; // a text node holds a string
};
const childrenNamed = (node: XmlNode, tag: string) => kids(node).filter((n) => tagOf(n) === tag);
const child = (node: XmlNode, tag: string) => childrenNamed(node, tag)[0];
function descendants(nodes: XmlNode[], tag: string): XmlNode[] {
  return nodes.flatMap((n) => [...(tagOf(n) === tag ? [n] : []), ...descendants(kids(n), tag)]);
}
/** The text of a paragraph: its w:t runs joined. */
const paragraphText = (p: XmlNode) =>
  descendants([p], 'w:t')
    .map((t) => kids(t).map((x) => String(x['#text'] ?? '')).join(''))
    .join('');
/** The text of a table cell: one line per paragraph. */
const cellText = (tc: XmlNode) => childrenNamed(tc, 'w:p').map(paragraphText).join('\n');

async function readDocx(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']);
  const doc = parser.parse(xml) as XmlNode[];
  const body = child(descendants(doc, 'w:document')[0], 'w:body');
  return { files, xml, body };
}

describe('hierarchyTableDocx', () => {
  it('is one Word table: header row repeated, one row per category, fixed grid filling the page', async () => {
    const bytes = await hierarchyTableDocx(TABLE, OPTIONS);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const { body } = await readDocx(bytes);
    const tables = descendants([body], 'w:tbl');
    expect(tables).toHaveLength(1);
    const rows = childrenNamed(tables[0], 'w:tr');
    expect(rows).toHaveLength(ROWS.length + 1);
    const isHeader = (tr: XmlNode) => {
      const trPr = child(tr, 'w:trPr');
      return trPr !== undefined && child(trPr, 'w:tblHeader') !== undefined;
    };
    expect(rows.map(isHeader)).toEqual([true, false, false, false, false, false, false]);

    const grid = childrenNamed(child(tables[0], 'w:tblGrid'), 'w:gridCol').map((g) => Number(g[':@']!['w:w']));
    expect(grid).toHaveLength(4);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 2 * 1440);
    const tblPr = child(tables[0], 'w:tblPr');
    expect(child(tblPr, 'w:tblLayout')[':@']).toMatchObject({ 'w:type': 'fixed' });
    expect(child(tblPr, 'w:tblW')[':@']).toMatchObject({ 'w:w': '9026', 'w:type': 'dxa' });
    const borders = child(tblPr, 'w:tblBorders');
    for (const side of ['w:top', 'w:bottom', 'w:insideH', 'w:insideV']) {
      expect(child(borders, side)[':@'], side).toMatchObject({ 'w:val': 'single' });
    }
  });

  it('shades and bolds the header row', async () => {
    const { body } = await readDocx(await hierarchyTableDocx(TABLE, OPTIONS));
    const header = childrenNamed(descendants([body], 'w:tbl')[0], 'w:tr')[0];
    const cells = childrenNamed(header, 'w:tc');
    expect(cells.map(cellText)).toEqual([...HIERARCHY_TABLE_HEADERS]);
    for (const tc of cells) {
      expect(child(child(tc, 'w:tcPr'), 'w:shd')[':@']).toMatchObject({ 'w:fill': 'D9D9D9' });
      expect(descendants([tc], 'w:b')).toHaveLength(1);
    }
  });

  it('merges core and main cells vertically (restart / continue) exactly over their spans', async () => {
    const { body } = await readDocx(await hierarchyTableDocx(TABLE, OPTIONS));
    const rows = childrenNamed(descendants([body], 'w:tbl')[0], 'w:tr').slice(1);
    const vMerge = rows.map((tr) =>
      childrenNamed(tr, 'w:tc').map((tc) => {
        const m = child(child(tc, 'w:tcPr'), 'w:vMerge');
        return m === undefined ? '' : (m[':@']?.['w:val'] ?? 'continue');
      }),
    );
    expect(vMerge).toEqual([
      ['restart', 'restart', '', ''],
      ['continue', 'continue', '', ''],
      ['continue', '', '', ''],
      ['', '', '', ''],
      ['', '', '', ''],
      ['', '', '', ''],
    ]);
    // Every row keeps four cells (no gridSpan / missing cells).
    expect(rows.map((tr) => childrenNamed(tr, 'w:tc').length)).toEqual([4, 4, 4, 4, 4, 4]);
  });

  it('writes the text of every cell, concepts one paragraph each, CJK, emoji and "=" as typed', async () => {
    const { body } = await readDocx(await hierarchyTableDocx(TABLE, OPTIONS));
    const rows = childrenNamed(descendants([body], 'w:tbl')[0], 'w:tr').slice(1);
    const texts = rows.map((tr) => childrenNamed(tr, 'w:tc').map(cellText));
    expect(texts).toEqual([
      SHOWN[0],
      ['', '', ...SHOWN[1].slice(2)],
      ['', ...SHOWN[2].slice(1)],
      ...SHOWN.slice(3),
    ]);
    const paragraphsInConcepts = rows.map((tr) => childrenNamed(childrenNamed(tr, 'w:tc')[3], 'w:p').length);
    expect(paragraphsInConcepts).toEqual([2, 2, 2, 1, 1, 2]);
    expect(texts[2][1]).toBe('=HYPERLINK("http://x.example","risk") (30)');
    // Only the header row is bold.
    expect(descendants(rows, 'w:b')).toHaveLength(0);
  });

  it('has the heading, the summary line above the table and the note below it', async () => {
    const { body, files } = await readDocx(await hierarchyTableDocx(TABLE, OPTIONS));
    const blocks = kids(body).filter((n) => tagOf(n) !== 'w:sectPr');
    expect(blocks.map(tagOf)).toEqual(['w:p', 'w:p', 'w:tbl', 'w:p']);
    const [heading, summary, , note] = blocks;
    // The heading names the project.
    expect(paragraphText(heading)).toBe('Cross-border trust — grounded theory hierarchy');
    expect(child(child(heading, 'w:pPr'), 'w:pStyle')[':@']).toMatchObject({ 'w:val': 'Heading1' });
    expect(paragraphText(summary)).toBe(SUMMARY_LINE);
    expect(paragraphText(note)).toBe(HIERARCHY_TABLE_NOTE);
    expect(descendants([note], 'w:i')).toHaveLength(1);
    // 10 pt (20 half-points) by default.
    expect(strFromU8(files['word/styles.xml'])).toMatch(/<w:docDefaults>[\s\S]*<w:sz w:val="20"\/>[\s\S]*<\/w:docDefaults>/);
    expect(strFromU8(files['docProps/core.xml'])).toContain('<dc:title>Cross-border trust: grounded theory hierarchy</dc:title>');
  });

  it('keeps emoji and CJK intact in a long document and drops characters XML cannot carry', async () => {
    const many: HierarchyTableRow[] = Array.from({ length: 800 }, (_, i) => ({
      core: null,
      coreSpan: 1,
      main: null,
      mainSpan: 1,
      category: cell(2, `B${i}`, `x😀`.repeat(20) + i, i),
      concepts: [cell(1, `C${i}`, `𠀀\u0001${i}`, 1)],
    }));
    const { files, body } = await readDocx(await hierarchyTableDocx({ rows: [...ROWS, ...many], summary: TABLE.summary }, OPTIONS));
    for (const [name, data] of Object.entries(files)) {
      expect(new TextDecoder('utf-8', { fatal: true }).decode(data), name).not.toContain('\uFFFD');
    }
    const last = childrenNamed(descendants([body], 'w:tbl')[0], 'w:tr').at(-1)!;
    expect(childrenNamed(last, 'w:tc').map(cellText)).toEqual([
      '—',
      '—',
      `B799 ${'x😀'.repeat(20)}799 (799)`,
      'C799 𠀀799 (1)',
    ]);
  });

  it('rejects spans that do not tile the rows, like the CSV', async () => {
    const rows = [{ ...ROWS[0], coreSpan: 7 }, ...ROWS.slice(1)];
    await expect(hierarchyTableDocx({ rows, summary: TABLE.summary }, OPTIONS)).rejects.toThrow(
      'row 1: coreSpan 7 runs past the last row (6)',
    );
  });
});

describe('hierarchyTableFilename', () => {
  it.each([
    ['Cross-border Trust', 'docx', 'cross-border-trust-hierarchy.docx'],
    ['跨境信任', 'csv', 'hierarchy.csv'],
    ['   ', 'xlsx', 'hierarchy.xlsx'],
    ['Café Müller: Straße 2024!', 'xlsx', 'cafe-muller-strasse-2024-hierarchy.xlsx'],
    ['Øresund 跨境 study 🎉', 'csv', 'oresund-study-hierarchy.csv'],
    ['../../etc/passwd', 'docx', 'etc-passwd-hierarchy.docx'],
    [`${'a'.repeat(59)} b`, 'csv', `${'a'.repeat(59)}-hierarchy.csv`],
  ] as const)('%j, %s → %s', (name, ext, expected) => {
    expect(hierarchyTableFilename(name, ext)).toBe(expected);
  });

  it('rejects an unknown extension', () => {
    expect(() => hierarchyTableFilename('x', 'pdf' as 'csv')).toThrow("unknown file extension 'pdf'");
  });
});
