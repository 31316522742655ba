import 'server-only';

import { memoToPlainText, ZMemoDoc } from '@/lib/coding/memo';
import { relationLabel, relationProblem, type RelationType } from '@/lib/coding/relations';
import { AppError } from '@/lib/errors/app-error';
import type { TRelation } from '@/lib/validation/hierarchy';

import { codeName } from '@/lib/team/proposal-ops';

import { requireProjectPermission } from '../../authz';
import { bumpHierarchyVersion } from '../events/hierarchy-version';
import { inProjectTransaction, recordEvent, type Tx } from '../events/record-event';
import { isUniqueViolation } from '../prisma-errors';
import { lockProject, refuse } from '../hierarchy/labels';
import { scopeMentions } from '../hierarchy/mentions';
import { toLevel } from '../hierarchy/load-hierarchy';

const duplicate = () => new AppError('CONFLICT', { userMessage: 'These two codes already have a relation of this type.' });

/** Checks the codes, memo and evidence of a relation against the project; returns what to store. */
async function prepare(tx: Tx, projectId: string, input: TRelation) {
  const codes = await tx.code.findMany({ where: { projectId, id: { in: [input.fromId, input.toId] } }, select: { id: true, level: true, label: true, name: true } });
  const byId = new Map(codes.map((c) => [c.id, { ...c, level: toLevel(c.level) }]));
  refuse(relationProblem(byId.get(input.fromId), byId.get(input.toId), input));
  let memo = '';
  let memoText = '';
  if (input.memo !== undefined && input.memo !== null) {
    const parsed = ZMemoDoc.safeParse(input.memo);
    if (!parsed.success) throw new AppError('INVALID_INPUT', { userMessage: parsed.error.issues[0]?.message ?? 'The memo could not be read.' });
    const doc = await scopeMentions(tx, projectId, parsed.data);
    memoText = memoToPlainText(doc);
    memo = memoText ? JSON.stringify(doc) : '';
  }
  const evidence = [...new Set(input.evidenceCodingIds)];
  if (evidence.length > 0) {
    const found = await tx.coding.count({ where: { projectId, id: { in: evidence } } });
    if (found !== evidence.length) throw new AppError('INVALID_INPUT', { userMessage: 'An evidence segment is not a coding of this project.' });
  }
  return { data: { fromId: input.fromId, toId: input.toId, type: input.type, customType: input.type === 'custom' ? input.customType : '', memo, memoText }, evidence };
}

/** What the change log keeps of a relation (before → after). */
async function relationSnapshot(tx: Tx, relationId: string) {
  const r = await tx.codeRelation.findUnique({
    where: { id: relationId },
    select: { id: true, fromId: true, toId: true, type: true, customType: true, memoText: true, version: true, from: { select: { id: true, label: true, name: true, level: true } }, to: { select: { id: true, label: true, name: true, level: true } }, evidence: { select: { codingId: true } } },
  });
  if (!r) return null;
  return {
    id: r.id,
    codeIds: [r.fromId, r.toId],
    fromId: r.fromId,
    toId: r.toId,
    type: r.type as RelationType,
    customType: r.customType,
    memoText: r.memoText,
    version: r.version,
    evidenceCodingIds: r.evidence.map((e) => e.codingId),
    text: `${codeName({ ...r.from, level: toLevel(r.from.level) })} → ${codeName({ ...r.to, level: toLevel(r.to.level) })} (${relationLabel({ type: r.type as RelationType, customType: r.customType })})`,
  };
}

/** Refuses a relation that duplicates another before inserting (a failed insert would abort a PostgreSQL transaction). */
async function refuseDuplicate(tx: Tx, data: { fromId: string; toId: string; type: string; customType: string }, exceptId?: string): Promise<void> {
  const twin = await tx.codeRelation.findFirst({ where: { fromId: data.fromId, toId: data.toId, type: data.type, customType: data.customType, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  if (twin) throw duplicate();
}

/**
 * The core of {@link createRelation} on a caller's transaction (also used when a proposal is
 * approved): records `relation.created` and bumps the hierarchy version.
 * @throws AppError NOT_FOUND | INVALID_INPUT | CONFLICT
 */
export async function createRelationInTx(tx: Tx, options: { projectId: string; actorId: string | null; input: TRelation }): Promise<{ id: string }> {
  await lockProject(tx, options.projectId);
  const { data, evidence } = await prepare(tx, options.projectId, options.input);
  await refuseDuplicate(tx, data);
  const created = await tx.codeRelation.create({
    data: { ...data, projectId: options.projectId, createdById: options.actorId, evidence: { create: evidence.map((codingId) => ({ codingId })) } },
    select: { id: true },
  });
  const after = await relationSnapshot(tx, created.id);
  await recordEvent(tx, { projectId: options.projectId, actorId: options.actorId, type: 'relation.created', entityType: 'relation', entityId: created.id, summary: `Added relation ${after?.text ?? ''}`, after });
  await bumpHierarchyVersion(tx, options.projectId);
  return created;
}

/**
 * The core of {@link updateRelation} on a caller's transaction. With `version`, the update is
 * refused (CONFLICT) when someone saved the relation since that version.
 * @returns the relation's new version.
 * @throws AppError NOT_FOUND | INVALID_INPUT | CONFLICT
 */
export async function updateRelationInTx(tx: Tx, options: { projectId: string; actorId: string | null; relationId: string; input: TRelation; version?: number }): Promise<{ version: number }> {
  await lockProject(tx, options.projectId);
  const before = await relationSnapshot(tx, options.relationId);
  const existing = await tx.codeRelation.findFirst({ where: { id: options.relationId, projectId: options.projectId }, select: { id: true, version: true } });
  if (!existing || !before) throw new AppError('NOT_FOUND', { userMessage: 'Relation not found.' });
  const { data, evidence } = await prepare(tx, options.projectId, options.input);
  await refuseDuplicate(tx, data, existing.id);
  await tx.relationEvidence.deleteMany({ where: { relationId: existing.id } });
  // Optimistic concurrency: the update names the version it started from.
  const { count } = await tx.codeRelation.updateMany({
    where: { id: existing.id, ...(options.version === undefined ? {} : { version: options.version }) },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    throw new AppError('CONFLICT', {
      userMessage: `Someone else changed this relation while you were editing (it is now at version ${existing.version}, you started from version ${options.version}). Close the form and open it again to see their change; yours was not saved.`,
    });
  }
  await tx.relationEvidence.createMany({ data: evidence.map((codingId) => ({ relationId: existing.id, codingId })) });
  const after = await relationSnapshot(tx, existing.id);
  await recordEvent(tx, { projectId: options.projectId, actorId: options.actorId, type: 'relation.updated', entityType: 'relation', entityId: existing.id, summary: `Changed relation ${before.text}${after && after.text !== before.text ? ` to ${after.text}` : ''}`, before, after });
  await bumpHierarchyVersion(tx, options.projectId);
  return { version: after?.version ?? existing.version + 1 };
}

/** The core of {@link deleteRelation} on a caller's transaction. @throws AppError NOT_FOUND */
export async function deleteRelationInTx(tx: Tx, options: { projectId: string; actorId: string | null; relationId: string }): Promise<void> {
  await lockProject(tx, options.projectId);
  const before = await relationSnapshot(tx, options.relationId);
  const { count } = await tx.codeRelation.deleteMany({ where: { id: options.relationId, projectId: options.projectId } });
  if (count === 0 || !before) throw new AppError('NOT_FOUND', { userMessage: 'Relation not found.' });
  await recordEvent(tx, { projectId: options.projectId, actorId: options.actorId, type: 'relation.deleted', entityType: 'relation', entityId: options.relationId, summary: `Deleted relation ${before.text}`, before });
  await bumpHierarchyVersion(tx, options.projectId);
}

/**
 * Adds a directed, typed relation between two categories / main categories / core
 * categories, with an optional memo and evidence segments. Owners and coders.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT | CONFLICT (same relation exists)
 */
export async function createRelation(options: { userId: string; projectId: string; input: TRelation }): Promise<{ id: string }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  try {
    return await inProjectTransaction(options.projectId, (tx) => createRelationInTx(tx, { projectId: options.projectId, actorId: options.userId, input: options.input }));
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/**
 * Changes a relation (ends, type, memo, evidence — the evidence list is replaced). Owners and
 * coders. With `version` (the version the form was opened at), a save over someone else's
 * newer save is refused with CONFLICT.
 * @returns the new version.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT | CONFLICT
 */
export async function updateRelation(options: { userId: string; projectId: string; relationId: string; input: TRelation; version?: number }): Promise<{ version: number }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  try {
    return await inProjectTransaction(options.projectId, (tx) =>
      updateRelationInTx(tx, { projectId: options.projectId, actorId: options.userId, relationId: options.relationId, input: options.input, version: options.version }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/** Deletes a relation and its evidence links (not the codings). @throws AppError NOT_FOUND | FORBIDDEN */
export async function deleteRelation(options: { userId: string; projectId: string; relationId: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  await inProjectTransaction(options.projectId, (tx) => deleteRelationInTx(tx, { projectId: options.projectId, actorId: options.userId, relationId: options.relationId }));
}
