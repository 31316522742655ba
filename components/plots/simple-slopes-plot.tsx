'use client';

import * as d3 from 'd3';

import type { ModerationResult } from '@/lib/stats/moderate';
import { formatNumber, formatP } from '@/lib/stats/plots/format';
import { simpleSlopeLines, slopeLabel } from '@/lib/stats/plots/moderation';

import { AxisBottom, AxisLeft, estimateTextWidth, padExtent } from './axes';
import { PlotFigure } from './plot-figure';
import { PLOT } from './theme';

/** Props of {@link SimpleSlopesPlot}. */
export interface SimpleSlopesPlotProps {
  /** A moderation result (PROCESS model 1; lib/stats/moderate, the CLI's `stats moderate` JSON). */
  result: Pick<ModerationResult, 'x' | 'y' | 'w' | 'coefficients' | 'centering' | 'simpleSlopes' | 'covariates'>;
  /**
   * The X values the lines span, original metric, e.g. [mean − 1 SD, mean + 1 SD] of X (the
   * result does not carry X's distribution).
   */
  xRange: readonly [number, number];
  /** Value of each covariate term (PROCESS: the means); missing ones enter at 0, see simpleSlopeLines. */
  covariateValues?: Readonly<Record<string, number>>;
  xLabel?: string;
  yLabel?: string;
  title?: string;
  filename?: string;
}

/** Line styles in black and grey, telling the lines apart in print without colour. */
const STYLES = [
  { stroke: PLOT.ink, dash: '2 3', width: 2 },
  { stroke: PLOT.grey, dash: '8 4', width: 2 },
  { stroke: PLOT.accent, dash: '', width: 2.25 },
  { stroke: PLOT.ink, dash: '', width: 1.25 },
  { stroke: PLOT.grey, dash: '1 2', width: 2 },
];

const M = { top: 24, right: 24, bottom: 56, left: 68 };
const PW = 420;
const PH = 300;

/**
 * Simple slopes: predicted Y across X at each probed W (−1 SD, mean, +1 SD by default), one
 * line each, with a legend giving W and the slope's p.
 */
export function SimpleSlopesPlot({ result, xRange, covariateValues, xLabel, yLabel, title, filename }: SimpleSlopesPlotProps) {
  const lines = simpleSlopeLines(result, xRange[0], xRange[1], covariateValues);
  const legendItems = lines.map((l) => `${slopeLabel(l.label, l.w)}: b = ${formatNumber(l.slope)}, ${formatP(l.p)}`);
  // Other predictors are held fixed; say at what, so the lines' levels can be read.
  const held = result.coefficients
    .map((c) => c.term)
    .filter((t) => t !== '(Intercept)' && t !== result.x && t !== result.w && t !== `${result.x}:${result.w}`)
    .map((t) => `${t} = ${formatNumber(covariateValues?.[t] ?? 0)}`);
  const heldText = held.length ? `Held at: ${held.join(', ')}` : '';
  const legendWidth = Math.ceil(Math.max(...legendItems.map((t) => estimateTextWidth(t) + 38), estimateTextWidth(result.w), estimateTextWidth(heldText))) + 16;
  const width = M.left + PW + M.right + legendWidth;
  const height = M.top + PH + M.bottom;
  const ys = lines.flatMap((l) => [l.points[0][1], l.points[1][1]]);
  const x = d3.scaleLinear().domain([xRange[0], xRange[1]]).range([M.left, M.left + PW]);
  const y = d3.scaleLinear().domain(padExtent([Math.min(...ys), Math.max(...ys)], 0.12)).nice().range([M.top + PH, M.top]);
  const heading = title ?? `Simple slopes of ${result.x} on ${result.y} by ${result.w}`;
  const description =
    `Predicted ${result.y} across ${result.x} at ${lines.length} values of the moderator ${result.w}` +
    (result.covariates.length ? ` (covariates ${covariateValues ? 'at the given values' : 'at 0'})` : '') +
    '. ' +
    legendItems.join('; ') +
    '.';
  const lx = M.left + PW + M.right + 8;

  return (
    <PlotFigure title={heading} description={description} width={width} height={height} filename={filename}>
      {lines.map((l, i) => {
        const s = STYLES[i % STYLES.length];
        return (
          <line
            key={`${l.label}-${l.w}`}
            x1={x(l.points[0][0])}
            y1={y(l.points[0][1])}
            x2={x(l.points[1][0])}
            y2={y(l.points[1][1])}
            stroke={s.stroke}
            strokeWidth={s.width}
            strokeDasharray={s.dash || undefined}
          />
        );
      })}
      <AxisBottom scale={x} at={M.top + PH} label={xLabel ?? result.x} labelOffset={42} />
      <AxisLeft scale={y} at={M.left} label={yLabel ?? `Predicted ${result.y}`} labelOffset={52} />
      <g transform={`translate(${lx},${M.top + 4})`} fontSize={PLOT.fontSize}>
        <text fontSize={PLOT.labelSize} fontWeight="bold" dy="0.71em">
          {result.w}
        </text>
        {lines.map((l, i) => {
          const s = STYLES[i % STYLES.length];
          return (
            <g key={`${l.label}-${l.w}`} transform={`translate(0,${26 + i * 22})`}>
              <line x1={0} x2={30} y1={0} y2={0} stroke={s.stroke} strokeWidth={s.width} strokeDasharray={s.dash || undefined} />
              <text x={38} dy="0.32em">
                {legendItems[i]}
              </text>
            </g>
          );
        })}
        {held.length ? (
          <text y={26 + lines.length * 22 + 8} fill={PLOT.grey}>
            {heldText}
          </text>
        ) : null}
      </g>
    </PlotFigure>
  );
}
