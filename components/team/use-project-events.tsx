'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';

import { initialStreamState, receive, type EventStreamState, type StreamMessage } from '@/lib/team/event-stream';
import type { ProjectEventView } from '@/lib/team/event-types';
import { HEARTBEAT_MS, type PresenceMode, type PresenceSnapshot } from '@/lib/team/presence';

/**
 * One live connection per open project (mounted by the project layout, so it survives moving
 * between the project's pages): the event stream (GET /api/projects/:id/events) read through
 * the pure reducer of lib/team/event-stream.ts, and this tab's presence heartbeat
 * (POST /api/projects/:id/presence). Pages subscribe with {@link useProjectEvents}, say where
 * the user is with {@link usePresenceLocation}, and read {@link usePresence}.
 */
interface LiveContext {
  projectId: string;
  selfId: string;
  subscribe(listener: (events: ProjectEventView[]) => void): () => void;
  presence: PresenceSnapshot;
  setLocation(location: { sourceId: string | null; mode: PresenceMode }): void;
  connected: boolean;
}

const Context = createContext<LiveContext | null>(null);
const EMPTY: PresenceSnapshot = { online: [], sources: {} };
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

function newClientId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `c${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
}

export function ProjectEventsProvider({ projectId, selfId, initialSeq, children }: { projectId: string; selfId: string; initialSeq: number | null; children: React.ReactNode }) {
  const [clientId] = useState(newClientId);
  const listeners = useRef(new Set<(events: ProjectEventView[]) => void>());
  const [presence, setPresence] = useState<PresenceSnapshot>(EMPTY);
  const [connected, setConnected] = useState(false);
  const location = useRef<{ sourceId: string | null; mode: PresenceMode }>({ sourceId: null, mode: 'viewing' });
  const streamState = useRef<EventStreamState>(initialStreamState(initialSeq));

  const beat = useCallback(
    (leave = false) => {
      const body = JSON.stringify({ client: clientId, sourceId: location.current.sourceId, mode: location.current.mode, ...(leave ? { leave: true } : {}) });
      void fetch(`/api/projects/${projectId}/presence`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, keepalive: leave }).catch(() => {});
    },
    [clientId, projectId],
  );

  // The event stream, reopened with ?after= after a failure or a hole in the sequence.
  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let retryDelay = RETRY_MIN_MS;
    let stopped = false;

    const open = () => {
      if (stopped) return;
      const after = streamState.current.lastSeq;
      const url = `/api/projects/${projectId}/events?client=${encodeURIComponent(clientId)}${after !== null ? `&after=${after}` : ''}`;
      const es = new EventSource(url);
      source = es;
      const feed = (message: StreamMessage) => {
        const step = receive(streamState.current, message);
        streamState.current = step.state;
        if (step.apply.length) for (const listener of listeners.current) listener(step.apply);
        if (step.catchUpAfter !== null) reopen(0);
      };
      es.addEventListener('hello', (e) => {
        retryDelay = RETRY_MIN_MS;
        setConnected(true);
        beat(); // a reconnect closed our presence entry on the server
        feed({ kind: 'hello', ...(JSON.parse((e as MessageEvent<string>).data) as { after: number }) });
      });
      es.addEventListener('change', (e) => feed({ kind: 'change', event: JSON.parse((e as MessageEvent<string>).data) as ProjectEventView }));
      es.addEventListener('skip', (e) => feed({ kind: 'skip', ...(JSON.parse((e as MessageEvent<string>).data) as { from: number; through: number }) }));
      es.addEventListener('presence', (e) => setPresence(JSON.parse((e as MessageEvent<string>).data) as PresenceSnapshot));
      es.onerror = () => {
        setConnected(false);
        // CONNECTING: the browser retries by itself (with Last-Event-ID). CLOSED: it gave up
        // (an HTTP error, e.g. signed out or the server restarting); we try again later.
        if (es.readyState === EventSource.CLOSED) reopen(retryDelay);
      };
    };
    const reopen = (delay: number) => {
      source?.close();
      source = null;
      clearTimeout(retryTimer);
      retryTimer = setTimeout(open, delay);
      if (delay > 0) retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
    };

    open();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [projectId, clientId, beat]);

  // The heartbeat, and a goodbye when the tab goes.
  useEffect(() => {
    const timer = setInterval(() => beat(), HEARTBEAT_MS);
    const onHide = () => beat(true);
    const onShow = () => {
      if (document.visibilityState === 'visible') beat();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onShow);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onShow);
      beat(true);
    };
  }, [beat]);

  const setLocation = useCallback(
    (next: { sourceId: string | null; mode: PresenceMode }) => {
      if (location.current.sourceId === next.sourceId && location.current.mode === next.mode) return;
      location.current = next;
      beat();
    },
    [beat],
  );
  const subscribe = useCallback((listener: (events: ProjectEventView[]) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const value = useMemo<LiveContext>(() => ({ projectId, selfId, subscribe, presence, setLocation, connected }), [projectId, selfId, subscribe, presence, setLocation, connected]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** Calls `handler` with each batch of new events (in seq order, each once). No-op outside a project. */
export function useProjectEvents(handler: (events: ProjectEventView[]) => void): void {
  const ctx = useContext(Context);
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => ctx?.subscribe((events) => ref.current(events)), [ctx?.subscribe]); // eslint-disable-line react-hooks/exhaustive-deps
}

/** Who is online and on which source, and who "I" am. */
export function usePresence(): { presence: PresenceSnapshot; selfId: string | null; connected: boolean } {
  const ctx = useContext(Context);
  return { presence: ctx?.presence ?? EMPTY, selfId: ctx?.selfId ?? null, connected: ctx?.connected ?? false };
}

/** Tells the others where this tab is: on `sourceId` (viewing or coding), or elsewhere (null). */
export function usePresenceLocation(sourceId: string | null, mode: PresenceMode = 'viewing'): void {
  const ctx = useContext(Context);
  const setLocation = ctx?.setLocation;
  useEffect(() => {
    setLocation?.({ sourceId, mode });
  }, [setLocation, sourceId, mode]);
  useEffect(() => () => setLocation?.({ sourceId: null, mode: 'viewing' }), [setLocation, sourceId]);
}

/** The id of the signed-in user, for telling one's own events from others'. */
export function useSelfId(): string | null {
  return useContext(Context)?.selfId ?? null;
}
