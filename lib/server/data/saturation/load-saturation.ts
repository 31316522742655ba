import 'server-only';

import { toCodeLevel } from '@/lib/coding/hierarchy-types';
import type { GuestOptions } from '@/lib/saturation/guest';
import type { SnapshotData } from '@/lib/saturation/holdout';
import type { SaturationReport, SaturationReportInput } from '@/lib/saturation/report';

import { fileSlug } from '../../api/download';
import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { runJob } from '../../jobs/pool';

/** The rows the saturation report is built from (after the permission check). */
async function loadRows(projectId: string): Promise<Omit<SaturationReportInput, 'guest'>> {
  const [sources, firstCodings, codes, relations, codings, snapshot] = await Promise.all([
    db.source.findMany({ where: { projectId }, select: { id: true, title: true, kind: true, codingOrder: true, saturationTest: true } }),
    db.coding.groupBy({ by: ['sourceId'], where: { projectId }, _min: { createdAt: true } }),
    db.code.findMany({ where: { projectId }, select: { id: true, name: true, label: true, level: true, parentId: true } }),
    db.codeRelation.findMany({
      where: { projectId },
      select: { id: true, fromId: true, toId: true, type: true, customType: true, evidence: { select: { coding: { select: { sourceId: true } } } } },
    }),
    db.coding.findMany({ where: { projectId }, select: { codeId: true, sourceId: true, coderId: true, createdAt: true } }),
    db.saturationSnapshot.findFirst({ where: { projectId }, orderBy: { createdAt: 'desc' }, select: { codes: true, relations: true, sourceIds: true, createdAt: true } }),
  ]);
  const first = new Map(firstCodings.map((r) => [r.sourceId, r._min.createdAt]));
  return {
    sources: sources.map((s) => ({ ...s, firstCodedAt: first.get(s.id)?.toISOString() ?? null })),
    codes: codes.map((c) => ({ ...c, level: toCodeLevel(c.level) })),
    relations: relations.map((r) => ({
      id: r.id,
      fromId: r.fromId,
      toId: r.toId,
      type: r.type,
      customType: r.customType,
      evidenceSourceIds: [...new Set(r.evidence.map((e) => e.coding.sourceId))],
    })),
    codings: codings.map((c) => ({ codeId: c.codeId, sourceId: c.sourceId, coderId: c.coderId, createdAt: c.createdAt.toISOString() })),
    snapshot: snapshot ? parseSnapshot(snapshot) : null,
  };
}

/** A stored snapshot row as plain data (its JSON columns were written by takeSnapshot). */
export function parseSnapshot(row: { codes: string; relations: string; sourceIds: string; createdAt: Date }): SnapshotData {
  return {
    createdAt: row.createdAt.toISOString(),
    codes: JSON.parse(row.codes) as SnapshotData['codes'],
    relations: JSON.parse(row.relations) as SnapshotData['relations'],
    sourceIds: JSON.parse(row.sourceIds) as string[],
  };
}

export interface SaturationPageData {
  report: SaturationReport;
  /** Display names of the coders the report names. */
  coders: Record<string, string>;
  canEdit: boolean;
}

/**
 * The project's saturation report (emergence curve, Guest et al.'s metrics with the given
 * parameters, hold-out test against the latest snapshot, thin categories), computed in a worker.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT (impossible Guest parameters)
 */
export async function loadSaturation(options: { userId: string; projectId: string; guest?: Partial<GuestOptions> }): Promise<SaturationPageData> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const rows = await loadRows(options.projectId);
  const report = await runJob('saturationReport', { ...rows, guest: options.guest });
  const coderIds = [...new Set(report.thin.map((t) => t.coderId).filter((id): id is string => id !== null))];
  const users = coderIds.length ? await db.user.findMany({ where: { id: { in: coderIds } }, select: { id: true, name: true } }) : [];
  return { report, coders: Object.fromEntries(users.map((u) => [u.id, u.name])), canEdit: role === 'owner' || role === 'coder' };
}

/**
 * The report as a Word document or CSV, rendered in a worker.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT
 */
export async function exportSaturation(options: { userId: string; projectId: string; format: 'docx' | 'csv'; guest?: Partial<GuestOptions> }): Promise<{ body: Uint8Array<ArrayBuffer>; fileName: string; contentType: string }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const [project, rows] = await Promise.all([db.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { name: true } }), loadRows(options.projectId)]);
  const body = await runJob('saturationExport', { report: { ...rows, guest: options.guest }, format: options.format, projectName: project.name, generatedAt: new Date().toISOString() });
  return {
    body: body as Uint8Array<ArrayBuffer>,
    fileName: `${fileSlug(`${project.name}-saturation`)}.${options.format}`,
    contentType: options.format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'text/csv; charset=utf-8',
  };
}
