import 'server-only';

import { nextColor } from '@/lib/coding/colors';
import { parentProblem } from '@/lib/coding/hierarchy';
import type { CodeLevel } from '@/lib/coding/hierarchy-types';
import { AppError } from '@/lib/errors/app-error';
import { type TCreateCode, ZCodeName } from '@/lib/validation/coding';

import { requireProjectPermission } from '../../authz';
import { bumpHierarchyVersion } from '../events/hierarchy-version';
import { inProjectTransaction, recordEvent } from '../events/record-event';
import { lockProject, newCodeLabel, refuse } from '../hierarchy/labels';
import { findCode, hierarchyCodes } from '../hierarchy/load-hierarchy';
import { isUniqueViolation } from '../prisma-errors';
import { codeSnapshot } from './code-snapshot';

/** "the concept", "the category"… for summaries. */
export const LEVEL_NOUN: Record<number, string> = { 1: 'the concept', 2: 'the category', 3: 'the main category', 4: 'the core category' };

export const codeTaken = (name: string) =>
  new AppError('CONFLICT', { userMessage: `A code named “${name}” already exists.`, fieldErrors: { name: ['A code with this name exists.'] } });

/**
 * Adds a code (owners and coders) at a level (a concept unless said otherwise), optionally
 * under a parent one level up. It is numbered next in its level (C7 after C6); the colour
 * defaults to the next unused one. Records `code.created` (with the new code as `after`); a
 * category or higher (level ≥ 2) is a structural change and bumps the hierarchy version.
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
    return await inProjectTransaction(options.projectId, async (tx) => {
      await lockProject(tx, options.projectId);
      const codes = await hierarchyCodes(tx, options.projectId);
      if (options.input.parentId) {
        const parent = findCode(codes, options.input.parentId);
        refuse(parentProblem({ id: '', name, label: '', level, parentId: null, color: '', definition: '' }, parent));
      }
      const created = await tx.code.create({
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
        select: { id: true, name: true, color: true, definition: true, label: true, level: true, version: true, parentId: true },
      });
      await recordEvent(tx, {
        projectId: options.projectId,
        actorId: options.userId,
        type: 'code.created',
        entityType: 'code',
        entityId: created.id,
        summary: `Created ${LEVEL_NOUN[level] ?? 'the code'} ${created.label} “${created.name}”`,
        after: codeSnapshot(created),
      });
      if (level >= 2) await bumpHierarchyVersion(tx, options.projectId);
      const { parentId: _parentId, ...shown } = created;
      return shown;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(name);
    throw error;
  }
}
