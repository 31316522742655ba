import 'server-only';

import { memoToPlainText, ZMemoDoc } from '@/lib/coding/memo';
import { relationProblem } from '@/lib/coding/relations';
import { AppError } from '@/lib/errors/app-error';
import type { TRelation } from '@/lib/validation/hierarchy';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { isUniqueViolation } from '../prisma-errors';
import { refuse } from '../hierarchy/labels';
import { scopeMentions } from '../hierarchy/mentions';
import { toLevel } from '../hierarchy/load-hierarchy';

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

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

/**
 * Adds a directed, typed relation between two categories / main categories / core
 * categories, with an optional memo and evidence segments. Owners and coders.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT | CONFLICT (same relation exists)
 */
export async function createRelation(options: { userId: string; projectId: string; input: TRelation }): Promise<{ id: string }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  try {
    return await db.$transaction(async (tx) => {
      const { data, evidence } = await prepare(tx, options.projectId, options.input);
      return tx.codeRelation.create({
        data: { ...data, projectId: options.projectId, createdById: options.userId, evidence: { create: evidence.map((codingId) => ({ codingId })) } },
        select: { id: true },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/**
 * Changes a relation (ends, type, memo, evidence — the evidence list is replaced). Owners and coders.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT | CONFLICT
 */
export async function updateRelation(options: { userId: string; projectId: string; relationId: string; input: TRelation }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  try {
    await db.$transaction(async (tx) => {
      const existing = await tx.codeRelation.findFirst({ where: { id: options.relationId, projectId: options.projectId }, select: { id: true } });
      if (!existing) throw new AppError('NOT_FOUND', { userMessage: 'Relation not found.' });
      const { data, evidence } = await prepare(tx, options.projectId, options.input);
      await tx.relationEvidence.deleteMany({ where: { relationId: existing.id } });
      await tx.codeRelation.update({ where: { id: existing.id }, data: { ...data, evidence: { create: evidence.map((codingId) => ({ codingId })) } } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/** Deletes a relation and its evidence links (not the codings). @throws AppError NOT_FOUND | FORBIDDEN */
export async function deleteRelation(options: { userId: string; projectId: string; relationId: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const { count } = await db.codeRelation.deleteMany({ where: { id: options.relationId, projectId: options.projectId } });
  if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Relation not found.' });
}
