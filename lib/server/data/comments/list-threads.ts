import 'server-only';

import { relationLabelOf } from '@/lib/coding/relations';
import { parseThreadKey, threadKey, unreadByThread, type UnreadComment } from '@/lib/team/comment-unread';
import { commentToPlainText } from '@/lib/team/mentions';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { COMMENT_TARGET_TYPES, type CommentTarget, type CommentTargetType } from './comments';

function mentionedUsers(json: string): string[] {
  try {
    const parsed = JSON.parse(json) as { users?: unknown };
    return Array.isArray(parsed.users) ? parsed.users.filter((u): u is string => typeof u === 'string') : [];
  } catch {
    return [];
  }
}

const isTargetType = (t: string): t is CommentTargetType => (COMMENT_TARGET_TYPES as readonly string[]).includes(t);

/**
 * The member's unread comments per thread (lib/team/comment-unread.ts: threads they opened,
 * commented in or were @mentioned in; comments by others after their read mark). Reads the
 * project's comments once (only the four fields the rule needs).
 */
async function unreadMap(userId: string, projectId: string) {
  const [comments, reads] = await Promise.all([
    db.comment.findMany({ where: { projectId, targetType: { in: [...COMMENT_TARGET_TYPES] } }, select: { targetType: true, targetId: true, authorId: true, createdAt: true, mentions: true } }),
    db.commentRead.findMany({ where: { projectId, userId }, select: { thread: true, readAt: true } }),
  ]);
  const rows: UnreadComment[] = comments.map((c) => ({
    thread: threadKey(c.targetType, c.targetId),
    authorId: c.authorId,
    createdAt: c.createdAt,
    mentionedUserIds: c.authorId === userId ? [] : mentionedUsers(c.mentions),
  }));
  const counts = unreadByThread(rows, new Map(reads.map((r) => [r.thread, r.readAt])), userId);
  // Threads whose code or relation was deleted since cannot be opened: they never count.
  const live = await titles(projectId, [...counts.keys()].flatMap((k) => parseThreadKey(k) ?? []));
  for (const key of counts.keys()) if (!live.has(key)) counts.delete(key);
  return counts;
}

/**
 * How many comments the member has not read (the Team item's badge). See {@link unreadMap}.
 * @throws AppError NOT_FOUND
 */
export async function countUnreadComments(options: { userId: string; projectId: string }): Promise<number> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  let total = 0;
  for (const n of (await unreadMap(options.userId, options.projectId)).values()) total += n;
  return total;
}

export interface ThreadSummary {
  target: CommentTarget;
  title: string;
  /** The code page (codes) or the network view (relations). */
  href: string;
  count: number;
  unread: number;
  mentionsMe: boolean;
  last: { author: string; excerpt: string; createdAt: string };
}

export interface MentionOfMe {
  commentId: string;
  target: CommentTarget;
  title: string;
  href: string;
  author: string;
  excerpt: string;
  createdAt: string;
  unread: boolean;
}

async function titles(projectId: string, targets: Array<{ targetType: string; targetId: string }>) {
  const codeIds = [...new Set(targets.filter((t) => t.targetType === 'code').map((t) => t.targetId))];
  const relationIds = [...new Set(targets.filter((t) => t.targetType === 'relation').map((t) => t.targetId))];
  const [codes, relations] = await Promise.all([
    db.code.findMany({ where: { projectId, id: { in: codeIds } }, select: { id: true, label: true, name: true } }),
    db.codeRelation.findMany({
      where: { projectId, id: { in: relationIds } },
      select: { id: true, type: true, customType: true, from: { select: { label: true, name: true } }, to: { select: { label: true, name: true } } },
    }),
  ]);
  const title = (c: { label: string; name: string }) => `${c.label ? `${c.label} ` : ''}${c.name}`;
  const map = new Map<string, string>();
  for (const c of codes) map.set(threadKey('code', c.id), title(c));
  for (const r of relations) map.set(threadKey('relation', r.id), `${title(r.from)} → ${title(r.to)} (${relationLabelOf(r)})`);
  return map;
}

function hrefOf(projectId: string, target: CommentTarget): string {
  return target.type === 'code' ? `/projects/${projectId}/codes/${target.id}#comments` : `/projects/${projectId}/hierarchy/network#relation-${target.id}`;
}

function excerpt(body: string, max = 140): string {
  const text = commentToPlainText(body).replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/**
 * Every comment thread of the project (on codes and relations that still exist): threads with
 * unread comments first, then by latest comment. Also the comments that @mention the member,
 * newest first.
 * @throws AppError NOT_FOUND
 */
export async function listCommentThreads(options: { userId: string; projectId: string }): Promise<{ threads: ThreadSummary[]; mentions: MentionOfMe[]; unreadTotal: number }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const { userId, projectId } = options;
  const [rows, unread, reads] = await Promise.all([
    db.comment.findMany({
      where: { projectId, targetType: { in: [...COMMENT_TARGET_TYPES] } },
      select: { id: true, targetType: true, targetId: true, body: true, authorId: true, mentions: true, createdAt: true, author: { select: { name: true } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    unreadMap(userId, projectId),
    db.commentRead.findMany({ where: { projectId, userId }, select: { thread: true, readAt: true } }),
  ]);
  const names = await titles(projectId, rows);
  const readAt = new Map(reads.map((r) => [r.thread, r.readAt]));
  const byThread = new Map<string, ThreadSummary>();
  const mentions: MentionOfMe[] = [];
  for (const c of rows) {
    const key = threadKey(c.targetType, c.targetId);
    const title = names.get(key);
    const parsed = parseThreadKey(key);
    if (!title || !parsed || !isTargetType(parsed.targetType)) continue; // target deleted since
    const target: CommentTarget = { type: parsed.targetType, id: parsed.targetId };
    const mentionsMe = c.authorId !== userId && mentionedUsers(c.mentions).includes(userId);
    const author = c.author?.name ?? 'Former member';
    const last = { author, excerpt: excerpt(c.body), createdAt: c.createdAt.toISOString() };
    const thread = byThread.get(key);
    if (thread) {
      thread.count += 1;
      thread.last = last;
      thread.mentionsMe ||= mentionsMe;
    } else {
      byThread.set(key, { target, title, href: hrefOf(projectId, target), count: 1, unread: unread.get(key) ?? 0, mentionsMe, last });
    }
    if (mentionsMe) {
      const mark = readAt.get(key);
      mentions.push({ commentId: c.id, target, title, href: hrefOf(projectId, target), author, excerpt: excerpt(c.body, 300), createdAt: last.createdAt, unread: !mark || c.createdAt > mark });
    }
  }
  const threads = [...byThread.values()].sort((a, b) => Number(b.unread > 0) - Number(a.unread > 0) || b.last.createdAt.localeCompare(a.last.createdAt));
  let unreadTotal = 0;
  for (const t of threads) unreadTotal += t.unread;
  return { threads, mentions: mentions.reverse(), unreadTotal };
}
