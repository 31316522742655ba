import 'server-only';

import type { Scale } from '@/lib/datasets/scales';
import { descendantIds } from '@/lib/coding/hierarchy';
import { linkedCoefficients, strongestCoefficient, formatCoefficientBadge } from '@/lib/mixed/coefficients';
import { filterAndSortRows, type JointDisplayFilter, type JointDisplayTreeCode } from '@/lib/mixed/joint-display';
import { figuresFingerprint, scaleScoreVariable } from '@/lib/mixed/links';
import type { ConstructFigures, ExemplarQuote, JointDisplayRow, LinkedCoefficient } from '@/lib/mixed/types';
import { AppError } from '@/lib/errors/app-error';
import type { Variable } from '@/lib/datasets/types';
import type { TLinkPatch } from '@/lib/validation/mixed';

import type { LinkedConstruct } from '@/lib/io/export/linked-constructs';

import { fileSlug } from '../../api/download';
import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { runJob } from '../../jobs/pool';
import { hierarchyCodes } from '../hierarchy/load-hierarchy';
import { excerpts } from './excerpts';
import { type CodeLinkSummary, listLinks, updateLink } from './links';

/** The statistics of one link: its construct's figures and its coefficients in saved analyses. */
export interface LinkStatistics {
  figures: ConstructFigures | null;
  coefficients: LinkedCoefficient[];
  /** The dataset's latest version number. */
  latestVersion: number;
}

const transferOf = (bytes: Uint8Array) => [bytes.buffer as ArrayBuffer];

/**
 * Figures and coefficients of every link, one worker job per dataset (descriptives of the
 * scale score or variable on the latest version, α and ω of a scale's items), coefficients from
 * the saved analyses: of several runs of the same spec only the newest counts, and a run on an
 * older version than the latest is flagged stale. No authorization: callers checked membership.
 */
async function linkStatistics(links: readonly CodeLinkSummary[]): Promise<Map<string, LinkStatistics>> {
  const out = new Map<string, LinkStatistics>();
  const byDataset = new Map<string, CodeLinkSummary[]>();
  for (const l of links) byDataset.set(l.target.datasetId, [...(byDataset.get(l.target.datasetId) ?? []), l]);
  for (const [datasetId, group] of byDataset) {
    const [versions, scales, analyses] = await Promise.all([
      db.datasetVersion.findMany({ where: { datasetId }, orderBy: { number: 'asc' }, select: { id: true, number: true, recipe: true } }),
      db.scale.findMany({ where: { datasetId } }),
      db.analysis.findMany({ where: { datasetId }, orderBy: { createdAt: 'desc' }, select: { id: true, title: true, kind: true, spec: true, result: true, version: { select: { number: true } } } }),
    ]);
    const latest = versions[versions.length - 1];
    if (!latest) continue;
    const recipes = versions.map((v) => JSON.parse(v.recipe) as unknown[]);
    const scaleOf = new Map<string, Scale>(
      scales.map((s) => [s.id, { id: s.id, name: s.name, items: JSON.parse(s.items) as string[], reversed: JSON.parse(s.reversed) as string[], score: s.score === 'sum' ? 'sum' : 'mean' }]),
    );
    const variableOf = (l: CodeLinkSummary) => (l.target.kind === 'scale' ? scaleScoreVariable(recipes, l.target.scaleId) : l.target.variable);
    const stored = await db.datasetVersion.findUniqueOrThrow({ where: { id: latest.id }, select: { id: true, variables: true, rowCount: true, data: true } });
    const data = new Uint8Array(stored.data);
    const figures = await runJob(
      'constructFigures',
      {
        version: { versionId: stored.id, variables: JSON.parse(stored.variables) as Variable[], rowCount: stored.rowCount, data },
        targets: group.map((l) => ({ key: l.id, variable: variableOf(l), scale: l.target.kind === 'scale' ? (scaleOf.get(l.target.scaleId) ?? null) : null })),
      },
      { transfer: transferOf(data) },
    );
    // The newest run of each spec: re-running an analysis replaces its numbers in the display.
    const seen = new Set<string>();
    const current = analyses.filter((a) => {
      const key = `${a.kind}\u0000${a.spec}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const parsed = current.map((a) => ({
      id: a.id,
      title: a.title,
      kind: a.kind,
      options: (JSON.parse(a.spec) as { options: string[] }).options,
      result: JSON.parse(a.result) as unknown,
      stale: a.version.number < latest.number,
    }));
    for (const l of group) {
      const variable = variableOf(l);
      const f = figures[l.id];
      out.set(l.id, {
        figures: f ? { variable, n: f.n, mean: f.mean, sd: f.sd, alpha: f.alpha, omega: f.omega, items: f.items, versionNumber: latest.number } : null,
        coefficients: variable ? parsed.flatMap((a) => linkedCoefficients(a, variable)) : [],
        latestVersion: latest.number,
      });
    }
  }
  return out;
}

/** A linked code's mark in the Theory views: what it is linked to, with the key figures. */
export type LinkBadge = LinkedConstruct;

/** The links of every linked code, with the figures the outline, table and tree show (members); without figures when the job queue is full. */
export async function linkBadges(options: { userId: string; projectId: string }): Promise<Record<string, LinkBadge[]>> {
  const links = await listLinks(options);
  let stats = new Map<string, LinkStatistics>();
  try {
    stats = await linkStatistics(links);
  } catch (error) {
    // A full job queue must not take the Theory pages down: the marks show without figures.
    if (!(error instanceof AppError && error.code === 'BUSY')) throw error;
  }
  const out: Record<string, LinkBadge[]> = {};
  for (const l of links) {
    const s = stats.get(l.id);
    const strongest = s ? strongestCoefficient(s.coefficients) : null;
    (out[l.code.id] ??= []).push({
      linkId: l.id,
      targetName: l.targetName,
      datasetName: l.datasetName,
      kind: l.target.kind,
      rationale: l.rationale,
      alpha: s?.figures?.alpha ?? null,
      mean: s?.figures?.mean ?? null,
      sd: s?.figures?.sd ?? null,
      strongest: strongest ? formatCoefficientBadge(strongest) : null,
      strongestIn: strongest ? `${strongest.analysisTitle}: ${strongest.label}` : null,
    });
  }
  return out;
}

type Segment = { codingId: string; sourceId: string; sourceTitle: string; start: number; end: number };

async function quotes(segments: readonly Segment[]): Promise<ExemplarQuote[]> {
  const texts = await excerpts(segments);
  return segments.map((s, i) => ({ ...s, text: texts[i] }));
}

/** The joint display (members): rows with both sides, the team's state, and the codes for the filter. */
export async function jointDisplay(options: { userId: string; projectId: string; filter?: JointDisplayFilter }): Promise<{
  rows: JointDisplayRow[];
  links: CodeLinkSummary[];
  codes: JointDisplayTreeCode[];
  latestVersions: Record<string, number>;
}> {
  const links = await listLinks(options);
  const [stats, codes] = await Promise.all([linkStatistics(links), hierarchyCodes(db, options.projectId)]);
  const exemplarRows = await db.coding.findMany({
    where: { id: { in: links.flatMap((l) => l.exemplarIds) }, projectId: options.projectId },
    select: { id: true, start: true, end: true, source: { select: { id: true, title: true } } },
  });
  const exemplarById = new Map(
    (await quotes(exemplarRows.map((c) => ({ codingId: c.id, sourceId: c.source.id, sourceTitle: c.source.title, start: c.start, end: c.end })))).map((q) => [q.codingId, q]),
  );
  const rows: JointDisplayRow[] = [];
  for (const l of links) {
    const subtree = [l.code.id, ...descendantIds(codes, l.code.id)];
    const segments = await db.coding.groupBy({ by: ['sourceId', 'start', 'end'], where: { projectId: options.projectId, codeId: { in: subtree } } });
    const s = stats.get(l.id);
    const coefficients = s?.coefficients ?? [];
    const figures = s?.figures ?? null;
    rows.push({
      linkId: l.id,
      code: { id: l.code.id, label: l.code.label, name: l.code.name, level: l.code.level, definition: l.code.definition },
      target: { kind: l.target.kind, name: l.targetName, datasetName: l.datasetName },
      rationale: l.rationale,
      qualitative: { sources: new Set(segments.map((g) => g.sourceId)).size, segments: segments.length, exemplars: l.exemplarIds.map((id) => exemplarById.get(id)).filter((q): q is ExemplarQuote => Boolean(q)) },
      quantitative: figures,
      coefficients,
      inference: l.inference,
      inferenceNote: l.inferenceNote,
      changed: l.reviewedFigures !== '' && l.reviewedFigures !== figuresFingerprint(figures, coefficients),
    });
  }
  const tree = codes.map((c) => ({ id: c.id, label: c.label, name: c.name, level: c.level, parentId: c.parentId }));
  const latestVersions: Record<string, number> = {};
  for (const l of links) latestVersions[l.id] = stats.get(l.id)?.latestVersion ?? 0;
  return { rows: filterAndSortRows(rows, tree, options.filter ?? { order: 'hierarchy' }), links, codes: tree, latestVersions };
}

/**
 * Edits a joint-display row (or its link). `reviewed: true` records the statistics the row shows
 * now, so a later re-run that changes them marks the row changed (owners and coders).
 */
export async function updateJointDisplayRow(options: { userId: string; projectId: string; linkId: string; patch: TLinkPatch }): Promise<CodeLinkSummary> {
  let reviewedFigures: string | undefined;
  if (options.patch.reviewed) {
    await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'coding:write' });
    const link = (await listLinks(options)).find((l) => l.id === options.linkId);
    if (!link) throw new AppError('NOT_FOUND', { userMessage: 'Link not found.' });
    const s = (await linkStatistics([link])).get(link.id);
    reviewedFigures = figuresFingerprint(s?.figures ?? null, s?.coefficients ?? []);
  }
  return updateLink({ ...options, reviewedFigures });
}

/**
 * Segments a link's exemplars can be picked from: codings of the linked code and the codes under
 * it, 50 per page, with their text (members).
 */
export async function exemplarCandidates(options: { userId: string; projectId: string; linkId: string; page: number }): Promise<{ total: number; page: number; pageSize: number; segments: Array<ExemplarQuote & { codeLabel: string }> }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const link = await db.codeLink.findFirst({ where: { id: options.linkId, projectId: options.projectId }, select: { codeId: true } });
  if (!link) throw new AppError('NOT_FOUND', { userMessage: 'Link not found.' });
  const codes = await hierarchyCodes(db, options.projectId);
  const where = { projectId: options.projectId, codeId: { in: [link.codeId, ...descendantIds(codes, link.codeId)] } };
  const pageSize = 50;
  const [total, rows] = await Promise.all([
    db.coding.count({ where }),
    db.coding.findMany({
      where,
      orderBy: [{ source: { title: 'asc' } }, { start: 'asc' }, { id: 'asc' }],
      skip: (options.page - 1) * pageSize,
      take: pageSize,
      select: { id: true, codeId: true, start: true, end: true, source: { select: { id: true, title: true } } },
    }),
  ]);
  const label = new Map(codes.map((c) => [c.id, `${c.label ? `${c.label} ` : ''}${c.name}`]));
  const qs = await quotes(rows.map((c) => ({ codingId: c.id, sourceId: c.source.id, sourceTitle: c.source.title, start: c.start, end: c.end })));
  return { total, page: options.page, pageSize, segments: qs.map((q, i) => ({ ...q, codeLabel: label.get(rows[i].codeId) ?? '' })) };
}

/** The joint display as a landscape Word table or an Excel sheet, rendered in a worker (members). */
export async function exportJointDisplay(options: { userId: string; projectId: string; format: 'docx' | 'xlsx'; filter?: JointDisplayFilter }): Promise<{ body: Uint8Array<ArrayBuffer>; fileName: string; contentType: string }> {
  const project = await db.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { name: true } });
  const { rows } = await jointDisplay(options);
  const exportOptions = { title: `Joint display: ${project.name}`, projectName: project.name, generatedAt: new Date() };
  const body = await runJob(options.format === 'docx' ? 'jointDisplayDocx' : 'jointDisplayXlsx', { rows, options: exportOptions });
  return {
    body: body as Uint8Array<ArrayBuffer>,
    fileName: `${fileSlug(`${project.name}-joint-display`)}.${options.format}`,
    contentType: options.format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
