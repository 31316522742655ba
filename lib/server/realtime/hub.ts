import 'server-only';

import pg from 'pg';

import { applyPresenceSignal, expirePresence, parsePresenceSignal, type PresenceRegistry, type PresenceSignal, presenceSnapshot, type PresenceSnapshot } from '@/lib/team/presence';

import { parseDatabaseUrl, pgConnectionConfig } from '../db/database-url';
import { EVENT_CHANNEL } from '../data/events/record-event';
import { projectEventHeads } from '../data/events/events-after';
import { announce, announcer } from './announce';

/**
 * The process's realtime hub, started lazily by the first event stream:
 * - on PostgreSQL one dedicated connection LISTENs on {@link EVENT_CHANNEL} (payload: a project
 *   id, sent by recordEvent inside the writing transaction) and {@link PRESENCE_CHANNEL}, and
 *   turns every notification into the local announcer's signal, so every instance on the
 *   database hears every instance's writes; it reconnects with backoff after a drop;
 * - on SQLite there is one process, and the in-process announcer already is the relay;
 * - a safety-net poll reads the latest seq of every project with an open stream every
 *   {@link POLL_MS}, so a missed signal (a NOTIFY during a reconnect) delays, never loses;
 * - the presence registry (lib/team/presence.ts), fed by heartbeats of all instances.
 *
 * Announcer events: `project` (projectId: new events) and `presence` (projectId: presence changed).
 */
export const PRESENCE_CHANNEL = 'groundwork_presence';
/** Safety-net poll of open projects' latest seq. */
export const POLL_MS = 3_000;
/** How often expired presence entries are swept. */
const SWEEP_MS = 5_000;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 30_000;

interface Hub {
  started: boolean;
  postgres: boolean;
  /** Open streams per project. */
  open: Map<string, number>;
  /** Latest seq per open project, as the poll last saw it. */
  heads: Map<string, number>;
  presence: PresenceRegistry;
  client: pg.Client | null;
  connecting: boolean;
  backoff: number;
  timers: ReturnType<typeof setInterval>[];
  /** Resolves when the listener is connected (or immediately on SQLite). */
  ready: Promise<void>;
  markReady: () => void;
}

const holder = globalThis as typeof globalThis & { __groundworkHub?: Hub };

function hub(): Hub {
  if (!holder.__groundworkHub) {
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    holder.__groundworkHub = {
      started: false,
      postgres: parseDatabaseUrl(process.env.DATABASE_URL).provider === 'postgresql',
      open: new Map(),
      heads: new Map(),
      presence: new Map(),
      client: null,
      connecting: false,
      backoff: BACKOFF_MIN_MS,
      timers: [],
      ready,
      markReady,
    };
  }
  return holder.__groundworkHub;
}

/** Starts the hub once per process (idempotent). Resolves when the listener (PG) is connected. */
export function startRealtime(): Promise<void> {
  const h = hub();
  if (!h.started) {
    h.started = true;
    const poll = setInterval(() => void pollHeads(), POLL_MS);
    const sweep = setInterval(() => {
      for (const projectId of expirePresence(h.presence, Date.now())) announcer().emit('presence', projectId);
    }, SWEEP_MS);
    poll.unref?.();
    sweep.unref?.();
    h.timers.push(poll, sweep);
    if (h.postgres) void connect();
    else h.markReady();
  }
  return h.ready;
}

async function connect(): Promise<void> {
  const h = hub();
  if (h.connecting || h.client) return;
  h.connecting = true;
  const client = new pg.Client(pgConnectionConfig(parseDatabaseUrl(process.env.DATABASE_URL).url));
  let retried = false;
  const retry = (error?: unknown) => {
    if (retried) return;
    retried = true;
    if (h.client === client) h.client = null;
    client.removeAllListeners('notification');
    client.end().catch(() => {});
    if (error) console.error(`realtime: PostgreSQL listener lost (${error instanceof Error ? error.message : String(error)}); reconnecting in ${h.backoff} ms`);
    const wait = h.backoff;
    h.backoff = Math.min(h.backoff * 2, BACKOFF_MAX_MS);
    setTimeout(() => void connect(), wait).unref?.();
  };
  client.on('error', retry);
  client.on('end', () => retry(new Error('connection ended')));
  client.on('notification', (message) => {
    if (!message.payload) return;
    if (message.channel === EVENT_CHANNEL) announce(message.payload);
    else if (message.channel === PRESENCE_CHANNEL) {
      const signal = parsePresenceSignal(message.payload);
      if (signal) applyLocally(signal);
    }
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${EVENT_CHANNEL}`);
    await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
    h.client = client;
    h.backoff = BACKOFF_MIN_MS;
    h.markReady();
    // Whatever was written while we were not listening: let every open stream look.
    for (const projectId of h.open.keys()) announce(projectId);
  } catch (error) {
    retry(error);
  } finally {
    h.connecting = false;
  }
}

async function pollHeads(): Promise<void> {
  const h = hub();
  const ids = [...h.open.keys()];
  if (ids.length === 0) return;
  try {
    const heads = await projectEventHeads(ids);
    for (const [projectId, seq] of heads) {
      const known = h.heads.get(projectId);
      h.heads.set(projectId, seq);
      if (known !== undefined && seq > known) announce(projectId);
    }
  } catch (error) {
    console.error('realtime: poll failed', error instanceof Error ? error.message : error);
  }
}

/** Registers an open stream of `projectId`; returns the function that unregisters it. */
export function trackStream(projectId: string): () => void {
  const h = hub();
  h.open.set(projectId, (h.open.get(projectId) ?? 0) + 1);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const n = (h.open.get(projectId) ?? 1) - 1;
    if (n <= 0) {
      h.open.delete(projectId);
      h.heads.delete(projectId);
    } else h.open.set(projectId, n);
  };
}

function applyLocally(signal: PresenceSignal): void {
  if (applyPresenceSignal(hub().presence, signal, Date.now())) announcer().emit('presence', signal.projectId);
}

/**
 * Records a heartbeat or goodbye: in this instance's registry, and on PostgreSQL for every other
 * instance (NOTIFY on the listener's connection; this instance hears its own notification
 * too, which changes nothing).
 */
export async function publishPresence(signal: PresenceSignal): Promise<void> {
  applyLocally(signal);
  const h = hub();
  if (!h.postgres) return;
  await startRealtime();
  const client = h.client;
  if (!client) return; // reconnecting: the next heartbeat gets through
  try {
    await client.query('SELECT pg_notify($1, $2)', [PRESENCE_CHANNEL, JSON.stringify(signal)]);
  } catch (error) {
    console.error('realtime: presence notify failed', error instanceof Error ? error.message : error);
  }
}

/** The project's presence as this instance knows it. */
export function currentPresence(projectId: string): PresenceSnapshot {
  return presenceSnapshot(hub().presence.get(projectId)?.values() ?? [], Date.now());
}
