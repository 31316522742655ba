import 'server-only';

import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

/** A saved analysis as pages and exports read it. */
export interface SavedAnalysis {
  id: string;
  datasetId: string;
  kind: string;
  title: string;
  /** The CLI options it ran with. */
  options: string[];
  result: unknown;
  versionId: string;
  versionNumber: number;
  /** A newer version of the dataset exists: re-run to update. */
  stale: boolean;
  createdBy: string | null;
  createdAt: string;
}

const select = {
  id: true,
  datasetId: true,
  kind: true,
  title: true,
  spec: true,
  result: true,
  createdAt: true,
  versionId: true,
  version: { select: { number: true } },
  createdBy: { select: { name: true } },
  dataset: { select: { versions: { orderBy: { number: 'desc' as const }, take: 1, select: { number: true } } } },
};

type Row = {
  id: string;
  datasetId: string;
  kind: string;
  title: string;
  spec: string;
  result: string;
  createdAt: Date;
  versionId: string;
  version: { number: number };
  createdBy: { name: string } | null;
  dataset: { versions: Array<{ number: number }> };
};

const toSaved = (row: Row, withResult: boolean): SavedAnalysis => ({
  id: row.id,
  datasetId: row.datasetId,
  kind: row.kind,
  title: row.title,
  options: (JSON.parse(row.spec) as { options: string[] }).options,
  result: withResult ? JSON.parse(row.result) : null,
  versionId: row.versionId,
  versionNumber: row.version.number,
  stale: (row.dataset.versions[0]?.number ?? row.version.number) > row.version.number,
  createdBy: row.createdBy?.name ?? null,
  createdAt: row.createdAt.toISOString(),
});

/**
 * Saves a run: spec, result, the version it ran on, who and when (owners and coders).
 * @throws AppError NOT_FOUND | FORBIDDEN
 */
export async function saveAnalysis(options: {
  userId: string;
  projectId: string;
  datasetId: string;
  versionId: string;
  kind: string;
  title: string;
  options: string[];
  result: unknown;
}): Promise<SavedAnalysis> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'data:write' });
  const version = await db.datasetVersion.findFirst({ where: { id: options.versionId, datasetId: options.datasetId, dataset: { projectId: options.projectId } }, select: { id: true } });
  if (!version) throw new AppError('NOT_FOUND', { userMessage: 'Dataset not found.' });
  const row = await db.analysis.create({
    data: {
      datasetId: options.datasetId,
      versionId: options.versionId,
      kind: options.kind,
      title: options.title,
      spec: JSON.stringify({ kind: options.kind, options: options.options }),
      result: JSON.stringify(options.result),
      createdById: options.userId,
    },
    select,
  });
  return toSaved(row, true);
}

/** The dataset's saved analyses, newest first, without their results (members). */
export async function listAnalyses(options: { userId: string; projectId: string; datasetId: string }): Promise<SavedAnalysis[]> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const rows = await db.analysis.findMany({ where: { datasetId: options.datasetId, dataset: { projectId: options.projectId } }, orderBy: { createdAt: 'desc' }, select });
  return rows.map((r) => toSaved(r, false));
}

/**
 * One saved analysis with its result (members).
 * @throws AppError NOT_FOUND
 */
export async function getAnalysis(options: { userId: string; projectId: string; analysisId: string }): Promise<SavedAnalysis> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const row = await db.analysis.findFirst({ where: { id: options.analysisId, dataset: { projectId: options.projectId } }, select });
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'Analysis not found.' });
  return toSaved(row, true);
}

/** Deletes a saved analysis (owners and coders). */
export async function deleteAnalysis(options: { userId: string; projectId: string; analysisId: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'data:write' });
  const { count } = await db.analysis.deleteMany({ where: { id: options.analysisId, dataset: { projectId: options.projectId } } });
  if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Analysis not found.' });
}
