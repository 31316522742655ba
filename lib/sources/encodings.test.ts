import { describe, expect, it } from 'vitest';

import { decodeText } from '../io/decode-text';
import { TEXT_ENCODINGS } from './encodings';

describe('TEXT_ENCODINGS', () => {
  it('offers only encodings the importer accepts, each once', () => {
    const bytes = new TextEncoder().encode('interview');
    for (const { value } of TEXT_ENCODINGS) expect(() => decodeText(bytes, { encoding: value }), value).not.toThrow();
    expect(new Set(TEXT_ENCODINGS.map((e) => e.value)).size).toBe(TEXT_ENCODINGS.length);
    expect(TEXT_ENCODINGS.map((e) => e.value)).toEqual(expect.arrayContaining(['utf-8', 'utf-16le', 'gb18030', 'big5', 'shift_jis', 'windows-1252', 'iso-8859-1']));
  });
});
