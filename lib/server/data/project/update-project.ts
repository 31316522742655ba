import 'server-only';

import { parseLabel } from '@/lib/coding/hierarchy';
import { labelPrefixes } from '@/lib/coding/hierarchy-types';
import type { TUpdateProject } from '@/lib/validation/project';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

/**
 * Renames or redescribes a project, or changes the label prefix of its core categories: core
 * categories labelled with the old prefix (CC2) take the new one (K2), numbers kept.
 * @throws AppError NOT_FOUND (non-member) | FORBIDDEN (not an owner).
 */
export async function updateProject(options: { userId: string; projectId: string; input: TUpdateProject }) {
  await requireProjectPermission({ ...options, permission: 'project:update' });
  const { name, description, corePrefix, language } = options.input;
  return db.$transaction(async (tx) => {
    if (corePrefix !== undefined) {
      const before = await tx.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { corePrefix: true } });
      if (before.corePrefix !== corePrefix) {
        const old = labelPrefixes(before.corePrefix);
        const cores = await tx.code.findMany({ where: { projectId: options.projectId, level: 4 }, select: { id: true, label: true } });
        for (const core of cores) {
          const parsed = parseLabel(core.label, old);
          if (parsed?.level === 4) await tx.code.update({ where: { id: core.id }, data: { label: `${corePrefix}${parsed.n}` } });
        }
      }
    }
    return tx.project.update({
      where: { id: options.projectId },
      data: { name, description, corePrefix, language },
      select: { id: true, name: true, description: true, corePrefix: true, language: true },
    });
  });
}
