import 'server-only';

import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

/** Deletes a folder; its sources stay in the project, outside any folder. @throws AppError NOT_FOUND | FORBIDDEN */
export async function deleteFolder(options: { userId: string; projectId: string; folderId: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  const result = await db.folder.deleteMany({ where: { id: options.folderId, projectId: options.projectId } });
  if (result.count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Folder not found.' });
}
