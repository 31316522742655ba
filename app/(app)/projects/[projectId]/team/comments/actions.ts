'use server';

import { z } from 'zod';

import { jsonAction, ZActionId } from '@/lib/server/actions';
import { addComment, COMMENT_MAX, type CommentThreadView, type CommentView, deleteComment, editComment, getCommentThread, listMentionables, markThreadRead, type Mentionables } from '@/lib/server/data/comments/comments';

const ZTarget = z.object({ type: z.enum(['code', 'relation']), id: ZActionId });
// The data layer counts characters (code points) and trims; this only bounds the request.
const ZBody = z.string().max(COMMENT_MAX * 2, `A comment can be at most ${COMMENT_MAX.toLocaleString('en-US')} characters.`);

/** A thread with what its composer can mention (for threads opened on demand, e.g. a relation's). */
export async function loadThreadAction(projectId: string, input: unknown) {
  return jsonAction(z.object({ target: ZTarget }), input, async (user, { target }): Promise<{ thread: CommentThreadView; mentionables: Mentionables; userId: string }> => {
    const [thread, mentionables] = await Promise.all([getCommentThread({ userId: user.id, projectId, target }), listMentionables({ userId: user.id, projectId })]);
    return { thread, mentionables, userId: user.id };
  }, [projectId]);
}

export async function addCommentAction(projectId: string, input: unknown) {
  return jsonAction(z.object({ target: ZTarget, body: ZBody }), input, (user, { target, body }): Promise<CommentView> => addComment({ userId: user.id, projectId, target, body }), [projectId]);
}

export async function editCommentAction(projectId: string, input: unknown) {
  return jsonAction(z.object({ commentId: ZActionId, body: ZBody }), input, (user, { commentId, body }): Promise<CommentView> => editComment({ userId: user.id, projectId, commentId, body }), [projectId]);
}

export async function deleteCommentAction(projectId: string, input: unknown) {
  return jsonAction(z.object({ commentId: ZActionId }), input, async (user, { commentId }) => {
    await deleteComment({ userId: user.id, projectId, commentId });
    return { commentId };
  }, [projectId]);
}

/** Marks a thread read (the client calls it once the thread is on screen, then refreshes the unread badge). */
export async function markThreadReadAction(projectId: string, input: unknown) {
  return jsonAction(z.object({ target: ZTarget }), input, async (user, { target }) => {
    await markThreadRead({ userId: user.id, projectId, target });
    return { read: true };
  }, [projectId]);
}
