import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import {
  CODED_SEGMENT_HEADERS,
  CODED_SEGMENTS_SHEET,
  XLSX_CELL_MAX,
  codedSegmentsCsv,
  codedSegmentsXlsx,
  neutraliseFormula,
  type CodedSegmentRow,
} from './coded-segments';

const row = (over: Partial<CodedSegmentRow> = {}): CodedSegmentRow => ({
  source: 'Interview 1',
  kind: 'Interview',
  caseName: '',
  page: null,
  speaker: '',
  timestamp: '',
  paragraph: 1,
  text: 'plain text',
  start: 0,
  end: 10,
  codeLabel: 'C1',
  code: 'Money',
  codePath: 'B1 Resources / A1 Getting by',
  coder: 'Ana',
  memo: '',
  createdAt: '2026-03-01T09:30:00.000Z',
  ...over,
});

// Every awkward kind of text a segment or memo can hold.
const ROWS: CodedSegmentRow[] = [
  row({ text: '钱和时间。我们在2019年开业 🎉', start: 120, end: 137, code: '经济压力', coder: '李雷', memo: '中文备忘录' }),
  row({ text: 'She said "no, never", then left.', start: 5, end: 37, memo: 'quotes, commas' }),
  row({ text: 'line one\nline two\r\nline three', start: 40, end: 69, memo: 'multi\nline memo' }),
  row({ text: 'family 👩‍👩‍👧 and e\u0301', start: 70, end: 84, source: 'Field note, "market"' }),
  row({ text: '=HYPERLINK("http://evil.example","click")', code: '+cmd', coder: '-1', memo: '@SUM(A1)' }),
  row({ text: '\tTabbed', memo: '\rcarriage', source: '=cmd|\' /C calc\'!A0', kind: '@kind' }),
  row({ caseName: '=Firm A', page: 4, speaker: '-Ana', timestamp: '12:03', paragraph: 17, codeLabel: '+C9', codePath: '@B2 Trust / A1 Core' }),
  row({ text: ' leading space =not a formula', start: 3, end: 4, memo: "'already quoted" }),
  row({ text: '', start: 7, end: 7, memo: '' }),
];

/** What a spreadsheet should show in each CSV text cell: the rule applied by hand. */
const expected = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** 0-based index of a column in the file. */
const at = (header: (typeof CODED_SEGMENT_HEADERS)[number]) => CODED_SEGMENT_HEADERS.indexOf(header);
const HEADER_LINE = 'Source,Kind,Case,Page,Speaker,Timestamp,Paragraph,Segment,Start,End,Label,Code,Category / main / core,Coder,Memo,Created at';

describe('neutraliseFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['', ''],
    ['a=1', 'a=1'],
    [' =1', ' =1'],
    ['田野', '田野'],
    ['😀=', '😀='],
  ])('%j → %j', (input, output) => {
    expect(neutraliseFormula(input)).toBe(output);
  });
});

describe('codedSegmentsCsv', () => {
  const csv = codedSegmentsCsv(ROWS);

  it('starts with a BOM, ends records with CRLF and has the human header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.startsWith(`\uFEFF${HEADER_LINE}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Every line break outside quoted fields is CRLF: strip quoted fields, then look for a bare LF.
    const outsideQuotes = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes).not.toMatch(/[^\r]\n/);
  });

  it('parses back, cell by cell, with Chinese, emoji, quotes, commas, newlines and neutralised formulas', () => {
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: false, newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    const [header, ...body] = parsed.data;
    expect(header).toEqual([...CODED_SEGMENT_HEADERS]);
    // The final CRLF yields one empty trailing record.
    expect(body.at(-1)).toEqual(['']);
    const records = body.slice(0, -1);
    expect(records).toHaveLength(ROWS.length);
    records.forEach((cells, i) => {
      const r = ROWS[i];
      expect(cells).toEqual([
        expected(r.source),
        expected(r.kind),
        expected(r.caseName),
        r.page === null ? '' : String(r.page),
        expected(r.speaker),
        expected(r.timestamp),
        String(r.paragraph),
        expected(r.text),
        String(r.start),
        String(r.end),
        expected(r.codeLabel),
        expected(r.code),
        expected(r.codePath),
        expected(r.coder),
        expected(r.memo),
        r.createdAt,
      ]);
    });
  });

  it('prefixes each dangerous first character and nothing else', () => {
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    const formulaRow = parsed.data[5];
    expect(formulaRow[at('Segment')]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(formulaRow[at('Code')]).toBe("'+cmd");
    expect(formulaRow[at('Coder')]).toBe("'-1");
    expect(formulaRow[at('Memo')]).toBe("'@SUM(A1)");
    const controlRow = parsed.data[6];
    expect(controlRow[at('Source')]).toBe("'=cmd|' /C calc'!A0");
    expect(controlRow[at('Kind')]).toBe("'@kind");
    expect(controlRow[at('Segment')]).toBe("'\tTabbed");
    expect(controlRow[at('Memo')]).toBe("'\rcarriage");
    const located = parsed.data[7];
    expect(located[at('Case')]).toBe("'=Firm A");
    expect(located[at('Speaker')]).toBe("'-Ana");
    expect(located[at('Label')]).toBe("'+C9");
    expect(located[at('Category / main / core')]).toBe("'@B2 Trust / A1 Core");
    const harmless = parsed.data[8];
    expect(harmless[at('Segment')]).toBe(' leading space =not a formula');
    expect(harmless[at('Memo')]).toBe("'already quoted");
    // No raw cell in the file begins with a trigger character (outside a quote).
    for (const cells of parsed.data.slice(1)) {
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('writes offsets as plain integers, exactly as given', () => {
    const line = codedSegmentsCsv([row({ start: 1234567, end: 1234570 })]).split('\r\n')[1];
    expect(line).toBe('Interview 1,Interview,,,,,1,plain text,1234567,1234570,C1,Money,B1 Resources / A1 Getting by,Ana,,2026-03-01T09:30:00.000Z');
    const transcript = codedSegmentsCsv([row({ caseName: 'Firm A', page: 3, speaker: 'Ana', timestamp: '1:02:05', paragraph: 12 })]).split('\r\n')[1];
    expect(transcript.startsWith('Interview 1,Interview,Firm A,3,Ana,1:02:05,12,plain text,')).toBe(true);
  });

  it('writes only the header for no rows', () => {
    expect(codedSegmentsCsv([])).toBe(`\uFEFF${HEADER_LINE}\r\n`);
  });

  it('keeps very long segments whole', () => {
    const long = '长'.repeat(50_000);
    const parsed = Papa.parse<string[]>(codedSegmentsCsv([row({ text: long })]).slice(1), { skipEmptyLines: true });
    expect(parsed.data[1][at('Segment')]).toBe(long);
  });

  it.each([
    [{ start: -1 }, 'row 1: start -1 is not a non-negative integer'],
    [{ end: 1.5 }, 'row 1: end 1.5 is not a non-negative integer'],
    [{ start: Number.NaN }, 'row 1: start NaN'],
    [{ start: 5, end: 4 }, 'row 1: start 5 is after end 4'],
    [{ paragraph: 0.5 }, 'row 1: paragraph 0.5 is not a non-negative integer'],
  ])('rejects bad offsets %j', (over, message) => {
    expect(() => codedSegmentsCsv([row(over)])).toThrow(message);
  });
});

async function readXlsx(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  // exceljs's types want a Node Buffer; the bytes are the same.
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('codedSegmentsXlsx', () => {
  const created = new Date('2026-04-02T08:00:00.000Z');

  it('returns a zip (xlsx) as a Uint8Array', async () => {
    const bytes = await codedSegmentsXlsx(ROWS, { created });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('reads back cell by cell: strings never formulas, numbers and dates typed', async () => {
    const wb = await readXlsx(await codedSegmentsXlsx(ROWS, { created }));
    const sheet = wb.getWorksheet(CODED_SEGMENTS_SHEET)!;
    expect(sheet).toBeDefined();
    expect(wb.worksheets).toHaveLength(1);
    expect(sheet.rowCount).toBe(ROWS.length + 1);
    expect(sheet.getRow(1).values).toEqual([undefined, ...CODED_SEGMENT_HEADERS]);

    ROWS.forEach((r, i) => {
      const cells = sheet.getRow(i + 2);
      // XLSX writes CR and CRLF as LF (Excel's line break in a cell), and the text as it is:
      // a string cell is never a formula, so no apostrophe (that is only for CSV).
      const text = (s: string) => s.replace(/\r\n?/g, '\n');
      const col = (h: (typeof CODED_SEGMENT_HEADERS)[number]) => at(h) + 1;
      const strings = [
        [col('Source'), r.source],
        [col('Kind'), r.kind],
        [col('Case'), r.caseName],
        [col('Speaker'), r.speaker],
        [col('Timestamp'), r.timestamp],
        [col('Segment'), r.text],
        [col('Label'), r.codeLabel],
        [col('Code'), r.code],
        [col('Category / main / core'), r.codePath],
        [col('Coder'), r.coder],
        [col('Memo'), r.memo],
      ] as const;
      for (const [col, value] of strings) {
        const cell = cells.getCell(col);
        if (value === '') {
          // An empty string cell is not written at all.
          expect(cell.value === null || cell.value === '').toBe(true);
          continue;
        }
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(text(value));
        expect(cell.formula).toBeUndefined();
      }
      for (const [h, value] of [['Start', r.start], ['End', r.end], ['Paragraph', r.paragraph]] as const) {
        expect(cells.getCell(col(h)).type, h).toBe(ExcelJS.ValueType.Number);
        expect(cells.getCell(col(h)).value, h).toBe(value);
      }
      if (r.page === null) expect(cells.getCell(col('Page')).value).toBeNull();
      else expect(cells.getCell(col('Page')).value).toBe(r.page);
      const date = cells.getCell(col('Created at'));
      expect(date.type).toBe(ExcelJS.ValueType.Date);
      expect((date.value as Date).toISOString()).toBe(r.createdAt);
      expect(date.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    });
  });

  it('has no formula anywhere in the sheet XML', async () => {
    const files = unzipSync(await codedSegmentsXlsx(ROWS, { created }));
    const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheetXml).toContain('<sheetData>');
    expect(sheetXml).not.toMatch(/<f[ >]/);
    // Text is in shared strings (t="s"), not formula-result strings (t="str").
    expect(sheetXml).not.toContain('t="str"');
    expect(sheetXml).toContain('t="s"');
    // Shared strings hold the text as typed (XML-escaped), without the CSV's apostrophe.
    const strings = strFromU8(files['xl/sharedStrings.xml']);
    expect(strings).toContain('<t>=HYPERLINK(');
    expect(strings).not.toContain('&apos;=HYPERLINK(');
  });

  it('has a bold frozen header, filter, widths, wrapping and workbook properties', async () => {
    const wb = await readXlsx(await codedSegmentsXlsx(ROWS, { created, title: 'Project Alpha: coded segments' }));
    const sheet = wb.getWorksheet(CODED_SEGMENTS_SHEET)!;
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).getCell(CODED_SEGMENT_HEADERS.length).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const col = (h: (typeof CODED_SEGMENT_HEADERS)[number]) => at(h) + 1;
    expect(sheet.getColumn(col('Segment')).width).toBe(60);
    expect(sheet.getColumn(col('Start')).width).toBe(10);
    expect(sheet.getColumn(col('Created at')).width).toBe(20);
    expect(sheet.getRow(2).getCell(col('Segment')).alignment).toMatchObject({ wrapText: true });
    expect(sheet.getRow(2).getCell(col('Memo')).alignment).toMatchObject({ wrapText: true });
    expect(wb.creator).toBe('Groundwork');
    expect(wb.title).toBe('Project Alpha: coded segments');
    expect(wb.created?.toISOString()).toBe(created.toISOString());
  });

  it('keeps a non-ISO "created at" as a string cell, as typed', async () => {
    const wb = await readXlsx(await codedSegmentsXlsx([row({ createdAt: '-yesterday' })], { created }));
    const cell = wb.getWorksheet(CODED_SEGMENTS_SHEET)!.getRow(2).getCell(at('Created at') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('-yesterday');
  });

  it('drops characters XML cannot hold and repairs lone surrogates', async () => {
    const wb = await readXlsx(
      await codedSegmentsXlsx([row({ text: 'a\u0001b\u000Cc\uFFFFd', memo: 'x\uD800y' })], { created }),
    );
    const r = wb.getWorksheet(CODED_SEGMENTS_SHEET)!.getRow(2);
    expect(r.getCell(at('Segment') + 1).value).toBe('abcd');
    expect(r.getCell(at('Memo') + 1).value).toBe('x\uFFFDy');
  });

  it("cuts text beyond Excel's cell limit with a note, never splitting an emoji", async () => {
    const long = `=${'😀'.repeat(20_000)}`; // 40,001 UTF-16 units
    const wb = await readXlsx(await codedSegmentsXlsx([row({ text: long })], { created }));
    const value = wb.getWorksheet(CODED_SEGMENTS_SHEET)!.getRow(2).getCell(at('Segment') + 1).value as string;
    expect(value.length).toBeLessThanOrEqual(XLSX_CELL_MAX);
    expect(value.startsWith('=😀')).toBe(true);
    expect(value).toMatch(/😀 \[… \d+ more characters; see the CSV export\]$/);
    expect(value).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    const kept = [...value.slice(1, value.indexOf(' ['))].length;
    const omitted = Number(/… (\d+) more/.exec(value)![1]);
    expect(kept + omitted).toBe(20_000);
  });

  it('never corrupts emoji in a large workbook (regression: JSZip split surrogate pairs at 16K chunks)', async () => {
    // ~570,000 characters of XML with an emoji every other character: with
    // `Workbook.xlsx.writeBuffer()` several of them came out as U+FFFD U+FFFD.
    const many = Array.from({ length: 3000 }, (_, i) => row({ text: `x😀`.repeat(50) + i, memo: `𠀀${i}` }));
    const bytes = await codedSegmentsXlsx(many, { created });
    for (const [name, data] of Object.entries(unzipSync(bytes))) {
      expect(new TextDecoder('utf-8', { fatal: true }).decode(data), name).not.toContain('\uFFFD');
    }
    const sheet = (await readXlsx(bytes)).getWorksheet(CODED_SEGMENTS_SHEET)!;
    many.forEach((r, i) => {
      expect(sheet.getRow(i + 2).getCell(at('Segment') + 1).value).toBe(r.text);
      expect(sheet.getRow(i + 2).getCell(at('Memo') + 1).value).toBe(r.memo);
    });
    // 3,000 rows of 16 columns written and read back: seconds on a busy machine.
  }, 60_000);

  it('writes just the header for no rows', async () => {
    const wb = await readXlsx(await codedSegmentsXlsx([], { created }));
    expect(wb.getWorksheet(CODED_SEGMENTS_SHEET)!.rowCount).toBe(1);
  });

  it('rejects bad offsets like the CSV export', async () => {
    await expect(codedSegmentsXlsx([row(), row({ end: -2 })])).rejects.toThrow('row 2: end -2');
  });
});
