/**
 * Benchmark (axial and selective coding): a large study's hierarchy — 2,000 concepts, 200
 * categories, 40 main categories, 6 core categories and 100,000 codings over 300 sources, a
 * fifth of them on spans another concept also codes (so roll-ups must de-duplicate).
 * Times, as the median of 5 runs after a warm-up:
 *  - roll-ups (distinct segments and sources per subtree) and the summary line;
 *  - the hierarchy table in the published layout;
 *  - its exports: Word (DOCX), XLSX and CSV.
 * Targets: everything a page needs (roll-ups + table) well under 200 ms; each export < 2 s.
 */
import { buildHierarchyTable, buildHierarchyTree, rollUp, summarize } from '@/lib/coding/hierarchy';
import type { CodeLevel, HierarchyCode, HierarchyCoding } from '@/lib/coding/hierarchy-types';
import { hierarchyTableCsv, hierarchyTableDocx, hierarchyTableXlsx } from '@/lib/io/export/hierarchy-table';
import { createRng } from '@/lib/stats/random';

import { median, type BenchRow, timeIt } from './support/measure';

const COUNTS: Record<CodeLevel, number> = { 4: 6, 3: 40, 2: 200, 1: 2_000 };
const CODINGS = 100_000;
const SOURCES = 300;
const RUNS = 5;

function makeStudy(): { codes: HierarchyCode[]; codings: HierarchyCoding[] } {
  const rng = createRng(20261130);
  const pick = (n: number) => Math.floor(rng.next() * n);
  const codes: HierarchyCode[] = [];
  const byLevel: Record<number, HierarchyCode[]> = {};
  const prefix: Record<CodeLevel, string> = { 1: 'C', 2: 'B', 3: 'A', 4: 'CC' };
  for (const level of [4, 3, 2, 1] as CodeLevel[]) {
    byLevel[level] = [];
    for (let i = 0; i < COUNTS[level]; i++) {
      const above = byLevel[level + 1];
      // 5% of codes below the top are not placed yet.
      const parentId = above && rng.next() > 0.05 ? above[pick(above.length)].id : null;
      const code = { id: `${prefix[level]}${i + 1}`, label: `${prefix[level]}${i + 1}`, name: `${prefix[level]} code ${i + 1}`, level, parentId, color: '#336699', definition: '' };
      codes.push(code);
      byLevel[level].push(code);
    }
  }
  const concepts = byLevel[1];
  const codings: HierarchyCoding[] = [];
  for (let i = 0; i < CODINGS; i++) {
    const again = i > 0 && rng.next() < 0.2 ? codings[pick(codings.length)] : null;
    const start = again ? again.start : pick(200_000);
    codings.push({
      id: `k${i}`,
      codeId: concepts[pick(concepts.length)].id,
      sourceId: again ? again.sourceId : `s${pick(SOURCES)}`,
      start,
      end: again ? again.end : start + 20 + pick(400),
      coderId: `u${pick(4)}`,
    });
  }
  return { codes, codings };
}

async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export default async function bench(): Promise<BenchRow[]> {
  const { codes, codings } = makeStudy();
  const table = buildHierarchyTable(codes, codings);
  const options = { title: 'Grounded theory hierarchy', projectName: 'Bench study' };
  const size = `${codes.length.toLocaleString('en-US')} codes, ${CODINGS.toLocaleString('en-US')} codings`;
  return [
    { name: `roll-ups (${size})`, ms: timeIt(() => rollUp(codes, codings), RUNS), targetMs: 200 },
    { name: 'summary line', ms: timeIt(() => summarize(codes, codings), RUNS), targetMs: 200, note: summarize(codes, codings).line },
    { name: `hierarchy table (${table.rows.length} rows)`, ms: timeIt(() => buildHierarchyTable(codes, codings), RUNS), targetMs: 200 },
    { name: 'tree for the icicle', ms: timeIt(() => buildHierarchyTree(codes, codings, 'Bench study'), RUNS), targetMs: 200 },
    { name: 'export DOCX', ms: await timeAsync(() => hierarchyTableDocx(table, options), RUNS), targetMs: 2_000 },
    { name: 'export XLSX', ms: await timeAsync(() => hierarchyTableXlsx(table, options), RUNS), targetMs: 2_000 },
    { name: 'export CSV', ms: timeIt(() => hierarchyTableCsv(table), RUNS), targetMs: 2_000 },
  ];
}
