import { describe, expect, it } from 'vitest';

import {
  MAX_NODE_RADIUS,
  MIN_NODE_RADIUS,
  POSITION_LIMIT,
  buildNetwork,
  clampPosition,
  nodeRadius,
  parallelLinkOffsets,
  startPositions,
  type NetworkCodeInput,
  type NetworkLink,
  type NetworkNode,
  type NetworkRelationInput,
} from './network';

const code = (id: string, level: 1 | 2 | 3 | 4, parentId: string | null = null, pos: [number | null, number | null] = [null, null]): NetworkCodeInput => ({
  id,
  label: id.toUpperCase(),
  name: `name of ${id}`,
  level,
  color: '#2e86ab',
  parentId,
  networkX: pos[0],
  networkY: pos[1],
});

// cc1 ← a1 ← b1 ← c1, c2; b2 (no parent); c3 (no parent)
const CODES = [
  code('cc1', 4, null, [10, 20]),
  code('a1', 3, 'cc1'),
  code('b1', 2, 'a1'),
  code('b2', 2),
  code('c1', 1, 'b1'),
  code('c2', 1, 'b1'),
  code('c3', 1),
];
const RELATIONS: NetworkRelationInput[] = [
  { id: 'r1', fromId: 'b1', toId: 'b2', type: 'causal-condition', customType: '' },
  { id: 'r2', fromId: 'b2', toId: 'a1', type: 'custom', customType: '  shapes ' },
  { id: 'r3', fromId: 'b1', toId: 'gone', type: 'context', customType: '' },
  { id: 'r4', fromId: 'c1', toId: 'b2', type: 'strategy', customType: '' },
  { id: 'r5', fromId: 'a1', toId: 'a1', type: 'context', customType: '' },
];
const SEGMENTS = new Map([
  ['b1', 7],
  ['cc1', 40],
]);

const build = (includeConcepts: boolean, includeHierarchy: boolean) =>
  buildNetwork({ codes: CODES, relations: RELATIONS, segments: SEGMENTS, includeConcepts, includeHierarchy });

describe('buildNetwork', () => {
  it('shows categories and above, with segment counts and saved positions', () => {
    const { nodes } = build(false, false);
    expect(nodes.map((n) => n.id)).toEqual(['cc1', 'a1', 'b1', 'b2']);
    expect(nodes[0]).toEqual({ id: 'cc1', label: 'CC1', name: 'name of cc1', level: 4, color: '#2e86ab', segments: 40, x: 10, y: 20 });
    expect(nodes.find((n) => n.id === 'b2')).toMatchObject({ segments: 0, x: null, y: null });
  });

  it('labels relation links and drops links to codes not shown, missing codes and self-loops', () => {
    const { links } = build(false, false);
    expect(links).toEqual([
      { id: 'r1', source: 'b1', target: 'b2', kind: 'relation', label: 'causal condition of' },
      { id: 'r2', source: 'b2', target: 'a1', kind: 'relation', label: 'shapes' },
    ]);
  });

  it('adds concepts on request, and links reaching them', () => {
    const { nodes, links } = build(true, false);
    expect(nodes.map((n) => n.id)).toEqual(['cc1', 'a1', 'b1', 'b2', 'c1', 'c2', 'c3']);
    expect(links.map((l) => l.id)).toEqual(['r1', 'r2', 'r4']);
  });

  it('draws hierarchy links child → parent only between shown codes', () => {
    const without = build(false, true).links.filter((l) => l.kind === 'hierarchy');
    expect(without).toEqual([
      { id: 'hierarchy:a1', source: 'a1', target: 'cc1', kind: 'hierarchy', label: '' },
      { id: 'hierarchy:b1', source: 'b1', target: 'a1', kind: 'hierarchy', label: '' },
    ]);
    const withConcepts = build(true, true).links.filter((l) => l.kind === 'hierarchy');
    expect(withConcepts.map((l) => `${l.source}>${l.target}`)).toEqual(['a1>cc1', 'b1>a1', 'c1>b1', 'c2>b1']);
  });

  it('drops a hierarchy link whose parent is missing', () => {
    const { links } = buildNetwork({
      codes: [code('b9', 2, 'deleted')],
      relations: [],
      segments: new Map(),
      includeConcepts: true,
      includeHierarchy: true,
    });
    expect(links).toEqual([]);
  });

  it('returns nothing for an empty project', () => {
    expect(buildNetwork({ codes: [], relations: [], segments: new Map(), includeConcepts: true, includeHierarchy: true })).toEqual({ nodes: [], links: [] });
  });

  it('clamps saved positions and ignores half-saved ones', () => {
    const { nodes } = buildNetwork({
      codes: [code('b1', 2, null, [1e9, -1e9]), code('b2', 2, null, [5, null]), code('b3', 2, null, [Number.NaN, 3])],
      relations: [],
      segments: new Map(),
      includeConcepts: false,
      includeHierarchy: false,
    });
    expect(nodes.map((n) => [n.x, n.y])).toEqual([
      [POSITION_LIMIT, -POSITION_LIMIT],
      [null, null],
      [null, null],
    ]);
  });
});

describe('nodeRadius', () => {
  it('starts at the minimum, grows with the square root and stops at the maximum', () => {
    expect(nodeRadius(0)).toBe(MIN_NODE_RADIUS);
    expect(nodeRadius(16) - MIN_NODE_RADIUS).toBeCloseTo(2 * (nodeRadius(4) - MIN_NODE_RADIUS), 12);
    expect(nodeRadius(1e6)).toBe(MAX_NODE_RADIUS);
    expect(nodeRadius(5)).toBeGreaterThan(nodeRadius(4));
  });

  it('treats negative and non-finite counts as none', () => {
    expect(nodeRadius(-3)).toBe(MIN_NODE_RADIUS);
    expect(nodeRadius(Number.NaN)).toBe(MIN_NODE_RADIUS);
    expect(nodeRadius(Number.POSITIVE_INFINITY)).toBe(MIN_NODE_RADIUS);
  });
});

describe('clampPosition', () => {
  it('keeps positions inside the limit', () => {
    expect(clampPosition({ x: -12.5, y: 300 })).toEqual({ x: -12.5, y: 300 });
    expect(clampPosition({ x: 0, y: 0 })).toEqual({ x: 0, y: 0 });
  });

  it('clamps each coordinate', () => {
    expect(clampPosition({ x: 150, y: -150 }, 100)).toEqual({ x: 100, y: -100 });
  });

  it('returns null unless both coordinates are finite numbers', () => {
    expect(clampPosition({ x: null, y: 1 })).toBeNull();
    expect(clampPosition({ x: 1, y: undefined })).toBeNull();
    expect(clampPosition({ x: Number.POSITIVE_INFINITY, y: 1 })).toBeNull();
    expect(clampPosition({ x: 1, y: Number.NaN })).toBeNull();
  });
});

const link = (id: string, source: string, target: string, kind: NetworkLink['kind'] = 'relation'): NetworkLink => ({ id, source, target, kind, label: '' });

describe('parallelLinkOffsets', () => {
  it('leaves a lone link straight', () => {
    expect(parallelLinkOffsets([link('r1', 'a', 'b'), link('r2', 'b', 'c')])).toEqual(
      new Map([
        ['r1', 0],
        ['r2', 0],
      ]),
    );
  });

  it('spreads links of one pair symmetrically, the hierarchy link first', () => {
    const offsets = parallelLinkOffsets([link('r1', 'a', 'b'), link('r2', 'a', 'b'), link('h', 'a', 'b', 'hierarchy')]);
    expect(offsets.get('h')).toBe(-1);
    expect(offsets.get('r1')).toBe(0);
    expect(offsets.get('r2')).toBe(1);
  });

  it('flips the sign for a link pointing the other way, so A → B and B → A bend apart', () => {
    const offsets = parallelLinkOffsets([link('ab', 'a', 'b'), link('ba', 'b', 'a')]);
    // Both bend to the left of their own direction: opposite sides of the segment a–b.
    expect(offsets.get('ab')).toBe(-0.5);
    expect(offsets.get('ba')).toBe(-0.5);
  });
});

const node = (id: string, x: number | null = null, y: number | null = null): NetworkNode => ({
  id,
  label: id,
  name: id,
  level: 2,
  color: '#000000',
  segments: 0,
  x,
  y,
});

describe('startPositions', () => {
  it('leaves the start to the layout when nothing was placed', () => {
    const starts = startPositions([node('a'), node('b')], []);
    expect([...starts.values()]).toEqual([null, null]);
  });

  it('pins saved positions and starts new nodes near their placed neighbours', () => {
    const starts = startPositions([node('a', 1000, 1000), node('b', -1000, -1000), node('n')], [link('r', 'n', 'a')], 10);
    expect(starts.get('a')).toEqual({ x: 1000, y: 1000, pinned: true });
    const n = starts.get('n')!;
    expect(n.pinned).toBe(false);
    expect(Math.hypot(n.x - 1000, n.y - 1000)).toBeLessThan(50);
  });

  it('starts unlinked new nodes near the centre of placed nodes, apart from each other', () => {
    const starts = startPositions([node('a', 100, 0), node('b', -100, 0), node('n1'), node('n2')], [], 10);
    const n1 = starts.get('n1')!;
    const n2 = starts.get('n2')!;
    expect(Math.hypot(n1.x, n1.y)).toBeLessThan(50);
    expect(Math.hypot(n2.x, n2.y)).toBeLessThan(50);
    expect(Math.hypot(n1.x - n2.x, n1.y - n2.y)).toBeGreaterThan(5);
  });
});
