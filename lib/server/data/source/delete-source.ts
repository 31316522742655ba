import 'server-only';

import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { inProjectTransaction, recordEvent } from '../events/record-event';

/** Deletes a source with its codings and memos, recording `source.deleted`. @throws AppError NOT_FOUND | FORBIDDEN */
export async function deleteSource(options: { userId: string; projectId: string; sourceId: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  await inProjectTransaction(options.projectId, async (tx) => {
    const source = await tx.source.findFirst({ where: { id: options.sourceId, projectId: options.projectId }, select: { id: true, title: true } });
    if (!source) throw new AppError('NOT_FOUND', { userMessage: 'Source not found.' });
    await tx.source.delete({ where: { id: source.id } });
    // sourceId (not a foreign key) tells a workbench open on it that it is gone.
    await recordEvent(tx, { projectId: options.projectId, actorId: options.userId, type: 'source.deleted', entityType: 'source', entityId: source.id, sourceId: source.id, summary: `Deleted the source “${source.title}”` });
  });
}
