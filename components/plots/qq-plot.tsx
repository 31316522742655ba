'use client';

import * as d3 from 'd3';
import { useId } from 'react';

import { formatNumber } from '@/lib/stats/plots/format';
import { qqLine, qqPoints } from '@/lib/stats/plots/qq';

import { AxisBottom, AxisLeft, padExtent, svgSafeId } from './axes';
import { PlotFigure } from './plot-figure';
import { PLOT } from './theme';

/** Props of {@link QqPlot}. */
export interface QqPlotProps {
  /** Residuals (or any sample). The OLS result does not carry them: the page/API must pass them. */
  residuals: ArrayLike<number>;
  yLabel?: string;
  title?: string;
  filename?: string;
}

const M = { top: 20, right: 24, bottom: 56, left: 68 };
const PW = 380;
const PH = 320;

/**
 * Normal Q–Q plot: sorted residuals against standard-normal quantiles at R's ppoints, with the
 * reference line through the quartiles (R's qqnorm + qqline).
 */
export function QqPlot({ residuals, yLabel = 'Sample quantiles (residuals)', title, filename }: QqPlotProps) {
  const clipId = `${svgSafeId(useId())}-clip`;
  const points = qqPoints(residuals);
  const ref = qqLine(residuals);
  const tx = points.map((p) => p.theoretical);
  const sy = points.map((p) => p.sample);
  const x = d3.scaleLinear().domain(padExtent([Math.min(...tx), Math.max(...tx)])).nice().range([M.left, M.left + PW]);
  const y = d3.scaleLinear().domain(padExtent([Math.min(...sy), Math.max(...sy)])).nice().range([M.top + PH, M.top]);
  const [x0, x1] = x.domain();
  const width = M.left + PW + M.right;
  const height = M.top + PH + M.bottom;
  const heading = title ?? 'Normal Q–Q plot of residuals';
  const description =
    `Normal Q–Q plot of ${points.length} residuals: sample quantiles against theoretical normal quantiles, ` +
    `with the reference line through the quartiles (intercept ${formatNumber(ref.intercept, 3)}, slope ${formatNumber(ref.slope, 3)}). ` +
    'Points far from the line in the tails indicate non-normal residuals.';

  return (
    <PlotFigure title={heading} description={description} width={width} height={height} filename={filename}>
      <defs>
        <clipPath id={clipId}>
          <rect x={M.left} y={M.top} width={PW} height={PH} />
        </clipPath>
      </defs>
      <line
        x1={x(x0)}
        y1={y(ref.intercept + ref.slope * x0)}
        x2={x(x1)}
        y2={y(ref.intercept + ref.slope * x1)}
        stroke={PLOT.accent}
        strokeWidth={1.5}
        clipPath={`url(#${clipId})`}
      />
      {points.map((p) => (
        <circle key={p.index} cx={x(p.theoretical)} cy={y(p.sample)} r={2.5} fill="none" stroke={PLOT.ink} strokeWidth={0.9} />
      ))}
      <AxisBottom scale={x} at={M.top + PH} label="Theoretical quantiles (standard normal)" />
      <AxisLeft scale={y} at={M.left} label={yLabel} labelOffset={52} />
    </PlotFigure>
  );
}
