/**
 * Benchmark (issue 9): the workbench of a 200 KB transcript with 2,000 codings, cold, in
 * Chromium (target: interactive < 1.5 s), on its own — the corpus suite measures the same page
 * after a 30-minute import; this one seeds just what the page shows, in about a minute:
 *
 *  - a production server on a fresh SQLite database (.data/bench-workbench/), three accounts
 *    signed up through the sign-up form, a project with two coders;
 *  - one ~200 KB interview transcript (English, Chinese and emoji, ~1,500 turns) uploaded
 *    through POST /api/projects/:id/sources (the real import, markers included);
 *  - 60 codes through POST /codes (BENCH_WORKBENCH_CODES changes it, e.g. 2000 for the
 *    corpus' codebook), and 2,000 codings by the 3 coders written straight into the database
 *    (a fifth re-code a span already coded; one in ten has a memo).
 *
 * Figures: the server's time to the whole HTML (its size, and that of the RSC payload inlined
 * in it), and per cold load in a new browser context: data-ready (text, the first screens'
 * highlights and the margin stripes painted, as the corpus suite reads it), the end of the last
 * long task (the main thread free), the long tasks' total, the renderer main thread's CPU time
 * (comparable on a busy machine), and the time a click on a highlight takes to open its card. BENCH_WORKBENCH_PROFILE=out.cpuprofile saves a CPU profile of one extra load;
 * BENCH_SKIP_BUILD=1 uses the existing build as it is.
 *
 * `npm run bench -- workbench`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from '@playwright/test';

import { createRng } from '@/lib/stats/random';

import { CHROMIUM, hasChromium } from './corpus/browser';
import { Session, signIn, signUp, upload } from './corpus/client';
import { transcriptText } from './corpus/generate';
import { median, type BenchRow } from './support/measure';

const LOADS = Number(process.env.BENCH_WORKBENCH_LOADS ?? 5);
const CODES = Number(process.env.BENCH_WORKBENCH_CODES ?? 60);
const CODINGS = 2_000;
const PORT = 3197;
const PASSWORD = 'a sturdy bench passphrase';

async function startServer(root: string, dir: string): Promise<{ baseUrl: string; child: ChildProcess; databaseUrl: string }> {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    // @ts-expect-error plain JS module shared with npm start
    const { ensureBuild } = (await import('../start.mjs')) as { ensureBuild: () => void };
    ensureBuild();
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const databaseUrl = `file:${join(dir, 'bench.db')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: 'bench-workbench-only-secret-not-for-production-0123456789',
    GROUNDWORK_SEED_DEMO: 'false',
    GROUNDWORK_ALLOW_SIGNUP: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    PORT: String(PORT),
  };
  const prepared = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/prepare-db.ts', '--no-seed'], { cwd: root, env, encoding: 'utf8' });
  if (prepared.status !== 0) throw new Error(`prepare-db failed: ${prepared.stderr || prepared.stdout}`);
  const log = createWriteStream(join(dir, 'server.log'));
  const child = spawn(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(PORT), '-H', '127.0.0.1'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const baseUrl = `http://127.0.0.1:${PORT}`;
  const deadline = Date.now() + 120_000;
  while (!(await fetch(`${baseUrl}/sign-in`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not come up; see ${join(dir, 'server.log')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, child, databaseUrl };
}

/** Code-point length of `text`. */
const cpLength = (text: string) => {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
};

async function seed(baseUrl: string, dir: string, databaseUrl: string) {
  const tag = Date.now().toString(36);
  const users = ['Owner', 'Ana', 'Bo'].map((name, i) => ({ name, email: `wb-${i}-${tag}@bench.test`, password: PASSWORD }));
  const sessions: Session[] = [];
  for (const user of users) {
    await signUp(new Session(baseUrl, user.name), user);
    const session = new Session(baseUrl, user.name);
    await signIn(session, user);
    sessions.push(session);
  }
  const owner = sessions[0];
  const { project } = await owner.json<{ project: { id: string } }>('POST', '/api/projects', { name: '跨境电商 seller study 🌍' });
  for (const user of users.slice(1)) await owner.json('POST', `/api/projects/${project.id}/members`, { email: user.email, role: 'coder' });

  // A mixed English/Chinese transcript with emoji (seed 7 has them), ~200 KB of UTF-8.
  const { encoded } = transcriptText(7, 200_000, 'mixed');
  const path = join(dir, 'interview.txt');
  writeFileSync(path, encoded);
  const source = await upload(owner, project.id, { path, name: 'interview.txt', contentType: 'text/plain', bytes: encoded.byteLength });

  const codes: string[] = [];
  for (let i = 0; i < CODES; i++) {
    const { code } = await owner.json<{ code: { id: string } }>('POST', `/api/projects/${project.id}/codes`, { name: `concept ${i + 1}`, level: 1, parentId: null, definition: `Bench code ${i + 1}.` });
    codes.push(code.id);
  }

  // Codings straight into the database the server uses (the API would take a minute).
  process.env.DATABASE_URL = databaseUrl;
  const { db } = await import('@/lib/server/db/client');
  const stored = await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { text: true, length: true } });
  const members = await db.user.findMany({ where: { email: { in: users.map((u) => u.email) } }, select: { id: true } });
  const rng = createRng(20261206);
  const rows: Array<{ projectId: string; sourceId: string; codeId: string; start: number; end: number; coderId: string }> = [];
  for (let i = 0; i < CODINGS; i++) {
    const again = rows.length > 0 && rng.next() < 0.2 ? rows[rng.nextInt(rows.length)] : null;
    const start = again ? again.start : rng.nextInt(stored.length - 500);
    const end = again ? again.end : start + 20 + rng.nextInt(400);
    rows.push({ projectId: project.id, sourceId: source.id, codeId: codes[rng.nextInt(codes.length)], start, end, coderId: members[rng.nextInt(members.length)].id });
  }
  await db.coding.createMany({ data: rows });
  const ids = (await db.coding.findMany({ where: { sourceId: source.id }, select: { id: true } })).map((c) => c.id);
  const memoDoc = (t: string) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] });
  await db.memo.createMany({
    data: ids.filter((_, i) => i % 10 === 0).map((codingId, i) => ({ projectId: project.id, authorId: members[i % members.length].id, codingId, body: memoDoc(`Memo ${i}: seller trust shifts here`), text: `Memo ${i}: seller trust shifts here` })),
  });
  const { disconnectDb } = await import('@/lib/server/db/client');
  await disconnectDb();
  // For looking at the page by hand afterwards (the database stays in `dir`).
  writeFileSync(join(dir, 'seeded.json'), JSON.stringify({ path: `/projects/${project.id}/sources/${source.id}`, email: users[0].email, password: PASSWORD }));
  return { projectId: project.id, sourceId: source.id, owner, length: stored.length, cp: cpLength(stored.text), paragraphs: stored.text.split('\n').length };
}

/**
 * Times are ms since navigation start (wall clock). On a busy machine they stretch with the
 * load; `cpuReady` / `cpuQuiet` are the renderer main thread's CPU time (CDP ThreadTime) at
 * data-ready and when quiet, which do not, and compare builds fairly.
 */
export type Load = { ready: number; quiet: number; longTasks: number; longTaskCount: number; responseEnd: number; click: number; highlights: number; cpuReady: number; cpuQuiet: number };

/** One cold load in a new context: the figures above (ms since navigation start). */
export async function coldLoads(baseUrl: string, url: string, cookie: { name: string; value: string }, loads: number, profile?: string): Promise<Load[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const out: Load[] = [];
  try {
    for (let i = 0; i < loads + (profile ? 1 : 0); i++) {
      const profiling = profile !== undefined && i === loads;
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addCookies([{ name: cookie.name, value: cookie.value, domain: new URL(baseUrl).hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
      await context.addInitScript(() => {
        const w = window as unknown as { __longTasks: Array<[number, number]> };
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
        }).observe({ type: 'longtask', buffered: true });
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const threadTime = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        return 1000 * (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN);
      };
      if (profiling) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      await page.goto(url, { waitUntil: 'commit' });
      const root = page.locator('[data-testid="workbench"][data-ready="true"]');
      await root.waitFor({ timeout: 120_000 });
      const ready = Number(await root.getAttribute('data-ready-at'));
      const cpuReady = await threadTime();
      // Let the main thread settle, then read the long tasks.
      await page.waitForTimeout(1500);
      const cpuQuiet = await threadTime();
      if (profiling) {
        const { profile: p } = await cdp.send('Profiler.stop');
        writeFileSync(profile!, JSON.stringify(p));
      }
      const { tasks, responseEnd } = await page.evaluate(() => ({
        tasks: (window as unknown as { __longTasks: Array<[number, number]> }).__longTasks,
        responseEnd: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd,
      }));
      const highlights = await page.locator('.gw-coding').count();
      // A click on a highlight opens its card: the time from the click to the card painted.
      const target = page.locator('.gw-coding').nth(3);
      const box = await target.boundingBox();
      let click = NaN;
      if (box) {
        const t0 = await page.evaluate(() => performance.now());
        await page.mouse.click(box.x + Math.min(4, box.width / 2), box.y + box.height / 2);
        await page.locator('[data-testid="coding-card"]').waitFor({ timeout: 10_000 });
        click = (await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))))) - t0;
      }
      if (!profiling) {
        out.push({
          ready,
          quiet: Math.max(ready, ...tasks.map(([s, d]) => s + d)),
          longTasks: tasks.reduce((s, [, d]) => s + d, 0),
          longTaskCount: tasks.length,
          responseEnd,
          click,
          highlights,
          cpuReady,
          cpuQuiet,
        });
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

export default async function bench(): Promise<BenchRow[]> {
  if (!hasChromium()) return [{ name: 'workbench load (skipped: no Chromium at CHROMIUM_PATH)', ms: NaN }];
  const root = process.cwd();
  const dir = join(root, '.data', 'bench-workbench');
  const server = await startServer(root, dir);
  try {
    const s = await seed(server.baseUrl, dir, server.databaseUrl);
    const path = `/projects/${s.projectId}/sources/${s.sourceId}`;
    const what = `200 KB source (${s.cp.toLocaleString('en-GB')} code points, ${s.paragraphs.toLocaleString('en-GB')} paragraphs), ${CODINGS.toLocaleString('en-GB')} codings, ${CODES} codes`;

    // Server: the whole HTML of a first visit, and the RSC payload inlined in it.
    const html: number[] = [];
    let htmlBytes = 0;
    let rscBytes = 0;
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      const r = await s.owner.fetch(path, { headers: { accept: 'text/html' } });
      const body = await r.text();
      if (r.status !== 200) throw new Error(`GET ${path}: ${r.status}`);
      if (i > 0) html.push(performance.now() - t0);
      htmlBytes = Buffer.byteLength(body);
      rscBytes = [...body.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]), 0);
    }

    const loads = await coldLoads(server.baseUrl, `${server.baseUrl}${path}`, s.owner.sessionCookie(), LOADS, process.env.BENCH_WORKBENCH_PROFILE);
    const med = (f: (l: Load) => number) => median(loads.map(f));
    const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
    return [
      { name: `workbench HTML, server (${what})`, ms: median(html), note: `${kb(htmlBytes)} of HTML, ${kb(rscBytes)} of it the RSC payload; median of 5 after one` },
      {
        name: `workbench cold in Chromium: data-ready (text, highlights, stripes)`,
        ms: med((l) => l.ready),
        targetMs: 1500,
        note: `median of ${LOADS} new contexts: ${loads.map((l) => Math.round(l.ready)).join(', ')} ms; HTML received at ${Math.round(med((l) => l.responseEnd))} ms; ${loads[0].highlights} highlight segments drawn`,
      },
      { name: 'workbench cold: main thread quiet (end of the last long task)', ms: med((l) => l.quiet), targetMs: 1500, note: `long tasks ${Math.round(med((l) => l.longTasks))} ms in ${med((l) => l.longTaskCount)}` },
      { name: 'workbench cold: renderer main-thread CPU until data-ready', ms: med((l) => l.cpuReady), note: `${Math.round(med((l) => l.cpuQuiet))} ms until quiet (all highlights drawn); CPU time, unaffected by other load` },
      { name: 'workbench: click on a highlight → its card painted', ms: med((l) => l.click), targetMs: 100 },
    ];
  } finally {
    server.child.kill('SIGTERM');
  }
}
