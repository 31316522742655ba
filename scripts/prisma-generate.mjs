// Derives prisma/postgres/schema.prisma from prisma/schema.prisma and generates both Prisma
// clients. Runs on `npm install` (postinstall). Prisma's CLI wants a native schema-engine
// binary it cannot download here; `generate` only needs the variable to point at a file.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Rewrites the SQLite schema into the PostgreSQL one (provider and client output only). */
export function toPostgresSchema(source) {
  const header =
    '// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs — do not edit.\n';
  const out = source
    .replace('output       = "../lib/server/db/generated/sqlite"', 'output       = "../../lib/server/db/generated/postgres"')
    .replace(/provider = "sqlite"/, 'provider = "postgresql"');
  if (out === source || !out.includes('generated/postgres') || !out.includes('"postgresql"')) {
    throw new Error('prisma/schema.prisma: could not derive the PostgreSQL schema (generator output or provider line changed)');
  }
  return header + out;
}

export function writePostgresSchema() {
  const source = readFileSync(join(root, 'prisma/schema.prisma'), 'utf8');
  const target = join(root, 'prisma/postgres/schema.prisma');
  mkdirSync(dirname(target), { recursive: true });
  const next = toPostgresSchema(source);
  if (!existsSync(target) || readFileSync(target, 'utf8') !== next) writeFileSync(target, next);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writePostgresSchema();
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
  const prisma = join(root, 'node_modules/prisma/build/index.js');
  for (const schema of ['prisma/schema.prisma', 'prisma/postgres/schema.prisma']) {
    execFileSync(process.execPath, [prisma, 'generate', '--schema', schema], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  console.log('prisma: generated SQLite and PostgreSQL clients');
}
