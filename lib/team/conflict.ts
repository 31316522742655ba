/**
 * Optimistic concurrency of codes, memos and the storyline: every edit names the version it
 * started from; the data layer updates `where: { id, version }` and, when someone else saved
 * in between, raises a {@link VersionConflictError} carrying both versions. The client shows
 * them side by side (components/team/conflict-dialog.tsx) and the writer keeps theirs, keeps
 * their own (saving over the other version, naming it) or merges with the helpers below.
 *
 * Pure TypeScript: shared by the data layer, server actions, API routes and the dialog.
 */
import { AppError } from '@/lib/errors/app-error';
import type { MemoBlock, MemoDoc } from '@/lib/coding/memo';

export type ConflictEntity = 'memo' | 'code' | 'storyline';

/** The editable fields of a code that a conflict compares. */
export interface CodeFields {
  name: string;
  color: string;
  definition: string;
  label?: string;
}

/** What each entity's versions hold: a memo document, or a code's fields. */
export type ConflictValue<E extends ConflictEntity> = E extends 'code' ? CodeFields : MemoDoc;

/** The stored version that won the race: its content, who saved it and when. */
export interface TheirVersion<V> {
  version: number;
  value: V;
  byName: string;
  /** ISO time of their save. */
  at: string;
}

/**
 * A refused save: the version the writer started from (and what they tried to save), and the
 * stored version that got there first. To save over theirs, send `theirs.version` as the base.
 */
export interface VersionConflict<E extends ConflictEntity = ConflictEntity> {
  entity: E;
  entityId: string;
  yours: { baseVersion: number; value: ConflictValue<E> };
  theirs: TheirVersion<ConflictValue<E>>;
}

export type AnyVersionConflict = VersionConflict<'memo'> | VersionConflict<'code'> | VersionConflict<'storyline'>;

const NOUN: Record<ConflictEntity, string> = { memo: 'memo', code: 'code', storyline: 'storyline' };

/** The sentence that heads the dialog and the plain message of a refused save. */
export function conflictMessage(conflict: Pick<AnyVersionConflict, 'entity' | 'theirs'>): string {
  return `Someone else changed this ${NOUN[conflict.entity]} while you were editing (${conflict.theirs.byName} saved version ${conflict.theirs.version}).`;
}

/** An AppError CONFLICT (HTTP 409) that carries both versions to the client. */
export class VersionConflictError extends AppError {
  readonly conflict: AnyVersionConflict;
  constructor(conflict: AnyVersionConflict) {
    super('CONFLICT', { userMessage: conflictMessage(conflict) });
    this.conflict = conflict;
  }
}

export function isVersionConflictError(error: unknown): error is VersionConflictError {
  return error instanceof VersionConflictError;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const markerParagraph = (text: string): MemoBlock => ({ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'italic' }] }] });

/**
 * Merges two memo documents: their version first, then yours, each under an italic marker line
 * naming it, so nothing of either is lost and the writer edits the combination before saving.
 * Identical documents merge to one; when one document is the other with text added at the end,
 * the longer one is the merge (nothing to mark).
 * @example mergeMemoDocs(theirs, yours, { theirsBy: 'Ana' })
 */
export function mergeMemoDocs(theirs: MemoDoc, yours: MemoDoc, names: { theirsBy: string } = { theirsBy: 'them' }): MemoDoc {
  if (sameJson(theirs, yours)) return theirs;
  const t = theirs.content ?? [];
  const y = yours.content ?? [];
  if (t.length === 0) return yours;
  if (y.length === 0) return theirs;
  const startsWith = (long: MemoBlock[], short: MemoBlock[]) => long.length >= short.length && short.every((b, i) => sameJson(b, long[i]));
  if (startsWith(y, t)) return yours;
  if (startsWith(t, y)) return theirs;
  return {
    type: 'doc',
    content: [markerParagraph(`Version by ${names.theirsBy}:`), ...t, markerParagraph('Your version:'), ...y],
  };
}

/**
 * Merges two plain texts (code definitions): equal texts or one containing the other give the
 * longer; otherwise theirs, a blank line, then yours.
 */
export function mergeText(theirs: string, yours: string): string {
  const t = theirs.trim();
  const y = yours.trim();
  if (t === y || y === '' || t.includes(y)) return theirs;
  if (t === '' || y.includes(t)) return yours;
  return `${t}\n\n${y}`;
}

/**
 * The merge form's starting point for a code: your name, colour and label (a name cannot be
 * half of two names: you see theirs beside it), the definitions combined by {@link mergeText}.
 */
export function mergeCodeFields(theirs: CodeFields, yours: CodeFields): CodeFields {
  return {
    name: yours.name,
    color: yours.color,
    definition: mergeText(theirs.definition, yours.definition),
    ...(yours.label !== undefined || theirs.label !== undefined ? { label: yours.label ?? theirs.label } : {}),
  };
}

/** The fields of two code versions that differ (what the dialog highlights). */
export function changedCodeFields(theirs: CodeFields, yours: CodeFields): Array<keyof CodeFields> {
  return (['name', 'label', 'color', 'definition'] as const).filter((k) => (theirs[k] ?? '') !== (yours[k] ?? ''));
}
