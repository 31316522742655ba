import 'server-only';

import { memoMentionIds, memoToPlainText, ZMemoDoc } from '@/lib/coding/memo';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

export interface Storyline {
  /** tiptap JSON document, or null when none has been written. */
  body: unknown;
  text: string;
  updatedAt: string | null;
}

/** The project's storyline memo (selective coding). @throws AppError NOT_FOUND */
export async function getStoryline(options: { userId: string; projectId: string }): Promise<Storyline> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const project = await db.project.findUnique({
    where: { id: options.projectId },
    select: { storyline: true, storylineText: true, storylineUpdatedAt: true },
  });
  if (!project) throw new AppError('NOT_FOUND', { userMessage: 'Project not found.' });
  return {
    body: project.storyline ? (JSON.parse(project.storyline) as unknown) : null,
    text: project.storylineText,
    updatedAt: project.storylineUpdatedAt?.toISOString() ?? null,
  };
}

/**
 * Saves the storyline (owners and coders). Mentions must name codes of this project.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT
 */
export async function saveStoryline(options: { userId: string; projectId: string; body: unknown }): Promise<{ updatedAt: string }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const parsed = ZMemoDoc.safeParse(options.body);
  if (!parsed.success) throw new AppError('INVALID_INPUT', { userMessage: parsed.error.issues[0]?.message ?? 'The storyline could not be read.' });
  const mentioned = memoMentionIds(parsed.data);
  if (mentioned.length > 0) {
    const found = await db.code.count({ where: { projectId: options.projectId, id: { in: mentioned } } });
    if (found !== mentioned.length) throw new AppError('INVALID_INPUT', { userMessage: 'The storyline mentions a code that no longer exists; remove that mention.' });
  }
  const updatedAt = new Date();
  await db.project.update({
    where: { id: options.projectId },
    data: { storyline: JSON.stringify(parsed.data), storylineText: memoToPlainText(parsed.data), storylineUpdatedAt: updatedAt },
  });
  return { updatedAt: updatedAt.toISOString() };
}
