'use client';

import * as d3 from 'd3';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';

import { LEVEL_NAME, LEVEL_PLURAL, type CodeLevel } from '@/lib/coding/hierarchy-types';
import {
  buildNetwork,
  nodeRadius,
  parallelLinkOffsets,
  startPositions,
  type NetworkCodeInput,
  type NetworkLink,
  type NetworkNode,
  type NetworkRelationInput,
} from '@/lib/coding/network';

import { downloadPng, downloadSvg, fileStem } from './export-image';
import { textWidth, useContainerWidth, wrapText } from './hierarchy-icicle';
import styles from './hierarchy-views.module.css';

/** A node position as saved (simulation coordinates, px, rounded). */
export interface NodePosition {
  id: string;
  x: number;
  y: number;
}

/** Props of {@link CodeNetwork}. */
export interface CodeNetworkProps {
  projectId: string;
  codes: NetworkCodeInput[];
  relations: NetworkRelationInput[];
  /** Rolled-up distinct segments per code id. */
  segments: Record<string, number>;
  /** Whether dragged positions and "Reset layout" are saved. Viewers can still rearrange locally. */
  canEdit: boolean;
  /** Stores positions (a server action); reject with an Error whose message the user may read. */
  onSavePositions: (positions: NodePosition[]) => Promise<void>;
  /** Stem of exported file names, e.g. the project's title (default "codes"): "<stem>-network.svg". */
  exportName?: string;
}

/** A network node inside the force simulation. `pinned`: stays where it is (fx/fy set). */
interface SimNode extends d3.SimulationNodeDatum {
  node: NetworkNode;
  r: number;
  /** The label under the circle, as drawn (wrapped onto lines), and its estimated width in px. */
  label: string[];
  labelWidth: number;
  pinned: boolean;
}
interface SimLink extends d3.SimulationLinkDatum<SimNode> {
  source: SimNode;
  target: SimNode;
  link: NetworkLink;
  /** Bend of the curve in px, towards the left of source → target (parallel links). */
  bend: number;
}
interface LivePosition {
  x: number;
  y: number;
  pinned: boolean;
}
type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

const HEIGHT = 620;
const SAVE_DELAY_MS = 400;
const LAYOUT_TICKS = 300;
const PARALLEL_SPACING = 26;
/** Stroke width of a node's outline per level: the core category stands out. */
const LEVEL_STROKE: Record<CodeLevel, number> = { 1: 1, 2: 1.5, 3: 2.5, 4: 4 };
const NODE_STROKE = '#1f2328';
const KEY_STEP = 10;
const LABEL_FONT_SIZE = 12;
const LABEL_MAX_WIDTH = 160;
/** Long names wrap onto this many lines under the circle (the tooltip has the full name). */
const LABEL_MAX_LINES = 3;
const LABEL_LINE_HEIGHT = 14;
/** Pointer travel (px) below which a press on a node is a click, not a drag. */
const CLICK_DISTANCE = 4;

/**
 * The project's code network: categories (optionally concepts), their axial-coding relations
 * as labelled arrows and the hierarchy as dashed links, laid out by a force simulation. Nodes
 * can be dragged (or moved with the arrow keys); positions are saved through
 * `onSavePositions` when `canEdit`. Zoom and pan with the wheel and by dragging the
 * background. d3 owns the SVG's content; React owns the toolbar and legend.
 */
export function CodeNetwork(props: CodeNetworkProps) {
  const { projectId, codes, relations, segments, canEdit, onSavePositions } = props;
  const router = useRouter();
  const markerId = `gw-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const width = useContainerWidth(wrapRef);

  const [showConcepts, setShowConcepts] = useState(false);
  const [showHierarchy, setShowHierarchy] = useState(true);
  const [resets, setResets] = useState(0);
  const [exportError, setExportError] = useState<string | null>(null);

  const network = useMemo(
    () =>
      buildNetwork({
        codes,
        relations,
        segments: new Map(Object.entries(segments)),
        includeConcepts: showConcepts,
        includeHierarchy: showHierarchy,
      }),
    [codes, relations, segments, showConcepts, showHierarchy],
  );

  // Positions this session, by code id: they outlive redraws (resize, toggles, new props), so
  // the drawing stays put; saved positions from props only seed codes not seen yet.
  const live = useRef(new Map<string, LivePosition>());
  // After "Reset layout" the saved positions in props are stale until the page reloads them.
  const ignoreSaved = useRef(false);
  const resetPending = useRef(false);
  const zoomState = useRef<d3.ZoomTransform | null>(null);
  const freezeRef = useRef<() => void>(() => {});

  const saver = usePositionSaver(onSavePositions);
  const codeIds = useMemo(() => new Set(codes.map((c) => c.id)), [codes]);
  // What the server has, by code id: a save sends only positions that differ from it, so two
  // people arranging different parts of the network do not overwrite each other's layout.
  const stored = useRef<Map<string, { x: number; y: number }> | null>(null);
  stored.current ??= new Map(codes.flatMap((c) => (c.networkX === null || c.networkY === null ? [] : [[c.id, { x: Math.round(c.networkX), y: Math.round(c.networkY) }]])));
  const scheduleSave = saver.schedule;
  const requestSave = useCallback(
    (delay: number) => {
      if (!canEdit) return;
      scheduleSave(() => {
        // Freeze the layout as it is saved, so what is stored is what stays on screen.
        freezeRef.current();
        const changed = [...live.current]
          .filter(([id]) => codeIds.has(id))
          .map(([id, p]) => ({ id, x: Math.round(p.x), y: Math.round(p.y) }))
          .filter((p) => {
            const was = stored.current!.get(p.id);
            return !was || was.x !== p.x || was.y !== p.y;
          });
        for (const p of changed) stored.current!.set(p.id, { x: p.x, y: p.y });
        return changed;
      }, delay);
    },
    [canEdit, scheduleSave, codeIds],
  );

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || network.nodes.length === 0) return;
    const reset = resetPending.current;
    resetPending.current = false;
    const chart = drawNetwork({
      svg,
      network,
      width,
      markerId,
      live: live.current,
      useSaved: !ignoreSaved.current,
      transform: reset ? null : zoomState.current,
      onZoom: (t) => (zoomState.current = t),
      onMoved: () => requestSave(SAVE_DELAY_MS),
      onOpen: (id) => router.push(`/projects/${projectId}/codes/${id}`),
    });
    freezeRef.current = chart.freeze;
    if (reset) requestSave(0);
    return () => {
      chart.stop();
      freezeRef.current = () => {};
    };
  }, [network, width, markerId, resets, requestSave, router, projectId]);

  const resetLayout = () => {
    live.current.clear();
    ignoreSaved.current = true;
    resetPending.current = true;
    zoomState.current = null;
    setResets((n) => n + 1);
  };

  const exportAs = async (kind: 'svg' | 'png') => {
    const svg = svgRef.current;
    if (!svg) return;
    const filename = `${fileStem(props.exportName ?? '')}-network.${kind}`;
    setExportError(null);
    try {
      if (kind === 'svg') downloadSvg(svg, filename);
      else await downloadPng(svg, filename);
    } catch (error) {
      setExportError(`Could not export the image: ${errorMessage(error)}`);
    }
  };

  const levels: CodeLevel[] = showConcepts ? [4, 3, 2, 1] : [4, 3, 2];
  const empty = network.nodes.length === 0;
  return (
    <div className={styles.network} ref={wrapRef}>
      <div className={styles.toolbar} role="toolbar" aria-label="Code network">
        <div className={styles.toolGroup}>
          <label className={styles.check}>
            <input type="checkbox" checked={showConcepts} onChange={(e) => setShowConcepts(e.target.checked)} />
            Show concepts
          </label>
          <label className={styles.check}>
            <input type="checkbox" checked={showHierarchy} onChange={(e) => setShowHierarchy(e.target.checked)} />
            Show hierarchy links
          </label>
        </div>
        <div className={styles.toolGroup}>
          <button type="button" className="btn btn-secondary btn-sm" onClick={resetLayout} disabled={empty}>
            Reset layout
          </button>
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void exportAs('svg')} disabled={empty}>
            Export SVG
          </button>
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void exportAs('png')} disabled={empty}>
            Export PNG
          </button>
        </div>
        <span className={styles.toolSpacer} />
        <SaveStatus state={saver.state} canEdit={canEdit} exportError={exportError} />
      </div>

      {empty ? (
        <div className={styles.empty} role="status">
          <p>{emptyMessage(codes, showConcepts)}</p>
        </div>
      ) : (
        <>
          <div className={styles.frame}>
            <svg
              ref={svgRef}
              className={`${styles.chart} ${styles.networkChart}`}
              data-testid="code-network"
              aria-label="Code network: drag a code to move it, arrow keys move the focused code, Enter opens it"
            />
          </div>
          <Legend levels={levels} showHierarchy={showHierarchy} />
        </>
      )}
    </div>
  );
}

function SaveStatus({ state, canEdit, exportError }: { state: SaveState; canEdit: boolean; exportError: string | null }) {
  let text = '';
  let className = styles.status;
  if (exportError) {
    text = exportError;
    className = `${styles.status} ${styles.statusError}`;
  } else if (!canEdit) {
    text = 'View only: moved codes are not saved';
  } else if (state.kind === 'saving') {
    text = 'Saving…';
  } else if (state.kind === 'saved') {
    text = 'Saved';
    className = `${styles.status} ${styles.statusSaved}`;
  } else if (state.kind === 'error') {
    text = `Could not save the layout: ${state.message}`;
    className = `${styles.status} ${styles.statusError}`;
  }
  return (
    <span className={className} role="status" aria-live="polite">
      {text}
    </span>
  );
}

function Legend({ levels, showHierarchy }: { levels: CodeLevel[]; showHierarchy: boolean }) {
  return (
    <ul className={styles.legend} aria-label="Legend">
      {levels.map((level) => (
        <li key={level}>
          <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true">
            <circle r={7} fill="#ffffff" stroke={NODE_STROKE} strokeWidth={LEVEL_STROKE[level]} strokeDasharray={level === 1 ? '2 2' : undefined} />
          </svg>
          {LEVEL_PLURAL[level]}
        </li>
      ))}
      <li>
        <svg width="30" height="10" viewBox="0 -5 30 10" aria-hidden="true">
          <line x1={0} y1={0} x2={23} y2={0} className={styles.relation} stroke="#5d6470" strokeWidth={1.5} />
          <path d="M22,-4L30,0L22,4Z" className={styles.arrowHead} fill="#5d6470" />
        </svg>
        relation (type on the arrow)
      </li>
      {showHierarchy && (
        <li>
          <svg width="30" height="10" viewBox="0 -5 30 10" aria-hidden="true">
            <line x1={0} y1={0} x2={30} y2={0} className={styles.hierarchy} stroke="#a9a49a" strokeDasharray="4 3" />
          </svg>
          belongs to (hierarchy)
        </li>
      )}
      <li>circle size: coded segments</li>
    </ul>
  );
}

function emptyMessage(codes: readonly NetworkCodeInput[], showConcepts: boolean): string {
  if (codes.length === 0) return 'No codes yet: code some segments, then group the concepts into categories.';
  if (!showConcepts && codes.every((c) => c.level === 1)) return 'No categories yet: group concepts into categories, or tick “Show concepts”.';
  return 'Nothing to show.';
}

// ---- saving ------------------------------------------------------------------------------------

/**
 * Debounced saving: `schedule(collect, delay)` calls `save(collect())` once no new request came
 * for `delay` ms; a pending save is sent at unmount (leaving the page right after a drag).
 * Only the latest save's outcome is shown.
 */
function usePositionSaver(save: (positions: NodePosition[]) => Promise<void>) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<(() => NodePosition[]) | null>(null);
  const sequence = useRef(0);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const run = useCallback(() => {
    timer.current = null;
    const collect = pending.current;
    pending.current = null;
    if (!collect) return;
    const positions = collect();
    if (positions.length === 0) return; // nothing moved since the last save
    const mine = ++sequence.current;
    setState({ kind: 'saving' });
    Promise.resolve()
      .then(() => saveRef.current(positions))
      .then(
        () => mine === sequence.current && setState({ kind: 'saved' }),
        (error: unknown) => mine === sequence.current && setState({ kind: 'error', message: errorMessage(error) }),
      );
  }, []);

  const schedule = useCallback(
    (collect: () => NodePosition[], delay: number) => {
      pending.current = collect;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(run, delay);
    },
    [run],
  );

  useEffect(
    () => () => {
      if (timer.current !== null) {
        clearTimeout(timer.current);
        run();
      }
    },
    [run],
  );

  return { state, schedule };
}

function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'please try again.';
}

// ---- drawing -----------------------------------------------------------------------------------

interface DrawOptions {
  svg: SVGSVGElement;
  network: { nodes: NetworkNode[]; links: NetworkLink[] };
  width: number;
  markerId: string;
  /** Positions this session (read to start, written as nodes move). */
  live: Map<string, LivePosition>;
  /** Seed codes not in `live` from their saved positions. */
  useSaved: boolean;
  /** The user's zoom to restore, or null to fit the drawing. */
  transform: d3.ZoomTransform | null;
  /** The user zoomed or panned (fits done by the chart itself are not reported). */
  onZoom(transform: d3.ZoomTransform): void;
  /** A node was dragged or moved with the keyboard. */
  onMoved(): void;
  onOpen(codeId: string): void;
}

/** Draws the network into `svg` and runs its simulation; `freeze` pins every node where it is. */
function drawNetwork(options: DrawOptions): { stop(): void; freeze(): void } {
  const { svg, network, width, markerId, live } = options;
  const { nodes, links, placed } = simulationData(network, live, options.useSaved);
  const fresh = nodes.length - placed.length;
  const simulation = createSimulation(nodes, links, placed);
  if (fresh > 0) layOut(simulation, placed);
  // New nodes may lie outside the current view: fit the drawing again then.
  const transform = fresh > 0 ? null : options.transform;

  const root = d3.select(svg);
  root.selectAll('*').remove();
  root.attr('width', width).attr('height', HEIGHT).attr('viewBox', `0 0 ${width} ${HEIGHT}`);
  appendArrowMarker(root, markerId);

  const layer = root.append('g').attr('data-export-layer', '');
  const linkPaths = layer
    .append('g')
    .selectAll<SVGPathElement, SimLink>('path')
    .data(links)
    .join('path')
    .attr('class', (d) => (d.link.kind === 'relation' ? styles.relation : styles.hierarchy))
    .attr('data-link-id', (d) => d.link.id)
    // Attributes as well as CSS, so the drawing reads right before styles load and in exports.
    .attr('fill', 'none')
    .attr('stroke', (d) => (d.link.kind === 'relation' ? '#5d6470' : '#a9a49a'))
    .attr('stroke-dasharray', (d) => (d.link.kind === 'hierarchy' ? '4 3' : null))
    .attr('marker-end', (d) => (d.link.kind === 'relation' ? `url(#${markerId})` : null));
  const linkLabels = layer
    .append('g')
    .selectAll<SVGTextElement, SimLink>('text')
    .data(links.filter((l) => l.link.kind === 'relation'))
    .join('text')
    .attr('class', styles.relationLabel)
    .attr('data-testid', 'relation-label')
    .attr('text-anchor', 'middle')
    .attr('dominant-baseline', 'central')
    .text((d) => d.link.label);

  const nodeGroups = drawNodes(layer, nodes, options.onOpen);

  const render = () => {
    for (const n of nodes) live.set(n.node.id, { x: n.x ?? 0, y: n.y ?? 0, pinned: n.pinned });
    nodeGroups
      .attr('transform', (d) => `translate(${d.x},${d.y})`)
      .attr('data-x', (d) => Math.round(d.x ?? 0))
      .attr('data-y', (d) => Math.round(d.y ?? 0));
    linkPaths.attr('d', (d) => linkGeometry(d).path);
    linkLabels.each(function (d) {
      const { mid } = linkGeometry(d);
      d3.select(this).attr('x', mid.x).attr('y', mid.y);
    });
  };
  simulation.on('tick', render);
  render();

  const moved = () => {
    render();
    options.onMoved();
  };
  nodeGroups.call(dragBehaviour(simulation, render, moved));
  nodeGroups.on('keydown.move', (event: KeyboardEvent, d) => {
    const step = event.shiftKey ? KEY_STEP * 5 : KEY_STEP;
    const delta: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = delta[event.key];
    if (!move) return;
    event.preventDefault();
    d.x = d.fx = (d.x ?? 0) + move[0];
    d.y = d.fy = (d.y ?? 0) + move[1];
    d.pinned = true;
    moved();
  });

  setUpZoom(root, layer, nodes, width, { transform, onZoom: options.onZoom });

  return {
    stop: () => {
      simulation.stop();
      simulation.on('tick', null);
    },
    freeze: () => {
      simulation.stop();
      for (const n of nodes) {
        n.fx = n.x;
        n.fy = n.y;
        n.pinned = true;
      }
      render();
    },
  };
}

/**
 * Simulation nodes and links. A node starts where it was this session, else at its saved
 * position (both: `placed`), else beside its placed neighbours (startPositions) for the layout
 * to find it a spot.
 */
function simulationData(
  network: { nodes: NetworkNode[]; links: NetworkLink[] },
  live: Map<string, LivePosition>,
  useSaved: boolean,
): { nodes: SimNode[]; links: SimLink[]; placed: SimNode[] } {
  const seeded = network.nodes.map((n) => {
    const p = live.get(n.id);
    if (p) return { ...n, x: p.x, y: p.y };
    return useSaved ? n : { ...n, x: null, y: null };
  });
  const starts = startPositions(seeded, network.links);
  const nodes: SimNode[] = seeded.map((n) => {
    const start = starts.get(n.id) ?? null;
    const livePinned = live.get(n.id)?.pinned;
    const pinned = start !== null && (livePinned ?? start.pinned);
    const label = wrapText(nodeTitle(n), LABEL_MAX_WIDTH, LABEL_FONT_SIZE, LABEL_MAX_LINES);
    const sim: SimNode = { node: n, r: nodeRadius(n.segments), label, labelWidth: Math.max(0, ...label.map((l) => textWidth(l, LABEL_FONT_SIZE))), pinned };
    if (start) {
      sim.x = start.x;
      sim.y = start.y;
    }
    if (pinned) {
      sim.fx = sim.x;
      sim.fy = sim.y;
    }
    return sim;
  });
  const placed = nodes.filter((n) => n.node.x !== null && n.node.y !== null);
  const byId = new Map(nodes.map((n) => [n.node.id, n]));
  const offsets = parallelLinkOffsets(network.links);
  const links: SimLink[] = network.links.map((link) => ({
    source: byId.get(link.source)!,
    target: byId.get(link.target)!,
    link,
    bend: (offsets.get(link.id) ?? 0) * PARALLEL_SPACING,
  }));
  return { nodes, links, placed };
}

function createSimulation(nodes: SimNode[], links: SimLink[], placed: SimNode[]): d3.Simulation<SimNode, SimLink> {
  const centre = placed.length > 0 ? { x: d3.mean(placed, (n) => n.x) ?? 0, y: d3.mean(placed, (n) => n.y) ?? 0 } : { x: 0, y: 0 };
  return d3
    .forceSimulation<SimNode, SimLink>(nodes)
    .force(
      'link',
      d3
        .forceLink<SimNode, SimLink>(links)
        .distance((l) => (l.link.kind === 'hierarchy' ? 60 : 130) + l.source.r + l.target.r)
        .strength((l) => (l.link.kind === 'hierarchy' ? 0.5 : 0.25)),
    )
    // Repulsion only within a neighbourhood, and a weak pull to the middle: codes without any
    // link (unplaced concepts) would otherwise drift far off. The pull is stronger vertically, so
    // the drawing spreads sideways and fits the wide panel at a readable scale.
    .force('charge', d3.forceManyBody<SimNode>().strength(-380).distanceMax(450))
    .force('x', d3.forceX<SimNode>(centre.x).strength(0.015))
    .force('y', d3.forceY<SimNode>(centre.y).strength(0.12))
    // Room for the label under each circle too (it is usually wider than the circle).
    .force('collide', d3.forceCollide<SimNode>((n) => Math.max(n.r + 8 + n.label.length * LABEL_LINE_HEIGHT, n.labelWidth / 2 + 6)).iterations(2))
    // Placed nodes fix the frame; the centring force then only nudges new ones towards them.
    .force('center', d3.forceCenter<SimNode>(centre.x, centre.y).strength(placed.length > 0 ? 0.05 : 1))
    .stop();
}

/**
 * Runs the layout to rest before the first paint (no jitter, and exports right away), moving
 * only the nodes that had no position: nodes already placed are held during it.
 */
function layOut(simulation: d3.Simulation<SimNode, SimLink>, placed: SimNode[]): void {
  const held = placed.filter((n) => !n.pinned);
  for (const n of held) {
    n.fx = n.x;
    n.fy = n.y;
  }
  simulation.alpha(1);
  for (let i = 0; i < LAYOUT_TICKS; i++) simulation.tick();
  for (const n of held) {
    n.fx = null;
    n.fy = null;
  }
}

function appendArrowMarker(root: d3.Selection<SVGSVGElement, unknown, null, undefined>, id: string): void {
  root
    .append('defs')
    .append('marker')
    .attr('id', id)
    .attr('viewBox', '0 -5 10 10')
    .attr('refX', 10)
    .attr('refY', 0)
    .attr('markerWidth', 7)
    .attr('markerHeight', 7)
    .attr('orient', 'auto')
    .append('path')
    .attr('d', 'M0,-5L10,0L0,5Z')
    .attr('class', styles.arrowHead)
    .attr('fill', '#5d6470');
}

function drawNodes(
  layer: d3.Selection<SVGGElement, unknown, null, undefined>,
  nodes: SimNode[],
  onOpen: (codeId: string) => void,
): d3.Selection<SVGGElement, SimNode, SVGGElement, unknown> {
  const groups = layer
    .append('g')
    .selectAll<SVGGElement, SimNode>('g')
    .data(nodes, (d) => d.node.id)
    .join('g')
    .attr('class', styles.node)
    .attr('data-code-id', (d) => d.node.id)
    .attr('tabindex', 0)
    .attr('role', 'link')
    .attr('aria-label', (d) => `${nodeTitle(d.node)}, ${LEVEL_NAME[d.node.level]}, ${d.node.segments} segments`)
    .on('click', (event: MouseEvent, d) => {
      if (!event.defaultPrevented) onOpen(d.node.id);
    })
    .on('keydown.open', (event: KeyboardEvent, d) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        onOpen(d.node.id);
      }
    });
  groups
    .append('circle')
    .attr('r', (d) => d.r)
    .attr('fill', (d) => (/^#[0-9a-f]{6}$/i.test(d.node.color) ? d.node.color : '#9a958c'))
    .attr('stroke', NODE_STROKE)
    .attr('stroke-width', (d) => LEVEL_STROKE[d.node.level])
    .attr('stroke-dasharray', (d) => (d.node.level === 1 ? '2 2' : null));
  groups
    .append('text')
    .attr('class', styles.nodeLabel)
    .attr('text-anchor', 'middle')
    .attr('y', (d) => d.r + 14)
    .selectAll('tspan')
    .data((d) => d.label)
    .join('tspan')
    .attr('x', 0)
    .attr('dy', (_, i) => (i === 0 ? 0 : LABEL_LINE_HEIGHT))
    .text((line) => line);
  groups.append('title').text((d) => `${nodeTitle(d.node)}\n${LEVEL_NAME[d.node.level]} · ${d.node.segments} segments`);
  return groups;
}

const nodeTitle = (n: NetworkNode) => [n.label, n.name].filter((s) => s.trim() !== '').join(' ');

/**
 * Dragging moves and pins a node; the simulation warms up while dragging so unpinned
 * neighbours make room. A press without movement is a click (opens the code) and changes nothing.
 */
function dragBehaviour(simulation: d3.Simulation<SimNode, SimLink>, render: () => void, moved: () => void) {
  let dragged = false;
  let wasPinned = false;
  let from = { x: 0, y: 0 };
  return d3
    .drag<SVGGElement, SimNode>()
    .clickDistance(CLICK_DISTANCE)
    .on('start', (event: d3.D3DragEvent<SVGGElement, SimNode, SimNode>, d) => {
      dragged = false;
      wasPinned = d.pinned;
      from = { x: event.x, y: event.y };
      d.fx = d.x;
      d.fy = d.y;
    })
    .on('drag', (event: d3.D3DragEvent<SVGGElement, SimNode, SimNode>, d) => {
      if (!dragged) {
        // A press that wanders less than the click distance is still a click (opens the code).
        if (Math.hypot(event.x - from.x, event.y - from.y) < CLICK_DISTANCE) return;
        dragged = true;
        simulation.alphaTarget(0.1).restart();
      }
      d.x = d.fx = event.x;
      d.y = d.fy = event.y;
      d.pinned = true;
      render();
    })
    .on('end', (_event, d) => {
      simulation.alphaTarget(0);
      if (!dragged) {
        if (!wasPinned) {
          d.fx = null;
          d.fy = null;
        }
        return;
      }
      moved();
    });
}

function setUpZoom(
  root: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  layer: d3.Selection<SVGGElement, unknown, null, undefined>,
  nodes: SimNode[],
  width: number,
  options: Pick<DrawOptions, 'transform' | 'onZoom'>,
): void {
  const zoom = d3
    .zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.15, 4])
    // Explicit (d3's default reads the svg's viewBox, which not every DOM implements).
    .extent([
      [0, 0],
      [width, HEIGHT],
    ])
    .on('zoom', (event: d3.D3ZoomEvent<SVGSVGElement, unknown>) => {
      layer.attr('transform', event.transform.toString());
      // Only the user's own zoom is kept across redraws; until then each redraw fits anew
      // (the first draw happens before the container's width is known).
      if (event.sourceEvent) options.onZoom(event.transform);
    });
  root.call(zoom).on('dblclick.zoom', null);
  root.call(zoom.transform, options.transform ?? fitTransform(nodes, width, HEIGHT));
}

/** The zoom that shows every node (and its label) with a margin, never enlarging past 1.5×. */
function fitTransform(nodes: SimNode[], width: number, height: number): d3.ZoomTransform {
  const half = (n: SimNode) => Math.max(n.r, n.labelWidth / 2) + 12;
  const x0 = d3.min(nodes, (n) => (n.x ?? 0) - half(n)) ?? 0;
  const x1 = d3.max(nodes, (n) => (n.x ?? 0) + half(n)) ?? width;
  const y0 = d3.min(nodes, (n) => (n.y ?? 0) - n.r - 10) ?? 0;
  const y1 = d3.max(nodes, (n) => (n.y ?? 0) + n.r + 10 + n.label.length * LABEL_LINE_HEIGHT) ?? height;
  const k = Math.min(1.5, (0.95 * width) / Math.max(1, x1 - x0), (0.95 * height) / Math.max(1, y1 - y0));
  return d3.zoomIdentity
    .translate(width / 2, height / 2)
    .scale(k)
    .translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
}

/**
 * A link's path: a quadratic curve bent by `bend` px to the left of source → target, trimmed
 * to the circles' edges (the arrowhead ends at the target's edge), and the curve's midpoint
 * for the label.
 */
function linkGeometry(l: SimLink): { path: string; mid: { x: number; y: number } } {
  const sx = l.source.x ?? 0;
  const sy = l.source.y ?? 0;
  const tx = l.target.x ?? 0;
  const ty = l.target.y ?? 0;
  const len = Math.hypot(tx - sx, ty - sy) || 1;
  // Left normal in screen coordinates (y down); control point twice the bend away, so the
  // curve's midpoint sits `bend` px off the straight line.
  const nx = (ty - sy) / len;
  const ny = -(tx - sx) / len;
  const cx = (sx + tx) / 2 + nx * 2 * l.bend;
  const cy = (sy + ty) / 2 + ny * 2 * l.bend;
  const start = towards(sx, sy, cx, cy, l.source.r);
  const end = towards(tx, ty, cx, cy, l.target.r + (l.link.kind === 'relation' ? 2 : 0));
  const mid = { x: 0.25 * start.x + 0.5 * cx + 0.25 * end.x, y: 0.25 * start.y + 0.5 * cy + 0.25 * end.y };
  return { path: `M${fmt(start.x)},${fmt(start.y)}Q${fmt(cx)},${fmt(cy)} ${fmt(end.x)},${fmt(end.y)}`, mid };
}

/** The point `distance` px from (x, y) towards (tx, ty). */
function towards(x: number, y: number, tx: number, ty: number, distance: number): { x: number; y: number } {
  const len = Math.hypot(tx - x, ty - y) || 1;
  return { x: x + ((tx - x) / len) * distance, y: y + ((ty - y) / len) * distance };
}

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();
