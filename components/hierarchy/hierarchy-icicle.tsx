'use client';

import * as d3 from 'd3';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type RefObject } from 'react';

import { LEVEL_NAME, LEVEL_PLURAL, type CodeLevel, type HierarchyTreeNode } from '@/lib/coding/hierarchy-types';
import { linkBadgeText, type LinkedConstructs } from '@/lib/io/export/linked-constructs';

import styles from './hierarchy-views.module.css';

/** Props of {@link HierarchyIcicle}. */
export interface HierarchyIcicleProps {
  /** The project at the root, then core categories → main categories → categories → concepts. */
  tree: HierarchyTreeNode;
  projectId: string;
  /** Code id → its links to survey constructs: linked codes get an outline and a ↔ mark. */
  links?: LinkedConstructs;
}

const NO_LINKS: LinkedConstructs = {};
const LINK_STROKE = '#1d3f5e';

type Cell = d3.HierarchyRectangularNode<HierarchyTreeNode>;

const HEADER = 28;
const ROW = 22;
const MIN_HEIGHT = 480;
const FONT_SIZE = 12;
const PAD_X = 6;
/** Rects lower or narrower than this get no text (the tooltip still names them). */
const MIN_TEXT_HEIGHT = 13;
const MIN_TEXT_WIDTH = 28;
const NEUTRAL_TEXT = '#1f2328';
/** Line height of wrapped cell labels, and the most lines a cell shows. */
const LINE_HEIGHT = 14;
const MAX_LINES = 3;

/**
 * The code hierarchy as a horizontal icicle: one column per level (project, core categories,
 * main categories, categories, concepts), each code a rect as tall as its share of codings.
 * Clicking a code (or Enter on it) opens its page. d3 owns the SVG's content.
 */
export function HierarchyIcicle({ tree, projectId, links = NO_LINKS }: HierarchyIcicleProps) {
  const router = useRouter();
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const width = useContainerWidth(wrapRef);
  const sized = sizedLeafCount(tree);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || sized === 0) return;
    drawIcicle(svg, tree, width, (id) => router.push(`/projects/${projectId}/codes/${id}`), links);
    return () => {
      d3.select(svg).selectAll('*').remove();
    };
  }, [tree, width, sized, projectId, router, links]);
  const linkedCount = Object.keys(links).length;

  return (
    <div ref={wrapRef}>
      {sized === 0 ? (
        <div className={styles.empty} role="status">
          <p>Nothing is coded yet.</p>
          <p>The hierarchy is drawn once segments are coded: each code’s area shows its share of the codings.</p>
        </div>
      ) : (
        <div className={styles.frame}>
          <svg
            ref={svgRef}
            className={styles.chart}
            data-testid="hierarchy-icicle"
            aria-label={`Code hierarchy of ${tree.name}: columns from the project to core categories, main categories, categories and concepts`}
          />
        </div>
      )}
      {sized > 0 && linkedCount > 0 && (
        <p className="muted" data-testid="icicle-link-legend" style={{ display: 'flex', alignItems: 'center', gap: '0.45rem', fontSize: '0.85rem', margin: '0.5rem 0 0' }}>
          <svg width="26" height="14" aria-hidden="true">
            <rect x="1" y="1" width="24" height="12" fill="#eef4fa" stroke={LINK_STROKE} strokeWidth="2" strokeDasharray="4 2" />
          </svg>
          Dashed outline and ↔: linked to a survey construct ({linkedCount} {linkedCount === 1 ? 'code' : 'codes'}); hover a code for the construct’s α, M (SD) and strongest coefficient.
        </p>
      )}
    </div>
  );
}

/**
 * The rendered width of `ref`'s element in px, following resizes (ResizeObserver); `fallback`
 * until measured or where the element has no layout (tests).
 */
export function useContainerWidth(ref: RefObject<HTMLElement | null>, fallback = 800): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (w: number) => {
      if (w > 0) setWidth(Math.floor(w));
    };
    measure(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => measure(entries[0]?.contentRect.width ?? 0));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Leaves that carry codings: they set the icicle's height (and none means nothing to draw). */
export function sizedLeafCount(tree: HierarchyTreeNode): number {
  if (tree.children.length === 0) return tree.ownSize > 0 ? 1 : 0;
  // A node's own codings take a slice beside its children, like a leaf.
  return (tree.ownSize > 0 ? 1 : 0) + tree.children.reduce((n, c) => n + sizedLeafCount(c), 0);
}

function drawIcicle(svg: SVGSVGElement, tree: HierarchyTreeNode, width: number, navigate: (codeId: string) => void, links: LinkedConstructs = NO_LINKS): void {
  const linksOf = (d: Cell) => (isCode(d) ? (links[d.data.id] ?? []) : []);
  const root = d3.hierarchy(tree, (d) => d.children).sum((d) => Math.max(0, d.ownSize));
  const height = Math.max(MIN_HEIGHT, sizedLeafCount(tree) * ROW);
  // The partition gives the vertical extents (x0/x1: share of codings); columns come from the
  // codes' levels, not their depth, so a category waiting for a main category still sits
  // among the categories (see icicleColumns).
  const layout = d3.partition<HierarchyTreeNode>().size([height, 1]).padding(1)(root);
  const cells = layout.descendants().filter((d) => (d.value ?? 0) > 0);
  const { headings, spans } = icicleColumns(cells);
  const columnWidth = width / headings.length;
  const left = (d: Cell) => spans.get(d)![0] * columnWidth;
  const cellWidth = (d: Cell) => Math.max(0, (spans.get(d)![1] - spans.get(d)![0]) * columnWidth - 1);

  const sel = d3.select(svg);
  sel.selectAll('*').remove();
  sel.attr('width', width).attr('height', height + HEADER).attr('viewBox', `0 0 ${width} ${height + HEADER}`);

  sel
    .append('g')
    .selectAll('text')
    .data(headings)
    .join('text')
    .attr('class', styles.heading)
    .attr('x', (_, i) => i * columnWidth + PAD_X)
    .attr('y', HEADER - 10)
    .text((d) => fitText(d, columnWidth - 2 * PAD_X, 11));

  const groups = sel
    .append('g')
    .attr('transform', `translate(0,${HEADER})`)
    .selectAll<SVGGElement, Cell>('g')
    .data(cells.filter((d) => cellWidth(d) > 0))
    .join('g')
    .attr('class', (d) => [styles.cell, isCode(d) ? styles.link : styles.neutral].filter(Boolean).join(' '))
    .attr('transform', (d) => `translate(${left(d)},${d.x0})`);

  groups
    .append('rect')
    .attr('width', cellWidth)
    .attr('height', (d) => Math.max(0, d.x1 - d.x0))
    .attr('fill', (d) => (isCode(d) ? codeFill(d.data.color) : null));

  // Linked codes: a dashed outline inside the rect and a ↔ at its right end (where it fits).
  const linked = groups.filter((d) => linksOf(d).length > 0).attr('data-linked', 'true');
  // White under the dashes: the outline stays visible on dark and light code colours alike.
  linked
    .append('rect')
    .attr('x', 1)
    .attr('y', 1)
    .attr('width', (d) => Math.max(0, cellWidth(d) - 2))
    .attr('height', (d) => Math.max(0, d.x1 - d.x0 - 2))
    .attr('fill', 'none')
    .attr('stroke', '#ffffff')
    .attr('stroke-width', 3)
    .attr('pointer-events', 'none');
  linked
    .append('rect')
    .attr('x', 1)
    .attr('y', 1)
    .attr('width', (d) => Math.max(0, cellWidth(d) - 2))
    .attr('height', (d) => Math.max(0, d.x1 - d.x0 - 2))
    .attr('fill', 'none')
    .attr('stroke', LINK_STROKE)
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', '4 2')
    .attr('pointer-events', 'none');
  const marks = linked.filter((d) => d.x1 - d.x0 >= MIN_TEXT_HEIGHT && cellWidth(d) >= MIN_TEXT_WIDTH + 22).append('g').attr('data-testid', 'icicle-link-mark').attr('pointer-events', 'none');
  marks
    .append('rect')
    .attr('x', (d) => cellWidth(d) - PAD_X - 18)
    .attr('y', (d) => Math.min((d.x1 - d.x0) / 2, ROW / 2) - 7)
    .attr('width', 18)
    .attr('height', 14)
    .attr('rx', 7)
    .attr('fill', '#ffffff')
    .attr('stroke', LINK_STROKE);
  marks
    .append('text')
    .attr('class', styles.cellText)
    .attr('x', (d) => cellWidth(d) - PAD_X - 9)
    .attr('y', (d) => Math.min((d.x1 - d.x0) / 2, ROW / 2))
    .attr('text-anchor', 'middle')
    .attr('dominant-baseline', 'central')
    .attr('font-size', 11)
    .attr('font-weight', 700)
    .attr('fill', LINK_STROKE)
    .text('↔');

  groups.append('title').text((d) => tooltip(d, linksOf(d)));

  // The text drawn in each cell: long names wrap onto as many lines as the rect has room for
  // (at most MAX_LINES); a rect with room for one line shortens the name before the count.
  const drawnLines = new Map<Cell, string[]>();
  for (const d of groups.data()) {
    const h = d.x1 - d.x0;
    if (h < MIN_TEXT_HEIGHT || cellWidth(d) < MIN_TEXT_WIDTH) continue;
    const room = cellWidth(d) - 2 * PAD_X - (linksOf(d).length > 0 ? 22 : 0);
    const lineCount = Math.min(MAX_LINES, Math.floor((h - 4) / LINE_HEIGHT));
    drawnLines.set(d, lineCount >= 2 ? wrapCellText(d.data, room, FONT_SIZE, lineCount) : [fitCellText(d.data, room, FONT_SIZE)]);
  }
  const texts = groups
    .filter((d) => drawnLines.has(d))
    .append('text')
    .attr('class', styles.cellText)
    .attr('x', PAD_X)
    // One line: centred in the rect's first row, as before; several: from the top down.
    .attr('y', (d) => (drawnLines.get(d)!.length > 1 ? 4 + LINE_HEIGHT / 2 : Math.min((d.x1 - d.x0) / 2, ROW / 2)))
    .attr('dominant-baseline', 'central')
    .attr('fill', (d) => (isCode(d) ? textOn(codeFill(d.data.color)) : NEUTRAL_TEXT));
  texts
    .selectAll('tspan')
    .data((d) => drawnLines.get(d)!)
    .join('tspan')
    .attr('x', PAD_X)
    .attr('dy', (_, i) => (i === 0 ? 0 : LINE_HEIGHT))
    .text((line) => line);

  // Thin bars (no room for text) and cut labels: the full label beside the bar while it is
  // hovered or focused, drawn last so it lies above every rect.
  const overlay = sel.append('g').attr('transform', `translate(0,${HEADER})`).attr('pointer-events', 'none').attr('data-testid', 'icicle-hover-label');
  const complete = (d: Cell) => {
    const lines = drawnLines.get(d);
    return !!lines && lines.join(' ') === cellText(d.data);
  };
  const showLabel = (d: Cell) => {
    overlay.selectAll('*').remove();
    if (complete(d)) return;
    const full = cellText(d.data);
    const boxWidth = Math.min(width - 4, textWidth(full, FONT_SIZE) + 2 * PAD_X);
    const x = Math.max(2, Math.min(left(d) + 4, width - boxWidth - 2));
    const mid = (d.x0 + d.x1) / 2;
    const y = Math.max(2, Math.min(mid - 10, height - 22));
    overlay.append('rect').attr('x', x).attr('y', y).attr('width', boxWidth).attr('height', 20).attr('rx', 3).attr('fill', '#ffffff').attr('stroke', NEUTRAL_TEXT).attr('stroke-width', 1);
    overlay
      .append('text')
      .attr('class', styles.cellText)
      .attr('x', x + PAD_X)
      .attr('y', y + 10)
      .attr('dominant-baseline', 'central')
      .attr('fill', NEUTRAL_TEXT)
      .text(fitText(full, boxWidth - 2 * PAD_X, FONT_SIZE) || full);
  };
  const hideLabel = () => overlay.selectAll('*').remove();
  groups.on('mouseenter.label', (_, d) => showLabel(d)).on('focus.label', (_, d) => showLabel(d)).on('mouseleave.label', hideLabel).on('blur.label', hideLabel);

  groups
    .filter(isCode)
    .attr('data-code-id', (d) => d.data.id)
    .attr('tabindex', 0)
    .attr('role', 'link')
    .attr('aria-label', (d) => ariaLabel(d.data) + (linksOf(d).length > 0 ? `, linked to ${linksOf(d).map((l) => l.targetName).join(', ')}` : ''))
    .on('click', (_, d) => navigate(d.data.id))
    .on('keydown', (event: KeyboardEvent, d) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        navigate(d.data.id);
      }
    });
}

/**
 * Columns of the icicle: "Project", then one per level present (core categories first), and
 * each cell's span [from, to) in column units. A code sits in its level's column; the project
 * and synthetic groups ("not yet placed") fill from their parent's right edge up to their
 * children's column, so a group of unplaced categories spans the core and main columns, and a
 * group that would have no width is not drawn.
 *
 * @param cells nodes in pre-order (parents before children), as d3's descendants() gives them
 */
export function icicleColumns(cells: ReadonlyArray<d3.HierarchyNode<HierarchyTreeNode>>): {
  headings: string[];
  spans: Map<d3.HierarchyNode<HierarchyTreeNode>, [number, number]>;
} {
  const levels = ([4, 3, 2, 1] as const).filter((level) => cells.some((d) => d.data.level === level));
  const column = (level: CodeLevel) => 1 + levels.indexOf(level);
  const spans = new Map<d3.HierarchyNode<HierarchyTreeNode>, [number, number]>();
  for (const d of cells) {
    const from = d.parent ? (spans.get(d.parent)?.[1] ?? 0) : 0;
    const level = d.data.level;
    if (level !== 0) {
      const own = column(level);
      // A child at or above its parent's level (inconsistent data) still goes right of it.
      spans.set(d, own >= from ? [own, own + 1] : [from, from + 1]);
    } else if (!d.parent) {
      spans.set(d, [0, 1]);
    } else {
      const childColumns = (d.children ?? []).flatMap((c) => (c.data.level === 0 ? [] : [column(c.data.level)]));
      spans.set(d, [from, childColumns.length > 0 ? Math.max(from, Math.min(...childColumns)) : from + 1]);
    }
  }
  const columns = Math.max(1 + levels.length, ...[...spans.values()].map(([, to]) => to));
  const headings = Array.from({ length: columns }, (_, i) => (i === 0 ? 'Project' : i <= levels.length ? capitalise(LEVEL_PLURAL[levels[i - 1]]) : ''));
  return { headings, spans };
}

const isCode = (d: Cell): boolean => d.data.level !== 0;

/** "A1 Trust building · 45": label, name, rolled-up segments. */
export function cellText(node: Pick<HierarchyTreeNode, 'label' | 'name' | 'segments'>): string {
  const title = [node.label, node.name].filter((s) => s.trim() !== '').join(' ');
  return `${title} · ${node.segments}`;
}

function tooltip(d: Cell, links: LinkedConstructs[string] = []): string {
  const n = d.data;
  const what = n.level === 0 ? (d.depth === 0 ? 'project' : 'not yet placed') : LEVEL_NAME[n.level];
  const linked = links.map((l) => `\n${linkBadgeText(l)} (${l.datasetName})`).join('');
  return `${[n.label, n.name].filter(Boolean).join(' ')}\n${what} · ${plural(n.segments, 'segment')} · ${plural(n.sources, 'source')}${linked}`;
}

function ariaLabel(n: HierarchyTreeNode): string {
  const level = n.level === 0 ? '' : `, ${LEVEL_NAME[n.level]}`;
  return `${[n.label, n.name].filter(Boolean).join(' ')}${level}, ${plural(n.segments, 'segment')}`;
}

const plural = (n: number, word: string) => `${n} ${n === 1 ? word : `${word}s`}`;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The code's colour if it is a valid #rrggbb, else a neutral grey. */
function codeFill(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : '#9a958c';
}

/** White or the near-black text colour, whichever has the higher WCAG contrast ratio on `hex`. */
export function textOn(hex: string): string {
  const light = (1 + 0.05) / (relativeLuminance(hex) + 0.05);
  const dark = (relativeLuminance(hex) + 0.05) / (relativeLuminance(NEUTRAL_TEXT) + 0.05);
  return light >= dark ? '#ffffff' : NEUTRAL_TEXT;
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * "A1 Trust building · 45" fitted to `maxWidth` px: the name is shortened first so the count
 * stays readable ("A1 Trust bu… · 45"), then the whole text.
 */
export function fitCellText(node: Pick<HierarchyTreeNode, 'label' | 'name' | 'segments'>, maxWidth: number, fontSize: number): string {
  const full = cellText(node);
  if (textWidth(full, fontSize) <= maxWidth) return full;
  const suffix = ` · ${node.segments}`;
  const title = fitText(full.slice(0, full.length - suffix.length), maxWidth - textWidth(suffix, fontSize), fontSize);
  return title ? `${title}${suffix}` : fitText(full, maxWidth, fontSize);
}

/**
 * `text` cut to fit `maxWidth` px at `fontSize`, ending in "…"; '' when not even two
 * characters fit. Widths are estimated (CJK and other wide characters count a full em, the
 * rest ~0.6 em) so that the layout needs no measuring pass and works without a layout engine.
 */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  const widths = chars.map((c) => charWidth(c) * fontSize);
  const ellipsis = fontSize;
  let used = 0;
  let n = 0;
  while (n < chars.length && used + widths[n] + ellipsis <= maxWidth) used += widths[n++];
  return n < 2 ? '' : `${chars.slice(0, n).join('').trimEnd()}…`;
}

/**
 * `text` broken into at most `maxLines` lines of at most `maxWidth` px (estimated like
 * {@link fitText}): at spaces, and between any two CJK characters (Chinese and Japanese have no
 * spaces); a word wider than a line is broken inside. What does not fit ends the last line
 * with "…" — the full text is in the tooltip and the accessible name.
 *
 * @example
 * wrapText('Negotiating trust across generations', 120, 10, 3); // ['Negotiating trust', 'across generations']
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const tokens = text.trim().match(/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]+|\s+/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim() !== '') lines.push(line.trim());
    line = '';
  };
  for (let i = 0; i < tokens.length && lines.length < maxLines; i++) {
    const token = tokens[i];
    if (/^\s+$/.test(token)) {
      if (line !== '') line += ' ';
      continue;
    }
    if (textWidth(line + token, fontSize) <= maxWidth) {
      line += token;
      continue;
    }
    if (line.trim() !== '') {
      push();
      i--; // the token starts the next line
      continue;
    }
    // One word wider than the line: break it by characters.
    const chars = [...token];
    let n = 0;
    while (n < chars.length && textWidth(chars.slice(0, n + 1).join(''), fontSize) <= maxWidth) n++;
    line = chars.slice(0, Math.max(1, n)).join('');
    push();
    const rest = chars.slice(Math.max(1, n)).join('');
    if (rest) tokens.splice(i + 1, 0, rest);
  }
  push();
  if (lines.length > maxLines) lines.length = maxLines;
  const shown = lines.join(' ').replace(/\s+/g, '');
  const whole = text.replace(/\s+/g, '');
  if (shown.length < whole.length && lines.length > 0) {
    const last = lines[lines.length - 1];
    lines[lines.length - 1] = textWidth(`${last}…`, fontSize) <= maxWidth ? `${last}…` : fitText(`${last}……`, maxWidth, fontSize) || '…';
  }
  return lines;
}

/**
 * {@link cellText} on up to `maxLines` lines: the label and name wrapped ({@link wrapText}),
 * the count " · 45" kept whole at the end of the last line.
 *
 * @example
 * wrapCellText({ label: 'B12', name: 'Negotiating trust across generations', segments: 145 }, 150, 10, 3);
 * // ['B12 Negotiating', 'trust across', 'generations · 145']
 */
export function wrapCellText(node: Pick<HierarchyTreeNode, 'label' | 'name' | 'segments'>, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const suffix = ` · ${node.segments}`;
  const title = [node.label, node.name].filter((s) => s.trim() !== '').join(' ');
  const lines = wrapText(title, maxWidth - textWidth(suffix, fontSize), fontSize, maxLines);
  if (lines.length === 0) return [fitCellText(node, maxWidth, fontSize)];
  lines[lines.length - 1] += suffix;
  return lines;
}

/** Estimated width of `text` in px (see {@link fitText}). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text) em += charWidth(c);
  return em * fontSize;
}

function charWidth(c: string): number {
  const cp = c.codePointAt(0) ?? 0;
  // Hangul Jamo, CJK, Hangul syllables, full-width forms, emoji: about one em.
  if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) || cp >= 0x1f300) return 1;
  return 0.6;
}
