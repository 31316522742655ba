import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { ProposalButton, ProposalCommentForm, ProposalDecisionForm, ProposalSubmitForm } from '@/components/team/proposal-review';
import { TeamTabs } from '@/components/team/team-tabs';
import { isAppError } from '@/lib/errors/app-error';
import { getProposal, type ProposalComment, type ProposalDetail } from '@/lib/server/data/proposals/list-proposals';
import { STALE_MESSAGE } from '@/lib/server/data/proposals/manage-proposal';
import { loadProjectPage } from '@/lib/server/pages';

import { commentOnProposalAction, decideProposalAction, dropProposalChangeAction, rebaseProposalAction, submitProposalAction, withdrawProposalAction } from '../actions';

export const metadata: Metadata = { title: 'Proposal' };

const STATUS_TEXT: Record<ProposalDetail['status'], string> = {
  draft: 'Draft — only you can see it. Submit it for review when it is complete.',
  open: 'Awaiting review.',
  approved: 'Approved — its changes were applied to the hierarchy.',
  rejected: 'Rejected — the hierarchy was not changed.',
  withdrawn: 'Withdrawn by its author.',
};
const date = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function Comments({ comments }: { comments: ProposalComment[] }) {
  if (comments.length === 0) return null;
  return (
    <ul className="stack" style={{ listStyle: 'none', padding: 0 }} aria-label="Comments">
      {comments.map((c) => (
        <li key={c.id}>
          <strong>{c.author?.name ?? 'A former member'}</strong> <span className="muted">{date(c.createdAt)}</span>
          <p style={{ whiteSpace: 'pre-wrap', margin: '0.2rem 0 0' }}>{c.body}</p>
        </li>
      ))}
    </ul>
  );
}

export default async function ProposalPage({ params }: { params: Promise<{ projectId: string; proposalId: string }> }) {
  const { projectId, proposalId } = await params;
  const { user, project } = await loadProjectPage(projectId);
  let proposal: ProposalDetail;
  try {
    proposal = await getProposal({ userId: user.id, projectId: project.id, proposalId });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const blocked = proposal.changes.some((c) => c.problem !== null);
  const bind = <A extends unknown[], R>(fn: (projectId: string, proposalId: string, ...rest: A) => R) => fn.bind(null, project.id, proposal.id);
  return (
    <>
      <h1>Team</h1>
      <TeamTabs projectId={project.id} />
      <p>
        <Link href={`/projects/${project.id}/team/proposals`}>← All proposals</Link>
      </p>
      <section className="card" aria-labelledby="proposal-heading">
        <h2 id="proposal-heading">{proposal.title || (proposal.status === 'draft' ? 'Your draft proposal' : 'Untitled proposal')}</h2>
        <p className="muted">
          By {proposal.author?.name ?? 'a former member'}, started {date(proposal.createdAt)}. {proposal.changes.length} {proposal.changes.length === 1 ? 'change' : 'changes'}.
        </p>
        <p data-testid="proposal-status">
          <strong>{STATUS_TEXT[proposal.status]}</strong>
          {proposal.decidedBy && proposal.decidedAt ? ` ${proposal.status === 'withdrawn' ? '' : `By ${proposal.decidedBy.name}, ${date(proposal.decidedAt)}.`}` : ''}
        </p>
        {proposal.decisionNote ? <p style={{ whiteSpace: 'pre-wrap' }}>Note: {proposal.decisionNote}</p> : null}
        {proposal.stale ? (
          <div className="message message-error" role="status" data-testid="proposal-stale" style={{ margin: '0.75rem 0' }}>
            {STALE_MESSAGE}
          </div>
        ) : null}
        {proposal.description ? <p style={{ whiteSpace: 'pre-wrap' }}>{proposal.description}</p> : null}
        {proposal.can.edit ? (
          <ProposalSubmitForm action={bind(submitProposalAction)} title={proposal.title} description={proposal.description} submitted={proposal.status === 'open'} />
        ) : null}
        <div className="row">
          {proposal.can.rebase && proposal.stale ? <ProposalButton action={bind(rebaseProposalAction)} label="Rebase on the current hierarchy" /> : null}
          {proposal.can.edit ? <ProposalButton action={bind(withdrawProposalAction)} label="Withdraw" secondary confirm="Withdraw this proposal? Its changes will not be applied." /> : null}
        </div>
      </section>

      <section className="card" aria-labelledby="changes-heading">
        <h2 id="changes-heading">Changes</h2>
        {proposal.changes.length === 0 ? <p className="muted">No changes left. Make a structural change in the Theory views to add one.</p> : null}
        <ol className="stack">
          {proposal.changes.map((change, i) => (
            <li key={change.id} data-testid="proposal-change">
              <p style={{ margin: 0 }}>
                <strong>{change.summary}</strong>
              </p>
              {change.problem ? (
                <p className="message-error-text" style={{ margin: '0.2rem 0' }}>
                  No longer applies: {change.problem}
                </p>
              ) : null}
              <Comments comments={change.comments} />
              {proposal.can.comment && (proposal.status === 'open' || proposal.status === 'draft') ? (
                <ProposalCommentForm action={commentOnProposalAction.bind(null, project.id, proposal.id, change.id)} label={`Comment on change ${i + 1}`} id={`comment-${change.id}`} />
              ) : null}
              {proposal.can.edit ? <ProposalButton action={dropProposalChangeAction.bind(null, project.id, proposal.id, change.id)} label="Drop this change" secondary /> : null}
            </li>
          ))}
        </ol>
      </section>

      <section className="card" aria-labelledby="discussion-heading">
        <h2 id="discussion-heading">Discussion</h2>
        <Comments comments={proposal.comments} />
        {proposal.comments.length === 0 ? <p className="muted">No comments on the proposal as a whole yet.</p> : null}
        {proposal.can.comment && proposal.status !== 'draft' ? (
          <ProposalCommentForm action={commentOnProposalAction.bind(null, project.id, proposal.id, '')} label="Comment on the whole proposal" id="comment-proposal" />
        ) : null}
      </section>

      {proposal.can.decide ? (
        <section className="card" aria-labelledby="decide-heading">
          <h2 id="decide-heading">Decision</h2>
          <p className="muted">Approving applies every change above, in order, in one step; if any change cannot be applied, none is.</p>
          <ProposalDecisionForm action={bind(decideProposalAction)} stale={proposal.stale} blocked={blocked} />
        </section>
      ) : null}
    </>
  );
}
