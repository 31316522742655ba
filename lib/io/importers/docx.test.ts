import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';

import { ImportError } from '../errors';
import { readFixture } from '../fixtures/read-fixture';
import { importDocx, normaliseParagraphs, readCoreProperties } from './docx';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportError) return error.code;
    throw error;
  }
  return undefined;
}

describe('importDocx', () => {
  it('imports the interview: headings as plain lines, paragraphs kept, emoji, Chinese and Hebrew intact', async () => {
    const source = await importDocx(readFixture('interview.docx'), { fallbackTitle: 'interview' });
    expect(source.format).toBe('docx');
    expect(source.title).toBe('Interview with a returning entrepreneur');
    expect(source.metadata).toMatchObject({ author: 'Groundwork fixtures', created: '2024-03-05T10:00:00.000Z' });
    // Issue 14 (5): one line per paragraph, no empty paragraph between them.
    expect(source.text).toBe(
      [
        'Interview 3: returning entrepreneur',
        'Interviewer: How did you start?',
        'Participant: My mother lent me the money 👍🏽 and we opened in 2019.',
        'Second part',
        '受访者：我在上海工作了十年。',
        'אני גר כאן — Hebrew line.',
      ].join('\n'),
    );
  });

  it('refuses a truncated .docx as corrupt', async () => {
    await expect(importDocx(readFixture('corrupt.docx'), { fallbackTitle: 'x' })).rejects.toMatchObject({
      code: 'CORRUPT_DOCX',
      userMessage: expect.stringMatching(/damaged or incomplete/),
    });
  });

  it('refuses the zip bomb before mammoth sees it', async () => {
    await expect(importDocx(readFixture('zip-bomb.docx'), { fallbackTitle: 'x' })).rejects.toMatchObject({ code: 'ZIP_BOMB' });
  });

  it('refuses a zip whose document.xml is not XML as corrupt', async () => {
    const zip = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new TextEncoder().encode('<<<not xml') });
    expect(await codeOf(importDocx(zip, { fallbackTitle: 'x' }))).toBe('CORRUPT_DOCX');
  });

  it('names other zip formats instead of calling them corrupt', async () => {
    const xlsx = zipSync({ 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') });
    await expect(importDocx(xlsx, { fallbackTitle: 'x' })).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE', userMessage: expect.stringMatching(/Excel workbook/) });
    const odt = zipSync({ mimetype: [new TextEncoder().encode('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': new TextEncoder().encode('<x/>') });
    await expect(importDocx(odt, { fallbackTitle: 'x' })).rejects.toMatchObject({ userMessage: expect.stringMatching(/OpenDocument text.*Save it as \.docx/) });
  });

  it('applies custom zip limits', async () => {
    expect(await codeOf(importDocx(readFixture('interview.docx'), { fallbackTitle: 'x', zipLimits: { maxEntries: 3, maxTotalUncompressed: 1e9, maxRatio: 100, ratioMinSize: 1e6 } }))).toBe('ZIP_BOMB');
  });
});

// Regression: /[ \t]+\n/g and /\s+$/ were quadratic on a long run of spaces (50,000: 6 s).
describe('normaliseParagraphs', () => {
  it('collapses blank lines and trailing blanks around a 500,000-space run', () => {
    const run = ' '.repeat(500_000);
    expect(normaliseParagraphs(`\n\nA${run}B  \r\n\r\n\r\n\r\nC\t\n\n${run}`)).toBe(`A${run}B\nC`);
  });
});

// Regression: a property tag without its closing tag made the pattern scan to the end of the
// XML once per such tag (20,000 of them in core.xml: seconds; the XML may be megabytes).
describe('readCoreProperties', () => {
  it('reads the properties that are closed and ignores 100,000 unclosed tags', () => {
    const xml = `<cp:coreProperties>${'<dc:title>'.repeat(100_000)}<dc:creator>Ana &amp; Li</dc:creator></cp:coreProperties>`;
    expect(readCoreProperties(xml)).toEqual({ author: 'Ana & Li' });
  });

  it('unwraps CDATA and ignores 100,000 unclosed CDATA openings after it', () => {
    const xml = `<dc:title><![CDATA[Interview <3>]]>${' <![CDATA['.repeat(100_000)}</dc:title>`;
    expect(readCoreProperties(xml).title).toBe(`Interview <3>${' <![CDATA['.repeat(100_000)}`.trim());
    expect(readCoreProperties('<dc:title x="1">  T  </dc:title><dc:language></dc:language>')).toEqual({ title: 'T' });
  });
});
