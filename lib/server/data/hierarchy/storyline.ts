import 'server-only';

import { memoToPlainText, ZMemoDoc } from '@/lib/coding/memo';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { scopeMentions } from './mentions';

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
 * Saves the storyline (owners and coders). Mentions of codes that are not the project's
 * become plain `@label` text.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT
 */
export async function saveStoryline(options: { userId: string; projectId: string; body: unknown }): Promise<{ updatedAt: string }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const parsed = ZMemoDoc.safeParse(options.body);
  if (!parsed.success) throw new AppError('INVALID_INPUT', { userMessage: parsed.error.issues[0]?.message ?? 'The storyline could not be read.' });
  // A mention of a code deleted meanwhile (or of another project's) is kept as plain text.
  const doc = await scopeMentions(db, options.projectId, parsed.data);
  const updatedAt = new Date();
  await db.project.update({
    where: { id: options.projectId },
    data: { storyline: JSON.stringify(doc), storylineText: memoToPlainText(doc), storylineUpdatedAt: updatedAt },
  });
  return { updatedAt: updatedAt.toISOString() };
}
