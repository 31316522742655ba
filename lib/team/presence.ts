/**
 * Presence: who has a project open, and who is viewing or coding which source. Every open
 * browser tab (a "client") sends a heartbeat about every {@link HEARTBEAT_MS}; an entry not
 * refreshed within {@link PRESENCE_TTL_MS} has gone (a closed laptop sends no goodbye). Each
 * app instance keeps its own registry, fed by the heartbeats of all instances (PostgreSQL
 * NOTIFY, lib/server/realtime), so timestamps are the receiving instance's clock.
 */

export type PresenceMode = 'viewing' | 'coding';

/** How often a client says it is still there. */
export const HEARTBEAT_MS = 15_000;
/** A client silent this long has left (three missed heartbeats). */
export const PRESENCE_TTL_MS = 45_000;

/** One client's latest heartbeat. */
export interface PresenceEntry {
  clientId: string;
  userId: string;
  name: string;
  /** The source the client has open, null elsewhere in the project. */
  sourceId: string | null;
  mode: PresenceMode;
  /** When this instance last heard from the client (ms). */
  seenAt: number;
}

/** A heartbeat or goodbye as it travels between instances. */
export type PresenceSignal =
  | { kind: 'beat'; projectId: string; clientId: string; userId: string; name: string; sourceId: string | null; mode: PresenceMode }
  | { kind: 'leave'; projectId: string; clientId: string };

/** clientId → entry, per project. */
export type PresenceRegistry = Map<string, Map<string, PresenceEntry>>;

export interface PresentPerson {
  userId: string;
  name: string;
}

/** What clients receive: who is online, and per source who views and who codes it. */
export interface PresenceSnapshot {
  online: PresentPerson[];
  sources: Record<string, { viewing: PresentPerson[]; coding: PresentPerson[] }>;
}

/** Applies one signal (received at `now`); returns whether the visible state changed. */
export function applyPresenceSignal(registry: PresenceRegistry, signal: PresenceSignal, now: number): boolean {
  let project = registry.get(signal.projectId);
  if (signal.kind === 'leave') {
    const removed = project?.delete(signal.clientId) ?? false;
    if (project && project.size === 0) registry.delete(signal.projectId);
    return removed;
  }
  if (!project) registry.set(signal.projectId, (project = new Map()));
  const previous = project.get(signal.clientId);
  project.set(signal.clientId, { clientId: signal.clientId, userId: signal.userId, name: signal.name, sourceId: signal.sourceId, mode: signal.mode, seenAt: now });
  return !previous || previous.sourceId !== signal.sourceId || previous.mode !== signal.mode || previous.name !== signal.name || previous.userId !== signal.userId;
}

/** Drops entries not heard from within `ttl`; returns the ids of the projects that changed. */
export function expirePresence(registry: PresenceRegistry, now: number, ttl = PRESENCE_TTL_MS): string[] {
  const changed: string[] = [];
  for (const [projectId, project] of registry) {
    let any = false;
    for (const [clientId, entry] of project) {
      if (now - entry.seenAt > ttl) {
        project.delete(clientId);
        any = true;
      }
    }
    if (any) changed.push(projectId);
    if (project.size === 0) registry.delete(projectId);
  }
  return changed;
}

const byName = (a: PresentPerson, b: PresentPerson) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId);

/**
 * The project's presence as people, not tabs: a user with two tabs on one source counts once,
 * and counts as coding there if either tab codes. Entries older than `ttl` are left out.
 */
export function presenceSnapshot(entries: Iterable<PresenceEntry>, now: number, ttl = PRESENCE_TTL_MS): PresenceSnapshot {
  const online = new Map<string, PresentPerson>();
  const perSource = new Map<string, Map<string, { person: PresentPerson; coding: boolean }>>();
  for (const entry of entries) {
    if (now - entry.seenAt > ttl) continue;
    const person = { userId: entry.userId, name: entry.name };
    online.set(entry.userId, person);
    if (!entry.sourceId) continue;
    let source = perSource.get(entry.sourceId);
    if (!source) perSource.set(entry.sourceId, (source = new Map()));
    const seen = source.get(entry.userId);
    source.set(entry.userId, { person, coding: (seen?.coding ?? false) || entry.mode === 'coding' });
  }
  const sources: PresenceSnapshot['sources'] = {};
  for (const [sourceId, people] of [...perSource].sort(([a], [b]) => a.localeCompare(b))) {
    const all = [...people.values()];
    sources[sourceId] = {
      coding: all.filter((p) => p.coding).map((p) => p.person).sort(byName),
      viewing: all.filter((p) => !p.coding).map((p) => p.person).sort(byName),
    };
  }
  return { online: [...online.values()].sort(byName), sources };
}

/** Who else is on one source: everyone there except `selfId`, coders first. */
export function othersOnSource(snapshot: PresenceSnapshot, sourceId: string, selfId: string): Array<PresentPerson & { mode: PresenceMode }> {
  const here = snapshot.sources[sourceId];
  if (!here) return [];
  return [
    ...here.coding.filter((p) => p.userId !== selfId).map((p) => ({ ...p, mode: 'coding' as const })),
    ...here.viewing.filter((p) => p.userId !== selfId).map((p) => ({ ...p, mode: 'viewing' as const })),
  ];
}

/** "AB" from "Ana Bell", "李" from "李娜", "?" from nothing: the avatar's letters. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]][0] ?? '';
  const last = words.length > 1 ? ([...words[words.length - 1]][0] ?? '') : '';
  return (first + last).toUpperCase();
}

/**
 * Whether a client counts as coding: it has text selected or the code picker open, or it coded
 * within the last minute; otherwise it is viewing.
 */
export const CODING_LINGER_MS = 60_000;
export function presenceMode(input: { selecting: boolean; lastCodedAt: number | null; now: number }): PresenceMode {
  if (input.selecting) return 'coding';
  return input.lastCodedAt !== null && input.now - input.lastCodedAt < CODING_LINGER_MS ? 'coding' : 'viewing';
}

/** Validates a presence signal received from another instance (NOTIFY payload), or null. */
export function parsePresenceSignal(json: string): PresenceSignal | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const str = (x: unknown) => typeof x === 'string' && x.length > 0 && x.length <= 200;
  if (!str(v.projectId) || !str(v.clientId)) return null;
  if (v.kind === 'leave') return { kind: 'leave', projectId: v.projectId as string, clientId: v.clientId as string };
  if (v.kind !== 'beat' || !str(v.userId) || typeof v.name !== 'string' || (v.mode !== 'viewing' && v.mode !== 'coding')) return null;
  if (v.sourceId !== null && !str(v.sourceId)) return null;
  return { kind: 'beat', projectId: v.projectId as string, clientId: v.clientId as string, userId: v.userId as string, name: v.name, sourceId: v.sourceId as string | null, mode: v.mode };
}
