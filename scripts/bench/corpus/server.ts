/**
 * The production app for the corpus benchmark, started like scripts/serve-e2e.mjs does: a fresh
 * SQLite database in .data/bench-corpus/, migrated by scripts/prepare-db.ts (no demo seed),
 * then `next start` on a free port with event-loop statistics on. The build is made first when
 * the sources changed (ensureBuild from scripts/start.mjs).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

// @ts-expect-error plain JS module shared with npm start
import { ensureBuild } from '../../start.mjs';

export interface BenchServer {
  baseUrl: string;
  process: ChildProcess;
  logFile: string;
  /** Sends SIGTERM and resolves with the ms until the process exited (SIGKILL after `killAfterMs`). */
  stop(killAfterMs?: number): Promise<{ ms: number; code: number | null; signal: NodeJS.Signals | null }>;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });
}

async function freePort(preferred: number): Promise<number> {
  if (await portFree(preferred)) return preferred;
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
  });
}

/**
 * Builds if needed, creates a fresh database and starts `next start`; resolves when /sign-in answers.
 * @throws Error when migrating fails or the server does not come up within two minutes.
 */
export async function startServer(options: { root: string; preferredPort?: number; env?: Record<string, string> }): Promise<BenchServer> {
  const { root } = options;
  ensureBuild();
  const dir = join(root, '.data', 'bench-corpus');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const port = await freePort(options.preferredPort ?? 3199);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${join(dir, 'bench.db')}`,
    AUTH_SECRET: 'bench-corpus-only-secret-not-for-production-0123456789',
    GROUNDWORK_SEED_DEMO: 'false',
    GROUNDWORK_ALLOW_SIGNUP: 'true',
    GROUNDWORK_EVENT_LOOP_STATS: '1',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    PORT: String(port),
    ...options.env,
  };
  const prepared = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/prepare-db.ts', '--no-seed'], { cwd: root, env, encoding: 'utf8' });
  if (prepared.status !== 0) throw new Error(`prepare-db failed: ${prepared.stderr || prepared.stdout}`);

  const logFile = join(dir, 'server.log');
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => (gone = true));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (gone) throw new Error(`next start exited early; see ${logFile}`);
    if (await fetch(`${baseUrl}/sign-in`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer within 2 minutes; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    baseUrl,
    process: child,
    logFile,
    async stop(killAfterMs = 30_000) {
      if (gone) return { ms: 0, ...(await exited) };
      const t0 = performance.now();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      const result = await exited;
      clearTimeout(timer);
      return { ms: performance.now() - t0, ...result };
    },
  };
}
