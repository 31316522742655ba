import { describe, expect, it } from 'vitest';

import { thinCategories } from './thin';
import type { SaturationCode } from './types';

const codes: SaturationCode[] = [
  { id: 'A1', label: 'A1', name: 'Main', level: 3, parentId: null },
  { id: 'B1', label: 'B1', name: 'Broad', level: 2, parentId: 'A1' },
  { id: 'B2', label: 'B2', name: 'One source', level: 2, parentId: 'A1' },
  { id: 'B3', label: 'B3', name: 'One coder', level: 2, parentId: null },
  { id: 'B4', label: 'B4', name: 'Empty', level: 2, parentId: null },
  { id: 'C1', label: 'C1', name: 'c1', level: 1, parentId: 'B1' },
  { id: 'C2', label: 'C2', name: 'c2', level: 1, parentId: 'B2' },
];

describe('thinCategories', () => {
  it('flags categories with one source, one coder (in a team) or no coding', () => {
    const thin = thinCategories(codes, [
      { codeId: 'C1', sourceId: 's1', coderId: 'ann' },
      { codeId: 'C1', sourceId: 's2', coderId: 'bo' },
      // B2 through its concept: one source, two coders
      { codeId: 'C2', sourceId: 's3', coderId: 'ann' },
      { codeId: 'C2', sourceId: 's3', coderId: 'bo' },
      // B3 directly: two sources, one coder
      { codeId: 'B3', sourceId: 's1', coderId: 'ann' },
      { codeId: 'B3', sourceId: 's2', coderId: 'ann' },
    ]);
    expect(thin.map((t) => [t.label, t.reasons])).toEqual([
      ['B2', ['one-source']],
      ['B3', ['one-coder']],
      ['B4', ['no-coding']],
    ]);
    expect(thin[0]).toMatchObject({ sources: 1, coders: 2, sourceId: 's3', coderId: null });
    expect(thin[1]).toMatchObject({ sources: 2, coders: 1, coderId: 'ann' });
  });

  it('does not flag one coder when the whole project has one coder', () => {
    const thin = thinCategories(codes, [
      { codeId: 'C1', sourceId: 's1', coderId: 'ann' },
      { codeId: 'C1', sourceId: 's2', coderId: 'ann' },
    ]);
    expect(thin.find((t) => t.label === 'B1')).toBeUndefined();
    expect(thin.find((t) => t.label === 'A1')).toBeUndefined();
  });
});
