import { beforeEach, describe, expect, it, vi } from 'vitest';

import { POST } from '@/app/api/projects/[projectId]/sources/route';
import { codePointLength } from '@/lib/coding/offsets';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import type { SessionUser } from '../../auth/session';
import { db } from '../../db/client';

/**
 * The upload route end to end below HTTP: the real handler, body streaming, the worker-thread
 * import and the database; only the session is stubbed. Limits are the default 25 MB.
 */
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/server/auth/session', () => ({ currentUser: async () => session.user }));

const MB = 1024 * 1024;

/** `size` bytes of transcript text (English, Chinese, emoji), exactly. */
function transcript(size: number): Uint8Array {
  const turns = [
    'Interviewer: How did you first sell abroad?\n',
    'Respondent: 我们最开始是在亚马逊上卖，后来自己建了独立站。\n',
    'Respondent: The family 👩‍👩‍👧 business grew 👍🏽 slowly, then fast.\n',
  ];
  const unit = new TextEncoder().encode(turns.join(''));
  const bytes = new Uint8Array(size).fill(0x2e); // the tail that does not fit a whole unit: '.'
  for (let at = 0; at + unit.length <= size; at += unit.length) bytes.set(unit, at);
  return bytes;
}

/** A body streamed in 1 MB chunks; `failAfter` bytes in, the stream errors (a dropped connection). */
function streamOf(bytes: Uint8Array, options: { failAfter?: number; pulled?: { bytes: number } } = {}) {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (options.failAfter !== undefined && at >= options.failAfter) {
        controller.error(new Error('socket hang up'));
        return;
      }
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      const chunk = bytes.slice(at, at + MB);
      at += chunk.length;
      if (options.pulled) options.pulled.bytes = at;
      controller.enqueue(chunk);
    },
  });
}

async function upload(projectId: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}, accept?: string) {
  const request = new Request(`http://localhost/api/projects/${projectId}/sources`, {
    method: 'POST',
    body,
    duplex: 'half',
    headers: { 'x-file-name': encodeURIComponent('interview.txt'), 'content-type': 'text/plain', ...(accept ? { accept } : {}), ...headers },
  } as RequestInit);
  return POST(request, { params: Promise.resolve({ projectId }) });
}

async function setup() {
  const owner = await makeUser();
  const project = await makeProject(owner.id);
  session.user = { id: owner.id, email: owner.email, name: owner.name };
  return project;
}

const sourceRows = (projectId: string) => db.source.count({ where: { projectId } });

describe('source upload limits (25 MB)', () => {
  beforeEach(() => {
    session.user = null;
  });

  it('stores a 24 MB file whole: every byte, every code point', async () => {
    const project = await setup();
    const bytes = transcript(24 * MB);
    const expected = new TextDecoder().decode(bytes);
    const response = await upload(project.id, streamOf(bytes), { 'content-length': String(bytes.length) });
    expect(response.status).toBe(201);
    const { source } = (await response.json()) as { source: { id: string; wordCount: number } };
    const stored = await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { text: true, length: true, wordCount: true } });
    expect(stored.text.length).toBe(expected.length);
    expect(stored.text === expected).toBe(true);
    expect(stored.length).toBe(codePointLength(expected));
    expect(stored.wordCount).toBe(source.wordCount);
    expect(stored.wordCount).toBeGreaterThan(1_000_000);
  });

  it('refuses a 26 MB file with 413, naming the limit, and stores nothing', async () => {
    const project = await setup();
    const bytes = transcript(26 * MB);
    const pulled = { bytes: 0 };
    const response = await upload(project.id, streamOf(bytes, { pulled }), { 'content-length': String(bytes.length) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toBe('The file is larger than the 25 MB limit.');
    expect(pulled.bytes).toBeLessThanOrEqual(MB); // refused on the declared length, before reading
    expect(await sourceRows(project.id)).toBe(0);
  });

  it('refuses a chunked 30 MB body (no Content-Length) as soon as it passes the limit', async () => {
    const project = await setup();
    const pulled = { bytes: 0 };
    const response = await upload(project.id, streamOf(transcript(30 * MB), { pulled }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toContain('25 MB limit');
    expect(pulled.bytes).toBeLessThanOrEqual(27 * MB); // the limit, plus what the stream had buffered
    expect(await sourceRows(project.id)).toBe(0);
  });

  it('stores nothing when the upload is aborted halfway, or ends before its Content-Length', async () => {
    const project = await setup();
    const [sourcesBefore, codingsBefore] = await Promise.all([db.source.count(), db.coding.count()]);
    const bytes = transcript(10 * MB);
    const aborted = await upload(project.id, streamOf(bytes, { failAfter: 5 * MB }), { 'content-length': String(bytes.length) });
    expect(aborted.status).toBe(400);
    expect(((await aborted.json()) as { error: string }).error).toMatch(/interrupted.*Nothing was stored/);
    const short = await upload(project.id, streamOf(bytes.slice(0, 4 * MB)), { 'content-length': String(bytes.length) });
    expect(short.status).toBe(400);
    expect(await sourceRows(project.id)).toBe(0);
    expect([await db.source.count(), await db.coding.count()]).toEqual([sourcesBefore, codingsBefore]);
  });

  it('streams the import stages as NDJSON and ends with the stored source', async () => {
    const project = await setup();
    const bytes = transcript(150 * 1024);
    const response = await upload(project.id, streamOf(bytes), { 'content-length': String(bytes.length) }, 'application/x-ndjson');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.slice(0, -1).map((l) => (l.progress as { stage: string }).stage)).toEqual(['received', 'started', 'extracting', 'counting', 'storing']);
    const last = lines.at(-1) as { status: number; source: { id: string } };
    expect(last.status).toBe(201);
    expect(await db.source.findUnique({ where: { id: last.source.id }, select: { length: true } })).toEqual({ length: codePointLength(new TextDecoder().decode(bytes)) });
  });

  it('refuses a stranger before reading the body', async () => {
    const project = await setup();
    const stranger = await makeUser();
    session.user = { id: stranger.id, email: stranger.email, name: stranger.name };
    const pulled = { bytes: 0 };
    const response = await upload(project.id, streamOf(transcript(3 * MB), { pulled }));
    expect(response.status).toBe(404);
    expect(pulled.bytes).toBeLessThanOrEqual(MB);
    expect(await sourceRows(project.id)).toBe(0);
  });
});
