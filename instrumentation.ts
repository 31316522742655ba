// Next's start-up hook (runs once per server process).
// - Start the worker threads that import files and build exports, so the first upload after a
//   restart does not wait for them to load.
// - On SIGTERM/SIGINT, stop running jobs at once (their requests answer 503, nothing stored) so
//   Next's graceful close finishes in seconds; a request that still will not end (a slow
//   upload body) is cut after SHUTDOWN_GRACE_MS and the process exits anyway.
const SHUTDOWN_GRACE_MS = 3000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { warmJobPool, shutDownJobPool } = await import('./lib/server/jobs/pool');
  warmJobPool();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => process.exit(signal === 'SIGTERM' ? 143 : 130), SHUTDOWN_GRACE_MS).unref();
      shutDownJobPool().catch((error: unknown) => console.error('job pool shutdown:', error));
    });
  }
}
