import { describe, expect, it } from 'vitest';

import { safeCallbackPath } from './redirect';

describe('safeCallbackPath', () => {
  it('keeps paths on this site', () => {
    expect(safeCallbackPath('/projects/abc/team?x=1')).toBe('/projects/abc/team?x=1');
  });
  it('refuses other hosts and tricks', () => {
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/\u0000x', undefined, 42]) {
      expect(safeCallbackPath(bad)).toBe('/projects');
    }
  });
});
