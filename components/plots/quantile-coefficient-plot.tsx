'use client';

import * as d3 from 'd3';

import type { QregResult } from '@/lib/stats/qreg';
import { quantileSeries } from '@/lib/stats/plots/coefficients';
import { formatNumber } from '@/lib/stats/plots/format';
import type { Coefficient } from '@/lib/stats/types';

import { AxisBottom, AxisLeft, padExtent } from './axes';
import { PlotFigure } from './plot-figure';
import { PLOT } from './theme';

/** Props of {@link QuantileCoefficientPlot}. */
export interface QuantileCoefficientPlotProps {
  /** A quantile-regression result with several τ, or single-τ results to combine. */
  result: Pick<QregResult, 'terms' | 'quantiles'> | ReadonlyArray<Pick<QregResult, 'terms' | 'quantiles'>>;
  /** OLS coefficients of the same model (`ols(...).coefficients`): drawn as dashed lines. */
  ols?: ReadonlyArray<Pick<Coefficient, 'term' | 'estimate'>>;
  /** Confidence level of the qreg intervals, for the legend (default 0.95). */
  level?: number;
  intercept?: boolean;
  terms?: readonly string[];
  /** Panels per row (default up to 3). */
  columns?: number;
  title?: string;
  filename?: string;
}

const PANEL_W = 230;
const PANEL_H = 170;
const M = { top: 30, right: 14, bottom: 44, left: 56 };

/**
 * Quantile-regression coefficients across τ, one small multiple per term: the estimate by τ
 * (line and points) with its confidence band, zero as a grey line, the OLS estimate dashed.
 */
export function QuantileCoefficientPlot({ result, ols, level = 0.95, intercept, terms, columns, title, filename }: QuantileCoefficientPlotProps) {
  const series = quantileSeries(result, { intercept, terms });
  const cols = Math.max(1, Math.min(columns ?? 3, series.length));
  const rows = Math.ceil(series.length / cols);
  const cellW = M.left + PANEL_W + M.right;
  const cellH = M.top + PANEL_H + M.bottom;
  const legendH = 34;
  const width = cols * cellW + 8;
  const height = legendH + rows * cellH;
  const taus = series[0]?.points.map((p) => p.tau) ?? [];
  const x = d3.scaleLinear().domain(padExtent([Math.min(...taus, 0.1), Math.max(...taus, 0.9)], 0.04)).range([0, PANEL_W]);
  const pct = `${Math.round(level * 1000) / 10}%`;
  const olsOf = (term: string) => ols?.find((c) => c.term === term)?.estimate;
  const heading = title ?? 'Quantile-regression coefficients by τ';
  const description =
    `Coefficients of a quantile regression at τ = ${taus.join(', ')} with ${pct} confidence bands, one panel per term` +
    (ols ? '; dashed line: OLS estimate' : '') +
    '. ' +
    series.map((s) => `${s.term}: ${s.points.map((p) => `τ ${p.tau}: ${formatNumber(p.estimate, 3)}`).join(', ')}`).join('; ') +
    '.';
  const area = d3.area<{ tau: number; ciLower: number; ciUpper: number }>();
  const line = d3.line<{ tau: number; estimate: number }>();

  return (
    <PlotFigure title={heading} description={description} width={width} height={height} filename={filename}>
      <g transform={`translate(${M.left},8)`} fontSize={PLOT.fontSize}>
        <rect x={0} y={2} width={18} height={10} fill={PLOT.band} fillOpacity={PLOT.bandOpacity} />
        <line x1={0} x2={18} y1={7} y2={7} stroke={PLOT.accent} strokeWidth={1.75} />
        <text x={24} y={7} dy="0.32em">{`Quantile regression (${pct} CI)`}</text>
        {ols ? (
          <g transform="translate(240,0)">
            <line x1={0} x2={24} y1={7} y2={7} stroke={PLOT.ink} strokeWidth={1.25} strokeDasharray="6 4" />
            <text x={30} y={7} dy="0.32em">
              OLS
            </text>
          </g>
        ) : null}
      </g>
      {series.map((s, i) => {
        const ox = (i % cols) * cellW + M.left;
        const oy = legendH + Math.floor(i / cols) * cellH + M.top;
        const o = olsOf(s.term);
        const values = s.points.flatMap((p) => [p.ciLower, p.ciUpper]).concat(o ?? [], 0).filter(Number.isFinite);
        const y = d3.scaleLinear().domain(padExtent([Math.min(...values), Math.max(...values)], 0.08)).nice().range([PANEL_H, 0]);
        area.x((p) => x(p.tau)).y0((p) => y(p.ciLower)).y1((p) => y(p.ciUpper));
        line.x((p) => x(p.tau)).y((p) => y(p.estimate));
        return (
          <g key={s.term} transform={`translate(${ox},${oy})`}>
            <text x={PANEL_W / 2} y={-12} textAnchor="middle" fontSize={PLOT.labelSize} fontWeight="bold">
              {s.term}
            </text>
            <rect width={PANEL_W} height={PANEL_H} fill="none" stroke={PLOT.light} />
            {y.domain()[0] < 0 && y.domain()[1] > 0 ? <line x1={0} x2={PANEL_W} y1={y(0)} y2={y(0)} stroke={PLOT.grey} strokeWidth={0.75} /> : null}
            <path d={area(s.points) ?? ''} fill={PLOT.band} fillOpacity={PLOT.bandOpacity} />
            {o !== undefined ? <line x1={0} x2={PANEL_W} y1={y(o)} y2={y(o)} stroke={PLOT.ink} strokeWidth={1.25} strokeDasharray="6 4" /> : null}
            <path d={line(s.points) ?? ''} fill="none" stroke={PLOT.accent} strokeWidth={1.75} />
            {s.points.map((p) => (
              <circle key={p.tau} cx={x(p.tau)} cy={y(p.estimate)} r={3} fill={PLOT.accent} />
            ))}
            <g transform="translate(0,0)">
              <AxisLeft scale={y.copy().range([PANEL_H, 0])} at={0} ticks={5} label={i % cols === 0 ? 'Coefficient' : undefined} labelOffset={44} />
              <AxisBottom scale={x} at={PANEL_H} ticks={5} label="Quantile (τ)" labelOffset={36} format={(v) => formatNumber(v, 1)} />
            </g>
          </g>
        );
      })}
    </PlotFigure>
  );
}
