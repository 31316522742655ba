import type { ProjectEventView } from './event-types';

/**
 * The client side of a project's event stream (GET /api/projects/:id/events), as a pure
 * reducer: every event carries its per-project sequence number, so after a reconnect or a
 * catch-up that overlaps what was already seen, each event is applied exactly once and in
 * order; an event that arrives after a hole waits until the hole is filled by a catch-up
 * (`?after=<lastSeq>`).
 *
 * What the server sends (SSE):
 * - `hello` `{ after }`: the stream starts after seq `after`;
 * - `change` (id = seq): a {@link ProjectEventView};
 * - `skip` (id = through) `{ from, through }`: events the viewer may not see (blind coding), so
 *   the sequence has no hole;
 * - `presence`: who is online (lib/team/presence.ts), outside the sequence.
 */
export type StreamMessage = { kind: 'hello'; after: number } | { kind: 'change'; event: ProjectEventView } | { kind: 'skip'; from: number; through: number };

export interface EventStreamState {
  /** Every event ≤ lastSeq has been applied (or skipped); null before the stream said hello. */
  lastSeq: number | null;
  /** Events received past a hole, by seq, waiting for the hole to be filled. */
  waiting: ReadonlyMap<number, StreamMessage & { kind: 'change' | 'skip' }>;
}

export interface StreamStep {
  state: EventStreamState;
  /** Events to apply now, in seq order, each exactly once. */
  apply: ProjectEventView[];
  /** Set when a hole was seen: fetch the events after this seq (reconnect with `?after=`). */
  catchUpAfter: number | null;
}

/** @param lastSeq - the seq the page's data already reflects, when known. */
export function initialStreamState(lastSeq: number | null = null): EventStreamState {
  return { lastSeq, waiting: new Map() };
}

const firstSeq = (m: StreamMessage & { kind: 'change' | 'skip' }) => (m.kind === 'change' ? m.event.seq : m.from);
const lastSeqOf = (m: StreamMessage & { kind: 'change' | 'skip' }) => (m.kind === 'change' ? m.event.seq : m.through);

/** Feeds one message to the state. */
export function receive(state: EventStreamState, message: StreamMessage): StreamStep {
  if (message.kind === 'hello') {
    // The first hello fixes the starting point; a later one (reconnect) starts where we asked.
    if (state.lastSeq === null) return { state: { ...state, lastSeq: message.after }, apply: [], catchUpAfter: null };
    if (message.after > state.lastSeq) return { state, apply: [], catchUpAfter: state.lastSeq };
    return { state, apply: [], catchUpAfter: null };
  }
  if (state.lastSeq === null) {
    // No hello yet: take the stream as it comes.
    return drain({ lastSeq: firstSeq(message) - 1, waiting: state.waiting }, message);
  }
  if (lastSeqOf(message) <= state.lastSeq) return { state, apply: [], catchUpAfter: null }; // seen already
  return drain(state, message);
}

function drain(state: EventStreamState, message: StreamMessage & { kind: 'change' | 'skip' }): StreamStep {
  const waiting = new Map(state.waiting);
  waiting.set(firstSeq(message), message);
  let lastSeq = state.lastSeq as number;
  const apply: ProjectEventView[] = [];
  for (;;) {
    // The next message is the one that starts at or before lastSeq + 1 and reaches past it.
    let next: (StreamMessage & { kind: 'change' | 'skip' }) | undefined;
    for (const [from, m] of waiting) {
      if (lastSeqOf(m) <= lastSeq) {
        waiting.delete(from); // overtaken
        continue;
      }
      if (from <= lastSeq + 1 && (!next || firstSeq(m) < firstSeq(next))) next = m;
    }
    if (!next) break;
    waiting.delete(firstSeq(next));
    if (next.kind === 'change') apply.push(next.event);
    lastSeq = lastSeqOf(next);
  }
  return { state: { lastSeq, waiting }, apply, catchUpAfter: waiting.size > 0 ? lastSeq : null };
}
