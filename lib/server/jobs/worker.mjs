// Entry of each worker thread of the job pool (lib/server/jobs/pool.ts). Node loads this file
// directly (Next does not bundle it); the job modules are TypeScript in lib/jobs, loaded once
// per thread through tsx.
import { tsImport } from 'tsx/esm/api';

const { runJob } = await tsImport('../../jobs/run-job.ts', import.meta.url);

export default runJob;
