import 'server-only';

import { planMerge } from '@/lib/coding/hierarchy';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { applyRule } from './labels';
import { findCode, hierarchyCodes } from './load-hierarchy';

export interface MergeResult {
  intoId: string;
  codingsMoved: number;
  duplicatesCollapsed: number;
  childrenMoved: number;
  relationsMoved: number;
}

const joinText = (a: string, b: string) => [a.trim(), b.trim()].filter(Boolean).join('\n\n');

/**
 * Merges code `fromId` into `intoId` (same level), in one transaction (lib/coding/hierarchy.ts
 * planMerge decides what moves):
 * - codings move; a coding that exactly duplicates one of the target's (same source, range and
 *   coder) collapses into it — its memo is appended to the kept coding's memo and relation
 *   evidence follows it;
 * - the source code's memos move to the target's memo log (the logs concatenate) and its
 *   definition is appended to the target's;
 * - its children move under the target; its relations re-point to the target (a relation
 *   that would join the target to itself, or duplicate one it has, is dropped);
 * - the source code is deleted. Owners and coders; the UI confirms first.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT
 */
export async function mergeCodes(options: { userId: string; projectId: string; fromId: string; intoId: string }): Promise<MergeResult> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  return db.$transaction(async (tx) => {
    const codes = await hierarchyCodes(tx, options.projectId);
    const from = findCode(codes, options.fromId);
    const into = findCode(codes, options.intoId);
    const codings = await tx.coding.findMany({
      where: { codeId: { in: [from.id, into.id] } },
      select: { id: true, codeId: true, sourceId: true, start: true, end: true, coderId: true },
    });
    const plan = applyRule(() => planMerge({ from, into, codes, codings }));

    for (const { dropId, keepId } of plan.collapse) {
      const memos = await tx.memo.findMany({ where: { codingId: { in: [dropId, keepId] } }, select: { id: true, codingId: true, body: true, text: true } });
      const dropped = memos.find((m) => m.codingId === dropId);
      const kept = memos.find((m) => m.codingId === keepId);
      if (dropped && kept) {
        const body = JSON.parse(kept.body) as { type: 'doc'; content: unknown[] };
        const extra = JSON.parse(dropped.body) as { type: 'doc'; content: unknown[] };
        await tx.memo.update({ where: { id: kept.id }, data: { body: JSON.stringify({ type: 'doc', content: [...body.content, ...extra.content] }), text: joinText(kept.text, dropped.text) } });
      } else if (dropped) {
        await tx.memo.update({ where: { id: dropped.id }, data: { codingId: keepId } });
      }
      const evidence = await tx.relationEvidence.findMany({ where: { codingId: dropId }, select: { id: true, relationId: true } });
      for (const e of evidence) {
        const exists = await tx.relationEvidence.findFirst({ where: { relationId: e.relationId, codingId: keepId }, select: { id: true } });
        if (exists) await tx.relationEvidence.delete({ where: { id: e.id } });
        else await tx.relationEvidence.update({ where: { id: e.id }, data: { codingId: keepId } });
      }
    }
    if (plan.collapse.length > 0) await tx.coding.deleteMany({ where: { id: { in: plan.collapse.map((c) => c.dropId) } } });
    if (plan.moveCodingIds.length > 0) await tx.coding.updateMany({ where: { id: { in: plan.moveCodingIds } }, data: { codeId: into.id } });
    if (plan.reparentChildIds.length > 0) await tx.code.updateMany({ where: { id: { in: plan.reparentChildIds } }, data: { parentId: into.id } });
    await tx.memo.updateMany({ where: { codeId: from.id }, data: { codeId: into.id } });

    const relationsMoved = await repointRelations(tx, from.id, into.id);
    await tx.code.update({ where: { id: into.id }, data: { definition: joinText(into.definition, from.definition) } });
    await tx.code.delete({ where: { id: from.id } });
    return {
      intoId: into.id,
      codingsMoved: plan.moveCodingIds.length,
      duplicatesCollapsed: plan.collapse.length,
      childrenMoved: plan.reparentChildIds.length,
      relationsMoved,
    };
  });
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Re-points `fromId`'s relations at `intoId`; drops self-loops and duplicates. @returns how many moved. */
async function repointRelations(tx: Tx, fromId: string, intoId: string): Promise<number> {
  const relations = await tx.codeRelation.findMany({
    where: { OR: [{ fromId }, { toId: fromId }, { fromId: intoId }, { toId: intoId }] },
    select: { id: true, fromId: true, toId: true, type: true, customType: true },
  });
  const key = (r: { fromId: string; toId: string; type: string; customType: string }) => `${r.fromId}\u0000${r.toId}\u0000${r.type}\u0000${r.customType}`;
  const taken = new Set(relations.filter((r) => r.fromId !== fromId && r.toId !== fromId).map(key));
  let moved = 0;
  for (const r of relations) {
    if (r.fromId !== fromId && r.toId !== fromId) continue;
    const next = { ...r, fromId: r.fromId === fromId ? intoId : r.fromId, toId: r.toId === fromId ? intoId : r.toId };
    if (next.fromId === next.toId || taken.has(key(next))) {
      await tx.codeRelation.delete({ where: { id: r.id } });
      continue;
    }
    taken.add(key(next));
    await tx.codeRelation.update({ where: { id: r.id }, data: { fromId: next.fromId, toId: next.toId } });
    moved++;
  }
  return moved;
}
