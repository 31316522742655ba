/**
 * Undo and redo of the workbench's coding actions (apply, remove, adjust extent, memo), as a
 * pure history. Each entry holds the command that undoes the action and the one that redoes
 * it. Undoing a removal codes the passage again, and the server gives the new coding a new id:
 * {@link UndoHistory.remap} rewrites later commands that name the old id, so "remove, undo,
 * redo, undo" keeps working on the same passage.
 */

/** A change the workbench can send (the same ones the user makes). */
export type CodingCommand =
  | { kind: 'apply'; codeId: string; start: number; end: number; /** restored with the coding (undo of a removal) */ memoBody: unknown | null; /** the id the re-created coding replaces */ replaces?: string }
  | { kind: 'remove'; codingId: string }
  | { kind: 'adjust'; codingId: string; start: number; end: number }
  | { kind: 'memo'; codingId: string; memoBody: unknown | null };

export interface UndoEntry {
  /** For the toolbar and the screen-reader announcement: "coding with “Trust”". */
  label: string;
  undo: CodingCommand;
  redo: CodingCommand;
}

/** At most this many steps are kept. */
export const UNDO_LIMIT = 100;

/** `entry` with coding `oldId` renamed to `newId` (for an entry off the stacks while it runs). */
export function remapEntry(entry: UndoEntry, oldId: string, newId: string): UndoEntry {
  const fix = (c: CodingCommand): CodingCommand => {
    if (c.kind === 'apply') return c.replaces === oldId ? { ...c, replaces: newId } : c;
    return c.codingId === oldId ? { ...c, codingId: newId } : c;
  };
  return { ...entry, undo: fix(entry.undo), redo: fix(entry.redo) };
}

export class UndoHistory {
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];

  /** A new action: it can be undone; whatever was undone before can no longer be redone. */
  record(entry: UndoEntry): void {
    this.done.push(entry);
    if (this.done.length > UNDO_LIMIT) this.done.shift();
    this.undone = [];
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** The label of the action Ctrl+Z would undo, or null. */
  get undoLabel(): string | null {
    return this.done.at(-1)?.label ?? null;
  }

  get redoLabel(): string | null {
    return this.undone.at(-1)?.label ?? null;
  }

  /** Takes the last action off the history; run its `undo` command, then call {@link pushUndone}. */
  takeUndo(): UndoEntry | null {
    return this.done.pop() ?? null;
  }

  /** Takes the last undone action; run its `redo` command, then call {@link pushDone}. */
  takeRedo(): UndoEntry | null {
    return this.undone.pop() ?? null;
  }

  /** After a successful undo: the entry can be redone. */
  pushUndone(entry: UndoEntry): void {
    this.undone.push(entry);
  }

  /** After a successful redo: the entry can be undone again (without clearing the redo stack). */
  pushDone(entry: UndoEntry): void {
    this.done.push(entry);
  }

  /** A coding was re-created under a new id: every command naming the old id now names the new one. */
  remap(oldId: string, newId: string): void {
    this.done = this.done.map((e) => remapEntry(e, oldId, newId));
    this.undone = this.undone.map((e) => remapEntry(e, oldId, newId));
  }

  /** A coding is gone for good (removed by someone else): drop the steps that need it. */
  forget(codingId: string): void {
    const names = (c: CodingCommand) => (c.kind === 'apply' ? c.replaces === codingId : c.codingId === codingId);
    this.done = this.done.filter((e) => !names(e.undo) && !names(e.redo));
    this.undone = this.undone.filter((e) => !names(e.undo) && !names(e.redo));
  }
}
