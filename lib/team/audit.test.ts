import { describe, expect, it } from 'vitest';

import { activitySearch, codePhrase, dayKey, describeChanges, eventTypeLabel, groupByDay, groupOfType, parseActivityFilter, snapshotCodeIds } from './audit';

const codes = new Map([
  ['b2', { label: 'B2', name: 'Risk' }],
  ['c2', { label: 'C2', name: 'Late delivery' }],
  ['x', { label: '', name: 'Unlabelled' }],
]);

describe('describeChanges', () => {
  it('lists a rename and a move with before → after, naming parents', () => {
    const before = { name: 'Trust', label: 'C3', level: 1, parentId: 'b2', definition: 'd', color: '#111111' };
    const after = { ...before, name: 'Platform trust', parentId: null };
    expect(describeChanges('code.updated', before, after, codes).map((c) => c.text)).toEqual(['Name: "Trust" → "Platform trust"', 'Parent: B2 "Risk" → none']);
  });

  it('lists what a created code set and what a deleted code had', () => {
    expect(describeChanges('code.created', null, { name: 'Trust', label: 'C1', level: 2, parentId: null, definition: '' }, codes).map((c) => c.text)).toEqual([
      'Name: "Trust"',
      'Label: "C1"',
      'Level: category',
    ]);
    expect(describeChanges('code.deleted', { name: 'Trust', parentId: 'gone' }, null, codes).map((c) => c.text)).toEqual([
      'Name: "Trust" (removed)',
      'Parent: a deleted code (removed)',
    ]);
  });

  it('reads the hierarchy events as recorded (merge, split, group, move)', () => {
    const merge = describeChanges(
      'hierarchy.merged',
      { codeIds: ['c4', 'c2'], from: { id: 'c4', label: 'C4', name: 'Delivery delay', parentId: null, definition: '' }, into: { id: 'c2', label: 'C2', name: 'Late delivery' } },
      { codeIds: ['c2'], deletedCodeId: 'c4', into: { id: 'c2', label: 'C2', name: 'Late delivery', definition: '' }, childIds: [], intoId: 'c2', codingsMoved: 3, relationsMoved: 0 },
      codes,
    );
    expect(merge.map((c) => c.text)).toEqual(['Merged into C2 "Late delivery"', 'Merged code: C4 "Delivery delay" (removed)', 'Codings moved: 3', 'Relations moved: 0']);
    const split = describeChanges(
      'hierarchy.split',
      { codeIds: ['c2'], code: { id: 'c2', label: 'C2', name: 'Late delivery' }, codingIds: ['k1'] },
      { codeIds: ['c2', 'c9'], created: { id: 'c9', label: 'C9', name: 'Courier delay', level: 1, parentId: null }, codingIds: ['k1'] },
      codes,
    );
    expect(split.map((c) => c.text)).toEqual(['New code: C9 "Courier delay"']);
    const group = describeChanges(
      'hierarchy.grouped',
      { codeIds: ['c2'], children: [{ id: 'c2', label: 'C2', name: 'Late delivery', parentId: null }] },
      { codeIds: ['b2', 'c2'], created: { id: 'b2', label: 'B2', name: 'Risk', level: 2 }, children: [{ id: 'c2', label: 'C2', name: 'Late delivery', parentId: 'b2' }] },
      codes,
    );
    expect(group.map((c) => c.text)).toEqual(['New code: B2 "Risk"']);
    const move = describeChanges('hierarchy.moved', { codeId: 'c2', parentId: null, parentName: null }, { codeId: 'c2', parentId: 'b2', parentName: 'Risk' }, codes);
    expect(move.map((c) => c.text)).toEqual(['Parent: none → B2 "Risk"']);
  });

  it('names the code a merge went into, from the current codebook or the snapshot', () => {
    expect(describeChanges('hierarchy.merged', { codes: [{ id: 'c4', label: 'C4', name: 'Delivery delay' }] }, { intoId: 'c2' }, codes).map((c) => c.text)).toEqual([
      'Merged into C2 "Late delivery"',
      'Codes: C4 "Delivery delay" (removed)',
    ]);
    expect(describeChanges('hierarchy.merged', null, { into: { id: 'zz', label: 'C9', name: 'Old' } }, codes)[0].text).toBe('Merged into C9 "Old"');
  });

  it('cuts long text, skips bookkeeping fields and unchanged values', () => {
    const long = 'word '.repeat(60);
    const [change] = describeChanges('code.updated', { definition: '', version: 1 }, { definition: long, version: 2 }, codes);
    expect(change.before).toBe('empty');
    expect(change.after!.endsWith('…"')).toBe(true);
    expect(change.after!.length).toBeLessThan(130);
    expect(describeChanges('code.updated', { name: 'a' }, { name: 'a' }, codes)).toEqual([]);
  });

  it('handles plain (non-object) snapshots such as storyline text', () => {
    expect(describeChanges('storyline.updated', 'old', 'new', codes).map((c) => c.text)).toEqual(['Value: "old" → "new"']);
  });
});

describe('labels, groups and ids', () => {
  it('labels types and groups them for the filter', () => {
    expect(eventTypeLabel('hierarchy.merged')).toBe('Merged codes');
    expect(eventTypeLabel('future.thing')).toBe('future.thing');
    expect(groupOfType('coding.created')).toBe('codings');
    expect(groupOfType('storyline.updated')).toBe('hierarchy');
    expect(groupOfType('relation.deleted')).toBe('relations');
    expect(groupOfType('source.created')).toBeNull();
  });

  it('names codes, unlabelled and deleted ones', () => {
    expect(codePhrase('x', codes)).toBe('"Unlabelled"');
    expect(codePhrase('nope', codes)).toBe('a deleted code');
    expect(codePhrase(null, codes)).toBe('none');
  });

  it('collects the code ids a snapshot mentions at any depth', () => {
    expect([...snapshotCodeIds({ intoId: 'c2', codes: [{ id: 'c4', name: 'x' }], childIds: ['c5'], name: 'n' })].sort()).toEqual(['c2', 'c4', 'c5']);
  });
});

describe('feed grouping and filters', () => {
  it('groups consecutive items by day key in the reader’s time zone', () => {
    const items = ['2026-12-06T08:00:00Z', '2026-12-06T01:00:00Z', '2026-12-05T23:30:00Z'];
    expect(groupByDay(items, (i) => dayKey(i, 'UTC')).map((g) => [g.day, g.items.length])).toEqual([
      ['2026-12-06', 2],
      ['2026-12-05', 1],
    ]);
    // In Berlin (UTC+1), 23:30 UTC on the 5th is already the 6th.
    expect(groupByDay(items, (i) => dayKey(i, 'Europe/Berlin')).map((g) => [g.day, g.items.length])).toEqual([['2026-12-06', 3]]);
  });

  it('reads filters leniently and writes them back', () => {
    expect(parseActivityFilter({ member: 'u1', type: 'codebook', page: '2' })).toEqual({ actorId: 'u1', group: 'codebook', page: 2 });
    expect(parseActivityFilter({ member: "x' or 1=1", type: 'nope', page: '-3' })).toEqual({ actorId: null, group: null, page: 1 });
    expect(parseActivityFilter({ member: ['a', 'b'], type: ['memos'] })).toEqual({ actorId: 'a', group: 'memos', page: 1 });
    expect(activitySearch({ actorId: 'u1', group: 'codebook', page: 2 })).toBe('?member=u1&type=codebook&page=2');
    expect(activitySearch({ actorId: null, group: null, page: 1 })).toBe('');
  });
});
