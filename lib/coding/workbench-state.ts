/**
 * State of the open-coding workbench, as a pure reducer: the codes and codings the server
 * confirmed, the changes still in flight (optimistic), the view filter, the active coding and
 * the last-used code.
 *
 * Optimistic updates are kept as a list of pending operations on top of the confirmed rows, not
 * applied in place: what the user sees is `confirmed + pending`. A failed operation is simply
 * dropped (its rollback cannot clobber another operation that finished meanwhile), and a
 * succeeded one is folded into the confirmed rows with the server's values. Folding is
 * idempotent (upsert by id), so a fresh `data` prop from a revalidated page that already holds
 * the new row does not count it twice.
 */

import type { WorkbenchCode, WorkbenchCoding } from './workbench-types';

/** What the document shows: codings of these codes (all when empty) by this coder (all when null). */
export interface CodingFilter {
  codeIds: readonly string[];
  coderId: string | null;
}

/** A change sent to the server and not yet answered. Temporary ids start with `pending:`. */
export type PendingOp =
  | { kind: 'apply'; opId: string; coding: WorkbenchCoding }
  | { kind: 'create'; opId: string; code: WorkbenchCode; coding: WorkbenchCoding }
  | { kind: 'remove'; opId: string; codingId: string }
  | { kind: 'adjust'; opId: string; codingId: string; start: number; end: number }
  | { kind: 'memo'; opId: string; codingId: string; memo: string; memoBody: unknown };

/** The server's answer to a {@link PendingOp} of the same kind. */
export type OpResult =
  | { kind: 'apply'; coding: WorkbenchCoding }
  | { kind: 'create'; code: WorkbenchCode; coding: WorkbenchCoding }
  | { kind: 'remove'; codingId: string }
  | { kind: 'adjust'; coding: WorkbenchCoding }
  | { kind: 'memo'; coding: WorkbenchCoding };

/** The workbench state; build it with {@link initWorkbenchState}. */
export interface WorkbenchState {
  /** Codes as the server last confirmed them. */
  codes: WorkbenchCode[];
  /** Codings of this source as the server last confirmed them. */
  codings: WorkbenchCoding[];
  pending: PendingOp[];
  filter: CodingFilter;
  /** The code that "code with last-used code" applies. */
  lastCodeId: string | null;
  /** The coding the user navigated to or clicked (outlined in the text). */
  activeCodingId: string | null;
  /** A message for the user (from a failed operation), or null. */
  error: string | null;
}

/** Actions of {@link workbenchReducer}. */
export type WorkbenchAction =
  | { type: 'reset'; codes: WorkbenchCode[]; codings: WorkbenchCoding[] }
  | { type: 'begin'; op: PendingOp }
  | { type: 'succeed'; opId: string; result: OpResult }
  | { type: 'fail'; opId: string; message: string }
  | { type: 'toggleCodeFilter'; codeId: string }
  | { type: 'setCoderFilter'; coderId: string | null }
  | { type: 'clearFilter' }
  | { type: 'setActive'; codingId: string | null }
  | { type: 'setError'; message: string | null };

/** Prefix of ids the client made up for rows the server has not confirmed yet. */
export const PENDING_PREFIX = 'pending:';

/** Whether `id` is a temporary id of an unconfirmed code or coding (no server action takes it). */
export function isPendingId(id: string): boolean {
  return id.startsWith(PENDING_PREFIX);
}

/**
 * The initial state for the rows a page loaded.
 *
 * @param codes - the project's codes.
 * @param codings - the source's codings (all coders).
 * @returns a state with no filter, nothing pending and nothing active.
 * @example
 * const [state, dispatch] = useReducer(workbenchReducer, data, (d) => initWorkbenchState(d.codes, d.codings));
 */
export function initWorkbenchState(codes: WorkbenchCode[], codings: WorkbenchCoding[]): WorkbenchState {
  return {
    codes,
    codings,
    pending: [],
    filter: { codeIds: [], coderId: null },
    lastCodeId: null,
    activeCodingId: null,
    error: null,
  };
}

/**
 * The workbench reducer (pure; use with React's `useReducer`).
 *
 * @param state - the current state.
 * @param action - what happened.
 * @returns the next state (the same object when nothing changed).
 */
export function workbenchReducer(state: WorkbenchState, action: WorkbenchAction): WorkbenchState {
  switch (action.type) {
    case 'reset': {
      const next = { ...state, codes: action.codes, codings: action.codings };
      return { ...next, activeCodingId: keepActive(next, state.activeCodingId) };
    }
    case 'begin': {
      const { op } = action;
      const lastCodeId = op.kind === 'apply' ? op.coding.codeId : state.lastCodeId;
      return { ...state, pending: [...state.pending, op], lastCodeId, error: null };
    }
    case 'succeed': {
      const op = state.pending.find((p) => p.opId === action.opId);
      if (!op) return state;
      const pending = state.pending.filter((p) => p !== op);
      const rows = commit({ codes: state.codes, codings: state.codings }, action.result);
      let { activeCodingId, lastCodeId } = state;
      // The temporary ids of a created row give way to the server's.
      if (op.kind === 'apply' || op.kind === 'create') {
        const real = (action.result as { coding: WorkbenchCoding }).coding;
        if (activeCodingId === op.coding.id) activeCodingId = real.id;
        if (op.kind === 'create') lastCodeId = real.codeId;
      }
      return { ...state, ...rows, pending, activeCodingId, lastCodeId };
    }
    case 'fail': {
      const op = state.pending.find((p) => p.opId === action.opId);
      if (!op) return state;
      const pending = state.pending.filter((p) => p !== op);
      const next = { ...state, pending, error: action.message };
      return { ...next, activeCodingId: keepActive(next, state.activeCodingId) };
    }
    case 'toggleCodeFilter': {
      const has = state.filter.codeIds.includes(action.codeId);
      const codeIds = has ? state.filter.codeIds.filter((id) => id !== action.codeId) : [...state.filter.codeIds, action.codeId];
      return { ...state, filter: { ...state.filter, codeIds } };
    }
    case 'setCoderFilter':
      return { ...state, filter: { ...state.filter, coderId: action.coderId } };
    case 'clearFilter':
      return { ...state, filter: { codeIds: [], coderId: null } };
    case 'setActive':
      return state.activeCodingId === action.codingId ? state : { ...state, activeCodingId: action.codingId };
    case 'setError':
      return state.error === action.message ? state : { ...state, error: action.message };
  }
}

/** The rows the user sees: confirmed rows with every pending operation applied. */
export interface WorkbenchView {
  codes: WorkbenchCode[];
  codings: WorkbenchCoding[];
}

/**
 * Confirmed rows plus pending operations: what the workbench shows. Memoise on
 * `[state.codes, state.codings, state.pending]`; each pending operation costs O(rows).
 *
 * @param state - the workbench state.
 * @returns codes (with optimistic segment and source counts) and codings.
 */
export function selectView(state: Pick<WorkbenchState, 'codes' | 'codings' | 'pending'>): WorkbenchView {
  let view: WorkbenchView = { codes: state.codes, codings: state.codings };
  for (const op of state.pending) {
    switch (op.kind) {
      case 'apply':
        view = addCoding(view, op.coding);
        break;
      case 'create':
        view = addCoding({ ...view, codes: [...view.codes, { ...op.code, segmentCount: 0, sourceCount: 0 }] }, op.coding);
        break;
      case 'remove':
        view = removeCoding(view, op.codingId);
        break;
      case 'adjust':
        view = { ...view, codings: view.codings.map((c) => (c.id === op.codingId ? { ...c, start: op.start, end: op.end } : c)) };
        break;
      case 'memo':
        view = { ...view, codings: view.codings.map((c) => (c.id === op.codingId ? { ...c, memo: op.memo, memoBody: op.memoBody } : c)) };
        break;
    }
  }
  return view;
}

/**
 * The codings the filter lets through, sorted by start, then end, then id (the order of
 * next/previous navigation).
 *
 * @param codings - all codings of the view.
 * @param filter - the current filter.
 * @returns a new sorted array.
 */
export function selectVisibleCodings(codings: readonly WorkbenchCoding[], filter: CodingFilter): WorkbenchCoding[] {
  const codeIds = filter.codeIds.length > 0 ? new Set(filter.codeIds) : null;
  const visible = codings.filter(
    (c) => (!codeIds || codeIds.has(c.codeId)) && (filter.coderId === null || c.coderId === filter.coderId),
  );
  return visible.sort(compareCodings);
}

/** Order of codings in the text: start, then end, then id. */
export function compareCodings(a: WorkbenchCoding, b: WorkbenchCoding): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The coding to jump to from the active coding (or, when none is active or visible, from the
 * caret at code point `from`), wrapping around at either end.
 *
 * @param sorted - visible codings in {@link compareCodings} order.
 * @param at - the active coding id and the caret's code point offset.
 * @param direction - 1 for next, -1 for previous.
 * @returns the coding, or null when there are none.
 * @example
 * adjacentCoding(visible, { activeId: state.activeCodingId, from: caretCp }, 1);
 */
export function adjacentCoding(
  sorted: readonly WorkbenchCoding[],
  at: { activeId: string | null; from: number },
  direction: 1 | -1,
): WorkbenchCoding | null {
  const n = sorted.length;
  if (n === 0) return null;
  const i = at.activeId === null ? -1 : sorted.findIndex((c) => c.id === at.activeId);
  if (i >= 0) return sorted[(i + direction + n) % n];
  // First coding starting after the caret (next), or last starting before it (previous).
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (direction === 1 ? sorted[mid].start <= at.from : sorted[mid].start < at.from) lo = mid + 1;
    else hi = mid;
  }
  return direction === 1 ? sorted[lo % n] : sorted[(lo - 1 + n) % n];
}

/**
 * The codings that cover code point `cp` (`start ≤ cp < end`), or, when none does, those that
 * end exactly at it (a caret just after a coded word).
 *
 * @param codings - codings to search.
 * @param cp - a code point offset.
 * @returns the covering codings, in the given order.
 */
export function codingsAt(codings: readonly WorkbenchCoding[], cp: number): WorkbenchCoding[] {
  const inside = codings.filter((c) => c.start <= cp && cp < c.end);
  return inside.length > 0 ? inside : codings.filter((c) => c.end === cp && c.start < cp);
}

function keepActive(view: WorkbenchView & Pick<WorkbenchState, 'pending'>, id: string | null): string | null {
  if (id === null) return null;
  return selectView(view).codings.some((c) => c.id === id) ? id : null;
}

/** Fold a server result into confirmed rows; idempotent. */
function commit(rows: WorkbenchView, result: OpResult): WorkbenchView {
  switch (result.kind) {
    case 'apply':
      return addCoding(rows, result.coding);
    case 'create': {
      const { code, coding } = result;
      const exists = rows.codes.some((c) => c.id === code.id);
      // Whether the server counted the new coding in `code` or not, the code has at least it.
      const codes = exists
        ? rows.codes
        : [...rows.codes, { ...code, segmentCount: Math.max(code.segmentCount, 1), sourceCount: Math.max(code.sourceCount, 1) }];
      const codings = rows.codings.some((c) => c.id === coding.id) ? rows.codings : [...rows.codings, coding];
      return { codes, codings };
    }
    case 'remove':
      return removeCoding(rows, result.codingId);
    case 'adjust':
    case 'memo':
      return { ...rows, codings: rows.codings.map((c) => (c.id === result.coding.id ? result.coding : c)) };
  }
}

/** Add (or replace) a coding, counting it in its code when it is new. */
function addCoding(rows: WorkbenchView, coding: WorkbenchCoding): WorkbenchView {
  if (rows.codings.some((c) => c.id === coding.id)) {
    return { ...rows, codings: rows.codings.map((c) => (c.id === coding.id ? coding : c)) };
  }
  const firstInSource = !rows.codings.some((c) => c.codeId === coding.codeId);
  return {
    codes: rows.codes.map((c) =>
      c.id === coding.codeId
        ? { ...c, segmentCount: c.segmentCount + 1, sourceCount: c.sourceCount + (firstInSource ? 1 : 0) }
        : c,
    ),
    codings: [...rows.codings, coding],
  };
}

/** Remove a coding (when present) and uncount it from its code. */
function removeCoding(rows: WorkbenchView, codingId: string): WorkbenchView {
  const gone = rows.codings.find((c) => c.id === codingId);
  if (!gone) return rows;
  const codings = rows.codings.filter((c) => c !== gone);
  const lastInSource = !codings.some((c) => c.codeId === gone.codeId);
  return {
    codes: rows.codes.map((c) =>
      c.id === gone.codeId
        ? { ...c, segmentCount: Math.max(0, c.segmentCount - 1), sourceCount: Math.max(0, c.sourceCount - (lastInSource ? 1 : 0)) }
        : c,
    ),
    codings,
  };
}
