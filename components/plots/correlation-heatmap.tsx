'use client';

import * as d3 from 'd3';
import { useId } from 'react';

import type { CorrelationResult } from '@/lib/stats/correlation';
import { formatBounded } from '@/lib/stats/plots/format';

import { estimateTextWidth, svgSafeId } from './axes';
import { PlotFigure } from './plot-figure';
import { PLOT } from './theme';

/** Props of {@link CorrelationHeatmap}. */
export interface CorrelationHeatmapProps {
  /** A correlation result (lib/stats/correlation; the CLI's `stats correlation` JSON). */
  result: Pick<CorrelationResult, 'method' | 'variables' | 'r' | 'p' | 'stars'>;
  /** Print significance stars after the values (default true). */
  showStars?: boolean;
  /** Only the lower triangle (default false: the full matrix). */
  lowerOnly?: boolean;
  /** Note explaining the stars (default the APA convention). */
  starNote?: string;
  title?: string;
  filename?: string;
}

/** Colour-bar ticks (APA style: no leading zero, true minus). */
const LEGEND_TICKS: ReadonlyArray<[number, string]> = [
  [1, '1'],
  [0.5, '.5'],
  [0, '0'],
  [-0.5, '−.5'],
  [-1, '−1'],
];

const APA_NOTE = '* p < .05, ** p < .01, *** p < .001';

/**
 * Correlation matrix as a heatmap: diverging colour scale from −1 (red) through 0 (white) to
 * +1 (blue), the value printed in each cell (with stars), a colour bar.
 */
export function CorrelationHeatmap({ result, showStars = true, lowerOnly = false, starNote = APA_NOTE, title, filename }: CorrelationHeatmapProps) {
  const gradientId = `${svgSafeId(useId())}-legend`;
  const vars = result.variables;
  const k = vars.length;
  const cell = Math.max(44, Math.min(72, Math.floor(560 / Math.max(1, k))));
  const labelWidth = Math.ceil(Math.max(...vars.map((v) => estimateTextWidth(v, PLOT.fontSize)), 20)) + 12;
  // Column labels are rotated −45° when they would not fit across a cell.
  const rotate = vars.some((v) => estimateTextWidth(v) > cell - 6);
  const top = rotate ? Math.ceil(Math.max(...vars.map((v) => estimateTextWidth(v))) * Math.SQRT1_2) + 20 : 28;
  const left = labelWidth + 8;
  const legendX = left + k * cell + 24;
  const width = legendX + 70;
  const gridHeight = k * cell;
  const height = top + gridHeight + (showStars ? 40 : 16);
  const colour = d3.scaleDiverging<string>(d3.interpolateRdBu).domain([-1, 0, 1]);
  const method = result.method === 'spearman' ? 'Spearman' : 'Pearson';
  const heading = title ?? `${method} correlations`;
  const legend = d3.scaleLinear().domain([1, -1]).range([top, top + gridHeight]);

  const description = `${method} correlation matrix of ${k} variables (${vars.join(', ')}), drawn as a heatmap from −1 (red) to +1 (blue). ` +
    vars
      .flatMap((a, i) => vars.slice(0, i).map((b, j) => `${a} with ${b}: r = ${formatBounded(result.r[i][j])}${result.stars[i]?.[j] ?? ''}`))
      .join('; ') + '.';

  return (
    <PlotFigure title={heading} description={description} width={width} height={height} filename={filename}>
      <g>
        {vars.map((v, j) => (
          <text
            key={`c-${v}`}
            transform={rotate ? `translate(${left + j * cell + cell / 2},${top - 8}) rotate(-45)` : undefined}
            x={rotate ? undefined : left + j * cell + cell / 2}
            y={rotate ? undefined : top - 8}
            textAnchor={rotate ? 'start' : 'middle'}
            fontSize={PLOT.fontSize}
          >
            {v}
          </text>
        ))}
        {vars.map((v, i) => (
          <text key={`r-${v}`} x={left - 8} y={top + i * cell + cell / 2} dy="0.32em" textAnchor="end" fontSize={PLOT.fontSize}>
            {v}
          </text>
        ))}
        {vars.map((rowVar, i) =>
          vars.map((colVar, j) => {
            if (lowerOnly && j > i) return null;
            const r = result.r[i][j];
            const diagonal = i === j;
            const fill = diagonal ? '#f2f2f2' : Number.isFinite(r) ? colour(r) : '#ffffff';
            const text = diagonal ? '1' : Number.isFinite(r) ? `${formatBounded(r)}${showStars ? (result.stars[i]?.[j] ?? '') : ''}` : '—';
            return (
              <g key={`${rowVar}-${colVar}`} transform={`translate(${left + j * cell},${top + i * cell})`}>
                <rect width={cell} height={cell} fill={fill} stroke={PLOT.paper} strokeWidth={1} />
                <text x={cell / 2} y={cell / 2} dy="0.32em" textAnchor="middle" fontSize={PLOT.fontSize} fill={!diagonal && Math.abs(r) >= 0.6 ? '#ffffff' : PLOT.ink}>
                  {text}
                </text>
              </g>
            );
          }),
        )}
        <rect x={left} y={top} width={k * cell} height={gridHeight} fill="none" stroke={PLOT.grey} strokeWidth={0.5} />
      </g>
      <g aria-hidden="true">
        <defs>
          <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
            {d3.range(0, 1.0001, 0.1).map((t) => (
              <stop key={t} offset={t} stopColor={colour(1 - 2 * t)} />
            ))}
          </linearGradient>
        </defs>
        <rect x={legendX} y={top} width={14} height={gridHeight} fill={`url(#${gradientId})`} stroke={PLOT.grey} strokeWidth={0.5} />
        {LEGEND_TICKS.map(([v, text]) => (
          <g key={v} transform={`translate(${legendX + 14},${legend(v)})`}>
            <line x2={4} stroke={PLOT.ink} />
            <text x={7} dy="0.32em" fontSize={PLOT.fontSize}>
              {text}
            </text>
          </g>
        ))}
      </g>
      {showStars ? (
        <text x={left} y={top + gridHeight + 26} fontSize={PLOT.fontSize} fill={PLOT.grey}>
          {`Note. ${starNote}.`}
        </text>
      ) : null}
    </PlotFigure>
  );
}
