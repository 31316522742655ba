import 'server-only';

import { ROLES, type Role } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors/app-error';
import { checkOps } from '@/lib/team/proposal-ops';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { loadSnapshot, parseOp } from './snapshot';

export type ProposalStatus = 'draft' | 'open' | 'approved' | 'rejected' | 'withdrawn';

export interface ProposalListItem {
  id: string;
  title: string;
  status: ProposalStatus;
  author: { id: string; name: string } | null;
  changes: number;
  comments: number;
  /** Draft or open, and the hierarchy changed since its base: must be rebased before approval. */
  stale: boolean;
  createdAt: string;
  decidedAt: string | null;
}

const person = (u: { id: string; name: string; email: string } | null) => (u ? { id: u.id, name: u.name.trim() || u.email } : null);
const asStatus = (s: string): ProposalStatus => (['draft', 'open', 'approved', 'rejected', 'withdrawn'].includes(s) ? (s as ProposalStatus) : 'open');

/**
 * The project's proposals, newest first: submitted and decided ones for every member, drafts
 * only for their author.
 * @throws AppError NOT_FOUND
 */
export async function listProposals(options: { userId: string; projectId: string }): Promise<{ items: ProposalListItem[]; hierarchyReview: boolean; role: Role }> {
  const { role } = await requireProjectPermission({ ...options, permission: 'project:read' });
  const [project, rows] = await Promise.all([
    db.project.findUnique({ where: { id: options.projectId }, select: { hierarchyVersion: true, hierarchyReview: true } }),
    db.proposal.findMany({
      where: { projectId: options.projectId, OR: [{ status: { not: 'draft' } }, { authorId: options.userId }] },
      select: { id: true, title: true, status: true, baseVersion: true, createdAt: true, decidedAt: true, author: { select: { id: true, name: true, email: true } }, changes: { select: { id: true } } },
      orderBy: { createdAt: 'desc' },
      take: 500,
    }),
  ]);
  if (!project) throw new AppError('NOT_FOUND', { userMessage: 'Project not found.' });
  const targets = rows.flatMap((r) => [r.id, ...r.changes.map((c) => c.id)]);
  const comments = await db.comment.findMany({ where: { projectId: options.projectId, targetType: { in: ['proposal', 'proposal-change'] }, targetId: { in: targets } }, select: { targetId: true } });
  const changeOwner = new Map(rows.flatMap((r) => [[r.id, r.id] as const, ...r.changes.map((c) => [c.id, r.id] as const)]));
  const commentCount = new Map<string, number>();
  for (const c of comments) {
    const p = changeOwner.get(c.targetId);
    if (p) commentCount.set(p, (commentCount.get(p) ?? 0) + 1);
  }
  return {
    role,
    hierarchyReview: project.hierarchyReview,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: asStatus(r.status),
      author: person(r.author),
      changes: r.changes.length,
      comments: commentCount.get(r.id) ?? 0,
      stale: (r.status === 'draft' || r.status === 'open') && r.baseVersion !== project.hierarchyVersion,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    })),
  };
}

export interface ProposalComment {
  id: string;
  author: { id: string; name: string } | null;
  body: string;
  createdAt: string;
}

export interface ProposalDetail {
  id: string;
  title: string;
  description: string;
  status: ProposalStatus;
  author: { id: string; name: string } | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  decisionNote: string;
  createdAt: string;
  stale: boolean;
  changes: Array<{ id: string; position: number; summary: string; kind: string; problem: string | null; comments: ProposalComment[] }>;
  comments: ProposalComment[];
  /** What the viewer may do. */
  can: { edit: boolean; decide: boolean; rebase: boolean; comment: boolean };
}

/**
 * One proposal with its changes, each change's comment thread and whether it still applies to
 * the current hierarchy (checked in order, as approval would apply them), and what the viewer
 * may do. A draft is visible to its author only.
 * @throws AppError NOT_FOUND
 */
export async function getProposal(options: { userId: string; projectId: string; proposalId: string }): Promise<ProposalDetail> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const proposal = await db.proposal.findFirst({
    where: { id: options.proposalId, projectId: options.projectId },
    select: {
      id: true,
      title: true,
      description: true,
      status: true,
      baseVersion: true,
      decisionNote: true,
      decidedAt: true,
      createdAt: true,
      author: { select: { id: true, name: true, email: true } },
      decidedBy: { select: { id: true, name: true, email: true } },
      changes: { select: { id: true, position: true, summary: true, op: true }, orderBy: { position: 'asc' } },
    },
  });
  if (!proposal || (proposal.status === 'draft' && proposal.author?.id !== options.userId)) throw new AppError('NOT_FOUND', { userMessage: 'Proposal not found.' });
  const [project, snapshot, comments] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { hierarchyVersion: true } }),
    loadSnapshot(db, options.projectId),
    db.comment.findMany({
      where: { projectId: options.projectId, OR: [{ targetType: 'proposal', targetId: proposal.id }, { targetType: 'proposal-change', targetId: { in: proposal.changes.map((c) => c.id) } }] },
      select: { id: true, targetType: true, targetId: true, body: true, createdAt: true, author: { select: { id: true, name: true, email: true } } },
      orderBy: { createdAt: 'asc' },
    }),
  ]);
  const pending = proposal.status === 'draft' || proposal.status === 'open';
  const ops = proposal.changes.map((c) => parseOp(c.op));
  const problems = pending ? checkOps(snapshot, ops).checks.map((c) => c.problem) : ops.map(() => null);
  const view = (c: (typeof comments)[number]): ProposalComment => ({ id: c.id, author: person(c.author), body: c.body, createdAt: c.createdAt.toISOString() });
  const isAuthor = proposal.author?.id === options.userId;
  const reviewer = role === 'owner' || role === 'reviewer';
  return {
    id: proposal.id,
    title: proposal.title,
    description: proposal.description,
    status: asStatus(proposal.status),
    author: person(proposal.author),
    decidedBy: person(proposal.decidedBy),
    decidedAt: proposal.decidedAt?.toISOString() ?? null,
    decisionNote: proposal.decisionNote,
    createdAt: proposal.createdAt.toISOString(),
    stale: pending && proposal.baseVersion !== project.hierarchyVersion,
    changes: proposal.changes.map((c, i) => ({
      id: c.id,
      position: c.position,
      summary: c.summary,
      kind: ops[i].op,
      problem: problems[i],
      comments: comments.filter((x) => x.targetType === 'proposal-change' && x.targetId === c.id).map(view),
    })),
    comments: comments.filter((x) => x.targetType === 'proposal').map(view),
    can: {
      edit: isAuthor && pending,
      decide: reviewer && proposal.status === 'open',
      rebase: pending && (isAuthor || reviewer),
      comment: ROLES.includes(role) && role !== 'viewer',
    },
  };
}

/** The viewer's draft proposal, if any (the banner on the Theory pages). */
export async function getMyDraft(options: { userId: string; projectId: string }): Promise<{ id: string; changes: number } | null> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const draft = await db.proposal.findFirst({ where: { projectId: options.projectId, authorId: options.userId, status: 'draft' }, select: { id: true, _count: { select: { changes: true } } } });
  return draft ? { id: draft.id, changes: draft._count.changes } : null;
}
