/**
 * Benchmark (issue 9): the corpus through the real HTTP path. Generates a deterministic corpus
 * (scripts/bench/corpus/generate.ts: 200 transcripts of 60–200 KB in English, Chinese and
 * mixed with emoji, 30 PDFs of 40–70 pages, 20 Word files of 50–500 KB, a 150 KB and a 10 MB
 * transcript), starts the production app on a fresh SQLite database and drives it over HTTP
 * like browsers do: 21 accounts signed up and signed in through Auth.js, one project, 20 coders.
 *
 * Figures (each with its target where the issue sets one):
 *  - single imports: the 150 KB transcript (< 1 s) and the 10 MB text (< 10 s), round trip;
 *  - the whole corpus with 4 uploads in flight: total and throughput, while a second member
 *    loads project pages (p95 < 300 ms); the server's event-loop delay during all imports
 *    (p99 < 100 ms, max < 250 ms);
 *  - 2,000 codes (4-level hierarchy) through POST /api/projects/:id/codes; 100,000 codings by 20
 *    coders in parallel through POST …/sources/:sourceId/codings (p95 < 50 ms), and one coder alone;
 *  - every project page at 300 sources / 2,000 codes / 100,000 codings: time to the whole HTML
 *    (< 500 ms each); every export, and the event-loop delay while they run;
 *  - the workbench of the largest transcript (~200 KB, 2,000 codings) in Chromium, cold (< 1.5 s);
 *  - SIGTERM while 4 imports run: time until the server process exits (< 5 s).
 *
 * `npm run bench -- corpus`; BENCH_CORPUS_SMALL=1 runs a scaled-down version (for checking the
 * script, not for figures). Takes about 15–25 minutes on 2 cores at full size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createRng } from '@/lib/stats/random';

import { hasChromium, workbenchInteractive } from './corpus/browser';
import { type HttpError, percentile, pool, Session, signIn, signUp, upload, type UploadResult } from './corpus/client';
import { type CorpusSizes, FULL_SIZES, generateCorpus } from './corpus/generate';
import { type BenchServer, startServer } from './corpus/server';
import { median, type BenchRow } from './support/measure';

const SMALL = process.env.BENCH_CORPUS_SMALL === '1';
const SIZES: CorpusSizes = SMALL ? { transcripts: 12, pdfs: 2, docx: 2, topUp: 2 } : FULL_SIZES;
const CODERS = SMALL ? 4 : 20;
/** Codes per level (4 core categories … 1 concepts): 2,000 in all. */
const LEVELS: Record<1 | 2 | 3 | 4, number> = SMALL ? { 4: 1, 3: 2, 2: 4, 1: 13 } : { 4: 5, 3: 35, 2: 160, 1: 1_800 };
const CODINGS = SMALL ? 2_000 : 100_000;
const WORKBENCH_CODINGS = SMALL ? 200 : 2_000;
const ALONE_CODINGS = SMALL ? 100 : 400;
const UPLOAD_CONCURRENCY = 4;
const PASSWORD = 'a sturdy bench passphrase';

type EventLoop = { samples: number; p50: number; p99: number; max: number; mean: number };
type Code = { id: string; name: string; level: number };

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const mb = (bytes: number) => bytes / (1024 * 1024);

function log(message: string) {
  process.stdout.write(`\n  [corpus ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Time to the complete response body (not just the first bytes), and the first bytes. */
async function timedGet(session: Session, path: string): Promise<{ ms: number; ttfb: number; bytes: number; status: number }> {
  const t0 = performance.now();
  const response = await session.fetch(path, { headers: { accept: 'text/html,application/xhtml+xml,*/*' } });
  const ttfb = performance.now() - t0;
  const body = new Uint8Array(await response.arrayBuffer());
  return { ms: performance.now() - t0, ttfb, bytes: body.byteLength, status: response.status };
}

export default async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const root = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'gw-bench-corpus-'));
  let server: BenchServer | undefined;
  const started = performance.now();
  try {
    // ---- 1. corpus ---------------------------------------------------------------------
    let t0 = performance.now();
    const corpus = await generateCorpus(dir, SIZES);
    const files = [...corpus.transcripts, ...corpus.pdfs, ...corpus.docx];
    const corpusBytes = files.reduce((s, f) => s + f.bytes, 0);
    log(`corpus: ${files.length} files, ${mb(corpusBytes).toFixed(1)} MB in ${fmtMs(performance.now() - t0)}`);

    // ---- 2. server ---------------------------------------------------------------------
    t0 = performance.now();
    server = await startServer({ root, preferredPort: 3199 });
    const { baseUrl } = server;
    log(`server up at ${baseUrl} in ${fmtMs(performance.now() - t0)} (log: ${server.logFile})`);

    // ---- 3. accounts, project, team ----------------------------------------------------
    const tag = Date.now().toString(36);
    const owner = new Session(baseUrl, 'owner');
    const ownerUser = { name: 'Bench Owner', email: `owner-${tag}@bench.test`, password: PASSWORD };
    await signUp(owner, ownerUser);
    const coders: Session[] = [];
    const coderUsers = Array.from({ length: CODERS }, (_, i) => ({ name: `Coder ${i + 1}`, email: `coder-${i + 1}-${tag}@bench.test`, password: PASSWORD }));
    await pool(coderUsers, 4, async (user) => {
      const signedUp = new Session(baseUrl, user.name);
      await signUp(signedUp, user);
      // A fresh session signed in through Auth.js' credentials endpoint, as a returning user.
      const session = new Session(baseUrl, user.name);
      await signIn(session, user);
      coders.push(session);
    });
    coders.sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true }));
    const { project } = await owner.json<{ project: { id: string } }>('POST', '/api/projects', { name: '跨境电商 seller study 🌍' });
    const projectId = project.id;
    for (const user of coderUsers) await owner.json('POST', `/api/projects/${projectId}/members`, { email: user.email, role: 'coder' });
    log(`${CODERS + 1} accounts, project ${projectId}, ${CODERS} coders invited`);
    const second = coders[0];

    // ---- 4. single imports -------------------------------------------------------------
    await owner.json('POST', '/api/internal/event-loop', {}, 204);
    const retries: number[] = [];
    const warm = await upload(owner, projectId, corpus.topUp[0]); // first upload warms the route and the worker pool
    retries.push(warm.retries);
    const single = await upload(owner, projectId, corpus.single150k);
    rows.push({ name: '150 KB transcript import (one upload, round trip on loopback)', ms: single.ms, targetMs: 1000, note: `${single.wordCount.toLocaleString('en-GB')} words; after one warm-up upload` });
    const big = await upload(owner, projectId, corpus.single10m);
    rows.push({ name: '10 MB text import (one upload, round trip)', ms: big.ms, targetMs: 10_000, note: `${big.wordCount.toLocaleString('en-GB')} words` });
    log(`single imports: 150 KB ${fmtMs(single.ms)}, 10 MB ${fmtMs(big.ms)}`);

    // ---- 5. the corpus, 4 uploads at a time, while a second member reads pages ----------
    let importing = true;
    const pageTimes: number[] = [];
    const pageStatuses = new Set<number>();
    const reader = (async () => {
      const paths = [`/projects/${projectId}/sources`, `/projects/${projectId}`];
      for (let i = 0; importing; i++) {
        const r = await timedGet(second, paths[i % 2]);
        pageTimes.push(r.ms);
        pageStatuses.add(r.status);
        await new Promise((res) => setTimeout(res, 100));
      }
    })();
    t0 = performance.now();
    // The kinds interleaved (a seeded shuffle), as a researcher's folder would be uploaded.
    const shuffle = createRng(4);
    const order = [...files];
    for (let i = order.length - 1; i > 0; i--) {
      const j = shuffle.nextInt(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const uploaded = await pool(order, UPLOAD_CONCURRENCY, (file) => upload(owner, projectId, file)).finally(() => (importing = false));
    const corpusMs = performance.now() - t0;
    await reader;
    const loop = await owner.json<EventLoop>('GET', '/api/internal/event-loop');
    for (const u of uploaded) retries.push(u.retries);
    const retried = retries.reduce((s, r) => s + r, 0);
    const perFile = uploaded.map((u: UploadResult) => u.ms);
    rows.push({
      name: `corpus import, ${files.length} files (${SIZES.transcripts} txt, ${SIZES.pdfs} pdf, ${SIZES.docx} docx), ${UPLOAD_CONCURRENCY} uploads in flight`,
      ms: corpusMs,
      note: `${mb(corpusBytes).toFixed(1)} MB: ${(mb(corpusBytes) / (corpusMs / 1000)).toFixed(2)} MB/s, ${(files.length / (corpusMs / 1000)).toFixed(1)} files/s; per upload p50 ${fmtMs(percentile(perFile, 50))}, max ${fmtMs(Math.max(...perFile))}; 503 retries: ${retried}`,
    });
    rows.push({
      name: 'second member\'s page request during the corpus import, p95',
      ms: percentile(pageTimes, 95),
      targetMs: 300,
      note: `sources list and overview, whole HTML; ${pageTimes.length} requests, p50 ${fmtMs(percentile(pageTimes, 50))}, max ${fmtMs(Math.max(...pageTimes))}; status ${[...pageStatuses].join('/')}`,
    });
    rows.push({ name: 'event-loop delay during the imports, p99', ms: loop.p99, targetMs: 100, note: `single imports and the corpus; ${loop.samples} samples, mean ${fmtMs(loop.mean)}` });
    rows.push({ name: 'event-loop delay during the imports, max', ms: loop.max, targetMs: 250 });
    log(`corpus import ${fmtMs(corpusMs)}; reader p95 ${fmtMs(percentile(pageTimes, 95))}; event loop p99 ${fmtMs(loop.p99)} max ${fmtMs(loop.max)}`);

    // ---- 6. up to the research size: sources, codes --------------------------------------
    await pool(corpus.topUp.slice(1), UPLOAD_CONCURRENCY, (file) => upload(owner, projectId, file));
    const { sources } = await owner.json<{ sources: Array<{ id: string; title: string }> }>('GET', `/api/projects/${projectId}/sources`);
    const lengths = await pool(sources, 4, async (s) => {
      const { source } = await owner.json<{ source: { id: string; length: number; title: string } }>('GET', `/api/projects/${projectId}/sources/${s.id}`);
      return source;
    });
    const workbench = lengths.find((s) => s.title === corpus.largest.name.replace(/\.txt$/, ''));
    if (!workbench) throw new Error(`the workbench source ${corpus.largest.name} is missing`);
    log(`${sources.length} sources; workbench source ${workbench.title} (${workbench.length.toLocaleString('en-GB')} code points)`);

    const codes: Code[] = [];
    const codeTimes: number[] = [];
    t0 = performance.now();
    let parents: Code[] = [];
    for (const level of [4, 3, 2, 1] as const) {
      const made = await pool(
        Array.from({ length: LEVELS[level] }, (_, i) => i),
        4,
        async (i) => {
          const name = `${['', 'concept', 'category', 'main category', 'core category'][level]} ${i + 1}`;
          const body = { name, level, parentId: parents.length ? parents[i % parents.length].id : null, definition: `Bench code ${name}.` };
          const c0 = performance.now();
          const { code } = await coders[i % coders.length].json<{ code: Code }>('POST', `/api/projects/${projectId}/codes`, body);
          codeTimes.push(performance.now() - c0);
          return code;
        },
      );
      codes.push(...made);
      parents = made;
    }
    const codesMs = performance.now() - t0;
    const listed = await owner.json<{ codes: unknown[] }>('GET', `/api/projects/${projectId}/codes`);
    rows.push({
      name: `create ${codes.length.toLocaleString('en-GB')} codes (4 levels) through POST /codes, 4 in flight`,
      ms: codesMs,
      note: `per request p50 ${fmtMs(percentile(codeTimes, 50))}, p95 ${fmtMs(percentile(codeTimes, 95))}; GET /codes lists ${listed.codes.length}`,
    });
    log(`${codes.length} codes in ${fmtMs(codesMs)}`);

    // ---- 7. codings: one coder alone, then 20 coders at once ------------------------------
    const concepts = codes.filter((c) => c.level === 1);
    const others = lengths.filter((s) => s.id !== workbench.id && s.length > 400);
    const rng = createRng(9);
    const coding = (source: { id: string; length: number }) => {
      const start = rng.nextInt(source.length - 200);
      return { sourceId: source.id, body: { codeId: concepts[rng.nextInt(concepts.length)].id, start, end: start + 10 + rng.nextInt(150) } };
    };
    const apply = async (session: Session, plan: ReturnType<typeof coding>) => {
      const c0 = performance.now();
      await session.json('POST', `/api/projects/${projectId}/sources/${plan.sourceId}/codings`, plan.body);
      return performance.now() - c0;
    };
    const alone: number[] = [];
    for (let i = 0; i < ALONE_CODINGS; i++) alone.push(await apply(coders[1 % coders.length], coding(others[rng.nextInt(others.length)])));
    rows.push({ name: 'apply code, one coder alone, p50', ms: percentile(alone, 50), note: `${alone.length} requests in sequence, round trip` });
    rows.push({ name: 'apply code, one coder alone, p95', ms: percentile(alone, 95), targetMs: 50 });

    const concurrent = CODINGS - ALONE_CODINGS;
    const plans: Array<Array<ReturnType<typeof coding>>> = coders.map(() => []);
    for (let i = 0; i < concurrent; i++) {
      const onWorkbench = i < WORKBENCH_CODINGS;
      plans[i % coders.length].push(coding(onWorkbench ? workbench : others[rng.nextInt(others.length)]));
    }
    const applyTimes: number[] = [];
    let failures = 0;
    t0 = performance.now();
    await Promise.all(
      coders.map(async (session, c) => {
        for (const plan of plans[c]) {
          try {
            applyTimes.push(await apply(session, plan));
          } catch (error) {
            if (++failures <= 3) console.error(`\n  apply failed: ${(error as HttpError).message}`);
          }
        }
      }),
    );
    const applyMs = performance.now() - t0;
    rows.push({
      name: `${concurrent.toLocaleString('en-GB')} codings by ${CODERS} coders at once (one request in flight each), total`,
      ms: applyMs,
      note: `${Math.round(applyTimes.length / (applyMs / 1000))} codings/s; ${failures} failed; ${CODINGS.toLocaleString('en-GB')} codings in the project with the ${ALONE_CODINGS} above`,
    });
    rows.push({ name: `apply code, ${CODERS} coders at once, p50`, ms: percentile(applyTimes, 50) });
    rows.push({ name: `apply code, ${CODERS} coders at once, p95`, ms: percentile(applyTimes, 95), targetMs: 50, note: `max ${fmtMs(Math.max(...applyTimes))}` });
    const onWorkbench = await owner.json<{ codings: unknown[] }>('GET', `/api/projects/${projectId}/sources/${workbench.id}/codings`);
    log(`${applyTimes.length} codings in ${fmtMs(applyMs)}; workbench source has ${onWorkbench.codings.length} codings`);

    // ---- 8. every project page at that size ----------------------------------------------
    const concept = concepts[0];
    const core = codes.find((c) => c.level === 4)!;
    const p = `/projects/${projectId}`;
    const pages: Array<[string, string]> = [
      ['overview', p],
      ['sources list', `${p}/sources`],
      [`source workbench (${workbench.title}, ${onWorkbench.codings.length.toLocaleString('en-GB')} codings)`, `${p}/sources/${workbench.id}`],
      ['source details', `${p}/sources/${workbench.id}/details`],
      [`codebook (${codes.length.toLocaleString('en-GB')} codes)`, `${p}/codes`],
      ['code page: a concept (coded retrieval)', `${p}/codes/${concept.id}`],
      ['code page: a core category (its whole subtree)', `${p}/codes/${core.id}`],
      ['theory: outline', `${p}/hierarchy`],
      ['theory: table', `${p}/hierarchy/table`],
      ['theory: tree', `${p}/hierarchy/tree`],
      ['theory: network', `${p}/hierarchy/network`],
      ['theory: storyline', `${p}/hierarchy/storyline`],
      ['settings', `${p}/settings`],
      ['team', `${p}/team`],
    ];
    for (const [name, path] of pages) {
      const runs: Array<Awaited<ReturnType<typeof timedGet>>> = [];
      for (let r = 0; r < 4; r++) runs.push(await timedGet(owner, path));
      const measured = runs.slice(1); // the first request warms the server
      if (measured.some((r) => r.status !== 200)) throw new Error(`${path} answered ${runs.map((r) => r.status).join('/')}`);
      rows.push({
        name: `page: ${name}`,
        ms: median(measured.map((r) => r.ms)),
        targetMs: 500,
        note: `whole HTML, median of 3 after a warm-up; first bytes ${fmtMs(median(measured.map((r) => r.ttfb)))}; ${(runs[1].bytes / 1024).toFixed(0)} KB`,
      });
    }
    log('pages done');

    // ---- 9. every export -----------------------------------------------------------------
    await owner.json('POST', '/api/internal/event-loop', {}, 204);
    const exports: Array<[string, string]> = [
      ['coded segments, csv', `/api/projects/${projectId}/exports/coded-segments?format=csv`],
      ['coded segments, xlsx', `/api/projects/${projectId}/exports/coded-segments?format=xlsx`],
      ['hierarchy table, docx', `/api/projects/${projectId}/exports/hierarchy?format=docx`],
      ['hierarchy table, xlsx', `/api/projects/${projectId}/exports/hierarchy?format=xlsx`],
      ['hierarchy table, csv', `/api/projects/${projectId}/exports/hierarchy?format=csv`],
    ];
    for (const [name, path] of exports) {
      const r = await timedGet(owner, path);
      if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
      rows.push({ name: `export: ${name}`, ms: r.ms, note: `${(r.bytes / 1024 / 1024).toFixed(2)} MB; first bytes after ${fmtMs(r.ttfb)}` });
    }
    const exportLoop = await owner.json<EventLoop>('GET', '/api/internal/event-loop');
    rows.push({ name: 'event-loop delay during the exports, p99', ms: exportLoop.p99, targetMs: 100, note: `${exportLoop.samples} samples, mean ${fmtMs(exportLoop.mean)}` });
    rows.push({ name: 'event-loop delay during the exports, max', ms: exportLoop.max, targetMs: 250 });
    log('exports done');

    // ---- 10. the workbench in Chromium ---------------------------------------------------
    if (hasChromium()) {
      const { times, highlights } = await workbenchInteractive({ baseUrl, url: `${baseUrl}${p}/sources/${workbench.id}`, cookie: owner.sessionCookie(), loads: 3 });
      rows.push({
        name: `workbench interactive in Chromium, cold (~200 KB, ${onWorkbench.codings.length.toLocaleString('en-GB')} codings)`,
        ms: median(times),
        targetMs: 1500,
        note: `navigation start → highlights drawn; median of ${times.length} loads, each in a new browser context (${times.map(fmtMs).join(', ')}); ${highlights} highlight elements`,
      });
    } else {
      rows.push({ name: 'workbench interactive in Chromium', ms: NaN, note: 'skipped: no Chromium (apt-get install chromium)' });
    }
    log('browser done');

    // ---- 11. SIGTERM while 4 imports run -------------------------------------------------
    const inFlight = [corpus.single10m, corpus.pdfs[0] ?? corpus.single10m, corpus.single10m, corpus.docx[0] ?? corpus.single10m].map((f) =>
      upload(owner, projectId, f, 0).then(
        () => 'imported',
        (e: Error) => (/HTTP (\d+)/.exec(e.message)?.[1] ? `HTTP ${/HTTP (\d+)/.exec(e.message)![1]}` : (e.cause as Error | undefined)?.message ?? e.message),
      ),
    );
    await new Promise((r) => setTimeout(r, Math.max(300, Math.min(2000, big.ms / 2))));
    const stopped = await server.stop();
    const outcomes = await Promise.all(inFlight);
    rows.push({
      name: 'SIGTERM while 4 imports run: until the server process exited',
      ms: stopped.ms,
      targetMs: 5000,
      note: `exit ${stopped.code ?? stopped.signal}; the uploads got: ${outcomes.join(', ')}`,
    });
    server = undefined;
    log(`all done in ${fmtMs(performance.now() - started)}\n`);
    rows.push({ name: 'whole corpus bench (generate, serve, all of the above)', ms: performance.now() - started, note: SMALL ? 'BENCH_CORPUS_SMALL=1: scaled down, not figures' : undefined });
    return rows;
  } finally {
    if (server) await server.stop(5000);
    rmSync(dir, { recursive: true, force: true });
  }
}
