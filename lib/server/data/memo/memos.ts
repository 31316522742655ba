import 'server-only';

import { type MemoDoc, memoToPlainText } from '@/lib/coding/memo';
import { AppError } from '@/lib/errors/app-error';
import { deepTextProblem } from '@/lib/validation/text';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { scopeMentions } from '../hierarchy/mentions';

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
}

async function assertTargetInProject(projectId: string, target: MemoTarget) {
  const found =
    'sourceId' in target
      ? await db.source.findFirst({ where: { id: target.sourceId, projectId }, select: { id: true } })
      : await db.code.findFirst({ where: { id: target.codeId, projectId }, select: { id: true } });
  if (!found) throw new AppError('NOT_FOUND', { userMessage: 'sourceId' in target ? 'Source not found.' : 'Code not found.' });
}

/** Memos on a source or code, newest first. @throws AppError NOT_FOUND */
export async function listMemos(options: { userId: string; projectId: string; target: MemoTarget }): Promise<MemoItem[]> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  await assertTargetInProject(options.projectId, options.target);
  const rows = await db.memo.findMany({
    where: { projectId: options.projectId, ...options.target },
    select: { id: true, body: true, text: true, authorId: true, createdAt: true, updatedAt: true, author: { select: { name: true } } },
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
  }));
}

/**
 * Adds a timestamped memo (owners, coders, reviewers).
 * @param body - a memo document validated with ZMemoDoc; `text` its plain text.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT (empty, or text that cannot be stored:
 * an unpaired surrogate or NUL; lib/validation/text.ts)
 */
export async function addMemo(options: { userId: string; projectId: string; target: MemoTarget; body: unknown; text: string }): Promise<{ id: string }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'memo:write' });
  await assertTargetInProject(options.projectId, options.target);
  if (!options.text.trim()) throw new AppError('INVALID_INPUT', { userMessage: 'Write something first.' });
  const problem = deepTextProblem([options.text, options.body]);
  if (problem) throw new AppError('INVALID_INPUT', { userMessage: `The memo ${problem}` });
  const body = await scopeMentions(db, options.projectId, options.body as MemoDoc);
  const text = body === options.body ? options.text : memoToPlainText(body);
  return db.memo.create({
    data: { projectId: options.projectId, ...options.target, authorId: options.userId, body: JSON.stringify(body), text },
    select: { id: true },
  });
}

/** Deletes a memo: its author, or a project owner. @throws AppError NOT_FOUND | FORBIDDEN */
export async function deleteMemo(options: { userId: string; projectId: string; memoId: string }): Promise<void> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'memo:write' });
  const memo = await db.memo.findFirst({ where: { id: options.memoId, projectId: options.projectId, codingId: null }, select: { id: true, authorId: true } });
  if (!memo) throw new AppError('NOT_FOUND', { userMessage: 'Memo not found.' });
  if (role !== 'owner' && memo.authorId !== options.userId) throw new AppError('FORBIDDEN', { userMessage: 'Only its author or a project owner can delete a memo.' });
  await db.memo.delete({ where: { id: memo.id } });
}
