import type { ScaleLinear } from 'd3';

import { formatNumber } from '@/lib/stats/plots/format';

import { PLOT } from './theme';

const TICK = 5;

/** Decimals enough to tell a scale's ticks apart (0 for integers, 1 for 0.5 steps …). */
export function tickDigits(ticks: readonly number[]): number {
  if (ticks.length < 2) return 2;
  const step = Math.abs(ticks[1] - ticks[0]);
  return Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
}

/** Props of {@link AxisBottom} and {@link AxisLeft}. */
export interface AxisProps {
  scale: ScaleLinear<number, number>;
  /** Where the axis line sits: y for a bottom axis, x for a left axis. */
  at: number;
  /** About how many ticks (d3's ticks). */
  ticks?: number;
  /** Axis title. */
  label?: string;
  /** Distance of the title from the axis line. */
  labelOffset?: number;
  format?: (v: number) => string;
}

/** A bottom axis drawn from a d3 linear scale: line, ticks, labels (true minus signs), title. */
export function AxisBottom({ scale, at, ticks = 6, label, labelOffset = 38, format }: AxisProps) {
  const values = scale.ticks(ticks);
  const fmt = format ?? ((v: number) => formatNumber(v, tickDigits(values)));
  const [r0, r1] = scale.range();
  return (
    <g aria-hidden="true">
      <line x1={r0} x2={r1} y1={at} y2={at} stroke={PLOT.ink} strokeWidth={PLOT.strokeWidth} />
      {values.map((v) => (
        <g key={v} transform={`translate(${scale(v)},${at})`}>
          <line y2={TICK} stroke={PLOT.ink} strokeWidth={PLOT.strokeWidth} />
          <text y={TICK + 3} dy="0.71em" textAnchor="middle" fontSize={PLOT.fontSize}>
            {fmt(v)}
          </text>
        </g>
      ))}
      {label ? (
        <text x={(r0 + r1) / 2} y={at + labelOffset} textAnchor="middle" fontSize={PLOT.labelSize}>
          {label}
        </text>
      ) : null}
    </g>
  );
}

/** A left axis drawn from a d3 linear scale; the title is rotated. */
export function AxisLeft({ scale, at, ticks = 6, label, labelOffset = 48, format }: AxisProps) {
  const values = scale.ticks(ticks);
  const fmt = format ?? ((v: number) => formatNumber(v, tickDigits(values)));
  const [r0, r1] = scale.range();
  return (
    <g aria-hidden="true">
      <line x1={at} x2={at} y1={r0} y2={r1} stroke={PLOT.ink} strokeWidth={PLOT.strokeWidth} />
      {values.map((v) => (
        <g key={v} transform={`translate(${at},${scale(v)})`}>
          <line x2={-TICK} stroke={PLOT.ink} strokeWidth={PLOT.strokeWidth} />
          <text x={-TICK - 3} dy="0.32em" textAnchor="end" fontSize={PLOT.fontSize}>
            {fmt(v)}
          </text>
        </g>
      ))}
      {label ? (
        <text transform={`translate(${at - labelOffset},${(r0 + r1) / 2}) rotate(-90)`} textAnchor="middle" fontSize={PLOT.labelSize}>
          {label}
        </text>
      ) : null}
    </g>
  );
}

/** Pads a [min, max] extent by `fraction` of its width on both sides (a zero width gets ±1). */
export function padExtent([lo, hi]: [number, number], fraction = 0.05): [number, number] {
  if (!(hi > lo)) return [lo - 1, hi + 1];
  const pad = (hi - lo) * fraction;
  return [lo - pad, hi + pad];
}

/**
 * Estimated width of `text` in px at `fontSize` (≈0.6 em a character for Helvetica-like
 * faces): lays out labels without a measuring pass, so plots render on the server too.
 */
export function estimateTextWidth(text: string, fontSize: number = PLOT.fontSize): number {
  return [...text].length * fontSize * 0.6;
}

/** A `useId()` value safe inside url(#…) references (letters, digits, _ and - only). */
export function svgSafeId(id: string): string {
  return `p${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
}
