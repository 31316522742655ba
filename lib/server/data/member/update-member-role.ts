import 'server-only';

import { assertOwnerRemains } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors/app-error';
import type { TUpdateMember } from '@/lib/validation/project';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

/**
 * Changes a member's role (owners only); the last owner cannot be demoted.
 * @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT
 */
export async function updateMemberRole(options: { userId: string; projectId: string; memberUserId: string; input: TUpdateMember }) {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'members:manage' });
  // Check and write in one serializable transaction so two owners cannot demote each other at once.
  return db.$transaction(
    async (tx) => {
      const members = await tx.membership.findMany({ where: { projectId: options.projectId }, select: { userId: true, role: true } });
      if (!members.some((m) => m.userId === options.memberUserId)) throw new AppError('NOT_FOUND', { userMessage: 'That person is not a member.' });
      assertOwnerRemains(members, { userId: options.memberUserId, role: options.input.role });
      await tx.membership.update({
        where: { projectId_userId: { projectId: options.projectId, userId: options.memberUserId } },
        data: { role: options.input.role },
      });
      return { userId: options.memberUserId, role: options.input.role };
    },
    { isolationLevel: 'Serializable' },
  );
}
