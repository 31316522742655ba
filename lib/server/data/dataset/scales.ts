import 'server-only';

import type { Scale } from '@/lib/datasets/scales';
import { AppError } from '@/lib/errors/app-error';
import type { TScaleInput } from '@/lib/validation/dataset';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { isUniqueViolation } from '../prisma-errors';

const toScale = (row: { id: string; name: string; items: string; reversed: string; score: string }): Scale => ({
  id: row.id,
  name: row.name,
  items: JSON.parse(row.items) as string[],
  reversed: JSON.parse(row.reversed) as string[],
  score: row.score === 'sum' ? 'sum' : 'mean',
});

async function datasetInProject(projectId: string, datasetId: string): Promise<void> {
  const found = await db.dataset.findFirst({ where: { id: datasetId, projectId }, select: { id: true } });
  if (!found) throw new AppError('NOT_FOUND', { userMessage: 'Dataset not found.' });
}

/** The dataset's scales by name (members). */
export async function listScales(options: { userId: string; projectId: string; datasetId: string }): Promise<Scale[]> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  await datasetInProject(options.projectId, options.datasetId);
  const rows = await db.scale.findMany({ where: { datasetId: options.datasetId }, orderBy: { name: 'asc' } });
  return rows.map(toScale);
}

/**
 * Creates a scale, or updates one (`scaleId`) keeping its id — the id qualitative categories
 * link to. Items are checked against the dataset by the caller (they must be numeric variables).
 * @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT (name taken)
 */
export async function saveScale(options: { userId: string; projectId: string; datasetId: string; scaleId?: string; input: TScaleInput }): Promise<Scale> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'data:write' });
  await datasetInProject(options.projectId, options.datasetId);
  const data = { name: options.input.name, items: JSON.stringify(options.input.items), reversed: JSON.stringify(options.input.reversed), score: options.input.score };
  try {
    if (options.scaleId) {
      const { count } = await db.scale.updateMany({ where: { id: options.scaleId, datasetId: options.datasetId }, data });
      if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Scale not found.' });
      return toScale(await db.scale.findUniqueOrThrow({ where: { id: options.scaleId } }));
    }
    return toScale(await db.scale.create({ data: { datasetId: options.datasetId, ...data } }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { userMessage: `A scale named “${options.input.name}” already exists in this dataset.`, fieldErrors: { name: ['Already exists.'] } });
    throw error;
  }
}

/** Deletes a scale (owners and coders). */
export async function deleteScale(options: { userId: string; projectId: string; datasetId: string; scaleId: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'data:write' });
  await datasetInProject(options.projectId, options.datasetId);
  const { count } = await db.scale.deleteMany({ where: { id: options.scaleId, datasetId: options.datasetId } });
  if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Scale not found.' });
}
