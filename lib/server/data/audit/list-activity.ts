import 'server-only';

import type { Role } from '@/lib/auth/roles';
import { type AuditCodeRef, type AuditTypeGroup, describeChanges, eventTypeLabel, type FieldChange, groupOfType, groupPrefixes, parseSnapshot } from '@/lib/team/audit';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

/** A Prisma `where` on ProjectEvent. */
export type EventWhere = NonNullable<NonNullable<Parameters<typeof db.projectEvent.count>[0]>['where']>;

/** One event as the activity feed and a code's history show it. */
export interface AuditEventView {
  seq: number;
  type: string;
  typeLabel: string;
  group: AuditTypeGroup | null;
  entityType: string;
  entityId: string;
  sourceId: string | null;
  actor: { id: string; name: string } | null;
  summary: string;
  createdAt: string;
  /** The before → after, one line per changed field (empty when the event carries no snapshot). */
  changes: FieldChange[];
}

export interface AuditPage {
  events: AuditEventView[];
  page: number;
  pageCount: number;
  offset: number;
  total: number;
}

/** Events per page of the feed and of a code's history. */
export const AUDIT_PAGE_SIZE = 50;

type EventRow = {
  seq: number;
  type: string;
  entityType: string;
  entityId: string;
  sourceId: string | null;
  summary: string;
  before: string | null;
  after: string | null;
  createdAt: Date;
  actor: { id: string; name: string } | null;
};

export const EVENT_SELECT = {
  seq: true,
  type: true,
  entityType: true,
  entityId: true,
  sourceId: true,
  summary: true,
  before: true,
  after: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
} as const;

/** The project's codes by id, to name the codes an event's snapshots refer to. */
export async function auditCodeMap(projectId: string): Promise<Map<string, AuditCodeRef>> {
  const codes = await db.code.findMany({ where: { projectId }, select: { id: true, label: true, name: true } });
  return new Map(codes.map((c) => [c.id, { label: c.label, name: c.name }]));
}

export function toAuditView(row: EventRow, codes: ReadonlyMap<string, AuditCodeRef>): AuditEventView {
  return {
    seq: row.seq,
    type: row.type,
    typeLabel: eventTypeLabel(row.type),
    group: groupOfType(row.type),
    entityType: row.entityType,
    entityId: row.entityId,
    sourceId: row.sourceId,
    actor: row.actor,
    summary: row.summary,
    createdAt: row.createdAt.toISOString(),
    changes: describeChanges(row.type, parseSnapshot(row.before), parseSnapshot(row.after), codes),
  };
}

/**
 * Blind coding (lib/team/blind.ts): a coder does not see other coders' coding events on a source
 * that is blind and not released — not even in the feed, whose summaries name the code applied.
 * @returns a `where` excluding those events, or null when nothing is hidden from this viewer.
 */
async function blindExclusion(projectId: string, role: Role, viewerId: string): Promise<EventWhere | null> {
  // canSeeCoding: owners and reviewers see every coding; so do viewers (they never code).
  if (role !== 'coder') return null;
  const project = await db.project.findUnique({ where: { id: projectId }, select: { blindCoding: true, blindReleased: true } });
  const notMine: EventWhere = { OR: [{ actorId: { not: viewerId } }, { actorId: null }] };
  const codingEvent: EventWhere = { type: { startsWith: 'coding.' } };
  if (project?.blindCoding && !project.blindReleased) return { NOT: { AND: [codingEvent, notMine] } };
  const blind = await db.source.findMany({ where: { projectId, blindCoding: true, blindReleased: false }, select: { id: true } });
  if (blind.length === 0) return null;
  return { NOT: { AND: [codingEvent, notMine, { sourceId: { in: blind.map((s) => s.id) } }] } };
}

/**
 * The project's activity feed: every recorded change, newest first (by sequence number), a page
 * at a time, optionally only one member's and only one family of event types. Any member may
 * read it (project:read); a coder on a blind project does not see others' coding events there.
 *
 * @param options.actorId - only events by this member (null: everyone).
 * @param options.group - only this type group (null: all types).
 * @param options.page - 1-based; a page past the end returns the last page.
 * @throws AppError NOT_FOUND (not a member)
 */
export async function listActivity(options: {
  userId: string;
  projectId: string;
  actorId?: string | null;
  group?: AuditTypeGroup | null;
  page?: number;
  pageSize?: number;
}): Promise<AuditPage> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const and: EventWhere[] = [{ projectId: options.projectId }];
  if (options.actorId) and.push({ actorId: options.actorId });
  if (options.group) and.push({ OR: groupPrefixes(options.group).map((p) => ({ type: { startsWith: p } })) });
  const blind = await blindExclusion(options.projectId, role, options.userId);
  if (blind) and.push(blind);
  const where: EventWhere = { AND: and };
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const total = await db.projectEvent.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const offset = (page - 1) * pageSize;
  const [rows, codes] = await Promise.all([
    db.projectEvent.findMany({ where, select: EVENT_SELECT, orderBy: { seq: 'desc' }, skip: offset, take: pageSize }),
    auditCodeMap(options.projectId),
  ]);
  return { events: rows.map((r) => toAuditView(r, codes)), page, pageCount, offset, total };
}

/** The members the feed can be filtered by (current members, by name). @throws AppError NOT_FOUND */
export async function listActivityMembers(options: { userId: string; projectId: string }): Promise<Array<{ id: string; name: string }>> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const rows = await db.membership.findMany({ where: { projectId: options.projectId }, select: { user: { select: { id: true, name: true } } } });
  return rows.map((r) => r.user).sort((a, b) => a.name.localeCompare(b.name));
}
