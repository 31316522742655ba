import 'server-only';

import { levelChangeProblem } from '@/lib/coding/hierarchy';
import type { CodeLevel } from '@/lib/coding/hierarchy-types';
import { MIN_RELATION_LEVEL } from '@/lib/coding/relations';
import { AppError } from '@/lib/errors/app-error';
import type { TUpdateCode } from '@/lib/validation/coding';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { lockProject, newCodeLabel, refuse } from '../hierarchy/labels';
import { findCode, hierarchyCodes } from '../hierarchy/load-hierarchy';
import { isUniqueViolation } from '../prisma-errors';
import { codeTaken } from './create-code';

/**
 * Renames, recolours, redefines, relabels or re-levels a code. A label must be unique in the
 * project; the level changes only while the code has no parent and no children, and a code
 * that changes level is numbered in its new level unless a label is given.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT | CONFLICT
 */
export async function updateCode(options: { userId: string; projectId: string; codeId: string; input: TUpdateCode }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const { label, level } = options.input;
  const data: TUpdateCode = { ...options.input };
  try {
    await db.$transaction(async (tx) => {
      await lockProject(tx, options.projectId);
      if (label !== undefined || level !== undefined) {
        const codes = await hierarchyCodes(tx, options.projectId);
        const code = findCode(codes, options.codeId);
        if (level !== undefined && level !== code.level) {
          refuse(levelChangeProblem(code, level as CodeLevel, codes));
          if (level < MIN_RELATION_LEVEL) {
            const relations = await tx.codeRelation.count({ where: { OR: [{ fromId: code.id }, { toId: code.id }] } });
            if (relations > 0) refuse(`“${code.name}” has ${relations} ${relations === 1 ? 'relation' : 'relations'}; concepts have none. Delete ${relations === 1 ? 'it' : 'them'} first.`);
          }
          // A concept that becomes a category is numbered as one (C7 → B3) unless a label is given.
          if (label === undefined) data.label = await newCodeLabel(tx, options.projectId, level as CodeLevel);
        }
        if (label && codes.some((c) => c.id !== code.id && c.label === label)) {
          throw new AppError('CONFLICT', { userMessage: `Label ${label} is already used.`, fieldErrors: { label: ['Another code has this label.'] } });
        }
      }
      const result = await tx.code.updateMany({ where: { id: options.codeId, projectId: options.projectId }, data });
      if (result.count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(options.input.name ?? '');
    throw error;
  }
}
