import type { Metadata } from 'next';

import { HierarchyOutline, type OutlineCode } from '@/components/hierarchy/hierarchy-outline';
import { can } from '@/lib/auth/roles';
import { linkBadges } from '@/lib/server/data/mixed/joint-display';
import { loadHierarchyPage } from '@/lib/server/hierarchy-page';

export const metadata: Metadata = { title: 'Theory' };

/** Axial and selective coding: the hierarchy outline where codes are placed, grouped, merged. */
export default async function HierarchyPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, project, hierarchy, rollUps } = await loadHierarchyPage(projectId);
  const links = await linkBadges({ userId: user.id, projectId });
  const codes: OutlineCode[] = hierarchy.codes.map((c) => {
    const r = rollUps.get(c.id);
    return {
      id: c.id,
      label: c.label,
      name: c.name,
      level: c.level,
      parentId: c.parentId,
      color: c.color,
      segments: r?.segments ?? 0,
      sources: r?.sources ?? 0,
      directCodings: r?.directCodings ?? 0,
    };
  });
  return <HierarchyOutline projectId={projectId} codes={codes} canEdit={can(project.role, 'coding:write')} links={links} />;
}
