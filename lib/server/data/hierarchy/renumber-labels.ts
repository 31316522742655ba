import 'server-only';

import { renumberLabels } from '@/lib/coding/hierarchy';
import { labelPrefixes } from '@/lib/coding/hierarchy-types';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { bumpHierarchyVersion } from '../events/hierarchy-version';
import { announce } from '../../realtime/announce';
import { recordEvent } from '../events/record-event';
import { LONG_TRANSACTION, lockProject } from './labels';
import { hierarchyCodes } from './load-hierarchy';

/**
 * Renumbers every level's labels in hierarchy-table order (C1… follow the table from the
 * first core category down). Only on request: the UI previews the changes and confirms.
 * @param options.dryRun - compute the changes without storing them.
 * @returns the labels that change.
 * @throws AppError NOT_FOUND | FORBIDDEN
 */
export async function renumberCodeLabels(options: { userId: string; projectId: string; dryRun?: boolean }): Promise<Array<{ id: string; from: string; to: string }>> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const changes = await db.$transaction(async (tx) => {
    await lockProject(tx, options.projectId);
    const project = await tx.project.findUnique({ where: { id: options.projectId }, select: { corePrefix: true } });
    const codes = await hierarchyCodes(tx, options.projectId);
    const before = new Map(codes.map((c) => [c.id, c.label]));
    const changes = renumberLabels(codes, labelPrefixes(project?.corePrefix));
    const result = changes.map((c) => ({ id: c.id, from: before.get(c.id) ?? '', to: c.label }));
    if (!options.dryRun && changes.length > 0) {
      for (const change of changes) await tx.code.update({ where: { id: change.id }, data: { label: change.label } });
      // One event for the whole renumbering; codeIds lets a code's history find it.
      await recordEvent(tx, {
        projectId: options.projectId,
        actorId: options.userId,
        type: 'hierarchy.renumbered',
        entityType: 'project',
        entityId: options.projectId,
        summary: `Renumbered ${result.length} ${result.length === 1 ? 'label' : 'labels'}`,
        before: { codeIds: result.map((c) => c.id), labels: Object.fromEntries(result.map((c) => [c.id, c.from])) },
        after: { codeIds: result.map((c) => c.id), labels: Object.fromEntries(result.map((c) => [c.id, c.to])) },
      });
      await bumpHierarchyVersion(tx, options.projectId);
    }
    return result;
  }, LONG_TRANSACTION);
  if (!options.dryRun && changes.length > 0) announce(options.projectId);
  return changes;
}
