'use client';

import * as d3 from 'd3';

import { plotCoefficients, type CoefficientRow } from '@/lib/stats/plots/coefficients';
import { autoDigits, formatInterval, formatNumber } from '@/lib/stats/plots/format';

import { AxisBottom, estimateTextWidth, padExtent } from './axes';
import { PlotFigure } from './plot-figure';
import { PLOT } from './theme';

/** Props of {@link CoefficientPlot}. */
export interface CoefficientPlotProps {
  /**
   * Coefficient rows (term, estimate, ciLower, ciUpper, p): `coefficients` of an OLS, panel or
   * moderation result, or one τ's `coefficients` of a quantile regression.
   */
  coefficients: readonly CoefficientRow[];
  /** Confidence level of the intervals, for the labels (default 0.95). */
  level?: number;
  /** Show the intercept (default false). */
  intercept?: boolean;
  /** Only these terms, in this order. */
  terms?: readonly string[];
  /** Decimals of the printed values (default: two significant digits of the smallest estimate, 2–3 decimals). */
  digits?: number;
  /** Print "b [lower, upper]" right of the plot (default true). */
  showValues?: boolean;
  /** x-axis title (default "Estimate with 95% CI"). */
  xLabel?: string;
  title?: string;
  filename?: string;
}

const ROW = 30;

/**
 * Coefficient (forest) plot: one row per term, top to bottom in table order; the estimate as a
 * point, its confidence interval as a whisker, a dashed line at zero.
 */
export function CoefficientPlot({ coefficients, level = 0.95, intercept, terms, showValues = true, xLabel, title, filename, digits: digitsOption }: CoefficientPlotProps) {
  const rows = plotCoefficients(coefficients, { intercept, terms });
  const digits = digitsOption ?? autoDigits(rows.map((c) => c.estimate), 2, 3);
  const pct = `${Math.round(level * 1000) / 10}%`;
  const valueText = (c: CoefficientRow) => `${formatNumber(c.estimate, digits)} ${formatInterval(c.ciLower, c.ciUpper, digits)}`;
  const left = Math.ceil(Math.max(40, ...rows.map((c) => estimateTextWidth(c.term)))) + 20;
  const valuesWidth = showValues ? Math.ceil(Math.max(80, ...rows.map((c) => estimateTextWidth(valueText(c))))) + 24 : 0;
  const plotWidth = 360;
  const top = 28;
  const width = left + plotWidth + valuesWidth + 16;
  const height = top + Math.max(1, rows.length) * ROW + 60;
  const finite = rows.flatMap((c) => [c.ciLower, c.ciUpper, c.estimate]).filter(Number.isFinite);
  const extent = padExtent([Math.min(0, ...finite), Math.max(0, ...finite)], 0.06);
  const x = d3.scaleLinear().domain(extent).nice().range([left, left + plotWidth]);
  const y = (i: number) => top + i * ROW + ROW / 2;
  const bottom = top + rows.length * ROW;
  const heading = title ?? 'Coefficient estimates';
  const description = `Coefficient plot: estimates with ${pct} confidence intervals. ` + rows.map((c) => `${c.term}: ${valueText(c)}`).join('; ') + '.';

  return (
    <PlotFigure title={heading} description={description} width={width} height={height} filename={filename}>
      <line x1={x(0)} x2={x(0)} y1={top} y2={bottom} stroke={PLOT.grey} strokeDasharray="4 3" />
      {rows.map((c, i) => (
        <g key={c.term}>
          {i % 2 === 0 ? null : <rect x={left} y={top + i * ROW} width={plotWidth} height={ROW} fill="#f5f5f5" />}
          <text x={left - 10} y={y(i)} dy="0.32em" textAnchor="end" fontSize={PLOT.fontSize}>
            {c.term}
          </text>
          <line x1={x(c.ciLower)} x2={x(c.ciUpper)} y1={y(i)} y2={y(i)} stroke={PLOT.ink} strokeWidth={1.5} />
          <line x1={x(c.ciLower)} x2={x(c.ciLower)} y1={y(i) - 5} y2={y(i) + 5} stroke={PLOT.ink} strokeWidth={1.5} />
          <line x1={x(c.ciUpper)} x2={x(c.ciUpper)} y1={y(i) - 5} y2={y(i) + 5} stroke={PLOT.ink} strokeWidth={1.5} />
          <circle cx={x(c.estimate)} cy={y(i)} r={4.5} fill={PLOT.accent} stroke={PLOT.ink} strokeWidth={0.75} />
          {showValues ? (
            <text x={left + plotWidth + 16} y={y(i)} dy="0.32em" fontSize={PLOT.fontSize} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {valueText(c)}
            </text>
          ) : null}
        </g>
      ))}
      {showValues ? (
        <text x={left + plotWidth + 16} y={top - 10} fontSize={PLOT.fontSize} fill={PLOT.grey}>
          {`b [${pct} CI]`}
        </text>
      ) : null}
      <AxisBottom scale={x} at={bottom} label={xLabel ?? `Estimate with ${pct} CI`} />
    </PlotFigure>
  );
}
