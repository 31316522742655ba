import 'server-only';

import { AppError } from '@/lib/errors/app-error';
import type { TInviteMember } from '@/lib/validation/project';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { isUniqueViolation } from '../prisma-errors';

/**
 * Adds a registered user to the project with a role (owners only).
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT (no such account) | CONFLICT (already a member)
 */
export async function addMember(options: { userId: string; projectId: string; input: TInviteMember }) {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'members:manage' });
  const invitee = await db.user.findUnique({ where: { email: options.input.email }, select: { id: true, name: true, email: true } });
  if (!invitee) {
    throw new AppError('INVALID_INPUT', {
      userMessage: 'No Groundwork account uses that email. Ask them to sign up first, then invite them.',
      fieldErrors: { email: ['No account uses this email yet.'] },
    });
  }
  const already = { userMessage: `${invitee.name} is already a member of this project.`, fieldErrors: { email: ['Already a member.'] } };
  if (await db.membership.findUnique({ where: { projectId_userId: { projectId: options.projectId, userId: invitee.id } }, select: { id: true } })) {
    throw new AppError('CONFLICT', already);
  }
  try {
    await db.membership.create({ data: { projectId: options.projectId, userId: invitee.id, role: options.input.role } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', already);
    throw error;
  }
  return { userId: invitee.id, name: invitee.name, email: invitee.email, role: options.input.role };
}
