import 'server-only';

import { nextColor } from '@/lib/coding/colors';
import { parentProblem } from '@/lib/coding/hierarchy';
import type { CodeLevel } from '@/lib/coding/hierarchy-types';
import { AppError } from '@/lib/errors/app-error';
import { type TCreateCode, ZCodeName } from '@/lib/validation/coding';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { lockProject, newCodeLabel, refuse } from '../hierarchy/labels';
import { findCode, hierarchyCodes } from '../hierarchy/load-hierarchy';
import { isUniqueViolation } from '../prisma-errors';

export const codeTaken = (name: string) =>
  new AppError('CONFLICT', { userMessage: `A code named “${name}” already exists.`, fieldErrors: { name: ['A code with this name exists.'] } });

/**
 * Adds a code (owners and coders) at a level (a concept unless said otherwise), optionally
 * under a parent one level up. It is numbered next in its level (C7 after C6); the colour
 * defaults to the next unused one.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT | CONFLICT
 */
export async function createCode(options: { userId: string; projectId: string; input: TCreateCode }) {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  // Checked again here (idempotent on validated input): a name is refused, never cut.
  const parsedName = ZCodeName.safeParse(options.input.name);
  if (!parsedName.success) {
    const message = parsedName.error.issues[0]?.message ?? 'Name the code.';
    throw new AppError('INVALID_INPUT', { userMessage: message, fieldErrors: { name: [message] } });
  }
  const name = parsedName.data;
  const level = (options.input.level ?? 1) as CodeLevel;
  try {
    return await db.$transaction(async (tx) => {
      await lockProject(tx, options.projectId);
      const codes = await hierarchyCodes(tx, options.projectId);
      if (options.input.parentId) {
        const parent = findCode(codes, options.input.parentId);
        refuse(parentProblem({ id: '', name, label: '', level, parentId: null, color: '', definition: '' }, parent));
      }
      return tx.code.create({
        data: {
          projectId: options.projectId,
          name,
          level,
          parentId: options.input.parentId ?? null,
          label: await newCodeLabel(tx, options.projectId, level),
          color: options.input.color ?? nextColor(codes.map((c) => c.color)),
          definition: options.input.definition,
          createdById: options.userId,
        },
        select: { id: true, name: true, color: true, definition: true, label: true, level: true },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(name);
    throw error;
  }
}
