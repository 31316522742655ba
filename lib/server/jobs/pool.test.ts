import { beforeAll, describe, expect, it, vi } from 'vitest';

import { AppError } from '@/lib/errors/app-error';

import { ImportError } from '@/lib/io/errors';

import { rejection } from '../testing/rejection';
import { runJob, shutDownJobPool } from './pool';

// One thread, one waiting job, and a short wait to start: set before the pool reads them.
// (No wall-clock assertion: the order of events decides each outcome.)
vi.hoisted(() => {
  process.env.GROUNDWORK_WORKER_THREADS = '1';
  process.env.GROUNDWORK_JOB_QUEUE = '1';
  process.env.GROUNDWORK_JOB_START_TIMEOUT_S = '0.2';
});

const text = (kb: number) => new TextEncoder().encode('Respondent: 我们先做亚马逊 and then our own shop 👍🏽.\n'.repeat(Math.ceil((kb * 1024) / 64)));
const importJob = (bytes: Uint8Array, fileName = 'interview.txt') => runJob('import', { fileName, bytes }, { transfer: [bytes.buffer as ArrayBuffer] });

describe('job pool', () => {
  // A thread loads the job code before its first job (seconds): until then a job "cannot start
  // in time" under this test's 0.2 s limit. Wait until the thread answers.
  beforeAll(async () => {
    for (;;) {
      try {
        await importJob(text(1));
        return;
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'BUSY')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }, 60_000);

  it('imports in a worker thread, moving the bytes there instead of copying them', async () => {
    const bytes = text(64);
    const stages: string[] = [];
    const result = await runJob('import', { fileName: 'interview.txt', bytes }, { transfer: [bytes.buffer as ArrayBuffer], onProgress: (p) => stages.push(p.stage) });
    expect(bytes.byteLength).toBe(0); // transferred
    expect(result).toMatchObject({ format: 'txt', title: 'interview' });
    expect(result.wordCount).toBeGreaterThan(5000);
    expect(stages).toEqual(['started', 'extracting', 'counting']);
  });

  it('rebuilds the importer’s refusal on this side of the thread boundary', async () => {
    const error = await importJob(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), 'photo.txt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('BINARY_FILE');
  });

  it('answers BUSY with a retry time when the queue is full, and when a queued job cannot start in time', async () => {
    // A 4 MB import occupies the only thread far longer than the 0.2 s a queued job may wait.
    const running = importJob(text(4 * 1024));
    const waiting = importJob(text(1));
    const refused = await rejection(importJob(text(1)));
    expect(refused.code).toBe('BUSY');
    expect(refused.status).toBe(503);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((await rejection(waiting)).code).toBe('BUSY');
    expect((await running).length).toBeGreaterThan(2_000_000);
    // The queue drained: the next job runs.
    expect((await importJob(text(1))).format).toBe('txt');
  });

  it('stops a running job when its caller aborts (the browser cancelled), and the next job runs', async () => {
    const stages: string[] = [];
    const abort = new AbortController();
    const bytes = text(8 * 1024);
    const running = runJob('import', { fileName: 'interview.txt', bytes }, { transfer: [bytes.buffer as ArrayBuffer], onProgress: (p) => stages.push(p.stage), signal: abort.signal });
    const outcome = rejection(running);
    await vi.waitFor(() => expect(stages).toContain('started'), { timeout: 10_000 });
    abort.abort();
    const cancelled = await outcome;
    expect(cancelled.code).toBe('INVALID_INPUT');
    expect(cancelled.userMessage).toBe('Cancelled. Nothing was saved.');
    await vi.waitFor(async () => expect((await importJob(text(1))).format).toBe('txt'), { timeout: 20_000, interval: 300 });
  });

  // Last: the pool stays shut.
  it('on shutdown stops a running job at once (BUSY, nothing returned) and refuses new ones', async () => {
    const stages: string[] = [];
    const bytes = text(8 * 1024);
    const running = runJob('import', { fileName: 'interview.txt', bytes }, { transfer: [bytes.buffer as ArrayBuffer], onProgress: (p) => stages.push(p.stage) });
    await vi.waitFor(() => expect(stages).toContain('started'), { timeout: 10_000 });
    const outcome = rejection(running);
    await shutDownJobPool();
    const stopped = await outcome;
    expect(stopped.code).toBe('BUSY');
    expect(stopped.userMessage).toMatch(/restarting.*nothing was stored/);
    expect((await rejection(importJob(text(1)))).code).toBe('BUSY');
  });
});
