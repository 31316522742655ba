import 'server-only';

import { assertOwnerRemains } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

/**
 * Removes a member. Owners may remove anyone; every member may remove themself (leave).
 * The last owner can do neither.
 * @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT
 */
export async function removeMember(options: { userId: string; projectId: string; memberUserId: string }): Promise<void> {
  const leaving = options.memberUserId === options.userId;
  await requireProjectPermission({
    userId: options.userId,
    projectId: options.projectId,
    permission: leaving ? 'project:read' : 'members:manage',
  });
  await db.$transaction(
    async (tx) => {
      const members = await tx.membership.findMany({ where: { projectId: options.projectId }, select: { userId: true, role: true } });
      if (!members.some((m) => m.userId === options.memberUserId)) throw new AppError('NOT_FOUND', { userMessage: 'That person is not a member.' });
      assertOwnerRemains(members, { userId: options.memberUserId, role: null });
      await tx.membership.delete({ where: { projectId_userId: { projectId: options.projectId, userId: options.memberUserId } } });
    },
    { isolationLevel: 'Serializable' },
  );
}
