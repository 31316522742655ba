'use client';

import * as d3 from 'd3';
import type { KeyboardEvent } from 'react';

import { PlotFigure } from '@/components/plots/plot-figure';
import { PLOT } from '@/components/plots/theme';

/** A row or column of the heatmap. */
export interface HeatmapAxisItem {
  key: string;
  label: string;
  /** Indentation (tree depth) of a row label. */
  depth?: number;
}

/** Props of {@link MatrixHeatmap}. */
export interface MatrixHeatmapProps {
  title: string;
  /** What the plot shows, for the SVG's <desc> (the counts are appended). */
  description: string;
  rows: readonly HeatmapAxisItem[];
  columns: readonly HeatmapAxisItem[];
  counts: readonly (readonly number[])[];
  /** 'presence': filled or empty cells with a check mark instead of counts. */
  mode?: 'count' | 'presence';
  /** Cells not defined (the co-occurrence diagonal): grey, no number, not clickable. */
  isBlank?: (i: number, j: number) => boolean;
  /** Noun for the accessible label of a cell, e.g. "segments", "co-occurrences". */
  unitNoun: string;
  selected?: { row: string; column: string } | null;
  onSelect?: (row: HeatmapAxisItem, column: HeatmapAxisItem) => void;
  filename?: string;
  caption?: React.ReactNode;
}

const MAX_LABEL = 34;
/** Label width in px: CJK and other wide characters take a full em, the rest about 0.6 em. */
const textWidth = (text: string, size: number = PLOT.fontSize) => [...text].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.6) * size, 0);
const short = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

/**
 * A count matrix as a heatmap (d3 scales, React SVG): white for 0 up to the accent blue at the
 * largest count, the count in each cell, rows labelled on the left (indented by depth),
 * columns at −45° above. Cells with a count are buttons (click or Enter) for the drill-down.
 */
export function MatrixHeatmap(props: MatrixHeatmapProps) {
  const { rows, columns, counts, mode = 'count', isBlank = () => false, unitNoun, selected, onSelect } = props;
  const cell = Math.max(30, Math.min(56, Math.floor(720 / Math.max(1, columns.length))));
  const rowHeight = 26;
  const rowLabelWidth = Math.ceil(Math.max(40, ...rows.map((r) => textWidth(short(r.label), PLOT.fontSize) + (r.depth ?? 0) * 14))) + 12;
  const top = Math.ceil(Math.max(30, ...columns.map((c) => textWidth(short(c.label), PLOT.fontSize))) * Math.SQRT1_2) + 24;
  const left = rowLabelWidth + 8;
  const gridWidth = columns.length * cell;
  const gridHeight = rows.length * rowHeight;
  // Room on the right for the last rotated column label, and below for the legend.
  const width = left + gridWidth + Math.max(24, Math.ceil(textWidth(short(columns.at(-1)?.label ?? ''), PLOT.fontSize) * Math.SQRT1_2) - cell / 2 + 12);
  const height = top + gridHeight + 44;
  let max = 0;
  counts.forEach((r, i) => r.forEach((n, j) => (isBlank(i, j) ? null : (max = Math.max(max, n)))));
  const colour = d3.scaleSequential(d3.interpolateRgb('#ffffff', PLOT.accent)).domain([0, Math.max(1, max)]);
  const fillOf = (n: number) => (mode === 'presence' ? (n > 0 ? '#8fb3d9' : '#ffffff') : colour(n));
  const inkOf = (n: number) => (mode === 'count' && n > 0.55 * Math.max(1, max) ? '#ffffff' : PLOT.ink);

  const description =
    `${props.description} ` +
    rows
      .map((r, i) => `${r.label}: ${columns.map((c, j) => (isBlank(i, j) ? null : `${c.label} ${counts[i][j]}`)).filter(Boolean).join(', ')}`)
      .join('; ') +
    '.';

  const activate = (i: number, j: number) => onSelect?.(rows[i], columns[j]);
  const onKey = (e: KeyboardEvent, i: number, j: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(i, j);
    }
  };

  return (
    <PlotFigure title={props.title} description={description} width={width} height={height} filename={props.filename} caption={props.caption}>
      <g>
        {columns.map((c, j) => (
          <text key={`c-${c.key}`} transform={`translate(${left + j * cell + cell / 2},${top - 8}) rotate(-45)`} fontSize={PLOT.fontSize}>
            <title>{c.label}</title>
            {short(c.label)}
          </text>
        ))}
        {rows.map((r, i) => (
          <text key={`r-${r.key}`} x={8 + (r.depth ?? 0) * 14} y={top + i * rowHeight + rowHeight / 2} dy="0.32em" fontSize={PLOT.fontSize} fontWeight={r.depth === 0 && rows.some((x) => (x.depth ?? 0) > 0) ? 600 : 400}>
            <title>{r.label}</title>
            {short(r.label)}
          </text>
        ))}
        {rows.map((r, i) =>
          columns.map((c, j) => {
            const blank = isBlank(i, j);
            const n = counts[i][j];
            const clickable = !blank && n > 0 && onSelect !== undefined;
            const isSelected = selected?.row === r.key && selected?.column === c.key;
            const label = blank ? '' : mode === 'presence' ? (n > 0 ? '✓' : '') : String(n);
            return (
              <g
                key={`${r.key}-${c.key}`}
                transform={`translate(${left + j * cell},${top + i * rowHeight})`}
                role={clickable ? 'button' : undefined}
                tabIndex={clickable ? 0 : undefined}
                aria-label={clickable ? `${r.label} × ${c.label}: ${n} ${unitNoun}` : undefined}
                aria-pressed={clickable ? isSelected : undefined}
                style={clickable ? { cursor: 'pointer' } : undefined}
                onClick={clickable ? () => activate(i, j) : undefined}
                onKeyDown={clickable ? (e) => onKey(e, i, j) : undefined}
                data-count={blank ? undefined : n}
              >
                <rect width={cell} height={rowHeight} fill={blank ? '#eeeeee' : fillOf(n)} stroke={PLOT.light} strokeWidth={0.5} />
                {isSelected ? <rect x={1.5} y={1.5} width={cell - 3} height={rowHeight - 3} fill="none" stroke="#d9480f" strokeWidth={3} /> : null}
                <text x={cell / 2} y={rowHeight / 2} dy="0.32em" textAnchor="middle" fontSize={PLOT.fontSize} fill={blank ? PLOT.grey : n === 0 ? '#9a9a9a' : inkOf(n)}>
                  {label}
                </text>
              </g>
            );
          }),
        )}
        <rect x={left} y={top} width={gridWidth} height={gridHeight} fill="none" stroke={PLOT.grey} strokeWidth={0.5} />
      </g>
      {mode === 'count' ? (
        <g aria-hidden="true" transform={`translate(${left},${top + gridHeight + 16})`}>
          {d3.range(0, 1.0001, 0.1).map((t) => (
            <rect key={t} x={t * 100} width={10.5} height={10} fill={colour(t * Math.max(1, max))} stroke="none" />
          ))}
          <rect width={110} height={10} fill="none" stroke={PLOT.grey} strokeWidth={0.5} />
          <text x={-4} y={5} dy="0.32em" textAnchor="end" fontSize={PLOT.fontSize}>
            0
          </text>
          <text x={116} y={5} dy="0.32em" fontSize={PLOT.fontSize}>
            {`${max} ${unitNoun}`}
          </text>
        </g>
      ) : null}
    </PlotFigure>
  );
}
