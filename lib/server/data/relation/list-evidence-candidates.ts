import 'server-only';

import { descendantIds } from '@/lib/coding/hierarchy';
import { ZMemoDoc, type MemoDoc } from '@/lib/coding/memo';
import { getOffsetIndex } from '@/lib/coding/offsets';
import { AppError } from '@/lib/errors/app-error';
import type { EvidenceExcerpt } from '@/lib/coding/relations';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { hierarchyCodes } from '../hierarchy/load-hierarchy';

/** Longest excerpt text, in code points. */
export const EXCERPT_CHARS = 240;

/** Most candidates {@link listEvidenceCandidates} returns (also the most evidence a relation may cite). */
export const MAX_EVIDENCE_CANDIDATES = 200;

/** Most coding ids {@link listCodingExcerpts} reads in one call. */
const MAX_EXCERPT_IDS = 20_000;

type CodingRow = { id: string; sourceId: string; start: number; end: number; code: { id: string; label: string; name: string } };

const codingSelect = { id: true, sourceId: true, start: true, end: true, code: { select: { id: true, label: true, name: true } } } as const;

/** Cuts the segments out of their sources, reading (and indexing) each source's text once. */
async function toExcerpts(projectId: string, codings: readonly CodingRow[]): Promise<EvidenceExcerpt[]> {
  const sourceIds = [...new Set(codings.map((c) => c.sourceId))];
  if (sourceIds.length === 0) return [];
  const sources = await db.source.findMany({ where: { projectId, id: { in: sourceIds } }, select: { id: true, title: true, text: true } });
  const byId = new Map(sources.map((s) => [s.id, s]));
  const out: EvidenceExcerpt[] = [];
  for (const c of codings) {
    const source = byId.get(c.sourceId);
    if (!source) continue;
    const index = getOffsetIndex(source.text);
    // Clamped: a stored range that no longer fits its text shows what is left instead of failing the page.
    const clamp = (cp: number) => Math.max(0, Math.min(index.length, cp));
    const start = clamp(c.start);
    const end = clamp(c.end);
    const cut = end - start > EXCERPT_CHARS;
    const text = source.text.slice(index.toUtf16(start), index.toUtf16(cut ? start + EXCERPT_CHARS : end));
    out.push({
      codingId: c.id,
      sourceId: c.sourceId,
      sourceTitle: source.title,
      codeId: c.code.id,
      codeLabel: c.code.label,
      codeName: c.code.name,
      text: cut ? `${text.trimEnd()}…` : text,
      start: c.start,
      end: c.end,
    });
  }
  return out;
}

/**
 * The segments a relation between `codeIds` may cite as evidence: the codings of each code's
 * subtree (the code itself and every code below it, as stored by parent links), newest first,
 * at most {@link MAX_EVIDENCE_CANDIDATES}. A segment coded by several codes of the subtrees
 * appears once per coding (each is a row the relation can cite).
 *
 * @param options.codeIds - the relation's ends (usually from and to).
 * @throws AppError NOT_FOUND (not a member, or a code that is not the project's)
 * @example await listEvidenceCandidates({ userId, projectId, codeIds: [fromId, toId] })
 */
export async function listEvidenceCandidates(options: { userId: string; projectId: string; codeIds: readonly string[] }): Promise<EvidenceExcerpt[]> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const codes = await hierarchyCodes(db, options.projectId);
  const known = new Set(codes.map((c) => c.id));
  const subtree = new Set<string>();
  for (const id of new Set(options.codeIds)) {
    if (!known.has(id)) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
    subtree.add(id);
    for (const d of descendantIds(codes, id)) subtree.add(d);
  }
  if (subtree.size === 0) return [];
  const codings = await db.coding.findMany({
    where: { projectId: options.projectId, codeId: { in: [...subtree] } },
    select: codingSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: MAX_EVIDENCE_CANDIDATES,
  });
  return toExcerpts(options.projectId, codings);
}

/**
 * Excerpts of the given codings of the project (e.g. the evidence cited by its relations),
 * by source title and position. Ids that are not codings of the project are left out.
 *
 * @throws AppError NOT_FOUND (not a member)
 */
export async function listCodingExcerpts(options: { userId: string; projectId: string; codingIds: readonly string[] }): Promise<EvidenceExcerpt[]> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const ids = [...new Set(options.codingIds)].slice(0, MAX_EXCERPT_IDS);
  if (ids.length === 0) return [];
  const codings = await db.coding.findMany({ where: { projectId: options.projectId, id: { in: ids } }, select: codingSelect });
  const excerpts = await toExcerpts(options.projectId, codings);
  return excerpts.sort((a, b) => a.sourceTitle.localeCompare(b.sourceTitle) || a.start - b.start || a.codeName.localeCompare(b.codeName));
}

/**
 * The rich-text memos of the project's relations (load-hierarchy carries only their plain
 * text), by relation id; relations without a memo, or with one that no longer validates, are
 * left out (the views fall back to the plain text).
 *
 * @throws AppError NOT_FOUND (not a member)
 */
export async function listRelationMemos(options: { userId: string; projectId: string }): Promise<Record<string, MemoDoc>> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const rows = await db.codeRelation.findMany({ where: { projectId: options.projectId, NOT: { memo: '' } }, select: { id: true, memo: true } });
  const memos: Record<string, MemoDoc> = {};
  for (const row of rows) {
    let json: unknown;
    try {
      json = JSON.parse(row.memo);
    } catch {
      continue;
    }
    const parsed = ZMemoDoc.safeParse(json);
    if (parsed.success) memos[row.id] = parsed.data;
  }
  return memos;
}
