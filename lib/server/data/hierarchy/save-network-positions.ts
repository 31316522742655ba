import 'server-only';

import type { TNetworkPositions } from '@/lib/validation/hierarchy';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { LONG_TRANSACTION } from './labels';

/**
 * Saves where codes sit in the project's network view (positions are per project, shared by
 * the team; null clears a position). Ids of other projects' codes are ignored.
 * @throws AppError NOT_FOUND | FORBIDDEN
 */
export async function saveNetworkPositions(options: { userId: string; projectId: string; positions: TNetworkPositions['positions'] | 'reset' }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  if (options.positions === 'reset') {
    await db.code.updateMany({ where: { projectId: options.projectId }, data: { networkX: null, networkY: null } });
    return;
  }
  const positions = options.positions;
  await db.$transaction(async (tx) => {
    for (const p of positions) {
      await tx.code.updateMany({ where: { id: p.id, projectId: options.projectId }, data: { networkX: p.x, networkY: p.y } });
    }
  }, LONG_TRANSACTION);
}
