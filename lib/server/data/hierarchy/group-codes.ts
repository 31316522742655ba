import 'server-only';

import { groupProblem } from '@/lib/coding/hierarchy';
import { nextColor } from '@/lib/coding/colors';
import type { CodeLevel } from '@/lib/coding/hierarchy-types';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { isUniqueViolation } from '../prisma-errors';
import { lockProject, newCodeLabel, refuse } from './labels';
import { findCode, hierarchyCodes } from './load-hierarchy';

/**
 * Creates a code one level up from several selected codes and puts them under it ("create a
 * category from these concepts"). The selected codes leave their previous parent; the new
 * code starts unplaced (placing it is the next move). Owners and coders.
 * @returns the new code's id and label.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT | CONFLICT (name taken)
 */
export async function groupCodes(options: { userId: string; projectId: string; codeIds: string[]; name: string }): Promise<{ id: string; label: string }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  try {
    return await db.$transaction(async (tx) => {
      await lockProject(tx, options.projectId);
      const codes = await hierarchyCodes(tx, options.projectId);
      const children = [...new Set(options.codeIds)].map((id) => findCode(codes, id));
      refuse(groupProblem(children));
      const level = (children[0].level + 1) as CodeLevel;
      const label = await newCodeLabel(tx, options.projectId, level);
      const created = await tx.code.create({
        data: {
          projectId: options.projectId,
          name: options.name,
          level,
          label,
          color: nextColor(codes.map((c) => c.color)),
          createdById: options.userId,
        },
        select: { id: true, label: true },
      });
      await tx.code.updateMany({ where: { projectId: options.projectId, id: { in: children.map((c) => c.id) } }, data: { parentId: created.id } });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { userMessage: `A code named “${options.name}” already exists.`, fieldErrors: { name: ['A code with this name exists.'] } });
    throw error;
  }
}
