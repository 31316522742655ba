/**
 * Benchmark (issue 9, research scale): server time of every project page at 300 sources
 * (60–200 KB each), 2,000 codes in the 4-level hierarchy and 100,000 codings by 20 coders, on
 * SQLite. Each page is timed as the data-layer and pure functions it calls, in the order
 * (and with the parallelism) the page calls them, as the project owner — rendering is not
 * included. Median of 5 runs after a warm-up. Target < 500 ms per page.
 * Also "apply code" through the data layer at that size: p50/p95 over 500 calls at random
 * places in random sources, with random concepts and coders. Target p95 < 50 ms.
 *
 * Seeding takes a while; set BENCH_SCALE_DB=/some/dir/scale.db to keep the database between
 * runs (it is seeded when the file does not exist, and reused otherwise).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { descendantIds, hierarchyTableFromRollUps, hierarchyTreeFromRollUps, indexHierarchy, rollUpOne } from '@/lib/coding/hierarchy';
import { createRng } from '@/lib/stats/random';
import { listCodes } from '@/lib/server/data/code/list-codes';
import { applyCode } from '@/lib/server/data/coding/apply-code';
import { listCodeSegmentPage } from '@/lib/server/data/coding/list-code-segment-page';
import { listSourceCodings } from '@/lib/server/data/coding/list-source-codings';
import { listFolders } from '@/lib/server/data/folder/list-folders';
import { loadHierarchyCodes, loadHierarchyRollUps, loadHierarchySummary } from '@/lib/server/data/hierarchy/load-hierarchy';
import { getStoryline } from '@/lib/server/data/hierarchy/storyline';
import { listMembers } from '@/lib/server/data/member/list-members';
import { listMemos } from '@/lib/server/data/memo/memos';
import { getProject } from '@/lib/server/data/project/get-project';
import { listCodingExcerpts, listRelationMemos } from '@/lib/server/data/relation/list-evidence-candidates';
import { getSource } from '@/lib/server/data/source/get-source';
import { listSources } from '@/lib/server/data/source/list-sources';
import { disconnectDb } from '@/lib/server/db/client';
import { parseDatabaseUrl } from '@/lib/server/db/database-url';
import { deployMigrations } from '@/lib/server/db/migrations';

import { median, type BenchRow } from './support/measure';
import { SCALE, seedScaleProject, type ScaleProject } from './support/seed-scale';

const RUNS = 5;
const APPLY_CALLS = 500;
const PAGE_TARGET_MS = 500;

async function timePage(load: () => Promise<unknown>): Promise<number> {
  await load();
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    await load();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** What each project page loads, as the page calls it (app/(app)/projects/[projectId]/**). */
function pages(ctx: ScaleProject): Array<{ name: string; load: () => Promise<unknown> }> {
  const { userId, projectId } = ctx;
  const base = { userId, projectId };
  const sourceId = ctx.workbenchSourceId;
  // The layout and every page: loadProjectPage (the session is not counted).
  const project = () => getProject(base);
  const hierarchyPage = async () => {
    await project();
    return { hierarchy: await loadHierarchyRollUps(base) };
  };
  const concept = ctx.codes.find((c) => c.level === 1 && c.parentId !== null)!;
  const core = ctx.codes.find((c) => c.level === 4)!;
  // One page of the segment list (`?page=`), counted over all of them.
  const codePage = async (codeId: string, page = 1) => {
    await project();
    const hierarchy = await loadHierarchyCodes(base);
    const below = [...descendantIds(hierarchy.codes, codeId)];
    const [list] = await Promise.all([listCodeSegmentPage({ ...base, codeId, alsoCodeIds: below, page }), listMemos({ ...base, target: { codeId } })]);
    rollUpOne(hierarchy.codes, codeId, list.spans);
    indexHierarchy(hierarchy.codes);
    return list.segments.length;
  };
  return [
    {
      name: 'overview',
      load: async () => {
        await project();
        return loadHierarchySummary(base);
      },
    },
    { name: 'sources list', load: async () => (await project(), Promise.all([listFolders(base), listSources(base)])) },
    {
      name: 'source workbench (200 KB, 2,000 codings)',
      load: async () => {
        await project();
        await getSource({ ...base, sourceId });
        return Promise.all([listCodes(base), listSourceCodings({ ...base, sourceId })]);
      },
    },
    {
      name: 'source details',
      load: async () => {
        await project();
        await getSource({ ...base, sourceId });
        return Promise.all([listFolders(base), listMemos({ ...base, target: { sourceId } })]);
      },
    },
    { name: 'codebook (2,000 codes)', load: async () => (await project(), listCodes(base)) },
    { name: 'code page: a concept', load: () => codePage(concept.id) },
    { name: 'code page: a core category (its whole subtree)', load: () => codePage(core.id) },
    { name: 'code page: a core category, last page', load: () => codePage(core.id, Number.MAX_SAFE_INTEGER) },
    { name: 'theory: outline', load: hierarchyPage },
    {
      name: 'theory: table',
      load: async () => {
        const { hierarchy } = await hierarchyPage();
        return hierarchyTableFromRollUps(hierarchy.codes, hierarchy.rollUps);
      },
    },
    {
      name: 'theory: tree',
      load: async () => {
        const { hierarchy } = await hierarchyPage();
        return hierarchyTreeFromRollUps(hierarchy.codes, hierarchy.rollUps, 'Scale study');
      },
    },
    {
      name: 'theory: network',
      load: async () => {
        const { hierarchy } = await hierarchyPage();
        const codingIds = hierarchy.relations.flatMap((r) => r.evidenceCodingIds);
        return Promise.all([listCodingExcerpts({ ...base, codingIds }), listRelationMemos(base)]);
      },
    },
    { name: 'theory: storyline', load: async () => (await hierarchyPage(), getStoryline(base)) },
    { name: 'team', load: async () => (await project(), listMembers(base)) },
    { name: 'settings', load: project },
  ];
}

async function applyCodeTimes(ctx: ScaleProject): Promise<number[]> {
  const rng = createRng(99);
  const pick = (n: number) => Math.floor(rng.next() * n);
  const concepts = ctx.codes.filter((c) => c.level === 1);
  const times: number[] = [];
  for (let i = 0; i < APPLY_CALLS + 20; i++) {
    const source = ctx.sources[pick(ctx.sources.length)];
    const start = pick(source.length - 200);
    const input = { codeId: concepts[pick(concepts.length)].id, start, end: start + 10 + pick(150) };
    const t0 = performance.now();
    await applyCode({ userId: ctx.coderIds[pick(ctx.coderIds.length)], projectId: ctx.projectId, sourceId: source.id, input });
    if (i >= 20) times.push(performance.now() - t0); // the first 20 warm up
  }
  return times;
}

export default async function bench(): Promise<BenchRow[]> {
  const keep = process.env.BENCH_SCALE_DB;
  const dir = keep ? null : mkdtempSync(join(tmpdir(), 'gw-bench-scale-'));
  const file = keep ?? join(dir!, 'scale.db');
  const url = `file:${file}`;
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    await disconnectDb();
    let ctx: ScaleProject;
    let seededIn = '';
    if (keep && existsSync(file) && existsSync(`${file}.json`)) {
      ctx = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as ScaleProject;
      seededIn = 'reused database';
    } else {
      await deployMigrations(parseDatabaseUrl(url));
      const t0 = performance.now();
      ctx = await seedScaleProject();
      seededIn = `seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
      if (keep) writeFileSync(`${file}.json`, JSON.stringify(ctx));
    }
    const size = `${SCALE.sources} sources, 2,000 codes, ${SCALE.codings.toLocaleString('en-US')} codings`;
    const rows: BenchRow[] = [];
    for (const page of pages(ctx)) {
      rows.push({ name: `page ${page.name}`, ms: await timePage(page.load), targetMs: PAGE_TARGET_MS, note: rows.length === 0 ? `${size}; ${seededIn}` : undefined });
    }
    const apply = await applyCodeTimes(ctx);
    rows.push({ name: 'apply code, server p50', ms: pct(apply, 50), note: `${apply.length} calls, data layer on SQLite` });
    rows.push({ name: 'apply code, server p95', ms: pct(apply, 95), targetMs: 50 });
    return rows;
  } finally {
    await disconnectDb();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
