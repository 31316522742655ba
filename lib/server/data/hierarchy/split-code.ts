import 'server-only';

import { planSplit } from '@/lib/coding/hierarchy';
import { nextColor } from '@/lib/coding/colors';
import { codeName } from '@/lib/team/proposal-ops';

import { requireProjectPermission } from '../../authz';
import { bumpHierarchyVersion } from '../events/hierarchy-version';
import { inProjectTransaction, recordEvent, type Tx } from '../events/record-event';
import { isUniqueViolation } from '../prisma-errors';
import { nameTaken } from './group-codes';
import { applyRule, lockProject, newCodeLabel } from './labels';
import { findCode, hierarchyCodes } from './load-hierarchy';
import { mayMoveOthersCodings, refuseOthersCodings } from './others-codings';
import { copyLinksOnSplit } from '../mixed/links';

/**
 * The core of {@link splitCode} on a caller's transaction (also used when a proposal is
 * approved). Records `hierarchy.split` (entity: the code split; before/after name both codes
 * and the codings that moved) and bumps the hierarchy version.
 * @param options.onlyOwnCodingsOf - a coder's id: refuse when a chosen coding is someone
 *   else's (others-codings.ts); null for owners and approved proposals.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT | CONFLICT (name taken)
 */
export async function splitCodeInTx(
  tx: Tx,
  options: { projectId: string; actorId: string | null; codeId: string; codingIds: readonly string[]; name: string; onlyOwnCodingsOf?: string | null },
): Promise<{ id: string; label: string; codingsMoved: number }> {
  await lockProject(tx, options.projectId);
  const codes = await hierarchyCodes(tx, options.projectId);
  const code = findCode(codes, options.codeId);
  const codings = await tx.coding.findMany({
    where: { codeId: code.id },
    select: { id: true, codeId: true, sourceId: true, start: true, end: true, coderId: true },
  });
  const plan = applyRule(() => planSplit({ code, codingIds: options.codingIds, codings }));
  if (options.onlyOwnCodingsOf) {
    await refuseOthersCodings(tx, { userId: options.onlyOwnCodingsOf, codingIds: plan.moveCodingIds, what: `Splitting these segments off ${codeName(code)} would move` });
  }
  if (codes.some((c) => c.name === options.name)) throw nameTaken(options.name);
  const created = await tx.code.create({
    data: {
      projectId: options.projectId,
      name: options.name,
      level: code.level,
      parentId: code.parentId,
      label: await newCodeLabel(tx, options.projectId, code.level),
      color: nextColor(codes.map((c) => c.color)),
      createdById: options.actorId,
    },
    select: { id: true, label: true },
  });
  await tx.coding.updateMany({ where: { id: { in: plan.moveCodingIds } }, data: { codeId: created.id } });
  await copyLinksOnSplit(tx, code.id, created.id, plan.moveCodingIds);
  await recordEvent(tx, {
    projectId: options.projectId,
    actorId: options.actorId,
    type: 'hierarchy.split',
    entityType: 'code',
    entityId: code.id,
    summary: `Split ${plan.moveCodingIds.length} ${plan.moveCodingIds.length === 1 ? 'coding' : 'codings'} off ${codeName(code)} into ${created.label} “${options.name}”`,
    before: { codeIds: [code.id], code: { id: code.id, label: code.label, name: code.name }, codingIds: plan.moveCodingIds },
    after: { codeIds: [code.id, created.id], created: { id: created.id, label: created.label, name: options.name, level: code.level, parentId: code.parentId }, codingIds: plan.moveCodingIds },
  });
  await bumpHierarchyVersion(tx, options.projectId);
  return { ...created, codingsMoved: plan.moveCodingIds.length };
}

/**
 * Splits a code: the chosen codings move to a new code of the same level under the same
 * parent, numbered next in its level. Coding memos and relation evidence travel with their
 * codings. The new code gets the code's links to survey constructs too (exemplar quotes go
 * with their codings). Owners may split off anyone's codings; coders only their own
 * (others-codings.ts).
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
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  try {
    return await inProjectTransaction(options.projectId, (tx) =>
      splitCodeInTx(tx, { ...options, actorId: options.userId, onlyOwnCodingsOf: mayMoveOthersCodings(role) ? null : options.userId }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(options.name);
    throw error;
  }
}
