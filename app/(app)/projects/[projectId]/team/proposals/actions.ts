'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';

import { badFormArgs, formAction } from '@/lib/server/actions';
import { requireActionUser } from '@/lib/server/auth/session';
import {
  approveProposal,
  commentOnProposal,
  dropProposalChange,
  rebaseProposal,
  rejectProposal,
  submitProposal,
  withdrawProposal,
} from '@/lib/server/data/proposals/manage-proposal';
import { type FormState, invalid } from '@/lib/validation/form-state';
import { ZText } from '@/lib/validation/text';

// Server actions of the proposal review page (forms). Each validates its input and calls the
// data layer, which checks the user's role and the proposal's state again.

const ZSubmit = z.object({
  title: ZText({ max: 200, required: 'Give the proposal a title.', singleLine: true, label: 'The title' }),
  description: ZText({ max: 5000, label: 'The description' }).default(''),
});
const ZNote = ZText({ max: 2000, label: 'The note' }).default('');
const ZComment = ZText({ max: 5000, required: 'Write a comment first.', label: 'The comment' });

function refresh(projectId: string, proposalId: string) {
  revalidatePath(`/projects/${projectId}/team/proposals`);
  revalidatePath(`/projects/${projectId}/team/proposals/${proposalId}`);
}

/** The author submits (or edits the title and description of) their proposal. Coders. */
export async function submitProposalAction(projectId: string, proposalId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData, [projectId, proposalId]);
  if (bad) return bad;
  const parsed = ZSubmit.safeParse({ title: formData.get('title') ?? '', description: formData.get('description') ?? '' });
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
  return formAction(async () => {
    const user = await requireActionUser();
    await submitProposal({ userId: user.id, projectId, proposalId, ...parsed.data });
    refresh(projectId, proposalId);
    revalidatePath(`/projects/${projectId}/hierarchy`, 'layout');
    return { status: 'success', message: 'Submitted for review. Reviewers and owners can now comment and decide.' };
  });
}

/** Approves (applies every change) or rejects, with a note. Owners and reviewers. */
export async function decideProposalAction(projectId: string, proposalId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData, [projectId, proposalId]);
  if (bad) return bad;
  const decision = formData.get('decision');
  const note = ZNote.safeParse(formData.get('note') ?? '');
  if (!note.success) return invalid({ note: note.error.issues.map((i) => i.message) });
  if (decision !== 'approve' && decision !== 'reject') return { status: 'error', message: 'Choose approve or reject.' };
  return formAction(async () => {
    const user = await requireActionUser();
    if (decision === 'approve') {
      const { applied } = await approveProposal({ userId: user.id, projectId, proposalId, note: note.data });
      refresh(projectId, proposalId);
      revalidatePath(`/projects/${projectId}`, 'layout');
      return { status: 'success', message: `Approved: ${applied} ${applied === 1 ? 'change' : 'changes'} applied to the hierarchy.` };
    }
    await rejectProposal({ userId: user.id, projectId, proposalId, note: note.data });
    refresh(projectId, proposalId);
    return { status: 'success', message: 'Rejected. The hierarchy was not changed.' };
  });
}

/** Rebases on the current hierarchy (or reports the changes that no longer apply). The author, reviewers and owners. */
export async function rebaseProposalAction(projectId: string, proposalId: string, _prev: FormState): Promise<FormState> {
  return formAction(async () => {
    const user = await requireActionUser();
    const result = await rebaseProposal({ userId: user.id, projectId, proposalId });
    refresh(projectId, proposalId);
    if (result.rebased) return { status: 'success', message: 'Rebased on the current hierarchy: every change still applies.' };
    const n = result.problems.length;
    return { status: 'error', message: `${n} ${n === 1 ? 'change no longer applies' : 'changes no longer apply'} to the current hierarchy (marked below). The author can drop ${n === 1 ? 'it' : 'them'}, then rebase.` };
  }, [projectId, proposalId]);
}

/** The author withdraws the proposal. */
export async function withdrawProposalAction(projectId: string, proposalId: string, _prev: FormState): Promise<FormState> {
  return formAction(async () => {
    const user = await requireActionUser();
    await withdrawProposal({ userId: user.id, projectId, proposalId });
    refresh(projectId, proposalId);
    return { status: 'success', message: 'Withdrawn. Your next structural change starts a new proposal.' };
  }, [projectId, proposalId]);
}

/** The author drops one change. */
export async function dropProposalChangeAction(projectId: string, proposalId: string, changeId: string, _prev: FormState): Promise<FormState> {
  return formAction(async () => {
    const user = await requireActionUser();
    await dropProposalChange({ userId: user.id, projectId, proposalId, changeId });
    refresh(projectId, proposalId);
    return { status: 'success', message: 'Change dropped.' };
  }, [projectId, proposalId, changeId]);
}

/** Comments on the proposal (changeId '') or one change. Owners, coders and reviewers. */
export async function commentOnProposalAction(projectId: string, proposalId: string, changeId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData, [projectId, proposalId, ...(changeId ? [changeId] : [])]);
  if (bad) return bad;
  const body = ZComment.safeParse(formData.get('body') ?? '');
  if (!body.success) return invalid({ body: body.error.issues.map((i) => i.message) }, body.error.issues[0]?.message);
  return formAction(async () => {
    const user = await requireActionUser();
    await commentOnProposal({ userId: user.id, projectId, proposalId, changeId: changeId || null, body: body.data });
    refresh(projectId, proposalId);
    return { status: 'success', message: 'Comment added.' };
  });
}
