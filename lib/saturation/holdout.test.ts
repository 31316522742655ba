import { describe, expect, it } from 'vitest';

import { holdOutReport, holdOutVerdict, type SnapshotData } from './holdout';
import { saturationCsv, saturationReport } from './report';
import type { SaturationCode, SaturationRelation, SaturationSource } from './types';

const before: SaturationCode[] = [
  { id: 'a1', label: 'A1', name: 'Brand meaning', level: 3, parentId: null },
  { id: 'b1', label: 'B1', name: 'Trust', level: 2, parentId: 'a1' },
  { id: 'b4', label: 'B4', name: 'Price', level: 2, parentId: 'a1' },
  { id: 'c1', label: 'C1', name: 'Word of mouth', level: 1, parentId: 'b1' },
  { id: 'c2', label: 'C2', name: 'Discounts', level: 1, parentId: 'b4' },
];
const snapshot: SnapshotData = {
  createdAt: '2026-03-01T00:00:00.000Z',
  codes: before,
  relations: [{ id: 'r1', fromId: 'b1', toId: 'b4', type: 'consequence', customType: '' }],
  sourceIds: ['t1', 't2'],
};
const test = (id: string, kind: string): SaturationSource => ({ id, title: `Test ${id}`, kind, codingOrder: null, saturationTest: true, firstCodedAt: '2026-03-02T00:00:00.000Z' });
const after = '2026-03-02T00:00:00.000Z';
const oldRelation: SaturationRelation = { id: 'r1', fromId: 'b1', toId: 'b4', type: 'consequence', customType: '', evidenceSourceIds: ['s0'] };

describe('holdOutReport', () => {
  it('reports the one new category a test source introduces, and nothing for one that adds nothing', () => {
    const now: SaturationCode[] = [...before, { id: 'b7', label: 'B7', name: 'Habit', level: 2, parentId: 'a1' }, { id: 'c9', label: 'C9', name: 'Routine', level: 1, parentId: 'b7' }];
    const report = holdOutReport({
      snapshot,
      testSources: [test('t1', 'interview'), test('t2', 'literature')],
      codes: now,
      relations: [oldRelation],
      codings: [
        // t1: only codes that existed
        { sourceId: 't1', codeId: 'c1', coderId: 'u', createdAt: after },
        { sourceId: 't1', codeId: 'b4', coderId: 'u', createdAt: after },
        // t2: a new concept under a new category
        { sourceId: 't2', codeId: 'c9', coderId: 'u', createdAt: after },
        { sourceId: 't2', codeId: 'c2', coderId: 'u', createdAt: after },
      ],
    });
    expect(report.sources[0]).toMatchObject({ sourceId: 't1', coded: true, codedBeforeSnapshot: false, newCodes: [], newRelations: [] });
    expect(report.sources[1].newCodes.map((c) => [c.label, c.level, c.parent?.label, c.parentExisted])).toEqual([
      ['B7', 2, 'A1', true],
      ['C9', 1, 'B7', false],
    ]);
    expect(report.verdict).toBe('2 test sources (1 article, 1 interview) added 1 new category (B7 Habit) and no new relations.');
  });

  it('gives the "no new" verdict when the test sources add nothing, and names absorbed concepts', () => {
    const none = holdOutReport({
      snapshot,
      testSources: [test('t1', 'interview'), test('t2', 'interview')],
      codes: before,
      relations: [oldRelation],
      codings: [
        { sourceId: 't1', codeId: 'c1', coderId: 'u', createdAt: after },
        { sourceId: 't2', codeId: 'c2', coderId: 'u', createdAt: after },
      ],
    });
    expect(none.sources.every((s) => s.newCodes.length === 0 && s.newRelations.length === 0)).toBe(true);
    expect(none.verdict).toBe('2 test sources (2 interviews) added no new categories, relations or concepts.');

    const absorbed = holdOutReport({
      snapshot,
      testSources: [test('t1', 'literature'), test('t2', 'interview')],
      codes: [...before, { id: 'c8', label: 'C8', name: 'Coupons', level: 1, parentId: 'b4' }, { id: 'c9', label: 'C9', name: 'Sales', level: 1, parentId: 'b4' }],
      relations: [oldRelation],
      codings: [
        { sourceId: 't1', codeId: 'c8', coderId: 'u', createdAt: after },
        { sourceId: 't2', codeId: 'c9', coderId: 'u', createdAt: after },
      ],
    });
    expect(absorbed.sources.map((s) => s.newCodes.map((c) => c.label))).toEqual([['C8'], ['C9']]);
    expect(absorbed.verdict).toBe('2 test sources (1 article, 1 interview) added no new categories or relations; 2 new concepts were absorbed into B4.');
  });

  it('attributes a new relation to the test source of its evidence, and keeps changes from elsewhere apart', () => {
    const now: SaturationCode[] = [...before, { id: 'b8', label: 'B8', name: 'Regrouped', level: 2, parentId: null }];
    const report = holdOutReport({
      snapshot,
      testSources: [test('t1', 'fieldnote')],
      codes: now,
      relations: [
        oldRelation,
        { id: 'r2', fromId: 'b4', toId: 'b1', type: 'strategy', customType: '', evidenceSourceIds: ['t1', 's0'] },
        { id: 'r3', fromId: 'a1', toId: 'b1', type: 'context', customType: '', evidenceSourceIds: [] },
      ],
      codings: [
        { sourceId: 't1', codeId: 'c1', coderId: 'u', createdAt: '2026-02-01T00:00:00.000Z' },
        { sourceId: 's0', codeId: 'b8', coderId: 'u', createdAt: after },
      ],
    });
    expect(report.sources[0].newRelations.map((r) => r.id)).toEqual(['r2']);
    expect(report.sources[0].codedBeforeSnapshot).toBe(true);
    expect(report.elsewhere.codes.map((c) => c.label)).toEqual(['B8']);
    expect(report.elsewhere.relations.map((r) => r.id)).toEqual(['r3']);
    expect(report.verdict).toBe('1 test source (1 field note) added no new categories and 1 new relation (B4 → B1). Note: 1 test source was coded before the snapshot.');
  });

  it('says so when no test source is marked, and counts uncoded ones', () => {
    expect(holdOutVerdict([])).toBe('No saturation test sources are marked.');
    const r = holdOutReport({ snapshot, testSources: [test('t1', 'interview')], codes: before, relations: [], codings: [] });
    expect(r.verdict).toBe('1 test source (1 interview) added no new categories, relations or concepts. Note: 1 test source is not coded yet.');
  });
});

describe('saturationReport and its CSV', () => {
  it('puts the parts together and writes every new item of the hold-out test as a CSV row', () => {
    const sources: SaturationSource[] = [
      { id: 's0', title: 'Base interview', kind: 'interview', codingOrder: null, saturationTest: false, firstCodedAt: '2026-01-01T00:00:00.000Z' },
      { ...test('t1', 'literature'), title: 'Paper, "quoted"' },
    ];
    const now: SaturationCode[] = [...before, { id: 'b7', label: 'B7', name: 'Habit', level: 2, parentId: 'a1' }];
    const report = saturationReport({
      sources,
      codes: now,
      relations: [oldRelation],
      codings: [
        { sourceId: 's0', codeId: 'c1', coderId: 'u', createdAt: '2026-01-01T00:00:00.000Z' },
        { sourceId: 't1', codeId: 'b7', coderId: 'u', createdAt: after },
      ],
      snapshot,
    });
    expect(report.emergence.map((p) => [p.sourceId, p.cumulative])).toEqual([
      ['s0', { 1: 1, 2: 1, 3: 1 }],
      ['t1', { 1: 1, 2: 2, 3: 1 }],
    ]);
    expect(report.testSourceIds).toEqual(['t1']);
    expect(report.guest.problem).toMatch(/at least 6/);
    const csv = saturationCsv(report);
    expect(csv.startsWith('\uFEFFsection,position,source,')).toBe(true);
    expect(csv).toContain('hold-out,1,"Paper, ""quoted""",literature,true,new category,B7,Habit,absorbed into A1 Brand meaning\r\n');
  });
});
