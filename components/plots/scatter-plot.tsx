'use client';

import * as d3 from 'd3';

import { autoDigits, formatNumber } from '@/lib/stats/plots/format';
import { regressionBand, simpleRegression } from '@/lib/stats/plots/regression-line';

import { AxisBottom, AxisLeft, padExtent } from './axes';
import { PlotFigure } from './plot-figure';
import { PLOT } from './theme';

/** Props of {@link ScatterPlot}. */
export interface ScatterPlotProps {
  /** x values (pairs with a non-finite member are skipped). */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  xLabel: string;
  yLabel: string;
  /** Draw the OLS line of y on x (default true). */
  line?: boolean;
  /** Draw the confidence band of the line (default true). */
  band?: boolean;
  /** Confidence level of the band (default 0.95). */
  level?: number;
  /** A horizontal reference line (e.g. 0 for residuals against fitted values). */
  referenceY?: number;
  title?: string;
  filename?: string;
}

const M = { top: 32, right: 24, bottom: 56, left: 68 };
const PW = 440;
const PH = 320;

/**
 * Scatter plot of y against x with the least-squares line and its confidence band (the mean
 * of y given x, as R's predict.lm(interval = "confidence")). Also serves as a residuals
 * against fitted values plot (line off, referenceY 0).
 */
export function ScatterPlot({ x: xs, y: ys, xLabel, yLabel, line = true, band = true, level = 0.95, referenceY, title, filename }: ScatterPlotProps) {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) pairs.push([xs[i], ys[i]]);
  const fit = line && pairs.length >= 3 ? simpleRegression(xs, ys) : null;
  const xExt = padExtent(d3.extent(pairs, (p) => p[0]) as [number, number]);
  const x = d3.scaleLinear().domain(xExt).nice().range([M.left, M.left + PW]);
  const [d0, d1] = x.domain();
  const bandPoints = fit ? regressionBand(fit, d0, d1, { level, points: 80 }) : [];
  const yValues = pairs.map((p) => p[1]).concat(band ? bandPoints.flatMap((d) => [d.lower, d.upper]) : [], referenceY ?? []);
  const y = d3.scaleLinear().domain(padExtent([Math.min(...yValues), Math.max(...yValues)])).nice().range([M.top + PH, M.top]);
  const width = M.left + PW + M.right;
  const height = M.top + PH + M.bottom;
  const pct = `${Math.round(level * 1000) / 10}%`;
  const area = d3
    .area<(typeof bandPoints)[number]>()
    .x((d) => x(d.x))
    .y0((d) => y(d.lower))
    .y1((d) => y(d.upper));
  const heading = title ?? `${yLabel} against ${xLabel}`;
  const description =
    `Scatter plot of ${pairs.length} cases, ${yLabel} against ${xLabel}` +
    (fit ? `, with the least-squares line ŷ = ${formatNumber(fit.intercept, 3)} + ${formatNumber(fit.slope, 3)}·x${band ? ` and its ${pct} confidence band` : ''}` : '') +
    '.';

  return (
    <PlotFigure title={heading} description={description} width={width} height={height} filename={filename}>
      {referenceY !== undefined ? <line x1={M.left} x2={M.left + PW} y1={y(referenceY)} y2={y(referenceY)} stroke={PLOT.grey} strokeDasharray="4 3" /> : null}
      {fit && band ? <path d={area(bandPoints) ?? ''} fill={PLOT.band} fillOpacity={PLOT.bandOpacity} /> : null}
      {pairs.map(([a, b], i) => (
        <circle key={i} cx={x(a)} cy={y(b)} r={2.5} fill="none" stroke={PLOT.ink} strokeWidth={0.9} strokeOpacity={0.8} />
      ))}
      {fit ? <line x1={x(d0)} y1={y(fit.intercept + fit.slope * d0)} x2={x(d1)} y2={y(fit.intercept + fit.slope * d1)} stroke={PLOT.accent} strokeWidth={2} /> : null}
      <AxisBottom scale={x} at={M.top + PH} label={xLabel} />
      <AxisLeft scale={y} at={M.left} label={yLabel} labelOffset={52} />
      {fit ? (
        <text x={M.left + PW} y={M.top - 14} textAnchor="end" fontSize={PLOT.fontSize} fill={PLOT.grey}>
          {`ŷ = ${formatNumber(fit.intercept, autoDigits([fit.intercept]))} ${fit.slope < 0 ? '−' : '+'} ${formatNumber(Math.abs(fit.slope), autoDigits([fit.slope]))}·x${band ? `; band: ${pct} CI of the mean` : ''}`}
        </text>
      ) : null}
    </PlotFigure>
  );
}
