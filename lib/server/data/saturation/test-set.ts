import 'server-only';

import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Stores the hierarchy as it is now (codes and relations) with the test set it guards. */
async function takeSnapshot(tx: Tx, options: { projectId: string; userId: string; sourceIds: string[] }) {
  const [codes, relations] = await Promise.all([
    tx.code.findMany({ where: { projectId: options.projectId }, select: { id: true, name: true, label: true, level: true, parentId: true } }),
    tx.codeRelation.findMany({ where: { projectId: options.projectId }, select: { id: true, fromId: true, toId: true, type: true, customType: true } }),
  ]);
  return tx.saturationSnapshot.create({
    data: { projectId: options.projectId, createdById: options.userId, codes: JSON.stringify(codes), relations: JSON.stringify(relations), sourceIds: JSON.stringify(options.sourceIds) },
    select: { id: true, createdAt: true },
  });
}

/**
 * Marks sources as saturation test sources (held out: coded after the snapshot) or unmarks them.
 * Creating a test set — marking sources while none is marked — snapshots the hierarchy, as does
 * `newSnapshot: true` (start the test again from today's hierarchy). Adding sources to an
 * existing set keeps its snapshot and records them in it.
 * @returns whether a snapshot was taken, and the test set now.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT (a source not in the project)
 */
export async function setTestSources(options: { userId: string; projectId: string; sourceIds: string[]; test: boolean; newSnapshot?: boolean }): Promise<{ snapshotTaken: boolean; testSourceIds: string[] }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const ids = [...new Set(options.sourceIds)];
  return db.$transaction(async (tx) => {
    const found = await tx.source.count({ where: { projectId: options.projectId, id: { in: ids } } });
    if (found !== ids.length) throw new AppError('INVALID_INPUT', { userMessage: 'One of those sources is not in this project.' });
    const current = (await tx.source.findMany({ where: { projectId: options.projectId, saturationTest: true }, select: { id: true } })).map((s) => s.id);
    await tx.source.updateMany({ where: { projectId: options.projectId, id: { in: ids } }, data: { saturationTest: options.test } });
    const now = options.test ? [...new Set([...current, ...ids])] : current.filter((id) => !ids.includes(id));
    let snapshotTaken = false;
    if (options.test && (current.length === 0 || options.newSnapshot)) {
      await takeSnapshot(tx, { projectId: options.projectId, userId: options.userId, sourceIds: now });
      snapshotTaken = true;
    } else if (options.test) {
      const latest = await tx.saturationSnapshot.findFirst({ where: { projectId: options.projectId }, orderBy: { createdAt: 'desc' }, select: { id: true } });
      if (latest) await tx.saturationSnapshot.update({ where: { id: latest.id }, data: { sourceIds: JSON.stringify(now) } });
      else {
        await takeSnapshot(tx, { projectId: options.projectId, userId: options.userId, sourceIds: now });
        snapshotTaken = true;
      }
    }
    return { snapshotTaken, testSourceIds: now };
  });
}

/**
 * Sets the coding order: the listed sources get positions 1…n in that order, every other
 * source none (they follow by first coding). An empty list goes back to the order of first
 * coding for all.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT (a source not in the project)
 */
export async function setCodingOrder(options: { userId: string; projectId: string; sourceIds: string[] }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const ids = [...new Set(options.sourceIds)];
  await db.$transaction(async (tx) => {
    const found = await tx.source.count({ where: { projectId: options.projectId, id: { in: ids } } });
    if (found !== ids.length) throw new AppError('INVALID_INPUT', { userMessage: 'One of those sources is not in this project.' });
    await tx.source.updateMany({ where: { projectId: options.projectId }, data: { codingOrder: null } });
    for (const [i, id] of ids.entries()) await tx.source.update({ where: { id }, data: { codingOrder: i + 1 } });
  });
}
