import 'server-only';

import { cache } from 'react';

import { rollUpAndSummarize } from '@/lib/coding/hierarchy';

import { loadHierarchy } from './data/hierarchy/load-hierarchy';
import { loadProjectPage } from './pages';

/**
 * For the hierarchy pages (outline, table, tree, network, storyline) and their layout: the
 * user, the project and its hierarchy with roll-ups and the summary line, loaded once per
 * request. A non-member gets the 404 page (loadProjectPage).
 */
export const loadHierarchyPage = cache(async (projectId: string) => {
  const { user, project } = await loadProjectPage(projectId);
  const hierarchy = await loadHierarchy({ userId: user.id, projectId });
  const { rollUps, summary } = rollUpAndSummarize(hierarchy.codes, hierarchy.codings);
  return { user, project, hierarchy, rollUps, summary };
});
