import 'server-only';

import type { Role } from '@/lib/auth/roles';
import { isAppError } from '@/lib/errors/app-error';
import type { PresenceSnapshot } from '@/lib/team/presence';

import { eventsForViewer, viewerRole } from '../data/events/events-after';
import { announcer } from './announce';
import { currentPresence, publishPresence, startRealtime, trackStream } from './hub';

/** A comment line every so often keeps proxies and load balancers from closing an idle stream. */
export const KEEP_ALIVE_MS = 20_000;
/** How often a stream re-checks presence (entries expire without a signal). */
const PRESENCE_CHECK_MS = 5_000;
/** How often a stream re-checks the viewer's membership and role (removed → the stream ends). */
const ROLE_CHECK_MS = 30_000;

export interface StreamOptions {
  userId: string;
  projectId: string;
  /** The viewer's role when the stream opened (checked by the caller, re-checked here). */
  role: Role;
  /** Deliver events with seq > after (already authorized; the caller read the head when absent). */
  after: number;
  /** The browser tab's presence id: its entry is removed when the stream closes. */
  clientId?: string | null;
  signal: AbortSignal;
}

/** One SSE message. `id` only on sequence messages, so presence never moves Last-Event-ID. */
export function sseMessage(event: string, data: unknown, id?: number): string {
  return `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The project's live stream (text/event-stream): `hello`, then every event after `after` in
 * seq order (`change`, or `skip` for what the viewer may not see), then new ones as they are
 * announced; `presence` whenever who is online changes; a keep-alive comment every
 * {@link KEEP_ALIVE_MS}. Reads happen on signals only (no busy loop); one read at a time, and
 * a signal during a read triggers one more. Everything is released when the client goes
 * (request aborted or stream cancelled), or when the viewer loses access (the stream ends).
 */
export function projectEventStream(options: StreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let lastSeq = options.after;
  let closed = false;
  let reading = false;
  let again = false;
  let lastPresence = '';
  let role = options.role;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const untrack = trackStream(options.projectId);
  const timers: ReturnType<typeof setInterval>[] = [];

  const write = (text: string) => {
    if (closed) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };

  const read = async () => {
    if (closed) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        for (;;) {
          const page = await eventsForViewer({ userId: options.userId, role, projectId: options.projectId, after: lastSeq });
          if (closed) return;
          // Visible events and skipped ranges, merged back into seq order.
          const items = [...page.events.map((e) => ({ at: e.seq, text: sseMessage('change', e, e.seq) })), ...page.skipped.map((s) => ({ at: s.from, text: sseMessage('skip', s, s.through) }))];
          items.sort((a, b) => a.at - b.at);
          write(items.map((i) => i.text).join(''));
          lastSeq = page.lastSeq;
          if (!page.more) break;
        }
      } while (again && !closed);
    } catch (error) {
      console.error('event stream: read failed', error instanceof Error ? error.message : error);
    } finally {
      reading = false;
    }
  };

  const checkRole = async () => {
    try {
      role = await viewerRole({ userId: options.userId, projectId: options.projectId });
    } catch (error) {
      if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) close();
    }
  };

  const sendPresence = () => {
    const snapshot: PresenceSnapshot = currentPresence(options.projectId);
    const json = JSON.stringify(snapshot);
    if (json === lastPresence) return;
    lastPresence = json;
    write(`event: presence\ndata: ${json}\n\n`);
  };

  const onProject = (projectId: string) => {
    if (projectId === options.projectId) void read();
  };
  const onPresence = (projectId: string) => {
    if (projectId === options.projectId) sendPresence();
  };

  function close() {
    if (closed) return;
    closed = true;
    announcer().off('project', onProject);
    announcer().off('presence', onPresence);
    for (const t of timers) clearInterval(t);
    untrack();
    options.signal.removeEventListener('abort', close);
    if (options.clientId) void publishPresence({ kind: 'leave', projectId: options.projectId, clientId: options.clientId });
    try {
      controller.close();
    } catch {
      // already closed by the client
    }
  }

  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (options.signal.aborted) {
        close();
        return;
      }
      options.signal.addEventListener('abort', close);
      announcer().on('project', onProject);
      announcer().on('presence', onPresence);
      // Reconnecting browsers wait this long (ms) before trying again.
      write(`retry: 2000\n${sseMessage('hello', { after: options.after })}`);
      timers.push(
        setInterval(() => write(': keep-alive\n\n'), KEEP_ALIVE_MS),
        setInterval(sendPresence, PRESENCE_CHECK_MS),
        setInterval(() => void checkRole(), ROLE_CHECK_MS),
      );
      sendPresence();
      // Catch up, and start listening across instances (on PostgreSQL) before relying on it.
      void read();
      void startRealtime().then(() => read());
    },
    cancel() {
      close();
    },
  });
}
