'use client';

import * as d3 from 'd3';

import { formatNumber } from '@/lib/stats/plots/format';
import { histogramBins, meanSd, normalDensity, type Histogram } from '@/lib/stats/plots/histogram';

import { AxisBottom, AxisLeft } from './axes';
import { PlotFigure } from './plot-figure';
import { PLOT } from './theme';

/** Props of {@link ResidualHistogram}. */
export interface ResidualHistogramProps {
  /**
   * Residuals of a fitted model. The OLS result does not carry them: the page (or API) must pass
   * them, e.g. from fitLinearModel's `residuals`.
   */
  residuals: ArrayLike<number>;
  /**
   * Bins, mean and SD computed elsewhere from ALL residuals (lib/stats/diagnostics
   * histogramOfAll), when `residuals` is only a subsample or empty; used instead of binning
   * `residuals`.
   */
  binned?: Histogram & { mean: number; sd: number };
  /** About how many bins (default Sturges). */
  bins?: number;
  xLabel?: string;
  title?: string;
  filename?: string;
}

const M = { top: 32, right: 24, bottom: 56, left: 64 };
const PW = 440;
const PH = 280;

/** Histogram of the residuals (counts) with the normal density of the same mean and SD. */
export function ResidualHistogram({ residuals, binned, bins, xLabel = 'Residual', title, filename }: ResidualHistogramProps) {
  const h = binned ?? histogramBins(residuals, { count: bins });
  const { mean, sd, n } = binned ?? meanSd(residuals);
  const from = h.bins[0].x0;
  const to = h.bins[h.bins.length - 1].x1;
  // The normal density of the same mean and SD on the count scale (n · width · φ), as normalCurve.
  const curve = Array.from({ length: 161 }, (_, i): [number, number] => {
    const x = from + ((to - from) * i) / 160;
    return [x, n * h.width * normalDensity(x, mean, sd)];
  });
  const x = d3.scaleLinear().domain([from, to]).range([M.left, M.left + PW]);
  const top = Math.max(...h.bins.map((b) => b.count), ...curve.map((p) => p[1]));
  const y = d3.scaleLinear().domain([0, top * 1.05]).nice().range([M.top + PH, M.top]);
  const width = M.left + PW + M.right;
  const height = M.top + PH + M.bottom;
  const path = d3.line().x((p) => x(p[0])).y((p) => y(p[1]))(curve) ?? '';
  const heading = title ?? 'Distribution of residuals';
  const description =
    `Histogram of ${n} residuals in ${h.bins.length} bins of width ${formatNumber(h.width, 3)} from ${formatNumber(from, 3)} to ${formatNumber(to, 3)}, ` +
    `with the normal density of mean ${formatNumber(mean, 3)} and SD ${formatNumber(sd, 3)}. Counts: ${h.bins.map((b) => b.count).join(', ')}.`;

  return (
    <PlotFigure title={heading} description={description} width={width} height={height} filename={filename}>
      {h.bins.map((b) => (
        <rect key={b.x0} x={x(b.x0)} y={y(b.count)} width={Math.max(0, x(b.x1) - x(b.x0))} height={y(0) - y(b.count)} fill={PLOT.light} stroke={PLOT.ink} strokeWidth={0.75} />
      ))}
      <path d={path} fill="none" stroke={PLOT.accent} strokeWidth={2} />
      <AxisBottom scale={x} at={M.top + PH} label={xLabel} />
      <AxisLeft scale={y} at={M.left} label="Frequency" labelOffset={44} />
      <text x={M.left + PW} y={M.top - 14} textAnchor="end" fontSize={PLOT.fontSize} fill={PLOT.grey}>
        {`Curve: normal, M = ${formatNumber(mean, 2)}, SD = ${formatNumber(sd, 2)}`}
      </text>
    </PlotFigure>
  );
}
