import 'server-only';

import { nextColor } from '@/lib/coding/colors';
import { parentProblem } from '@/lib/coding/hierarchy';
import { LEVEL_NAME } from '@/lib/coding/hierarchy-types';
import { AppError } from '@/lib/errors/app-error';
import { codeName, type ProposalOp } from '@/lib/team/proposal-ops';

import { bumpHierarchyVersion } from '../events/hierarchy-version';
import { recordEvent, type Tx } from '../events/record-event';
import { groupCodesInTx, nameTaken } from '../hierarchy/group-codes';
import { lockProject, newCodeLabel, refuse } from '../hierarchy/labels';
import { findCode, hierarchyCodes } from '../hierarchy/load-hierarchy';
import { rewriteStoredMentions } from '../hierarchy/mentions';
import { mergeCodesInTx } from '../hierarchy/merge-codes';
import { moveCodesInTx } from '../hierarchy/move-code';
import { splitCodeInTx } from '../hierarchy/split-code';
import { createRelationInTx, deleteRelationInTx, updateRelationInTx } from '../relation/save-relation';

/**
 * Applies one proposal op on the approval's transaction, as its author (the change log names
 * the coder who proposed it). Codes created by earlier ops are named by their "new:" ref in
 * later ops; `refs` maps each ref to the code's real id as it is created.
 * @throws AppError when the op does not apply (the caller rolls the whole proposal back).
 */
export async function applyOp(tx: Tx, options: { projectId: string; actorId: string | null; op: ProposalOp; refs: Map<string, string> }): Promise<void> {
  const { projectId, actorId, op, refs } = options;
  const id = (value: string) => {
    if (!value.startsWith('new:')) return value;
    const real = refs.get(value);
    if (!real) throw new AppError('INVALID_INPUT', { userMessage: 'It names a new code that an earlier change did not create.' });
    return real;
  };
  switch (op.op) {
    case 'create-category': {
      const created = await createCategoryInTx(tx, { projectId, actorId, name: op.name, level: op.level, parentId: op.parentId === null ? null : id(op.parentId) });
      refs.set(op.ref, created.id);
      return;
    }
    case 'move':
      await moveCodesInTx(tx, { projectId, actorId, moves: [{ codeId: id(op.codeId), parentId: op.parentId === null ? null : id(op.parentId) }] });
      return;
    case 'group': {
      const created = await groupCodesInTx(tx, { projectId, actorId, codeIds: op.codeIds.map(id), name: op.name });
      refs.set(op.ref, created.id);
      return;
    }
    case 'merge':
      await mergeCodesInTx(tx, { projectId, actorId, fromId: id(op.fromId), intoId: id(op.intoId) });
      return;
    case 'split': {
      const created = await splitCodeInTx(tx, { projectId, actorId, codeId: id(op.codeId), codingIds: op.codingIds, name: op.name });
      refs.set(op.ref, created.id);
      return;
    }
    case 'rename':
      await renameCodeInTx(tx, { projectId, actorId, codeId: id(op.codeId), name: op.name });
      return;
    case 'delete':
      await deleteCodeInTx(tx, { projectId, actorId, codeId: id(op.codeId) });
      return;
    case 'relation-create':
      await createRelationInTx(tx, { projectId, actorId, input: { ...op.relation, fromId: id(op.relation.fromId), toId: id(op.relation.toId) } });
      return;
    case 'relation-update':
      await updateRelationInTx(tx, { projectId, actorId, relationId: op.relationId, input: { ...op.relation, fromId: id(op.relation.fromId), toId: id(op.relation.toId) } });
      return;
    case 'relation-delete':
      await deleteRelationInTx(tx, { projectId, actorId, relationId: op.relationId });
      return;
  }
}

/** Creates a category (or main / core category) from a proposal: code.created, version bump. */
async function createCategoryInTx(tx: Tx, options: { projectId: string; actorId: string | null; name: string; level: 2 | 3 | 4; parentId: string | null }): Promise<{ id: string }> {
  await lockProject(tx, options.projectId);
  const codes = await hierarchyCodes(tx, options.projectId);
  if (codes.some((c) => c.name === options.name)) throw nameTaken(options.name);
  if (options.parentId) refuse(parentProblem({ id: '', name: options.name, label: '', level: options.level, parentId: null, color: '', definition: '' }, findCode(codes, options.parentId)));
  const label = await newCodeLabel(tx, options.projectId, options.level);
  const created = await tx.code.create({
    data: { projectId: options.projectId, name: options.name, level: options.level, parentId: options.parentId, label, color: nextColor(codes.map((c) => c.color)), createdById: options.actorId },
    select: { id: true, label: true, name: true, level: true, parentId: true, color: true },
  });
  await recordEvent(tx, {
    projectId: options.projectId,
    actorId: options.actorId,
    type: 'code.created',
    entityType: 'code',
    entityId: created.id,
    summary: `Created ${LEVEL_NAME[options.level]} ${label} “${options.name}”`,
    after: created,
  });
  await bumpHierarchyVersion(tx, options.projectId);
  return created;
}

/** Renames a code from a proposal: code.updated (name before → after), version bump. */
async function renameCodeInTx(tx: Tx, options: { projectId: string; actorId: string | null; codeId: string; name: string }): Promise<void> {
  await lockProject(tx, options.projectId);
  const codes = await hierarchyCodes(tx, options.projectId);
  const code = findCode(codes, options.codeId);
  if (codes.some((c) => c.id !== code.id && c.name === options.name)) throw nameTaken(options.name);
  await tx.code.update({ where: { id: code.id }, data: { name: options.name, version: { increment: 1 } } });
  await recordEvent(tx, {
    projectId: options.projectId,
    actorId: options.actorId,
    type: 'code.updated',
    entityType: 'code',
    entityId: code.id,
    summary: `Renamed ${codeName(code)} to “${options.name}”`,
    before: { name: code.name },
    after: { name: options.name },
  });
  await bumpHierarchyVersion(tx, options.projectId);
}

/** Deletes a code with its codings from a proposal (as delete-code.ts does): code.deleted, version bump. */
async function deleteCodeInTx(tx: Tx, options: { projectId: string; actorId: string | null; codeId: string }): Promise<void> {
  await lockProject(tx, options.projectId);
  const codes = await hierarchyCodes(tx, options.projectId);
  const code = findCode(codes, options.codeId);
  const { count } = await tx.coding.deleteMany({ where: { codeId: code.id } });
  await tx.code.delete({ where: { id: code.id } });
  await rewriteStoredMentions(tx, options.projectId, new Map([[code.id, null]]));
  await recordEvent(tx, {
    projectId: options.projectId,
    actorId: options.actorId,
    type: 'code.deleted',
    entityType: 'code',
    entityId: code.id,
    summary: `Deleted ${codeName(code)} with ${count} ${count === 1 ? 'coding' : 'codings'}`,
    before: { ...code, codingsDeleted: count, childIds: codes.filter((c) => c.parentId === code.id).map((c) => c.id) },
  });
  await bumpHierarchyVersion(tx, options.projectId);
}
