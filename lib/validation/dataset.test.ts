import { describe, expect, it } from 'vitest';

import { ZDatasetReadOptions } from './dataset';

describe('ZDatasetReadOptions', () => {
  it('accepts the four delimiters the CSV reader detects: comma, semicolon, tab and pipe', () => {
    for (const delimiter of [',', ';', '\t', '|']) expect(ZDatasetReadOptions.parse({ delimiter })).toEqual({ delimiter });
  });
  it('refuses any other delimiter', () => {
    expect(ZDatasetReadOptions.safeParse({ delimiter: ':' }).success).toBe(false);
    expect(ZDatasetReadOptions.safeParse({ delimiter: '||' }).success).toBe(false);
  });
  it('reads decimalComma from the query string', () => {
    expect(ZDatasetReadOptions.parse({ delimiter: '|', decimalComma: 'true' })).toEqual({ delimiter: '|', decimalComma: true });
  });
});
