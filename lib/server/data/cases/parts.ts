import 'server-only';

import { type CasePartInput, type CaseRangeSource, type CaseSourceRanges, caseRanges, speakersOf, storedTurns } from '@/lib/cases/parts';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { isUniqueViolation } from '../prisma-errors';

type Ids = { userId: string; projectId: string };

/** A part of a source in a case, as the Cases page lists it. */
export interface CasePartView {
  id: string;
  caseId: string;
  sourceId: string;
  sourceTitle: string;
  start: number;
  end: number;
  /** '' for a plain range. */
  speaker: string;
}

const partSelect = { id: true, caseId: true, sourceId: true, start: true, end: true, speaker: true, source: { select: { title: true } } } as const;
type PartRow = { id: string; caseId: string; sourceId: string; start: number; end: number; speaker: string; source: { title: string } };
const view = (p: PartRow): CasePartView => ({ id: p.id, caseId: p.caseId, sourceId: p.sourceId, sourceTitle: p.source.title, start: p.start, end: p.end, speaker: p.speaker });

/**
 * Everything that decides case membership in a project (no permission check: callers have
 * checked project:read): sources in a case or with parts (id, caseId, length; structure only
 * of sources with speaker parts), the parts, and each case's ranges per source
 * (lib/cases/parts.ts `caseRanges`).
 */
export async function loadCaseRanges(projectId: string): Promise<{ sources: CaseRangeSource[]; parts: CasePartInput[]; ranges: CaseSourceRanges[] }> {
  const parts = await db.casePart.findMany({ where: { case: { projectId } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { caseId: true, sourceId: true, start: true, end: true, speaker: true } });
  const partSources = [...new Set(parts.map((p) => p.sourceId))];
  const speakerSources = new Set(parts.filter((p) => p.speaker).map((p) => p.sourceId));
  const rows = await db.source.findMany({
    where: { projectId, OR: [{ caseId: { not: null } }, { id: { in: partSources } }] },
    select: { id: true, caseId: true, length: true },
  });
  const structures = speakerSources.size
    ? new Map((await db.source.findMany({ where: { projectId, id: { in: [...speakerSources] } }, select: { id: true, structure: true } })).map((s) => [s.id, s.structure]))
    : new Map<string, string | null>();
  const sources = rows.map((s) => ({ ...s, structure: structures.get(s.id) ?? null }));
  return { sources, parts, ranges: caseRanges(sources, parts) };
}

async function requireCase(projectId: string, caseId: string): Promise<void> {
  const found = await db.case.findFirst({ where: { id: caseId, projectId }, select: { id: true } });
  if (!found) throw new AppError('NOT_FOUND', { userMessage: 'Case not found.' });
}

/** The parts of one case, by source title and position (members). @throws AppError NOT_FOUND */
export async function listCaseParts(options: Ids & { caseId: string }): Promise<CasePartView[]> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  await requireCase(options.projectId, options.caseId);
  const parts = await db.casePart.findMany({ where: { caseId: options.caseId }, orderBy: [{ source: { title: 'asc' } }, { speaker: 'asc' }, { start: 'asc' }], select: partSelect });
  return parts.map(view);
}

/** Every case part of the project (members), for the Cases page. */
export async function listProjectCaseParts(options: Ids): Promise<CasePartView[]> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const parts = await db.casePart.findMany({ where: { case: { projectId: options.projectId } }, orderBy: [{ source: { title: 'asc' } }, { speaker: 'asc' }, { start: 'asc' }], select: partSelect });
  return parts.map(view);
}

/**
 * Adds a part of a source to a case (owners and coders): one transcript speaker (`speaker`,
 * stored as 0 and the source length) or a range `[start, end)` in code points.
 * @throws AppError NOT_FOUND (case, source) | INVALID_INPUT (unknown speaker, range outside the text) | CONFLICT (already there) | FORBIDDEN
 */
export async function addCasePart(options: Ids & { caseId: string; sourceId: string } & ({ speaker: string } | { start: number; end: number })): Promise<CasePartView> {
  await requireProjectPermission({ ...options, permission: 'sources:write' });
  await requireCase(options.projectId, options.caseId);
  const source = await db.source.findFirst({ where: { id: options.sourceId, projectId: options.projectId }, select: { id: true, length: true, structure: true } });
  if (!source) throw new AppError('NOT_FOUND', { userMessage: 'Source not found.' });
  let data: { start: number; end: number; speaker: string };
  if ('speaker' in options) {
    const speaker = options.speaker.trim();
    if (!storedTurns(source.structure).some((t) => t.speaker === speaker)) {
      const known = speakersOf(source.structure).map((s) => `“${s.speaker}”`);
      throw new AppError('INVALID_INPUT', {
        message: `speaker '${speaker}' not in source ${source.id}`,
        userMessage: known.length ? `This source has no speaker “${speaker}” (its speakers: ${known.join(', ')}).` : 'This source has no transcript speakers.',
        fieldErrors: { speaker: ['Not a speaker of this source.'] },
      });
    }
    data = { start: 0, end: source.length, speaker };
  } else {
    const { start, end } = options;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= source.length)) {
      throw new AppError('INVALID_INPUT', {
        message: `range [${start}, ${end}) outside source ${source.id} (${source.length})`,
        userMessage: `The range ${start}–${end} does not lie within the text (${source.length} characters).`,
        fieldErrors: { start: ['Outside the text.'] },
      });
    }
    data = { start, end, speaker: '' };
  }
  try {
    const created = await db.casePart.create({ data: { caseId: options.caseId, sourceId: source.id, ...data }, select: partSelect });
    return view(created);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { userMessage: data.speaker ? `The speaker “${data.speaker}” of this source is already in the case.` : 'This range is already in the case.' });
    throw error;
  }
}

/** Removes a part from a case (owners and coders). @throws AppError NOT_FOUND | FORBIDDEN */
export async function removeCasePart(options: Ids & { caseId: string; partId: string }): Promise<void> {
  await requireProjectPermission({ ...options, permission: 'sources:write' });
  const { count } = await db.casePart.deleteMany({ where: { id: options.partId, caseId: options.caseId, case: { projectId: options.projectId } } });
  if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'That part is no longer in the case.' });
}

/** A source's transcript speakers with their turn counts (members). @throws AppError NOT_FOUND */
export async function listSourceSpeakers(options: Ids & { sourceId: string }): Promise<Array<{ speaker: string; turns: number }>> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const source = await db.source.findFirst({ where: { id: options.sourceId, projectId: options.projectId }, select: { structure: true } });
  if (!source) throw new AppError('NOT_FOUND', { userMessage: 'Source not found.' });
  return speakersOf(source.structure);
}

/** The project's sources by title (id, title), to choose the source of a part from (members). */
export async function listPartSources(options: Ids): Promise<Array<{ id: string; title: string }>> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  return db.source.findMany({ where: { projectId: options.projectId }, orderBy: [{ title: 'asc' }, { id: 'asc' }], select: { id: true, title: true } });
}
