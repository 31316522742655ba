import 'server-only';

import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { inProjectTransaction, recordEvent } from '../events/record-event';
import type { ResolutionDetail } from './agreement';

/** keep_a / keep_b: keep one coder's codings, remove the other's; keep_both: both stay; merge: one coding spanning both. */
export const RESOLUTION_DECISIONS = ['keep_a', 'keep_b', 'keep_both', 'merge'] as const;
export type ResolutionDecision = (typeof RESOLUTION_DECISIONS)[number];

export const DECISION_LABELS: Record<ResolutionDecision, string> = {
  keep_a: 'Kept one coder’s coding',
  keep_b: 'Kept one coder’s coding',
  keep_both: 'Kept both',
  merge: 'Merged',
};

export interface ResolutionView {
  id: string;
  decision: ResolutionDecision;
  start: number;
  end: number;
  detail: ResolutionDetail;
}

/**
 * Resolves one disagreement (a cluster from the disagreement list): coder A's codings `a` and
 * coder B's codings `b`, all of one code in one source. In one transaction: the codings change
 * (keep one: the other coder's are removed; merge: one coding by coder A — or B when A has
 * none — spanning the union replaces them; keep both: nothing changes), an AgreementResolution
 * records the decision, and the change log gets 'coding.deleted' / 'coding.created' and
 * 'agreement.resolved'. Owners and reviewers ('review:write').
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT | CONFLICT (the codings changed since the list was loaded)
 */
export async function resolveDisagreement(options: {
  userId: string;
  projectId: string;
  a: string[];
  b: string[];
  decision: ResolutionDecision;
  note?: string;
}): Promise<ResolutionView> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'review:write' });
  const ids = [...new Set([...options.a, ...options.b])];
  if (ids.length === 0 || ids.length !== options.a.length + options.b.length) throw new AppError('INVALID_INPUT', { userMessage: 'Name each coding once, on one side.' });
  if (options.decision === 'merge' && (options.a.length === 0 || options.b.length === 0)) {
    throw new AppError('INVALID_INPUT', { userMessage: 'Merging needs codings from both coders.' });
  }
  return inProjectTransaction(options.projectId, async (tx) => {
    const rows = await tx.coding.findMany({
      where: { projectId: options.projectId, id: { in: ids } },
      select: { id: true, sourceId: true, codeId: true, coderId: true, start: true, end: true, source: { select: { title: true } }, code: { select: { name: true } } },
    });
    if (rows.length !== ids.length) throw new AppError('CONFLICT', { userMessage: 'These codings changed since the list was loaded. Reload the page to see the current disagreements.' });
    const first = rows[0]!;
    if (rows.some((r) => r.sourceId !== first.sourceId || r.codeId !== first.codeId)) {
      throw new AppError('INVALID_INPUT', { userMessage: 'A disagreement is about one code in one source.' });
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    const a = options.a.map((id) => byId.get(id)!);
    const b = options.b.map((id) => byId.get(id)!);
    const coderA = a[0]?.coderId ?? null;
    const coderB = b[0]?.coderId ?? null;
    if (a.some((r) => r.coderId !== coderA) || b.some((r) => r.coderId !== coderB) || (a.length > 0 && b.length > 0 && coderA === coderB)) {
      throw new AppError('INVALID_INPUT', { userMessage: 'Each side must hold the codings of one coder.' });
    }
    const start = Math.min(...rows.map((r) => r.start));
    const end = Math.max(...rows.map((r) => r.end));
    let removed: typeof rows = [];
    let kept: typeof rows = [];
    let created: { id: string } | null = null;
    switch (options.decision) {
      case 'keep_a':
        kept = a;
        removed = b;
        break;
      case 'keep_b':
        kept = b;
        removed = a;
        break;
      case 'keep_both':
        kept = rows;
        break;
      case 'merge': {
        const owner = coderA ?? coderB;
        const spanning = rows.find((r) => r.coderId === owner && r.start === start && r.end === end);
        kept = spanning ? [spanning] : [];
        removed = rows.filter((r) => r !== spanning);
        break;
      }
    }
    if (removed.length > 0) await tx.coding.deleteMany({ where: { id: { in: removed.map((r) => r.id) } } });
    if (options.decision === 'merge' && kept.length === 0) {
      created = await tx.coding.create({
        data: { projectId: options.projectId, sourceId: first.sourceId, codeId: first.codeId, coderId: coderA ?? coderB, start, end },
        select: { id: true },
      });
    }
    const where = `“${first.code.name}” in “${first.source.title}”`;
    for (const r of removed) {
      await recordEvent(tx, { projectId: options.projectId, actorId: options.userId, type: 'coding.deleted', entityType: 'coding', entityId: r.id, sourceId: r.sourceId, summary: `removed a coding of ${where} (agreement resolution)` });
    }
    if (created) {
      await recordEvent(tx, { projectId: options.projectId, actorId: options.userId, type: 'coding.created', entityType: 'coding', entityId: created.id, sourceId: first.sourceId, summary: `merged codings of ${where} (agreement resolution)` });
    }
    const detail: ResolutionDetail = {
      kept: kept.map((r) => r.id),
      removed: removed.map((r) => r.id),
      ...(created ? { created: created.id } : {}),
      coders: [coderA, coderB].filter((c): c is string => c !== null),
    };
    const resolution = await tx.agreementResolution.create({
      data: {
        projectId: options.projectId,
        sourceId: first.sourceId,
        codeId: first.codeId,
        start,
        end,
        decision: options.decision,
        detail: JSON.stringify(detail),
        note: options.note ?? '',
        resolvedById: options.userId,
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      projectId: options.projectId,
      actorId: options.userId,
      type: 'agreement.resolved',
      entityType: 'coding',
      entityId: resolution.id,
      sourceId: first.sourceId,
      summary: `${DECISION_LABELS[options.decision].toLowerCase()} for ${where}`,
      after: { decision: options.decision, ...detail },
    });
    return { id: resolution.id, decision: options.decision, start, end, detail };
  });
}

/** The project's recorded resolutions, newest first (the page's history). Members only. */
export async function listResolutions(options: { userId: string; projectId: string; take?: number }) {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const rows = await db.agreementResolution.findMany({
    where: { projectId: options.projectId },
    orderBy: { createdAt: 'desc' },
    take: options.take ?? 50,
    select: { id: true, sourceId: true, codeId: true, start: true, end: true, decision: true, note: true, createdAt: true, resolvedBy: { select: { name: true } } },
  });
  const [sources, codes] = await Promise.all([
    db.source.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.sourceId))] } }, select: { id: true, title: true } }),
    db.code.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.codeId))] } }, select: { id: true, name: true } }),
  ]);
  const titles = new Map(sources.map((s) => [s.id, s.title]));
  const names = new Map(codes.map((c) => [c.id, c.name]));
  return rows.map((r) => ({
    id: r.id,
    decision: r.decision as ResolutionDecision,
    sourceTitle: titles.get(r.sourceId) ?? 'Deleted source',
    codeName: names.get(r.codeId) ?? 'Deleted code',
    start: r.start,
    end: r.end,
    note: r.note,
    resolvedBy: r.resolvedBy?.name ?? 'Former member',
    createdAt: r.createdAt.toISOString(),
  }));
}
