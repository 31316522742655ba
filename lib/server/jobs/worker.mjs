// Entry of each worker thread of the job pool (lib/server/jobs/pool.ts). Node loads this file
// directly (Next does not bundle it); the jobs are TypeScript, loaded once per thread through
// tsx, as ONE module graph (a second tsImport would load second copies of the error classes).
// The pool starts threads with `--conditions=react-server`, so server-only modules load.
import { tsImport } from 'tsx/esm/api';

const { runWorkerTask } = await tsImport('./jobs.ts', import.meta.url);

export default runWorkerTask;
