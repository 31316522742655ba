'use client';

import * as d3 from 'd3';

import type { ModerationResult } from '@/lib/stats/moderate';
import { formatBounded, formatNumber } from '@/lib/stats/plots/format';
import { conditionalEffectCurve, type ConditionalEffectPoint } from '@/lib/stats/plots/moderation';

import { AxisBottom, AxisLeft, padExtent } from './axes';
import { PlotFigure } from './plot-figure';
import { PLOT } from './theme';

/** Props of {@link JohnsonNeymanPlot}. */
export interface JohnsonNeymanPlotProps {
  /** A moderation result with `johnsonNeyman` (null, for a dichotomous W, draws a notice). */
  result: Pick<
    ModerationResult,
    'x' | 'y' | 'w' | 'coefficients' | 'centering' | 'simpleSlopes' | 'johnsonNeyman' | 'dfResidual' | 'level' | 'wMean' | 'wSd'
  >;
  xLabel?: string;
  yLabel?: string;
  title?: string;
  filename?: string;
}

const M = { top: 40, right: 24, bottom: 74, left: 72 };
const PW = 480;
const PH = 300;

/**
 * Johnson–Neyman plot: the conditional effect of X on Y across the observed range of W with its
 * confidence band; the region where the effect is significant shaded; the J–N points marked.
 */
export function JohnsonNeymanPlot({ result, xLabel, yLabel, title, filename }: JohnsonNeymanPlotProps) {
  const jn = result.johnsonNeyman;
  const heading = title ?? `Conditional effect of ${result.x} on ${result.y} across ${result.w}`;
  const width = M.left + PW + M.right;
  const height = M.top + PH + M.bottom;
  if (!jn) {
    return (
      <PlotFigure title={heading} description={`${result.w} is dichotomous: there is no Johnson–Neyman region to draw.`} width={width} height={80} filename={filename}>
        <text x={16} y={44} fontSize={PLOT.labelSize}>
          {`${result.w} is dichotomous: see the simple slopes at its two values.`}
        </text>
      </PlotFigure>
    );
  }
  const curve = conditionalEffectCurve(result, { points: 121 });
  const x = d3.scaleLinear().domain([jn.wMin, jn.wMax]).range([M.left, M.left + PW]);
  const values = curve.flatMap((d) => [d.lower, d.upper]).concat(0);
  const y = d3.scaleLinear().domain(padExtent([Math.min(...values), Math.max(...values)], 0.06)).nice().range([M.top + PH, M.top]);
  const area = d3
    .area<ConditionalEffectPoint>()
    .x((d) => x(d.w))
    .y0((d) => y(d.lower))
    .y1((d) => y(d.upper));
  const line = d3
    .line<ConditionalEffectPoint>()
    .x((d) => x(d.w))
    .y((d) => y(d.effect));
  const alpha = formatBounded(jn.alpha, 2);
  const pct = `${Math.round(result.level * 1000) / 10}%`;
  const significant = jn.regions.filter((r) => r.significant);
  const regionText = significant.length
    ? significant.map((r) => `${formatNumber(r.from)} to ${formatNumber(r.to)} (${r.sign})`).join(' and ')
    : 'nowhere in the observed range';
  const description =
    `Conditional effect of ${result.x} on ${result.y} across ${result.w} (${formatNumber(jn.wMin)} to ${formatNumber(jn.wMax)}) with its ${pct} confidence band. ` +
    `The effect is significant at p < ${alpha} for ${result.w} from ${regionText}` +
    (jn.points.length ? `; Johnson–Neyman point${jn.points.length > 1 ? 's' : ''} at ${jn.points.map((p) => formatNumber(p.w)).join(' and ')}.` : '.');

  return (
    <PlotFigure title={heading} description={description} width={width} height={height} filename={filename}>
      {significant.map((r) => (
        <rect key={`${r.from}-${r.to}`} x={x(r.from)} y={M.top} width={Math.max(0, x(r.to) - x(r.from))} height={PH} fill={PLOT.region} />
      ))}
      <line x1={M.left} x2={M.left + PW} y1={y(0)} y2={y(0)} stroke={PLOT.grey} strokeWidth={1} strokeDasharray="4 3" />
      <path d={area(curve) ?? ''} fill={PLOT.band} fillOpacity={PLOT.bandOpacity} />
      <path d={line(curve) ?? ''} fill="none" stroke={PLOT.accent} strokeWidth={2} />
      {jn.points.map((p, i) => (
        <g key={p.w}>
          <line x1={x(p.w)} x2={x(p.w)} y1={M.top} y2={M.top + PH} stroke={PLOT.ink} strokeWidth={1} strokeDasharray="2 2" />
          <circle cx={x(p.w)} cy={y(p.slope)} r={3.5} fill={PLOT.ink} />
          <text x={x(p.w)} y={M.top - 8 - (jn.points.length > 1 && i % 2 === 1 ? 0 : 0)} textAnchor={x(p.w) > M.left + PW - 60 ? 'end' : x(p.w) < M.left + 60 ? 'start' : 'middle'} fontSize={PLOT.fontSize}>
            {`J–N: ${result.w} = ${formatNumber(p.w)}`}
          </text>
        </g>
      ))}
      <rect x={M.left} y={M.top} width={PW} height={PH} fill="none" stroke={PLOT.light} />
      <AxisBottom scale={x} at={M.top + PH} label={xLabel ?? `Moderator: ${result.w}`} labelOffset={40} />
      <AxisLeft scale={y} at={M.left} label={yLabel ?? `Conditional effect of ${result.x}`} labelOffset={54} />
      <text x={M.left} y={M.top + PH + 66} fontSize={PLOT.fontSize} fill={PLOT.grey}>
        {`Shaded: effect significant at p < ${alpha}. Band: ${pct} CI.`}
      </text>
    </PlotFigure>
  );
}
