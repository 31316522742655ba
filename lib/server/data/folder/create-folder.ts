import 'server-only';

import { AppError } from '@/lib/errors/app-error';
import type { TCreateFolder } from '@/lib/validation/source';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { isUniqueViolation } from '../prisma-errors';

/** @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT (name taken) */
export async function createFolder(options: { userId: string; projectId: string; input: TCreateFolder }) {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  try {
    return await db.folder.create({ data: { projectId: options.projectId, name: options.input.name }, select: { id: true, name: true } });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', { userMessage: `A folder named “${options.input.name}” already exists.`, fieldErrors: { name: ['Already exists.'] } });
    }
    throw error;
  }
}
