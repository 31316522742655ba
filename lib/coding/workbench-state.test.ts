import { describe, expect, it } from 'vitest';

import {
  adjacentCoding,
  codingsAt,
  initWorkbenchState,
  isPendingId,
  selectView,
  selectVisibleCodings,
  workbenchReducer,
  type WorkbenchAction,
  type WorkbenchState,
} from './workbench-state';
import type { WorkbenchCode, WorkbenchCoding } from './workbench-types';

const code = (id: string, segmentCount = 0, sourceCount = 0): WorkbenchCode => ({
  id,
  name: id,
  color: '#2e86ab',
  definition: '',
  segmentCount,
  sourceCount,
});
const coding = (id: string, codeId: string, start: number, end: number, coderId = 'u1'): WorkbenchCoding => ({
  id,
  codeId,
  start,
  end,
  coderId,
  coderName: coderId,
  memo: '',
  memoBody: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});

const run = (state: WorkbenchState, ...actions: WorkbenchAction[]) => actions.reduce(workbenchReducer, state);
const countOf = (state: WorkbenchState, codeId: string) => {
  const c = selectView(state).codes.find((x) => x.id === codeId)!;
  return [c.segmentCount, c.sourceCount];
};

const base = () =>
  initWorkbenchState([code('trust', 5, 2), code('doubt', 1, 1)], [coding('c1', 'trust', 0, 10), coding('c2', 'doubt', 5, 15, 'u2')]);

describe('optimistic apply', () => {
  it('shows the coding and counts it at once, then takes the server row', () => {
    const temp = coding('pending:op1', 'doubt', 20, 30);
    let s = run(base(), { type: 'begin', op: { kind: 'apply', opId: 'op1', coding: temp } });
    expect(selectView(s).codings.map((c) => c.id)).toContain('pending:op1');
    expect(countOf(s, 'doubt')).toEqual([2, 1]); // the source already had a 'doubt' coding
    expect(s.lastCodeId).toBe('doubt');
    s = run(s, { type: 'succeed', opId: 'op1', result: { kind: 'apply', coding: { ...temp, id: 'c3' } } });
    expect(s.pending).toEqual([]);
    expect(selectView(s).codings.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(countOf(s, 'doubt')).toEqual([2, 1]);
  });

  it('counts a source for the first coding of a code in it', () => {
    const s = run(initWorkbenchState([code('new', 4, 3)], []), {
      type: 'begin',
      op: { kind: 'apply', opId: 'op1', coding: coding('pending:op1', 'new', 0, 1) },
    });
    expect(countOf(s, 'new')).toEqual([5, 4]);
  });

  it('rolls back on failure and keeps the message for the user', () => {
    let s = run(base(), { type: 'begin', op: { kind: 'apply', opId: 'op1', coding: coding('pending:op1', 'doubt', 20, 30) } });
    s = run(s, { type: 'fail', opId: 'op1', message: 'You can no longer code this project.' });
    expect(selectView(s).codings.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(countOf(s, 'doubt')).toEqual([1, 1]);
    expect(s.error).toBe('You can no longer code this project.');
  });

  it('rolls back one failed operation without undoing another that succeeded meanwhile', () => {
    let s = run(
      base(),
      { type: 'begin', op: { kind: 'remove', opId: 'r', codingId: 'c1' } },
      { type: 'begin', op: { kind: 'apply', opId: 'a', coding: coding('pending:a', 'trust', 40, 50) } },
    );
    expect(countOf(s, 'trust')).toEqual([5, 2]); // -1 +1
    s = run(s, { type: 'succeed', opId: 'a', result: { kind: 'apply', coding: coding('c9', 'trust', 40, 50) } });
    s = run(s, { type: 'fail', opId: 'r', message: 'Network error' });
    expect(selectView(s).codings.map((c) => c.id).sort()).toEqual(['c1', 'c2', 'c9']);
    expect(countOf(s, 'trust')).toEqual([6, 2]);
  });

  it('does not count a row twice when a revalidated page already holds it', () => {
    const temp = coding('pending:op1', 'doubt', 20, 30);
    let s = run(base(), { type: 'begin', op: { kind: 'apply', opId: 'op1', coding: temp } });
    const server = { ...temp, id: 'c3' };
    s = run(s, { type: 'reset', codes: [code('trust', 5, 2), code('doubt', 2, 1)], codings: [...base().codings, server] });
    s = run(s, { type: 'succeed', opId: 'op1', result: { kind: 'apply', coding: server } });
    expect(countOf(s, 'doubt')).toEqual([2, 1]);
    expect(selectView(s).codings).toHaveLength(3);
  });
});

describe('create, remove, adjust, memo', () => {
  it('creates a code with its first coding and makes it the last-used code on success', () => {
    const op = {
      kind: 'create' as const,
      opId: 'op1',
      code: { ...code('pending:code:op1'), name: '我们' },
      coding: coding('pending:op1', 'pending:code:op1', 0, 2),
    };
    let s = run(base(), { type: 'begin', op });
    expect(countOf(s, 'pending:code:op1')).toEqual([1, 1]);
    expect(isPendingId(op.code.id)).toBe(true);
    s = run(s, { type: 'setActive', codingId: 'pending:op1' });
    s = run(s, {
      type: 'succeed',
      opId: 'op1',
      result: { kind: 'create', code: { ...code('k9', 1, 1), name: '我们' }, coding: coding('c9', 'k9', 0, 2) },
    });
    expect(countOf(s, 'k9')).toEqual([1, 1]);
    expect(s.lastCodeId).toBe('k9');
    expect(s.activeCodingId).toBe('c9');
    expect(selectView(s).codes.some((c) => isPendingId(c.id))).toBe(false);
  });

  it('removes a coding optimistically and uncounts the source when it was the last one', () => {
    let s = run(base(), { type: 'setActive', codingId: 'c2' }, { type: 'begin', op: { kind: 'remove', opId: 'r', codingId: 'c2' } });
    expect(countOf(s, 'doubt')).toEqual([0, 0]);
    s = run(s, { type: 'succeed', opId: 'r', result: { kind: 'remove', codingId: 'c2' } });
    expect(selectView(s).codings.map((c) => c.id)).toEqual(['c1']);
    // The active coding disappeared with the next reset.
    s = run(s, { type: 'reset', codes: s.codes, codings: s.codings });
    expect(s.activeCodingId).toBeNull();
  });

  it('adjusts boundaries and memos, and restores them on failure', () => {
    let s = run(
      base(),
      { type: 'begin', op: { kind: 'adjust', opId: 'a', codingId: 'c1', start: 2, end: 8 } },
      { type: 'begin', op: { kind: 'memo', opId: 'm', codingId: 'c1', memo: 'Irony here', memoBody: null } },
    );
    expect(selectView(s).codings[0]).toMatchObject({ start: 2, end: 8, memo: 'Irony here' });
    s = run(s, { type: 'fail', opId: 'a', message: 'no' });
    expect(selectView(s).codings[0]).toMatchObject({ start: 0, end: 10, memo: 'Irony here' });
    s = run(s, { type: 'succeed', opId: 'm', result: { kind: 'memo', coding: { ...s.codings[0], memo: 'Irony here' } } });
    expect(s.codings[0].memo).toBe('Irony here');
  });

  it('ignores answers to unknown operations', () => {
    const s = base();
    expect(workbenchReducer(s, { type: 'fail', opId: 'nope', message: 'x' })).toBe(s);
  });
});

describe('filter and navigation', () => {
  const codings = [
    coding('a', 'trust', 10, 20),
    coding('b', 'doubt', 0, 5, 'u2'),
    coding('c', 'trust', 10, 15, 'u2'),
    coding('d', 'care', 30, 40),
  ];

  it('filters by code and coder and sorts by position', () => {
    let s = initWorkbenchState([], codings);
    expect(selectVisibleCodings(codings, s.filter).map((c) => c.id)).toEqual(['b', 'c', 'a', 'd']);
    s = run(s, { type: 'toggleCodeFilter', codeId: 'trust' });
    expect(selectVisibleCodings(codings, s.filter).map((c) => c.id)).toEqual(['c', 'a']);
    s = run(s, { type: 'setCoderFilter', coderId: 'u2' });
    expect(selectVisibleCodings(codings, s.filter).map((c) => c.id)).toEqual(['c']);
    s = run(s, { type: 'toggleCodeFilter', codeId: 'doubt' });
    expect(selectVisibleCodings(codings, s.filter).map((c) => c.id)).toEqual(['b', 'c']);
    s = run(s, { type: 'toggleCodeFilter', codeId: 'trust' }, { type: 'clearFilter' });
    expect(s.filter).toEqual({ codeIds: [], coderId: null });
  });

  it('jumps from the active coding, wrapping at the ends', () => {
    const sorted = selectVisibleCodings(codings, { codeIds: [], coderId: null });
    expect(adjacentCoding(sorted, { activeId: 'c', from: 0 }, 1)?.id).toBe('a');
    expect(adjacentCoding(sorted, { activeId: 'd', from: 0 }, 1)?.id).toBe('b');
    expect(adjacentCoding(sorted, { activeId: 'b', from: 0 }, -1)?.id).toBe('d');
  });

  it('jumps from the caret when nothing is active', () => {
    const sorted = selectVisibleCodings(codings, { codeIds: [], coderId: null });
    expect(adjacentCoding(sorted, { activeId: null, from: 3 }, 1)?.id).toBe('c');
    expect(adjacentCoding(sorted, { activeId: null, from: 10 }, 1)?.id).toBe('d');
    expect(adjacentCoding(sorted, { activeId: null, from: 10 }, -1)?.id).toBe('b');
    expect(adjacentCoding(sorted, { activeId: 'gone', from: 45 }, 1)?.id).toBe('b');
    expect(adjacentCoding([], { activeId: null, from: 0 }, 1)).toBeNull();
  });

  it('finds the codings under a caret', () => {
    expect(codingsAt(codings, 12).map((c) => c.id)).toEqual(['a', 'c']);
    expect(codingsAt(codings, 5).map((c) => c.id)).toEqual(['b']); // just after "b"
    expect(codingsAt(codings, 25)).toEqual([]);
  });
});
