import 'server-only';

import type { EventType } from '@/lib/team/event-types';

import { recordEvent, type Tx } from '../events/record-event';

/** "C3 “Trust”", or the name alone for a code without a label. */
export function codeTitle(code: { name: string; label?: string | null }): string {
  return code.label ? `${code.label} “${code.name}”` : `“${code.name}”`;
}

const VERB: Record<'coding.created' | 'coding.updated' | 'coding.deleted', string> = {
  'coding.created': 'Coded',
  'coding.updated': 'Adjusted the coding',
  'coding.deleted': 'Removed the coding',
};

/**
 * Records a coding change in the project's change log (inside the write's transaction), with a
 * summary like 'Coded C3 “Trust” in “Interview 2”'.
 */
export async function recordCodingEvent(
  tx: Tx,
  event: {
    projectId: string;
    actorId: string;
    type: 'coding.created' | 'coding.updated' | 'coding.deleted';
    codingId: string;
    sourceId: string;
    code: { name: string; label?: string | null };
    sourceTitle: string;
    /** Replaces the default verb ("Wrote a memo on"). */
    verb?: string;
  },
): Promise<number> {
  const type: EventType = event.type;
  return recordEvent(tx, {
    projectId: event.projectId,
    actorId: event.actorId,
    type,
    entityType: 'coding',
    entityId: event.codingId,
    sourceId: event.sourceId,
    summary: `${event.verb ?? VERB[event.type]} ${codeTitle(event.code)} in “${event.sourceTitle}”`,
  });
}
