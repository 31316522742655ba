/**
 * Unread comments. A member follows a thread once they have opened it (a read mark), commented
 * in it, or been @mentioned in it; in a followed thread, every comment by someone else newer
 * than their read mark (all of them, without a mark) is unread. Threads they never touched do
 * not count: a busy codebook must not bury the threads that concern them.
 */

/** What the rule needs of a comment. */
export interface UnreadComment {
  thread: string;
  authorId: string | null;
  createdAt: Date;
  mentionedUserIds: readonly string[];
}

/** The thread key of a comment target: "<targetType>:<targetId>" (CommentRead.thread). */
export function threadKey(targetType: string, targetId: string): string {
  return `${targetType}:${targetId}`;
}

/** Splits a thread key back into its target (null when it is not one). */
export function parseThreadKey(thread: string): { targetType: string; targetId: string } | null {
  const at = thread.indexOf(':');
  if (at <= 0 || at === thread.length - 1) return null;
  return { targetType: thread.slice(0, at), targetId: thread.slice(at + 1) };
}

/**
 * Unread counts per followed thread for member `userId` (threads with nothing unread are left out).
 * @param comments - the project's comments (any order).
 * @param reads - the member's read marks by thread key.
 */
export function unreadByThread(comments: readonly UnreadComment[], reads: ReadonlyMap<string, Date>, userId: string): Map<string, number> {
  const followed = new Set(reads.keys());
  for (const c of comments) if (c.authorId === userId || c.mentionedUserIds.includes(userId)) followed.add(c.thread);
  const counts = new Map<string, number>();
  for (const c of comments) {
    if (c.authorId === userId || !followed.has(c.thread)) continue;
    const readAt = reads.get(c.thread);
    if (readAt && c.createdAt <= readAt) continue;
    counts.set(c.thread, (counts.get(c.thread) ?? 0) + 1);
  }
  return counts;
}
