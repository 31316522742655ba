import 'server-only';

import { findDisagreements } from '@/lib/agreement/disagreements';
import { type AgreementCoding, type AgreementLevel, agreementTable, type AgreementTable } from '@/lib/agreement/units';
import { excerpt } from '@/lib/coding/segments';
import { AppError } from '@/lib/errors/app-error';
import { canSeeCoding } from '@/lib/team/blind';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

export interface AgreementCoder {
  id: string;
  name: string;
}

export interface AgreementSourceOption {
  id: string;
  title: string;
  length: number;
  /** Ids of the coders with at least one coding in the source. */
  coderIds: string[];
}

export interface AgreementCodeOption {
  id: string;
  label: string;
  name: string;
  level: number;
}

export interface AgreementOptions {
  coders: AgreementCoder[];
  sources: AgreementSourceOption[];
  codes: AgreementCodeOption[];
}

/**
 * What the agreement page offers: the coders who coded (members or former members with
 * codings), the sources with who coded each, and the codes. Members only.
 * @throws AppError NOT_FOUND
 */
export async function loadAgreementOptions(options: { userId: string; projectId: string }): Promise<AgreementOptions> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const { projectId } = options;
  const [pairs, sources, codes] = await Promise.all([
    db.coding.groupBy({ by: ['sourceId', 'coderId'], where: { projectId, coderId: { not: null } } }),
    db.source.findMany({ where: { projectId }, select: { id: true, title: true, length: true }, orderBy: [{ title: 'asc' }, { id: 'asc' }] }),
    db.code.findMany({ where: { projectId }, select: { id: true, label: true, name: true, level: true }, orderBy: [{ level: 'asc' }, { name: 'asc' }] }),
  ]);
  const coderIds = [...new Set(pairs.map((p) => p.coderId!))];
  const users = await db.user.findMany({ where: { id: { in: coderIds } }, select: { id: true, name: true } });
  const bySource = new Map<string, string[]>();
  for (const p of pairs) bySource.set(p.sourceId, [...(bySource.get(p.sourceId) ?? []), p.coderId!]);
  return {
    coders: users.sort((a, b) => a.name.localeCompare(b.name)),
    sources: sources.map((s) => ({ ...s, coderIds: bySource.get(s.id) ?? [] })),
    codes,
  };
}

export interface AgreementRequest {
  userId: string;
  projectId: string;
  coderIds: string[];
  /** Default: the sources coded by at least two of the coders. */
  sourceIds?: string[];
  /** Default: every code. */
  codeIds?: string[];
  level: AgreementLevel;
}

async function loadInput(request: AgreementRequest) {
  const { projectId } = request;
  const coderIds = [...new Set(request.coderIds)];
  if (coderIds.length < 2) throw new AppError('INVALID_INPUT', { userMessage: 'Choose at least two coders.' });
  const options = await loadAgreementOptions(request);
  const known = new Set(options.coders.map((c) => c.id));
  const unknown = coderIds.find((id) => !known.has(id));
  if (unknown) throw new AppError('INVALID_INPUT', { userMessage: 'One of the chosen coders has no codings in this project.' });
  const chosen = new Set(coderIds);
  const sources = request.sourceIds
    ? options.sources.filter((s) => request.sourceIds!.includes(s.id))
    : options.sources.filter((s) => s.coderIds.filter((c) => chosen.has(c)).length >= 2);
  const codes = request.codeIds ? options.codes.filter((c) => request.codeIds!.includes(c.id)) : options.codes;
  const rows = await db.coding.findMany({
    where: { projectId, coderId: { in: coderIds }, sourceId: { in: sources.map((s) => s.id) } },
    select: { id: true, coderId: true, codeId: true, sourceId: true, start: true, end: true },
  });
  const codings: AgreementCoding[] = rows.map((r) => ({ ...r, coderId: r.coderId! }));
  return { options, coderIds, sources, codes, codings };
}

export interface AgreementResult {
  table: AgreementTable;
  coders: AgreementCoder[];
  codes: AgreementCodeOption[];
  sources: Array<{ id: string; title: string }>;
}

/**
 * The agreement table for the chosen coders, sources, codes and level (lib/agreement/units.ts).
 * Members only (the table is aggregate: it shows no one's segments).
 * @throws AppError NOT_FOUND | INVALID_INPUT (fewer than two coders, a coder without codings)
 */
export async function computeAgreement(request: AgreementRequest): Promise<AgreementResult> {
  const { options, coderIds, sources, codes, codings } = await loadInput(request);
  const table = agreementTable({ coders: coderIds, sources, codes: codes.map((c) => c.id), codings, level: request.level });
  const names = new Map(options.coders.map((c) => [c.id, c]));
  return { table, coders: coderIds.map((id) => names.get(id)!), codes, sources: sources.map((s) => ({ id: s.id, title: s.title })) };
}

export interface DisagreementSide {
  codingId: string;
  start: number;
  end: number;
  text: string;
}

export interface DisagreementView {
  /** Stable key: the codings' ids. */
  key: string;
  sourceId: string;
  sourceTitle: string;
  codeId: string;
  codeName: string;
  codeLabel: string;
  start: number;
  end: number;
  a: DisagreementSide[];
  b: DisagreementSide[];
  /** The cluster's text with a little context, for reading both sides against each other. */
  context: { before: string; text: string; after: string };
}

/**
 * Disagreeing segments of two coders, side by side, for discussion (lib/agreement/disagreements.ts),
 * minus those the team already resolved (every coding in it is one a recorded decision kept:
 * "keep both", or what remains after "keep one" or "merge"). Members who may not see every coding
 * (blind coding) get only sources where they may see both coders' codings.
 * @throws AppError NOT_FOUND | INVALID_INPUT
 */
export async function listDisagreements(request: AgreementRequest): Promise<DisagreementView[]> {
  const { role } = await requireProjectPermission({ userId: request.userId, projectId: request.projectId, permission: 'project:read' });
  const { coderIds, sources, codes, codings } = await loadInput(request);
  const [coderA, coderB] = coderIds as [string, string];
  const found = findDisagreements({ coderA, coderB, codings, codes: codes.map((c) => c.id), sourceOrder: sources.map((s) => s.id), level: request.level });
  if (found.length === 0) return [];
  const ids = found.map((d) => d.sourceId);
  const [texts, project, resolutions] = await Promise.all([
    db.source.findMany({ where: { projectId: request.projectId, id: { in: [...new Set(ids)] } }, select: { id: true, title: true, text: true, blindCoding: true, blindReleased: true } }),
    db.project.findUniqueOrThrow({ where: { id: request.projectId }, select: { blindCoding: true, blindReleased: true } }),
    db.agreementResolution.findMany({ where: { projectId: request.projectId, sourceId: { in: [...new Set(ids)] } }, select: { detail: true } }),
  ]);
  // A resolved disagreement stays resolved while its codings are the ones the decision kept.
  const keptTogether = resolutions.map((r) => {
    const detail = parseDetail(r.detail);
    return new Set([...detail.kept, ...(detail.created ? [detail.created] : [])]);
  });
  const sourceMap = new Map(texts.map((s) => [s.id, s]));
  const codeMap = new Map(codes.map((c) => [c.id, c]));
  const views: DisagreementView[] = [];
  for (const d of found) {
    const source = sourceMap.get(d.sourceId)!;
    const settings = { project, source: { blindCoding: source.blindCoding, blindReleased: source.blindReleased } };
    if (![coderA, coderB].every((coder) => canSeeCoding(settings, role, request.userId, coder))) continue;
    const all = [...d.a, ...d.b].map((c) => c.id!);
    if (keptTogether.some((kept) => all.every((id) => kept.has(id)))) continue;
    const side = (list: AgreementCoding[]) => list.map((c) => ({ codingId: c.id!, start: c.start, end: c.end, text: excerpt(source.text, c.start, c.end, 0).text }));
    const code = codeMap.get(d.codeId)!;
    views.push({
      key: [...all].sort().join('+'),
      sourceId: d.sourceId,
      sourceTitle: source.title,
      codeId: d.codeId,
      codeName: code.name,
      codeLabel: code.label,
      start: d.start,
      end: d.end,
      a: side(d.a),
      b: side(d.b),
      context: excerpt(source.text, d.start, d.end, 60),
    });
  }
  return views;
}

export interface ResolutionDetail {
  kept: string[];
  removed: string[];
  created?: string;
  coders: string[];
}

export function parseDetail(detail: string): ResolutionDetail {
  try {
    const parsed = JSON.parse(detail) as Partial<ResolutionDetail>;
    return { kept: parsed.kept ?? [], removed: parsed.removed ?? [], created: parsed.created, coders: parsed.coders ?? [] };
  } catch {
    return { kept: [], removed: [], coders: [] };
  }
}
