import { describe, expect, it } from 'vitest';

import { removeTrailingBlanks, replaceBefore } from './linear-replace';

// Regressions: these inputs took k²/2 regex steps (a 50,000-space run: 6 s; 500,000: ~10 min).
// The tests check results at that size; a return to the quadratic patterns would time out.
describe('removeTrailingBlanks', () => {
  it('removes blanks before line breaks and keeps them elsewhere', () => {
    expect(removeTrailingBlanks('a  \nb\t\n c \t \n\nd  ')).toBe('a\nb\n c\n\nd  ');
    expect(removeTrailingBlanks('  \n')).toBe('\n');
    expect(removeTrailingBlanks('')).toBe('');
  });

  it('handles a 500,000-space run inside a line of a 1 MB text', () => {
    const run = ' '.repeat(500_000);
    const text = `${'a line  \n'.repeat(60_000)}x${run}y\nlast ${run}`;
    const out = removeTrailingBlanks(text);
    expect(out).toBe(`${'a line\n'.repeat(60_000)}x${run}y\nlast ${run}`);
  });
});

describe('replaceBefore', () => {
  it('replaces as on the whole text when `end` is past the last closer', () => {
    const s = 'a <b>c</b> 1 < 2 < 3';
    expect(replaceBefore(s, s.lastIndexOf('>') + 1, /<[^>]*>/g, '')).toBe(s.replace(/<[^>]*>/g, ''));
    expect(replaceBefore(s, 0, /<[^>]*>/g, '')).toBe(s);
    expect(replaceBefore(s, s.length + 5, /<[^>]*>/g, '')).toBe(s.replace(/<[^>]*>/g, ''));
  });

  it('handles 200,000 unclosed "<" after the last tag', () => {
    const tail = 'a <3 '.repeat(200_000);
    const s = `<i>x</i>${tail}`;
    expect(replaceBefore(s, s.lastIndexOf('>') + 1, /<[^>]*>/g, '')).toBe(`x${tail}`);
  });
});
