// `npm run bench [filter]`: runs every scripts/bench/*.ts module (each default-exports an async
// function returning rows), prints one table and writes bench-results/latest.json. The corpus
// suite (a production build, 250 uploaded files, ~30 min) runs only when named:
// `npm run bench -- corpus`.
// Benchmarks measure; tests never time anything.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Row = { name: string; ms: number; targetMs?: number; rMs?: number; note?: string };

async function main() {
  const filter = process.argv[2];
  const dir = join(process.cwd(), 'scripts', 'bench');
  const ONLY_WHEN_NAMED = new Set(['corpus.ts']);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && (filter ? f.includes(filter) : !ONLY_WHEN_NAMED.has(f)))
    .sort();
  const results: Array<Row & { suite: string }> = [];
  console.log(`bench: ${files.length} suite(s) on ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}\n`);
  for (const file of files) {
    const suite = file.replace(/\.ts$/, '');
    process.stdout.write(`${suite} … `);
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<Row[]> };
    const rows = await mod.default();
    console.log('done');
    for (const row of rows) results.push({ suite, ...row });
  }
  const fmt = (ms?: number) => (ms === undefined ? '' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
  console.log('\n| suite | benchmark | Groundwork | target | R (same data, same run) | note |');
  console.log('|---|---|---:|---:|---:|---|');
  for (const r of results) {
    const verdict = r.targetMs === undefined ? '' : r.ms <= r.targetMs ? ' ✓' : ' ✗ over target';
    console.log(`| ${r.suite} | ${r.name} | ${fmt(r.ms)}${verdict} | ${fmt(r.targetMs)} | ${fmt(r.rMs)} | ${r.note ?? ''} |`);
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(join('bench-results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), cores: cpus().length, results }, null, 2));
  console.log('\nwritten: bench-results/latest.json');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
