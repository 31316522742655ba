import 'server-only';

import { AppError } from '@/lib/errors/app-error';
import type { TUpdateCode } from '@/lib/validation/coding';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { isUniqueViolation } from '../prisma-errors';
import { codeTaken } from './create-code';

/** Renames, recolours or redefines a code. @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT */
export async function updateCode(options: { userId: string; projectId: string; codeId: string; input: TUpdateCode }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  try {
    const result = await db.code.updateMany({ where: { id: options.codeId, projectId: options.projectId }, data: options.input });
    if (result.count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(options.input.name ?? '');
    throw error;
  }
}
