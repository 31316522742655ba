import { describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors/app-error';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { addComment, deleteComment, editComment, getCommentThread, markThreadRead } from './comments';
import { countUnreadComments, listCommentThreads } from './list-threads';

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

async function setup() {
  const owner = await makeUser({ name: 'Olga Owner' });
  const coder = await makeUser({ name: 'Carl Coder' });
  const reviewer = await makeUser({ name: 'Rita Reviewer' });
  const viewer = await makeUser({ name: 'Vic Viewer' });
  const outsider = await makeUser({ name: 'Eve Outsider' });
  const project = await makeProject(owner.id, [
    { userId: coder.id, role: 'coder' },
    { userId: reviewer.id, role: 'reviewer' },
    { userId: viewer.id, role: 'viewer' },
  ]);
  const category = await db.code.create({ data: { projectId: project.id, label: 'B2', name: 'Risk', level: 2, color: '#aa0000' }, select: { id: true } });
  const concept = await db.code.create({ data: { projectId: project.id, label: 'C1', name: 'Delivery', level: 1, parentId: category.id, color: '#00aa00' }, select: { id: true } });
  const core = await db.code.create({ data: { projectId: project.id, label: 'A1', name: 'Loss', level: 3, color: '#0000aa' }, select: { id: true } });
  const relation = await db.codeRelation.create({ data: { projectId: project.id, fromId: category.id, toId: core.id, type: 'causal-condition' }, select: { id: true } });
  return { owner, coder, reviewer, viewer, outsider, project, category, concept, core, relation };
}

describe('comment threads', () => {
  it('stores mentions of members and codes, drops outsiders, and counts unread per follower', async () => {
    const { owner, coder, reviewer, viewer, outsider, project, category, concept, relation } = await setup();
    const onCategory = { type: 'code' as const, id: category.id };
    const body = `@[Carl](user:${coder.id}) see @[C1 Delivery](code:${concept.id}); also @[Eve](user:${outsider.id}) and @[X](code:nope)`;
    const first = await addComment({ userId: owner.id, projectId: project.id, target: onCategory, body });
    expect(first.body).toBe(`@[Carl](user:${coder.id}) see @[C1 Delivery](code:${concept.id}); also @Eve and @X`);
    const stored = await db.comment.findUniqueOrThrow({ where: { id: first.id }, select: { mentions: true } });
    expect(JSON.parse(stored.mentions)).toEqual({ users: [coder.id], codes: [concept.id] });
    const event = await db.projectEvent.findFirstOrThrow({ where: { projectId: project.id, type: 'comment.created' }, select: { entityId: true, actorId: true, summary: true } });
    expect(event).toMatchObject({ entityId: first.id, actorId: owner.id });
    expect(event.summary).toBe('Commented on B2 "Risk": "@Carl see @C1 Delivery; also @Eve and @X"');

    // The coder was mentioned: 1 unread. The reviewer never touched the thread: 0. The author: 0.
    expect(await countUnreadComments({ userId: coder.id, projectId: project.id })).toBe(1);
    expect(await countUnreadComments({ userId: reviewer.id, projectId: project.id })).toBe(0);
    expect(await countUnreadComments({ userId: owner.id, projectId: project.id })).toBe(0);
    const seen = await getCommentThread({ userId: coder.id, projectId: project.id, target: onCategory });
    expect(seen).toMatchObject({ title: 'B2 "Risk"', unread: 1, readAt: null, canWrite: true, isOwner: false });
    await markThreadRead({ userId: coder.id, projectId: project.id, target: onCategory });
    expect(await countUnreadComments({ userId: coder.id, projectId: project.id })).toBe(0);

    // The coder answers; the owner (author of the first comment, so following) gets 1 unread.
    await new Promise((r) => setTimeout(r, 5));
    await addComment({ userId: coder.id, projectId: project.id, target: onCategory, body: 'Agreed.' });
    expect(await countUnreadComments({ userId: owner.id, projectId: project.id })).toBe(1);
    expect(await countUnreadComments({ userId: coder.id, projectId: project.id })).toBe(0);

    // A relation thread, opened by the reviewer.
    const onRelation = { type: 'relation' as const, id: relation.id };
    await addComment({ userId: reviewer.id, projectId: project.id, target: onRelation, body: `Is this causal, @[Olga](user:${owner.id})?` });
    expect((await getCommentThread({ userId: viewer.id, projectId: project.id, target: onRelation })).title).toBe('B2 "Risk" → A1 "Loss" (causal condition of)');
    const list = await listCommentThreads({ userId: owner.id, projectId: project.id });
    expect(list.unreadTotal).toBe(2);
    expect(list.threads.map((t) => [t.target.type, t.count, t.unread, t.mentionsMe])).toEqual([
      ['relation', 1, 1, true],
      ['code', 2, 1, false],
    ]);
    expect(list.threads[1].href).toBe(`/projects/${project.id}/codes/${category.id}#comments`);
    expect(list.mentions.map((m) => [m.excerpt, m.unread])).toEqual([['Is this causal, @Olga?', true]]);
    const coderList = await listCommentThreads({ userId: coder.id, projectId: project.id });
    expect(coderList.mentions.map((m) => [m.title, m.unread])).toEqual([['B2 Risk', false]]);

    // A thread on a deleted target no longer counts.
    await db.codeRelation.delete({ where: { id: relation.id } });
    expect(await countUnreadComments({ userId: owner.id, projectId: project.id })).toBe(1);
  });

  it('lets writers comment, authors edit, authors or owners delete; viewers read only', async () => {
    const { owner, coder, reviewer, viewer, outsider, project, core } = await setup();
    const target = { type: 'code' as const, id: core.id };
    expect(await codeOf(addComment({ userId: viewer.id, projectId: project.id, target, body: 'hi' }))).toBe('FORBIDDEN');
    expect(await codeOf(addComment({ userId: outsider.id, projectId: project.id, target, body: 'hi' }))).toBe('NOT_FOUND');
    expect(await codeOf(addComment({ userId: coder.id, projectId: project.id, target, body: '   ' }))).toBe('INVALID_INPUT');
    expect(await codeOf(addComment({ userId: coder.id, projectId: project.id, target, body: 'x'.repeat(5001) }))).toBe('INVALID_INPUT');
    expect(await codeOf(addComment({ userId: coder.id, projectId: project.id, target: { type: 'code', id: 'missing' }, body: 'hi' }))).toBe('NOT_FOUND');
    const mine = await addComment({ userId: coder.id, projectId: project.id, target, body: 'First' });
    const theirs = await addComment({ userId: reviewer.id, projectId: project.id, target, body: 'Second' });

    expect(await codeOf(editComment({ userId: owner.id, projectId: project.id, commentId: mine.id, body: 'hijack' }))).toBe('FORBIDDEN');
    const edited = await editComment({ userId: coder.id, projectId: project.id, commentId: mine.id, body: 'First, edited' });
    expect(edited.body).toBe('First, edited');
    expect(edited.editedAt).not.toBeNull();
    expect(await codeOf(deleteComment({ userId: coder.id, projectId: project.id, commentId: theirs.id }))).toBe('FORBIDDEN');
    expect(await codeOf(deleteComment({ userId: viewer.id, projectId: project.id, commentId: mine.id }))).toBe('FORBIDDEN');
    await deleteComment({ userId: owner.id, projectId: project.id, commentId: theirs.id });
    await deleteComment({ userId: coder.id, projectId: project.id, commentId: mine.id });
    expect((await getCommentThread({ userId: viewer.id, projectId: project.id, target })).comments).toEqual([]);
    const types = (await db.projectEvent.findMany({ where: { projectId: project.id }, select: { type: true }, orderBy: { seq: 'asc' } })).map((e) => e.type);
    expect(types).toEqual(['comment.created', 'comment.created', 'comment.updated', 'comment.deleted', 'comment.deleted']);

    // Another project's code cannot be a target, even for its own members' ids.
    const other = await makeProject(outsider.id);
    const foreign = await db.code.create({ data: { projectId: other.id, name: 'Foreign', color: '#000000' }, select: { id: true } });
    expect(await codeOf(addComment({ userId: owner.id, projectId: project.id, target: { type: 'code', id: foreign.id }, body: 'x' }))).toBe('NOT_FOUND');
  });
});
