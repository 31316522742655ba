'use client';

import { useRef, type Dispatch } from 'react';

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

import { isMemoEmpty, type MemoDoc, memoToPlainText } from '@/lib/coding/memo';

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
}

/**
 * The workbench's changes, each optimistic: the row shows at once (a `pending:` id), the server
 * action runs, and the reducer either folds in the server's row or drops the change and keeps
 * the message for the user. A thrown action (network, crash) counts as a failure.
 *
 * @param options - see {@link CodingActionsOptions}.
 * @returns functions to apply, create-and-apply, remove, adjust and memo.
 */
export function useCodingActions({ api, dispatch, view, filter, currentUser, canCode, announce }: CodingActionsOptions) {
  const opCounter = useRef(0);
  const newOpId = () => `${Date.now().toString(36)}-${++opCounter.current}`;

  async function run<T>(op: PendingOp, call: () => Promise<ActionResult<T>>, toResult: (value: T) => OpResult) {
    dispatch({ type: 'begin', op });
    let res: ActionResult<T> | undefined;
    try {
      res = await call();
    } catch {
      res = undefined;
    }
    if (res && res.ok) dispatch({ type: 'succeed', opId: op.opId, result: toResult(res.value) });
    else dispatch({ type: 'fail', opId: op.opId, message: res && !res.ok && res.message ? res.message : NO_SERVER });
  }

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
    void run({ kind: 'apply', opId, coding }, () => api.applyCode({ codeId: code.id, start: range.start, end: range.end }), (value) => ({ kind: 'apply', coding: value }));
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
    );
    announce(`Created the code “${name}” and coded the selection.`);
  }

  function removeCoding(codingId: string) {
    if (!canCode || isPendingId(codingId)) return;
    const opId = newOpId();
    void run({ kind: 'remove', opId, codingId }, () => api.removeCoding({ codingId }), (value) => ({ kind: 'remove', codingId: value.codingId }));
    announce('Coding removed.');
  }

  /** Save a rich-text memo (an empty document clears it). */
  function saveMemo(codingId: string, doc: MemoDoc) {
    if (!canCode || isPendingId(codingId)) return;
    const opId = newOpId();
    const empty = isMemoEmpty(doc);
    void run(
      { kind: 'memo', opId, codingId, memo: empty ? '' : memoToPlainText(doc), memoBody: empty ? null : doc },
      () => api.setCodingMemo({ codingId, body: doc }),
      (value) => ({ kind: 'memo', coding: value }),
    );
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
    );
    announce('Coding adjusted.');
  }

  return { applyCode, createAndApply, removeCoding, saveMemo, adjustCoding };
}
