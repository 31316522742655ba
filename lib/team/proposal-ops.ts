import { z } from 'zod';

import { groupProblem, parentProblem } from '../coding/hierarchy';
import { type CodeLevel, type HierarchyCode, LEVEL_NAME } from '../coding/hierarchy-types';
import { RELATION_TYPES, relationLabel, relationProblem, type RelationType } from '../coding/relations';
import { ZCodeName } from '../validation/coding';
import { ZText } from '../validation/text';

/**
 * The vocabulary of a hierarchy-change proposal (issue 13, "hierarchy changes need review"):
 * with the project setting on, a coder's structural actions are stored as these ops instead of
 * being applied; an owner or reviewer approves the whole list, which the data layer
 * (lib/server/data/proposals) applies in one transaction.
 *
 * Codes an op creates (create-category, group, split) get a `ref` ("new:…"); later ops of the
 * same proposal may name that ref wherever they name a code id. Ops are validated in order
 * against a snapshot of the hierarchy with the same pure rules the direct actions use
 * (lib/coding/hierarchy.ts, lib/coding/relations.ts).
 */

const ZId = z.string().min(1).max(64);
/** A code created by an earlier op of the same proposal. */
export const ZNewRef = z.string().regex(/^new:[A-Za-z0-9_-]{1,40}$/, 'Unknown new code.');
const ZLevelAbove = z.union([z.literal(2), z.literal(3), z.literal(4)]);
const ZRelationFields = z.object({
  fromId: ZId,
  toId: ZId,
  type: z.enum(RELATION_TYPES),
  customType: ZText({ max: 80, singleLine: true, label: 'The relation type' }).default(''),
  /** The relation's memo (tiptap JSON; checked by the data layer when applied). */
  memo: z.unknown().optional(),
  evidenceCodingIds: z.array(ZId).max(200).default([]),
});

export const ZProposalOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('create-category'), ref: ZNewRef, name: ZCodeName, level: ZLevelAbove, parentId: ZId.nullable().default(null) }),
  z.object({ op: z.literal('move'), codeId: ZId, parentId: ZId.nullable() }),
  z.object({ op: z.literal('group'), ref: ZNewRef, codeIds: z.array(ZId).min(1).max(500), name: ZCodeName }),
  z.object({ op: z.literal('merge'), fromId: ZId, intoId: ZId }),
  z.object({ op: z.literal('split'), ref: ZNewRef, codeId: ZId, codingIds: z.array(ZId).min(1).max(100_000), name: ZCodeName }),
  z.object({ op: z.literal('rename'), codeId: ZId, name: ZCodeName }),
  z.object({ op: z.literal('delete'), codeId: ZId }),
  z.object({ op: z.literal('relation-create'), relation: ZRelationFields }),
  z.object({ op: z.literal('relation-update'), relationId: ZId, relation: ZRelationFields }),
  z.object({ op: z.literal('relation-delete'), relationId: ZId }),
]);
export type ProposalOp = z.infer<typeof ZProposalOp>;
export type ProposalOpKind = ProposalOp['op'];

/** A relation as the ops see it. */
export interface SnapshotRelation {
  id: string;
  fromId: string;
  toId: string;
  type: RelationType;
  customType: string;
}

/** The hierarchy an op sequence is checked against (codes created by ops carry their ref as id). */
export interface HierarchySnapshot {
  codes: HierarchyCode[];
  relations: SnapshotRelation[];
}

const isNew = (id: string) => id.startsWith('new:');

/** How a code is named in summaries: its label and quoted name ('C4 “Delivery delay”'), or 'new category “X”'. */
export function codeName(code: Pick<HierarchyCode, 'id' | 'label' | 'name' | 'level'> | undefined): string {
  if (!code) return 'a code that no longer exists';
  if (isNew(code.id) || !code.label) return `new ${LEVEL_NAME[code.level]} “${code.name}”`;
  return `${code.label} “${code.name}”`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * A one-line description of an op, read against the hierarchy before it (the snapshot the op
 * applies to). Shown beside each change of a proposal and stored with it.
 * @example summarizeOp({ op: 'merge', fromId: 'c4', intoId: 'c2' }, snap) // 'Merge C4 “Delivery delay” into C2 “Late delivery”'
 */
export function summarizeOp(op: ProposalOp, snapshot: HierarchySnapshot): string {
  const byId = new Map(snapshot.codes.map((c) => [c.id, c]));
  const name = (id: string) => codeName(byId.get(id));
  const relation = (r: { fromId: string; toId: string; type: RelationType; customType: string }) => `${name(r.fromId)} → ${name(r.toId)} (${relationLabel(r)})`;
  switch (op.op) {
    case 'create-category':
      return `Create ${LEVEL_NAME[op.level]} “${op.name}”${op.parentId ? ` in ${name(op.parentId)}` : ''}`;
    case 'move': {
      if (op.parentId) return `Move ${name(op.codeId)} into ${name(op.parentId)}`;
      const parentId = byId.get(op.codeId)?.parentId;
      return parentId ? `Take ${name(op.codeId)} out of ${name(parentId)}` : `Leave ${name(op.codeId)} unplaced`;
    }
    case 'group': {
      const first = byId.get(op.codeIds[0]);
      const level = first ? LEVEL_NAME[Math.min(first.level + 1, 4) as CodeLevel] : 'code';
      return `Group ${op.codeIds.map(name).join(', ')} into a new ${level} “${op.name}”`;
    }
    case 'merge':
      return `Merge ${name(op.fromId)} into ${name(op.intoId)}`;
    case 'split':
      return `Split ${plural(new Set(op.codingIds).size, 'coding')} off ${name(op.codeId)} into a new code “${op.name}”`;
    case 'rename':
      return `Rename ${name(op.codeId)} to “${op.name}”`;
    case 'delete':
      return `Delete ${name(op.codeId)} with its codings`;
    case 'relation-create':
      return `Add relation ${relation(op.relation)}`;
    case 'relation-update': {
      const before = snapshot.relations.find((r) => r.id === op.relationId);
      return before ? `Change relation ${relation(before)} to ${relation(op.relation)}` : `Change a relation to ${relation(op.relation)}`;
    }
    case 'relation-delete': {
      const before = snapshot.relations.find((r) => r.id === op.relationId);
      return before ? `Delete relation ${relation(before)}` : 'Delete a relation that no longer exists';
    }
  }
}

/** Codes an op names (its own new ref not included): a code's history and rebase reports use them. */
export function opCodeIds(op: ProposalOp): string[] {
  switch (op.op) {
    case 'create-category':
      return op.parentId ? [op.parentId] : [];
    case 'move':
      return op.parentId ? [op.codeId, op.parentId] : [op.codeId];
    case 'group':
      return [...op.codeIds];
    case 'merge':
      return [op.fromId, op.intoId];
    case 'split':
    case 'rename':
    case 'delete':
      return [op.codeId];
    case 'relation-create':
    case 'relation-update':
      return [op.relation.fromId, op.relation.toId];
    case 'relation-delete':
      return [];
  }
}

class OpProblem extends Error {}

function need(byId: Map<string, HierarchyCode>, id: string): HierarchyCode {
  const code = byId.get(id);
  if (!code) throw new OpProblem(isNew(id) ? 'It names a new code that an earlier change no longer creates.' : 'A code it names has been deleted.');
  return code;
}
function check(problem: string | null): void {
  if (problem) throw new OpProblem(problem);
}
function nameFree(codes: readonly HierarchyCode[], name: string, exceptId?: string): void {
  // Names are unique per project as stored (NFC), as the database's unique index sees them.
  const key = name.normalize('NFC');
  const taken = codes.find((c) => c.id !== exceptId && c.name.normalize('NFC') === key);
  if (taken) throw new OpProblem(`A code named “${taken.name}” already exists.`);
}
function relationDuplicate(relations: readonly SnapshotRelation[], r: Omit<SnapshotRelation, 'id'>, exceptId?: string): void {
  const custom = r.type === 'custom' ? r.customType : '';
  if (relations.some((x) => x.id !== exceptId && x.fromId === r.fromId && x.toId === r.toId && x.type === r.type && (x.type === 'custom' ? x.customType : '') === custom)) {
    throw new OpProblem('These two codes already have a relation of this type.');
  }
}

/**
 * Applies one op to a snapshot (a copy is returned; the input is not changed).
 * @throws Error with a message for researchers when the op does not apply to this hierarchy.
 */
export function applyOpToSnapshot(snapshot: HierarchySnapshot, op: ProposalOp): HierarchySnapshot {
  let codes = snapshot.codes.map((c) => ({ ...c }));
  let relations = snapshot.relations.map((r) => ({ ...r }));
  const byId = new Map(codes.map((c) => [c.id, c]));
  const fresh = (ref: string, name: string, level: CodeLevel, parentId: string | null): HierarchyCode => {
    if (byId.has(ref)) throw new OpProblem('This change was added twice.');
    return { id: ref, name, label: '', level, parentId, color: '', definition: '' };
  };
  switch (op.op) {
    case 'create-category': {
      nameFree(codes, op.name);
      const created = fresh(op.ref, op.name, op.level, null);
      if (op.parentId) check(parentProblem(created, need(byId, op.parentId)));
      created.parentId = op.parentId;
      codes.push(created);
      break;
    }
    case 'move': {
      const code = need(byId, op.codeId);
      check(parentProblem(code, op.parentId === null ? null : need(byId, op.parentId)));
      code.parentId = op.parentId;
      break;
    }
    case 'group': {
      const children = [...new Set(op.codeIds)].map((id) => need(byId, id));
      check(groupProblem(children));
      nameFree(codes, op.name);
      codes.push(fresh(op.ref, op.name, (children[0].level + 1) as CodeLevel, null));
      for (const child of children) child.parentId = op.ref;
      break;
    }
    case 'merge': {
      const from = need(byId, op.fromId);
      const into = need(byId, op.intoId);
      if (from.id === into.id) throw new OpProblem(`“${from.name}” cannot be merged into itself.`);
      check(from.level !== into.level ? `“${from.name}” is a ${LEVEL_NAME[from.level]} but “${into.name}” is a ${LEVEL_NAME[into.level]}; only codes of the same level can be merged.` : null);
      for (const c of codes) if (c.parentId === from.id && c.id !== into.id) c.parentId = into.id;
      codes = codes.filter((c) => c.id !== from.id);
      relations = relations
        .map((r) => ({ ...r, fromId: r.fromId === from.id ? into.id : r.fromId, toId: r.toId === from.id ? into.id : r.toId }))
        .filter((r) => r.fromId !== r.toId);
      break;
    }
    case 'split': {
      const code = need(byId, op.codeId);
      nameFree(codes, op.name);
      codes.push(fresh(op.ref, op.name, code.level, code.parentId));
      break;
    }
    case 'rename': {
      const code = need(byId, op.codeId);
      nameFree(codes, op.name, code.id);
      code.name = op.name;
      break;
    }
    case 'delete': {
      const code = need(byId, op.codeId);
      // Children stay, unplaced (the parent link is set null when a code is deleted).
      for (const c of codes) if (c.parentId === code.id) c.parentId = null;
      codes = codes.filter((c) => c.id !== code.id);
      relations = relations.filter((r) => r.fromId !== code.id && r.toId !== code.id);
      break;
    }
    case 'relation-create': {
      check(relationProblem(byId.get(op.relation.fromId), byId.get(op.relation.toId), op.relation));
      relationDuplicate(relations, op.relation);
      relations.push({ id: `new:relation-${relations.length}`, ...op.relation });
      break;
    }
    case 'relation-update': {
      const existing = relations.find((r) => r.id === op.relationId);
      if (!existing) throw new OpProblem('The relation it changes has been deleted.');
      check(relationProblem(byId.get(op.relation.fromId), byId.get(op.relation.toId), op.relation));
      relationDuplicate(relations, op.relation, existing.id);
      Object.assign(existing, op.relation);
      break;
    }
    case 'relation-delete': {
      if (!relations.some((r) => r.id === op.relationId)) throw new OpProblem('The relation it deletes has been deleted already.');
      relations = relations.filter((r) => r.id !== op.relationId);
      break;
    }
  }
  return { codes, relations };
}

/** One op's fate when a sequence is checked: null when it applies, else why not. */
export interface OpCheck {
  index: number;
  problem: string | null;
}

/**
 * Checks ops in order against a hierarchy. An op that does not apply is reported and skipped;
 * the ops after it are checked against the hierarchy without it (so one rebase reports every
 * op that no longer applies, including ops that named a code a dropped op would have created).
 * @returns each op's problem (or null) and the hierarchy after the ops that apply.
 */
export function checkOps(snapshot: HierarchySnapshot, ops: readonly ProposalOp[]): { checks: OpCheck[]; after: HierarchySnapshot } {
  let current = snapshot;
  const checks: OpCheck[] = [];
  ops.forEach((op, index) => {
    try {
      current = applyOpToSnapshot(current, op);
      checks.push({ index, problem: null });
    } catch (error) {
      if (error instanceof OpProblem) checks.push({ index, problem: error.message });
      else if (error instanceof Error && error.name === 'HierarchyRuleError') checks.push({ index, problem: error.message });
      else throw error;
    }
  });
  return { checks, after: current };
}
