import 'server-only';

import type { EncodedDataset } from '@/lib/datasets/storage';
import type { Variable } from '@/lib/datasets/types';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { isUniqueViolation } from '../prisma-errors';

/** What an import records about the file (shown on the dataset page). */
export type DatasetOrigin = { fileName: string; format: string; encoding?: string; delimiter?: string; decimalComma?: boolean; sheet?: string };

export interface DatasetSummary {
  id: string;
  name: string;
  rowCount: number;
  variableCount: number;
  versionCount: number;
  analysisCount: number;
  updatedAt: string;
}

export interface DatasetVersionMeta {
  id: string;
  number: number;
  note: string;
  rowCount: number;
  /** How many variables the version has (a computed variable adds one; a metadata edit none). */
  variableCount: number;
  createdAt: string;
  createdBy: string | null;
}

export interface DatasetDetail {
  id: string;
  name: string;
  description: string;
  origin: DatasetOrigin;
  latest: DatasetVersionMeta & { variables: Variable[] };
  /** Newest first. */
  versions: DatasetVersionMeta[];
  /** What deleting the dataset deletes with it (besides its versions). */
  dependents: { scales: number; analyses: number; links: number };
}

type VersionRow = { id: string; number: number; note: string; rowCount: number; createdAt: Date; createdBy: { name: string } | null };

const versionMeta = (v: VersionRow, variableCount: number): DatasetVersionMeta => ({
  id: v.id,
  number: v.number,
  note: v.note,
  rowCount: v.rowCount,
  variableCount,
  createdAt: v.createdAt.toISOString(),
  createdBy: v.createdBy?.name ?? null,
});

/**
 * Stores an imported dataset as version 1 (owners and coders). The file was parsed and encoded
 * in a worker; this only writes, in one transaction.
 * @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT (name taken)
 */
export async function createDataset(options: { userId: string; projectId: string; name: string; encoded: EncodedDataset; origin: DatasetOrigin }): Promise<{ id: string; name: string; versionId: string }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'data:write' });
  const { encoded } = options;
  try {
    return await db.$transaction(async (tx) => {
      const dataset = await tx.dataset.create({ data: { projectId: options.projectId, name: options.name, createdById: options.userId }, select: { id: true, name: true } });
      const version = await tx.datasetVersion.create({
        data: {
          datasetId: dataset.id,
          number: 1,
          note: `Imported ${options.origin.fileName}`,
          origin: JSON.stringify(options.origin),
          variables: JSON.stringify(encoded.variables),
          data: new Uint8Array(encoded.data),
          rowCount: encoded.rowCount,
          createdById: options.userId,
        },
        select: { id: true },
      });
      return { ...dataset, versionId: version.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { userMessage: `A dataset named “${options.name}” already exists.`, fieldErrors: { name: ['Already exists.'] } });
    throw error;
  }
}

/** Checks that the user may add a dataset, before the upload body is read. */
export async function authorizeDatasetWrite(options: { userId: string; projectId: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'data:write' });
}

/** The project's datasets, newest first (members). */
export async function listDatasets(options: { userId: string; projectId: string }): Promise<DatasetSummary[]> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const rows = await db.dataset.findMany({
    where: { projectId: options.projectId },
    orderBy: { updatedAt: 'desc' },
    select: {
      id: true,
      name: true,
      updatedAt: true,
      _count: { select: { versions: true, analyses: true } },
      versions: { orderBy: { number: 'desc' }, take: 1, select: { rowCount: true, variables: true } },
    },
  });
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    rowCount: d.versions[0]?.rowCount ?? 0,
    variableCount: d.versions[0] ? (JSON.parse(d.versions[0].variables) as unknown[]).length : 0,
    versionCount: d._count.versions,
    analysisCount: d._count.analyses,
    updatedAt: d.updatedAt.toISOString(),
  }));
}

/**
 * A dataset with its versions (each with its variable count), the latest version's variables
 * (no data values) and the counts of what deleting it would delete.
 * @throws AppError NOT_FOUND (not a member, or not in this project)
 */
export async function getDataset(options: { userId: string; projectId: string; datasetId: string }): Promise<DatasetDetail> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const d = await db.dataset.findFirst({
    where: { id: options.datasetId, projectId: options.projectId },
    select: {
      id: true,
      name: true,
      description: true,
      _count: { select: { scales: true, analyses: true, links: true } },
      // Variables are metadata only (the values are in `data`), so every version's list is cheap.
      versions: {
        orderBy: { number: 'desc' },
        select: { id: true, number: true, note: true, rowCount: true, createdAt: true, origin: true, variables: true, createdBy: { select: { name: true } } },
      },
    },
  });
  if (!d || d.versions.length === 0) throw new AppError('NOT_FOUND', { userMessage: 'Dataset not found.' });
  const latestVariables = JSON.parse(d.versions[0].variables) as Variable[];
  const versions = d.versions.map((v, i) => versionMeta(v, i === 0 ? latestVariables.length : (JSON.parse(v.variables) as unknown[]).length));
  const first = d.versions[d.versions.length - 1];
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    origin: JSON.parse(first.origin) as DatasetOrigin,
    latest: { ...versions[0], variables: latestVariables },
    versions,
    dependents: { scales: d._count.scales, analyses: d._count.analyses, links: d._count.links },
  };
}

/**
 * The stored form of one version (the latest unless `versionId`), for a worker to decode.
 * @throws AppError NOT_FOUND
 */
export async function loadDatasetVersion(options: { userId: string; projectId: string; datasetId: string; versionId?: string }): Promise<{
  id: string;
  number: number;
  latestNumber: number;
  variables: Variable[];
  rowCount: number;
  data: Uint8Array;
}> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const dataset = await db.dataset.findFirst({
    where: { id: options.datasetId, projectId: options.projectId },
    select: { versions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, number: true } } },
  });
  const latest = dataset?.versions[0];
  if (!latest) throw new AppError('NOT_FOUND', { userMessage: 'Dataset not found.' });
  const v = await db.datasetVersion.findFirst({
    where: { id: options.versionId ?? latest.id, datasetId: options.datasetId },
    select: { id: true, number: true, variables: true, rowCount: true, data: true },
  });
  if (!v) throw new AppError('NOT_FOUND', { userMessage: 'That version of the dataset does not exist.' });
  return { id: v.id, number: v.number, latestNumber: latest.number, variables: JSON.parse(v.variables) as Variable[], rowCount: v.rowCount, data: new Uint8Array(v.data) };
}

/**
 * Adds the next version (computed variables, recodes), made from `baseVersionId`. Refused with
 * CONFLICT when someone added a version since the user's page loaded, so no edit is lost.
 * @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT
 */
export async function addDatasetVersion(options: {
  userId: string;
  projectId: string;
  datasetId: string;
  baseVersionId: string;
  note: string;
  recipe: unknown[];
  encoded: EncodedDataset;
}): Promise<DatasetVersionMeta> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'data:write' });
  const { encoded } = options;
  try {
    return await db.$transaction(async (tx) => {
      const latest = await tx.datasetVersion.findFirst({
        where: { datasetId: options.datasetId, dataset: { projectId: options.projectId } },
        orderBy: { number: 'desc' },
        select: { id: true, number: true },
      });
      if (!latest) throw new AppError('NOT_FOUND', { userMessage: 'Dataset not found.' });
      if (latest.id !== options.baseVersionId) {
        throw new AppError('CONFLICT', { userMessage: `Someone added version ${latest.number} of this dataset meanwhile. Reload the page and apply your change to it.` });
      }
      const created = await tx.datasetVersion.create({
        data: {
          datasetId: options.datasetId,
          number: latest.number + 1,
          note: options.note,
          recipe: JSON.stringify(options.recipe),
          variables: JSON.stringify(encoded.variables),
          data: new Uint8Array(encoded.data),
          rowCount: encoded.rowCount,
          createdById: options.userId,
        },
        select: { id: true, number: true, note: true, rowCount: true, createdAt: true, createdBy: { select: { name: true } } },
      });
      await tx.dataset.update({ where: { id: options.datasetId }, data: { updatedAt: new Date() } });
      return versionMeta(created, encoded.variables.length);
    });
  } catch (error) {
    // Two writers adding the same number at once: the unique (datasetId, number) decides.
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { userMessage: 'Someone added a version of this dataset at the same moment. Reload the page and try again.' });
    throw error;
  }
}

/** Deletes a dataset with its versions, scales, saved analyses and links to codes (owners only; the database cascades). */
export async function deleteDataset(options: { userId: string; projectId: string; datasetId: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:update' });
  const { count } = await db.dataset.deleteMany({ where: { id: options.datasetId, projectId: options.projectId } });
  if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Dataset not found.' });
}
