import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { PubTable } from './model';
import { renderDocx } from './render-docx';
import { checkAllCases, tableCases, type Grid } from './test-support';

async function documentXml(table: PubTable, options: Parameters<typeof renderDocx>[1] = {}): Promise<string> {
  const bytes = await renderDocx(table, options);
  expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
  return strFromU8(unzipSync(bytes)['word/document.xml']);
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join('');

/** Rows of the (only) table, cells expanded over their gridSpan. */
function rows(xml: string): Array<Array<{ xml: string; text: string }>> {
  const tbl = /<w:tbl>.*<\/w:tbl>/s.exec(xml)![0];
  return [...tbl.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((tr) =>
    [...tr[1].matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].flatMap((tc) => {
      const span = Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc[1])?.[1] ?? 1);
      return [{ xml: tc[1], text: texts(tc[1]) }, ...new Array(span - 1).fill({ xml: '', text: '' })];
    }),
  );
}

async function docxGrid(table: PubTable): Promise<Grid> {
  const all = rows(await documentXml(table)).map((r) => r.map((c) => c.text));
  const h = table.columns.length;
  return { header: all.slice(0, h), body: all.slice(h) };
}

describe('renderDocx', () => {
  it('shows every number of every table as the engine value rounded to the decimals', async () => {
    await checkAllCases('docx', (tc) => docxGrid(tc.table));
  });

  it('is a real Word table with APA rules: top and bottom rules, header rule, spanning-header rule, no vertical lines', async () => {
    const tc = tableCases().find((c) => c.name.startsWith('mediation'))!;
    const xml = await documentXml(tc.table, { number: 4 });
    const borders = /<w:tblBorders>(.*?)<\/w:tblBorders>/s.exec(xml)![1];
    expect(borders).toMatch(/<w:top w:val="single"[^>]*w:sz="8"\/>/);
    expect(borders).toMatch(/<w:bottom w:val="single"[^>]*w:sz="8"\/>/);
    for (const side of ['left', 'right', 'insideH', 'insideV']) expect(borders).toMatch(new RegExp(`<w:${side} w:val="none"`));
    const r = rows(xml);
    expect(r).toHaveLength(tc.table.columns.length + tc.table.rows.length);
    // Header: repeated on each page; first row ruled on top, the spanning "95% CI" and the last header row ruled below.
    const trs = [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]);
    expect(trs.slice(0, 2).every((tr) => tr.includes('<w:tblHeader/>'))).toBe(true);
    expect(trs[2]).not.toContain('<w:tblHeader/>');
    expect(r[0].filter((c) => c.xml).every((c) => /<w:top w:val="single"/.test(c.xml))).toBe(true);
    const ci = r[0].find((c) => c.text === '95% CI')!;
    expect(ci.xml).toContain('<w:gridSpan w:val="2"/>');
    expect(ci.xml).toMatch(/<w:bottom w:val="single"/);
    expect(r[1].every((c) => /<w:bottom w:val="single"/.test(c.xml))).toBe(true);
    expect(r.at(-1)!.filter((c) => c.xml).every((c) => /<w:bottom w:val="single"[^>]*w:sz="8"/.test(c.xml))).toBe(true);
    // A section row spans the table; stars are superscript runs.
    const section = r.find((row) => row[0].text === 'Paths')!;
    expect(section[0].xml).toContain(`<w:gridSpan w:val="${r[1].length}"/>`);
    expect(section[0].xml).toContain('<w:i/>');
    expect(xml).toMatch(/<w:vertAlign w:val="superscript"\/><\/w:rPr><w:t xml:space="preserve">\*\*\*<\/w:t>/);
  });

  it('puts "Table n" in bold, the APA title in italics, and the note after the table with "Note." in italics', async () => {
    const tc = tableCases().find((c) => c.name.startsWith('moderation'))!;
    const xml = await documentXml(tc.table, { number: 2 });
    const [before, after] = xml.split(/<w:tbl>.*<\/w:tbl>/s);
    expect(before).toMatch(/<w:b\/>.*Table 2<\/w:t>/s);
    expect(before).toMatch(/<w:i\/>.*Moderation Analysis<\/w:t>/s);
    expect(after).toMatch(/<w:r><w:rPr><w:i\/><w:iCs\/>(<w:sz [^>]*\/>)*(<w:szCs [^>]*\/>)*<\/w:rPr><w:t xml:space="preserve">Note\.<\/w:t><\/w:r>/);
    expect(texts(after)).toBe(`Note. ${tc.table.notes.join(' ')}`);
  });

  it('escapes text and drops characters XML cannot carry', async () => {
    const hostile: PubTable = {
      title: '<script>alert("x")</script> & co',
      style: 'econ',
      columns: [[{ text: 'a < b' }, { text: 'B' }]],
      rows: [{ cells: [{ text: 'x\u0007y & 收入 😀' }, { text: '—' }] }],
      notes: ['p < .05 & "quoted"'],
    };
    const xml = await documentXml(hostile, { landscape: true });
    expect(xml).not.toContain('<script>');
    expect(texts(xml)).toContain('<script>alert("x")</script> & co');
    const r = rows(xml);
    expect(r[0][0].text).toBe('a < b');
    expect(r[1][0].text).toBe('xy & 收入 😀');
    expect(texts(xml)).toContain('Note. p < .05 & "quoted"');
    expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
  });
});
