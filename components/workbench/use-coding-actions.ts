'use client';

import { useRef, useState, type Dispatch } from 'react';

import { codeNameFromSelection, nextColor } from '@/lib/coding/colors';
import type { CodePointRange } from '@/lib/coding/offsets';
import {
  isPendingId,
  PENDING_PREFIX,
  type CodingFilter,
  type OpResult,
  type PendingOp,
  type WorkbenchAction,
  type WorkbenchView,
} from '@/lib/coding/workbench-state';
import type { ActionResult, WorkbenchApi, WorkbenchCode, WorkbenchCoding } from '@/lib/coding/workbench-types';
import { type CodingCommand, remapEntry, UndoHistory, type UndoEntry } from '@/lib/coding/undo-history';

import { isMemoEmpty, type MemoDoc, memoToPlainText, plainTextToMemo } from '@/lib/coding/memo';
import type { VersionConflict } from '@/lib/team/conflict';

const NO_SERVER = 'The change could not be saved: the server did not answer. It was undone.';

/** What {@link useCodingActions} needs. */
export interface CodingActionsOptions {
  api: WorkbenchApi;
  dispatch: Dispatch<WorkbenchAction>;
  /** The rows as shown (confirmed + pending). */
  view: WorkbenchView;
  filter: CodingFilter;
  currentUser: { id: string; name: string };
  canCode: boolean;
  /** Tell screen-reader users what happened. */
  announce(message: string): void;
  /** A memo save refused because someone else saved that memo first: both versions. */
  onMemoConflict?(conflict: VersionConflict<'memo'>): void;
}

/**
 * The workbench's changes, each optimistic: the row shows at once (a `pending:` id), the server
 * action runs, and the reducer either folds in the server's row or drops the change and keeps
 * the message for the user. A thrown action (network, crash) counts as a failure.
 *
 * @param options - see {@link CodingActionsOptions}.
 * @returns functions to apply, create-and-apply, remove, adjust and memo.
 */
export function useCodingActions({ api, dispatch, view, filter, currentUser, canCode, announce, onMemoConflict }: CodingActionsOptions) {
  const opCounter = useRef(0);
  const newOpId = () => `${Date.now().toString(36)}-${++opCounter.current}`;

  // Undo/redo (Ctrl+Z, Ctrl+Shift+Z): a history of the user's own actions in this session.
  const history = useRef(new UndoHistory());
  // Re-render the toolbar's Undo/Redo buttons when the history changes.
  const [, setHistoryVersion] = useState(0);
  const historyChanged = () => setHistoryVersion((v) => v + 1);
  const busy = useRef(false);

  /** Runs an optimistic change; resolves with the server's value, or undefined when it failed. */
  async function run<T>(op: PendingOp, call: () => Promise<ActionResult<T>>, toResult: (value: T) => OpResult): Promise<T | undefined> {
    dispatch({ type: 'begin', op });
    let res: ActionResult<T> | undefined;
    try {
      res = await call();
    } catch {
      res = undefined;
    }
    if (res && res.ok) {
      dispatch({ type: 'succeed', opId: op.opId, result: toResult(res.value) });
      return res.value;
    }
    dispatch({ type: 'fail', opId: op.opId, message: res && !res.ok && res.message ? res.message : NO_SERVER });
    return undefined;
  }

  const record = (entry: UndoEntry) => {
    history.current.record(entry);
    historyChanged();
  };
  const codeName = (codeId: string) => view.codes.find((c) => c.id === codeId)?.name ?? 'a code';

  const newCoding = (id: string, codeId: string, range: CodePointRange): WorkbenchCoding => ({
    id,
    codeId,
    start: range.start,
    end: range.end,
    coderId: currentUser.id,
    coderName: currentUser.name,
    memo: '',
    memoBody: null,
    createdAt: new Date().toISOString(),
  });

  const hiddenByFilter = (codeId: string) =>
    (filter.codeIds.length > 0 && !filter.codeIds.includes(codeId)) || (filter.coderId !== null && filter.coderId !== currentUser.id);

  /** Code `range` with `code` (not twice by the same coder). */
  function applyCode(code: WorkbenchCode, range: CodePointRange) {
    if (!canCode || isPendingId(code.id)) return;
    const duplicate = view.codings.some(
      (c) => c.codeId === code.id && c.start === range.start && c.end === range.end && c.coderId === currentUser.id,
    );
    if (duplicate) return announce(`This passage is already coded with “${code.name}”.`);
    const opId = newOpId();
    const coding = newCoding(`${PENDING_PREFIX}${opId}`, code.id, range);
    void run({ kind: 'apply', opId, coding }, () => api.applyCode({ codeId: code.id, start: range.start, end: range.end }), (value) => ({ kind: 'apply', coding: value })).then((value) => {
      if (value) record({ label: `coding with “${code.name}”`, undo: { kind: 'remove', codingId: value.id }, redo: { kind: 'apply', codeId: code.id, ...range, memoBody: null, replaces: value.id } });
    });
    announce(`Coded with “${code.name}”${hiddenByFilter(code.id) ? ' (hidden by the current filter)' : ''}.`);
  }

  /** Create a code named `rawName` (folded to one line) and code `range`; an existing name is reused. */
  function createAndApply(rawName: string, range: CodePointRange) {
    if (!canCode) return;
    const name = codeNameFromSelection(rawName);
    if (!name) return announce('A code needs a name.');
    const existing = view.codes.find((c) => c.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (existing) return applyCode(existing, range);
    const opId = newOpId();
    const color = nextColor(view.codes.map((c) => c.color));
    const code: WorkbenchCode = { id: `${PENDING_PREFIX}code:${opId}`, name, color, definition: '', segmentCount: 0, sourceCount: 0 };
    const coding = newCoding(`${PENDING_PREFIX}${opId}`, code.id, range);
    void run(
      { kind: 'create', opId, code, coding },
      () => api.createCodeAndApply({ name, color, start: range.start, end: range.end }),
      (value) => ({ kind: 'create', code: value.code, coding: value.coding }),
    ).then((value) => {
      // Undo removes the coding; the new code stays in the codebook (it may be in use elsewhere by then).
      if (value) record({ label: `coding with the new code “${name}”`, undo: { kind: 'remove', codingId: value.coding.id }, redo: { kind: 'apply', codeId: value.code.id, ...range, memoBody: null, replaces: value.coding.id } });
    });
    announce(`Created the code “${name}” and coded the selection.`);
  }

  function removeCoding(codingId: string) {
    if (!canCode || isPendingId(codingId)) return;
    const before = view.codings.find((c) => c.id === codingId);
    const opId = newOpId();
    void run({ kind: 'remove', opId, codingId }, () => api.removeCoding({ codingId }), (value) => ({ kind: 'remove', codingId: value.codingId })).then((value) => {
      if (value && before) {
        record({
          label: `removal of “${codeName(before.codeId)}”`,
          undo: { kind: 'apply', codeId: before.codeId, start: before.start, end: before.end, memoBody: before.memoBody ?? null, replaces: codingId },
          redo: { kind: 'remove', codingId },
        });
      }
    });
    announce('Coding removed.');
  }

  /**
   * Save a rich-text memo (an empty document clears it).
   * @param baseVersion - the memo version the editor opened (WorkbenchCoding.memoVersion): a
   * memo saved meanwhile by someone else is not overwritten but reported to `onMemoConflict`.
   */
  function saveMemo(codingId: string, doc: MemoDoc, baseVersion?: number) {
    if (!canCode || isPendingId(codingId)) return;
    const opId = newOpId();
    const empty = isMemoEmpty(doc);
    const previous = view.codings.find((c) => c.id === codingId)?.memoBody ?? null;
    void run(
      { kind: 'memo', opId, codingId, memo: empty ? '' : memoToPlainText(doc), memoBody: empty ? null : doc },
      async () => {
        const result = await api.setCodingMemo(baseVersion === undefined ? { codingId, body: doc } : { codingId, body: doc, baseVersion });
        if (!result.ok && result.conflict?.entity === 'memo') onMemoConflict?.(result.conflict as VersionConflict<'memo'>);
        return result;
      },
      (value) => ({ kind: 'memo', coding: value }),
    ).then((value) => {
      if (value) record({ label: 'memo', undo: { kind: 'memo', codingId, memoBody: previous }, redo: { kind: 'memo', codingId, memoBody: empty ? null : doc } });
    });
    announce('Memo saved.');
  }

  function adjustCoding(coding: WorkbenchCoding, range: CodePointRange) {
    if (!canCode || isPendingId(coding.id)) return;
    if (range.start === coding.start && range.end === coding.end) return announce('The extent is unchanged.');
    const opId = newOpId();
    void run(
      { kind: 'adjust', opId, codingId: coding.id, ...range },
      () => api.adjustCoding({ codingId: coding.id, ...range }),
      (value) => ({ kind: 'adjust', coding: value }),
    ).then((value) => {
      if (value) record({ label: 'extent change', undo: { kind: 'adjust', codingId: coding.id, start: coding.start, end: coding.end }, redo: { kind: 'adjust', codingId: coding.id, ...range } });
    });
    announce('Coding adjusted.');
  }

  /**
   * Sends one history command, optimistically like the user's own actions.
   * @returns whether it succeeded, and for `apply` the old and new id of the re-created coding
   * (already remapped in the history).
   */
  async function execute(command: CodingCommand): Promise<{ ok: boolean; remap?: [string, string] }> {
    const opId = newOpId();
    switch (command.kind) {
      case 'remove': {
        const value = await run({ kind: 'remove', opId, codingId: command.codingId }, () => api.removeCoding({ codingId: command.codingId }), (v) => ({ kind: 'remove', codingId: v.codingId }));
        return { ok: !!value };
      }
      case 'adjust': {
        const value = await run(
          { kind: 'adjust', opId, codingId: command.codingId, start: command.start, end: command.end },
          () => api.adjustCoding({ codingId: command.codingId, start: command.start, end: command.end }),
          (v) => ({ kind: 'adjust', coding: v }),
        );
        return { ok: !!value };
      }
      case 'memo': {
        const body = (command.memoBody ?? plainTextToMemo('')) as MemoDoc;
        const empty = isMemoEmpty(body);
        const value = await run(
          { kind: 'memo', opId, codingId: command.codingId, memo: empty ? '' : memoToPlainText(body), memoBody: empty ? null : body },
          () => api.setCodingMemo({ codingId: command.codingId, body }),
          (v) => ({ kind: 'memo', coding: v }),
        );
        return { ok: !!value };
      }
      case 'apply': {
        const coding = newCoding(`${PENDING_PREFIX}${opId}`, command.codeId, { start: command.start, end: command.end });
        const value = await run({ kind: 'apply', opId, coding }, () => api.applyCode({ codeId: command.codeId, start: command.start, end: command.end }), (v) => ({ kind: 'apply', coding: v }));
        if (!value) return { ok: false };
        if (command.replaces) history.current.remap(command.replaces, value.id);
        if (command.memoBody) {
          const body = command.memoBody as MemoDoc;
          await run(
            { kind: 'memo', opId: newOpId(), codingId: value.id, memo: memoToPlainText(body), memoBody: body },
            () => api.setCodingMemo({ codingId: value.id, body }),
            (v) => ({ kind: 'memo', coding: v }),
          );
        }
        return { ok: true, remap: command.replaces ? [command.replaces, value.id] : undefined };
      }
    }
  }

  /** Ctrl+Z: undoes the user's last coding action in this session. */
  async function undo() {
    if (!canCode || busy.current) return;
    const entry = history.current.takeUndo();
    if (!entry) return announce('Nothing to undo.');
    busy.current = true;
    const { ok, remap } = await execute(entry.undo).finally(() => (busy.current = false));
    // A re-created coding has a new id: the entry, off the stack meanwhile, takes it too.
    if (ok) history.current.pushUndone(remap ? remapEntry(entry, ...remap) : entry);
    historyChanged();
    announce(ok ? `Undid the ${entry.label}.` : `Could not undo the ${entry.label}.`);
  }

  /** Ctrl+Shift+Z (or Ctrl+Y): does again what was undone. */
  async function redo() {
    if (!canCode || busy.current) return;
    const entry = history.current.takeRedo();
    if (!entry) return announce('Nothing to redo.');
    busy.current = true;
    const { ok, remap } = await execute(entry.redo).finally(() => (busy.current = false));
    if (ok) history.current.pushDone(remap ? remapEntry(entry, ...remap) : entry);
    historyChanged();
    announce(ok ? `Redid the ${entry.label}.` : `Could not redo the ${entry.label}.`);
  }

  /** Shows a memo as stored by someone else (Keep theirs in the conflict dialog), saving nothing. */
  function showStoredMemo(codingId: string, doc: MemoDoc, version: number) {
    const coding = view.codings.find((c) => c.id === codingId);
    if (!coding) return;
    const empty = isMemoEmpty(doc);
    const memo = empty ? '' : memoToPlainText(doc);
    const opId = newOpId();
    dispatch({ type: 'begin', op: { kind: 'memo', opId, codingId, memo, memoBody: empty ? null : doc } });
    dispatch({ type: 'succeed', opId, result: { kind: 'memo', coding: { ...coding, memo, memoBody: empty ? null : doc, memoVersion: version } } });
  }

  return {
    applyCode,
    createAndApply,
    removeCoding,
    saveMemo,
    showStoredMemo,
    adjustCoding,
    undo,
    redo,
    undoLabel: history.current.undoLabel,
    redoLabel: history.current.redoLabel,
  };
}
