import { describe, expect, it } from 'vitest';

import { decodeText, normaliseNewlines } from './decode-text';
import { ImportError } from './errors';
import { readFixture } from './fixtures/read-fixture';
import { decodeWindows1252 } from './windows-1252';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let o = 0;
  if (bom) {
    out[o++] = bigEndian ? 0xfe : 0xff;
    out[o++] = bigEndian ? 0xff : 0xfe;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[o++] = bigEndian ? c >> 8 : c & 0xff;
    out[o++] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportError) return error.code;
    throw error;
  }
  return undefined;
}

describe('decodeText: byte order marks', () => {
  it('decodes UTF-8 with BOM and removes the BOM', () => {
    const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('采访 😀')]));
    expect(r).toMatchObject({ text: '采访 😀', encoding: 'utf-8', evidence: 'bom' });
  });

  it('decodes the UTF-16LE fixture with BOM: Hebrew, emoji and Chinese survive', () => {
    const r = decodeText(readFixture('utf16le-bom.txt'));
    expect(r.encoding).toBe('utf-16le');
    expect(r.evidence).toBe('bom');
    expect(r.text).toContain('שלום');
    expect(r.text).toContain('😊');
    expect(r.text).toContain('谢谢');
  });

  it('decodes UTF-16BE with BOM', () => {
    const r = decodeText(utf16('Hi 😀 مرحبا', true, true));
    expect(r).toMatchObject({ text: 'Hi 😀 مرحبا', encoding: 'utf-16be', evidence: 'bom' });
  });
});

describe('decodeText: UTF-16 without BOM', () => {
  it('recognises little- and big-endian by where the NUL bytes are', () => {
    const text = 'Interviewer: hello\nParticipant: 你好, שלום 😀\n';
    expect(decodeText(utf16(text, false, false))).toMatchObject({ text, encoding: 'utf-16le', evidence: 'utf-16-pattern' });
    expect(decodeText(utf16(text, true, false))).toMatchObject({ text, encoding: 'utf-16be' });
  });
});

describe('decodeText: UTF-8 and legacy encodings', () => {
  it('takes valid UTF-8 as UTF-8 (Chinese, emoji with ZWJ, RTL, combining marks)', () => {
    const text = '采访 👩‍👩‍👧 👍🏽 مرحبا שלום cafe\u0301';
    expect(decodeText(utf8(text))).toMatchObject({ text, encoding: 'utf-8', evidence: 'utf-8', warnings: [] });
  });

  it('does not normalise Unicode (NFC): offsets are defined on the text as stored', () => {
    const decomposed = 'cafe\u0301';
    expect(decodeText(utf8(decomposed)).text).toBe(decomposed);
    expect(decodeText(utf8(decomposed)).text).not.toBe(decomposed.normalize('NFC'));
  });

  it('detects the GBK Chinese interview fixture as GB18030', () => {
    const r = decodeText(readFixture('gbk-interview.txt'));
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toContain('采访者：您好，请先介绍一下您的工作经历。');
    expect(r.text).toContain('用Excel记账');
    expect(r.text).not.toContain('\r');
  });

  it('detects short GBK text that statistics cannot decide', () => {
    // 受访者：我在上海 in GBK; chardet gives every candidate 10 % on 16 bytes.
    const bytes = new Uint8Array([0xca, 0xdc, 0xb7, 0xc3, 0xd5, 0xdf, 0xa3, 0xba, 0xce, 0xd2, 0xd4, 0xda, 0xc9, 0xcf, 0xba, 0xa3]);
    const r = decodeText(bytes);
    expect(r.text).toBe('受访者：我在上海');
    expect(r.encoding).toBe('gb18030');
  });

  it('detects the Windows-1252 fixture with curly quotes, dashes and €', () => {
    const r = decodeText(readFixture('windows-1252.txt'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain('She said: “I didn’t expect the café to close — it cost €40 a week.”');
    expect(r.text).toContain('Naïve');
  });

  it('guesses Windows-1252 for short accented text and says it guessed', () => {
    const r = decodeText(new Uint8Array([0x6e, 0x61, 0xef, 0x76, 0x65, 0x20, 0x63, 0x61, 0x66, 0xe9])); // "naïve café"
    expect(r.text).toBe('naïve café');
    expect(r.encoding).toBe('windows-1252');
    expect(r.evidence).toBe('guessed');
    expect(r.warnings[0]).toMatch(/guessed as Windows-1252/);
  });

  it('uses an HTML-declared encoding only when the bytes are not UTF-8', () => {
    const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]); // 中文
    expect(decodeText(gbk, { declaredEncoding: 'gbk' })).toMatchObject({ text: '中文', encoding: 'gbk', evidence: 'declared' });
    expect(decodeText(utf8('中文'), { declaredEncoding: 'iso-8859-1' })).toMatchObject({ text: '中文', encoding: 'utf-8' });
  });

  it('honours an explicit encoding and rejects an unknown one', () => {
    expect(decodeText(utf8('é'), { encoding: 'latin1' })).toMatchObject({ text: 'Ã©', encoding: 'windows-1252', evidence: 'override' });
    expect(codeOf(() => decodeText(utf8('x'), { encoding: 'klingon-8' }))).toBe('UNKNOWN_ENCODING');
  });
});

describe('decodeText: line endings and binary data', () => {
  it('normalises CRLF and lone CR to LF and changes nothing else', () => {
    expect(decodeText(utf8('a\r\nb\rc\n\td ')).text).toBe('a\nb\nc\n\td ');
    expect(normaliseNewlines('x\r\n\r\ny')).toBe('x\n\ny');
  });

  it('rejects NUL bytes that are not UTF-16 text', () => {
    const bytes = new Uint8Array(300).map((_, i) => (i % 3 === 0 ? 0 : (i * 91) & 0xff));
    expect(codeOf(() => decodeText(bytes))).toBe('BINARY_FILE');
  });

  it('rejects text with many control characters', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 5 === 0 ? 0x01 : 0x61));
    expect(codeOf(() => decodeText(bytes))).toBe('BINARY_FILE');
  });

  it('tolerates a stray control character in a long text', () => {
    expect(decodeText(utf8(`${'word '.repeat(100)}\x1a`)).text).toHaveLength(501);
  });
});

describe('decodeWindows1252', () => {
  it('maps 0x80–0x9F to the Windows-1252 characters (Node decodes them as C1 controls)', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x85]))).toBe('€‘’“”–—…');
    expect(decodeWindows1252(new Uint8Array([0x41, 0xe9, 0xff, 0x81]))).toBe('Aéÿ\x81');
  });
});
