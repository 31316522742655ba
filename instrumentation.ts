// Next's start-up hook (runs once per server process): start the worker threads that import
// files and build exports, so the first upload after a restart does not wait for them to load.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { warmJobPool } = await import('./lib/server/jobs/pool');
  warmJobPool();
}
