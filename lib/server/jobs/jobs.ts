import 'server-only';

import { type JobHandler, type JobTask, pureJobs, runJobTask } from '@/lib/jobs/run-job';

import { exportCodedSegments } from '../data/export/export-coded-segments';
import { exportHierarchyTable } from '../data/export/export-hierarchy-table';

/**
 * Every job the worker threads run, by name. Exports read the database from the worker (their
 * data-layer functions check the user's membership there, as anywhere): at 100,000 codings,
 * even materialising the rows would hold the request thread for a noticeable time.
 */
export const jobs = {
  ...pureJobs,
  exportCodedSegments: ((input) => exportCodedSegments(input)) as JobHandler<Parameters<typeof exportCodedSegments>[0], Awaited<ReturnType<typeof exportCodedSegments>>>,
  exportHierarchyTable: ((input) => exportHierarchyTable(input)) as JobHandler<Parameters<typeof exportHierarchyTable>[0], Awaited<ReturnType<typeof exportHierarchyTable>>>,
};

/** Job name → its input and output. */
export type Jobs = { [N in keyof typeof jobs]: (typeof jobs)[N] extends JobHandler<infer I, infer O> ? { input: I; output: O } : never };
export type JobName = keyof Jobs;

/** What the worker entry runs for each task (one module graph: error classes match). */
export function runWorkerTask(task: JobTask) {
  return runJobTask(jobs, task);
}
