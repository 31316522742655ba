import 'server-only';

import { randomUUID } from 'node:crypto';

import { AppError } from '@/lib/errors/app-error';
import { checkOps, type ProposalOp, summarizeOp } from '@/lib/team/proposal-ops';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { inProjectTransaction, recordEvent } from '../events/record-event';
import { lockProject } from '../hierarchy/labels';
import { loadSnapshot, parseOp } from './snapshot';

/** A ref for a code a proposal op creates ("new:…"), named by later ops of the same proposal. */
export function newRef(): string {
  return `new:${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/** What a structural action tells the user when their change was collected instead of applied. */
export interface Proposed {
  proposalId: string;
  changes: number;
  summary: string;
  message: string;
}

/**
 * With "hierarchy changes need review" on and the actor a coder, appends a structural change
 * to the coder's draft proposal (creating the draft, based on the current hierarchy version)
 * instead of applying it; the hierarchy is not touched. Owners' changes, and everyone's while
 * the setting is off, are not intercepted (returns null: apply as usual).
 * The op is checked against the current hierarchy with the draft's earlier changes applied.
 * @returns the draft's state for the message, or null when the change should be applied directly.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT (the change does not apply)
 */
export async function proposeIfReviewed(options: { userId: string; projectId: string; op: ProposalOp }): Promise<Proposed | null> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  if (role !== 'coder') return null;
  const project = await db.project.findUnique({ where: { id: options.projectId }, select: { hierarchyReview: true } });
  if (!project?.hierarchyReview) return null;
  return inProjectTransaction(options.projectId, async (tx) => {
    await lockProject(tx, options.projectId);
    const { hierarchyVersion } = await tx.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { hierarchyVersion: true } });
    let draft = await tx.proposal.findFirst({
      where: { projectId: options.projectId, authorId: options.userId, status: 'draft' },
      select: { id: true, changes: { select: { op: true, position: true }, orderBy: { position: 'asc' } } },
    });
    if (!draft) {
      const created = await tx.proposal.create({ data: { projectId: options.projectId, authorId: options.userId, title: '', status: 'draft', baseVersion: hierarchyVersion }, select: { id: true } });
      draft = { id: created.id, changes: [] };
      await recordEvent(tx, { projectId: options.projectId, actorId: options.userId, type: 'proposal.created', entityType: 'proposal', entityId: created.id, summary: 'Started a proposal of hierarchy changes' });
    } else if (draft.changes.length === 0) {
      await tx.proposal.update({ where: { id: draft.id }, data: { baseVersion: hierarchyVersion } });
    }
    const earlier = draft.changes.map((c) => parseOp(c.op));
    const { after } = checkOps(await loadSnapshot(tx, options.projectId), earlier);
    const { checks } = checkOps(after, [options.op]);
    const problem = checks[0].problem;
    if (problem) throw new AppError('INVALID_INPUT', { userMessage: `${problem} (Checked against the hierarchy with your proposal’s changes; nothing was added.)` });
    const summary = summarizeOp(options.op, after);
    const position = (draft.changes.at(-1)?.position ?? -1) + 1;
    await tx.proposalChange.create({ data: { proposalId: draft.id, position, op: JSON.stringify(options.op), summary } });
    const changes = draft.changes.length + 1;
    return {
      proposalId: draft.id,
      changes,
      summary,
      message: `Added to your proposal (${changes} ${changes === 1 ? 'change' : 'changes'}): ${summary}. Hierarchy changes need review in this project: the hierarchy stays as it is until an owner or reviewer approves. Submit the proposal under Team › Reviews.`,
    };
  });
}

/**
 * A rename from a form that edits several fields: with review on and a coder, proposes the
 * rename when the name changed (the other fields are saved as usual by the caller).
 * @returns the proposal state, or null when the name is unchanged or no review applies.
 */
export async function proposeRenameIfReviewed(options: { userId: string; projectId: string; codeId: string; name: string }): Promise<Proposed | null> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const code = await db.code.findFirst({ where: { id: options.codeId, projectId: options.projectId }, select: { name: true } });
  if (!code) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
  if (code.name === options.name) return null;
  return proposeIfReviewed({ userId: options.userId, projectId: options.projectId, op: { op: 'rename', codeId: options.codeId, name: options.name } });
}
