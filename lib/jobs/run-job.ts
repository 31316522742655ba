/**
 * The jobs that run in worker threads, by name, and the message protocol around them. Pure
 * (no server imports): the worker entry (lib/server/jobs/worker.mjs) loads this module, and
 * tests can call {@link runJob} directly in the same thread.
 */
import type { MessagePort } from 'node:worker_threads';

import { ImportError } from '../io/errors';
import { type PreparedSource, prepareSource } from '../sources/prepare-source';
import { type ImportFileJob, type ImportFileResult, importFile } from './import-file';

/** Job name → its input and output. */
export type Jobs = {
  import: { input: ImportFileJob; output: ImportFileResult };
  /** Pasted text: length and word count. */
  prepare: { input: { text: string }; output: PreparedSource };
};
export type JobName = keyof Jobs;

/** What a job posts on its progress port: `started` first, then job-specific stages. */
export type JobProgress = { stage: string; done?: number; total?: number };

/** A task as it crosses into the worker. */
export type JobTask<N extends JobName = JobName> = { name: N; input: Jobs[N]['input']; port?: MessagePort };

/**
 * Errors cross the thread boundary as plain data (structured clone keeps only an Error's name
 * and message), so expected failures come back as a value and are rebuilt on the other side.
 */
export type JobOutcome<N extends JobName = JobName> =
  | { ok: true; value: Jobs[N]['output'] }
  | { ok: false; importError: { code: ImportError['code']; message: string; userMessage: string } };

const handlers: { [N in JobName]: (input: Jobs[N]['input'], progress: (p: JobProgress) => void) => Promise<Jobs[N]['output']> } = {
  import: (input, progress) => importFile(input, (stage) => progress({ stage })),
  prepare: async (input) => prepareSource(input),
};

/** Runs one task; posts progress on `task.port` (closed at the end). */
export async function runJob<N extends JobName>(task: JobTask<N>): Promise<JobOutcome<N>> {
  const progress = (p: JobProgress) => task.port?.postMessage(p);
  progress({ stage: 'started' });
  try {
    const value = await handlers[task.name](task.input as never, progress);
    return { ok: true, value } as JobOutcome<N>;
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, importError: { code: error.code, message: error.message, userMessage: error.userMessage } };
    throw error;
  } finally {
    task.port?.close();
  }
}
