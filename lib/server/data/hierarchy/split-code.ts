import 'server-only';

import { planSplit } from '@/lib/coding/hierarchy';
import { nextColor } from '@/lib/coding/colors';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { isUniqueViolation } from '../prisma-errors';
import { applyRule, lockProject, newCodeLabel } from './labels';
import { findCode, hierarchyCodes } from './load-hierarchy';
import { copyLinksOnSplit } from '../mixed/links';

/**
 * Splits a code: the chosen codings move to a new code of the same level under the same
 * parent, numbered next in its level. Coding memos and relation evidence travel with their
 * codings. The new code gets the code's links to survey constructs too (exemplar quotes go
 * with their codings). Owners and coders.
 * @returns the new code's id and label, and how many codings moved.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT | CONFLICT (name taken)
 */
export async function splitCode(options: {
  userId: string;
  projectId: string;
  codeId: string;
  codingIds: string[];
  name: string;
}): Promise<{ id: string; label: string; codingsMoved: number }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  try {
    return await db.$transaction(async (tx) => {
      await lockProject(tx, options.projectId);
      const codes = await hierarchyCodes(tx, options.projectId);
      const code = findCode(codes, options.codeId);
      const codings = await tx.coding.findMany({
        where: { codeId: code.id },
        select: { id: true, codeId: true, sourceId: true, start: true, end: true, coderId: true },
      });
      const plan = applyRule(() => planSplit({ code, codingIds: options.codingIds, codings }));
      const created = await tx.code.create({
        data: {
          projectId: options.projectId,
          name: options.name,
          level: code.level,
          parentId: code.parentId,
          label: await newCodeLabel(tx, options.projectId, code.level),
          color: nextColor(codes.map((c) => c.color)),
          createdById: options.userId,
        },
        select: { id: true, label: true },
      });
      await tx.coding.updateMany({ where: { id: { in: plan.moveCodingIds } }, data: { codeId: created.id } });
      await copyLinksOnSplit(tx, code.id, created.id, plan.moveCodingIds);
      return { ...created, codingsMoved: plan.moveCodingIds.length };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { userMessage: `A code named “${options.name}” already exists.`, fieldErrors: { name: ['A code with this name exists.'] } });
    throw error;
  }
}
