import { describe, expect, it } from 'vitest';

import { isPackedCodings, packCodings, unpackCodings } from './packed-codings';
import type { WorkbenchCoding } from './workbench-types';

const row = (i: number, extra: Partial<WorkbenchCoding> = {}): WorkbenchCoding => ({
  id: `c${i}`,
  codeId: `k${i % 3}`,
  start: i * 10,
  end: i * 10 + 7,
  coderId: `u${i % 2}`,
  coderName: i % 2 ? 'Bo' : 'Ana',
  memo: '',
  memoBody: null,
  createdAt: new Date(Date.UTC(2024, 0, 1) + i * 1234).toISOString(),
  ...extra,
});

describe('packCodings / unpackCodings', () => {
  it('round-trips rows exactly, in order, memos and odd dates included', () => {
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '信任 🙂' }] }] };
    const rows = [row(3), row(1, { memo: '信任 🙂', memoBody: body }), row(2, { createdAt: '' }), row(0, { coderId: '', coderName: 'Former member', createdAt: 'not a date' }), row(5)];
    const packed = packCodings(rows);
    expect(isPackedCodings(packed)).toBe(true);
    expect(isPackedCodings(rows)).toBe(false);
    expect(unpackCodings(JSON.parse(JSON.stringify(packed)))).toEqual(rows);
  });

  it('shares code and coder ids between rows and is much smaller than the rows', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => row(i, { id: `cmxb7yz6u006pc47dq${String(i).padStart(7, '0')}` }));
    const packed = packCodings(rows);
    expect(packed.codeIds).toHaveLength(3);
    expect(packed.coders).toHaveLength(2);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(rows).length / 3);
    expect(unpackCodings(packed)).toEqual(rows);
  });

  it('packs nothing to nothing', () => {
    expect(unpackCodings(packCodings([]))).toEqual([]);
  });
});
