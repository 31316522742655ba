import 'server-only';

import { nextColor } from '@/lib/coding/colors';
import { planCodebookMerge, type CodebookMergePlan } from '@/lib/io/refi/codebook-merge';
import type { RefiCodebook } from '@/lib/io/refi/model';
import type { LevelMapping } from '@/lib/io/refi/to-groundwork';
import { CODE_NAME_MAX } from '@/lib/validation/coding';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { bumpHierarchyVersion } from '../events/hierarchy-version';
import { inProjectTransaction, recordEvent } from '../events/record-event';
import { LONG_TRANSACTION, lockProject } from '../hierarchy/labels';
import { LEVEL_NOUN } from '../code/create-code';

export type CodebookMergePreview = {
  create: Array<{ name: string; level: number; label: string; parent: string | null }>;
  merge: Array<{ name: string; fillsDefinition: boolean }>;
  warnings: string[];
};

async function plan(projectId: string, codebook: RefiCodebook, levelMapping: LevelMapping, reader: Pick<typeof db, 'code' | 'project'> = db): Promise<CodebookMergePlan> {
  const [existing, project] = await Promise.all([
    reader.code.findMany({ where: { projectId }, select: { id: true, name: true, level: true, label: true, definition: true } }),
    reader.project.findUniqueOrThrow({ where: { id: projectId }, select: { corePrefix: true } }),
  ]);
  return planCodebookMerge(codebook, existing, { levelMapping, corePrefix: project.corePrefix, maxNameLength: CODE_NAME_MAX });
}

function previewOf(p: CodebookMergePlan, existingNames: Map<string, string>): CodebookMergePreview {
  const newNames = new Map(p.create.map((c) => [c.key, c.name]));
  return {
    create: p.create.map((c) => ({ name: c.name, level: c.level, label: c.label, parent: c.parent ? (c.parent.kind === 'new' ? (newNames.get(c.parent.key) ?? null) : (existingNames.get(c.parent.key) ?? null)) : null })),
    merge: p.merge.map((m) => ({ name: m.name, fillsDefinition: m.fillDefinition !== null })),
    warnings: p.warnings,
  };
}

/**
 * What merging a .qdc into the project's codebook would create and merge. Owners and coders
 * (coding:write). Nothing is stored.
 */
export async function previewCodebookMerge(options: { userId: string; projectId: string; codebook: RefiCodebook; levelMapping: LevelMapping }): Promise<CodebookMergePreview> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const p = await plan(options.projectId, options.codebook, options.levelMapping);
  const names = new Map((await db.code.findMany({ where: { projectId: options.projectId }, select: { id: true, name: true } })).map((c) => [c.id, c.name]));
  return previewOf(p, names);
}

/**
 * Merges a .qdc into the project's codebook by name, in one transaction under the project's
 * hierarchy lock: new codes are created (each recorded as `code.created`), existing ones keep
 * everything but an empty definition. Bumps the hierarchy version when categories or higher
 * were added. Owners and coders (coding:write).
 */
export async function mergeCodebook(options: { userId: string; projectId: string; codebook: RefiCodebook; levelMapping: LevelMapping }): Promise<{ created: number; merged: number }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  return inProjectTransaction(
    options.projectId,
    async (tx) => {
      await lockProject(tx, options.projectId);
      const p = await plan(options.projectId, options.codebook, options.levelMapping, tx);
      const colors = (await tx.code.findMany({ where: { projectId: options.projectId }, select: { color: true } })).map((c) => c.color);
      const idOfNew = new Map<string, string>();
      for (const level of [4, 3, 2, 1]) {
        for (const c of p.create.filter((x) => x.level === level)) {
          const color = c.color ?? nextColor(colors);
          colors.push(color);
          const parentId = c.parent ? (c.parent.kind === 'existing' ? c.parent.key : (idOfNew.get(c.parent.key) ?? null)) : null;
          const created = await tx.code.create({
            data: { projectId: options.projectId, name: c.name, level: c.level, label: c.label, color, definition: c.definition, parentId, createdById: options.userId },
            select: { id: true, name: true, label: true, level: true, parentId: true, definition: true, color: true },
          });
          idOfNew.set(c.key, created.id);
          await recordEvent(tx, {
            projectId: options.projectId,
            actorId: options.userId,
            type: 'code.created',
            entityType: 'code',
            entityId: created.id,
            summary: `Imported ${LEVEL_NOUN[c.level] ?? 'the code'} ${created.label} “${created.name}” from a codebook`,
            after: created,
          });
        }
      }
      for (const m of p.merge) {
        if (m.fillDefinition === null) continue;
        await tx.code.update({ where: { id: m.id }, data: { definition: m.fillDefinition, version: { increment: 1 } } });
      }
      if (p.create.some((c) => c.level >= 2)) await bumpHierarchyVersion(tx, options.projectId);
      return { created: p.create.length, merged: p.merge.length };
    },
    { ...LONG_TRANSACTION, timeout: 120_000 },
  );
}
