import 'server-only';

import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

/** Deletes a source (and, once coding exists, its codings). @throws AppError NOT_FOUND | FORBIDDEN */
export async function deleteSource(options: { userId: string; projectId: string; sourceId: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  const result = await db.source.deleteMany({ where: { id: options.sourceId, projectId: options.projectId } });
  if (result.count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Source not found.' });
}
