/**
 * Seeds a research-scale project straight into a database (no data layer, so seeding takes
 * seconds, not minutes): 300 sources of 60–200 KB, 2,000 codes in the 4-level hierarchy,
 * 100,000 codings by 20 coders, memos on codes, codings and sources, and relations with
 * evidence. Used by scripts/bench/scale-pages.ts. Deterministic (fixed seed).
 */
import { CODE_COLORS } from '@/lib/coding/colors';
import { createRng } from '@/lib/stats/random';
import { db } from '@/lib/server/db/client';

export const SCALE = {
  sources: 300,
  /** Per level: core categories, main categories, categories, concepts (2,000 codes). */
  codes: { 4: 5, 3: 35, 2: 160, 1: 1_800 } as Record<1 | 2 | 3 | 4, number>,
  codings: 100_000,
  coders: 20,
  /** The workbench source: 200 KB with this many codings. */
  workbenchCodings: 2_000,
} as const;

export interface ScaleProject {
  projectId: string;
  /** The owner (reads every page). */
  userId: string;
  coderIds: string[];
  sources: Array<{ id: string; length: number }>;
  /** The 200 KB source with 2,000 codings. */
  workbenchSourceId: string;
  codes: Array<{ id: string; level: number; parentId: string | null }>;
}

const VOCAB =
  'we sell abroad buyers trust reviews platform rules changed shipping slow warehouse brand price margin customers service listing account season market data parcel delivery local language family worry money supplier return refund quality'.split(
    ' ',
  );

/**
 * Interview-like ASCII text of `bytes` characters (so length in code points = bytes) and its
 * word count; counted here because Intl.Segmenter over 39 MB would dominate the seeding.
 */
function text(bytes: number, rng: { next(): number }): { text: string; length: number; wordCount: number; structure: null } {
  const lines: string[] = [];
  let size = 0;
  let turn = 0;
  while (size < bytes) {
    const len = 40 + Math.floor(rng.next() * 80);
    const words: string[] = [];
    for (let i = 0; i < len; i++) words.push(VOCAB[Math.floor(rng.next() * VOCAB.length)]);
    const line = `${turn++ % 2 ? 'Seller' : 'Interviewer'}: ${words.join(' ')}.`;
    lines.push(line);
    size += line.length + 1;
  }
  const t = lines.join('\n').slice(0, bytes);
  return { text: t, length: t.length, wordCount: t.split(/\s+/).length, structure: null };
}

const doc = (t: string) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] });

/** Seeds the project into the database `db` points at (migrations already deployed). */
export async function seedScaleProject(): Promise<ScaleProject> {
  const rng = createRng(20261205);
  const pick = (n: number) => Math.floor(rng.next() * n);
  const tag = Date.now().toString(36);

  const users = Array.from({ length: SCALE.coders }, (_, i) => ({ id: `bench-u${i}-${tag}`, email: `bench-${i}-${tag}@bench.test`, name: `Coder ${i + 1}`, passwordHash: 'x' }));
  await db.user.createMany({ data: users });
  const project = await db.project.create({
    data: { name: 'Scale study', members: { create: users.map((u, i) => ({ userId: u.id, role: i === 0 ? 'owner' : 'coder' })) } },
    select: { id: true },
  });
  const projectId = project.id;

  const sources: ScaleProject['sources'] = [];
  for (let i = 0; i < SCALE.sources; i += 20) {
    const batch = Array.from({ length: Math.min(20, SCALE.sources - i) }, (_, j) => {
      const n = i + j;
      const bytes = n === 0 ? 200_000 : 60_000 + pick(140_000);
      return { id: `bench-s${n}-${tag}`, projectId, kind: 'interview', title: `Interview ${String(n + 1).padStart(3, '0')}`, format: 'paste', createdById: users[0].id, ...text(bytes, rng) };
    });
    await db.source.createMany({ data: batch });
    for (const s of batch) sources.push({ id: s.id, length: s.length });
  }

  const codes: ScaleProject['codes'] = [];
  const byLevel: Record<number, string[]> = {};
  const prefix: Record<number, string> = { 1: 'C', 2: 'B', 3: 'A', 4: 'CC' };
  for (const level of [4, 3, 2, 1] as const) {
    byLevel[level] = [];
    const rows = Array.from({ length: SCALE.codes[level] }, (_, i) => {
      const above = byLevel[level + 1];
      // 5% of the codes below the top are not placed yet.
      const parentId = above && rng.next() > 0.05 ? above[pick(above.length)] : null;
      const id = `bench-${prefix[level]}${i + 1}-${tag}`;
      byLevel[level].push(id);
      codes.push({ id, level, parentId });
      return { id, projectId, name: `${prefix[level]} code ${i + 1}`, label: `${prefix[level]}${i + 1}`, level, parentId, color: CODE_COLORS[i % CODE_COLORS.length], createdById: users[0].id };
    });
    await db.code.createMany({ data: rows });
  }

  // Codings: 97% on concepts, 3% on categories; a fifth re-code a span already coded (another
  // code or coder), so roll-ups must count distinct segments.
  const concepts = byLevel[1];
  const categories = byLevel[2];
  type Row = { projectId: string; sourceId: string; codeId: string; start: number; end: number; coderId: string };
  const rows: Row[] = [];
  const add = (sourceIndex: number) => {
    const earlier = rows.length > 0 && rng.next() < 0.2 ? rows[rows.length - 1 - pick(Math.min(rows.length, 500))] : null;
    // Re-code an earlier span (its source), keeping the workbench source at its count.
    const again = earlier && (earlier.sourceId === sources[0].id) === (sourceIndex === 0) ? earlier : null;
    const source = again ? sources.find((s) => s.id === again.sourceId)! : sources[sourceIndex];
    const start = again ? again.start : pick(source.length - 500);
    const end = again ? again.end : start + 20 + pick(400);
    const codeId = rng.next() < 0.03 ? categories[pick(categories.length)] : concepts[pick(concepts.length)];
    rows.push({ projectId, sourceId: source.id, codeId, start, end, coderId: users[pick(users.length)].id });
  };
  for (let i = 0; i < SCALE.workbenchCodings; i++) add(0);
  for (let i = SCALE.workbenchCodings; i < SCALE.codings; i++) add(1 + pick(SCALE.sources - 1));
  for (let i = 0; i < rows.length; i += 5_000) await db.coding.createMany({ data: rows.slice(i, i + 5_000) });

  // Memos: 300 on codes, 2,000 on codings, 300 on sources.
  const codingIds = (await db.coding.findMany({ where: { projectId }, select: { id: true }, take: 20_000 })).map((c) => c.id);
  const memo = (t: string) => ({ projectId, authorId: users[pick(users.length)].id, body: doc(t), text: t });
  await db.memo.createMany({ data: Array.from({ length: 300 }, (_, i) => ({ ...memo(`Code memo ${i}`), codeId: codes[pick(codes.length)].id })) });
  await db.memo.createMany({ data: Array.from({ length: 2_000 }, (_, i) => ({ ...memo(`Coding memo ${i}`), codingId: codingIds[i * 10] })) });
  await db.memo.createMany({ data: Array.from({ length: 300 }, (_, i) => ({ ...memo(`Source memo ${i}`), sourceId: sources[i % sources.length].id })) });

  // 60 relations between categories and main categories, 3 evidence codings each.
  const upper = [...byLevel[2], ...byLevel[3]];
  for (let i = 0; i < 60; i++) {
    const fromId = upper[i];
    const toId = upper[upper.length - 1 - i];
    await db.codeRelation.create({
      data: {
        projectId,
        fromId,
        toId,
        type: 'context',
        memo: i % 2 ? doc(`Relation memo ${i}`) : '',
        memoText: i % 2 ? `Relation memo ${i}` : '',
        createdById: users[0].id,
        evidence: { create: [0, 1, 2].map((k) => ({ codingId: codingIds[i * 100 + k * 7] })) },
      },
    });
  }

  return { projectId, userId: users[0].id, coderIds: users.map((u) => u.id), sources, workbenchSourceId: sources[0].id, codes };
}
