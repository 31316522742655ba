import type { Metadata } from 'next';

import { HierarchyTableView } from '@/components/hierarchy/hierarchy-table-view';
import { HierarchyTableExports } from '@/components/mixed/links-table-export';
import { hierarchyTableFromRollUps } from '@/lib/coding/hierarchy';
import { linkBadges } from '@/lib/server/data/mixed/joint-display';
import { loadHierarchyPage } from '@/lib/server/hierarchy-page';

export const metadata: Metadata = { title: 'Hierarchy table' };

/** The hierarchy table in the published layout, with DOCX / XLSX / CSV exports. */
export default async function HierarchyTablePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, hierarchy } = await loadHierarchyPage(projectId);
  const table = hierarchyTableFromRollUps(hierarchy.codes, hierarchy.rollUps);
  const links = await linkBadges({ userId: user.id, projectId });
  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center', marginBottom: '1rem' }}>
        <p className="muted" style={{ margin: 0 }}>
          Core category | Main category | Category | Concepts — the layout grounded-theory studies publish.
        </p>
        <HierarchyTableExports projectId={projectId} hasLinks={Object.keys(links).length > 0} />
      </div>
      {table.rows.length === 0 ? <div className="card empty">No codes yet: code some text first.</div> : <HierarchyTableView table={table} projectId={projectId} links={links} />}
    </>
  );
}
