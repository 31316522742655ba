import 'server-only';

import { AppError } from '@/lib/errors/app-error';
import { checkOps, summarizeOp } from '@/lib/team/proposal-ops';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { inProjectTransaction, recordEvent, type Tx } from '../events/record-event';
import { LONG_TRANSACTION, lockProject } from '../hierarchy/labels';
import { applyOp } from './apply-op';
import { loadSnapshot, parseOp } from './snapshot';

/** The message of a proposal whose base moved (the page flags it the same way). */
export const STALE_MESSAGE = 'The hierarchy changed since this proposal was made — rebase it before it can be approved.';

async function loadProposal(tx: Tx, projectId: string, proposalId: string) {
  const proposal = await tx.proposal.findFirst({
    where: { id: proposalId, projectId },
    select: { id: true, title: true, authorId: true, status: true, baseVersion: true, changes: { select: { id: true, op: true, summary: true, position: true }, orderBy: { position: 'asc' } } },
  });
  if (!proposal) throw new AppError('NOT_FOUND', { userMessage: 'Proposal not found.' });
  return proposal;
}

function requireStatus(proposal: { status: string }, allowed: readonly string[], doing: string): void {
  if (!allowed.includes(proposal.status)) {
    throw new AppError('CONFLICT', { userMessage: `This proposal is ${proposal.status === 'open' ? 'submitted' : proposal.status}; it can no longer be ${doing}. Reload the page.` });
  }
}

function requireAuthor(proposal: { authorId: string | null }, userId: string, doing: string): void {
  if (proposal.authorId !== userId) throw new AppError('FORBIDDEN', { userMessage: `Only the proposal’s author can ${doing}.` });
}

/**
 * Submits the author's draft for review with a title and description. Coders (the author).
 * @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT | INVALID_INPUT (no changes)
 */
export async function submitProposal(options: { userId: string; projectId: string; proposalId: string; title: string; description: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  await inProjectTransaction(options.projectId, async (tx) => {
    const proposal = await loadProposal(tx, options.projectId, options.proposalId);
    requireAuthor(proposal, options.userId, 'submit it');
    requireStatus(proposal, ['draft', 'open'], 'submitted');
    if (proposal.changes.length === 0) throw new AppError('INVALID_INPUT', { userMessage: 'This proposal has no changes left; make a structural change first.' });
    await tx.proposal.update({ where: { id: proposal.id }, data: { status: 'open', title: options.title, description: options.description } });
    await recordEvent(tx, {
      projectId: options.projectId,
      actorId: options.userId,
      type: 'proposal.updated',
      entityType: 'proposal',
      entityId: proposal.id,
      summary: `${proposal.status === 'draft' ? 'Submitted' : 'Edited'} the proposal “${options.title}” (${proposal.changes.length} ${proposal.changes.length === 1 ? 'change' : 'changes'})`,
    });
  });
}

/** The author withdraws their draft or submitted proposal. @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT */
export async function withdrawProposal(options: { userId: string; projectId: string; proposalId: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  await inProjectTransaction(options.projectId, async (tx) => {
    const proposal = await loadProposal(tx, options.projectId, options.proposalId);
    requireAuthor(proposal, options.userId, 'withdraw it');
    requireStatus(proposal, ['draft', 'open'], 'withdrawn');
    await tx.proposal.update({ where: { id: proposal.id }, data: { status: 'withdrawn', decidedAt: new Date() } });
    await recordEvent(tx, { projectId: options.projectId, actorId: options.userId, type: 'proposal.withdrawn', entityType: 'proposal', entityId: proposal.id, summary: `Withdrew the proposal “${proposal.title || 'Untitled'}”` });
  });
}

/** The author drops one change (e.g. one that no longer applies). @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT */
export async function dropProposalChange(options: { userId: string; projectId: string; proposalId: string; changeId: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  await inProjectTransaction(options.projectId, async (tx) => {
    const proposal = await loadProposal(tx, options.projectId, options.proposalId);
    requireAuthor(proposal, options.userId, 'drop its changes');
    requireStatus(proposal, ['draft', 'open'], 'changed');
    const change = proposal.changes.find((c) => c.id === options.changeId);
    if (!change) throw new AppError('NOT_FOUND', { userMessage: 'That change is not part of this proposal.' });
    await tx.proposalChange.delete({ where: { id: change.id } });
    await recordEvent(tx, { projectId: options.projectId, actorId: options.userId, type: 'proposal.updated', entityType: 'proposal', entityId: proposal.id, summary: `Dropped “${change.summary}” from the proposal` });
  });
}

export interface RebaseResult {
  rebased: boolean;
  /** Changes that no longer apply to the current hierarchy, with the reason. */
  problems: Array<{ changeId: string; summary: string; problem: string }>;
}

/**
 * Checks every change against the current hierarchy. When all apply, the proposal is based on
 * the current version (and the summaries are rewritten with today's labels and names); when
 * some do not, they are reported and the base stays (the author drops them, then rebases).
 * The author, reviewers and owners.
 * @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT
 */
export async function rebaseProposal(options: { userId: string; projectId: string; proposalId: string }): Promise<RebaseResult> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  return inProjectTransaction(options.projectId, async (tx) => {
    await lockProject(tx, options.projectId);
    const proposal = await loadProposal(tx, options.projectId, options.proposalId);
    if (proposal.authorId !== options.userId && role !== 'owner' && role !== 'reviewer') throw new AppError('FORBIDDEN', { userMessage: 'Only the author, reviewers and owners can rebase a proposal.' });
    requireStatus(proposal, ['draft', 'open'], 'rebased');
    const { hierarchyVersion } = await tx.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { hierarchyVersion: true } });
    const snapshot = await loadSnapshot(tx, options.projectId);
    const ops = proposal.changes.map((c) => parseOp(c.op));
    const { checks } = checkOps(snapshot, ops);
    const problems = checks.flatMap((c) => (c.problem === null ? [] : [{ changeId: proposal.changes[c.index].id, summary: proposal.changes[c.index].summary, problem: c.problem }]));
    if (problems.length > 0) return { rebased: false, problems };
    // Summaries re-read against the current hierarchy (labels may have been renumbered).
    let current = snapshot;
    for (const [i, op] of ops.entries()) {
      const summary = summarizeOp(op, current);
      if (summary !== proposal.changes[i].summary) await tx.proposalChange.update({ where: { id: proposal.changes[i].id }, data: { summary } });
      current = checkOps(current, [op]).after;
    }
    await tx.proposal.update({ where: { id: proposal.id }, data: { baseVersion: hierarchyVersion } });
    await recordEvent(tx, { projectId: options.projectId, actorId: options.userId, type: 'proposal.updated', entityType: 'proposal', entityId: proposal.id, summary: `Rebased the proposal “${proposal.title || 'Untitled'}” on the current hierarchy` });
    return { rebased: true, problems: [] };
  });
}

/**
 * Approves a submitted proposal: applies every change in order in ONE transaction (as its
 * author, so the change log names who proposed each change), records each structural event
 * and `proposal.approved`. A proposal whose base version is not the project's current
 * hierarchy version is refused (rebase first); a change that fails rolls everything back.
 * Owners and reviewers (review:write); authors are coders, who cannot approve.
 * @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT (stale base, decided) | INVALID_INPUT (a change does not apply)
 */
export async function approveProposal(options: { userId: string; projectId: string; proposalId: string; note: string }): Promise<{ applied: number }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'review:write' });
  return inProjectTransaction(
    options.projectId,
    async (tx) => {
      await lockProject(tx, options.projectId);
      const proposal = await loadProposal(tx, options.projectId, options.proposalId);
      requireStatus(proposal, ['open'], 'approved');
      const { hierarchyVersion } = await tx.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { hierarchyVersion: true } });
      if (proposal.baseVersion !== hierarchyVersion) throw new AppError('CONFLICT', { userMessage: STALE_MESSAGE });
      const refs = new Map<string, string>();
      for (const [i, change] of proposal.changes.entries()) {
        try {
          await applyOp(tx, { projectId: options.projectId, actorId: proposal.authorId, op: parseOp(change.op), refs });
        } catch (error) {
          if (error instanceof AppError) {
            throw new AppError(error.code === 'FORBIDDEN' ? 'INVALID_INPUT' : error.code, {
              message: error.message,
              userMessage: `Change ${i + 1} (${change.summary}) could not be applied: ${error.userMessage} Nothing was applied.`,
            });
          }
          throw error;
        }
      }
      await tx.proposal.update({ where: { id: proposal.id }, data: { status: 'approved', decidedById: options.userId, decidedAt: new Date(), decisionNote: options.note } });
      await recordEvent(tx, {
        projectId: options.projectId,
        actorId: options.userId,
        type: 'proposal.approved',
        entityType: 'proposal',
        entityId: proposal.id,
        summary: `Approved the proposal “${proposal.title || 'Untitled'}” (${proposal.changes.length} ${proposal.changes.length === 1 ? 'change' : 'changes'} applied)`,
        after: { note: options.note, changes: proposal.changes.map((c) => c.summary) },
      });
      return { applied: proposal.changes.length };
    },
    LONG_TRANSACTION,
  );
}

/** Rejects a submitted proposal with a note; nothing is applied. Owners and reviewers. @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT */
export async function rejectProposal(options: { userId: string; projectId: string; proposalId: string; note: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'review:write' });
  await inProjectTransaction(options.projectId, async (tx) => {
    const proposal = await loadProposal(tx, options.projectId, options.proposalId);
    requireStatus(proposal, ['open'], 'rejected');
    await tx.proposal.update({ where: { id: proposal.id }, data: { status: 'rejected', decidedById: options.userId, decidedAt: new Date(), decisionNote: options.note } });
    await recordEvent(tx, { projectId: options.projectId, actorId: options.userId, type: 'proposal.rejected', entityType: 'proposal', entityId: proposal.id, summary: `Rejected the proposal “${proposal.title || 'Untitled'}”`, after: { note: options.note } });
  });
}

/**
 * Comments on a proposal (targetType 'proposal') or on one of its changes ('proposal-change').
 * Owners, reviewers and coders (the author answers); not on drafts of others.
 * @throws AppError NOT_FOUND | FORBIDDEN
 */
export async function commentOnProposal(options: { userId: string; projectId: string; proposalId: string; changeId: string | null; body: string }): Promise<{ id: string }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'memo:write' });
  return inProjectTransaction(options.projectId, async (tx) => {
    const proposal = await loadProposal(tx, options.projectId, options.proposalId);
    if (proposal.status === 'draft' && proposal.authorId !== options.userId) throw new AppError('NOT_FOUND', { userMessage: 'Proposal not found.' });
    const change = options.changeId === null ? null : proposal.changes.find((c) => c.id === options.changeId);
    if (change === undefined) throw new AppError('NOT_FOUND', { userMessage: 'That change is not part of this proposal.' });
    const comment = await tx.comment.create({
      data: { projectId: options.projectId, authorId: options.userId, targetType: change ? 'proposal-change' : 'proposal', targetId: change ? change.id : proposal.id, body: options.body },
      select: { id: true },
    });
    await recordEvent(tx, {
      projectId: options.projectId,
      actorId: options.userId,
      type: 'comment.created',
      entityType: 'comment',
      entityId: comment.id,
      summary: change ? `Commented on “${change.summary}” in the proposal “${proposal.title || 'Untitled'}”` : `Commented on the proposal “${proposal.title || 'Untitled'}”`,
      after: { proposalId: proposal.id, changeId: change?.id ?? null, body: options.body },
    });
    return comment;
  });
}

/**
 * Turns "hierarchy changes need review" on or off. Owners. Turning it off leaves open
 * proposals as they are (they can still be approved, rejected or withdrawn).
 * @throws AppError NOT_FOUND | FORBIDDEN
 */
export async function setHierarchyReview(options: { userId: string; projectId: string; enabled: boolean }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:update' });
  await inProjectTransaction(options.projectId, async (tx) => {
    await tx.project.update({ where: { id: options.projectId }, data: { hierarchyReview: options.enabled } });
    await recordEvent(tx, {
      projectId: options.projectId,
      actorId: options.userId,
      type: 'project.updated',
      entityType: 'project',
      entityId: options.projectId,
      summary: options.enabled ? 'Turned on review of hierarchy changes' : 'Turned off review of hierarchy changes',
      before: { hierarchyReview: !options.enabled },
      after: { hierarchyReview: options.enabled },
    });
  });
}

/** Whether the project's hierarchy changes need review (for the settings page and banners). */
export async function getHierarchyReview(options: { userId: string; projectId: string }): Promise<boolean> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const project = await db.project.findUnique({ where: { id: options.projectId }, select: { hierarchyReview: true } });
  return project?.hierarchyReview ?? false;
}
