import { describe, expect, it } from 'vitest';

import { decodeText } from '../decode-text';
import { readFixture } from '../fixtures/read-fixture';
import { importHtml, sniffHtmlCharset } from './html';

describe('importHtml', () => {
  it('imports the article fixture as text only: no script, style, comment or tag survives', () => {
    const bytes = readFixture('article.html');
    const source = importHtml(decodeText(bytes, { declaredEncoding: sniffHtmlCharset(bytes) }), 'article');
    expect(source).toMatchObject({ format: 'html', title: 'Informal work & care', encoding: 'utf-8' });
    expect(source.metadata).toEqual({ author: 'J. Smith', language: 'en' });
    expect(source.text).toBe(
      [
        'Informal work & care',
        '',
        'Café owners\u00a0say: “we survive” 😀 — 5 < 6.',
        '',
        'Literal markup shown as text: <script>alert(1)</script>',
        '',
        'First item',
        'Second item spread',
        '',
        'Name\tAge',
        'Ana\t34',
        '',
        'Line one',
        'Line two',
        '',
        '  keep   this',
        '    spacing',
        '',
        '中文 and مرحبا',
      ].join('\n'),
    );
    for (const leaked of ['injected', 'alert(1);', 'color: red', 'not text', 'comment', 'template text', 'enable JavaScript', 'lead']) {
      expect(source.text).not.toContain(leaked);
    }
  });

  it('decodes a GBK page by its <meta charset>', () => {
    // <meta charset="gbk"><p>中文</p>
    const head = new TextEncoder().encode('<meta charset="gbk"><p>');
    const bytes = new Uint8Array([...head, 0xd6, 0xd0, 0xce, 0xc4, ...new TextEncoder().encode('</p>')]);
    expect(sniffHtmlCharset(bytes)).toBe('gbk');
    const source = importHtml(decodeText(bytes, { declaredEncoding: sniffHtmlCharset(bytes) }), 'x');
    expect(source.text).toBe('中文');
    expect(source.encoding).toBe('gbk');
  });

  it('finds charsets in http-equiv and XML declarations', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(sniffHtmlCharset(enc('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'))).toBe('windows-1252');
    expect(sniffHtmlCharset(enc('<?xml version="1.0" encoding="ISO-8859-1"?><html>'))).toBe('ISO-8859-1');
    expect(sniffHtmlCharset(enc('<p>none</p>'))).toBeUndefined();
  });
});
