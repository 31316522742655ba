import pg from 'pg';
import { describe, expect, it } from 'vitest';

import type { ProjectEventView } from '@/lib/team/event-types';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../db/client';
import { parseDatabaseUrl, pgConnectionConfig } from '../db/database-url';
import { listEventsAfter } from '../data/events/events-after';
import { EVENT_CHANNEL, inProjectTransaction, recordEvent } from '../data/events/record-event';
import { announcer } from './announce';
import { currentPresence, publishPresence, startRealtime } from './hub';
import { projectEventStream } from './stream';

const isPostgres = () => parseDatabaseUrl(process.env.DATABASE_URL).provider === 'postgresql';

async function setup() {
  const owner = await makeUser({ name: 'Ana Owner' });
  const coder = await makeUser({ name: 'Ben Coder' });
  const project = await makeProject(owner.id, [{ userId: coder.id, role: 'coder' }]);
  const source = await db.source.create({ data: { projectId: project.id, title: 'Interview 1', kind: 'interview', format: 'text', text: 'We trust the platform.', length: 22, wordCount: 4 } });
  return { owner, coder, projectId: project.id, sourceId: source.id };
}

/** Records `n` events (memo.created by `actorId`, or coding.created on `sourceId`), one transaction each. */
async function record(projectId: string, actorId: string, n: number, coding?: { sourceId: string }): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < n; i++) {
    seqs.push(
      await inProjectTransaction(projectId, (tx) =>
        recordEvent(tx, {
          projectId,
          actorId,
          type: coding ? 'coding.created' : 'memo.created',
          entityType: coding ? 'coding' : 'memo',
          entityId: `e${i}-${Math.random().toString(36).slice(2)}`,
          sourceId: coding?.sourceId ?? null,
          summary: `change ${i}`,
        }),
      ),
    );
  }
  return seqs;
}

interface SseMessage {
  id?: string;
  event: string;
  data: unknown;
}

/** Reads SSE messages from `stream` until `done(messages)` holds (or throws after `ms`). */
async function readUntil(stream: ReadableStream<Uint8Array>, done: (messages: SseMessage[]) => boolean, ms = 10_000): Promise<SseMessage[]> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const messages: SseMessage[] = [];
  let buffer = '';
  const deadline = Date.now() + ms;
  try {
    while (!done(messages)) {
      if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(messages.map((m) => [m.event, m.id]))}`);
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
      if (!chunk) continue;
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message: Partial<SseMessage> = {};
        for (const line of block.split('\n')) {
          if (line.startsWith('id: ')) message.id = line.slice(4);
          else if (line.startsWith('event: ')) message.event = line.slice(7);
          else if (line.startsWith('data: ')) message.data = JSON.parse(line.slice(6));
        }
        if (message.event) messages.push(message as SseMessage);
      }
    }
  } finally {
    reader.releaseLock();
  }
  return messages;
}

const changes = (messages: SseMessage[]) => messages.filter((m) => m.event === 'change').map((m) => m.data as ProjectEventView);

describe('event stream', () => {
  it('catches up with exactly the events after a seq, in order, then streams new ones', async () => {
    const { owner, projectId } = await setup();
    const seqs = await record(projectId, owner.id, 6);
    const after = seqs[2];
    const controller = new AbortController();
    const stream = projectEventStream({ userId: owner.id, projectId, role: 'owner', after, signal: controller.signal });
    const caught = await readUntil(stream, (m) => changes(m).length >= 3);
    expect(caught[0]).toEqual({ event: 'hello', data: { after } });
    expect(changes(caught).map((e) => e.seq)).toEqual(seqs.slice(3));
    expect(caught.filter((m) => m.event === 'change').map((m) => Number(m.id))).toEqual(seqs.slice(3));
    expect(changes(caught)[0]).toMatchObject({ type: 'memo.created', entityType: 'memo', actor: { id: owner.id, name: 'Ana Owner' }, summary: 'change 3' });

    // A new event arrives on the open stream, once.
    const [next] = await record(projectId, owner.id, 1);
    const live = await readUntil(stream, (m) => changes(m).length >= 1);
    expect(changes(live).map((e) => e.seq)).toEqual([next]);
    controller.abort();
    // The stream ends when the client goes.
    const reader = stream.getReader();
    let ended = false;
    for (let i = 0; i < 20 && !ended; i++) ended = (await reader.read()).done;
    expect(ended).toBe(true);
  });

  it('lists nothing twice across pages and reports the last seq read', async () => {
    const { owner, projectId } = await setup();
    const seqs = await record(projectId, owner.id, 5);
    const first = await listEventsAfter({ userId: owner.id, projectId, after: 0, limit: 2 });
    expect(first.events.map((e) => e.seq)).toEqual(seqs.slice(0, 2));
    expect(first.more).toBe(true);
    const second = await listEventsAfter({ userId: owner.id, projectId, after: first.lastSeq, limit: 10 });
    expect(second.events.map((e) => e.seq)).toEqual(seqs.slice(2));
    expect(second.more).toBe(false);
    const none = await listEventsAfter({ userId: owner.id, projectId, after: second.lastSeq });
    expect(none).toEqual({ events: [], skipped: [], lastSeq: second.lastSeq, more: false });
  });

  it('hides coding events by others on a blind source from a coder, as a skipped range', async () => {
    const { owner, coder, projectId, sourceId } = await setup();
    await db.source.update({ where: { id: sourceId }, data: { blindCoding: true } });
    const [a] = await record(projectId, owner.id, 1);
    const hidden = await record(projectId, owner.id, 2, { sourceId });
    const [own] = await record(projectId, coder.id, 1, { sourceId });
    const forCoder = await listEventsAfter({ userId: coder.id, projectId, after: 0 });
    expect(forCoder.events.map((e) => e.seq)).toEqual([a, own]);
    expect(forCoder.skipped).toEqual([{ from: hidden[0], through: hidden[1] }]);
    expect(forCoder.lastSeq).toBe(own);
    // The owner sees everything; once released, so does the coder.
    expect((await listEventsAfter({ userId: owner.id, projectId, after: 0 })).events).toHaveLength(4);
    await db.source.update({ where: { id: sourceId }, data: { blindReleased: true } });
    expect((await listEventsAfter({ userId: coder.id, projectId, after: 0 })).skipped).toEqual([]);
  });

  it('refuses a non-member', async () => {
    const { projectId } = await setup();
    const stranger = await makeUser();
    await expect(listEventsAfter({ userId: stranger.id, projectId, after: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('presence', () => {
  it('a heartbeat reaches open streams, and a goodbye removes the tab', async () => {
    const { owner, coder, projectId, sourceId } = await setup();
    await startRealtime();
    const controller = new AbortController();
    const stream = projectEventStream({ userId: owner.id, projectId, role: 'owner', after: 0, signal: controller.signal });
    await publishPresence({ kind: 'beat', projectId, clientId: 'tab-0000001', userId: coder.id, name: 'Ben Coder', sourceId, mode: 'coding' });
    const got = await readUntil(stream, (m) => m.some((x) => x.event === 'presence' && (x.data as { online: unknown[] }).online.length === 1));
    const snapshot = got.filter((m) => m.event === 'presence').pop()!.data;
    expect(snapshot).toEqual({ online: [{ userId: coder.id, name: 'Ben Coder' }], sources: { [sourceId]: { coding: [{ userId: coder.id, name: 'Ben Coder' }], viewing: [] } } });
    await publishPresence({ kind: 'leave', projectId, clientId: 'tab-0000001' });
    await expect.poll(() => currentPresence(projectId).online).toEqual([]);
    controller.abort();
  });
});

describe.runIf(isPostgres())('PostgreSQL LISTEN/NOTIFY', () => {
  it('two separate listeners (two instances) both hear an event recorded once, and so does this process', async () => {
    const { owner, projectId } = await setup();
    const config = pgConnectionConfig(parseDatabaseUrl(process.env.DATABASE_URL).url);
    const instances = [new pg.Client(config), new pg.Client(config)];
    const heard: string[][] = [[], []];
    try {
      for (const [i, client] of instances.entries()) {
        await client.connect();
        client.on('notification', (n) => {
          if (n.channel === EVENT_CHANNEL && n.payload) heard[i].push(n.payload);
        });
        await client.query(`LISTEN ${EVENT_CHANNEL}`);
      }
      // This process's hub turns the notification into its local signal.
      await startRealtime();
      const local: string[] = [];
      const onProject = (id: string) => {
        if (id === projectId) local.push(id);
      };
      announcer().on('project', onProject);
      // Recorded without inProjectTransaction: no local announce, only the NOTIFY.
      await db.$transaction((tx) => recordEvent(tx, { projectId, actorId: owner.id, type: 'memo.created', entityType: 'memo', entityId: 'm1' }));
      await expect.poll(() => heard.map((h) => h.filter((p) => p === projectId).length), { timeout: 5_000 }).toEqual([1, 1]);
      await expect.poll(() => local.length, { timeout: 5_000 }).toBe(1);
      announcer().off('project', onProject);
    } finally {
      for (const client of instances) await client.end().catch(() => {});
    }
  });

  it('a rolled-back event notifies nobody', async () => {
    const { owner, projectId } = await setup();
    const client = new pg.Client(pgConnectionConfig(parseDatabaseUrl(process.env.DATABASE_URL).url));
    const heard: string[] = [];
    try {
      await client.connect();
      client.on('notification', (n) => n.payload === projectId && heard.push(n.payload));
      await client.query(`LISTEN ${EVENT_CHANNEL}`);
      await expect(
        db.$transaction(async (tx) => {
          await recordEvent(tx, { projectId, actorId: owner.id, type: 'memo.created', entityType: 'memo', entityId: 'm1' });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      // A committed event afterwards is heard; the rolled-back one never was.
      await db.$transaction((tx) => recordEvent(tx, { projectId, actorId: owner.id, type: 'memo.created', entityType: 'memo', entityId: 'm2' }));
      await expect.poll(() => heard.length, { timeout: 5_000 }).toBe(1);
      expect((await listEventsAfter({ userId: owner.id, projectId, after: 0 })).events.map((e) => e.entityId)).toEqual(['m2']);
    } finally {
      await client.end().catch(() => {});
    }
  });
});
