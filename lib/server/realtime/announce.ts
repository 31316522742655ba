import 'server-only';

import { EventEmitter } from 'node:events';

/**
 * The process's "project X has new events" signal. Data functions call {@link announce} after
 * their transaction commits; on PostgreSQL recordEvent also sends pg_notify inside the
 * transaction, which every instance's listener (lib/server/realtime) turns into the same local
 * signal. Subscribers then read the rows after the last seq they delivered, so the signal
 * carries no data and a lost or doubled signal loses or doubles nothing.
 */
const holder = globalThis as typeof globalThis & { __groundworkAnnouncer?: EventEmitter };

export function announcer(): EventEmitter {
  if (!holder.__groundworkAnnouncer) {
    holder.__groundworkAnnouncer = new EventEmitter();
    // One listener per open event stream.
    holder.__groundworkAnnouncer.setMaxListeners(0);
  }
  return holder.__groundworkAnnouncer;
}

/** Signals this process's subscribers that `projectId` has new events (call after commit). */
export function announce(projectId: string): void {
  announcer().emit('project', projectId);
}
