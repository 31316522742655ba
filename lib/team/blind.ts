import type { Role } from '@/lib/auth/roles';

/**
 * Blind coding: while a project (all sources) or one source is blind and not released, coders
 * see only their own codings there, so their coding stays independent for inter-coder
 * agreement. Owners (who release) and reviewers (who do not code) see every coding.
 */
export interface BlindSettings {
  project: { blindCoding: boolean; blindReleased: boolean };
  source: { blindCoding: boolean; blindReleased: boolean };
}

/** Whether the source's codings are currently hidden between coders. */
export function isSourceBlind(settings: BlindSettings): boolean {
  return (settings.project.blindCoding && !settings.project.blindReleased) || (settings.source.blindCoding && !settings.source.blindReleased);
}

/** Whether `viewer` (with `role`) may see a coding by `coderId` on a source with these settings. */
export function canSeeCoding(settings: BlindSettings, role: Role, viewerId: string, coderId: string | null): boolean {
  if (!isSourceBlind(settings)) return true;
  if (role === 'owner' || role === 'reviewer') return true;
  return coderId === viewerId;
}
