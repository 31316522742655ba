import 'server-only';

import { AppError } from '@/lib/errors/app-error';
import { planMerge } from '@/lib/coding/hierarchy';
import { concatMemos, memoToPlainText } from '@/lib/coding/memo';

import { codeName } from '@/lib/team/proposal-ops';

import { requireProjectPermission } from '../../authz';
import { bumpHierarchyVersion } from '../events/hierarchy-version';
import { inProjectTransaction, recordEvent, type Tx } from '../events/record-event';
import { applyRule, LONG_TRANSACTION, lockProject } from './labels';
import { findCode, hierarchyCodes } from './load-hierarchy';
import { rewriteStoredMentions } from './mentions';
import { mayMoveOthersCodings, refuseOthersCodings } from './others-codings';
import { moveLinksOnMerge } from '../mixed/links';

export interface MergeResult {
  intoId: string;
  codingsMoved: number;
  duplicatesCollapsed: number;
  childrenMoved: number;
  relationsMoved: number;
  /** Links to survey constructs moved to (or folded into) the target's. */
  linksMoved: number;
}

const joinText = (a: string, b: string) => [a.trim(), b.trim()].filter(Boolean).join('\n\n');
// The codebook form's limit (lib/validation/coding.ts), so the merged code stays editable.
const DEFINITION_MAX = 5000;

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}

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
 * - its links to survey constructs move to the target (a link to a construct the target is
 *   linked to as well folds into that one: mixed/links.ts moveLinksOnMerge); exemplar quotes
 *   follow collapsed codings;
 * - the source code is deleted. Owners and coders; the UI confirms first.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT
 */
export async function mergeCodes(options: { userId: string; projectId: string; fromId: string; intoId: string }): Promise<MergeResult> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  return inProjectTransaction(
    options.projectId,
    (tx) => mergeCodesInTx(tx, { projectId: options.projectId, actorId: options.userId, fromId: options.fromId, intoId: options.intoId, onlyOwnCodingsOf: mayMoveOthersCodings(role) ? null : options.userId }),
    LONG_TRANSACTION,
  );
}

/**
 * The core of {@link mergeCodes} on a caller's transaction (also used when a proposal is
 * approved). Records `hierarchy.merged` (entity: the target; before/after name both codes and
 * what moved) and bumps the hierarchy version.
 * @param options.onlyOwnCodingsOf - a coder's id: refuse when the merge would move or collapse
 *   codings by anyone else (others-codings.ts); null for owners and approved proposals.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT
 */
export async function mergeCodesInTx(
  tx: Tx,
  options: { projectId: string; actorId: string | null; fromId: string; intoId: string; onlyOwnCodingsOf?: string | null },
): Promise<MergeResult> {
  await lockProject(tx, options.projectId);
  const codes = await hierarchyCodes(tx, options.projectId);
  const from = findCode(codes, options.fromId);
  const into = findCode(codes, options.intoId);
  const codings = await tx.coding.findMany({
    where: { codeId: { in: [from.id, into.id] } },
    select: { id: true, codeId: true, sourceId: true, start: true, end: true, coderId: true },
  });
  const plan = applyRule(() => planMerge({ from, into, codes, codings }));
  if (options.onlyOwnCodingsOf) {
    await refuseOthersCodings(tx, { userId: options.onlyOwnCodingsOf, codingIds: [...plan.moveCodingIds, ...plan.collapse.map((c) => c.dropId)], what: `Merging ${codeName(from)} into ${codeName(into)} would move` });
  }
  // The definitions are joined; refuse rather than cut one when together they are too long.
  const definition = joinText(into.definition, from.definition);
  if ([...definition].length > DEFINITION_MAX) {
    throw new AppError('INVALID_INPUT', {
      userMessage: `Merging would join the two definitions into ${[...definition].length.toLocaleString('en')} characters, over the ${DEFINITION_MAX.toLocaleString('en')} a definition may have. Shorten one of them first; nothing was changed.`,
    });
  }

  for (const { dropId, keepId } of plan.collapse) {
    const memos = await tx.memo.findMany({ where: { codingId: { in: [dropId, keepId] } }, select: { id: true, codingId: true, body: true, text: true } });
    const dropped = memos.find((m) => m.codingId === dropId);
    const kept = memos.find((m) => m.codingId === keepId);
    if (dropped && kept) {
      const joined = concatMemos(parseBody(kept.body) ?? kept.text, parseBody(dropped.body) ?? dropped.text);
      await tx.memo.update({ where: { id: kept.id }, data: { body: JSON.stringify(joined), text: memoToPlainText(joined) } });
    } else if (dropped) {
      await tx.memo.update({ where: { id: dropped.id }, data: { codingId: keepId } });
    }
    const evidence = await tx.relationEvidence.findMany({ where: { codingId: dropId }, select: { id: true, relationId: true } });
    for (const e of evidence) {
      const exists = await tx.relationEvidence.findFirst({ where: { relationId: e.relationId, codingId: keepId }, select: { id: true } });
      if (exists) await tx.relationEvidence.delete({ where: { id: e.id } });
      else await tx.relationEvidence.update({ where: { id: e.id }, data: { codingId: keepId } });
    }
    // An exemplar quote of a link follows its coding into the kept duplicate.
    for (const x of await tx.linkExemplar.findMany({ where: { codingId: dropId }, select: { id: true, linkId: true } })) {
      const exists = await tx.linkExemplar.findFirst({ where: { linkId: x.linkId, codingId: keepId }, select: { id: true } });
      if (exists) await tx.linkExemplar.delete({ where: { id: x.id } });
      else await tx.linkExemplar.update({ where: { id: x.id }, data: { codingId: keepId } });
    }
  }
  if (plan.collapse.length > 0) await tx.coding.deleteMany({ where: { id: { in: plan.collapse.map((c) => c.dropId) } } });
  if (plan.moveCodingIds.length > 0) await tx.coding.updateMany({ where: { id: { in: plan.moveCodingIds } }, data: { codeId: into.id } });
  if (plan.reparentChildIds.length > 0) await tx.code.updateMany({ where: { id: { in: plan.reparentChildIds } }, data: { parentId: into.id } });
  await tx.memo.updateMany({ where: { codeId: from.id }, data: { codeId: into.id } });

  const relationsMoved = await repointRelations(tx, from.id, into.id);
  const linksMoved = await moveLinksOnMerge(tx, from.id, into.id);
  await tx.code.update({ where: { id: into.id }, data: { definition } });
  await tx.code.delete({ where: { id: from.id } });
  await rewriteStoredMentions(tx, options.projectId, new Map([[from.id, { id: into.id, label: `${into.label ? `${into.label} ` : ''}${into.name}` }]]));
  const result: MergeResult = {
    intoId: into.id,
    codingsMoved: plan.moveCodingIds.length,
    duplicatesCollapsed: plan.collapse.length,
    childrenMoved: plan.reparentChildIds.length,
    relationsMoved,
    linksMoved,
  };
  await recordEvent(tx, {
    projectId: options.projectId,
    actorId: options.actorId,
    type: 'hierarchy.merged',
    entityType: 'code',
    entityId: into.id,
    summary: `Merged ${codeName(from)} into ${codeName(into)}`,
    before: {
      codeIds: [from.id, into.id],
      from: { id: from.id, label: from.label, name: from.name, parentId: from.parentId, definition: from.definition },
      into: { id: into.id, label: into.label, name: into.name, parentId: into.parentId, definition: into.definition },
    },
    after: { codeIds: [into.id], deletedCodeId: from.id, into: { id: into.id, label: into.label, name: into.name, definition }, childIds: plan.reparentChildIds, ...result },
  });
  await bumpHierarchyVersion(tx, options.projectId);
  return result;
}

/** Re-points `fromId`'s relations at `intoId`; drops self-loops and duplicates. @returns how many moved. */
async function repointRelations(tx: Tx, fromId: string, intoId: string): Promise<number> {
  const relations = await tx.codeRelation.findMany({
    where: { OR: [{ fromId }, { toId: fromId }, { fromId: intoId }, { toId: intoId }] },
    select: { id: true, fromId: true, toId: true, type: true, customType: true, memo: true, memoText: true },
  });
  const key = (r: { fromId: string; toId: string; type: string; customType: string }) => `${r.fromId}\u0000${r.toId}\u0000${r.type}\u0000${r.customType}`;
  const taken = new Map(relations.filter((r) => r.fromId !== fromId && r.toId !== fromId).map((r) => [key(r), r]));
  let moved = 0;
  for (const r of relations) {
    if (r.fromId !== fromId && r.toId !== fromId) continue;
    const next = { ...r, fromId: r.fromId === fromId ? intoId : r.fromId, toId: r.toId === fromId ? intoId : r.toId };
    if (next.fromId === next.toId) {
      // A relation between the two merged codes would join the code to itself.
      await tx.codeRelation.delete({ where: { id: r.id } });
      continue;
    }
    const twin = taken.get(key(next));
    if (twin) {
      // The same relation exists on the target: it keeps this one's evidence and memo.
      await mergeRelationInto(tx, r, twin);
      continue;
    }
    taken.set(key(next), next);
    await tx.codeRelation.update({ where: { id: r.id }, data: { fromId: next.fromId, toId: next.toId } });
    moved++;
  }
  return moved;
}

/** Folds a duplicate relation into its twin: evidence joins (once each), memos concatenate. */
async function mergeRelationInto(tx: Tx, dropped: { id: string; memo: string; memoText: string }, kept: { id: string; memo: string; memoText: string }): Promise<void> {
  const have = new Set((await tx.relationEvidence.findMany({ where: { relationId: kept.id }, select: { codingId: true } })).map((e) => e.codingId));
  const evidence = await tx.relationEvidence.findMany({ where: { relationId: dropped.id }, select: { id: true, codingId: true } });
  for (const e of evidence) {
    if (!have.has(e.codingId)) await tx.relationEvidence.update({ where: { id: e.id }, data: { relationId: kept.id } });
  }
  if (dropped.memoText.trim()) {
    if (!kept.memoText.trim()) {
      await tx.codeRelation.update({ where: { id: kept.id }, data: { memo: dropped.memo, memoText: dropped.memoText } });
    } else {
      const joined = concatMemos(parseBody(kept.memo) ?? kept.memoText, parseBody(dropped.memo) ?? dropped.memoText);
      await tx.codeRelation.update({ where: { id: kept.id }, data: { memo: JSON.stringify(joined), memoText: memoToPlainText(joined) } });
    }
  }
  await tx.codeRelation.delete({ where: { id: dropped.id } });
}
