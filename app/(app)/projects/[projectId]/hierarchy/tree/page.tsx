import type { Metadata } from 'next';

import { HierarchyIcicle } from '@/components/hierarchy/hierarchy-icicle';
import { hierarchyTreeFromRollUps } from '@/lib/coding/hierarchy';
import { linkBadges } from '@/lib/server/data/mixed/joint-display';
import { loadHierarchyPage } from '@/lib/server/hierarchy-page';

export const metadata: Metadata = { title: 'Hierarchy tree' };

/** The hierarchy as an icicle sized by coded segments; a click opens a code's segments. */
export default async function HierarchyTreePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, project, hierarchy } = await loadHierarchyPage(projectId);
  const links = await linkBadges({ userId: user.id, projectId });
  const tree = hierarchyTreeFromRollUps(hierarchy.codes, hierarchy.rollUps, project.name);
  return (
    <>
      <p className="muted">
        From the project (left) through core categories, main categories and categories to concepts (right). Widths follow coded segments; click a code to read
        its segments.
      </p>
      <HierarchyIcicle tree={tree} projectId={projectId} links={links} />
    </>
  );
}
