import 'server-only';

import { AppError } from '@/lib/errors/app-error';
import type { TUpdateSource } from '@/lib/validation/source';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

/**
 * Edits a source's details (never its text: codings point into it).
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT (unknown folder)
 */
export async function updateSource(options: { userId: string; projectId: string; sourceId: string; input: TUpdateSource }) {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  const { folderId, ...details } = options.input;
  if (folderId) {
    const folder = await db.folder.findFirst({ where: { id: folderId, projectId: options.projectId }, select: { id: true } });
    if (!folder) throw new AppError('INVALID_INPUT', { userMessage: 'That folder does not exist in this project.', fieldErrors: { folderId: ['Unknown folder.'] } });
  }
  const result = await db.source.updateMany({
    where: { id: options.sourceId, projectId: options.projectId },
    data: { ...details, ...(folderId !== undefined ? { folderId } : {}) },
  });
  if (result.count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Source not found.' });
}
