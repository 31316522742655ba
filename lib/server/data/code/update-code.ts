import 'server-only';

import { levelChangeProblem } from '@/lib/coding/hierarchy';
import type { CodeLevel } from '@/lib/coding/hierarchy-types';
import { MIN_RELATION_LEVEL } from '@/lib/coding/relations';
import { AppError } from '@/lib/errors/app-error';
import { VersionConflictError } from '@/lib/team/conflict';
import type { TUpdateCode } from '@/lib/validation/coding';

import { requireProjectPermission } from '../../authz';
import { bumpHierarchyVersion } from '../events/hierarchy-version';
import { inProjectTransaction, recordEvent } from '../events/record-event';
import { lockProject, newCodeLabel, refuse } from '../hierarchy/labels';
import { findCode, hierarchyCodes } from '../hierarchy/load-hierarchy';
import { lastChangeBy } from '../memo/last-change';
import { isUniqueViolation } from '../prisma-errors';
import { codeSnapshot, codeSnapshotSelect } from './code-snapshot';
import { codeTaken } from './create-code';

/**
 * Renames, recolours, redefines, relabels or re-levels a code. A label must be unique in the
 * project; the level changes only while the code has no parent and no children, and a code
 * that changes level is numbered in its new level unless a label is given. Records
 * `code.updated` with before → after; a rename, relabel or level change bumps the hierarchy
 * version.
 * @param options.baseVersion - the code version the editor loaded: when someone else saved the
 * code meanwhile nothing is written and a VersionConflictError carries both versions. Omitted
 * only by callers that edit without a form (none in the UI).
 * @returns the code's new version.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT | CONFLICT (a taken name or label, or VersionConflictError)
 */
export async function updateCode(options: { userId: string; projectId: string; codeId: string; input: TUpdateCode; baseVersion?: number }): Promise<{ version: number }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const { label, level } = options.input;
  const data: TUpdateCode = { ...options.input };
  try {
    return await inProjectTransaction(options.projectId, async (tx) => {
      await lockProject(tx, options.projectId);
      const before = await tx.code.findFirst({
        where: { id: options.codeId, projectId: options.projectId },
        select: { ...codeSnapshotSelect, version: true, updatedAt: true },
      });
      if (!before) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
      if (options.baseVersion !== undefined && options.baseVersion !== before.version) {
        const mine = { ...before, ...options.input };
        throw new VersionConflictError({
          entity: 'code',
          entityId: options.codeId,
          yours: { baseVersion: options.baseVersion, value: { name: mine.name, color: mine.color, definition: mine.definition, label: mine.label } },
          theirs: {
            version: before.version,
            value: { name: before.name, color: before.color, definition: before.definition, label: before.label },
            byName: await lastChangeBy(tx, { projectId: options.projectId, entityType: 'code', entityId: options.codeId }),
            at: before.updatedAt.toISOString(),
          },
        });
      }
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
      // The version read above is held by the where (the project lock serializes code writes
      // that take it; the where also stops any that do not).
      const result = await tx.code.updateMany({ where: { id: options.codeId, projectId: options.projectId, version: before.version }, data: { ...data, version: { increment: 1 } } });
      if (result.count === 0) throw new AppError('CONFLICT', { userMessage: 'Someone else saved this code at the same moment. Reload and try again.' });
      const after = { ...codeSnapshot(before), ...data } as ReturnType<typeof codeSnapshot>;
      const structural = after.name !== before.name || after.label !== before.label || after.level !== before.level;
      await recordEvent(tx, {
        projectId: options.projectId,
        actorId: options.userId,
        type: 'code.updated',
        entityType: 'code',
        entityId: options.codeId,
        summary: after.name !== before.name ? `Renamed ${before.label} “${before.name}” to “${after.name}”` : `Edited ${after.label} “${after.name}”`,
        before: codeSnapshot(before),
        after: codeSnapshot(after),
      });
      if (structural) await bumpHierarchyVersion(tx, options.projectId);
      return { version: before.version + 1 };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(options.input.name ?? '');
    throw error;
  }
}
