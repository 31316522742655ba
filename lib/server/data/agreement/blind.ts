import 'server-only';

import type { Role } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors/app-error';
import { isSourceBlind } from '@/lib/team/blind';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { inProjectTransaction, recordEvent } from '../events/record-event';

/**
 * Blind coding's read side: the Prisma `where` fragment that keeps other coders' codings on
 * blind sources out of what `viewerId` is shown (lib/team/blind.ts states the rule: owners and
 * reviewers see everything; coders and viewers see only their own codings on a blind,
 * unreleased source). Returns `{}` when nothing is hidden.
 */
export async function blindCodingWhere(options: { projectId: string; viewerId: string; role: Role }): Promise<{ OR?: object[]; coderId?: string }> {
  if (options.role === 'owner' || options.role === 'reviewer') return {};
  const project = await db.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { blindCoding: true, blindReleased: true } });
  const projectBlind = { blindCoding: project.blindCoding, blindReleased: project.blindReleased };
  if (isSourceBlind({ project: projectBlind, source: { blindCoding: false, blindReleased: false } })) return { coderId: options.viewerId };
  const blindSources = await db.source.findMany({ where: { projectId: options.projectId, blindCoding: true, blindReleased: false }, select: { id: true } });
  if (blindSources.length === 0) return {};
  return { OR: [{ sourceId: { notIn: blindSources.map((s) => s.id) } }, { coderId: options.viewerId }] };
}

export interface BlindState {
  blindCoding: boolean;
  blindReleased: boolean;
}

/** The project's blind-coding setting. Members only. @throws AppError NOT_FOUND */
export async function getProjectBlind(options: { userId: string; projectId: string }): Promise<BlindState> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  return db.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { blindCoding: true, blindReleased: true } });
}

/** A source's own blind-coding setting and whether the project's applies to it. Members only. @throws AppError NOT_FOUND */
export async function getSourceBlind(options: { userId: string; projectId: string; sourceId: string }): Promise<{ source: BlindState; project: BlindState; blind: boolean }> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const source = await db.source.findFirst({
    where: { id: options.sourceId, projectId: options.projectId },
    select: { blindCoding: true, blindReleased: true, project: { select: { blindCoding: true, blindReleased: true } } },
  });
  if (!source) throw new AppError('NOT_FOUND', { userMessage: 'Source not found.' });
  const settings = { project: source.project, source: { blindCoding: source.blindCoding, blindReleased: source.blindReleased } };
  return { ...settings, blind: isSourceBlind(settings) };
}

/** `on`: start blind coding (hidden again until released); `off`: stop it; `release`: show everyone's codings, keeping the setting. */
export type BlindChange = 'on' | 'off' | 'release';

function stateFor(change: BlindChange): BlindState {
  return change === 'on' ? { blindCoding: true, blindReleased: false } : change === 'off' ? { blindCoding: false, blindReleased: false } : { blindCoding: true, blindReleased: true };
}

const SUMMARY: Record<BlindChange, string> = {
  on: 'turned on blind coding',
  off: 'turned off blind coding',
  release: 'released blind codings',
};

/**
 * Changes the project's blind coding (all sources). Owners only; recorded as 'project.updated'.
 * @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT (release while blind coding is off)
 */
export async function changeProjectBlind(options: { userId: string; projectId: string; change: BlindChange }): Promise<BlindState> {
  await requireProjectPermission({ ...options, permission: 'project:update' });
  return inProjectTransaction(options.projectId, async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { blindCoding: true, blindReleased: true } });
    if (options.change === 'release' && !before.blindCoding) throw new AppError('CONFLICT', { userMessage: 'Blind coding is off: there is nothing to release.' });
    const after = await tx.project.update({ where: { id: options.projectId }, data: stateFor(options.change), select: { blindCoding: true, blindReleased: true } });
    await recordEvent(tx, { projectId: options.projectId, actorId: options.userId, type: 'project.updated', entityType: 'project', entityId: options.projectId, summary: `${SUMMARY[options.change]} for the project`, before, after });
    return after;
  });
}

/**
 * Changes one source's blind coding. Owners only; recorded as 'source.updated'.
 * @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT (release while the source's blind coding is off)
 */
export async function changeSourceBlind(options: { userId: string; projectId: string; sourceId: string; change: BlindChange }): Promise<BlindState> {
  await requireProjectPermission({ ...options, permission: 'project:update' });
  return inProjectTransaction(options.projectId, async (tx) => {
    const before = await tx.source.findFirst({ where: { id: options.sourceId, projectId: options.projectId }, select: { title: true, blindCoding: true, blindReleased: true } });
    if (!before) throw new AppError('NOT_FOUND', { userMessage: 'Source not found.' });
    if (options.change === 'release' && !before.blindCoding) throw new AppError('CONFLICT', { userMessage: 'Blind coding is off for this source: there is nothing to release.' });
    const after = await tx.source.update({ where: { id: options.sourceId }, data: stateFor(options.change), select: { blindCoding: true, blindReleased: true } });
    await recordEvent(tx, {
      projectId: options.projectId,
      actorId: options.userId,
      type: 'source.updated',
      entityType: 'source',
      entityId: options.sourceId,
      sourceId: options.sourceId,
      summary: `${SUMMARY[options.change]} on “${before.title}”`,
      before: { blindCoding: before.blindCoding, blindReleased: before.blindReleased },
      after,
    });
    return after;
  });
}
