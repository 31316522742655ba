import { describe, expect, it } from 'vitest';

import {
  buildHierarchyTable,
  buildHierarchyTree,
  type CodeCodingStats,
  descendantIds,
  groupProblem,
  hierarchyTableFromRollUps,
  hierarchyTreeFromRollUps,
  indexHierarchy,
  HierarchyRuleError,
  levelChangeProblem,
  nextLabel,
  orderCodes,
  parentProblem,
  parseLabel,
  planMerge,
  planSplit,
  renumberLabels,
  rollUp,
  rollUpAndSummarize,
  rollUpFromStats,
  rollUpOne,
  type SharedSegment,
  summarize,
  summarizeRollUps,
  summarizeSegments,
} from './hierarchy';
import { labelPrefixes, type CodeLevel, type HierarchyCode, type HierarchyCoding, type HierarchyTreeNode } from './hierarchy-types';

const prefixes = labelPrefixes();

/** A code; name defaults to its id, label to ''. */
function code(id: string, level: CodeLevel, parentId: string | null = null, label = '', name = id): HierarchyCode {
  return { id, name, label, level, parentId, color: '#2e86ab', definition: '' };
}

let nextCodingId = 0;
/** A coding; coder defaults to 'u1'. */
function coding(codeId: string, sourceId: string, start: number, end: number, coderId: string | null = 'u1', id = `k${++nextCodingId}`): HierarchyCoding {
  return { id, codeId, sourceId, start, end, coderId };
}

describe('parseLabel', () => {
  it('reads concept, category, main and core labels, core prefix CC not mistaken for C', () => {
    expect(parseLabel('C3', prefixes)).toEqual({ level: 1, n: 3 });
    expect(parseLabel('B12', prefixes)).toEqual({ level: 2, n: 12 });
    expect(parseLabel('A1', prefixes)).toEqual({ level: 3, n: 1 });
    expect(parseLabel('CC3', prefixes)).toEqual({ level: 4, n: 3 });
    expect(parseLabel('  C7 ', prefixes)).toEqual({ level: 1, n: 7 });
  });

  it('rejects labels that are not exactly prefix + digits, and lower case', () => {
    for (const label of ['', 'C', 'CC', 'c3', 'cc3', 'C3a', 'C 3', 'CCC3', 'Trust', 'X1', 'C-1', 'C3.5']) {
      expect(parseLabel(label, prefixes), label).toBeNull();
    }
  });

  it('reads a custom core prefix with a space, and no longer reads CC labels as core', () => {
    const custom = labelPrefixes('Core ');
    expect(parseLabel('Core 4', custom)).toEqual({ level: 4, n: 4 });
    expect(parseLabel('Core4', custom)).toBeNull();
    expect(parseLabel('CC4', custom)).toBeNull();
    expect(parseLabel('C4', custom)).toEqual({ level: 1, n: 4 });
  });

  it('lets the longest prefix win where a shorter one also fits', () => {
    // A core prefix that itself starts like a concept label: 'C1' + '2', not 'C' + '12'.
    expect(parseLabel('C12', labelPrefixes('C1'))).toEqual({ level: 4, n: 2 });
  });
});

describe('nextLabel', () => {
  it('continues after the highest number and does not fill gaps', () => {
    expect(nextLabel(1, ['C1', 'C3'], prefixes)).toBe('C4');
    expect(nextLabel(2, ['B9', 'B2', 'B10'], prefixes)).toBe('B11');
  });

  it('starts at 1 and ignores other levels and hand-edited labels', () => {
    expect(nextLabel(3, [], prefixes)).toBe('A1');
    expect(nextLabel(1, ['CC7', 'B4', 'Trust', 'C2'], prefixes)).toBe('C3');
    expect(nextLabel(4, ['C9', 'CC2', 'A5'], prefixes)).toBe('CC3');
  });

  it('uses a custom core prefix', () => {
    const custom = labelPrefixes('Core ');
    expect(nextLabel(4, [], custom)).toBe('Core 1');
    expect(nextLabel(4, ['Core 2', 'CC8', 'C5'], custom)).toBe('Core 3');
  });
});

describe('orderCodes', () => {
  it('orders by label number, then unnumbered codes by name, without mutating the input', () => {
    const codes = [code('x', 1, null, '', 'zeal'), code('a', 1, null, 'C10'), code('b', 1, null, 'C2'), code('y', 1, null, 'Trust', 'Apathy'), code('c', 1, null, 'C9')];
    const before = codes.map((c) => c.id);
    expect(orderCodes(codes).map((c) => c.id)).toEqual(['b', 'c', 'a', 'y', 'x']);
    expect(codes.map((c) => c.id)).toEqual(before);
  });

  it('orders custom core labels by number', () => {
    const codes = [code('b', 4, null, 'Core 11'), code('a', 4, null, 'Core 3')];
    expect(orderCodes(codes).map((c) => c.id)).toEqual(['a', 'b']);
  });
});

/**
 * A published-style hierarchy: 2 cores, 3 mains, 5 categories, 7 concepts, plus unplaced
 * codes (a category without a main, a main without a core with one category, a concept
 * without a category). Given out of order, labels not matching the order of ids.
 */
function example(): HierarchyCode[] {
  return [
    code('c8', 1, null, 'C8', 'Unsorted'),
    code('c6', 1, 'b5', 'C6', 'Gifts'),
    code('c5', 1, 'b4', 'C5', 'Timing'),
    code('c4', 1, 'b3', 'C4', 'Reviews'),
    code('c3', 1, 'b2', 'C3', 'Hidden fees'),
    code('c2', 1, 'b1', 'C2', 'Sticker shock'),
    code('c1', 1, 'b1', 'C1', 'Price anxiety'),
    code('c7', 1, 'b6', 'C7', 'Weather'),
    code('b7', 2, 'a4', 'B7', 'Ads'),
    code('b6', 2, null, 'B6', 'Context'),
    code('b5', 2, 'a3', 'B5', 'Occasions'),
    code('b4', 2, 'a3', 'B4', 'Seasons'),
    code('b3', 2, 'a2', 'B3', 'Social proof'),
    code('b2', 2, 'a1', 'B2', 'Opaque pricing'),
    code('b1', 2, 'a1', 'B1', 'Cost'),
    code('a4', 3, null, 'A4', 'Marketing'),
    code('a3', 3, 'cc2', 'A3', 'Rhythm'),
    code('a2', 3, 'cc1', 'A2', 'Trust'),
    code('a1', 3, 'cc1', 'A1', 'Money'),
    code('cc2', 4, null, 'CC2', 'Buying cycles'),
    code('cc1', 4, null, 'CC1', 'Risk'),
  ];
}

describe('renumberLabels', () => {
  it('numbers each level in hierarchy-table order, unplaced codes after, and returns only changes', () => {
    // Swap labels so the order by label differs from the stored numbers in places.
    const codes = example().map((c) => {
      if (c.id === 'a1') return { ...c, label: 'A7' };
      if (c.id === 'cc2') return { ...c, label: 'CC0' };
      if (c.id === 'c2') return { ...c, label: '' };
      if (c.id === 'b6') return { ...c, label: 'B1' };
      return c;
    });
    // cc2 (CC0) now reads first; under it a3 with b4, b5; then cc1 with a2 (A2) before a1 (A7).
    expect(renumberLabels(codes, prefixes)).toEqual([
      { id: 'cc2', label: 'CC1' },
      { id: 'cc1', label: 'CC2' },
      { id: 'a3', label: 'A1' },
      { id: 'a1', label: 'A3' },
      { id: 'b4', label: 'B1' },
      { id: 'b5', label: 'B2' },
      { id: 'b1', label: 'B4' },
      { id: 'b2', label: 'B5' },
      { id: 'b6', label: 'B6' },
      { id: 'c5', label: 'C1' },
      { id: 'c6', label: 'C2' },
      { id: 'c4', label: 'C3' },
      { id: 'c1', label: 'C4' },
      { id: 'c2', label: 'C5' },
      { id: 'c3', label: 'C6' },
    ]);
  });

  it('returns nothing when the labels already follow the table', () => {
    expect(renumberLabels(example(), prefixes)).toEqual([]);
  });

  it('writes the custom core prefix', () => {
    const codes = [code('x', 4, null, 'CC1'), code('y', 4, null, 'Core 2')];
    expect(renumberLabels(codes, labelPrefixes('Core '))).toEqual([{ id: 'x', label: 'Core 1' }]);
  });
});

describe('parentProblem', () => {
  const concept = code('c', 1, null, 'C1', 'Price anxiety');
  const category = code('b', 2, null, 'B1', 'Cost');
  const main = code('a', 3, null, 'A1', 'Money');
  const core = code('cc', 4, null, 'CC1', 'Risk');

  it('accepts a parent exactly one level up, and no parent', () => {
    expect(parentProblem(concept, category)).toBeNull();
    expect(parentProblem(category, main)).toBeNull();
    expect(parentProblem(main, core)).toBeNull();
    expect(parentProblem(core, null)).toBeNull();
    expect(parentProblem(concept, null)).toBeNull();
  });

  it('names the code and both levels when the parent is not one level up', () => {
    expect(parentProblem(concept, main)).toBe('“Price anxiety” is a concept; it goes into a category, not a main category.');
    expect(parentProblem(main, category)).toBe('“Money” is a main category; it goes into a core category, not a category.');
    expect(parentProblem(concept, { ...concept, id: 'c2' })).toMatch(/concept; it goes into a category, not a concept/);
  });

  it('refuses any parent for a core category and the code itself', () => {
    expect(parentProblem(core, { ...core, id: 'cc2' })).toMatch(/“Risk” is a core category/);
    expect(parentProblem(category, category)).toBe('“Cost” cannot be placed under itself.');
  });
});

describe('levelChangeProblem', () => {
  const codes = [code('b', 2, 'a', 'B1', 'Cost'), code('a', 3, null, 'A1', 'Money'), code('c1', 1, 'b'), code('c2', 1, 'b'), code('lone', 1, null, 'C9', 'Lone')];

  it('allows a change for a code with no parent and no children, and a no-op', () => {
    expect(levelChangeProblem(codes[4], 2, codes)).toBeNull();
    expect(levelChangeProblem(codes[0], 2, codes)).toBeNull();
  });

  it('names the parent', () => {
    expect(levelChangeProblem(code('c3', 1, 'b', '', 'Fees'), 2, codes)).toBe(
      '“Fees” sits in the category “Cost”; take it out before making it a category.',
    );
  });

  it('counts the children', () => {
    expect(levelChangeProblem(codes[1], 2, codes)).toBe('“Money” has 1 category under it; move the category elsewhere before making it a category.');
  });

  it('says both when there are a parent and children', () => {
    expect(levelChangeProblem(codes[0], 1, codes)).toBe(
      '“Cost” sits in the main category “Money” and has 2 concepts under it; take it out and move the concepts elsewhere before making it a concept.',
    );
  });
});

describe('groupProblem', () => {
  it('accepts codes of one level below core', () => {
    expect(groupProblem([code('c1', 1), code('c2', 1)])).toBeNull();
    expect(groupProblem([code('a1', 3)])).toBeNull();
  });

  it('refuses an empty selection, mixed levels and core categories', () => {
    expect(groupProblem([])).toBe('Select at least one code to group.');
    expect(groupProblem([code('c1', 1, null, '', 'Fees'), code('c2', 1), code('b', 2, null, '', 'Cost')])).toBe(
      '“Fees” is a concept but “Cost” is a category; group codes of one level.',
    );
    expect(groupProblem([code('cc1', 4), code('cc2', 4)])).toMatch(/Core categories are the top level/);
  });
});

describe('descendantIds', () => {
  it('collects the whole subtree without the code itself', () => {
    const codes = example();
    expect([...descendantIds(codes, 'cc1')].sort()).toEqual(['a1', 'a2', 'b1', 'b2', 'b3', 'c1', 'c2', 'c3', 'c4']);
    expect(descendantIds(codes, 'c1').size).toBe(0);
  });

  it('stops on parent cycles', () => {
    const codes = [code('x', 2, 'y'), code('y', 2, 'x'), code('z', 1, 'x')];
    expect([...descendantIds(codes, 'x')].sort()).toEqual(['y', 'z']);
  });
});

describe('planMerge', () => {
  const from = code('from', 1, 'b1', 'C1', 'Price worry');
  const into = code('into', 1, 'b1', 'C2', 'Price anxiety');

  it('moves codings, collapses exact duplicates into the kept coding, and keeps other coders', () => {
    const codings = [
      coding('into', 's1', 0, 5, 'u1', 'j1'),
      coding('into', 's1', 30, 40, null, 'j2'),
      coding('from', 's1', 0, 5, 'u1', 'f1'), // duplicate of j1
      coding('from', 's1', 0, 5, 'u2', 'f2'), // same span, another coder: moves
      coding('from', 's1', 10, 20, 'u1', 'f3'),
      coding('from', 's1', 10, 20, 'u1', 'f4'), // duplicate of f3 once moved
      coding('from', 's2', 0, 5, 'u1', 'f5'), // same range, other source: moves
      coding('from', 's1', 30, 40, null, 'f6'), // duplicate of j2 (no coder on either)
      coding('from', 's1', 30, 40, 'u1', 'f7'), // coder vs none: moves
      coding('other', 's1', 50, 60, 'u1', 'o1'),
      coding('into', 's1', 50, 60, 'u1', 'j3'),
      coding('from', 's1', 50, 61, 'u1', 'f8'), // different end: moves
    ];
    const plan = planMerge({ from, into, codes: [from, into], codings });
    expect(plan.moveCodingIds).toEqual(['f2', 'f3', 'f5', 'f7', 'f8']);
    expect(plan.collapse).toEqual([
      { dropId: 'f1', keepId: 'j1' },
      { dropId: 'f4', keepId: 'f3' },
      { dropId: 'f6', keepId: 'j2' },
    ]);
    expect(plan.reparentChildIds).toEqual([]);
  });

  it('reparents the children of the merged code', () => {
    const codes = example();
    const b1 = codes.find((c) => c.id === 'b1')!;
    const b2 = codes.find((c) => c.id === 'b2')!;
    expect(planMerge({ from: b1, into: b2, codes, codings: [] }).reparentChildIds.sort()).toEqual(['c1', 'c2']);
  });

  it('refuses merging a code into itself or into another level', () => {
    expect(() => planMerge({ from, into: from, codes: [from], codings: [] })).toThrow(HierarchyRuleError);
    expect(() => planMerge({ from, into: from, codes: [from], codings: [] })).toThrow('“Price worry” cannot be merged into itself');
    const category = code('b1', 2, null, 'B1', 'Cost');
    expect(() => planMerge({ from, into: category, codes: [from, category], codings: [] })).toThrow(
      '“Price worry” is a concept but “Cost” is a category; only codes of the same level can be merged.',
    );
  });
});

describe('planSplit', () => {
  const c = code('c1', 1, null, 'C1', 'Price anxiety');
  const codings = [coding('c1', 's1', 0, 5, 'u1', 'k-a'), coding('c1', 's1', 6, 9, 'u1', 'k-b'), coding('c2', 's1', 0, 5, 'u1', 'k-x')];

  it('moves the chosen codings once each', () => {
    expect(planSplit({ code: c, codingIds: ['k-b', 'k-a', 'k-b'], codings })).toEqual({ moveCodingIds: ['k-b', 'k-a'] });
  });

  it('refuses codings of other codes, saying how many', () => {
    expect(() => planSplit({ code: c, codingIds: ['k-a', 'k-x', 'missing'], codings })).toThrow(
      '2 of the 3 selected codings do not belong to “Price anxiety”',
    );
    expect(() => planSplit({ code: c, codingIds: ['k-x'], codings })).toThrow('1 of the 1 selected codings does not belong');
  });

  it('refuses an empty selection', () => {
    expect(() => planSplit({ code: c, codingIds: [], codings })).toThrow(HierarchyRuleError);
  });
});

describe('rollUp', () => {
  const codes = [code('cc', 4), code('a', 3, 'cc'), code('b', 2, 'a'), code('c1', 1, 'b'), code('c2', 1, 'b'), code('b2', 2, 'a'), code('c3', 1, 'b2')];

  it('counts a span coded by two concepts of one category once for the category', () => {
    const r = rollUp(codes, [coding('c1', 's1', 0, 10), coding('c2', 's1', 0, 10)]);
    expect(r.get('c1')).toEqual({ segments: 1, sources: 1, directCodings: 1 });
    expect(r.get('c2')).toEqual({ segments: 1, sources: 1, directCodings: 1 });
    expect(r.get('b')).toEqual({ segments: 1, sources: 1, directCodings: 0 });
    expect(r.get('cc')).toEqual({ segments: 1, sources: 1, directCodings: 0 });
  });

  it('counts two coders of one span once, partial overlaps twice, other sources apart', () => {
    const r = rollUp(codes, [
      coding('c1', 's1', 0, 10, 'u1'),
      coding('c1', 's1', 0, 10, 'u2'),
      coding('c2', 's1', 5, 15),
      coding('c3', 's2', 0, 10),
    ]);
    expect(r.get('c1')).toEqual({ segments: 1, sources: 1, directCodings: 2 });
    expect(r.get('b')).toEqual({ segments: 2, sources: 1, directCodings: 0 });
    expect(r.get('a')).toEqual({ segments: 3, sources: 2, directCodings: 0 });
    expect(r.get('b2')).toEqual({ segments: 1, sources: 1, directCodings: 0 });
  });

  it('adds codings applied to a category itself, and gives every code an entry', () => {
    const r = rollUp(codes, [coding('c1', 's1', 0, 10), coding('b', 's1', 0, 10), coding('b', 's1', 20, 30), coding('nope', 's9', 0, 1)]);
    expect(r.get('b')).toEqual({ segments: 2, sources: 1, directCodings: 2 });
    expect(r.get('cc')).toEqual({ segments: 2, sources: 1, directCodings: 0 });
    expect(r.get('c2')).toEqual({ segments: 0, sources: 0, directCodings: 0 });
    expect(r.size).toBe(codes.length);
    expect(r.has('nope')).toBe(false);
  });

  it('ends on parent cycles and wrong-level parents, reading such links as no parent', () => {
    const bad = [code('x', 2, 'y'), code('y', 2, 'x'), code('p', 3, 'q'), code('q', 4, 'p'), code('self', 1, 'self')];
    const r = rollUp(bad, [coding('x', 's1', 0, 1), coding('y', 's1', 2, 3), coding('p', 's1', 4, 5), coding('q', 's1', 6, 7), coding('self', 's1', 0, 1)]);
    expect(r.get('x')).toEqual({ segments: 1, sources: 1, directCodings: 1 });
    expect(r.get('y')).toEqual({ segments: 1, sources: 1, directCodings: 1 });
    // p → q is one level up and counts; q → p reverses levels and does not.
    expect(r.get('q')).toEqual({ segments: 2, sources: 1, directCodings: 1 });
    expect(r.get('p')).toEqual({ segments: 1, sources: 1, directCodings: 1 });
    expect(r.get('self')).toEqual({ segments: 1, sources: 1, directCodings: 1 });
  });

  it('agrees with a plain set-per-code count on random data with shared spans and bad parents', () => {
    // Deterministic pseudo-random numbers (LCG, Numerical Recipes constants).
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed % n;
    };
    const codes: HierarchyCode[] = [];
    for (let i = 0; i < 120; i++) {
      const level = (1 + rand(4)) as CodeLevel;
      // Mostly valid parents, some wrong-level, unknown or self links.
      const parent = rand(5) === 0 ? (rand(2) ? 'ghost' : `x${i}`) : `x${rand(Math.max(1, i))}`;
      codes.push(code(`x${i}`, level, i === 0 ? null : parent));
    }
    const codings: HierarchyCoding[] = [];
    for (let i = 0; i < 3000; i++) {
      const start = rand(40);
      codings.push(coding(`x${rand(125)}`, `s${rand(6)}`, start, start + 1 + rand(3), `u${rand(3)}`));
    }
    const byId = new Map(codes.map((c) => [c.id, c]));
    const parentOf = (c: HierarchyCode) => {
      const p = c.parentId === null ? undefined : byId.get(c.parentId);
      return p && p.id !== c.id && p.level === c.level + 1 ? p : undefined;
    };
    const segs = new Map(codes.map((c) => [c.id, new Set<string>()]));
    const srcs = new Map(codes.map((c) => [c.id, new Set<string>()]));
    for (const k of codings) {
      for (let c = byId.get(k.codeId); c; c = parentOf(c)) {
        segs.get(c.id)!.add(`${k.sourceId}|${k.start}|${k.end}`);
        srcs.get(c.id)!.add(k.sourceId);
      }
    }
    const r = rollUp(codes, codings);
    for (const c of codes) {
      const direct = codings.filter((k) => k.codeId === c.id).length;
      expect(r.get(c.id), c.id).toEqual({ segments: segs.get(c.id)!.size, sources: srcs.get(c.id)!.size, directCodings: direct });
    }
    // The data must exercise roll-ups: some code gathers more segments than it has codings itself.
    expect(codes.some((c) => r.get(c.id)!.segments > r.get(c.id)!.directCodings)).toBe(true);
  });

  // Speed: `npm run bench -- hierarchy`. Here: the result at that size.
  it('rolls up 5,000 codes and 100,000 codings', () => {
    const big: HierarchyCode[] = [];
    for (let i = 0; i < 50; i++) big.push(code(`cc${i}`, 4));
    for (let i = 0; i < 250; i++) big.push(code(`a${i}`, 3, `cc${i % 50}`));
    for (let i = 0; i < 1000; i++) big.push(code(`b${i}`, 2, `a${i % 250}`));
    for (let i = 0; i < 3700; i++) big.push(code(`c${i}`, 1, `b${i % 1000}`));
    const rows: HierarchyCoding[] = [];
    for (let i = 0; i < 100_000; i++) rows.push(coding(`c${(i * 7) % 3700}`, `s${i % 200}`, (i * 13) % 5000, ((i * 13) % 5000) + 40, `u${i % 3}`, `r${i}`));
    const r = rollUp(big, rows);
    expect(r.size).toBe(5000);
    // Each coding is counted once, on its own code.
    let direct = 0;
    for (const v of r.values()) direct += v.directCodings;
    expect(direct).toBe(100_000);
  });
});

describe('summarize', () => {
  it('uses singular forms for 1', () => {
    const codes = [code('cc', 4), code('a', 3, 'cc'), code('b', 2, 'a'), code('c', 1, 'b')];
    const s = summarize(codes, [coding('c', 's1', 0, 4, 'u1'), coding('c', 's1', 0, 4, 'u2'), coding('b', 's1', 0, 4)]);
    expect(s.segments).toBe(1);
    expect(s.counts).toEqual({ 1: 1, 2: 1, 3: 1, 4: 1 });
    expect(s.line).toBe('1 coded segment · 1 concept · 1 category · 1 main category · 1 core category');
  });

  it('uses plurals, zero counts and en-US thousands separators', () => {
    const codes = [code('c1', 1), code('c2', 1)];
    const codings: HierarchyCoding[] = [];
    for (let i = 0; i < 1234; i++) codings.push(coding(i % 2 ? 'c1' : 'c2', 's1', i, i + 1));
    codings.push(coding('c1', 's1', 0, 1)); // same span as the first: not a new segment
    codings.push(coding('gone', 's1', 5000, 5001)); // unknown code: ignored
    expect(summarize(codes, codings).line).toBe('1,234 coded segments · 2 concepts · 0 categories · 0 main categories · 0 core categories');
  });
});

describe('buildHierarchyTable', () => {
  /** Rows as [core, coreSpan, main, mainSpan, category, concepts] by label. */
  const shape = (codes: HierarchyCode[], codings: HierarchyCoding[] = []) =>
    buildHierarchyTable(codes, codings).rows.map((r) => [
      r.core?.label ?? null,
      r.coreSpan,
      r.main?.label ?? null,
      r.mainSpan,
      r.category?.label ?? null,
      r.concepts.map((c) => c.label),
    ]);

  it('lays out the published table: one row per category, spans, unplaced codes after', () => {
    expect(shape(example())).toEqual([
      ['CC1', 3, 'A1', 2, 'B1', ['C1', 'C2']],
      ['CC1', 0, 'A1', 0, 'B2', ['C3']],
      ['CC1', 0, 'A2', 1, 'B3', ['C4']],
      ['CC2', 2, 'A3', 2, 'B4', ['C5']],
      ['CC2', 0, 'A3', 0, 'B5', ['C6']],
      [null, 1, null, 1, 'B6', ['C7']],
      [null, 1, 'A4', 1, 'B7', []],
      [null, 1, null, 1, null, ['C8']],
    ]);
  });

  it('gives a main category without categories and a core without mains a row of their own', () => {
    const codes = [code('cc1', 4, null, 'CC1'), code('cc2', 4, null, 'CC2'), code('a1', 3, 'cc1', 'A1'), code('a2', 3, 'cc1', 'A2'), code('b1', 2, 'a2', 'B1')];
    expect(shape(codes)).toEqual([
      ['CC1', 2, 'A1', 1, null, []],
      ['CC1', 0, 'A2', 1, 'B1', []],
      ['CC2', 1, null, 1, null, []],
    ]);
  });

  it('orders by label number and leaves out the unplaced-concepts row when there are none', () => {
    const codes = [code('b10', 2, null, 'B10'), code('b2', 2, null, 'B2'), code('c1', 1, 'b10', 'C1')];
    expect(shape(codes)).toEqual([
      [null, 1, null, 1, 'B2', []],
      [null, 1, null, 1, 'B10', ['C1']],
    ]);
  });

  it('carries rolled-up counts in the cells and the summary', () => {
    const codings = [coding('c1', 's1', 0, 10), coding('c2', 's1', 0, 10), coding('c4', 's2', 3, 8), coding('c8', 's3', 0, 1)];
    const table = buildHierarchyTable(example(), codings);
    const [first, , third] = table.rows;
    expect(first.core).toEqual({ id: 'cc1', label: 'CC1', name: 'Risk', level: 4, segments: 2, sources: 2 });
    expect(first.category).toMatchObject({ id: 'b1', segments: 1, sources: 1 });
    expect(first.concepts.map((c) => c.segments)).toEqual([1, 1]);
    expect(third.main).toMatchObject({ id: 'a2', segments: 1, sources: 1 });
    expect(table.summary.segments).toBe(3);
    expect(table.summary.line).toBe('3 coded segments · 8 concepts · 7 categories · 4 main categories · 2 core categories');
  });
});

describe('buildHierarchyTree', () => {
  /** The tree as nested [id, children] for comparing structure. */
  const outline = (n: HierarchyTreeNode): unknown => (n.children.length ? [n.id, n.children.map(outline)] : n.id);

  it('nests core → main → category → concept with unplaced codes under the root', () => {
    const tree = buildHierarchyTree(example(), [], 'Shopping study');
    expect(tree).toMatchObject({ id: 'root', name: 'Shopping study', level: 0, ownSize: 0 });
    expect(outline(tree)).toEqual([
      'root',
      [
        ['cc1', [['a1', [['b1', ['c1', 'c2']], ['b2', ['c3']]]], ['a2', [['b3', ['c4']]]]]],
        ['cc2', [['a3', [['b4', ['c5']], ['b5', ['c6']]]]]],
        ['a4', ['b7']],
        ['b6', ['c7']],
        'c8',
      ],
    ]);
  });

  it('sizes nodes by their own codings and labels them with rolled-up counts', () => {
    const codings = [coding('c1', 's1', 0, 10, 'u1'), coding('c1', 's1', 0, 10, 'u2'), coding('b1', 's2', 0, 10), coding('c8', 's1', 0, 10)];
    const tree = buildHierarchyTree(example(), codings, 'Study');
    const find = (n: HierarchyTreeNode, id: string): HierarchyTreeNode | undefined =>
      n.id === id ? n : n.children.map((c) => find(c, id)).find(Boolean);
    expect(find(tree, 'c1')).toMatchObject({ ownSize: 2, segments: 1, sources: 1, level: 1, label: 'C1', color: '#2e86ab' });
    expect(find(tree, 'b1')).toMatchObject({ ownSize: 1, segments: 2, sources: 2 });
    expect(find(tree, 'cc1')).toMatchObject({ ownSize: 0, segments: 2, sources: 2 });
    expect(find(tree, 'c8')).toMatchObject({ ownSize: 1, segments: 1 });
    // Project totals: (s1,0,10) is one segment whichever code or coder; plus (s2,0,10).
    expect(tree).toMatchObject({ segments: 2, sources: 2 });
  });
});

describe('indexHierarchy', () => {
  it('reads a parent only when it is exactly one level up; children and roots come in label order', () => {
    const codes = [
      code('b1', 2, null, 'B1'),
      code('c2', 1, 'b1', 'C2'),
      code('c1', 1, 'b1', 'C1'),
      code('c3', 1, 'a1', 'C3'), // a main category is two levels up: not a parent
      code('c4', 1, 'missing', 'C4'),
      code('a1', 3, null, 'A1'),
    ];
    const index = indexHierarchy(codes);
    expect(index.childrenOf.get('b1')!.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(index.roots[1].map((c) => c.id)).toEqual(['c3', 'c4']);
    expect(index.parentOf.get('c3')).toBeNull();
    expect(index.parentOf.get('c2')).toBe('b1');
    expect(index.childrenOf.has('a1')).toBe(false);
  });
});

describe('rollUpAndSummarize', () => {
  it('gives the same roll-ups and summary as the two functions apart', () => {
    const codes = [code('b1', 2, null, 'B1'), code('c1', 1, 'b1', 'C1'), code('c2', 1, 'b1', 'C2')];
    const codings: HierarchyCoding[] = [
      { id: 'k1', codeId: 'c1', sourceId: 's1', start: 0, end: 5, coderId: 'u' },
      { id: 'k2', codeId: 'c2', sourceId: 's1', start: 0, end: 5, coderId: 'u' },
      { id: 'k3', codeId: 'c2', sourceId: 's2', start: 3, end: 9, coderId: 'u' },
    ];
    const both = rollUpAndSummarize(codes, codings);
    expect(both.rollUps).toEqual(rollUp(codes, codings));
    expect(both.summary).toEqual(summarize(codes, codings));
    expect(both.rollUps.get('b1')).toEqual({ segments: 2, sources: 2, directCodings: 0 });
  });
});

/**
 * What the data layer's SQL returns for rollUpFromStats, computed the plain way: per code its
 * rows, distinct segments and distinct sources; and the codings of segments two or more codes
 * code, with the code of every coding row on them (repeats included, as the SQL returns them).
 */
function statsOf(codings: readonly HierarchyCoding[]): { stats: CodeCodingStats[]; shared: SharedSegment[] } {
  const perCode = new Map<string, { codings: number; segments: Set<string>; sources: Set<string> }>();
  const codesOnSegment = new Map<string, Set<string>>();
  const rowsOnSegment = new Map<string, string[]>();
  for (const k of codings) {
    const key = `${k.sourceId}|${k.start}|${k.end}`;
    const c = perCode.get(k.codeId) ?? { codings: 0, segments: new Set<string>(), sources: new Set<string>() };
    c.codings += 1;
    c.segments.add(key);
    c.sources.add(k.sourceId);
    perCode.set(k.codeId, c);
    codesOnSegment.set(key, (codesOnSegment.get(key) ?? new Set<string>()).add(k.codeId));
    rowsOnSegment.set(key, [...(rowsOnSegment.get(key) ?? []), k.codeId]);
  }
  const stats = [...perCode].map(([codeId, c]) => ({ codeId, codings: c.codings, segments: c.segments.size, sourceIds: [...c.sources] }));
  const shared = [...rowsOnSegment].filter(([key]) => codesOnSegment.get(key)!.size > 1).map(([, codeIds]) => ({ codeIds }));
  return { stats, shared };
}

describe('rollUpFromStats', () => {
  it('counts a span two concepts of a category code once, and ignores unknown codes', () => {
    const codes = [code('cc', 4), code('a', 3, 'cc'), code('b', 2, 'a'), code('c1', 1, 'b'), code('c2', 1, 'b'), code('c3', 1)];
    const codings = [
      coding('c1', 's1', 0, 10),
      coding('c2', 's1', 0, 10, 'u2'),
      coding('c2', 's1', 0, 10, 'u3'),
      coding('b', 's2', 5, 9),
      coding('c3', 's1', 0, 10),
      coding('nope', 's9', 0, 10),
      coding('nope', 's1', 0, 10),
    ];
    const { stats, shared } = statsOf(codings);
    const r = rollUpFromStats(codes, stats, shared);
    expect(r.byCode.get('b')).toEqual({ segments: 2, sources: 2, directCodings: 1 });
    expect(r.byCode.get('cc')).toEqual({ segments: 2, sources: 2, directCodings: 0 });
    expect(r.byCode.get('c2')).toEqual({ segments: 1, sources: 1, directCodings: 2 });
    expect(r.byCode.has('nope')).toBe(false);
    // s1 [0,10) and s2 [5,9): the unknown code's s9 segment is not counted.
    expect(r.total).toEqual({ segments: 2, sources: 2 });
  });

  it('equals rollUp on random data with shared spans, bad parents and unknown codes, and so do the table, tree and summary', () => {
    let seed = 777;
    const rand = (n: number) => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed % n;
    };
    for (let round = 0; round < 5; round++) {
      const codes: HierarchyCode[] = [];
      for (let i = 0; i < 80; i++) {
        const level = (1 + rand(4)) as CodeLevel;
        const parent = rand(6) === 0 ? (rand(2) ? 'ghost' : `x${i}`) : `x${rand(Math.max(1, i))}`;
        codes.push(code(`x${i}`, level, i === 0 ? null : parent, `L${i}`));
      }
      const codings: HierarchyCoding[] = [];
      for (let i = 0; i < 2000; i++) {
        const start = rand(30);
        codings.push(coding(`x${rand(84)}`, `s${rand(5)}`, start, start + 1 + rand(3), `u${rand(3)}`));
      }
      const { stats, shared } = statsOf(codings);
      expect(shared.length).toBeGreaterThan(0);
      const fromStats = rollUpFromStats(codes, stats, shared);
      expect(fromStats.byCode).toEqual(rollUp(codes, codings));
      expect(summarizeRollUps(codes, fromStats)).toEqual(summarize(codes, codings));
      expect(summarizeSegments(codes, fromStats.total.segments)).toEqual(summarize(codes, codings));
      expect(hierarchyTableFromRollUps(codes, fromStats)).toEqual(buildHierarchyTable(codes, codings));
      expect(hierarchyTreeFromRollUps(codes, fromStats, 'P')).toEqual(buildHierarchyTree(codes, codings, 'P'));
    }
  });

  it('gives zeros for a project without codings', () => {
    const codes = [code('b', 2), code('c', 1, 'b')];
    const r = rollUpFromStats(codes, [], []);
    expect(r.byCode.get('b')).toEqual({ segments: 0, sources: 0, directCodings: 0 });
    expect(r.total).toEqual({ segments: 0, sources: 0 });
  });
});

describe('rollUpOne', () => {
  it("equals rollUp's entry for every code, given the codings of its subtree by raw parent links", () => {
    let seed = 4242;
    const rand = (n: number) => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed % n;
    };
    const codes: HierarchyCode[] = [];
    for (let i = 0; i < 60; i++) {
      const level = (1 + rand(4)) as CodeLevel;
      const parent = rand(6) === 0 ? (rand(2) ? 'ghost' : `x${i}`) : `x${rand(Math.max(1, i))}`;
      codes.push(code(`x${i}`, level, i === 0 ? null : parent));
    }
    const codings: HierarchyCoding[] = [];
    for (let i = 0; i < 1500; i++) {
      const start = rand(30);
      codings.push(coding(`x${rand(62)}`, `s${rand(5)}`, start, start + 1 + rand(3), `u${rand(3)}`));
    }
    const all = rollUp(codes, codings);
    for (const c of codes) {
      const raw = new Set([c.id, ...descendantIds(codes, c.id)]);
      expect(rollUpOne(codes, c.id, codings.filter((k) => raw.has(k.codeId))), c.id).toEqual(all.get(c.id));
    }
    expect(rollUpOne(codes, 'ghost', codings)).toEqual({ segments: 0, sources: 0, directCodings: 0 });
  });
});
