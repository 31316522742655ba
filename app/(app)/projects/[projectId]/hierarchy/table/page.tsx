import type { Metadata } from 'next';

import { HierarchyTableView } from '@/components/hierarchy/hierarchy-table-view';
import { hierarchyTableFromRollUps } from '@/lib/coding/hierarchy';
import { loadHierarchyPage } from '@/lib/server/hierarchy-page';

export const metadata: Metadata = { title: 'Hierarchy table' };

/** The hierarchy table in the published layout, with DOCX / XLSX / CSV exports. */
export default async function HierarchyTablePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { hierarchy } = await loadHierarchyPage(projectId);
  const table = hierarchyTableFromRollUps(hierarchy.codes, hierarchy.rollUps);
  const href = (format: string) => `/api/projects/${projectId}/exports/hierarchy?format=${format}`;
  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center', marginBottom: '1rem' }}>
        <p className="muted" style={{ margin: 0 }}>
          Core category | Main category | Category | Concepts — the layout grounded-theory studies publish.
        </p>
        <div className="row">
          <a className="btn btn-secondary btn-sm" href={href('docx')} download>
            Export Word (DOCX)
          </a>
          <a className="btn btn-secondary btn-sm" href={href('xlsx')} download>
            Export XLSX
          </a>
          <a className="btn btn-secondary btn-sm" href={href('csv')} download>
            Export CSV
          </a>
        </div>
      </div>
      {table.rows.length === 0 ? <div className="card empty">No codes yet: code some text first.</div> : <HierarchyTableView table={table} projectId={projectId} />}
    </>
  );
}
