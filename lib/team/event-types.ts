/**
 * The project change log's vocabulary (ProjectEvent rows, lib/server/data/events). One event
 * per change, numbered by a per-project sequence: live updates, the audit log and the activity
 * feed all read the same rows.
 */

export const EVENT_ENTITY_TYPES = ['coding', 'code', 'memo', 'relation', 'storyline', 'proposal', 'comment', 'source', 'project'] as const;
export type EventEntityType = (typeof EVENT_ENTITY_TYPES)[number];

/**
 * Event types. Codebook and hierarchy types (code.*, hierarchy.*, relation.*, storyline.*) carry
 * before → after snapshots and make up the audit log.
 */
export const EVENT_TYPES = [
  'coding.created',
  'coding.updated',
  'coding.deleted',
  'memo.created',
  'memo.updated',
  'memo.deleted',
  'code.created',
  'code.updated',
  'code.deleted',
  'hierarchy.moved',
  'hierarchy.grouped',
  'hierarchy.merged',
  'hierarchy.split',
  'hierarchy.renumbered',
  'relation.created',
  'relation.updated',
  'relation.deleted',
  'storyline.updated',
  'proposal.created',
  'proposal.updated',
  'proposal.approved',
  'proposal.rejected',
  'proposal.withdrawn',
  'comment.created',
  'comment.updated',
  'comment.deleted',
  'source.created',
  'source.updated',
  'source.deleted',
  'project.updated',
  'agreement.resolved',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Types that change the codebook or the hierarchy: the audit log and a code's history. */
export function isAuditType(type: string): boolean {
  return /^(code|hierarchy|relation|storyline|proposal)\./.test(type);
}

/** What the server sends to clients (SSE `data:`) and what the activity feed lists. */
export interface ProjectEventView {
  seq: number;
  type: EventType;
  entityType: EventEntityType;
  entityId: string;
  sourceId: string | null;
  actor: { id: string; name: string } | null;
  summary: string;
  createdAt: string;
}

/** What a data function hands to recordEvent. `before`/`after` are JSON-serialisable snapshots. */
export interface NewProjectEvent {
  projectId: string;
  actorId: string | null;
  type: EventType;
  entityType: EventEntityType;
  entityId: string;
  sourceId?: string | null;
  summary?: string;
  before?: unknown;
  after?: unknown;
}
