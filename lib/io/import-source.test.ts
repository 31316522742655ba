import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';

import { codePointLength, sliceByCodePoints } from '../coding/offsets';
import { ImportError } from './errors';
import { readFixture } from './fixtures/read-fixture';
import { DEFAULT_MAX_BYTES, importSource, titleFromFileName } from './import-source';

const enc = (s: string) => new TextEncoder().encode(s);

async function failure(fileName: string, bytes: Uint8Array, extra: { maxBytes?: number } = {}): Promise<ImportError> {
  try {
    await importSource({ fileName, bytes, ...extra });
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error(`${fileName} was imported but should have failed`);
}

describe('importSource: dispatch by content', () => {
  it.each([
    ['gbk-interview.txt', 'txt', 'gb18030'],
    ['windows-1252.txt', 'txt', 'windows-1252'],
    ['utf16le-bom.txt', 'txt', 'utf-16le'],
    ['fieldnotes.md', 'md', 'utf-8'],
    ['article.html', 'html', 'utf-8'],
    ['two-speakers.vtt', 'vtt', 'utf-8'],
    ['interview.srt', 'srt', 'utf-8'],
    ['interview.docx', 'docx', undefined],
    ['article.pdf', 'pdf', undefined],
  ])('imports %s as %s', async (name, format, encoding) => {
    const source = await importSource({ fileName: name, bytes: readFixture(name) });
    expect(source.format).toBe(format);
    expect(source.encoding).toBe(encoding);
    expect(source.text.length).toBeGreaterThan(0);
    expect(source.text).not.toMatch(/\r|\0/);
    expect(source.warnings).toEqual([]);
  }, 20_000);

  it('imports a PDF named .txt as a PDF, and says so', async () => {
    const source = await importSource({ fileName: 'paper.txt', bytes: readFixture('article.pdf') });
    expect(source.format).toBe('pdf');
    expect(source.warnings[0]).toMatch(/ends in \.txt, but the file is a PDF/);
  });

  it('imports a .docx named .doc by its content', async () => {
    const source = await importSource({ fileName: 'interview.doc', bytes: readFixture('interview.docx') });
    expect(source.format).toBe('docx');
  });

  it('recognises transcripts and HTML saved as .txt', async () => {
    const vtt = await importSource({ fileName: 'captions.txt', bytes: readFixture('two-speakers.vtt') });
    expect(vtt.format).toBe('vtt');
    expect(vtt.turns).toHaveLength(4);
    const srt = await importSource({ fileName: 'captions.txt', bytes: readFixture('interview.srt') });
    expect(srt.format).toBe('srt');
    const html = await importSource({ fileName: 'page.txt', bytes: enc('<!DOCTYPE html><p>Hi &amp; bye</p>') });
    expect(html).toMatchObject({ format: 'html', text: 'Hi & bye' });
  });

  it('uses the MIME type when the name has no extension, and plain text otherwise', async () => {
    expect((await importSource({ fileName: 'notes', bytes: enc('# Title\n\n**x**'), mimeType: 'text/markdown' })).format).toBe('md');
    expect((await importSource({ fileName: 'notes', bytes: enc('# Title\n\n**x**') })).format).toBe('txt');
  });

  it('imports text with an unknown extension as plain text, with a warning', async () => {
    const source = await importSource({ fileName: 'answers.csv', bytes: enc('id,answer\n1,"I liked it"\n') });
    expect(source.format).toBe('txt');
    expect(source.warnings[0]).toMatch(/\.csv are not a known type/);
  });

  it('takes titles from metadata, else the file name', async () => {
    expect((await importSource({ fileName: 'C:\\Users\\ana\\interview_03.txt', bytes: enc('x') })).title).toBe('interview 03');
    expect(titleFromFileName('.txt')).toBe('.txt');
    expect(titleFromFileName('___.md')).toBe('Untitled');
  });

  it('re-imports with an explicit encoding', async () => {
    const asWestern = await importSource({ fileName: 'a.txt', bytes: readFixture('gbk-interview.txt'), encoding: 'windows-1252' });
    expect(asWestern.encoding).toBe('windows-1252');
    expect(asWestern.text).not.toContain('采访者');
    // A wrong choice that leaves undecodable bytes is shown with a warning, not refused as binary.
    const asUtf8 = await importSource({ fileName: 'a.txt', bytes: readFixture('gbk-interview.txt'), encoding: 'utf8' });
    expect(asUtf8.encoding).toBe('utf-8');
    expect(asUtf8.warnings.join()).toMatch(/are not valid UTF-8 and were replaced by �/);
    // Big5 maps GBK's byte pairs to rare and private-use characters: shown, not refused.
    expect((await importSource({ fileName: 'a.txt', bytes: readFixture('gbk-interview.txt'), encoding: 'big5' })).encoding).toBe('big5');
  });
});

describe('importSource: every bad input gets a clear error', () => {
  it('empty file', async () => {
    expect(await failure('a.txt', new Uint8Array(0))).toMatchObject({ code: 'EMPTY_FILE', userMessage: 'This file is empty.' });
    expect((await failure('a.txt', enc(' \n\t\r\n'))).code).toBe('EMPTY_FILE');
    expect((await failure('a.html', enc('<script>x</script>'))).code).toBe('EMPTY_FILE');
  });

  it('binary renamed .txt', async () => {
    const error = await failure('binary-renamed.txt', readFixture('binary-renamed.txt'));
    expect(error.code).toBe('BINARY_FILE');
    expect(error.userMessage).toMatch(/not a \.txt file: it is a PNG image/);
    const noSignature = new Uint8Array(512).map((_, i) => (i % 4 === 0 ? 0 : (i * 131) & 0xff));
    expect((await failure('data.txt', noSignature)).code).toBe('BINARY_FILE');
  });

  it('corrupt .docx', async () => {
    expect((await failure('corrupt.docx', readFixture('corrupt.docx'))).code).toBe('CORRUPT_DOCX');
    expect((await failure('fake.docx', enc('just text'))).code).toBe('CORRUPT_DOCX');
  });

  it('encrypted .docx (OLE container)', async () => {
    const error = await failure('encrypted.docx', readFixture('encrypted.docx'));
    expect(error.code).toBe('ENCRYPTED_DOCX');
    expect(error.userMessage).toMatch(/password-protected/);
  });

  it('legacy Word 97–2003 .doc', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    Array.from('WordDocument').forEach((c, i) => (ole[512 + 2 * i] = c.charCodeAt(0)));
    expect(await failure('old.doc', ole)).toMatchObject({ code: 'UNSUPPORTED_TYPE', userMessage: expect.stringMatching(/save it as \.docx/) });
  });

  it('zip bomb inside .docx', async () => {
    expect((await failure('zip-bomb.docx', readFixture('zip-bomb.docx'))).code).toBe('ZIP_BOMB');
  });

  it('corrupt, password-protected and scanned PDFs', async () => {
    expect((await failure('corrupt.pdf', readFixture('corrupt.pdf'))).code).toBe('CORRUPT_PDF');
    expect((await failure('fake.pdf', enc('plain text'))).code).toBe('CORRUPT_PDF');
    expect((await failure('password.pdf', readFixture('password.pdf'))).code).toBe('ENCRYPTED_PDF');
    const scanned = await failure('scanned.pdf', readFixture('scanned.pdf'));
    expect(scanned.code).toBe('SCANNED_PDF');
    expect(scanned.userMessage).toMatch(/scanned PDF: no text to code/i);
  });

  it('over the size limit (default 25 MB, configurable)', async () => {
    expect(DEFAULT_MAX_BYTES).toBe(25 * 1024 * 1024);
    const error = await failure('big.txt', enc('x'.repeat(2000)), { maxBytes: 1000 });
    expect(error.code).toBe('TOO_LARGE');
    expect(error.userMessage).toMatch(/limit is 0\.0 MB|limit is/);
    expect((await failure('huge.txt', new Uint8Array(DEFAULT_MAX_BYTES + 1).fill(0x61))).code).toBe('TOO_LARGE');
  });

  it('unsupported types name the supported ones', async () => {
    const png = readFixture('binary-renamed.txt');
    const error = await failure('photo.png', png);
    expect(error.code).toBe('UNSUPPORTED_TYPE');
    expect(error.userMessage).toMatch(/PNG image\. Groundwork imports plain text \(\.txt\), Markdown \(\.md\), Word \(\.docx\), PDF \(\.pdf\)/);
    const xlsx = zipSync({ 'xl/workbook.xml': enc('<workbook/>') });
    expect((await failure('data.xlsx', xlsx)).code).toBe('UNSUPPORTED_TYPE');
    expect((await failure('old.rtf', enc('{\\rtf1\\ansi hello}'))).code).toBe('UNSUPPORTED_TYPE');
  });

  it('transcript without cues', async () => {
    expect((await failure('empty.vtt', enc('WEBVTT\n\nNOTE only a note\n'))).code).toBe('INVALID_TRANSCRIPT');
  });
});

describe('importSource: performance and offsets on a long transcript', () => {
  it('imports a 100,000-word text with every line', async () => {
    const words = ['the', 'participant', 'said', '采访', '😀', 'مرحبا', 'care', 'work', 'family', 'money'];
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const line: string[] = [];
      for (let k = 0; k < 10; k++) line.push(words[(i * 7 + k * 3) % words.length]);
      lines.push(`${i % 2 ? 'Interviewer' : 'Participant'}: ${line.join(' ')}`);
    }
    const bytes = enc(lines.join('\r\n'));
    const source = await importSource({ fileName: 'long.txt', bytes });
    expect(source.text.split('\n')).toHaveLength(10_000);
    expect(source.text.split('\n')[9_999]).toBe(lines[9_999]);
  });

  it('keeps turn offsets exact on a long VTT with emoji in every cue', async () => {
    const cues = Array.from({ length: 2000 }, (_, i) => {
      const t = (ms: number) => new Date(ms).toISOString().slice(11, 23);
      return `${t(i * 1000)} --> ${t(i * 1000 + 900)}\n<v ${i % 2 ? 'B' : 'A'}>line ${i} 👍🏽 中文</v>`;
    });
    const source = await importSource({ fileName: 'long.vtt', bytes: enc(`WEBVTT\n\n${cues.join('\n\n')}\n`) });
    expect(source.turns).toHaveLength(2000);
    const last = source.turns![1999];
    expect(sliceByCodePoints(source.text, last.start, last.end)).toBe('line 1999 👍🏽 中文');
    expect(last.end).toBe(codePointLength(source.text));
  });
});
