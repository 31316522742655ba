import { LEVEL_NAME, toCodeLevel } from '@/lib/coding/hierarchy-types';

import type { EventType } from './event-types';

/**
 * The audit log as people read it: a label per event type, the before → after of an event as a
 * list of field changes, the feed's groups (by day) and its filters (member, type group). Pure:
 * the data layer (lib/server/data/audit) hands in the stored rows and the project's codes.
 */

/** The feed's type filter: which families of events to show. */
export const AUDIT_TYPE_GROUPS = ['codings', 'codebook', 'hierarchy', 'relations', 'memos', 'proposals', 'comments'] as const;
export type AuditTypeGroup = (typeof AUDIT_TYPE_GROUPS)[number];

export const AUDIT_TYPE_GROUP_LABELS: Record<AuditTypeGroup, string> = {
  codings: 'Codings',
  codebook: 'Codebook (codes)',
  hierarchy: 'Hierarchy and storyline',
  relations: 'Relations',
  memos: 'Memos',
  proposals: 'Reviews (proposals)',
  comments: 'Comments',
};

/** The event-type prefixes of each group (`coding.` matches coding.created, …). */
const GROUP_PREFIXES: Record<AuditTypeGroup, readonly string[]> = {
  codings: ['coding.', 'agreement.'],
  codebook: ['code.'],
  hierarchy: ['hierarchy.', 'storyline.'],
  relations: ['relation.'],
  memos: ['memo.'],
  proposals: ['proposal.'],
  comments: ['comment.'],
};

export function isAuditTypeGroup(value: unknown): value is AuditTypeGroup {
  return typeof value === 'string' && (AUDIT_TYPE_GROUPS as readonly string[]).includes(value);
}

/** The event-type prefixes a group covers, e.g. `codings` → ['coding.', 'agreement.']. */
export function groupPrefixes(group: AuditTypeGroup): readonly string[] {
  return GROUP_PREFIXES[group];
}

/** The group an event type belongs to (source.* and project.* belong to none: they show under "All"). */
export function groupOfType(type: string): AuditTypeGroup | null {
  for (const group of AUDIT_TYPE_GROUPS) if (GROUP_PREFIXES[group].some((p) => type.startsWith(p))) return group;
  return null;
}

const TYPE_LABELS: Record<EventType, string> = {
  'coding.created': 'Coded a segment',
  'coding.updated': 'Changed a coding',
  'coding.deleted': 'Removed a coding',
  'memo.created': 'Wrote a memo',
  'memo.updated': 'Edited a memo',
  'memo.deleted': 'Deleted a memo',
  'code.created': 'Created a code',
  'code.updated': 'Changed a code',
  'code.deleted': 'Deleted a code',
  'hierarchy.moved': 'Moved a code',
  'hierarchy.grouped': 'Grouped codes',
  'hierarchy.merged': 'Merged codes',
  'hierarchy.split': 'Split a code',
  'hierarchy.renumbered': 'Renumbered labels',
  'relation.created': 'Added a relation',
  'relation.updated': 'Changed a relation',
  'relation.deleted': 'Deleted a relation',
  'storyline.updated': 'Edited the storyline',
  'proposal.created': 'Opened a proposal',
  'proposal.updated': 'Changed a proposal',
  'proposal.approved': 'Approved a proposal',
  'proposal.rejected': 'Rejected a proposal',
  'proposal.withdrawn': 'Withdrew a proposal',
  'comment.created': 'Commented',
  'comment.updated': 'Edited a comment',
  'comment.deleted': 'Deleted a comment',
  'source.created': 'Added a source',
  'source.updated': 'Changed a source',
  'source.deleted': 'Deleted a source',
  'project.updated': 'Changed the project',
  'agreement.resolved': 'Resolved a disagreement',
};

/**
 * A short label for an event type: 'code.updated' → 'Changed a code'. Unknown types (a newer
 * server's vocabulary) read as their raw name rather than failing.
 */
export function eventTypeLabel(type: string): string {
  return (TYPE_LABELS as Record<string, string>)[type] ?? type;
}

/** A code as the audit log names it: `B2 "Risk"`. */
export interface AuditCodeRef {
  label: string;
  name: string;
}

/** One line of an event's before → after. `before`/`after` are null when the field was absent. */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
  /** The whole line: 'Name: "Trust" → "Platform trust"'. */
  text: string;
}

const FIELD_NAMES: Record<string, string> = {
  name: 'Name',
  label: 'Label',
  level: 'Level',
  parentId: 'Parent',
  definition: 'Definition',
  color: 'Colour',
  colour: 'Colour',
  text: 'Text',
  storyline: 'Storyline',
  memo: 'Memo',
  memoText: 'Memo',
  type: 'Type',
  customType: 'Custom type',
  fromId: 'From',
  toId: 'To',
  codeId: 'Code',
  intoId: 'Into',
  targetId: 'Target',
  status: 'Status',
  title: 'Title',
  description: 'Description',
  start: 'Start',
  end: 'End',
  from: 'Merged code',
  created: 'New code',
  children: 'Codes grouped',
  codingsMoved: 'Codings moved',
  duplicatesCollapsed: 'Duplicate codings collapsed',
  childrenMoved: 'Codes moved under it',
  relationsMoved: 'Relations moved',
  linksMoved: 'Survey links moved',
};

/** Fields that hold ids (of codes): shown as the code they name. */
const CODE_ID_FIELD = /(^|[a-z])(parentId|codeId|fromId|toId|intoId|targetId|Id)$/;
const CODE_IDS_FIELD = /(codeIds|childIds|Ids)$/;

/** Longest quoted text shown in one change line; longer text is cut with "…". */
export const AUDIT_TEXT_MAX = 120;

function fieldName(key: string): string {
  if (FIELD_NAMES[key]) return FIELD_NAMES[key];
  const words = key
    .replace(/Ids?$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(oneLine);
  return `"${chars.length > AUDIT_TEXT_MAX ? `${chars.slice(0, AUDIT_TEXT_MAX).join('')}…` : oneLine}"`;
}

/**
 * A code as one phrase: `B2 "Risk"` (or `"Risk"` when unlabelled). An id the map does not know
 * (the code was deleted or merged away since) reads as "a deleted code".
 */
export function codePhrase(id: string | null | undefined, codes: ReadonlyMap<string, AuditCodeRef>): string {
  if (!id) return 'none';
  const code = codes.get(id);
  if (!code) return 'a deleted code';
  return `${code.label ? `${code.label} ` : ''}${quote(code.name)}`;
}

function formatValue(key: string, value: unknown, codes: ReadonlyMap<string, AuditCodeRef>): string {
  if (value === null || value === undefined) return 'none';
  if (key === 'level' && typeof value === 'number') return LEVEL_NAME[toCodeLevel(value)];
  if (typeof value === 'string') {
    if (CODE_ID_FIELD.test(key)) return codes.has(value) ? codePhrase(value, codes) : key === 'parentId' ? 'a deleted code' : quote(value);
    return value === '' ? 'empty' : quote(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    if (value.every((v) => typeof v === 'string') && CODE_IDS_FIELD.test(key)) return value.map((id) => codePhrase(id as string, codes)).join(', ');
    if (value.every((v) => isCodeSnapshot(v))) return value.map((v) => snapshotPhrase(v as CodeSnapshot, codes)).join(', ');
    return `${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  }
  if (isCodeSnapshot(value)) return snapshotPhrase(value, codes);
  const text = JSON.stringify(value);
  return text.length > AUDIT_TEXT_MAX ? `${text.slice(0, AUDIT_TEXT_MAX)}…` : text;
}

type CodeSnapshot = { id?: string; name: string; label?: string };

function isCodeSnapshot(value: unknown): value is CodeSnapshot {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { name?: unknown }).name === 'string';
}

/** A code snapshot inside an event (`{ id, label, name }`): its own label and name, as recorded then. */
function snapshotPhrase(value: CodeSnapshot, codes: ReadonlyMap<string, AuditCodeRef>): string {
  const label = typeof value.label === 'string' ? value.label : value.id ? (codes.get(value.id)?.label ?? '') : '';
  return `${label ? `${label} ` : ''}${quote(value.name)}`;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Keys not worth a line of their own: ids and bookkeeping. */
// codeIds/codingIds list every affected id for lookups (a code's history), not for reading.
// A comment event's target and mentions are in its summary already.
const HIDDEN_KEYS = new Set(['id', 'projectId', 'version', 'createdAt', 'updatedAt', 'seq', 'codeIds', 'codingIds', 'deletedCodeId', 'childIds', 'targetType', 'targetId', 'mentions']);

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * An event's before → after as field changes, in the snapshot's field order. Created events
 * (no before) list what was set; deleted events (no after) what was removed; a merge names the
 * code it went into ('Merged into C2 "Late delivery"'). Values are quoted and cut to
 * {@link AUDIT_TEXT_MAX} characters; ids of codes read as the code (`B2 "Risk"`), or "a deleted
 * code" once gone.
 *
 * @param type - the event type (e.g. 'code.updated').
 * @param before - the parsed `before` snapshot, or null.
 * @param after - the parsed `after` snapshot, or null.
 * @param codes - the project's current codes by id, to name referenced codes.
 * @example
 * describeChanges('code.updated', { name: 'Trust' }, { name: 'Platform trust' }, new Map())
 * // [{ field: 'Name', before: '"Trust"', after: '"Platform trust"', text: 'Name: "Trust" → "Platform trust"' }]
 */
export function describeChanges(type: string, before: unknown, after: unknown, codes: ReadonlyMap<string, AuditCodeRef>): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const changes: FieldChange[] = [];
  if (type === 'hierarchy.merged' && a) {
    const into = typeof a.intoId === 'string' ? a.intoId : typeof a.targetId === 'string' ? a.targetId : null;
    const snapshot = asRecord(a.into) ?? asRecord(a.target);
    if (into || snapshot) {
      const phrase = into && codes.has(into) ? codePhrase(into, codes) : snapshot && isCodeSnapshot(snapshot) ? snapshotPhrase(snapshot, codes) : codePhrase(into, codes);
      changes.push({ field: 'Merged into', before: null, after: phrase, text: `Merged into ${phrase}` });
    }
  }
  if (!b && !a) {
    // Non-object snapshots (e.g. the storyline as a string).
    if (before !== null && before !== undefined && !same(before, after)) {
      changes.push(line('Value', formatValue('value', before, codes), after === null || after === undefined ? null : formatValue('value', after, codes)));
    } else if (after !== null && after !== undefined && !same(before, after)) {
      changes.push(line('Value', null, formatValue('value', after, codes)));
    }
    return changes;
  }
  const keys: string[] = [];
  for (const key of [...Object.keys(b ?? {}), ...Object.keys(a ?? {})]) if (!keys.includes(key) && !HIDDEN_KEYS.has(key)) keys.push(key);
  for (const key of keys) {
    if (type === 'hierarchy.merged' && ['intoId', 'targetId', 'into', 'target'].includes(key)) continue;
    // A split names the code it split (the history's subject) and the new one: show the new one.
    if (type === 'hierarchy.split' && key === 'code') continue;
    // "parentName" beside "parentId" says the same thing.
    const idKey = key.endsWith('Name') ? `${key.slice(0, -4)}Id` : null;
    if (idKey && ((b && idKey in b) || (a && idKey in a))) continue;
    const hasBefore = !!b && key in b;
    const hasAfter = !!a && key in a;
    const vb = b?.[key];
    const va = a?.[key];
    if (hasBefore && hasAfter && same(vb, va)) continue;
    if (!hasBefore && !hasAfter) continue;
    // Only on one side and empty: nothing to say (a created code's empty definition).
    if (!hasBefore && isEmpty(va)) continue;
    if (!hasAfter && isEmpty(vb)) continue;
    const field = fieldName(key);
    const fb = hasBefore ? formatValue(key, vb, codes) : null;
    const fa = hasAfter ? formatValue(key, va, codes) : null;
    // Different JSON that reads the same (a grouped code's new parentId inside its snapshot).
    if (fb !== null && fb === fa) continue;
    changes.push(line(field, fb, fa));
  }
  return changes;
}

function line(field: string, before: string | null, after: string | null): FieldChange {
  const text = before === null ? `${field}: ${after}` : after === null ? `${field}: ${before} (removed)` : `${field}: ${before} → ${after}`;
  return { field, before, after, text };
}

/** Reads a stored snapshot (ProjectEvent.before/after): JSON, or null when absent or unreadable. */
export function parseSnapshot(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

/** The ids of codes a snapshot mentions (any string value under an id-like key, at any depth). */
export function snapshotCodeIds(value: unknown, into: Set<string> = new Set()): Set<string> {
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (CODE_ID_FIELD.test(key) || CODE_IDS_FIELD.test(key) || key === 'id') into.add(v);
    } else if (Array.isArray(v)) {
      for (const item of v) walk(item, key);
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) walk(child, k);
    }
  };
  walk(value, '');
  return into;
}

/** Items of a feed grouped into days, newest day first, keeping the items' order. */
export interface DayGroup<T> {
  day: string;
  items: T[];
}

/**
 * Groups feed items by day (consecutive runs of the same key: the feed is already newest first).
 * @param dayOf - the item's day key, e.g. its date in the reader's time zone ('2026-12-06').
 * @example groupByDay(events, (e) => localDay(e.createdAt))
 */
export function groupByDay<T>(items: readonly T[], dayOf: (item: T) => string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const day = dayOf(item);
    const last = groups.at(-1);
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** The day of an instant in a time zone, as 'YYYY-MM-DD' (the feed's day key). */
export function dayKey(iso: string, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The activity feed's filters, read from the page's search parameters. */
export interface ActivityFilter {
  /** Only events by this member (user id), or everyone. */
  actorId: string | null;
  group: AuditTypeGroup | null;
  page: number;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The feed's filters from search parameters `member`, `type`, `page`. Anything unreadable falls
 * back to "everyone", "all types", page 1 (a hand-edited URL never fails).
 * @example parseActivityFilter({ member: 'u1', type: 'codebook', page: '2' }) // { actorId: 'u1', group: 'codebook', page: 2 }
 */
export function parseActivityFilter(params: { member?: string | string[]; type?: string | string[]; page?: string | string[] }): ActivityFilter {
  const member = first(params.member);
  const type = first(params.type);
  const page = Number(first(params.page));
  return {
    actorId: member && ID.test(member) ? member : null,
    group: isAuditTypeGroup(type) ? type : null,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The search string of a feed URL for a filter ('?member=u1&type=codebook&page=2', or ''). */
export function activitySearch(filter: { actorId: string | null; group: AuditTypeGroup | null; page?: number }): string {
  const params = new URLSearchParams();
  if (filter.actorId) params.set('member', filter.actorId);
  if (filter.group) params.set('type', filter.group);
  if (filter.page && filter.page > 1) params.set('page', String(filter.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}
