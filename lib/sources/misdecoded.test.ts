import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { decodeText } from '../io/decode-text';
import { looksMisdecoded } from './misdecoded';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../io/fixtures', name)));
// The importer's decoding (Node's own TextDecoder may lack windows-1252).
const as = (encoding: string, bytes: Uint8Array) => decodeText(bytes, { encoding }).text;

describe('looksMisdecoded', () => {
  it('spots UTF-8 read as Windows-1252, GBK read as Windows-1252, and replacement characters', () => {
    const utf8 = new TextEncoder().encode('She said: “I didn’t expect the café to close.”');
    expect(looksMisdecoded(as('windows-1252', utf8))).toBe(true);
    expect(looksMisdecoded(as('windows-1252', fixture('gbk-interview.txt')))).toBe(true);
    expect(looksMisdecoded(as('utf-8', fixture('gbk-interview.txt')))).toBe(true);
  });

  it('leaves correctly decoded text in any script alone', () => {
    expect(looksMisdecoded(as('gb18030', fixture('gbk-interview.txt')))).toBe(false);
    expect(looksMisdecoded(as('windows-1252', fixture('windows-1252.txt')))).toBe(false);
    expect(looksMisdecoded('Le café était fermé. Über die Brücke. Ça va ? ¿Qué tal? « Très bien »')).toBe(false);
    expect(looksMisdecoded('受访者：我在上海工作了十年。אני גר כאן — Hebrew line. 👍🏽')).toBe(false);
    // One odd character is not enough.
    expect(looksMisdecoded('A single � in a long text')).toBe(false);
  });
});
