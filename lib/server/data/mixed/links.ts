import 'server-only';

import { linkTargetKey } from '@/lib/mixed/links';
import type { LinkTarget, MetaInference } from '@/lib/mixed/types';
import { AppError } from '@/lib/errors/app-error';
import type { Variable } from '@/lib/datasets/types';
import { descendantIds } from '@/lib/coding/hierarchy';
import type { TLinkInput, TLinkPatch } from '@/lib/validation/mixed';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { hierarchyCodes } from '../hierarchy/load-hierarchy';
import { isUniqueViolation } from '../prisma-errors';

/** A link as the Theory views, the construct side and the joint display read it. */
export interface CodeLinkSummary {
  id: string;
  code: { id: string; label: string; name: string; level: number; definition: string; parentId: string | null };
  target: LinkTarget;
  /** The scale's name, or the variable's name. */
  targetName: string;
  /** The variable's label (variable links), '' otherwise. */
  targetLabel: string;
  datasetName: string;
  rationale: string;
  inference: MetaInference;
  inferenceNote: string;
  /** Exemplar codings in the team's order. */
  exemplarIds: string[];
  reviewedFigures: string;
  reviewedAt: string | null;
  createdAt: string;
}

const select = {
  id: true,
  datasetId: true,
  scaleId: true,
  variable: true,
  rationale: true,
  inference: true,
  inferenceNote: true,
  reviewedFigures: true,
  reviewedAt: true,
  createdAt: true,
  code: { select: { id: true, label: true, name: true, level: true, definition: true, parentId: true } },
  dataset: { select: { name: true } },
  scale: { select: { name: true } },
  exemplars: { orderBy: { position: 'asc' as const }, select: { codingId: true } },
};

type Row = {
  id: string;
  datasetId: string;
  scaleId: string | null;
  variable: string;
  rationale: string;
  inference: string;
  inferenceNote: string;
  reviewedFigures: string;
  reviewedAt: Date | null;
  createdAt: Date;
  code: CodeLinkSummary['code'];
  dataset: { name: string };
  scale: { name: string } | null;
  exemplars: Array<{ codingId: string }>;
};

const INFERENCES = new Set<MetaInference>(['', 'convergent', 'complementary', 'divergent']);

function toSummary(row: Row, labels: ReadonlyMap<string, string>): CodeLinkSummary {
  const target: LinkTarget = row.scaleId ? { kind: 'scale', datasetId: row.datasetId, scaleId: row.scaleId } : { kind: 'variable', datasetId: row.datasetId, variable: row.variable };
  return {
    id: row.id,
    code: row.code,
    target,
    targetName: row.scale?.name ?? row.variable,
    targetLabel: row.scaleId ? '' : (labels.get(`${row.datasetId}\u0000${row.variable}`) ?? ''),
    datasetName: row.dataset.name,
    rationale: row.rationale,
    inference: INFERENCES.has(row.inference as MetaInference) ? (row.inference as MetaInference) : '',
    inferenceNote: row.inferenceNote,
    exemplarIds: row.exemplars.map((e) => e.codingId),
    reviewedFigures: row.reviewedFigures,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Variable labels of the latest version of each dataset, keyed "datasetId\0name". */
async function variableLabels(datasetIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const datasetId of new Set(datasetIds)) {
    const v = await db.datasetVersion.findFirst({ where: { datasetId }, orderBy: { number: 'desc' }, select: { variables: true } });
    for (const variable of v ? (JSON.parse(v.variables) as Variable[]) : []) out.set(`${datasetId}\u0000${variable.name}`, variable.label);
  }
  return out;
}

/**
 * The project's links (members), optionally only those of one dataset or one code, ordered by
 * code label.
 */
export async function listLinks(options: { userId: string; projectId: string; datasetId?: string; codeId?: string }): Promise<CodeLinkSummary[]> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const rows = await db.codeLink.findMany({
    where: { projectId: options.projectId, ...(options.datasetId ? { datasetId: options.datasetId } : {}), ...(options.codeId ? { codeId: options.codeId } : {}) },
    orderBy: [{ code: { label: 'asc' } }, { createdAt: 'asc' }],
    select,
  });
  const labels = await variableLabels(rows.filter((r) => !r.scaleId).map((r) => r.datasetId));
  return rows.map((r) => toSummary(r, labels));
}

/**
 * Links a code (any level) to a scale or a variable of one of the project's datasets (owners
 * and coders). The variable must exist in the dataset's latest version.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT | CONFLICT (already linked)
 */
export async function createLink(options: { userId: string; projectId: string; input: TLinkInput }): Promise<CodeLinkSummary> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const { input } = options;
  const [code, dataset] = await Promise.all([
    db.code.findFirst({ where: { id: input.codeId, projectId: options.projectId }, select: { id: true, label: true, name: true } }),
    db.dataset.findFirst({
      where: { id: input.datasetId, projectId: options.projectId },
      select: { name: true, versions: { orderBy: { number: 'desc' }, take: 1, select: { variables: true } } },
    }),
  ]);
  if (!code) throw new AppError('NOT_FOUND', { userMessage: 'Code not found.' });
  if (!dataset) throw new AppError('NOT_FOUND', { userMessage: 'Dataset not found.' });
  let target: LinkTarget;
  if (input.target.kind === 'scale') {
    const scale = await db.scale.findFirst({ where: { id: input.target.scaleId, datasetId: input.datasetId }, select: { id: true } });
    if (!scale) throw new AppError('NOT_FOUND', { userMessage: 'Scale not found.' });
    target = { kind: 'scale', datasetId: input.datasetId, scaleId: scale.id };
  } else {
    const variables = JSON.parse(dataset.versions[0]?.variables ?? '[]') as Variable[];
    const name = input.target.variable;
    if (!variables.some((v) => v.name === name)) {
      throw new AppError('INVALID_INPUT', { userMessage: `“${dataset.name}” has no variable named “${name}”.`, fieldErrors: { variable: ['Not a variable of this dataset.'] } });
    }
    target = { kind: 'variable', datasetId: input.datasetId, variable: name };
  }
  try {
    const row = await db.codeLink.create({
      data: {
        projectId: options.projectId,
        codeId: code.id,
        datasetId: input.datasetId,
        scaleId: target.kind === 'scale' ? target.scaleId : null,
        variable: target.kind === 'variable' ? target.variable : '',
        target: linkTargetKey(target),
        rationale: input.rationale,
        createdById: options.userId,
      },
      select,
    });
    return toSummary(row, await variableLabels(target.kind === 'variable' ? [input.datasetId] : []));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { userMessage: `${code.label ? `${code.label} ` : ''}${code.name} is already linked to that ${target.kind}.` });
    throw error;
  }
}

/**
 * Edits a link / its joint-display row: rationale, meta-inference and note, exemplar quotes
 * (codings of the linked code or of codes under it, at most 5, in the given order), or marks
 * the current figures reviewed (`reviewedFigures`, computed by the caller). Owners and coders.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT
 */
export async function updateLink(options: { userId: string; projectId: string; linkId: string; patch: TLinkPatch; reviewedFigures?: string }): Promise<CodeLinkSummary> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const link = await db.codeLink.findFirst({ where: { id: options.linkId, projectId: options.projectId }, select: { id: true, codeId: true } });
  if (!link) throw new AppError('NOT_FOUND', { userMessage: 'Link not found.' });
  const { patch } = options;
  let exemplars: string[] | undefined;
  if (patch.exemplars) {
    exemplars = [...new Set(patch.exemplars)];
    const allowed = new Set([link.codeId, ...descendantIds(await hierarchyCodes(db, options.projectId), link.codeId)]);
    const found = await db.coding.findMany({ where: { id: { in: exemplars }, projectId: options.projectId }, select: { id: true, codeId: true } });
    if (found.length !== exemplars.length || found.some((c) => !allowed.has(c.codeId))) {
      throw new AppError('INVALID_INPUT', { userMessage: 'An exemplar quote must be a segment coded with this code or a code under it.' });
    }
  }
  const row = await db.$transaction(async (tx) => {
    if (exemplars) {
      await tx.linkExemplar.deleteMany({ where: { linkId: link.id } });
      if (exemplars.length) await tx.linkExemplar.createMany({ data: exemplars.map((codingId, position) => ({ linkId: link.id, codingId, position })) });
    }
    return tx.codeLink.update({
      where: { id: link.id },
      data: {
        ...(patch.rationale !== undefined ? { rationale: patch.rationale } : {}),
        ...(patch.inference !== undefined ? { inference: patch.inference } : {}),
        ...(patch.inferenceNote !== undefined ? { inferenceNote: patch.inferenceNote } : {}),
        ...(patch.reviewed && options.reviewedFigures !== undefined ? { reviewedFigures: options.reviewedFigures, reviewedAt: new Date() } : {}),
      },
      select,
    });
  });
  return toSummary(row, await variableLabels(row.scaleId ? [] : [row.datasetId]));
}

/** Removes a link (owners and coders). @throws AppError NOT_FOUND | FORBIDDEN */
export async function deleteLink(options: { userId: string; projectId: string; linkId: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
  const { count } = await db.codeLink.deleteMany({ where: { id: options.linkId, projectId: options.projectId } });
  if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Link not found.' });
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

const joinNotes = (a: string, b: string) => [a.trim(), b.trim()].filter(Boolean).join('\n\n');

/**
 * A merge keeps both codes' links: `fromId`'s links move to `intoId`; where the target already
 * has a link to the same construct, the two fold together (rationales and notes joined, the
 * exemplar quotes of both kept up to 5, the target's meta-inference kept unless it had none).
 * Called inside the merge transaction, before the source code is deleted.
 */
export async function moveLinksOnMerge(tx: Tx, fromId: string, intoId: string): Promise<number> {
  const links = await tx.codeLink.findMany({
    where: { codeId: { in: [fromId, intoId] } },
    select: { id: true, codeId: true, datasetId: true, target: true, rationale: true, inference: true, inferenceNote: true, exemplars: { orderBy: { position: 'asc' }, select: { codingId: true } } },
  });
  const kept = new Map(links.filter((l) => l.codeId === intoId).map((l) => [`${l.datasetId}\u0000${l.target}`, l]));
  let moved = 0;
  for (const link of links.filter((l) => l.codeId === fromId)) {
    const twin = kept.get(`${link.datasetId}\u0000${link.target}`);
    if (!twin) {
      await tx.codeLink.update({ where: { id: link.id }, data: { codeId: intoId } });
      moved++;
      continue;
    }
    const have = new Set(twin.exemplars.map((e) => e.codingId));
    const extra = link.exemplars.map((e) => e.codingId).filter((id) => !have.has(id)).slice(0, Math.max(0, 5 - have.size));
    if (extra.length) await tx.linkExemplar.createMany({ data: extra.map((codingId, i) => ({ linkId: twin.id, codingId, position: have.size + i })) });
    await tx.codeLink.update({
      where: { id: twin.id },
      data: {
        rationale: joinNotes(twin.rationale, link.rationale),
        inferenceNote: joinNotes(twin.inferenceNote, link.inferenceNote),
        ...(twin.inference ? {} : { inference: link.inference }),
      },
    });
    await tx.codeLink.delete({ where: { id: link.id } });
    moved++;
  }
  return moved;
}

/**
 * A split keeps the code's links and gives the new code the same links: both halves were the
 * concept linked. Exemplar quotes follow their codings (those that moved go with the new code).
 * Called inside the split transaction after the codings moved.
 */
export async function copyLinksOnSplit(tx: Tx, codeId: string, newCodeId: string, movedCodingIds: readonly string[]): Promise<number> {
  const moved = new Set(movedCodingIds);
  const links = await tx.codeLink.findMany({
    where: { codeId },
    select: { id: true, projectId: true, datasetId: true, scaleId: true, variable: true, target: true, rationale: true, createdById: true, exemplars: { orderBy: { position: 'asc' }, select: { id: true, codingId: true } } },
  });
  for (const link of links) {
    const created = await tx.codeLink.create({
      data: {
        projectId: link.projectId,
        codeId: newCodeId,
        datasetId: link.datasetId,
        scaleId: link.scaleId,
        variable: link.variable,
        target: link.target,
        rationale: link.rationale,
        createdById: link.createdById,
      },
      select: { id: true },
    });
    const going = link.exemplars.filter((e) => moved.has(e.codingId));
    if (going.length) {
      await tx.linkExemplar.deleteMany({ where: { id: { in: going.map((e) => e.id) } } });
      await tx.linkExemplar.createMany({ data: going.map((e, position) => ({ linkId: created.id, codingId: e.codingId, position })) });
    }
  }
  return links.length;
}
