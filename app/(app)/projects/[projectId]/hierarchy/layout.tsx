import { HierarchyTabs } from '@/components/hierarchy/hierarchy-tabs';
import { LiveRefresh } from '@/components/team/live-refresh';
import { ProposalDraftBanner } from '@/components/team/proposal-draft-banner';
import { loadHierarchyPage } from '@/lib/server/hierarchy-page';

/** Axial and selective coding: the hierarchy's summary line and its views. */
export default async function HierarchyLayout({ children, params }: { children: React.ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { summary } = await loadHierarchyPage(projectId);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Theory</h1>
          <p className="muted" data-testid="hierarchy-summary">
            {summary.line}
          </p>
        </div>
      </div>
      <HierarchyTabs projectId={projectId} />
      <ProposalDraftBanner projectId={projectId} />
      <LiveRefresh />
      {children}
    </>
  );
}
