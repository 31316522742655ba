import { describe, expect, it } from 'vitest';

import { DEMO_CODES, DEMO_CODINGS, DEMO_SOURCES, locate } from './demo-content';

describe('demo content', () => {
  it('every coding finds its phrase and names a known code', () => {
    const codes = new Set(DEMO_CODES.map((c) => c.name));
    for (const c of DEMO_CODINGS) {
      const source = DEMO_SOURCES.find((s) => s.key === c.source);
      expect(source, c.source).toBeDefined();
      expect(codes.has(c.code), c.code).toBe(true);
      const { start, end } = locate(source!.text, c.phrase, c.nth);
      expect([...source!.text].slice(start, end).join('')).toBe(c.phrase);
    }
  });

  it('locate counts code points, so text after an emoji lands right', () => {
    expect(locate('a🙂bc', 'bc')).toEqual({ start: 2, end: 4 });
    expect(() => locate('abc', 'x')).toThrow(/phrase not found/);
  });
});
