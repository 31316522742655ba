import 'server-only';

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';

import { Piscina } from 'piscina';

import { AppError } from '@/lib/errors/app-error';
import { type JobOutcome, type JobProgress, type JobTask, rebuildJobError } from '@/lib/jobs/run-job';

import { env } from '../env';
import type { JobName, Jobs } from './jobs';

/**
 * The worker-thread pool for heavy jobs (file imports today): the request thread only receives
 * bytes, hands them over (transferred, not copied) and stores the result, so one user's 300-page
 * PDF never stalls another user's page.
 *
 * - Bounded: at most GROUNDWORK_JOB_QUEUE jobs wait; one more is refused at once with BUSY
 *   (503 + Retry-After), and a queued job that has not started within
 *   GROUNDWORK_JOB_START_TIMEOUT_S is withdrawn with BUSY too: never a hanging request.
 * - A running job is stopped after GROUNDWORK_JOB_TIMEOUT_S (its thread is terminated and
 *   replaced), and each thread's heap is capped, so a pathological file cannot take the server
 *   down with it.
 * - Shutdown ({@link shutDownJobPool}, on SIGTERM/SIGINT from instrumentation.ts): running and
 *   waiting jobs are stopped and their requests answer 503 ("shutting down, nothing stored"),
 *   so Next's graceful close is not held up by a 300-page PDF.
 */
let pool: Piscina | undefined;
let shuttingDown = false;
/** Jobs handed to the pool and not yet finished (running + waiting). */
let inFlight = 0;

type PoolSettings = { threads: number; maxQueue: number; startTimeoutMs: number; runTimeoutMs: number };

function settings(): PoolSettings {
  const e = env();
  return {
    threads: e.GROUNDWORK_WORKER_THREADS ?? Math.max(1, Math.min(4, availableParallelism() - 1)),
    maxQueue: e.GROUNDWORK_JOB_QUEUE,
    startTimeoutMs: e.GROUNDWORK_JOB_START_TIMEOUT_S * 1000,
    runTimeoutMs: e.GROUNDWORK_JOB_TIMEOUT_S * 1000,
  };
}

function getPool(s: PoolSettings): Piscina {
  if (pool) return pool;
  // Next bundles this module but not the worker entry, which Node loads from the project.
  const filename = join(process.cwd(), 'lib', 'server', 'jobs', 'worker.mjs');
  if (!existsSync(filename)) throw new Error(`job pool: worker entry not found at ${filename} (start the server from the project folder)`);
  pool = new Piscina({
    filename,
    minThreads: s.threads,
    maxThreads: s.threads,
    // Export jobs use the data layer, whose modules are server-only.
    execArgv: ['--conditions=react-server'],
    // Piscina's own queue is unbounded here: admission is decided in runJob, which knows the
    // count of jobs waiting and answers BUSY instead of throwing Piscina's error.
    idleTimeout: 10 * 60_000,
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
  });
  return pool;
}

/** Starts the threads (they load the job code) so the first upload does not pay for it. */
export function warmJobPool(): void {
  getPool(settings());
}

/** After SIGTERM, requests that will not end (a slow upload body) are cut after this long. */
const SHUTDOWN_GRACE_MS = 3000;

/**
 * Called once when the server starts (instrumentation.ts): warms the pool, and on SIGTERM/SIGINT
 * stops running jobs at once (their requests answer 503, nothing stored) so Next's graceful
 * close finishes in seconds; the process exits after SHUTDOWN_GRACE_MS whatever still runs.
 */
export function startJobPool(): void {
  warmJobPool();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => process.exit(signal === 'SIGTERM' ? 143 : 130), SHUTDOWN_GRACE_MS).unref();
      shutDownJobPool().catch((error: unknown) => console.error('job pool shutdown:', error));
    });
  }
}

/**
 * Stops every job (their requests get BUSY: nothing was stored) and refuses new ones. Called once
 * when the server is asked to stop.
 */
export async function shutDownJobPool(): Promise<void> {
  shuttingDown = true;
  const p = pool;
  pool = undefined;
  await p?.destroy();
}

const shuttingDownError = () =>
  new AppError('BUSY', {
    message: 'job pool shut down',
    userMessage: 'The server is restarting, so this was not finished and nothing was stored. Please try again in a moment.',
    retryAfterSeconds: 5,
  });

const cancelledError = (name: string) => new AppError('INVALID_INPUT', { message: `job '${name}' cancelled`, userMessage: 'Cancelled. Nothing was saved.' });

const busy = (message: string, seconds: number) =>
  new AppError('BUSY', { message, userMessage: `The server is busy with other imports. Please try again in ${seconds} seconds.`, retryAfterSeconds: seconds });

/**
 * Runs a job in a worker thread.
 *
 * @param name - the job (see lib/server/jobs/jobs.ts).
 * @param input - its input; ArrayBuffers listed in `transfer` move to the worker (the caller
 *   must not use them afterwards).
 * @param options.onProgress - called with each stage the job reports.
 * @param options.signal - aborting it stops the job (its thread is replaced) with INVALID_INPUT "Cancelled".
 * @throws AppError BUSY when the queue is full or the job could not start in time;
 *   INVALID_INPUT when the job ran out of time or memory; ImportError as the job threw it.
 */
export async function runJob<N extends JobName>(
  name: N,
  input: Jobs[N]['input'],
  options: { transfer?: ArrayBuffer[]; onProgress?: (progress: JobProgress) => void; signal?: AbortSignal } = {},
): Promise<Jobs[N]['output']> {
  if (shuttingDown) throw shuttingDownError();
  const s = settings();
  const p = getPool(s);
  const retryAfter = Math.max(1, Math.ceil(s.startTimeoutMs / 1000 / 2));
  if (inFlight - s.threads >= s.maxQueue) throw busy(`job queue full (${inFlight - s.threads} waiting)`, retryAfter);

  const { port1, port2 } = new MessageChannel();
  const abort = new AbortController();
  // An object, not a `let`: the timers and the port listener change it.
  const job: { phase: 'queued' | 'running' | 'timed-out-queued' | 'timed-out-running' | 'cancelled' } = { phase: 'queued' };
  // The caller gave up (the browser cancelled or went away): stop the job, queued or running.
  const cancel = () => {
    job.phase = 'cancelled';
    abort.abort();
  };
  if (options.signal?.aborted) throw cancelledError(name);
  options.signal?.addEventListener('abort', cancel, { once: true });
  let runTimer: NodeJS.Timeout | undefined;
  const startTimer = setTimeout(() => {
    job.phase = 'timed-out-queued';
    abort.abort();
  }, s.startTimeoutMs);
  port1.on('message', (progress: JobProgress) => {
    if (progress.stage === 'started' && job.phase === 'queued') {
      job.phase = 'running';
      clearTimeout(startTimer);
      runTimer = setTimeout(() => {
        job.phase = 'timed-out-running';
        abort.abort();
      }, s.runTimeoutMs);
    }
    options.onProgress?.(progress);
  });

  // The worker closes its end when the job ends; messages posted before arrive before 'close'.
  // The result comes back on another channel, so wait for it: every stage is reported, in order.
  const portClosed = new Promise<void>((resolve) => port1.once('close', resolve));
  let outcome: JobOutcome<Jobs[N]['output']>;
  inFlight++;
  try {
    const task: JobTask = { name, input, port: port2 };
    outcome = await p.run(task, { transferList: [port2, ...(options.transfer ?? [])] as never, signal: abort.signal });
    await Promise.race([portClosed, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  } catch (error) {
    if (shuttingDown) throw shuttingDownError();
    if (job.phase === 'cancelled') throw cancelledError(name);
    if (job.phase === 'timed-out-queued') throw busy(`job '${name}' did not start within ${s.startTimeoutMs} ms`, retryAfter);
    if (job.phase === 'timed-out-running') {
      throw new AppError('INVALID_INPUT', {
        message: `job '${name}' ran over ${s.runTimeoutMs} ms and was stopped`,
        userMessage: `This file took longer than ${Math.round(s.runTimeoutMs / 1000)} seconds to process and was stopped. Nothing was stored.`,
      });
    }
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw new AppError('INVALID_INPUT', { message: `job '${name}' ran out of memory`, userMessage: 'This file needs more memory to process than the server allows. Nothing was stored.' });
    }
    throw error;
  } finally {
    inFlight--;
    options.signal?.removeEventListener('abort', cancel);
    clearTimeout(startTimer);
    clearTimeout(runTimer);
    port1.close();
  }
  if (!outcome.ok) throw rebuildJobError(outcome.error);
  return outcome.value;
}
