/**
 * Benchmark (REFI-QDA exchange): a research-size project — 400 sources of ~25,000 characters
 * (with emoji and CJK), 6 core categories, 40 main categories, 150 categories and 600
 * concepts, 40,000 codings by 3 coders, 2,000 memos, 80 cases with 5 attributes, 60 relations.
 * Times, as the median of 3 runs after a warm-up:
 *  - export: the project model and the .qdpx archive (XML + zip), as the worker job does;
 *  - import: reading the archive (zip guard, XML, checks) and planning the import;
 * The database writes of an import (one transaction) are not part of this pure suite.
 * Targets: each step under 5 s for this size (it runs in a worker thread, off the request path).
 * REFI_BENCH_SOURCES / REFI_BENCH_CODINGS shrink the project for a quick look.
 */
import { toRefiProject, type GwSnapshot } from '@/lib/io/refi/from-groundwork';
import { readQdpx } from '@/lib/io/refi/parse';
import { packQdpx } from '@/lib/io/refi/serialize';
import { planImport } from '@/lib/io/refi/to-groundwork';
import { createRng } from '@/lib/stats/random';

import { type BenchRow, timeIt } from './support/measure';

const RUNS = 3;

function makeProject(): GwSnapshot {
  const rng = createRng(20261206);
  const pick = (n: number) => Math.floor(rng.next() * n);
  const at = new Date('2026-01-01T00:00:00Z');
  const users = [0, 1, 2].map((i) => ({ id: `u${i}`, name: `Coder ${i}` }));
  const words = ['price', 'trust', 'family', '价格', '信任', 'shipping', '😀', 'returns', 'platform', 'seller', '👩‍👩‍👧', 'quality'];
  const sources = Array.from({ length: Number(process.env.REFI_BENCH_SOURCES ?? 400) }, (_, i) => {
    let text = '';
    while (text.length < 25_000) text += `${words[pick(words.length)]} ${words[pick(words.length)]}. `;
    return {
      id: `s${i}`, title: `Interview ${i + 1}`, kind: 'interview', format: 'txt', fileName: null, text, folderId: null, caseId: `case${i % 80}`, authors: '', year: null, venue: '',
      interviewee: '', interviewDate: '', interviewer: '', structure: null, codingOrder: null, saturationTest: i % 20 === 0, createdById: 'u0', createdAt: at,
    };
  });
  const codes: GwSnapshot['codes'] = [];
  const counts: Record<number, number> = { 4: 6, 3: 40, 2: 150, 1: 600 };
  const byLevel: Record<number, string[]> = {};
  const prefix: Record<number, string> = { 4: 'CC', 3: 'A', 2: 'B', 1: 'C' };
  for (const level of [4, 3, 2, 1]) {
    byLevel[level] = [];
    for (let i = 0; i < counts[level]; i++) {
      const above = byLevel[level + 1];
      const id = `${prefix[level]}${i + 1}`;
      codes.push({ id, name: `${prefix[level]} code ${i + 1}`, color: '#336699', definition: 'A definition of the code.', level, parentId: above ? above[pick(above.length)] : null, label: id, createdById: 'u0', createdAt: at });
      byLevel[level].push(id);
    }
  }
  const codings: GwSnapshot['codings'] = [];
  for (let i = 0; i < Number(process.env.REFI_BENCH_CODINGS ?? 40_000); i++) {
    const s = sources[pick(sources.length)];
    const start = pick(24_000);
    codings.push({ id: `k${i}`, sourceId: s.id, codeId: byLevel[1][pick(600)], start, end: start + 10 + pick(300), coderId: `u${pick(3)}`, createdAt: at });
  }
  const memos = Array.from({ length: 2_000 }, (_, i) => {
    const text = `Memo ${i}: ${words.join(' ')}`;
    const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    const on = i % 3;
    return { id: `m${i}`, sourceId: on === 0 ? `s${i % 400}` : null, codeId: on === 1 ? byLevel[1][i % 600] : null, codingId: on === 2 ? `k${i}` : null, authorId: 'u1', body, text, createdAt: at };
  });
  const attributes = ['Age', 'City', 'Sector', 'Founded', 'Size'].map((name, i) => ({ id: `a${i}`, name, type: i === 0 || i === 4 ? 'number' : i === 3 ? 'date' : 'text', choices: [] }));
  const cases = Array.from({ length: 80 }, (_, i) => ({ id: `case${i}`, name: `Case ${i + 1}`, values: [{ attributeId: 'a0', value: String(20 + (i % 40)) }, { attributeId: 'a1', value: 'Oslo' }, { attributeId: 'a3', value: '2020-01-01' }] }));
  const relations = Array.from({ length: 60 }, (_, i) => ({ id: `r${i}`, fromId: byLevel[2][i], toId: byLevel[2][i + 60], type: 'context', customType: '', memo: '', memoText: '', createdById: 'u0', createdAt: at, evidence: [`k${i}`] }));
  return {
    project: { id: 'p', name: 'Bench', description: '', language: '', corePrefix: 'CC', storyline: '', storylineText: '', createdAt: at },
    users, folders: [], sources, codes, codings, memos, relations, attributes, cases,
  };
}

export default async function bench(): Promise<BenchRow[]> {
  const project = makeProject();
  const bytes = packQdpx(toRefiProject(project));
  const parsed = readQdpx(bytes);
  const note = `400 sources, 796 codes, 40,000 codings, 2,000 memos; archive ${(bytes.length / 1024 / 1024).toFixed(1)} MB`;
  return [
    { name: 'export .qdpx (model + XML + zip)', ms: timeIt(() => packQdpx(toRefiProject(project)), RUNS), targetMs: 5_000, note },
    { name: 'import: read .qdpx (guard, unzip, XML, checks)', ms: timeIt(() => readQdpx(bytes), RUNS), targetMs: 5_000 },
    { name: 'import: plan (levels, coders, memos, cases)', ms: timeIt(() => planImport(parsed), RUNS), targetMs: 5_000 },
  ];
}
