import type { Metadata } from 'next';
import Link from 'next/link';

import { TeamTabs } from '@/components/team/team-tabs';
import { listProposals, type ProposalListItem } from '@/lib/server/data/proposals/list-proposals';
import { loadProjectPage } from '@/lib/server/pages';

export const metadata: Metadata = { title: 'Reviews' };

const STATUS_LABEL: Record<ProposalListItem['status'], string> = { draft: 'Draft', open: 'Awaiting review', approved: 'Approved', rejected: 'Rejected', withdrawn: 'Withdrawn' };
const date = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function ProposalTable({ projectId, items, label }: { projectId: string; items: ProposalListItem[]; label: string }) {
  return (
    <table className="table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Proposal</th>
          <th scope="col">Author</th>
          <th scope="col">Changes</th>
          <th scope="col">Comments</th>
          <th scope="col">Status</th>
          <th scope="col">Date</th>
        </tr>
      </thead>
      <tbody>
        {items.map((p) => (
          <tr key={p.id}>
            <td>
              <Link href={`/projects/${projectId}/team/proposals/${p.id}`}>{p.title || (p.status === 'draft' ? 'Your draft (not submitted yet)' : 'Untitled')}</Link>
            </td>
            <td>{p.author?.name ?? 'A former member'}</td>
            <td>{p.changes}</td>
            <td>{p.comments}</td>
            <td>
              <span className="badge">{STATUS_LABEL[p.status]}</span>{' '}
              {p.stale ? (
                <span className="badge badge-reviewer" title="The hierarchy changed since this proposal was made; it must be rebased before approval.">
                  Needs rebase
                </span>
              ) : null}
            </td>
            <td>{date(p.decidedAt ?? p.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function ProposalsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { user, project } = await loadProjectPage((await params).projectId);
  const { items, hierarchyReview, role } = await listProposals({ userId: user.id, projectId: project.id });
  const pending = items.filter((p) => p.status === 'draft' || p.status === 'open');
  const decided = items.filter((p) => p.status !== 'draft' && p.status !== 'open');
  return (
    <>
      <h1>Team</h1>
      <TeamTabs projectId={project.id} />
      <p className="muted">
        {hierarchyReview
          ? 'Hierarchy changes need review in this project: a coder’s structural changes are collected in a proposal, which reviewers and owners comment on and approve or reject.'
          : `Review of hierarchy changes is off: coders change the hierarchy directly.${role === 'owner' ? ' Turn it on in Settings.' : ''}`}
      </p>
      <section className="card">
        <h2>Open</h2>
        {pending.length === 0 ? <p className="muted">No proposals waiting for review.</p> : <ProposalTable projectId={project.id} items={pending} label="Open proposals" />}
      </section>
      <section className="card">
        <h2>Decided</h2>
        {decided.length === 0 ? <p className="muted">No decided proposals yet.</p> : <ProposalTable projectId={project.id} items={decided} label="Decided proposals" />}
      </section>
    </>
  );
}
