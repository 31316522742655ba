import 'server-only';

import { canChangeCoding } from '@/lib/auth/roles';
import { emptyMemo, type MemoDoc, memoToPlainText } from '@/lib/coding/memo';
import type { WorkbenchCoding } from '@/lib/coding/workbench-types';
import { AppError } from '@/lib/errors/app-error';
import { VersionConflictError } from '@/lib/team/conflict';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { inProjectTransaction, type Tx } from '../events/record-event';
import { scopeMentions } from '../hierarchy/mentions';
import { lastChangeBy } from '../memo/last-change';
import { isUniqueViolation } from '../prisma-errors';
import { assertRangeInSource } from './apply-code';
import { recordCodingEvent } from './coding-events';
import { codingSelect, toWorkbenchCoding } from './to-workbench-coding';

/** The coding, if the user may change it (their own, or any for owners). */
async function loadChangeable(options: { userId: string; projectId: string; codingId: string }) {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const coding = await db.coding.findFirst({
    where: { id: options.codingId, projectId: options.projectId },
    select: { id: true, coderId: true, sourceId: true, source: { select: { length: true, title: true } }, code: { select: { name: true, label: true } } },
  });
  if (!coding) throw new AppError('NOT_FOUND', { userMessage: 'That coding no longer exists.' });
  if (!canChangeCoding(role, options.userId, coding.coderId)) {
    throw new AppError('FORBIDDEN', { userMessage: 'Only its coder or a project owner can change this coding.' });
  }
  return coding;
}

type Changeable = Awaited<ReturnType<typeof loadChangeable>>;

function codingEvent(tx: Tx, options: { userId: string; projectId: string }, coding: Changeable, type: 'coding.updated' | 'coding.deleted', verb?: string) {
  return recordCodingEvent(tx, {
    projectId: options.projectId,
    actorId: options.userId,
    type,
    codingId: coding.id,
    sourceId: coding.sourceId,
    code: coding.code,
    sourceTitle: coding.source.title,
    verb,
  });
}

/** Removes a coding (and its memo), recording `coding.deleted`. @throws AppError NOT_FOUND | FORBIDDEN */
export async function removeCoding(options: { userId: string; projectId: string; codingId: string }): Promise<void> {
  const coding = await loadChangeable(options);
  await inProjectTransaction(options.projectId, async (tx) => {
    const { count } = await tx.coding.deleteMany({ where: { id: coding.id } });
    if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'That coding no longer exists.' });
    await codingEvent(tx, options, coding, 'coding.deleted');
  });
}

/**
 * Moves a coding's boundaries, recording `coding.updated`. Moving it onto a coding of the same
 * code by the same coder with exactly these boundaries is refused (CONFLICT): the two would be
 * one coding, and silently dropping one would lose its memo.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT | CONFLICT
 */
export async function adjustCoding(options: { userId: string; projectId: string; codingId: string; start: number; end: number }): Promise<WorkbenchCoding> {
  const coding = await loadChangeable(options);
  assertRangeInSource(options.start, options.end, coding.source.length);
  try {
    const row = await inProjectTransaction(options.projectId, async (tx) => {
      const updated = await tx.coding.update({ where: { id: coding.id }, data: { start: options.start, end: options.end }, select: codingSelect });
      await codingEvent(tx, options, coding, 'coding.updated');
      return updated;
    });
    return toWorkbenchCoding(row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', { userMessage: 'This text is already coded with this code by the same coder. Remove one of the two codings instead.' });
    }
    throw error;
  }
}

/**
 * Sets (or, with an empty document, clears) the memo of a coding, recording `coding.updated`.
 * With `baseVersion` (the memo version the writer loaded; 0 when the coding had no memo) a
 * memo saved meanwhile by someone else is not overwritten: VersionConflictError with both.
 * @param body - a memo document already validated with ZMemoDoc, and its plain text.
 * @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT (VersionConflictError)
 */
export async function setCodingMemo(options: { userId: string; projectId: string; codingId: string; body: unknown; text: string; baseVersion?: number }): Promise<WorkbenchCoding> {
  const coding = await loadChangeable(options);
  const clear = options.text.trim() === '';
  const doc = clear ? null : await scopeMentions(db, options.projectId, options.body as MemoDoc);
  await inProjectTransaction(options.projectId, async (tx) => {
    const current = await tx.memo.findUnique({ where: { codingId: coding.id }, select: { id: true, version: true, body: true, updatedAt: true, author: { select: { name: true } } } });
    const currentVersion = current?.version ?? 0;
    if (options.baseVersion !== undefined && options.baseVersion !== currentVersion) {
      const byName = await lastChangeBy(tx, { projectId: options.projectId, entityType: 'coding', entityId: coding.id }, current?.author?.name);
      throw new VersionConflictError({
        entity: 'memo',
        entityId: coding.id,
        yours: { baseVersion: options.baseVersion, value: (options.body as MemoDoc) ?? emptyMemo() },
        theirs: {
          version: currentVersion,
          value: current ? (JSON.parse(current.body) as MemoDoc) : emptyMemo(),
          byName,
          at: (current?.updatedAt ?? new Date()).toISOString(),
        },
      });
    }
    if (!doc) {
      if (!current) return;
      await tx.memo.delete({ where: { id: current.id } });
      await codingEvent(tx, options, coding, 'coding.updated', 'Cleared the memo of the coding');
      return;
    }
    const text = doc === options.body ? options.text : memoToPlainText(doc);
    const body = JSON.stringify(doc);
    if (current) {
      // The version read above is held by the where: a save that slipped in between updates 0 rows.
      const { count } = await tx.memo.updateMany({ where: { id: current.id, version: current.version }, data: { body, text, authorId: options.userId, version: { increment: 1 } } });
      if (count === 0) throw new AppError('CONFLICT', { userMessage: 'Someone else saved this memo at the same moment. Reload and try again.' });
    } else {
      await tx.memo.create({ data: { projectId: options.projectId, codingId: coding.id, authorId: options.userId, body, text } });
    }
    await codingEvent(tx, options, coding, 'coding.updated', 'Wrote a memo on the coding');
  });
  return toWorkbenchCoding(await db.coding.findUniqueOrThrow({ where: { id: coding.id }, select: codingSelect }));
}
