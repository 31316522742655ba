'use client';

import * as d3 from 'd3';

import { PLOT } from '@/components/plots/theme';
import { PlotFigure } from '@/components/plots/plot-figure';
import { TRIANGULATION_KINDS, TRIANGULATION_LABELS, type TriangulationKind, type TriangulationRow } from '@/lib/cases/triangulation';
import { LEVEL_NAME } from '@/lib/coding/hierarchy-types';

import styles from './cases.module.css';

// Greys and the accent, told apart in print too: one per kind, statistics in the accent.
const KIND_FILL: Record<TriangulationKind, string> = { interview: '#3b3b3b', literature: '#7a7a7a', fieldnote: '#a8a8a8', document: '#cfcfcf', other: '#e6e6e6', statistics: PLOT.accent };

const heading = (r: Pick<TriangulationRow, 'label' | 'name'>) => (r.label ? `${r.label} ${r.name}` : r.name);

/** The triangulation table: per category, the sources of each kind that support it and the linked constructs. */
export function TriangulationTable({ rows }: { rows: TriangulationRow[] }) {
  return (
    <div className={styles.scroll}>
      <table className={styles.grid} aria-label="Triangulation by category">
        <thead>
          <tr>
            <th scope="col">Category</th>
            {TRIANGULATION_KINDS.map((k) => (
              <th key={k} scope="col" className={styles.numeric}>
                {TRIANGULATION_LABELS[k]}
              </th>
            ))}
            <th scope="col" className={styles.numeric}>
              Kinds
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                {heading(r)}
                <span className={styles.typeTag}>{LEVEL_NAME[r.level]}</span>
              </th>
              {TRIANGULATION_KINDS.map((k) => (
                <td key={k} className={`${styles.numeric} ${r.counts[k] === 0 ? styles.zero : ''}`} title={k === 'statistics' && r.constructs.length ? r.constructs.join('; ') : undefined}>
                  {r.counts[k]}
                </td>
              ))}
              <td className={styles.numeric}>
                <strong>{r.kinds}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A small stacked bar chart: one bar per category, its segments the sources of each kind
 * (statistics: linked constructs), so thinly triangulated categories stand out.
 */
export function TriangulationChart({ rows }: { rows: TriangulationRow[] }) {
  const shown = rows.slice(0, 40);
  const labelWidth = Math.min(220, Math.max(80, ...shown.map((r) => heading(r).length * 6.6)));
  const margin = { top: 34, right: 24, bottom: 36, left: labelWidth + 8 };
  const band = 20;
  const width = 720;
  const height = margin.top + margin.bottom + band * shown.length;
  const totals = shown.map((r) => TRIANGULATION_KINDS.reduce((s, k) => s + r.counts[k], 0));
  const x = d3.scaleLinear().domain([0, Math.max(1, ...totals)]).nice().range([margin.left, width - margin.right]);
  const y = d3.scaleBand<string>().domain(shown.map((r) => r.id)).range([margin.top, height - margin.bottom]).padding(0.25);
  const ticks = x.ticks(Math.min(6, x.domain()[1])).filter((t) => Number.isInteger(t));
  const cut = (s: string) => (s.length * 6.6 > labelWidth ? `${s.slice(0, Math.floor(labelWidth / 6.6) - 1)}…` : s);
  return (
    <PlotFigure
      title="Triangulation by category"
      description={`Stacked bars: for each of ${shown.length} categories, the number of sources of each kind that support it, and linked survey constructs.`}
      width={width}
      height={height}
      caption={rows.length > shown.length ? `The first ${shown.length} of ${rows.length} categories; the table lists all.` : undefined}
    >
      <g aria-hidden="true">
        {TRIANGULATION_KINDS.map((k, i) => (
          // Six entries from the left edge: started at the bars they would run past the right edge.
          <g key={k} transform={`translate(${8 + i * ((width - 16) / TRIANGULATION_KINDS.length)}, 12)`}>
            <rect width={10} height={10} fill={KIND_FILL[k]} stroke={PLOT.grey} strokeWidth={0.5} />
            <text x={14} y={9} fontSize={PLOT.fontSize - 1}>
              {TRIANGULATION_LABELS[k]}
            </text>
          </g>
        ))}
        {ticks.map((t) => (
          <g key={t} transform={`translate(${x(t)},0)`}>
            <line y1={margin.top} y2={height - margin.bottom} stroke={PLOT.light} />
            <text y={height - margin.bottom + 14} textAnchor="middle">
              {t}
            </text>
          </g>
        ))}
        <text x={(margin.left + width - margin.right) / 2} y={height - 6} textAnchor="middle" fontSize={PLOT.labelSize}>
          Sources (and linked constructs)
        </text>
        {shown.map((r) => {
          let at = 0;
          return (
            <g key={r.id}>
              <text x={margin.left - 6} y={(y(r.id) ?? 0) + y.bandwidth() / 2} dy="0.35em" textAnchor="end">
                {cut(heading(r))}
              </text>
              {TRIANGULATION_KINDS.map((k) => {
                const n = r.counts[k];
                if (n === 0) return null;
                const x0 = x(at);
                at += n;
                return (
                  <rect key={k} x={x0} y={y(r.id)} width={x(at) - x0} height={y.bandwidth()} fill={KIND_FILL[k]} stroke={PLOT.paper} strokeWidth={0.5}>
                    <title>{`${heading(r)}: ${n} ${TRIANGULATION_LABELS[k].toLowerCase()}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
      </g>
    </PlotFigure>
  );
}
