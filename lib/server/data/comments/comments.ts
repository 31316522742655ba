import 'server-only';

import { can, type Role } from '@/lib/auth/roles';
import { relationLabelOf } from '@/lib/coding/relations';
import { AppError } from '@/lib/errors/app-error';
import { threadKey } from '@/lib/team/comment-unread';
import { commentToPlainText, extractMentionIds, scopeCommentMentions } from '@/lib/team/mentions';
import { textProblem } from '@/lib/validation/text';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { inProjectTransaction, recordEvent, type Tx } from '../events/record-event';

/** What a comment thread hangs on: a code of any level (concept … core category) or a relation. */
export const COMMENT_TARGET_TYPES = ['code', 'relation'] as const;
export type CommentTargetType = (typeof COMMENT_TARGET_TYPES)[number];
export interface CommentTarget {
  type: CommentTargetType;
  id: string;
}

/** Longest comment, in characters. */
export const COMMENT_MAX = 5000;

export interface CommentView {
  id: string;
  /** The stored text with mention tokens (lib/team/mentions.ts); render it with parseComment. */
  body: string;
  author: { id: string; name: string } | null;
  createdAt: string;
  editedAt: string | null;
}

export interface CommentThreadView {
  target: CommentTarget;
  /** 'C3 "Trust"', or 'B1 "Risk" → A2 "Loss" (causal condition of)'. */
  title: string;
  comments: CommentView[];
  /** When the member last read the thread (before this visit), or null. */
  readAt: string | null;
  /** Comments by others newer than readAt. */
  unread: number;
  canWrite: boolean;
  isOwner: boolean;
}

/** Who and what a comment can @mention: the project's members and codes. */
export interface Mentionables {
  members: Array<{ id: string; name: string }>;
  codes: Array<{ id: string; label: string; name: string; level: number }>;
}

const codeTitle = (c: { label: string; name: string }) => `${c.label ? `${c.label} ` : ''}"${c.name}"`;

/**
 * The target's title, checking it belongs to the project.
 * @throws AppError NOT_FOUND
 */
export async function describeTarget(projectId: string, target: CommentTarget): Promise<string> {
  if (target.type === 'code') {
    const code = await db.code.findFirst({ where: { id: target.id, projectId }, select: { label: true, name: true } });
    if (!code) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
    return codeTitle(code);
  }
  const relation = await db.codeRelation.findFirst({
    where: { id: target.id, projectId },
    select: { type: true, customType: true, from: { select: { label: true, name: true } }, to: { select: { label: true, name: true } } },
  });
  if (!relation) throw new AppError('NOT_FOUND', { userMessage: 'Relation not found.' });
  return `${codeTitle(relation.from)} → ${codeTitle(relation.to)} (${relationLabelOf(relation)})`;
}

const COMMENT_SELECT = { id: true, body: true, createdAt: true, editedAt: true, author: { select: { id: true, name: true } } } as const;

function toView(row: { id: string; body: string; createdAt: Date; editedAt: Date | null; author: { id: string; name: string } | null }): CommentView {
  return { id: row.id, body: row.body, author: row.author, createdAt: row.createdAt.toISOString(), editedAt: row.editedAt?.toISOString() ?? null };
}

/**
 * A thread, oldest comment first, with the member's read mark and unread count (it does not
 * mark it read: {@link markThreadRead} does, once the member has seen it).
 * @throws AppError NOT_FOUND
 */
export async function getCommentThread(options: { userId: string; projectId: string; target: CommentTarget }): Promise<CommentThreadView> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const title = await describeTarget(options.projectId, options.target);
  const [rows, read] = await Promise.all([
    db.comment.findMany({
      where: { projectId: options.projectId, targetType: options.target.type, targetId: options.target.id },
      select: COMMENT_SELECT,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    db.commentRead.findUnique({
      where: { userId_projectId_thread: { userId: options.userId, projectId: options.projectId, thread: threadKey(options.target.type, options.target.id) } },
      select: { readAt: true },
    }),
  ]);
  const readAt = read?.readAt ?? null;
  return {
    target: options.target,
    title,
    comments: rows.map(toView),
    readAt: readAt?.toISOString() ?? null,
    unread: rows.filter((r) => r.author?.id !== options.userId && (!readAt || r.createdAt > readAt)).length,
    canWrite: can(role, 'memo:write'),
    isOwner: role === 'owner',
  };
}

/**
 * Marks a thread read up to now for the member (any member, viewers included).
 * @throws AppError NOT_FOUND
 */
export async function markThreadRead(options: { userId: string; projectId: string; target: CommentTarget }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  await describeTarget(options.projectId, options.target);
  const thread = threadKey(options.target.type, options.target.id);
  const readAt = new Date();
  await db.commentRead.upsert({
    where: { userId_projectId_thread: { userId: options.userId, projectId: options.projectId, thread } },
    create: { userId: options.userId, projectId: options.projectId, thread, readAt },
    update: { readAt },
  });
}

/** The members and codes a comment in this project may mention. @throws AppError NOT_FOUND */
export async function listMentionables(options: { userId: string; projectId: string }): Promise<Mentionables> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const [members, codes] = await Promise.all([
    db.membership.findMany({ where: { projectId: options.projectId }, select: { user: { select: { id: true, name: true } } } }),
    db.code.findMany({ where: { projectId: options.projectId }, select: { id: true, label: true, name: true, level: true }, orderBy: [{ level: 'desc' }, { label: 'asc' }, { name: 'asc' }] }),
  ]);
  return { members: members.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name)), codes };
}

/**
 * Checks and cleans a comment body: not empty, at most {@link COMMENT_MAX} characters, no text
 * that cannot be stored; mentions of anyone who is not a member or of a code that is not the
 * project's become plain "@label" text.
 * @returns the body to store and the ids it mentions.
 */
async function prepareBody(tx: Pick<Tx, 'membership' | 'code'>, projectId: string, raw: string): Promise<{ body: string; users: string[]; codes: string[] }> {
  const trimmed = raw.replace(/\r\n?/g, '\n').trim();
  if (!trimmed) throw new AppError('INVALID_INPUT', { userMessage: 'Write something first.' });
  if (Array.from(trimmed).length > COMMENT_MAX) throw new AppError('INVALID_INPUT', { userMessage: `A comment can be at most ${COMMENT_MAX.toLocaleString('en-US')} characters.` });
  const problem = textProblem(trimmed);
  if (problem) throw new AppError('INVALID_INPUT', { userMessage: `The comment ${problem}` });
  const wanted = extractMentionIds(trimmed);
  const [members, codes] = await Promise.all([
    wanted.users.length ? tx.membership.findMany({ where: { projectId, userId: { in: wanted.users } }, select: { userId: true } }) : [],
    wanted.codes.length ? tx.code.findMany({ where: { projectId, id: { in: wanted.codes } }, select: { id: true } }) : [],
  ]);
  const okUsers = new Set(members.map((m) => m.userId));
  const okCodes = new Set(codes.map((c) => c.id));
  const body = scopeCommentMentions(trimmed, (m) => (m.kind === 'user' ? okUsers.has(m.id) : okCodes.has(m.id)));
  return { body, users: wanted.users.filter((id) => okUsers.has(id)), codes: wanted.codes.filter((id) => okCodes.has(id)) };
}

function excerpt(body: string, max = 80): string {
  const text = commentToPlainText(body).replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/**
 * Adds a comment to a thread (owners, coders, reviewers: memo:write) and records a
 * comment.created event. The author's own read mark moves to now.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT
 */
export async function addComment(options: { userId: string; projectId: string; target: CommentTarget; body: string }): Promise<CommentView> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'memo:write' });
  const title = await describeTarget(options.projectId, options.target);
  return inProjectTransaction(options.projectId, async (tx) => {
    const { body, users, codes } = await prepareBody(tx, options.projectId, options.body);
    const row = await tx.comment.create({
      data: { projectId: options.projectId, authorId: options.userId, targetType: options.target.type, targetId: options.target.id, body, mentions: JSON.stringify({ users, codes }) },
      select: COMMENT_SELECT,
    });
    const thread = threadKey(options.target.type, options.target.id);
    await tx.commentRead.upsert({
      where: { userId_projectId_thread: { userId: options.userId, projectId: options.projectId, thread } },
      create: { userId: options.userId, projectId: options.projectId, thread, readAt: row.createdAt },
      update: { readAt: row.createdAt },
    });
    await recordEvent(tx, {
      projectId: options.projectId,
      actorId: options.userId,
      type: 'comment.created',
      entityType: 'comment',
      entityId: row.id,
      summary: `Commented on ${title}: "${excerpt(body)}"`,
      after: { targetType: options.target.type, targetId: options.target.id, mentions: { users, codes } },
    });
    return toView(row);
  });
}

async function findOwnComment(options: { userId: string; projectId: string; commentId: string }, role: Role, allowOwner: boolean) {
  const row = await db.comment.findFirst({
    where: { id: options.commentId, projectId: options.projectId },
    select: { id: true, authorId: true, body: true, targetType: true, targetId: true },
  });
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'Comment not found.' });
  if (row.authorId !== options.userId && !(allowOwner && role === 'owner')) {
    throw new AppError('FORBIDDEN', { userMessage: allowOwner ? 'Only its author or a project owner can delete a comment.' : 'Only its author can edit a comment.' });
  }
  return row;
}

/**
 * Edits one's own comment (mentions re-checked), recording comment.updated.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT
 */
export async function editComment(options: { userId: string; projectId: string; commentId: string; body: string }): Promise<CommentView> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'memo:write' });
  const existing = await findOwnComment(options, role, false);
  return inProjectTransaction(options.projectId, async (tx) => {
    const { body, users, codes } = await prepareBody(tx, options.projectId, options.body);
    const row = await tx.comment.update({
      where: { id: existing.id },
      data: { body, mentions: JSON.stringify({ users, codes }), editedAt: new Date() },
      select: COMMENT_SELECT,
    });
    await recordEvent(tx, {
      projectId: options.projectId,
      actorId: options.userId,
      type: 'comment.updated',
      entityType: 'comment',
      entityId: row.id,
      summary: `Edited a comment: "${excerpt(body)}"`,
      before: { body: commentToPlainText(existing.body) },
      after: { body: commentToPlainText(body) },
    });
    return toView(row);
  });
}

/**
 * Deletes a comment: its author, or a project owner. Records comment.deleted.
 * @throws AppError NOT_FOUND | FORBIDDEN
 */
export async function deleteComment(options: { userId: string; projectId: string; commentId: string }): Promise<void> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'memo:write' });
  const existing = await findOwnComment(options, role, true);
  await inProjectTransaction(options.projectId, async (tx) => {
    await tx.comment.delete({ where: { id: existing.id } });
    await recordEvent(tx, {
      projectId: options.projectId,
      actorId: options.userId,
      type: 'comment.deleted',
      entityType: 'comment',
      entityId: existing.id,
      summary: `Deleted a comment: "${excerpt(existing.body)}"`,
      before: { body: commentToPlainText(existing.body) },
    });
  });
}
