import 'server-only';

import { type CodeCodingStats, type HierarchyRollUps, rollUpFromStats, type SharedSegment, summarizeRollUps, summarizeSegments } from '@/lib/coding/hierarchy';
import { type HierarchyCode, type HierarchyCoding, type HierarchySummary, toCodeLevel as toLevel } from '@/lib/coding/hierarchy-types';
import { type HierarchyRelation, type RelationType } from '@/lib/coding/relations';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

export interface HierarchyData {
  project: { id: string; name: string; corePrefix: string };
  codes: Array<HierarchyCode & { networkX: number | null; networkY: number | null }>;
  codings: HierarchyCoding[];
  relations: HierarchyRelation[];
}

export { toCodeLevel as toLevel } from '@/lib/coding/hierarchy-types';

/**
 * Everything the hierarchy rules need for one project: codes with level, parent, label and
 * network position; every coding reduced to (code, source, range, coder); relations. Reads
 * every coding: for exports and rules, not for pages (see {@link loadHierarchyRollUps}).
 * @throws AppError NOT_FOUND
 */
export async function loadHierarchy(options: { userId: string; projectId: string }): Promise<HierarchyData> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const [base, codings] = await Promise.all([
    loadBase(options.projectId),
    db.coding.findMany({
      where: { projectId: options.projectId },
      select: { id: true, codeId: true, sourceId: true, start: true, end: true, coderId: true },
    }),
  ]);
  return { ...base, codings };
}

/**
 * The project, its codes and relations, without codings or counts (e.g. for a code's page,
 * which counts from the segments it lists: `rollUpOne`).
 * @throws AppError NOT_FOUND
 */
export async function loadHierarchyCodes(options: { userId: string; projectId: string }): Promise<Omit<HierarchyData, 'codings'>> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  return loadBase(options.projectId);
}

/**
 * The summary line alone (the project overview): distinct coded segments counted in one SQL
 * query, and the codes per level. Codings of codes that are not the project's are left out,
 * as {@link rollUp} leaves them out.
 * @throws AppError NOT_FOUND
 */
export async function loadHierarchySummary(options: { userId: string; projectId: string }): Promise<HierarchySummary> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const [codes, [total]] = await Promise.all([
    db.code.findMany({ where: { projectId: options.projectId }, select: { id: true, level: true } }),
    db.$queryRaw<Array<{ segments: number | bigint }>>`
      SELECT CAST(COUNT(*) AS INTEGER) AS "segments" FROM (
        SELECT DISTINCT c."sourceId", c."start", c."end"
        FROM "Coding" AS c JOIN "Code" AS k ON k."id" = c."codeId" AND k."projectId" = c."projectId"
        WHERE c."projectId" = ${options.projectId}
      ) AS "segments"`,
  ]);
  return summarizeSegments(codes.map((c) => ({ id: c.id, level: toLevel(c.level) })), Number(total.segments));
}

/** What the hierarchy pages show: codes, relations and the roll-ups, without the codings. */
export interface HierarchyRollUpData extends Omit<HierarchyData, 'codings'> {
  /** Counts per code subtree and project totals, as {@link rollUp} gives them from every coding. */
  rollUps: HierarchyRollUps;
  summary: HierarchySummary;
}

/**
 * The hierarchy with its roll-ups (distinct segments and sources per subtree, codings per code)
 * and the summary line, aggregated in the database: two `GROUP BY` queries return one row per
 * code and one per segment that several codes share, instead of every coding (100,000
 * rows at research scale), and {@link rollUpFromStats} gives the same numbers as `rollUp`.
 * @throws AppError NOT_FOUND
 */
export async function loadHierarchyRollUps(options: { userId: string; projectId: string }): Promise<HierarchyRollUpData> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const [base, stats] = await Promise.all([loadBase(options.projectId), codingStats(options.projectId)]);
  const rollUps = rollUpFromStats(base.codes, stats.perCode, stats.shared);
  return { ...base, rollUps, summary: summarizeRollUps(base.codes, rollUps) };
}

/**
 * Per code: its coding rows, distinct segments and distinct sources (one row per code); and
 * the segments coded by two or more codes, with their codes. One sort of the codings each.
 * Plain SQL that SQLite (3.44+, for string_agg) and PostgreSQL both run; ids are cuids, so a
 * comma separates them safely.
 */
async function codingStats(projectId: string): Promise<{ perCode: CodeCodingStats[]; shared: SharedSegment[] }> {
  const [perCode, shared] = await Promise.all([
    db.$queryRaw<Array<{ codeId: string; codings: number | bigint; segments: number | bigint; sourceIds: string | null }>>`
      SELECT "codeId", CAST(SUM("codings") AS INTEGER) AS "codings", CAST(SUM("segments") AS INTEGER) AS "segments", string_agg("sourceId", ',') AS "sourceIds"
      FROM (
        SELECT "codeId", "sourceId", COUNT(*) AS "codings", COUNT(DISTINCT "start" || ':' || "end") AS "segments"
        FROM "Coding" WHERE "projectId" = ${projectId}
        GROUP BY "codeId", "sourceId"
      ) AS "perSource"
      GROUP BY "codeId"`,
    db.$queryRaw<Array<{ codeIds: string }>>`
      SELECT string_agg("codeId", ',') AS "codeIds"
      FROM "Coding" WHERE "projectId" = ${projectId}
      GROUP BY "sourceId", "start", "end"
      HAVING MIN("codeId") <> MAX("codeId")`,
  ]);
  return {
    perCode: perCode.map((r) => ({ codeId: r.codeId, codings: Number(r.codings), segments: Number(r.segments), sourceIds: r.sourceIds ? r.sourceIds.split(',') : [] })),
    shared: shared.map((r) => ({ codeIds: r.codeIds.split(',') })),
  };
}

/** The project, its codes and relations (after the permission check). */
async function loadBase(projectId: string): Promise<Omit<HierarchyData, 'codings'>> {
  const [project, codes, relations] = await Promise.all([
    db.project.findUnique({ where: { id: projectId }, select: { id: true, name: true, corePrefix: true } }),
    db.code.findMany({
      where: { projectId },
      select: { id: true, name: true, label: true, level: true, parentId: true, color: true, definition: true, networkX: true, networkY: true },
      orderBy: { name: 'asc' },
    }),
    db.codeRelation.findMany({
      where: { projectId },
      select: { id: true, fromId: true, toId: true, type: true, customType: true, memoText: true, evidence: { select: { codingId: true } } },
      orderBy: { createdAt: 'asc' },
    }),
  ]);
  if (!project) throw new AppError('NOT_FOUND', { userMessage: 'Project not found.' });
  return {
    project,
    codes: codes.map((c) => ({ ...c, level: toLevel(c.level) })),
    relations: relations.map((r) => ({
      id: r.id,
      fromId: r.fromId,
      toId: r.toId,
      type: r.type as RelationType,
      customType: r.customType,
      memoText: r.memoText,
      evidenceCodingIds: r.evidence.map((e) => e.codingId),
    })),
  };
}

/** The project's codes as the hierarchy rules see them, inside a transaction. */
export async function hierarchyCodes(tx: Pick<typeof db, 'code'>, projectId: string): Promise<HierarchyCode[]> {
  const rows = await tx.code.findMany({
    where: { projectId },
    select: { id: true, name: true, label: true, level: true, parentId: true, color: true, definition: true },
  });
  return rows.map((c) => ({ ...c, level: toLevel(c.level) }));
}

/** Finds one code of the project or throws NOT_FOUND. */
export function findCode(codes: readonly HierarchyCode[], id: string): HierarchyCode {
  const code = codes.find((c) => c.id === id);
  if (!code) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
  return code;
}
