import 'server-only';

import type { TCodeHits } from '@/lib/search/schemas';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { runJob } from '../../jobs/pool';
import { assertRangeInSource, sourceLength } from '../coding/apply-code';
import { loadSearchSources } from './load-search-texts';

/** Most codings one "code all hits" creates: more is almost surely a query too broad to mean. */
export const MAX_HIT_CODINGS = 5000;

/** What coding the hits creates (or, for a dry run, would create). */
export interface CodeHitsResult {
  /** Hits found. */
  hits: number;
  /** Codings created (or to create): one per distinct hit, paragraph or turn. */
  codings: number;
  /** Sources they are in. */
  sources: number;
  /** Ranges skipped because the user already has exactly that coding with this code. */
  duplicates: number;
  dryRun: boolean;
}

/**
 * "Code all hits" and "code each hit's paragraph or speaker turn": applies one code, as the
 * acting user, to every hit of a search (owners and coders). The same rules as coding in the
 * workbench ({@link import('../coding/apply-code').applyCode}): the code and sources must be in
 * the project, every range inside its source, and a range the user already coded with this
 * code is skipped rather than duplicated. All codings are created in one transaction.
 *
 * @param options.input - query, filters, code, unit (`hit` | `paragraph` | `turn`) and `dryRun`
 *   (count only, for the confirmation dialog).
 * @returns the counts; with `dryRun` nothing is stored.
 * @throws AppError NOT_FOUND (project or code) | FORBIDDEN (not owner or coder) |
 *   INVALID_INPUT (no hits, or more than {@link MAX_HIT_CODINGS} codings) | BUSY
 * @example
 * const plan = await codeSearchHits({ userId, projectId, input: { query: '信任', filters: {}, codeId, unit: 'paragraph', dryRun: true } });
 */
export async function codeSearchHits(options: { userId: string; projectId: string; input: TCodeHits; signal?: AbortSignal }): Promise<CodeHitsResult> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const { query, filters, codeId, unit, dryRun } = options.input;
  const code = await db.code.findFirst({ where: { id: codeId, projectId: options.projectId }, select: { id: true } });
  if (!code) throw new AppError('NOT_FOUND', { userMessage: 'That code no longer exists.' });

  const { batches } = await loadSearchSources(options.projectId, filters);
  const planned: Array<{ sourceId: string; start: number; end: number }> = [];
  let hits = 0;
  for await (const texts of batches()) {
    for (const r of await runJob('searchRanges', { texts, query, unit }, { signal: options.signal })) {
      hits += r.hits;
      for (const range of r.ranges) planned.push({ sourceId: r.sourceId, ...range });
    }
  }
  if (hits === 0) throw new AppError('INVALID_INPUT', { userMessage: `No hits for “${query.trim()}”: nothing to code.` });

  const existing = await db.coding.findMany({
    where: { projectId: options.projectId, codeId, coderId: options.userId, sourceId: { in: [...new Set(planned.map((p) => p.sourceId))] } },
    select: { sourceId: true, start: true, end: true },
  });
  const have = new Set(existing.map((c) => `${c.sourceId}:${c.start}:${c.end}`));
  const fresh = planned.filter((p) => !have.has(`${p.sourceId}:${p.start}:${p.end}`));
  const result: CodeHitsResult = {
    hits,
    codings: fresh.length,
    sources: new Set(fresh.map((p) => p.sourceId)).size,
    duplicates: planned.length - fresh.length,
    dryRun,
  };
  if (fresh.length > MAX_HIT_CODINGS) {
    throw new AppError('INVALID_INPUT', {
      userMessage: `This would create ${fresh.length} codings; at most ${MAX_HIT_CODINGS} at once. Narrow the search (a longer phrase, or fewer sources).`,
    });
  }
  if (dryRun || fresh.length === 0) return result;

  await db.$transaction(async (tx) => {
    // Re-check inside the transaction, as applyCode does for one coding.
    const stillThere = await tx.code.findFirst({ where: { id: codeId, projectId: options.projectId }, select: { id: true } });
    if (!stillThere) throw new AppError('NOT_FOUND', { userMessage: 'That code no longer exists.' });
    const lengths = new Map<string, number>();
    for (const p of fresh) {
      if (!lengths.has(p.sourceId)) lengths.set(p.sourceId, await sourceLength(tx, options.projectId, p.sourceId));
      assertRangeInSource(p.start, p.end, lengths.get(p.sourceId)!);
    }
    await tx.coding.createMany({
      data: fresh.map((p) => ({ projectId: options.projectId, sourceId: p.sourceId, codeId, start: p.start, end: p.end, coderId: options.userId })),
    });
  });
  return result;
}
