import { describe, expect, it } from 'vitest';

import { decodeText } from '../decode-text';
import { readFixture } from '../fixtures/read-fixture';
import { importTxt } from './txt';

describe('importTxt', () => {
  it('stores the GBK interview as decoded Unicode text with its encoding', () => {
    const source = importTxt(decodeText(readFixture('gbk-interview.txt')), 'gbk-interview');
    expect(source).toMatchObject({ format: 'txt', title: 'gbk-interview', encoding: 'gb18030' });
    expect(source.text.split('\n')[2]).toBe('采访者：您好，请先介绍一下您的工作经历。');
    expect(source.pages).toBeUndefined();
  });

  it('keeps the text exactly as decoded, including leading spaces and blank lines', () => {
    const text = '  indented\n\n\n\ttab 😀\n';
    expect(importTxt(decodeText(new TextEncoder().encode(text)), 't').text).toBe(text);
  });

  it('passes on decoding warnings', () => {
    const source = importTxt(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9])), 'x');
    expect(source.text).toBe('café');
    expect(source.warnings[0]).toMatch(/guessed/);
  });
});
