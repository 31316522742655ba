'use client';

import { useId } from 'react';

import type { MediationResult, PathEstimate } from '@/lib/stats/mediate';
import { formatInterval, formatNumber } from '@/lib/stats/plots/format';
import { mediationLayout, type Arrow, type Box } from '@/lib/stats/plots/path-layout';
import { stars as starsFor, type StarConvention } from '@/lib/stats/stars';

import { estimateTextWidth, svgSafeId } from './axes';
import { PlotFigure } from './plot-figure';
import { PLOT } from './theme';

/** Props of {@link MediationDiagram}. */
export interface MediationDiagramProps {
  /** A mediation result (PROCESS model 4; lib/stats/mediate, the CLI's `stats mediate` JSON). */
  result: Pick<MediationResult, 'x' | 'y' | 'm' | 'a' | 'b' | 'c' | 'cPrime' | 'indirect' | 'mediators' | 'covariates' | 'bootstrap' | 'level' | 'n'>;
  /** Star convention (default APA: * p < .05, ** p < .01, *** p < .001). */
  stars?: StarConvention;
  digits?: number;
  title?: string;
  filename?: string;
}

const WIDTH = 640;

/**
 * Path diagram of a simple (or parallel) mediation model: X → M → Y boxes, arrows labelled with
 * the unstandardized a, b and c′ paths and their stars; the total effect c and the indirect
 * effect(s) with their bootstrap CI in the notes under the diagram.
 */
export function MediationDiagram({ result, stars: convention = 'apa', digits = 2, title, filename }: MediationDiagramProps) {
  const markerId = `${svgSafeId(useId())}-arrow`;
  const k = result.m.length;
  const boxWidth = Math.min(180, Math.max(120, ...[result.x, result.y, ...result.m].map((v) => estimateTextWidth(v, PLOT.labelSize) + 28)));
  const L = mediationLayout(k, { width: WIDTH, boxWidth, boxHeight: 46, rise: 100, gap: 26, labelOffset: 16, margin: 12 });
  const aPaths = (Array.isArray(result.a) ? result.a : [result.a]) as PathEstimate[];
  const bPaths = (Array.isArray(result.b) ? result.b : [result.b]) as PathEstimate[];
  const label = (name: string, p: PathEstimate) => `${name} = ${formatNumber(p.estimate, digits)}${starsFor(p.p, convention)}`;
  const sub = (name: string, i: number) => (k > 1 ? `${name}${i + 1}` : name);
  const pct = `${Math.round(result.level * 1000) / 10}%`;
  const boot = result.bootstrap;
  const ciText = (e: { ciLower: number | null; ciUpper: number | null }) =>
    e.ciLower !== null && e.ciUpper !== null ? `, ${pct} ${boot ? 'bootstrap ' : ''}CI ${formatInterval(e.ciLower, e.ciUpper, digits)}` : '';
  const notes = [
    `Total effect: c = ${formatNumber(result.c.estimate, digits)}${starsFor(result.c.p, convention)}, ${pct} CI ${formatInterval(result.c.ciLower, result.c.ciUpper, digits)}.`,
    ...(k > 1
      ? [
          `Total indirect effect = ${formatNumber(result.indirect.estimate, digits)}${ciText(result.indirect)}.`,
          ...result.mediators.map((m) => `Indirect via ${m.name} = ${formatNumber(m.indirect.estimate, digits)}${ciText(m.indirect)}.`),
        ]
      : [`Indirect effect: a × b = ${formatNumber(result.indirect.estimate, digits)}${ciText(result.indirect)}.`]),
    [
      'Unstandardized coefficients',
      result.covariates.length ? `controlling for ${result.covariates.join(', ')}` : '',
      `n = ${result.n}`,
      boot ? `${boot.draws.toLocaleString('en-US')} percentile bootstrap draws` : '',
    ]
      .filter(Boolean)
      .join('; ') + '.',
    convention === 'apa' ? '* p < .05, ** p < .01, *** p < .001.' : '',
  ].filter(Boolean);
  const notesTop = L.height + 20;
  const height = notesTop + notes.length * 19 + 8;
  const heading = title ?? `Mediation of ${result.x} → ${result.y} by ${result.m.join(', ')}`;
  const description =
    `Path diagram: ${result.x} affects ${result.y} directly (c′) and through ${result.m.join(' and ')}. ` +
    aPaths.map((p, i) => `${label(sub('a', i), p)} (${result.x} → ${result.m[i]})`).join('; ') +
    '; ' +
    bPaths.map((p, i) => `${label(sub('b', i), p)} (${result.m[i]} → ${result.y})`).join('; ') +
    `; ${label('c′', result.cPrime)}. ` +
    notes.join(' ');

  return (
    <PlotFigure title={heading} description={description} width={WIDTH} height={height} filename={filename}>
      <defs>
        <marker id={markerId} viewBox="0 0 10 10" refX={10} refY={5} markerWidth={8} markerHeight={8} markerUnits="userSpaceOnUse" orient="auto">
          <path d="M0,0L10,5L0,10Z" fill={PLOT.ink} />
        </marker>
      </defs>
      <VariableBox box={L.x} name={result.x} role="X" />
      <VariableBox box={L.y} name={result.y} role="Y" />
      {L.mediators.map((box, i) => (
        <VariableBox key={result.m[i]} box={box} name={result.m[i]} role={k > 1 ? `M${i + 1}` : 'M'} />
      ))}
      {L.a.map((arrow, i) => (
        <PathArrow key={`a${i}`} arrow={arrow} marker={markerId} text={label(sub('a', i), aPaths[i])} anchor="end" />
      ))}
      {L.b.map((arrow, i) => (
        <PathArrow key={`b${i}`} arrow={arrow} marker={markerId} text={label(sub('b', i), bPaths[i])} anchor="start" />
      ))}
      <PathArrow arrow={L.cPrime} marker={markerId} text={label('c′', result.cPrime)} anchor="middle" below />
      <line x1={12} x2={WIDTH - 12} y1={notesTop - 12} y2={notesTop - 12} stroke={PLOT.light} />
      {notes.map((n, i) => (
        <text key={i} x={12} y={notesTop + 6 + i * 19} fontSize={PLOT.fontSize} fill={i < notes.length - (convention === 'apa' ? 2 : 1) ? PLOT.ink : PLOT.grey}>
          {n}
        </text>
      ))}
    </PlotFigure>
  );
}

function VariableBox({ box, name, role }: { box: Box; name: string; role: string }) {
  return (
    <g>
      <rect x={box.x} y={box.y} width={box.width} height={box.height} fill={PLOT.paper} stroke={PLOT.ink} strokeWidth={1.25} />
      <text x={box.x + box.width / 2} y={box.y + box.height / 2 - 7} dy="0.32em" textAnchor="middle" fontSize={PLOT.labelSize} fontWeight="bold">
        {name}
      </text>
      <text x={box.x + box.width / 2} y={box.y + box.height / 2 + 10} dy="0.32em" textAnchor="middle" fontSize={PLOT.fontSize} fill={PLOT.grey}>
        {`(${role})`}
      </text>
    </g>
  );
}

function PathArrow({ arrow, marker, text, anchor, below }: { arrow: Arrow; marker: string; text: string; anchor: 'start' | 'middle' | 'end'; below?: boolean }) {
  return (
    <g>
      {arrow.route ? (
        <polyline points={arrow.route.map((p) => p.join(',')).join(' ')} fill="none" stroke={PLOT.ink} strokeWidth={1.25} markerEnd={`url(#${marker})`} />
      ) : (
        <line x1={arrow.x1} y1={arrow.y1} x2={arrow.x2} y2={arrow.y2} stroke={PLOT.ink} strokeWidth={1.25} markerEnd={`url(#${marker})`} />
      )}
      <text x={arrow.labelX} y={arrow.labelY} dy={below ? '0.9em' : '0em'} textAnchor={anchor} fontSize={PLOT.labelSize}>
        {text}
      </text>
    </g>
  );
}
