import type { CodeLevel } from './hierarchy-types';
import { relationLabel, type RelationType } from './relations';

/**
 * The project's code network (axial coding drawn as a graph): categories, main categories and
 * core categories as nodes, their typed relations as directed links, and optionally the
 * hierarchy (child → parent) as undirected links. Pure data for components/hierarchy/code-network.
 */

/** A code as the network needs it; networkX/networkY are its saved position (null: never placed). */
export interface NetworkCodeInput {
  id: string;
  label: string;
  name: string;
  level: CodeLevel;
  color: string;
  parentId: string | null;
  networkX: number | null;
  networkY: number | null;
}

/** A relation as the network needs it (see lib/coding/relations.ts). */
export interface NetworkRelationInput {
  id: string;
  fromId: string;
  toId: string;
  type: RelationType;
  customType: string;
}

export interface NetworkNode {
  id: string;
  label: string;
  name: string;
  level: CodeLevel;
  color: string;
  /** Rolled-up distinct segments: sets the node's size. */
  segments: number;
  /** Saved position, or null when the layout has to place the node. */
  x: number | null;
  y: number | null;
}

export interface NetworkLink {
  /** The relation's id, or `hierarchy:<childId>` for a hierarchy link. */
  id: string;
  source: string;
  target: string;
  kind: 'relation' | 'hierarchy';
  /** What a relation says (relationLabel); '' for hierarchy links. */
  label: string;
}

/** Options of {@link buildNetwork}. */
export interface BuildNetworkOptions {
  codes: readonly NetworkCodeInput[];
  relations: readonly NetworkRelationInput[];
  /** Rolled-up distinct segments per code id (missing: 0). */
  segments: ReadonlyMap<string, number>;
  /** Also show concepts (level 1); relations never join them, so they link only through the hierarchy. */
  includeConcepts: boolean;
  /** Draw child → parent links between shown codes. */
  includeHierarchy: boolean;
}

/** Saved coordinates beyond this (in either direction) are treated as this: a stray value must not fling a node out of sight. */
export const POSITION_LIMIT = 10_000;

/** Smallest and largest node radius in px. */
export const MIN_NODE_RADIUS = 10;
export const MAX_NODE_RADIUS = 36;

/**
 * The nodes and links of the code network.
 *
 * Nodes keep the order of `codes`. Relation links whose ends are not both shown (a concept
 * when concepts are hidden, a deleted code) and self-loops are dropped, as are hierarchy
 * links unless both child and parent are shown.
 *
 * @param options codes, relations, segment counts and what to include
 * @returns nodes and links; links name nodes by id
 * @example
 * buildNetwork({ codes, relations, segments: new Map([['b1', 12]]), includeConcepts: false, includeHierarchy: true });
 */
export function buildNetwork(options: BuildNetworkOptions): { nodes: NetworkNode[]; links: NetworkLink[] } {
  const { codes, relations, segments, includeConcepts, includeHierarchy } = options;
  const shown = codes.filter((c) => c.level >= 2 || (includeConcepts && c.level === 1));
  const ids = new Set(shown.map((c) => c.id));

  const nodes: NetworkNode[] = shown.map((c) => {
    const position = clampPosition({ x: c.networkX, y: c.networkY });
    return {
      id: c.id,
      label: c.label,
      name: c.name,
      level: c.level,
      color: c.color,
      segments: segments.get(c.id) ?? 0,
      x: position?.x ?? null,
      y: position?.y ?? null,
    };
  });

  const links: NetworkLink[] = [];
  if (includeHierarchy) {
    for (const c of shown) {
      if (c.parentId !== null && c.parentId !== c.id && ids.has(c.parentId)) {
        links.push({ id: `hierarchy:${c.id}`, source: c.id, target: c.parentId, kind: 'hierarchy', label: '' });
      }
    }
  }
  for (const r of relations) {
    if (r.fromId === r.toId || !ids.has(r.fromId) || !ids.has(r.toId)) continue;
    links.push({ id: r.id, source: r.fromId, target: r.toId, kind: 'relation', label: relationLabel(r) });
  }
  return { nodes, links };
}

/**
 * A node's radius in px: the area grows with the number of segments (square-root scale),
 * from {@link MIN_NODE_RADIUS} for none to {@link MAX_NODE_RADIUS} from 169 segments on.
 *
 * @param segments rolled-up distinct segments; negative or non-finite counts as 0
 */
export function nodeRadius(segments: number): number {
  const s = Number.isFinite(segments) && segments > 0 ? segments : 0;
  return Math.min(MAX_NODE_RADIUS, MIN_NODE_RADIUS + 2 * Math.sqrt(s));
}

/**
 * A saved position made safe to lay out: null unless both coordinates are finite numbers,
 * each clamped to ±limit.
 *
 * @param position saved coordinates (null when never saved)
 * @param limit largest absolute coordinate, default {@link POSITION_LIMIT}
 */
export function clampPosition(
  position: { x: number | null | undefined; y: number | null | undefined },
  limit: number = POSITION_LIMIT,
): { x: number; y: number } | null {
  const { x, y } = position;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  const clamp = (v: number) => Math.max(-limit, Math.min(limit, v));
  return { x: clamp(x), y: clamp(y) };
}

/**
 * How far to bend each link so that several links between the same two nodes (two relation
 * types, A → B and B → A, a relation beside a hierarchy link) do not draw over each other.
 *
 * Links between one pair get offsets −(n−1)/2 … (n−1)/2 in steps of 1 (a lone link: 0), the
 * hierarchy link first. The sign is relative to the link's own direction, so a consumer bends
 * each link towards the left of source → target by offset × spacing and links of one pair
 * never coincide, whichever way they point.
 *
 * @param links the network's links
 * @returns offset per link id
 */
export function parallelLinkOffsets(links: readonly NetworkLink[]): Map<string, number> {
  const groups = new Map<string, NetworkLink[]>();
  for (const link of links) {
    const key = link.source < link.target ? `${link.source}\u0000${link.target}` : `${link.target}\u0000${link.source}`;
    const group = groups.get(key);
    if (group) group.push(link);
    else groups.set(key, [link]);
  }
  const offsets = new Map<string, number>();
  for (const group of groups.values()) {
    const ordered = [...group].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'hierarchy' ? -1 : 1));
    const mid = (ordered.length - 1) / 2;
    ordered.forEach((link, i) => {
      const offset = i - mid;
      // Offsets are assigned along the pair's canonical direction (smaller id first); a link
      // pointing the other way has its left on the other side, so its sign flips.
      const canonical = link.source < link.target;
      offsets.set(link.id, offset === 0 ? 0 : canonical ? offset : -offset);
    });
  }
  return offsets;
}

/**
 * Where the layout starts each node: a saved position is kept (and the node pinned there);
 * a node without one starts beside the placed nodes it links to, else beside the centre of
 * all placed nodes, on a small spiral so that nodes never start on top of each other. With no
 * placed node at all it returns null for the unplaced ones (the force layout's own start).
 *
 * @param nodes the network's nodes (x/y: saved position or null)
 * @param links the network's links
 * @param spacing distance between spiral steps in px
 */
export function startPositions(
  nodes: readonly NetworkNode[],
  links: readonly NetworkLink[],
  spacing = 30,
): Map<string, { x: number; y: number; pinned: boolean } | null> {
  const placed = new Map<string, { x: number; y: number }>();
  for (const n of nodes) if (n.x !== null && n.y !== null) placed.set(n.id, { x: n.x, y: n.y });

  const result = new Map<string, { x: number; y: number; pinned: boolean } | null>();
  if (placed.size === 0) {
    for (const n of nodes) result.set(n.id, null);
    return result;
  }
  const centre = mean([...placed.values()]);
  const neighbours = new Map<string, string[]>();
  for (const l of links) {
    (neighbours.get(l.source) ?? neighbours.set(l.source, []).get(l.source)!).push(l.target);
    (neighbours.get(l.target) ?? neighbours.set(l.target, []).get(l.target)!).push(l.source);
  }
  let step = 0;
  for (const n of nodes) {
    const saved = placed.get(n.id);
    if (saved) {
      result.set(n.id, { ...saved, pinned: true });
      continue;
    }
    const anchors = (neighbours.get(n.id) ?? []).map((id) => placed.get(id)).filter((p) => p !== undefined);
    const base = anchors.length > 0 ? mean(anchors) : centre;
    // Phyllotaxis spiral (golden angle), as d3-force itself seeds nodes.
    step += 1;
    const r = spacing * Math.sqrt(step + 0.5);
    const a = step * Math.PI * (3 - Math.sqrt(5));
    result.set(n.id, { x: base.x + r * Math.cos(a), y: base.y + r * Math.sin(a), pinned: false });
  }
  return result;
}

function mean(points: ReadonlyArray<{ x: number; y: number }>): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: x / points.length, y: y / points.length };
}
