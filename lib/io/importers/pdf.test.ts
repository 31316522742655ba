import { describe, expect, it } from 'vitest';

import { sliceByCodePoints } from '../../coding/offsets';
import { buildPdf } from '../fixtures/pdf-writer';
import { readFixture } from '../fixtures/read-fixture';
import { assemblePage, importPdf } from './pdf';

describe('importPdf', () => {
  it('imports the two-page article with page offsets, metadata and Chinese from a CMap font', async () => {
    const source = await importPdf(readFixture('article.pdf'), { fallbackTitle: 'article' });
    expect(source.format).toBe('pdf');
    expect(source.title).toBe('Informal Work and Care');
    expect(source.metadata).toEqual({ author: 'J. Smith', created: '2024-03-05' });
    expect(source.pages).toHaveLength(2);
    const [p1, p2] = source.pages!;
    expect(p1.page).toBe(1);
    expect(sliceByCodePoints(source.text, p1.start, p1.end)).toBe(
      'Informal Work and Care\nAbstract: café owners describe “survival” strategies.\nPage one ends here.',
    );
    expect(sliceByCodePoints(source.text, p2.start, p2.end)).toBe('Results (page two)\nOwners rely on family labour.\n中文访谈');
    expect(source.text.slice(p1.end, p2.start)).toBe('\n\n');
    expect(source.warnings).toEqual([]);
  }, 20_000);

  it('refuses a PDF without a text layer: "scanned PDF: no text to code"', async () => {
    await expect(importPdf(readFixture('scanned.pdf'), { fallbackTitle: 'x' })).rejects.toMatchObject({
      code: 'SCANNED_PDF',
      userMessage: expect.stringMatching(/^Scanned PDF: no text to code/),
    });
  });

  it('refuses a password-protected PDF', async () => {
    await expect(importPdf(readFixture('password.pdf'), { fallbackTitle: 'x' })).rejects.toMatchObject({ code: 'ENCRYPTED_PDF' });
  });

  it('refuses a corrupt PDF', async () => {
    await expect(importPdf(readFixture('corrupt.pdf'), { fallbackTitle: 'x' })).rejects.toMatchObject({ code: 'CORRUPT_PDF' });
  });

  it('warns about pages without text and keeps their (empty) spans', async () => {
    const source = await importPdf(buildPdf([{ lines: ['Text'] }, { draw: '0 0 1 rg 10 10 50 50 re f' }, { lines: ['More'] }]), { fallbackTitle: 'x' });
    expect(source.pages!.map((p) => p.end - p.start)).toEqual([4, 0, 4]);
    expect(source.warnings).toEqual(['Page 2 has no text layer (a scanned image?); its content cannot be coded.']);
    expect(source.title).toBe('x');
  });

  it('reads a 50-page PDF with every page and line in place', async () => {
    const pages = Array.from({ length: 50 }, (_, p) => ({
      lines: Array.from({ length: 40 }, (_, l) => `Page ${p + 1}, line ${l + 1}: participants described informal care arrangements.`),
    }));
    const pdf = buildPdf(pages);
    const source = await importPdf(pdf, { fallbackTitle: 'x' });
    expect(source.pages).toHaveLength(50);
    expect(sliceByCodePoints(source.text, source.pages![49].start, source.pages![49].end).split('\n')[39]).toBe(
      'Page 50, line 40: participants described informal care arrangements.',
    );
  }, 30_000);
});

// Regression: /[ \t]+\n/g was quadratic on a long run of spaces (50,000: 6 s).
describe('assemblePage', () => {
  it('drops trailing blanks and keeps a 500,000-space run inside a line', () => {
    const run = ' '.repeat(500_000);
    expect(assemblePage([{ str: `a${run}b  `, hasEOL: true }, { str: 'c\u0000' }, { str: run }])).toBe(`a${run}b\nc`);
  });
});
