/**
 * Jobs that run in worker threads: the message protocol around them and the pure jobs (no
 * server imports). The worker entry (lib/server/jobs/worker.mjs) runs {@link runJobTask} with
 * the full table of jobs (lib/server/jobs/jobs.ts); tests can call it directly in one thread.
 */
import type { MessagePort } from 'node:worker_threads';

import { AppError, type AppErrorCode } from '../errors/app-error';
import { ImportError } from '../io/errors';
import { prepareSource } from '../sources/prepare-source';
import { caseJobs } from './case-jobs';
import { datasetJobs } from './dataset-jobs';
import { mixedJobs } from './mixed-jobs';
import { saturationJobs } from './saturation-jobs';
import { queryJobs } from './query-jobs';
import { refiJobs } from './refi-jobs';
import { searchJobs } from './search-jobs';
import { importFile } from './import-file';

/** What a job posts on its progress port: `started` first, then job-specific stages. */
export type JobProgress = { stage: string; done?: number; total?: number };

/** A job: its input, and a callback for progress. */
export type JobHandler<I = never, O = unknown> = (input: I, progress: (p: JobProgress) => void) => Promise<O>;

/** A task as it crosses into the worker. */
export type JobTask = { name: string; input: unknown; port?: MessagePort };

/**
 * An expected failure as plain data: structured clone keeps only an Error's name and message,
 * so the error's kind, code and user message cross the thread boundary like this and are
 * rebuilt on the other side ({@link rebuildJobError}).
 */
export type JobError =
  | { kind: 'import'; code: ImportError['code']; message: string; userMessage: string }
  | { kind: 'app'; code: AppErrorCode; message: string; userMessage: string; fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number };

export type JobOutcome<O = unknown> = { ok: true; value: O } | { ok: false; error: JobError };

/** The jobs that need nothing but lib/: imports, word counts and datasets. */
export const pureJobs = {
  ...datasetJobs,
  ...mixedJobs,
  ...saturationJobs,
  ...queryJobs,
  ...caseJobs,
  ...searchJobs,
  ...refiJobs,
  /** An uploaded file → the source row's stored fields. */
  import: ((input, progress) => importFile(input, (stage) => progress({ stage }))) as JobHandler<Parameters<typeof importFile>[0], Awaited<ReturnType<typeof importFile>>>,
  /** Pasted text → length and word count. */
  prepare: (async (input) => prepareSource(input)) as JobHandler<{ text: string }, ReturnType<typeof prepareSource>>,
};

/**
 * Runs one task with the handler of its name; posts progress on `task.port` and closes it at
 * the end. Expected failures (ImportError, AppError) come back as a value; anything else throws.
 */
export async function runJobTask(handlers: Record<string, JobHandler<never>>, task: JobTask): Promise<JobOutcome> {
  const progress = (p: JobProgress) => task.port?.postMessage(p);
  progress({ stage: 'started' });
  try {
    const handler = handlers[task.name];
    if (!handler) throw new Error(`unknown job '${task.name}'`);
    return { ok: true, value: await handler(task.input as never, progress) };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error: { kind: 'import', code: error.code, message: error.message, userMessage: error.userMessage } };
    if (error instanceof AppError) {
      const { code, message, userMessage, fieldErrors, retryAfterSeconds } = error;
      return { ok: false, error: { kind: 'app', code, message, userMessage, fieldErrors, retryAfterSeconds } };
    }
    throw error;
  } finally {
    task.port?.close();
  }
}

/** The error a job returned, as the class it was thrown as. */
export function rebuildJobError(error: JobError): ImportError | AppError {
  if (error.kind === 'import') return new ImportError(error.code, { message: error.message, userMessage: error.userMessage });
  return new AppError(error.code, { message: error.message, userMessage: error.userMessage, fieldErrors: error.fieldErrors, retryAfterSeconds: error.retryAfterSeconds });
}
