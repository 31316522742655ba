import { describe, expect, it } from 'vitest';

import { UNDO_LIMIT, UndoHistory, type UndoEntry } from './undo-history';

const applyEntry = (id: string): UndoEntry => ({
  label: `coding ${id}`,
  undo: { kind: 'remove', codingId: id },
  redo: { kind: 'apply', codeId: 'k', start: 0, end: 5, memoBody: null, replaces: id },
});

describe('UndoHistory', () => {
  it('undoes the last action first and redoes in the opposite order', () => {
    const h = new UndoHistory();
    h.record(applyEntry('a'));
    h.record(applyEntry('b'));
    expect(h.undoLabel).toBe('coding b');
    const b = h.takeUndo()!;
    h.pushUndone(b);
    expect(h.undoLabel).toBe('coding a');
    expect(h.redoLabel).toBe('coding b');
    const again = h.takeRedo()!;
    expect(again.redo).toEqual(applyEntry('b').redo);
    h.pushDone(again);
    expect(h.canRedo).toBe(false);
    expect(h.undoLabel).toBe('coding b');
  });

  it('a new action clears what could be redone', () => {
    const h = new UndoHistory();
    h.record(applyEntry('a'));
    h.pushUndone(h.takeUndo()!);
    expect(h.canRedo).toBe(true);
    h.record(applyEntry('c'));
    expect(h.canRedo).toBe(false);
  });

  it('follows a coding re-created under a new id (remove, undo, redo, undo)', () => {
    const h = new UndoHistory();
    // The user removed coding "a": undo re-applies it, redo removes it.
    h.record({ label: 'removal', undo: { kind: 'apply', codeId: 'k', start: 3, end: 9, memoBody: { type: 'doc' }, replaces: 'a' }, redo: { kind: 'remove', codingId: 'a' } });
    h.record({ label: 'memo', undo: { kind: 'memo', codingId: 'x', memoBody: null }, redo: { kind: 'memo', codingId: 'x', memoBody: null } });
    h.pushUndone(h.takeUndo()!); // undo the memo
    const removal = h.takeUndo()!; // undo the removal: the server answers with coding "a2"
    h.remap('a', 'a2');
    h.pushUndone({ ...removal, undo: { ...removal.undo, replaces: 'a2' } as typeof removal.undo, redo: { kind: 'remove', codingId: 'a2' } });
    const redo = h.takeRedo()!;
    expect(redo.redo).toEqual({ kind: 'remove', codingId: 'a2' });
  });

  it('remaps ids in both stacks and forgets steps of a coding deleted elsewhere', () => {
    const h = new UndoHistory();
    h.record({ label: 'adjust', undo: { kind: 'adjust', codingId: 'a', start: 0, end: 4 }, redo: { kind: 'adjust', codingId: 'a', start: 0, end: 8 } });
    h.record(applyEntry('b'));
    h.remap('a', 'z');
    expect(h.takeUndo()!.undo).toEqual({ kind: 'remove', codingId: 'b' });
    const adjust = h.takeUndo()!;
    expect(adjust.undo).toEqual({ kind: 'adjust', codingId: 'z', start: 0, end: 4 });
    h.record(adjust);
    h.forget('z');
    expect(h.canUndo).toBe(false);
  });

  it(`keeps the last ${UNDO_LIMIT} steps`, () => {
    const h = new UndoHistory();
    for (let i = 0; i < UNDO_LIMIT + 5; i++) h.record(applyEntry(String(i)));
    let n = 0;
    while (h.takeUndo()) n++;
    expect(n).toBe(UNDO_LIMIT);
  });
});
