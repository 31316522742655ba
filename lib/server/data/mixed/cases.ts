import 'server-only';

import { caseMembership } from '@/lib/cases/parts';
import { descendantIds } from '@/lib/coding/hierarchy';
import type { CaseMatch } from '@/lib/mixed/case-match';
import type { CaseFilter, CaseFilterBounds, CaseValue } from '@/lib/mixed/qualitize';
import { AppError } from '@/lib/errors/app-error';
import type { TQuantitizeInput } from '@/lib/validation/mixed';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { runJob } from '../../jobs/pool';
import { addDatasetVersion, type DatasetVersionMeta, loadDatasetVersion } from '../dataset/datasets';
import { loadCaseRanges } from '../cases/parts';
import { hierarchyCodes } from '../hierarchy/load-hierarchy';
import { isUniqueViolation } from '../prisma-errors';
import { excerpts } from './excerpts';

/** A case with its sources. */
export interface CaseSummary {
  id: string;
  name: string;
  sources: Array<{ id: string; title: string; kind: string }>;
}

/** Cases and the sources no case holds yet, whole or in part (members). */
export async function listCases(options: { userId: string; projectId: string }): Promise<{ cases: CaseSummary[]; unassigned: Array<{ id: string; title: string; kind: string; interviewee: string }> }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const [cases, unassigned] = await Promise.all([
    db.case.findMany({
      where: { projectId: options.projectId },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, sources: { orderBy: { title: 'asc' }, select: { id: true, title: true, kind: true } } },
    }),
    db.source.findMany({ where: { projectId: options.projectId, caseId: null, caseParts: { none: {} } }, orderBy: { title: 'asc' }, select: { id: true, title: true, kind: true, interviewee: true } }),
  ]);
  return { cases, unassigned };
}

const taken = (name: string) => new AppError('CONFLICT', { userMessage: `A case named “${name}” already exists.`, fieldErrors: { name: ['Already exists.'] } });

/** Creates a case (owners and coders). @throws AppError FORBIDDEN | CONFLICT */
export async function createCase(options: { userId: string; projectId: string; name: string; sourceIds?: string[] }): Promise<{ id: string; name: string }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.case.create({ data: { projectId: options.projectId, name: options.name }, select: { id: true, name: true } });
      if (options.sourceIds?.length) await tx.source.updateMany({ where: { id: { in: options.sourceIds }, projectId: options.projectId }, data: { caseId: created.id } });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(options.name);
    throw error;
  }
}

/** Renames a case (owners and coders). @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT */
export async function renameCase(options: { userId: string; projectId: string; caseId: string; name: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  try {
    const { count } = await db.case.updateMany({ where: { id: options.caseId, projectId: options.projectId }, data: { name: options.name } });
    if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Case not found.' });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(options.name);
    throw error;
  }
}

/** Deletes a case; its sources stay, without a case (owners and coders). */
export async function deleteCase(options: { userId: string; projectId: string; caseId: string }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  const { count } = await db.case.deleteMany({ where: { id: options.caseId, projectId: options.projectId } });
  if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Case not found.' });
}

/** Puts sources into a case, or takes them out of any (`caseId` null). Owners and coders. */
export async function assignSources(options: { userId: string; projectId: string; caseId: string | null; sourceIds: string[] }): Promise<number> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  if (options.caseId) {
    const found = await db.case.findFirst({ where: { id: options.caseId, projectId: options.projectId }, select: { id: true } });
    if (!found) throw new AppError('NOT_FOUND', { userMessage: 'Case not found.' });
  }
  const { count } = await db.source.updateMany({ where: { id: { in: options.sourceIds }, projectId: options.projectId }, data: { caseId: options.caseId } });
  return count;
}

/**
 * One case per distinct interviewee of the sources that have none yet (sources with the same
 * interviewee share the case; an existing case of that name is reused). Owners and coders.
 * @returns how many cases were created and how many sources were assigned.
 */
export async function casesFromInterviewees(options: { userId: string; projectId: string }): Promise<{ created: number; assigned: number }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  return db.$transaction(async (tx) => {
    const sources = await tx.source.findMany({ where: { projectId: options.projectId, caseId: null, NOT: { interviewee: '' } }, select: { id: true, interviewee: true } });
    const existing = new Map((await tx.case.findMany({ where: { projectId: options.projectId }, select: { id: true, name: true } })).map((c) => [c.name, c.id]));
    let created = 0;
    let assigned = 0;
    for (const source of sources) {
      const name = source.interviewee.trim();
      if (!name) continue;
      let id = existing.get(name);
      if (!id) {
        id = (await tx.case.create({ data: { projectId: options.projectId, name }, select: { id: true } })).id;
        existing.set(name, id);
        created++;
      }
      await tx.source.update({ where: { id: source.id }, data: { caseId: id } });
      assigned++;
    }
    return { created, assigned };
  });
}

const transferOf = (bytes: Uint8Array) => [bytes.buffer as ArrayBuffer];
type Loaded = Awaited<ReturnType<typeof loadDatasetVersion>>;
const stored = (v: Loaded) => ({ versionId: v.id, variables: v.variables, rowCount: v.rowCount, data: v.data });

async function caseNames(projectId: string): Promise<string[]> {
  return (await db.case.findMany({ where: { projectId }, orderBy: { name: 'asc' }, select: { name: true } })).map((c) => c.name);
}

/**
 * The project's cases matched to a dataset's rows by an id variable (members): matches, cases
 * with no row, ids with no case, and ambiguous ids — nothing is dropped silently.
 */
export async function matchCasesToDataset(options: { userId: string; projectId: string; datasetId: string; idVariable: string }): Promise<CaseMatch & { caseNames: string[] }> {
  const version = await loadDatasetVersion(options);
  const names = await caseNames(options.projectId);
  const match = await runJob('caseMatch', { version: stored(version), idVariable: options.idVariable, caseNames: names }, { transfer: transferOf(version.data) });
  return { ...match, caseNames: names };
}

/**
 * Quantitizing: the chosen codes' presence / segment count / share of text / one coder's use
 * per case, joined to the dataset by the id variable as its next version (owners and coders).
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT (no cases, a name clash…) | CONFLICT
 */
export async function quantitizeIntoDataset(options: { userId: string; projectId: string; input: TQuantitizeInput }): Promise<{ version: DatasetVersionMeta; match: CaseMatch; variables: Array<{ name: string; label: string }> }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'data:write' });
  const { input } = options;
  const version = await loadDatasetVersion({ ...options, datasetId: input.datasetId, versionId: input.baseVersionId });
  if (version.number !== version.latestNumber) {
    throw new AppError('CONFLICT', { userMessage: `Version ${version.latestNumber} is the latest; reload the page and quantitize into it.` });
  }
  // Sources in a case, or with parts in one (lib/cases/parts.ts decides which codings count).
  const [codes, cases, { sources, parts }] = await Promise.all([
    hierarchyCodes(db, options.projectId),
    db.case.findMany({ where: { projectId: options.projectId }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    loadCaseRanges(options.projectId),
  ]);
  if (cases.length === 0) throw new AppError('INVALID_INPUT', { userMessage: 'The project has no cases yet. Create cases and put their sources in them first.' });
  const known = new Set(codes.map((c) => c.id));
  const missing = input.codes.find((c) => !known.has(c.codeId));
  if (missing) throw new AppError('NOT_FOUND', { userMessage: 'One of the chosen codes no longer exists. Reload the page.' });
  let coderName: string | undefined;
  if (input.measure === 'coder') {
    const member = await db.membership.findFirst({ where: { projectId: options.projectId, userId: input.coderId }, select: { user: { select: { name: true } } } });
    if (!member) throw new AppError('INVALID_INPUT', { userMessage: 'The chosen coder is not a member of this project.', fieldErrors: { coderId: ['Not a member.'] } });
    coderName = member.user.name;
  }
  const codings = await db.coding.findMany({
    where: { projectId: options.projectId, sourceId: { in: sources.map((s) => s.id) } },
    select: { id: true, sourceId: true, codeId: true, start: true, end: true, coderId: true },
  });
  const result = await runJob(
    'quantitizeJoin',
    {
      version: stored(version),
      idVariable: input.idVariable,
      quantitize: { codes, sources, codings, cases, parts, spec: { codes: input.codes, measure: input.measure, coderId: input.coderId, coderName } },
    },
    { transfer: transferOf(version.data) },
  );
  const names = result.variables.map((v) => v.name);
  const meta = await addDatasetVersion({
    userId: options.userId,
    projectId: options.projectId,
    datasetId: input.datasetId,
    baseVersionId: version.id,
    note: `Quantitized coding (${input.measure}) by ${input.idVariable}: ${names.join(', ')}`,
    recipe: [{ op: 'quantitize', idVariable: input.idVariable, measure: input.measure, codes: input.codes, ...(input.coderId ? { coderId: input.coderId } : {}), variables: names }],
    encoded: result.encoded,
  });
  return { version: meta, match: result.match, variables: result.variables };
}

/**
 * Qualitizing: the matched cases ordered by a survey variable within a filter (e.g. the top
 * quartile of a scale), each with its coded segments of one code (rolled up) when `codeId` is
 * given — the quotes that explain a statistical result (members).
 */
export async function casesBySurveyVariable(options: {
  userId: string;
  projectId: string;
  datasetId: string;
  idVariable: string;
  variable: string;
  filter: CaseFilter;
  codeId?: string;
}): Promise<{ cases: Array<CaseValue & { caseId: string; segments: Array<{ codingId: string; sourceId: string; sourceTitle: string; start: number; end: number; text: string; codeLabel: string }> }>; bounds: CaseFilterBounds | null; unmatched: number }> {
  const version = await loadDatasetVersion(options);
  const cases = await db.case.findMany({ where: { projectId: options.projectId }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
  const out = await runJob(
    'casesByVariable',
    { version: stored(version), idVariable: options.idVariable, variable: options.variable, caseNames: cases.map((c) => c.name), filter: options.filter },
    { transfer: transferOf(version.data) },
  );
  const idOf = new Map(cases.map((c) => [c.name, c.id]));
  const segmentsByCase = new Map<string, Array<{ codingId: string; sourceId: string; sourceTitle: string; start: number; end: number; text: string; codeLabel: string }>>();
  if (options.codeId && out.cases.length) {
    const codes = await hierarchyCodes(db, options.projectId);
    const codeIds = [options.codeId, ...descendantIds(codes, options.codeId)];
    const label = new Map(codes.map((c) => [c.id, `${c.label ? `${c.label} ` : ''}${c.name}`]));
    const caseIds = new Set(out.cases.map((c) => idOf.get(c.caseName)!).filter(Boolean));
    // A coding belongs to every case whose text it overlaps (lib/cases/parts.ts).
    const { ranges } = await loadCaseRanges(options.projectId);
    const mine = ranges.filter((r) => caseIds.has(r.caseId));
    const membership = caseMembership(mine);
    const codings = await db.coding.findMany({
      where: { projectId: options.projectId, codeId: { in: codeIds }, sourceId: { in: [...new Set(mine.map((r) => r.sourceId))] } },
      orderBy: [{ sourceId: 'asc' }, { start: 'asc' }],
      take: 2000,
      select: { id: true, codeId: true, start: true, end: true, source: { select: { id: true, title: true } } },
    });
    const texts = await excerpts(codings.map((c) => ({ sourceId: c.source.id, start: c.start, end: c.end })));
    codings.forEach((c, i) => {
      for (const caseId of membership.casesOf(c.source.id, c.start, c.end)) {
        const list = segmentsByCase.get(caseId) ?? [];
        list.push({ codingId: c.id, sourceId: c.source.id, sourceTitle: c.source.title, start: c.start, end: c.end, text: texts[i], codeLabel: label.get(c.codeId) ?? '' });
        segmentsByCase.set(caseId, list);
      }
    });
  }
  return {
    cases: out.cases.map((c) => ({ ...c, caseId: idOf.get(c.caseName) ?? '', segments: segmentsByCase.get(idOf.get(c.caseName) ?? '') ?? [] })),
    bounds: out.bounds,
    unmatched: out.unmatched,
  };
}
