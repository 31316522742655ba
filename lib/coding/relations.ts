import type { CodeLevel } from './hierarchy-types';

/**
 * Axial-coding relations: directed and typed. The five built-in types are Strauss & Corbin's
 * paradigm model (Strauss & Corbin 1990, ch. 7); `custom` carries a researcher-named type.
 */
export const PARADIGM_TYPES = ['causal-condition', 'context', 'intervening-condition', 'strategy', 'consequence'] as const;
export const RELATION_TYPES = [...PARADIGM_TYPES, 'custom'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const RELATION_TYPE_NAME: Record<RelationType, string> = {
  'causal-condition': 'causal condition',
  context: 'context',
  'intervening-condition': 'intervening condition',
  strategy: 'action/interaction strategy',
  consequence: 'consequence',
  custom: 'custom',
};

/**
 * How a relation reads, from → to: "A1 trust deficit *is a causal condition of* CC1
 * substituting for reputation", "B3 social proof *is a consequence of* B6 local fulfilment".
 * The edge label is the phrase without "is a": the arrow points from the condition, strategy
 * or consequence to what it conditions, answers or follows from.
 */
export const RELATION_TYPE_PHRASE: Record<Exclude<RelationType, 'custom'>, string> = {
  'causal-condition': 'causal condition of',
  context: 'context of',
  'intervening-condition': 'intervening condition of',
  strategy: 'strategy for',
  consequence: 'consequence of',
};

/**
 * The phrase with its article, as a sentence reads it: "is *an* intervening condition of",
 * "is *a* causal condition of", "is *the* context of" (a category has one context).
 * @example relationReading('intervening-condition') // 'an intervening condition of'
 */
export function relationReading(type: Exclude<RelationType, 'custom'>): string {
  const phrase = RELATION_TYPE_PHRASE[type];
  if (type === 'context') return `the ${phrase}`;
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

/** What an edge says: the paradigm type's phrase ("causal condition of"), or the custom type's own name. */
export function relationLabel(relation: { type: RelationType; customType: string }): string {
  return relation.type === 'custom' ? relation.customType.trim() || 'related to' : RELATION_TYPE_PHRASE[relation.type];
}

/**
 * relationLabel for a type read as a plain string (saturation reports, exports): the stored
 * type key ('intervening-condition') is never shown; an unknown key is shown as it is.
 */
export function relationLabelOf(relation: { type: string; customType: string }): string {
  return (RELATION_TYPES as readonly string[]).includes(relation.type) ? relationLabel(relation as { type: RelationType; customType: string }) : relation.type;
}

export interface HierarchyRelation {
  id: string;
  fromId: string;
  toId: string;
  type: RelationType;
  customType: string;
  /** Plain text of the memo ('' when none). */
  memoText: string;
  /** Coding ids cited as evidence. */
  evidenceCodingIds: string[];
}

/** Relations join categories, main categories and core categories (not concepts). */
export const MIN_RELATION_LEVEL: CodeLevel = 2;

/**
 * Checks a new relation against the codes it joins; returns a message naming the problem, or
 * null when it may be stored.
 */
export function relationProblem(
  from: { id: string; level: CodeLevel; label: string; name: string } | undefined,
  to: { id: string; level: CodeLevel; label: string; name: string } | undefined,
  relation: { type: RelationType; customType: string },
): string | null {
  if (!from || !to) return 'Choose the two codes the relation joins.';
  if (from.id === to.id) return 'A relation joins two different codes.';
  for (const c of [from, to]) {
    if (c.level < MIN_RELATION_LEVEL) return `“${c.name}” is a concept: relations join categories, main categories and core categories.`;
  }
  if (relation.type === 'custom' && !relation.customType.trim()) return 'Name the custom relation type.';
  return null;
}

/** A coded segment cited (or offered) as evidence for a relation, cut for display. */
export interface EvidenceExcerpt {
  codingId: string;
  sourceId: string;
  sourceTitle: string;
  codeId: string;
  codeLabel: string;
  codeName: string;
  /** The segment's text, cut to 240 code points (lib/server/data/relation/list-evidence-candidates.ts) ("…" added when cut). */
  text: string;
  /** [start, end) in code points of the source text. */
  start: number;
  end: number;
}
