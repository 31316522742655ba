import type { Metadata } from 'next';

import { HierarchyIcicle } from '@/components/hierarchy/hierarchy-icicle';
import { buildHierarchyTree } from '@/lib/coding/hierarchy';
import { loadHierarchyPage } from '@/lib/server/hierarchy-page';

export const metadata: Metadata = { title: 'Hierarchy tree' };

/** The hierarchy as an icicle sized by coded segments; a click opens a code's segments. */
export default async function HierarchyTreePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, hierarchy } = await loadHierarchyPage(projectId);
  const tree = buildHierarchyTree(hierarchy.codes, hierarchy.codings, project.name);
  return (
    <>
      <p className="muted">
        From the project (left) through core categories, main categories and categories to concepts (right). Widths follow coded segments; click a code to read
        its segments.
      </p>
      <HierarchyIcicle tree={tree} projectId={projectId} />
    </>
  );
}
