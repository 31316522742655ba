import { describe, expect, it } from 'vitest';

import type { HierarchyCode } from '../coding/hierarchy-types';
import { applyOpToSnapshot, checkOps, type HierarchySnapshot, type ProposalOp, summarizeOp, ZProposalOp } from './proposal-ops';

const code = (id: string, name: string, label: string, level: 1 | 2 | 3 | 4, parentId: string | null = null): HierarchyCode => ({ id, name, label, level, parentId, color: '#000000', definition: '' });

const snapshot = (): HierarchySnapshot => ({
  codes: [
    code('c2', 'Late delivery', 'C2', 1, 'b1'),
    code('c4', 'Delivery delay', 'C4', 1),
    code('c5', 'Refund', 'C5', 1),
    code('b1', 'Logistics', 'B1', 2),
    code('b2', 'Trust', 'B2', 2),
    code('a1', 'Platform economy', 'A1', 3),
  ],
  relations: [{ id: 'r1', fromId: 'b1', toId: 'b2', type: 'causal-condition', customType: '' }],
});

describe('ZProposalOp', () => {
  it('reads every op kind and refuses unknown kinds and bad refs', () => {
    expect(ZProposalOp.parse({ op: 'merge', fromId: 'c4', intoId: 'c2' })).toEqual({ op: 'merge', fromId: 'c4', intoId: 'c2' });
    expect(ZProposalOp.parse({ op: 'create-category', ref: 'new:x1', name: '  Shipping ', level: 2 })).toEqual({ op: 'create-category', ref: 'new:x1', name: 'Shipping', level: 2, parentId: null });
    expect(ZProposalOp.safeParse({ op: 'explode', codeId: 'c4' }).success).toBe(false);
    expect(ZProposalOp.safeParse({ op: 'group', ref: 'c9', codeIds: ['c4'], name: 'X' }).success).toBe(false);
    expect(ZProposalOp.safeParse({ op: 'create-category', ref: 'new:a', name: 'X', level: 1 }).success).toBe(false);
  });
});

describe('summarizeOp', () => {
  const snap = snapshot();
  it.each<[ProposalOp, string]>([
    [{ op: 'merge', fromId: 'c4', intoId: 'c2' }, 'Merge C4 “Delivery delay” into C2 “Late delivery”'],
    [{ op: 'move', codeId: 'c4', parentId: 'b1' }, 'Move C4 “Delivery delay” into B1 “Logistics”'],
    [{ op: 'move', codeId: 'c2', parentId: null }, 'Take C2 “Late delivery” out of B1 “Logistics”'],
    [{ op: 'group', ref: 'new:g', codeIds: ['c4', 'c5'], name: 'Shipping' }, 'Group C4 “Delivery delay”, C5 “Refund” into a new category “Shipping”'],
    [{ op: 'split', ref: 'new:s', codeId: 'c4', codingIds: ['x', 'y', 'x'], name: 'Customs' }, 'Split 2 codings off C4 “Delivery delay” into a new code “Customs”'],
    [{ op: 'rename', codeId: 'b2', name: 'Confidence' }, 'Rename B2 “Trust” to “Confidence”'],
    [{ op: 'delete', codeId: 'c5' }, 'Delete C5 “Refund” with its codings'],
    [{ op: 'create-category', ref: 'new:c', name: 'Markets', level: 3, parentId: null }, 'Create main category “Markets”'],
    [{ op: 'relation-create', relation: { fromId: 'b2', toId: 'b1', type: 'context', customType: '', evidenceCodingIds: [] } }, 'Add relation B2 “Trust” → B1 “Logistics” (context of)'],
    [{ op: 'relation-delete', relationId: 'r1' }, 'Delete relation B1 “Logistics” → B2 “Trust” (causal condition of)'],
  ])('%j', (op, expected) => {
    expect(summarizeOp(op, snap)).toBe(expected);
  });

  it('names codes created by an earlier op as new', () => {
    const after = applyOpToSnapshot(snap, { op: 'group', ref: 'new:g', codeIds: ['c4'], name: 'Shipping' });
    expect(summarizeOp({ op: 'move', codeId: 'new:g', parentId: 'a1' }, after)).toBe('Move new category “Shipping” into A1 “Platform economy”');
  });
});

describe('checkOps', () => {
  it('applies a valid sequence, including ops on codes created earlier in it', () => {
    const ops: ProposalOp[] = [
      { op: 'group', ref: 'new:g', codeIds: ['c4', 'c5'], name: 'Shipping' },
      { op: 'move', codeId: 'new:g', parentId: 'a1' },
      { op: 'merge', fromId: 'b1', intoId: 'b2' },
    ];
    const { checks, after } = checkOps(snapshot(), ops);
    expect(checks.map((c) => c.problem)).toEqual([null, null, null]);
    const byId = new Map(after.codes.map((c) => [c.id, c]));
    expect(byId.get('new:g')).toMatchObject({ level: 2, parentId: 'a1' });
    expect(byId.get('c4')?.parentId).toBe('new:g');
    expect(byId.has('b1')).toBe(false);
    expect(byId.get('c2')?.parentId).toBe('b2');
    // The B1 → B2 relation would join B2 to itself: dropped.
    expect(after.relations).toEqual([]);
  });

  it('reports ops that break the hierarchy rules and keeps checking the rest', () => {
    const ops: ProposalOp[] = [
      { op: 'move', codeId: 'c4', parentId: 'a1' }, // concept into a main category
      { op: 'merge', fromId: 'c4', intoId: 'b1' }, // different levels
      { op: 'group', ref: 'new:g', codeIds: ['c4', 'b1'], name: 'Mixed' }, // mixed levels
      { op: 'rename', codeId: 'c5', name: 'Late delivery' }, // name taken
      { op: 'relation-create', relation: { fromId: 'c4', toId: 'b1', type: 'context', customType: '', evidenceCodingIds: [] } }, // concept
      { op: 'relation-create', relation: { fromId: 'b1', toId: 'b2', type: 'causal-condition', customType: '', evidenceCodingIds: [] } }, // duplicate
      { op: 'move', codeId: 'new:g', parentId: 'a1' }, // names the group that did not apply
      { op: 'move', codeId: 'c4', parentId: 'b2' }, // fine
    ];
    const { checks, after } = checkOps(snapshot(), ops);
    expect(checks.map((c) => c.problem === null)).toEqual([false, false, false, false, false, false, false, true]);
    expect(checks[0].problem).toContain('goes into a category, not a main category');
    expect(checks[1].problem).toContain('only codes of the same level can be merged');
    expect(checks[3].problem).toBe('A code named “Late delivery” already exists.');
    expect(checks[4].problem).toContain('is a concept');
    expect(checks[5].problem).toBe('These two codes already have a relation of this type.');
    expect(checks[6].problem).toBe('It names a new code that an earlier change no longer creates.');
    expect(after.codes.find((c) => c.id === 'c4')?.parentId).toBe('b2');
  });

  it('reports an op whose code was deleted since', () => {
    const snap = snapshot();
    snap.codes = snap.codes.filter((c) => c.id !== 'c4');
    const { checks } = checkOps(snap, [{ op: 'merge', fromId: 'c4', intoId: 'c2' }, { op: 'rename', codeId: 'c5', name: 'Refunds' }]);
    expect(checks).toEqual([{ index: 0, problem: 'A code it names has been deleted.' }, { index: 1, problem: null }]);
  });

  it('does not change the snapshot it is given', () => {
    const snap = snapshot();
    const copy = structuredClone(snap);
    checkOps(snap, [{ op: 'delete', codeId: 'b1' }, { op: 'rename', codeId: 'b2', name: 'X' }]);
    expect(snap).toEqual(copy);
  });
});
