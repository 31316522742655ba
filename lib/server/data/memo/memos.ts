import 'server-only';

import { type MemoDoc, memoToPlainText } from '@/lib/coding/memo';
import { AppError } from '@/lib/errors/app-error';
import { VersionConflictError } from '@/lib/team/conflict';
import { deepTextProblem } from '@/lib/validation/text';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { inProjectTransaction, recordEvent, type Tx } from '../events/record-event';
import { scopeMentions } from '../hierarchy/mentions';
import { lastChangeBy } from './last-change';

/** What a memo log hangs on: a source or a code (coding memos live on the coding). */
export type MemoTarget = { sourceId: string } | { codeId: string };

export interface MemoItem {
  id: string;
  body: unknown;
  text: string;
  authorId: string | null;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  /** Optimistic concurrency: an edit names the version it started from. */
  version: number;
}

/** @returns what the memo hangs on, for event summaries ("the code C3 “trust”"). */
async function assertTargetInProject(projectId: string, target: MemoTarget): Promise<string> {
  if ('sourceId' in target) {
    const source = await db.source.findFirst({ where: { id: target.sourceId, projectId }, select: { title: true } });
    if (!source) throw new AppError('NOT_FOUND', { userMessage: 'Source not found.' });
    return `the source “${source.title}”`;
  }
  const code = await db.code.findFirst({ where: { id: target.codeId, projectId }, select: { name: true, label: true } });
  if (!code) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
  return `the code ${code.label ? `${code.label} ` : ''}“${code.name}”`;
}

function memoEvent(tx: Tx, e: { projectId: string; userId: string; type: 'memo.created' | 'memo.updated' | 'memo.deleted'; memoId: string; sourceId: string | null; summary: string }) {
  return recordEvent(tx, { projectId: e.projectId, actorId: e.userId, type: e.type, entityType: 'memo', entityId: e.memoId, sourceId: e.sourceId, summary: e.summary });
}

function checkMemoText(body: unknown, text: string) {
  if (!text.trim()) throw new AppError('INVALID_INPUT', { userMessage: 'Write something first.' });
  const problem = deepTextProblem([text, body]);
  if (problem) throw new AppError('INVALID_INPUT', { userMessage: `The memo ${problem}` });
}

/** Memos on a source or code, newest first. @throws AppError NOT_FOUND */
export async function listMemos(options: { userId: string; projectId: string; target: MemoTarget }): Promise<MemoItem[]> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  await assertTargetInProject(options.projectId, options.target);
  const rows = await db.memo.findMany({
    where: { projectId: options.projectId, ...options.target },
    select: { id: true, body: true, text: true, authorId: true, createdAt: true, updatedAt: true, version: true, author: { select: { name: true } } },
    orderBy: { createdAt: 'desc' },
  });
  return rows.map((m) => ({
    id: m.id,
    body: JSON.parse(m.body) as unknown,
    text: m.text,
    authorId: m.authorId,
    authorName: m.author?.name ?? 'Former member',
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    version: m.version,
  }));
}

/**
 * Adds a timestamped memo (owners, coders, reviewers), recording `memo.created`.
 * @param body - a memo document validated with ZMemoDoc; `text` its plain text.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT (empty, or text that cannot be stored:
 * an unpaired surrogate or NUL; lib/validation/text.ts)
 */
export async function addMemo(options: { userId: string; projectId: string; target: MemoTarget; body: unknown; text: string }): Promise<{ id: string }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'memo:write' });
  const on = await assertTargetInProject(options.projectId, options.target);
  checkMemoText(options.body, options.text);
  const body = await scopeMentions(db, options.projectId, options.body as MemoDoc);
  const text = body === options.body ? options.text : memoToPlainText(body);
  return inProjectTransaction(options.projectId, async (tx) => {
    const memo = await tx.memo.create({
      data: { projectId: options.projectId, ...options.target, authorId: options.userId, body: JSON.stringify(body), text },
      select: { id: true },
    });
    const sourceId = 'sourceId' in options.target ? options.target.sourceId : null;
    await memoEvent(tx, { ...options, type: 'memo.created', memoId: memo.id, sourceId, summary: `Wrote a memo on ${on}` });
    return memo;
  });
}

/** A source or code memo the user may change: its author, or a project owner. */
async function loadOwnMemo(options: { userId: string; projectId: string; memoId: string }, verb: string) {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'memo:write' });
  const memo = await db.memo.findFirst({
    where: { id: options.memoId, projectId: options.projectId, codingId: null },
    select: { id: true, authorId: true, sourceId: true, codeId: true },
  });
  if (!memo) throw new AppError('NOT_FOUND', { userMessage: 'Memo not found.' });
  if (role !== 'owner' && memo.authorId !== options.userId) throw new AppError('FORBIDDEN', { userMessage: `Only its author or a project owner can ${verb} a memo.` });
  const target: MemoTarget = memo.sourceId ? { sourceId: memo.sourceId } : { codeId: memo.codeId! };
  return { memo, on: await assertTargetInProject(options.projectId, target) };
}

/**
 * Edits a source or code memo (its author, or a project owner), recording `memo.updated`. The
 * save names the version it started from: when someone else saved the memo meanwhile, nothing
 * is written and a VersionConflictError carries both documents (theirs with who and when).
 * @param baseVersion - the version the writer loaded (MemoItem.version).
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT | CONFLICT (VersionConflictError)
 */
export async function updateMemo(options: { userId: string; projectId: string; memoId: string; body: unknown; text: string; baseVersion: number }): Promise<{ id: string; version: number }> {
  const { memo, on } = await loadOwnMemo(options, 'edit');
  checkMemoText(options.body, options.text);
  const body = await scopeMentions(db, options.projectId, options.body as MemoDoc);
  const text = body === options.body ? options.text : memoToPlainText(body);
  return inProjectTransaction(options.projectId, async (tx) => {
    const { count } = await tx.memo.updateMany({
      where: { id: memo.id, version: options.baseVersion },
      data: { body: JSON.stringify(body), text, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.memo.findUnique({ where: { id: memo.id }, select: { body: true, version: true, updatedAt: true, author: { select: { name: true } } } });
      if (!current) throw new AppError('NOT_FOUND', { userMessage: 'This memo was deleted meanwhile.' });
      throw new VersionConflictError({
        entity: 'memo',
        entityId: memo.id,
        yours: { baseVersion: options.baseVersion, value: options.body as MemoDoc },
        theirs: {
          version: current.version,
          value: JSON.parse(current.body) as MemoDoc,
          byName: await lastChangeBy(tx, { projectId: options.projectId, entityType: 'memo', entityId: memo.id }, current.author?.name),
          at: current.updatedAt.toISOString(),
        },
      });
    }
    await memoEvent(tx, { ...options, type: 'memo.updated', memoId: memo.id, sourceId: memo.sourceId, summary: `Edited a memo on ${on}` });
    return { id: memo.id, version: options.baseVersion + 1 };
  });
}

/** Deletes a memo (its author, or a project owner), recording `memo.deleted`. @throws AppError NOT_FOUND | FORBIDDEN */
export async function deleteMemo(options: { userId: string; projectId: string; memoId: string }): Promise<void> {
  const { memo, on } = await loadOwnMemo(options, 'delete');
  await inProjectTransaction(options.projectId, async (tx) => {
    const { count } = await tx.memo.deleteMany({ where: { id: memo.id } });
    if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Memo not found.' });
    await memoEvent(tx, { ...options, type: 'memo.deleted', memoId: memo.id, sourceId: memo.sourceId, summary: `Deleted a memo on ${on}` });
  });
}
