'use client';

import * as d3 from 'd3';

import { AxisBottom, AxisLeft } from '@/components/plots/axes';
import { PlotFigure } from '@/components/plots/plot-figure';
import { PLOT } from '@/components/plots/theme';

/** One source on the curve. */
export interface EmergenceCurvePoint {
  position: number;
  title: string;
  saturationTest: boolean;
  cumulative: { 1: number; 2: number; 3: number };
}

export interface EmergenceCurveProps {
  points: readonly EmergenceCurvePoint[];
  /** Guest et al.'s saturation point (1-based position), drawn as a vertical rule. */
  reachedAt: number | null;
  projectName: string;
}

// Black, grey and the accent, with different dashes: the lines stay apart in print.
const SERIES = [
  { level: 1, name: 'Concepts', stroke: PLOT.accent, dash: '', width: 2.25 },
  { level: 2, name: 'Categories', stroke: PLOT.ink, dash: '6 3', width: 2 },
  { level: 3, name: 'Main categories', stroke: PLOT.grey, dash: '2 3', width: 2 },
] as const;

const M = { top: 20, right: 24, bottom: 56, left: 60 };
const PW = 560;
const PH = 280;
const LEGEND = 170;

/**
 * The emergence curve: the cumulative number of concepts, categories and main categories after
 * each source in coding order, as steps (a code appears with a source, not between two). Test
 * sources are shaded; Guest et al.'s saturation point is a vertical rule.
 */
export function EmergenceCurve({ points, reachedAt, projectName }: EmergenceCurveProps) {
  const n = points.length;
  const width = M.left + PW + M.right + LEGEND;
  const height = M.top + PH + M.bottom;
  // Source p sits at x = p; half a step of room on the right keeps its band and jump inside.
  const x = d3.scaleLinear().domain([0, Math.max(n, 1) + 0.5]).range([M.left, M.left + PW]);
  const top = Math.max(1, ...points.map((p) => p.cumulative[1]), ...points.map((p) => p.cumulative[2]));
  // Headroom above the highest count, so the top step is not drawn on the frame.
  const y = d3.scaleLinear().domain([0, top + Math.max(1, Math.ceil(top * 0.08))]).nice().range([M.top + PH, M.top]);
  const integer = (v: number) => (Number.isInteger(v) ? String(v) : '');
  const line = (level: 1 | 2 | 3) =>
    d3
      .line<[number, number]>()
      .x((d) => x(d[0]))
      .y((d) => y(d[1]))
      .curve(d3.curveStepAfter)([[0, 0], ...points.map((p): [number, number] => [p.position, p.cumulative[level]]), ...(n ? [[n + 0.5, points[n - 1].cumulative[level]] as [number, number]] : [])]) ?? '';
  const tests = points.filter((p) => p.saturationTest);
  const last = points[n - 1];
  const description =
    n === 0
      ? 'No coded sources yet.'
      : `Cumulative codes over ${n} sources in coding order: ${last.cumulative[1]} concepts, ${last.cumulative[2]} categories and ${last.cumulative[3]} main categories after the last source.` +
        (reachedAt !== null ? ` Saturation (Guest et al.) at source ${reachedAt}.` : '') +
        (tests.length ? ` ${tests.length} test sources shaded.` : '');

  return (
    <PlotFigure title="Emergence curve" description={description} width={width} height={height} filename={`${projectName} emergence curve`}>
      {tests.map((p) => (
        <rect key={p.position} x={x(p.position - 0.5)} width={x(p.position + 0.5) - x(p.position - 0.5)} y={M.top} height={PH} fill={PLOT.region} data-testid="test-band">
          <title>{`Test source ${p.position}: ${p.title}`}</title>
        </rect>
      ))}
      {reachedAt !== null ? (
        <g>
          <line x1={x(reachedAt)} x2={x(reachedAt)} y1={M.top} y2={M.top + PH} stroke={PLOT.grey} strokeDasharray="4 3" />
          <text x={x(reachedAt) + 4} y={M.top + 12} fontSize={PLOT.fontSize} fill={PLOT.grey}>
            saturation
          </text>
        </g>
      ) : null}
      {SERIES.map((s) => (
        <g key={s.level}>
          <path d={line(s.level)} fill="none" stroke={s.stroke} strokeWidth={s.width} strokeDasharray={s.dash || undefined} data-testid={`curve-${s.level}`} />
          {points.map((p) => (
            <circle key={p.position} cx={x(p.position)} cy={y(p.cumulative[s.level])} r={2.75} fill={s.stroke}>
              <title>{`${p.position}. ${p.title}: ${p.cumulative[s.level]} ${s.name.toLowerCase()}`}</title>
            </circle>
          ))}
        </g>
      ))}
      <AxisBottom scale={x} at={M.top + PH} label="Sources in coding order" labelOffset={42} ticks={Math.min(10, Math.max(n, 1))} format={integer} />
      <AxisLeft scale={y} at={M.left} label="Cumulative codes" labelOffset={44} format={integer} />
      <g transform={`translate(${M.left + PW + M.right + 4},${M.top + 4})`} fontSize={PLOT.fontSize}>
        {SERIES.map((s, i) => (
          <g key={s.level} transform={`translate(0,${i * 22})`}>
            <line x1={0} x2={28} stroke={s.stroke} strokeWidth={s.width} strokeDasharray={s.dash || undefined} />
            <text x={36} dy="0.32em">
              {s.name}
            </text>
          </g>
        ))}
        {tests.length ? (
          <g transform={`translate(0,${SERIES.length * 22})`}>
            <rect x={0} y={-7} width={28} height={14} fill={PLOT.region} />
            <text x={36} dy="0.32em">
              Test sources
            </text>
          </g>
        ) : null}
      </g>
    </PlotFigure>
  );
}
