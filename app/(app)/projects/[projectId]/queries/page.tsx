import type { Metadata } from 'next';

import { QueriesView } from '@/components/queries/queries-view';
import { QUERY_TABS, type QueryTab } from '@/components/queries/query-urls';
import { queryOptions } from '@/lib/server/data/queries/queries';
import { loadProjectPage } from '@/lib/server/pages';

export const metadata: Metadata = { title: 'Queries' };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ tab?: string }> };

/**
 * Queries over the coding: code × source and code × case matrices, code co-occurrence (by
 * overlapping spans, paragraph or speaker turn), and boolean coded retrieval; heatmaps with
 * drill-down to the segments, CSV/XLSX export. Members (viewers too: nothing here writes).
 */
export default async function QueriesPage(props: Props) {
  const { user, project } = await loadProjectPage((await props.params).projectId);
  const { tab } = await props.searchParams;
  const current: QueryTab = QUERY_TABS.find((t) => t.tab === tab)?.tab ?? 'source';
  const options = await queryOptions({ userId: user.id, projectId: project.id });
  return (
    <>
      <h1>Queries</h1>
      <p className="muted">Where codes occur, which codes occur together, and the segments behind every number.</p>
      <QueriesView projectId={project.id} tab={current} options={options} />
    </>
  );
}
