import 'server-only';

import { codeNameFromSelection, nextColor } from '@/lib/coding/colors';
import { AppError } from '@/lib/errors/app-error';
import type { TCreateCode } from '@/lib/validation/coding';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { isUniqueViolation } from '../prisma-errors';

export const codeTaken = (name: string) =>
  new AppError('CONFLICT', { userMessage: `A code named “${name}” already exists.`, fieldErrors: { name: ['A code with this name exists.'] } });

/** Adds a code (owners and coders); the colour defaults to the next unused one. @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT */
export async function createCode(options: { userId: string; projectId: string; input: TCreateCode }) {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const name = codeNameFromSelection(options.input.name);
  if (!name) throw new AppError('INVALID_INPUT', { userMessage: 'Name the code.', fieldErrors: { name: ['Name the code.'] } });
  const used = await db.code.findMany({ where: { projectId: options.projectId }, select: { color: true } });
  try {
    return await db.code.create({
      data: {
        projectId: options.projectId,
        name,
        color: options.input.color ?? nextColor(used.map((c) => c.color)),
        definition: options.input.definition,
        createdById: options.userId,
      },
      select: { id: true, name: true, color: true, definition: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(name);
    throw error;
  }
}
