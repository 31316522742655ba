import 'server-only';

import { groupProblem } from '@/lib/coding/hierarchy';
import { nextColor } from '@/lib/coding/colors';
import { type CodeLevel, LEVEL_NAME } from '@/lib/coding/hierarchy-types';
import { AppError } from '@/lib/errors/app-error';
import { codeName } from '@/lib/team/proposal-ops';

import { requireProjectPermission } from '../../authz';
import { bumpHierarchyVersion } from '../events/hierarchy-version';
import { inProjectTransaction, recordEvent, type Tx } from '../events/record-event';
import { isUniqueViolation } from '../prisma-errors';
import { lockProject, newCodeLabel, refuse } from './labels';
import { findCode, hierarchyCodes } from './load-hierarchy';

export const nameTaken = (name: string) =>
  new AppError('CONFLICT', { userMessage: `A code named “${name}” already exists.`, fieldErrors: { name: ['A code with this name exists.'] } });

/**
 * The core of {@link groupCodes} on a caller's transaction (also used when a proposal is
 * approved): creates the code one level up, puts the codes under it, records
 * `hierarchy.grouped` (entity: the new code; before/after list every grouped code and its
 * parent) and bumps the hierarchy version.
 * @throws AppError NOT_FOUND | INVALID_INPUT
 */
export async function groupCodesInTx(tx: Tx, options: { projectId: string; actorId: string | null; codeIds: readonly string[]; name: string }): Promise<{ id: string; label: string }> {
  await lockProject(tx, options.projectId);
  const codes = await hierarchyCodes(tx, options.projectId);
  const children = [...new Set(options.codeIds)].map((id) => findCode(codes, id));
  refuse(groupProblem(children));
  if (codes.some((c) => c.name === options.name)) throw nameTaken(options.name);
  const level = (children[0].level + 1) as CodeLevel;
  const label = await newCodeLabel(tx, options.projectId, level);
  const created = await tx.code.create({
    data: {
      projectId: options.projectId,
      name: options.name,
      level,
      label,
      color: nextColor(codes.map((c) => c.color)),
      createdById: options.actorId,
    },
    select: { id: true, label: true },
  });
  await tx.code.updateMany({ where: { projectId: options.projectId, id: { in: children.map((c) => c.id) } }, data: { parentId: created.id } });
  await recordEvent(tx, {
    projectId: options.projectId,
    actorId: options.actorId,
    type: 'hierarchy.grouped',
    entityType: 'code',
    entityId: created.id,
    summary: `Grouped ${children.map((c) => codeName(c)).join(', ')} into a new ${LEVEL_NAME[level]} ${created.label} “${options.name}”`,
    before: { codeIds: children.map((c) => c.id), children: children.map((c) => ({ id: c.id, label: c.label, name: c.name, parentId: c.parentId })) },
    after: {
      codeIds: [created.id, ...children.map((c) => c.id)],
      created: { id: created.id, label: created.label, name: options.name, level },
      children: children.map((c) => ({ id: c.id, label: c.label, name: c.name, parentId: created.id })),
    },
  });
  await bumpHierarchyVersion(tx, options.projectId);
  return created;
}

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
    return await inProjectTransaction(options.projectId, (tx) => groupCodesInTx(tx, { projectId: options.projectId, actorId: options.userId, codeIds: options.codeIds, name: options.name }));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(options.name);
    throw error;
  }
}
