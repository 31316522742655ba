import 'server-only';

import { emptyMemo, type MemoDoc, memoToPlainText, ZMemoDoc } from '@/lib/coding/memo';
import { AppError } from '@/lib/errors/app-error';
import { VersionConflictError } from '@/lib/team/conflict';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { inProjectTransaction, recordEvent } from '../events/record-event';
import { lastChangeBy } from '../memo/last-change';
import { scopeMentions } from './mentions';

export interface Storyline {
  /** tiptap JSON document, or null when none has been written. */
  body: unknown;
  text: string;
  updatedAt: string | null;
  /** Optimistic concurrency: a save names the version it started from. */
  version: number;
}

/** The project's storyline memo (selective coding). @throws AppError NOT_FOUND */
export async function getStoryline(options: { userId: string; projectId: string }): Promise<Storyline> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const project = await db.project.findUnique({
    where: { id: options.projectId },
    select: { storyline: true, storylineText: true, storylineUpdatedAt: true, storylineVersion: true },
  });
  if (!project) throw new AppError('NOT_FOUND', { userMessage: 'Project not found.' });
  return {
    body: project.storyline ? (JSON.parse(project.storyline) as unknown) : null,
    text: project.storylineText,
    updatedAt: project.storylineUpdatedAt?.toISOString() ?? null,
    version: project.storylineVersion,
  };
}

/**
 * Saves the storyline (owners and coders), recording `storyline.updated` with the text before
 * and after. Mentions of codes that are not the project's become plain `@label` text.
 * @param options.baseVersion - the version the editor loaded (Storyline.version): when someone
 * else saved meanwhile nothing is written and a VersionConflictError carries both documents.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT | CONFLICT (VersionConflictError)
 */
export async function saveStoryline(options: { userId: string; projectId: string; body: unknown; baseVersion?: number }): Promise<{ updatedAt: string; version: number }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const parsed = ZMemoDoc.safeParse(options.body);
  if (!parsed.success) throw new AppError('INVALID_INPUT', { userMessage: parsed.error.issues[0]?.message ?? 'The storyline could not be read.' });
  // A mention of a code deleted meanwhile (or of another project's) is kept as plain text.
  const doc = await scopeMentions(db, options.projectId, parsed.data);
  const text = memoToPlainText(doc);
  const updatedAt = new Date();
  return inProjectTransaction(options.projectId, async (tx) => {
    const before = await tx.project.findUnique({
      where: { id: options.projectId },
      select: { storyline: true, storylineText: true, storylineVersion: true, storylineUpdatedAt: true },
    });
    if (!before) throw new AppError('NOT_FOUND', { userMessage: 'Project not found.' });
    const base = options.baseVersion ?? before.storylineVersion;
    const { count } = await tx.project.updateMany({
      where: { id: options.projectId, storylineVersion: base },
      data: { storyline: JSON.stringify(doc), storylineText: text, storylineUpdatedAt: updatedAt, storylineVersion: { increment: 1 } },
    });
    if (count === 0) {
      // Read again: with no base given, the version read above may be the one that moved.
      const current = await tx.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { storyline: true, storylineVersion: true, storylineUpdatedAt: true } });
      throw new VersionConflictError({
        entity: 'storyline',
        entityId: options.projectId,
        yours: { baseVersion: base, value: parsed.data },
        theirs: {
          version: current.storylineVersion,
          value: current.storyline ? (JSON.parse(current.storyline) as MemoDoc) : emptyMemo(),
          byName: await lastChangeBy(tx, { projectId: options.projectId, entityType: 'storyline', entityId: options.projectId }),
          at: (current.storylineUpdatedAt ?? updatedAt).toISOString(),
        },
      });
    }
    await recordEvent(tx, {
      projectId: options.projectId,
      actorId: options.userId,
      type: 'storyline.updated',
      entityType: 'storyline',
      entityId: options.projectId,
      summary: 'Edited the storyline',
      before: { text: before.storylineText },
      after: { text },
    });
    return { updatedAt: updatedAt.toISOString(), version: base + 1 };
  });
}
