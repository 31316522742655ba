import 'server-only';

import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { AUDIT_PAGE_SIZE, type EventWhere, type AuditPage, auditCodeMap, EVENT_SELECT, toAuditView } from './list-activity';

/** Event families that make up a code's history: its own changes, structural changes, relations. */
const HISTORY_PREFIXES = ['code.', 'hierarchy.', 'relation.'];

/**
 * A code's history: the codebook and hierarchy events about it, newest first, a page at a time.
 *
 * How they are found: events whose entityId is the code, plus events whose before/after JSON
 * contains the code's id — merges, splits, moves and groupings name every affected code there,
 * relations name their two ends (fromId/toId). Ids are cuids, so a substring match on the
 * snapshot text cannot hit another id by accident. The `contains` is a scan of the project's
 * codebook/hierarchy events (bounded by the projectId + type prefix), not of the whole log;
 * a code's history is opened rarely and a project records at most thousands of such events.
 *
 * The code itself may be gone (merged away, deleted): its history is still readable as long
 * as events name it. `code` is then null.
 *
 * @throws AppError NOT_FOUND when the user is not a member, or no code and no event has this id.
 */
export async function getCodeHistory(options: { userId: string; projectId: string; codeId: string; page?: number; pageSize?: number }): Promise<
  AuditPage & { code: { id: string; label: string; name: string; level: number; color: string } | null }
> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const code = await db.code.findFirst({
    where: { id: options.codeId, projectId: options.projectId },
    select: { id: true, label: true, name: true, level: true, color: true },
  });
  const where: EventWhere = {
    projectId: options.projectId,
    OR: HISTORY_PREFIXES.map((p) => ({ type: { startsWith: p } })),
    AND: [{ OR: [{ entityId: options.codeId }, { before: { contains: options.codeId } }, { after: { contains: options.codeId } }] }],
  };
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const total = await db.projectEvent.count({ where });
  if (!code && total === 0) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const offset = (page - 1) * pageSize;
  const [rows, codes] = await Promise.all([
    db.projectEvent.findMany({ where, select: EVENT_SELECT, orderBy: { seq: 'desc' }, skip: offset, take: pageSize }),
    auditCodeMap(options.projectId),
  ]);
  return { code, events: rows.map((r) => toAuditView(r, codes)), page, pageCount, offset, total };
}
