import 'server-only';

import { cache } from 'react';

import { loadHierarchyRollUps } from './data/hierarchy/load-hierarchy';
import { loadProjectPage } from './pages';

/**
 * For the hierarchy pages (outline, table, tree, network, storyline) and their layout: the
 * user, the project and its hierarchy with roll-ups (aggregated in the database, not from
 * every coding) and the summary line, loaded once per request. A non-member gets the 404 page
 * (loadProjectPage). `rollUps` is the per-code map; `hierarchy.rollUps` also has the totals
 * the table and tree need.
 */
export const loadHierarchyPage = cache(async (projectId: string) => {
  const { user, project } = await loadProjectPage(projectId);
  const hierarchy = await loadHierarchyRollUps({ userId: user.id, projectId });
  return { user, project, hierarchy, rollUps: hierarchy.rollUps.byCode, summary: hierarchy.summary };
});
