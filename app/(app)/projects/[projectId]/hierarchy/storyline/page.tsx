import type { Metadata } from 'next';
import Link from 'next/link';

import { StorylineEditor, type Mentionable } from '@/components/hierarchy/storyline-editor';
import { can } from '@/lib/auth/roles';
import { indexHierarchy, orderCodes } from '@/lib/coding/hierarchy';
import { LEVEL_NAME } from '@/lib/coding/hierarchy-types';
import { getStoryline } from '@/lib/server/data/hierarchy/storyline';
import { loadHierarchyPage } from '@/lib/server/hierarchy-page';

export const metadata: Metadata = { title: 'Storyline' };

/** Selective coding: the core categories with what they integrate, and the storyline memo. */
export default async function StorylinePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, project, hierarchy, rollUps } = await loadHierarchyPage(projectId);
  const storyline = await getStoryline({ userId: user.id, projectId });
  const tree = indexHierarchy(hierarchy.codes);
  const cores = tree.roots[4];
  const childrenOf = (id: string) => tree.childrenOf.get(id) ?? [];
  const mentionables: Mentionable[] = [4, 3, 2, 1].flatMap((level) =>
    orderCodes(hierarchy.codes.filter((c) => c.level === level)).map((c) => ({ id: c.id, label: `${c.label ? `${c.label} ` : ''}${c.name}`, hint: LEVEL_NAME[c.level] })),
  );
  const base = `/projects/${projectId}`;
  return (
    <div className="storyline-grid">
      <section aria-labelledby="cores-heading">
        <h2 id="cores-heading">Core categories</h2>
        {cores.length === 0 ? (
          <p className="muted">
            No core category yet. In the <Link href={`${base}/hierarchy`}>outline</Link>, select main categories and group them into a new core category.
          </p>
        ) : (
          <ul className="core-list">
            {cores.map((core) => (
              <li key={core.id} className="card" data-testid="core-category">
                <Link href={`${base}/codes/${core.id}`} className="core-name">
                  <span className="swatch" style={{ background: core.color }} aria-hidden="true" />
                  {core.label} {core.name}
                </Link>
                <span className="muted"> · {rollUps.get(core.id)?.segments ?? 0} segments</span>
                {core.definition && <p className="muted">{core.definition}</p>}
                <ul>
                  {childrenOf(core.id).map((main) => (
                    <li key={main.id}>
                      <Link href={`${base}/codes/${main.id}`}>
                        {main.label} {main.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="storyline-heading">
        <h2 id="storyline-heading">Storyline</h2>
        <StorylineEditor
          projectId={projectId}
          body={storyline.body}
          updatedAt={storyline.updatedAt}
          version={storyline.version}
          canEdit={can(project.role, 'coding:write')}
          mentionables={mentionables}
        />
      </section>
    </div>
  );
}
