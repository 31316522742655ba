import { describe, expect, it } from 'vitest';

import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { rejection } from '../../testing/rejection';
import { createCode } from '../code/create-code';
import { deleteCode } from '../code/delete-code';
import { applyCode } from '../coding/apply-code';
import { groupCodes } from '../hierarchy/group-codes';
import { mergeCodes } from '../hierarchy/merge-codes';
import { splitCode } from '../hierarchy/split-code';
import { getProposal, listProposals } from './list-proposals';
import { approveProposal, commentOnProposal, dropProposalChange, rebaseProposal, rejectProposal, setHierarchyReview, submitProposal } from './manage-proposal';
import { newRef, proposeIfReviewed } from './propose';

const TEXT = 'The seller said: we trust the platform, but shipping is slow. Returns are easy, refunds are quick.';

async function setup(review = true) {
  const owner = await makeUser();
  const coder = await makeUser();
  const coder2 = await makeUser();
  const reviewer = await makeUser();
  const project = await makeProject(owner.id, [
    { userId: coder.id, role: 'coder' },
    { userId: coder2.id, role: 'coder' },
    { userId: reviewer.id, role: 'reviewer' },
  ]);
  const projectId = project.id;
  if (review) await setHierarchyReview({ userId: owner.id, projectId, enabled: true });
  // Written directly (not through the import job): these tests are about the hierarchy.
  const source = await db.source.create({ data: { projectId, kind: 'interview', title: 'Interview 1', format: 'text', text: TEXT, length: [...TEXT].length, wordCount: TEXT.split(/\s+/).length }, select: { id: true } });
  const code = (name: string, level: 1 | 2 | 3 | 4 = 1, parentId: string | null = null) => createCode({ userId: owner.id, projectId, input: { name, definition: '', level, parentId } });
  const coding = (codeId: string, start: number, end: number, userId: string) => applyCode({ userId, projectId, sourceId: source.id, input: { codeId, start, end } });
  const version = async () => (await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { hierarchyVersion: true } })).hierarchyVersion;
  const codes = async () => db.code.findMany({ where: { projectId }, select: { id: true, name: true, parentId: true, level: true }, orderBy: { name: 'asc' } });
  return { owner, coder, coder2, reviewer, projectId, code, coding, version, codes };
}

describe('proposals', () => {
  it("collects a coder's changes without touching the hierarchy, and an approval applies them all in one transaction with events", async () => {
    const { owner, coder, reviewer, projectId, code, version, codes } = await setup();
    const a = await code('slow shipping');
    const b = await code('late parcels');
    const main = await code('platform economy', 3);
    const before = await codes();
    const v0 = await version();

    const ref = newRef();
    const first = await proposeIfReviewed({ userId: coder.id, projectId, op: { op: 'group', ref, codeIds: [a.id, b.id], name: 'Delivery problems' } });
    expect(first).toMatchObject({ changes: 1, summary: 'Group C1 “slow shipping”, C2 “late parcels” into a new category “Delivery problems”' });
    expect(first?.message).toContain('Added to your proposal (1 change)');
    const second = await proposeIfReviewed({ userId: coder.id, projectId, op: { op: 'move', codeId: ref, parentId: main.id } });
    expect(second).toMatchObject({ proposalId: first?.proposalId, changes: 2, summary: 'Move new category “Delivery problems” into A1 “platform economy”' });
    // An op that does not apply is refused, not collected.
    expect((await rejection(proposeIfReviewed({ userId: coder.id, projectId, op: { op: 'move', codeId: a.id, parentId: main.id } }))).code).toBe('INVALID_INPUT');
    // Owners are not intercepted.
    expect(await proposeIfReviewed({ userId: owner.id, projectId, op: { op: 'rename', codeId: a.id, name: 'x' } })).toBeNull();

    expect(await codes()).toEqual(before);
    expect(await version()).toBe(v0);
    const proposalId = first!.proposalId;
    // A draft is the author's alone.
    expect((await listProposals({ userId: reviewer.id, projectId })).items).toEqual([]);
    expect((await rejection(approveProposal({ userId: reviewer.id, projectId, proposalId, note: '' }))).code).toBe('CONFLICT');

    await submitProposal({ userId: coder.id, projectId, proposalId, title: 'Delivery', description: 'Shipping concepts belong together.' });
    const detail = await getProposal({ userId: reviewer.id, projectId, proposalId });
    expect(detail).toMatchObject({ status: 'open', stale: false, can: { decide: true, edit: false } });
    await commentOnProposal({ userId: reviewer.id, projectId, proposalId, changeId: detail.changes[0].id, body: 'Good grouping.' });
    await commentOnProposal({ userId: coder.id, projectId, proposalId, changeId: null, body: 'Thanks' });
    const withComments = await getProposal({ userId: coder.id, projectId, proposalId });
    expect(withComments.changes[0].comments.map((c) => c.body)).toEqual(['Good grouping.']);
    expect(withComments.comments.map((c) => c.body)).toEqual(['Thanks']);
    // Coders cannot decide.
    expect((await rejection(approveProposal({ userId: coder.id, projectId, proposalId, note: '' }))).code).toBe('FORBIDDEN');

    expect(await approveProposal({ userId: reviewer.id, projectId, proposalId, note: 'Agreed.' })).toEqual({ applied: 2 });
    const after = await codes();
    const created = after.find((c) => c.name === 'Delivery problems');
    expect(created).toMatchObject({ level: 2, parentId: main.id });
    expect(after.filter((c) => c.parentId === created?.id).map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(await version()).toBe(v0 + 2);
    const events = await db.projectEvent.findMany({ where: { projectId, type: { in: ['hierarchy.grouped', 'hierarchy.moved', 'proposal.approved'] } }, select: { type: true, actorId: true, before: true, after: true }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ['hierarchy.grouped', coder.id],
      ['hierarchy.moved', coder.id],
      ['proposal.approved', reviewer.id],
    ]);
    expect(JSON.parse(events[0].after!).codeIds).toEqual(expect.arrayContaining([a.id, b.id, created!.id]));
    expect(JSON.parse(events[1].before!)).toMatchObject({ parentId: null });
    expect((await getProposal({ userId: coder.id, projectId, proposalId })).status).toBe('approved');
  });

  it('applies nothing when one change fails at approval', async () => {
    const { coder, reviewer, projectId, code, coding, codes } = await setup();
    const a = await code('trust');
    const b = await code('doubt');
    const c1 = await coding(a.id, 17, 38, coder.id);
    const p = await proposeIfReviewed({ userId: coder.id, projectId, op: { op: 'rename', codeId: b.id, name: 'suspicion' } });
    await proposeIfReviewed({ userId: coder.id, projectId, op: { op: 'split', ref: newRef(), codeId: a.id, codingIds: [c1.id], name: 'distrust' } });
    await submitProposal({ userId: coder.id, projectId, proposalId: p!.proposalId, title: 'Split', description: '' });
    // The coding goes away (not a structural change: the base stays current).
    await db.coding.delete({ where: { id: c1.id } });
    const before = await codes();
    const refused = await rejection(approveProposal({ userId: reviewer.id, projectId, proposalId: p!.proposalId, note: '' }));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.userMessage).toMatch(/^Change 2 \(Split 1 coding off C1 “trust” into a new code “distrust”\) could not be applied: .* Nothing was applied\.$/);
    expect(await codes()).toEqual(before);
    expect((await getProposal({ userId: reviewer.id, projectId, proposalId: p!.proposalId })).status).toBe('open');
  });

  it('flags a stale base, refuses approval until rebased, and reports changes whose code was deleted', async () => {
    const { owner, coder, reviewer, projectId, code, codes } = await setup();
    const a = await code('trust');
    const b = await code('doubt');
    const cat = await code('market trust', 2);
    const p = await proposeIfReviewed({ userId: coder.id, projectId, op: { op: 'move', codeId: a.id, parentId: cat.id } });
    await proposeIfReviewed({ userId: coder.id, projectId, op: { op: 'move', codeId: b.id, parentId: cat.id } });
    const proposalId = p!.proposalId;
    await submitProposal({ userId: coder.id, projectId, proposalId, title: 'Trust', description: '' });

    // Meanwhile the owner groups (structural) and deletes b.
    await groupCodes({ userId: owner.id, projectId, codeIds: [a.id], name: 'belief' });
    await deleteCode({ userId: owner.id, projectId, codeId: b.id });
    expect((await listProposals({ userId: reviewer.id, projectId })).items[0]).toMatchObject({ id: proposalId, stale: true });
    const refused = await rejection(approveProposal({ userId: reviewer.id, projectId, proposalId, note: '' }));
    expect(refused).toMatchObject({ code: 'CONFLICT', userMessage: expect.stringContaining('The hierarchy changed since this proposal was made') });
    const detail = await getProposal({ userId: coder.id, projectId, proposalId });
    expect(detail.changes.map((c) => c.problem)).toEqual([null, 'A code it names has been deleted.']);

    const rebase = await rebaseProposal({ userId: coder.id, projectId, proposalId });
    expect(rebase).toEqual({ rebased: false, problems: [{ changeId: detail.changes[1].id, summary: 'Move C2 “doubt” into B1 “market trust”', problem: 'A code it names has been deleted.' }] });
    await dropProposalChange({ userId: coder.id, projectId, proposalId, changeId: detail.changes[1].id });
    expect(await rebaseProposal({ userId: reviewer.id, projectId, proposalId })).toEqual({ rebased: true, problems: [] });
    expect((await getProposal({ userId: reviewer.id, projectId, proposalId })).stale).toBe(false);
    await approveProposal({ userId: reviewer.id, projectId, proposalId, note: '' });
    expect((await codes()).find((c) => c.id === a.id)?.parentId).toBe(cat.id);
  });

  it('rejects with a note and applies nothing', async () => {
    const { coder, reviewer, projectId, code, codes } = await setup();
    const a = await code('trust');
    const p = await proposeIfReviewed({ userId: coder.id, projectId, op: { op: 'delete', codeId: a.id } });
    await submitProposal({ userId: coder.id, projectId, proposalId: p!.proposalId, title: 'Drop trust', description: '' });
    await rejectProposal({ userId: reviewer.id, projectId, proposalId: p!.proposalId, note: 'Trust is central.' });
    expect((await codes()).map((c) => c.id)).toEqual([a.id]);
    expect(await getProposal({ userId: coder.id, projectId, proposalId: p!.proposalId })).toMatchObject({ status: 'rejected', decisionNote: 'Trust is central.' });
  });
});

describe("moving others' codings (issue 14 item 19)", () => {
  it("refuses a coder's split or merge that moves someone else's codings, naming how many by whom; owners may", async () => {
    const { owner, coder, coder2, projectId, code, coding, codes } = await setup(false);
    await db.user.update({ where: { id: coder2.id }, data: { name: 'Ana Alvarez' } });
    const from = await code('confidence');
    const into = await code('trust');
    const mine = await coding(from.id, 17, 38, coder.id);
    const hers1 = await coding(from.id, 44, 60, coder2.id);
    await coding(from.id, 62, 79, coder2.id);
    const before = await codes();

    const merge = await rejection(mergeCodes({ userId: coder.id, projectId, fromId: from.id, intoId: into.id }));
    expect(merge.code).toBe('FORBIDDEN');
    expect(merge.userMessage).toContain('Merging C1 “confidence” into C2 “trust” would move 2 codings by Ana Alvarez.');
    const split = await rejection(splitCode({ userId: coder.id, projectId, codeId: from.id, codingIds: [mine.id, hers1.id], name: 'assurance' }));
    expect(split.userMessage).toContain('would move 1 coding by Ana Alvarez.');
    expect(await codes()).toEqual(before);

    // Their own codings only: allowed.
    expect((await splitCode({ userId: coder.id, projectId, codeId: from.id, codingIds: [mine.id], name: 'assurance' })).codingsMoved).toBe(1);
    // Owners may move anyone's.
    expect((await mergeCodes({ userId: owner.id, projectId, fromId: from.id, intoId: into.id })).codingsMoved).toBe(2);
  });

  it('with review on, the same merge becomes a proposal that a reviewer approves', async () => {
    const { coder, coder2, reviewer, projectId, code, coding } = await setup(true);
    const from = await code('confidence');
    const into = await code('trust');
    await coding(from.id, 44, 60, coder2.id);
    const p = await proposeIfReviewed({ userId: coder.id, projectId, op: { op: 'merge', fromId: from.id, intoId: into.id } });
    await submitProposal({ userId: coder.id, projectId, proposalId: p!.proposalId, title: 'Merge', description: '' });
    await approveProposal({ userId: reviewer.id, projectId, proposalId: p!.proposalId, note: '' });
    expect(await db.coding.count({ where: { codeId: into.id, coderId: coder2.id } })).toBe(1);
    expect(await db.code.count({ where: { id: from.id } })).toBe(0);
  });
});
