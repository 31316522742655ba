import Link from 'next/link';

import { getMyDraft } from '@/lib/server/data/proposals/list-proposals';
import { loadProjectPage } from '@/lib/server/pages';

/**
 * On the Theory pages, for a coder who has a draft proposal: their structural changes are
 * waiting in it, not in the hierarchy shown, until they submit it and it is approved.
 */
export async function ProposalDraftBanner({ projectId }: { projectId: string }) {
  const { user } = await loadProjectPage(projectId);
  const draft = await getMyDraft({ userId: user.id, projectId });
  if (!draft) return null;
  return (
    <div className="message message-success" role="status" data-testid="proposal-draft-banner" style={{ marginBottom: '1rem' }}>
      You have a draft proposal with {draft.changes} {draft.changes === 1 ? 'change' : 'changes'}. Hierarchy changes need review in this project, so the views below do not show{' '}
      {draft.changes === 1 ? 'it' : 'them'} yet. <Link href={`/projects/${projectId}/team/proposals/${draft.id}`}>Review and submit your proposal</Link>.
    </div>
  );
}
