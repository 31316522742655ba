// `npm start`: everything a newcomer needs, with no setup.
//  1. a local auth secret, generated once and kept in .data/auth-secret (AUTH_SECRET wins);
//  2. the Prisma clients, if `npm install` ran with --ignore-scripts;
//  3. a production build when there is none or the sources changed since it was made;
//  4. pending migrations applied (and the demo workspace seeded on the embedded SQLite default);
//  5. the production server on PORT (default 3000): Next in-process behind scripts/next-server.mjs,
//     which tells the app each client's socket address (the per-client sign-in limit).
// `npm run dev` does 1, 2 and 4, then runs `next dev`; `npm run build` (--build) only builds.
// Next's anonymous telemetry is off in all of them: nothing about a project leaves the machine.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`\n${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** Auth.js signs sessions with AUTH_SECRET; keep one per installation unless given. */
function ensureSecret() {
  if (env.AUTH_SECRET) return;
  const file = join(root, '.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
    console.log('auth: generated a local secret in .data/auth-secret');
  }
  env.AUTH_SECRET = readFileSync(file, 'utf8').trim();
}

/** A fingerprint of everything that goes into the build (paths, sizes, mtimes). */
export function sourceStamp() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!/\.test\.tsx?$/.test(entry.name)) {
        const s = statSync(path);
        hash.update(`${path}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ['app', 'components', 'lib', 'public']) walk(join(root, dir));
  for (const file of ['next.config.js', 'proxy.ts', 'instrumentation.ts', 'package-lock.json', 'tsconfig.json', 'prisma/schema.prisma']) {
    const path = join(root, file);
    if (existsSync(path)) hash.update(`${file}\0${statSync(path).mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Builds the app unless the existing build matches the sources (also used by the benches). */
export function ensureBuild() {
  const stampFile = join(root, '.next', 'groundwork-source-stamp');
  const stamp = sourceStamp();
  if (existsSync(join(root, '.next', 'BUILD_ID')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  console.log('build: building the app (first start, or the sources changed)…');
  run(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'build']);
  writeFileSync(stampFile, stamp);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--build')) {
  run(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'build']);
  writeFileSync(join(root, '.next', 'groundwork-source-stamp'), sourceStamp());
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureSecret();
  if (!existsSync(join(root, 'lib/server/db/generated/sqlite/client.ts'))) run(process.execPath, ['scripts/prisma-generate.mjs']);
  if (!dev) ensureBuild();
  run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/prepare-db.ts']);
  const port = env.PORT || '3000';
  // Production: scripts/next-server.mjs runs Next in-process behind a server that passes on each
  // client's socket address. Development keeps `next dev` (Turbopack, on this machine only).
  const command = dev ? [join(root, 'node_modules/next/dist/bin/next'), 'dev', '-p', port] : [join(root, 'scripts/next-server.mjs'), '-p', port];
  const next = spawn(process.execPath, command, {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  console.log(`\nGroundwork: http://localhost:${port}`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => next.kill(signal));
  next.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
