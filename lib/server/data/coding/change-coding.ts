import 'server-only';

import { canChangeCoding } from '@/lib/auth/roles';
import { type MemoDoc, memoToPlainText } from '@/lib/coding/memo';
import type { WorkbenchCoding } from '@/lib/coding/workbench-types';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { scopeMentions } from '../hierarchy/mentions';
import { assertRangeInSource } from './apply-code';
import { codingSelect, toWorkbenchCoding } from './to-workbench-coding';

/** The coding, if the user may change it (their own, or any for owners). */
async function loadChangeable(options: { userId: string; projectId: string; codingId: string }) {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const coding = await db.coding.findFirst({
    where: { id: options.codingId, projectId: options.projectId },
    select: { id: true, coderId: true, source: { select: { length: true } } },
  });
  if (!coding) throw new AppError('NOT_FOUND', { userMessage: 'That coding no longer exists.' });
  if (!canChangeCoding(role, options.userId, coding.coderId)) {
    throw new AppError('FORBIDDEN', { userMessage: 'Only its coder or a project owner can change this coding.' });
  }
  return coding;
}

/** @throws AppError NOT_FOUND | FORBIDDEN */
export async function removeCoding(options: { userId: string; projectId: string; codingId: string }): Promise<void> {
  const coding = await loadChangeable(options);
  await db.coding.delete({ where: { id: coding.id } });
}

/** Moves a coding's boundaries. @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT */
export async function adjustCoding(options: { userId: string; projectId: string; codingId: string; start: number; end: number }): Promise<WorkbenchCoding> {
  const coding = await loadChangeable(options);
  assertRangeInSource(options.start, options.end, coding.source.length);
  const row = await db.coding.update({ where: { id: coding.id }, data: { start: options.start, end: options.end }, select: codingSelect });
  return toWorkbenchCoding(row);
}

/**
 * Sets (or, with an empty document, clears) the memo of a coding.
 * @param body - a memo document already validated with ZMemoDoc, and its plain text.
 */
export async function setCodingMemo(options: { userId: string; projectId: string; codingId: string; body: unknown; text: string }): Promise<WorkbenchCoding> {
  const coding = await loadChangeable(options);
  if (options.text.trim() === '') {
    await db.memo.deleteMany({ where: { codingId: coding.id } });
  } else {
    const doc = await scopeMentions(db, options.projectId, options.body as MemoDoc);
    const text = doc === options.body ? options.text : memoToPlainText(doc);
    const body = JSON.stringify(doc);
    await db.memo.upsert({
      where: { codingId: coding.id },
      create: { projectId: options.projectId, codingId: coding.id, authorId: options.userId, body, text },
      update: { body, text, authorId: options.userId },
    });
  }
  return toWorkbenchCoding(await db.coding.findUniqueOrThrow({ where: { id: coding.id }, select: codingSelect }));
}
