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

  // The picker calls it on every keystroke; a selection of a whole transcript used to be folded
  // and spread into an array of 10 million characters each time. Checked against the definition.
  it('reads only what it needs of a 10 MB selection, with the same result', () => {
    const reference = (s: string) => {
      const chars = [...s.replace(/\s+/g, ' ').trim()];
      return chars.length > 200 ? `${chars.slice(0, 199).join('')}…` : chars.join('');
    };
    const body = 'Interviewer: 采访 notes 👍🏽\n\n  Ana:\tyes. '.repeat(300_000);
    const cases = [
      body,
      ' '.repeat(5000) + body, // the first prefixes are all whitespace
      '\n'.repeat(1023) + '😀'.repeat(600), // a surrogate pair split by the first prefix
      'a'.repeat(198) + '😀😀' + ' '.repeat(2_000_000) + 'b', // emoji at the cut, a long run after it
      'a'.repeat(200) + ' '.repeat(3_000_000), // exactly 200 characters once trimmed
      'a'.repeat(201) + ' '.repeat(3_000_000),
    ];
    for (const s of cases) expect(codeNameFromSelection(s)).toBe(reference(s));
    // The reference itself spreads 10 MB strings: slow on a loaded machine, not the code under test.
  }, 60_000);
});
