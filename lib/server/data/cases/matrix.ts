import 'server-only';

import { indexHierarchy } from '@/lib/coding/hierarchy';
import type { CodeLevel } from '@/lib/coding/hierarchy-types';
import { caseMembership } from '@/lib/cases/parts';
import { buildCaseMatrix, type CaseMatrix, type MatrixCellMode, matrixTitle } from '@/lib/cases/matrix';
import { caseMatrixCsv } from '@/lib/cases/matrix-export';
import { AppError } from '@/lib/errors/app-error';

import { fileSlug } from '../../api/download';
import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { runJob } from '../../jobs/pool';
import { hierarchyCodes } from '../hierarchy/load-hierarchy';
import { loadCaseRanges } from './parts';
import { excerpts } from '../mixed/excerpts';

type Ids = { userId: string; projectId: string };

/**
 * The case comparison matrix at one level (members): cases × codes of that level, each cell the
 * distinct coded segments of the code and everything below it in the case's text (whole sources and parts, lib/cases/parts.ts), and the
 * team's summaries; key attributes (`attributeIds`, in that order) before the codes.
 * @throws AppError NOT_FOUND
 */
export async function loadCaseMatrix(options: Ids & { level: CodeLevel; attributeIds?: string[] }): Promise<CaseMatrix> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const { projectId } = options;
  const [codes, cases, sources, inCases, codings, summaries, attributes] = await Promise.all([
    hierarchyCodes(db, projectId),
    db.case.findMany({ where: { projectId }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.source.findMany({ where: { projectId }, select: { id: true, caseId: true } }),
    loadCaseRanges(projectId),
    // Distinct ranges per code and source are all the matrix needs: coders do not matter here.
    db.coding.findMany({ where: { projectId, OR: [{ source: { caseId: { not: null } } }, { source: { caseParts: { some: {} } } }] }, distinct: ['codeId', 'sourceId', 'start', 'end'], select: { codeId: true, sourceId: true, start: true, end: true } }),
    db.caseCodeSummary.findMany({ where: { case: { projectId } }, select: { caseId: true, codeId: true, text: true } }),
    options.attributeIds?.length
      ? db.caseAttribute.findMany({ where: { projectId, id: { in: options.attributeIds } }, select: { id: true, name: true, type: true, values: { select: { caseId: true, value: true } } } })
      : Promise.resolve([]),
  ]);
  const order = new Map((options.attributeIds ?? []).map((id, i) => [id, i]));
  const keyAttributes = [...attributes]
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map((a) => ({ id: a.id, name: a.name, type: a.type, values: Object.fromEntries(a.values.map((v) => [v.caseId, v.value])) }));
  // Lengths and structures of the sources cases hold (whole or in parts) decide membership.
  const held = new Map(inCases.sources.map((s) => [s.id, s]));
  return buildCaseMatrix({ level: options.level, codes, cases, sources: sources.map((s) => held.get(s.id) ?? s), parts: inCases.parts, codings, summaries, attributes: keyAttributes });
}

/** One coded segment of a matrix cell, with every code and coder on that range. */
export interface CellSegment {
  codingId: string;
  sourceId: string;
  sourceTitle: string;
  sourceKind: string;
  start: number;
  end: number;
  text: string;
  codes: string[];
  coders: string[];
}

/**
 * The segments behind one cell (members): distinct ranges coded with the code or a code below
 * it in the case's text, in source and text order, at most 500.
 * @throws AppError NOT_FOUND
 */
export async function loadCellSegments(options: Ids & { caseId: string; codeId: string }): Promise<{ caseName: string; code: { label: string; name: string }; total: number; segments: CellSegment[] }> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const [codes, kase] = await Promise.all([hierarchyCodes(db, options.projectId), db.case.findFirst({ where: { id: options.caseId, projectId: options.projectId }, select: { name: true } })]);
  const index = indexHierarchy(codes);
  const code = index.byId.get(options.codeId);
  if (!kase || !code) throw new AppError('NOT_FOUND', { userMessage: kase ? 'Code not found.' : 'Case not found.' });
  const ids = [code.id];
  for (let i = 0; i < ids.length; i++) for (const child of index.childrenOf.get(ids[i]) ?? []) ids.push(child.id);
  // The case's text: whole sources and parts (lib/cases/parts.ts); a coding counts when it overlaps it.
  const mine = (await loadCaseRanges(options.projectId)).ranges.filter((r) => r.caseId === options.caseId);
  const membership = caseMembership(mine);
  const all = await db.coding.findMany({
    where: { projectId: options.projectId, codeId: { in: ids }, sourceId: { in: mine.map((r) => r.sourceId) } },
    orderBy: [{ source: { title: 'asc' } }, { sourceId: 'asc' }, { start: 'asc' }, { end: 'asc' }],
    select: { id: true, codeId: true, start: true, end: true, coder: { select: { name: true } }, source: { select: { id: true, title: true, kind: true } } },
  });
  const codings = all.filter((c) => membership.casesOf(c.source.id, c.start, c.end).length > 0);
  const label = (id: string) => {
    const c = index.byId.get(id)!;
    return c.label ? `${c.label} ${c.name}` : c.name;
  };
  const byRange = new Map<string, CellSegment>();
  for (const c of codings) {
    const key = `${c.source.id}\u0000${c.start}\u0000${c.end}`;
    let seg = byRange.get(key);
    if (!seg) {
      seg = { codingId: c.id, sourceId: c.source.id, sourceTitle: c.source.title, sourceKind: c.source.kind, start: c.start, end: c.end, text: '', codes: [], coders: [] };
      byRange.set(key, seg);
    }
    if (!seg.codes.includes(label(c.codeId))) seg.codes.push(label(c.codeId));
    const coder = c.coder?.name ?? '(former member)';
    if (!seg.coders.includes(coder)) seg.coders.push(coder);
  }
  const ranges = [...byRange.values()];
  const segments = ranges.slice(0, 500);
  const texts = await excerpts(segments);
  segments.forEach((s, i) => (s.text = texts[i]));
  return { caseName: kase.name, code: { label: code.label, name: code.name }, total: ranges.length, segments };
}

/** Writes (or clears, with '') the team's summary of a code in a case (owners and coders). @throws AppError NOT_FOUND | FORBIDDEN */
export async function setCaseCodeSummary(options: Ids & { caseId: string; codeId: string; text: string }): Promise<{ text: string }> {
  await requireProjectPermission({ ...options, permission: 'coding:write' });
  const [kase, code] = await Promise.all([
    db.case.findFirst({ where: { id: options.caseId, projectId: options.projectId }, select: { id: true } }),
    db.code.findFirst({ where: { id: options.codeId, projectId: options.projectId }, select: { id: true } }),
  ]);
  if (!kase || !code) throw new AppError('NOT_FOUND', { userMessage: kase ? 'Code not found.' : 'Case not found.' });
  const text = options.text.replace(/\r\n?/g, '\n').trim();
  if (text === '') await db.caseCodeSummary.deleteMany({ where: { caseId: kase.id, codeId: code.id } });
  else await db.caseCodeSummary.upsert({ where: { caseId_codeId: { caseId: kase.id, codeId: code.id } }, create: { caseId: kase.id, codeId: code.id, text }, update: { text } });
  return { text };
}

/**
 * The matrix as a CSV, XLSX or DOCX file (members); XLSX and DOCX are rendered in a worker.
 * @throws AppError NOT_FOUND | BUSY
 */
export async function exportCaseMatrix(options: Ids & { level: CodeLevel; mode: MatrixCellMode; attributeIds?: string[]; format: 'csv' | 'xlsx' | 'docx' }): Promise<{ body: Uint8Array<ArrayBuffer> | string; fileName: string; contentType: string }> {
  const matrix = await loadCaseMatrix(options);
  const project = await db.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { name: true } });
  const fileName = `${fileSlug(`${project.name}-case-matrix`)}.${options.format}`;
  if (options.format === 'csv') return { body: caseMatrixCsv(matrix, options.mode), fileName, contentType: 'text/csv; charset=utf-8' };
  const exportOptions = { mode: options.mode, title: matrixTitle(matrix, options.mode), projectName: project.name, generatedAt: new Date().toISOString() };
  const body = (await runJob(options.format === 'docx' ? 'caseMatrixDocx' : 'caseMatrixXlsx', { matrix, options: exportOptions })) as Uint8Array<ArrayBuffer>;
  return {
    body,
    fileName,
    contentType: options.format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
