import { describe, expect, it } from 'vitest';

import { initialStreamState, receive, type EventStreamState, type StreamMessage } from './event-stream';
import type { ProjectEventView } from './event-types';

const ev = (seq: number): ProjectEventView => ({
  seq,
  type: 'coding.created',
  entityType: 'coding',
  entityId: `c${seq}`,
  sourceId: 's1',
  actor: { id: 'u1', name: 'Ana' },
  summary: `event ${seq}`,
  createdAt: '2026-12-06T08:00:00.000Z',
});
const change = (seq: number): StreamMessage => ({ kind: 'change', event: ev(seq) });

/** Feeds messages in order; returns the seqs applied, the final state and every catch-up request. */
function run(messages: StreamMessage[], state: EventStreamState = initialStreamState()) {
  const applied: number[] = [];
  const catchUps: number[] = [];
  for (const m of messages) {
    const step = receive(state, m);
    state = step.state;
    applied.push(...step.apply.map((e) => e.seq));
    if (step.catchUpAfter !== null) catchUps.push(step.catchUpAfter);
  }
  return { applied, state, catchUps };
}

describe('event stream reducer', () => {
  it('applies events in order after hello', () => {
    const r = run([{ kind: 'hello', after: 4 }, change(5), change(6), change(7)]);
    expect(r.applied).toEqual([5, 6, 7]);
    expect(r.state.lastSeq).toBe(7);
    expect(r.catchUps).toEqual([]);
  });

  it('applies nothing twice when a reconnect replays events already seen', () => {
    const r = run([{ kind: 'hello', after: 0 }, change(1), change(2), change(3), { kind: 'hello', after: 1 }, change(2), change(3), change(4)]);
    expect(r.applied).toEqual([1, 2, 3, 4]);
  });

  it('holds an event after a hole, asks to catch up, and applies both once the hole is filled', () => {
    const first = run([{ kind: 'hello', after: 10 }, change(11), change(13)]);
    expect(first.applied).toEqual([11]);
    expect(first.catchUps).toEqual([11]);
    expect(first.state.lastSeq).toBe(11);
    const second = run([change(12), change(13)], first.state);
    expect(second.applied).toEqual([12, 13]);
    expect(second.state.lastSeq).toBe(13);
    expect(second.state.waiting.size).toBe(0);
    expect(second.catchUps).toEqual([]);
  });

  it('skips advance the sequence without applying anything (blind coding)', () => {
    const r = run([{ kind: 'hello', after: 0 }, change(1), { kind: 'skip', from: 2, through: 4 }, change(5)]);
    expect(r.applied).toEqual([1, 5]);
    expect(r.state.lastSeq).toBe(5);
    expect(r.catchUps).toEqual([]);
  });

  it('a skip arriving after the event past it fills the hole', () => {
    const r = run([{ kind: 'hello', after: 0 }, change(3), { kind: 'skip', from: 1, through: 2 }]);
    expect(r.applied).toEqual([3]);
    expect(r.catchUps).toEqual([0]);
    expect(r.state.lastSeq).toBe(3);
  });

  it('a hello past what we have seen asks for a catch-up from our own position', () => {
    const r = run([{ kind: 'hello', after: 0 }, change(1), { kind: 'hello', after: 5 }]);
    expect(r.catchUps).toEqual([1]);
    expect(r.state.lastSeq).toBe(1);
  });

  it('starts from the page state when the page knows its seq', () => {
    const r = run([{ kind: 'hello', after: 3 }, change(4), change(5)], initialStreamState(4));
    expect(r.applied).toEqual([5]);
  });
});
