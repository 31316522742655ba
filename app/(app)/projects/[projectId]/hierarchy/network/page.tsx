import type { Metadata } from 'next';

import { NetworkView } from '@/components/hierarchy/network-view';
import type { PanelRelation } from '@/components/hierarchy/relation-panel';
import { can } from '@/lib/auth/roles';
import type { MemoDoc } from '@/lib/coding/memo';
import type { NetworkCodeInput } from '@/lib/coding/network';
import type { EvidenceExcerpt } from '@/lib/coding/relations';
import { listCodingExcerpts, listRelationMemos } from '@/lib/server/data/relation/list-evidence-candidates';
import { loadHierarchyPage } from '@/lib/server/hierarchy-page';

export const metadata: Metadata = { title: 'Relations & network' };

/** Axial coding: the code network and the typed relations between categories, with memos and evidence. */
export default async function HierarchyNetworkPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, project, hierarchy, rollUps } = await loadHierarchyPage(projectId);
  const evidenceIds = hierarchy.relations.flatMap((r) => r.evidenceCodingIds);
  const [excerptList, memos] = await Promise.all([
    listCodingExcerpts({ userId: user.id, projectId, codingIds: evidenceIds }),
    hierarchy.relations.some((r) => r.memoText !== '') ? listRelationMemos({ userId: user.id, projectId }) : Promise.resolve<Record<string, MemoDoc>>({}),
  ]);

  const codes: NetworkCodeInput[] = hierarchy.codes.map((c) => ({
    id: c.id,
    label: c.label,
    name: c.name,
    level: c.level,
    color: c.color,
    parentId: c.parentId,
    networkX: c.networkX,
    networkY: c.networkY,
  }));
  const segments: Record<string, number> = {};
  for (const [id, r] of rollUps) segments[id] = r.segments;
  const relations: PanelRelation[] = hierarchy.relations.map((r) => ({ ...r, memo: memos[r.id] ?? null }));
  const excerpts: Record<string, EvidenceExcerpt> = {};
  for (const e of excerptList) excerpts[e.codingId] = e;

  return (
    <NetworkView
      projectId={projectId}
      codes={codes}
      relations={relations}
      segments={segments}
      excerpts={excerpts}
      canEdit={can(project.role, 'coding:write')}
      exportName={hierarchy.project.name}
    />
  );
}
