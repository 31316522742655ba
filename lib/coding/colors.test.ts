import { describe, expect, it } from 'vitest';

import { CODE_COLORS, codeNameFromSelection, nextColor } from './colors';

describe('nextColor', () => {
  it('takes the first unused palette colour and cycles when all are used', () => {
    expect(nextColor([])).toBe(CODE_COLORS[0]);
    expect(nextColor([CODE_COLORS[0].toUpperCase()])).toBe(CODE_COLORS[1]);
    expect(nextColor([...CODE_COLORS])).toBe(CODE_COLORS[0]);
  });
});

describe('codeNameFromSelection', () => {
  it('folds whitespace and keeps emoji and CJK whole', () => {
    expect(codeNameFromSelection('  trust\n  the   platform ')).toBe('trust the platform');
    expect(codeNameFromSelection('信任🙂')).toBe('信任🙂');
    const long = '信'.repeat(250);
    expect([...codeNameFromSelection(long)].length).toBe(200);
  });
});
