import 'server-only';

import type { Tx } from './record-event';

/**
 * Marks a structural change of the hierarchy (a category created, a move, group, merge, split,
 * rename, delete, relation change): open proposals based on an older version must be rebased
 * before they can be approved (lib/server/data/proposals).
 * @returns the new hierarchy version.
 */
export async function bumpHierarchyVersion(tx: Tx, projectId: string): Promise<number> {
  const row = await tx.project.update({ where: { id: projectId }, data: { hierarchyVersion: { increment: 1 } }, select: { hierarchyVersion: true } });
  return row.hierarchyVersion;
}
