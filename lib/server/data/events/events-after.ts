import 'server-only';

import type { Role } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors/app-error';
import { canSeeCoding, type BlindSettings } from '@/lib/team/blind';
import type { EventEntityType, EventType, ProjectEventView } from '@/lib/team/event-types';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

/** At most this many events per read; a stream reads again until it has caught up. */
export const EVENTS_PAGE = 500;

/** One read of the change log for a viewer: visible events, and the seq ranges left out. */
export interface EventsAfter {
  /** Visible events after `after`, in seq order. */
  events: ProjectEventView[];
  /** Ranges of events the viewer may not see (blind coding), so the client's sequence has no hole. */
  skipped: Array<{ from: number; through: number }>;
  /** The last seq read (visible or skipped); `after` when nothing was new. */
  lastSeq: number;
  /** Whether more events follow (the page was full). */
  more: boolean;
}

const ROW_SELECT = { seq: true, type: true, entityType: true, entityId: true, sourceId: true, summary: true, createdAt: true, actorId: true, actor: { select: { id: true, name: true } } } as const;
type EventRow = Awaited<ReturnType<typeof readRows>>[number];

function readRows(projectId: string, after: number, limit: number) {
  return db.projectEvent.findMany({ where: { projectId, seq: { gt: after } }, orderBy: { seq: 'asc' }, take: limit, select: ROW_SELECT });
}

/**
 * Reads in flight, by project, position and size: the open streams of one project usually stand
 * at the same seq, so one signal costs one query however many members watch.
 */
const inFlight = new Map<string, Promise<EventRow[]>>();
function sharedRows(projectId: string, after: number, limit: number): Promise<EventRow[]> {
  const key = `${projectId}\u0000${after}\u0000${limit}`;
  let promise = inFlight.get(key);
  if (!promise) {
    promise = readRows(projectId, after, limit).finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
  }
  return promise;
}

/**
 * The project's events after seq `after`, as `userId` may see them: members with
 * `project:read`; for a coder, coding events by others on sources that are blind for them
 * (lib/team/blind.ts) are left out and reported as skipped ranges.
 * @throws AppError NOT_FOUND (not a member, or no longer one)
 */
export async function listEventsAfter(options: { userId: string; projectId: string; after: number; limit?: number }): Promise<EventsAfter> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  return eventsForViewer({ ...options, role });
}

/**
 * {@link listEventsAfter} for a live stream that checked the viewer's membership when it
 * opened (and re-checks it every so often, see lib/server/realtime/stream.ts): no membership
 * query per read, and reads of one project at one position are shared between its streams.
 */
export async function eventsForViewer(options: { userId: string; role: Role; projectId: string; after: number; limit?: number }): Promise<EventsAfter> {
  const { role } = options;
  const limit = Math.min(Math.max(options.limit ?? EVENTS_PAGE, 1), EVENTS_PAGE);
  const rows = await sharedRows(options.projectId, options.after, limit);

  // Blind coding only hides codings from coders; look the settings up only when it can matter.
  let visible = (_row: EventRow) => true;
  const codingSources = [...new Set(rows.filter((r) => r.entityType === 'coding' && r.sourceId && r.actorId !== options.userId).map((r) => r.sourceId as string))];
  if (role === 'coder' && codingSources.length > 0) {
    const [project, sources] = await Promise.all([
      db.project.findUnique({ where: { id: options.projectId }, select: { blindCoding: true, blindReleased: true } }),
      db.source.findMany({ where: { id: { in: codingSources }, projectId: options.projectId }, select: { id: true, blindCoding: true, blindReleased: true } }),
    ]);
    const projectSettings = project ?? { blindCoding: false, blindReleased: false };
    const bySource = new Map(sources.map((s) => [s.id, { blindCoding: s.blindCoding, blindReleased: s.blindReleased }]));
    visible = (row) => {
      if (row.entityType !== 'coding' || !row.sourceId) return true;
      const settings: BlindSettings = { project: projectSettings, source: bySource.get(row.sourceId) ?? { blindCoding: false, blindReleased: false } };
      return canSeeCoding(settings, role, options.userId, row.actorId);
    };
  }

  const events: ProjectEventView[] = [];
  const skipped: EventsAfter['skipped'] = [];
  for (const row of rows) {
    if (visible(row)) {
      events.push({
        seq: row.seq,
        type: row.type as EventType,
        entityType: row.entityType as EventEntityType,
        entityId: row.entityId,
        sourceId: row.sourceId,
        actor: row.actor,
        summary: row.summary,
        createdAt: row.createdAt.toISOString(),
      });
      continue;
    }
    const last = skipped[skipped.length - 1];
    if (last && last.through === row.seq - 1) last.through = row.seq;
    else skipped.push({ from: row.seq, through: row.seq });
  }
  return { events, skipped, lastSeq: rows.length ? rows[rows.length - 1].seq : options.after, more: rows.length === limit };
}

/**
 * The project's latest seq (Project.eventSeq), for a stream that starts "from now" and for the
 * realtime layer's safety-net poll. Internal: no viewer, so callers authorize first.
 * @returns 0 for a project without events, null for a project that no longer exists.
 */
export async function projectEventHead(projectId: string): Promise<number | null> {
  const project = await db.project.findUnique({ where: { id: projectId }, select: { eventSeq: true } });
  return project ? project.eventSeq : null;
}

/** The latest seq of several projects at once (the safety-net poll of every open project). */
export async function projectEventHeads(projectIds: string[]): Promise<Map<string, number>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db.project.findMany({ where: { id: { in: projectIds } }, select: { id: true, eventSeq: true } });
  return new Map(rows.map((r) => [r.id, r.eventSeq]));
}

/**
 * Opens a viewer's event stream: checks `project:read` and fixes the starting point, the seq
 * the client last saw, or the project's latest seq for a stream that starts now.
 * @throws AppError NOT_FOUND
 */
export async function startEventStream(options: { userId: string; projectId: string; after: number | null }): Promise<{ after: number; role: Role }> {
  const { role } = await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  if (options.after !== null) return { after: options.after, role };
  return { after: (await projectEventHead(options.projectId)) ?? 0, role };
}

/** The viewer's current role in the project (a live stream re-checks it). @throws AppError NOT_FOUND */
export async function viewerRole(options: { userId: string; projectId: string }): Promise<Role> {
  return (await requireProjectPermission({ ...options, permission: 'project:read' })).role;
}

/**
 * Checks a presence heartbeat: the user reads the project, and the source (if any) is one of
 * its sources.
 * @throws AppError NOT_FOUND
 */
export async function checkPresence(options: { userId: string; projectId: string; sourceId: string | null }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  if (options.sourceId === null) return;
  const source = await db.source.findFirst({ where: { id: options.sourceId, projectId: options.projectId }, select: { id: true } });
  if (!source) throw new AppError('NOT_FOUND', { userMessage: 'Source not found.' });
}
