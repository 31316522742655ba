// Brings DATABASE_URL's database up to date (pending migrations) and, on the embedded SQLite
// default (or GROUNDWORK_SEED_DEMO=true), seeds the demo workspace. Run by `npm start` and the
// e2e servers before Next starts. `npm run db:deploy` runs it with --no-seed.
import { disconnectDb } from '../lib/server/db/client';
import { ensurePrivateSqliteFile, parseDatabaseUrl } from '../lib/server/db/database-url';
import { deployMigrations } from '../lib/server/db/migrations';
import { seedDemo } from '../prisma/seed/demo';

async function main() {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const started = performance.now();
  // The SQLite file holds password hashes and interview text: folder 0700, file 0600, created
  // so before the engine opens it, and tightened again after (journal files it may have left).
  ensurePrivateSqliteFile(target);
  const applied = await deployMigrations(target);
  ensurePrivateSqliteFile(target);
  const where = target.provider === 'sqlite' ? target.file : 'PostgreSQL';
  console.log(
    applied.length
      ? `database: applied ${applied.length} migration(s) to ${where} in ${Math.round(performance.now() - started)} ms`
      : `database: ${where} is up to date`,
  );
  const seedFlag = process.env.GROUNDWORK_SEED_DEMO;
  const seed = !process.argv.includes('--no-seed') && (seedFlag ? ['1', 'true', 'yes'].includes(seedFlag) : target.provider === 'sqlite');
  if (seed && (await seedDemo())) console.log('database: seeded the demo account (demo@groundwork.test / groundwork-demo)');
  await disconnectDb();
}

main().then(
  () => process.exit(0), // the engine's pg pool would keep the process alive ~10 s
  (error) => {
    console.error(`database: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
