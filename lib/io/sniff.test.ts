import { describe, expect, it } from 'vitest';

import { readFixture } from './fixtures/read-fixture';
import { describeOle, sniffBytes } from './sniff';

const enc = (s: string) => new TextEncoder().encode(s);

describe('sniffBytes', () => {
  it('recognises the containers by magic bytes, whatever the name', () => {
    expect(sniffBytes(readFixture('article.pdf'))).toEqual({ kind: 'pdf' });
    expect(sniffBytes(readFixture('interview.docx'))).toEqual({ kind: 'zip' });
    expect(sniffBytes(readFixture('encrypted.docx'))).toEqual({ kind: 'ole' });
    expect(sniffBytes(readFixture('binary-renamed.txt'))).toEqual({ kind: 'binary', description: 'a PNG image' });
    expect(sniffBytes(readFixture('gbk-interview.txt'))).toEqual({ kind: 'text' });
  });

  it('finds a PDF header after binary junk, but not in a text that mentions it', () => {
    expect(sniffBytes(new Uint8Array([0, 1, 2, ...enc('%PDF-1.7\n')]))).toEqual({ kind: 'pdf' });
    expect(sniffBytes(enc('Notes on the %PDF-1.7 header format'))).toEqual({ kind: 'text' });
  });

  it('does not mistake text that starts like a short signature for binary', () => {
    expect(sniffBytes(enc('MZ said she would come back.'))).toEqual({ kind: 'text' });
    expect(sniffBytes(enc('ID3 tags are metadata'))).toEqual({ kind: 'text' });
    expect(sniffBytes(new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]))).toMatchObject({ kind: 'binary', description: 'a Windows program' });
  });
});

describe('describeOle', () => {
  const ole = (stream: string) => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    Array.from(stream).forEach((c, i) => (bytes[512 + 2 * i] = c.charCodeAt(0)));
    return bytes;
  };

  it('tells encrypted OOXML from legacy Word, Excel and PowerPoint files', () => {
    expect(describeOle(readFixture('encrypted.docx'))).toBe('encrypted-ooxml');
    expect(describeOle(ole('WordDocument'))).toBe('word-97');
    expect(describeOle(ole('Workbook'))).toBe('excel-97');
    expect(describeOle(ole('PowerPoint Document'))).toBe('powerpoint-97');
    expect(describeOle(ole('Something'))).toBe('unknown');
  });
});
