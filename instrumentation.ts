// Next's start-up hook (runs once per server process). In the Node.js runtime: start the worker
// threads that import files and build exports (so the first upload after a restart does not
// wait for them), and stop running jobs promptly on SIGTERM/SIGINT (lib/server/jobs/pool.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startJobPool } = await import('./lib/server/jobs/pool');
  startJobPool();
}
