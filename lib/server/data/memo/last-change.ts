import 'server-only';

import type { EventEntityType } from '@/lib/team/event-types';

import type { Tx } from '../events/record-event';

/**
 * Who last changed an entity, from the project's change log (a conflict names the other
 * writer), or `fallbackName` (e.g. the memo's author) when the log has no event for it.
 */
export async function lastChangeBy(
  tx: Pick<Tx, 'projectEvent'>,
  where: { projectId: string; entityType: EventEntityType; entityId: string },
  fallbackName?: string | null,
): Promise<string> {
  const event = await tx.projectEvent.findFirst({ where, orderBy: { seq: 'desc' }, select: { actorId: true, actor: { select: { name: true } } } });
  if (event) return event.actor?.name ?? (event.actorId ? 'A former member' : 'Someone');
  return fallbackName ?? 'Someone';
}
