/**
 * Links of grounded-theory codes to survey constructs as the Theory views and the hierarchy
 * table export write them: the construct's key figures in APA style. Pure, with no Node.js
 * imports: client components (badges, the icicle) use it as well as the exporters.
 */
import { formatNumber } from '../../stats/tables/format';

/**
 * A code's link to a survey construct (a scale or a variable of a dataset) with the key figures
 * the Theory views and the table export show. The data layer's `LinkBadge` has this shape.
 */
export interface LinkedConstruct {
  linkId: string;
  /** The scale's or the variable's name. */
  targetName: string;
  datasetName: string;
  kind: 'scale' | 'variable';
  rationale: string;
  /** Cronbach's α of a scale's items (null for a variable or when undefined). */
  alpha: number | null;
  mean: number | null;
  sd: number | null;
  /** "β = .42***": the strongest coefficient in a saved analysis, or null. */
  strongest: string | null;
  /** "<analysis title>: <term>" of the strongest coefficient, or null. */
  strongestIn: string | null;
}

/** Code id → the code's links (codes without links are absent). */
export type LinkedConstructs = Readonly<Record<string, readonly LinkedConstruct[]>>;

/** Columns added by the "Include linked constructs" option, after Concepts. */
export const LINKED_CONSTRUCT_HEADERS = ['Linked construct', 'α', 'M (SD)', 'Strongest coefficient'] as const;

const APA_BOUNDED = { decimals: 2, leadingZero: false, thousands: false, minus: 'unicode' } as const;
const APA_STAT = { decimals: 2, leadingZero: true, thousands: false, minus: 'unicode' } as const;

/**
 * A link's figures as short APA texts: α without a leading zero, "M (SD)", the strongest
 * coefficient; '' for a figure that is not there.
 *
 * @example
 * linkedConstructFigures({ alpha: 0.8612, mean: 3.714, sd: 0.8153, strongest: 'β = .42***' });
 * // { alpha: '.86', meanSd: '3.71 (0.82)', strongest: 'β = .42***' }
 */
export function linkedConstructFigures(link: Pick<LinkedConstruct, 'alpha' | 'mean' | 'sd' | 'strongest'>): { alpha: string; meanSd: string; strongest: string } {
  const num = (v: number | null, f: typeof APA_BOUNDED | typeof APA_STAT) => (v !== null && Number.isFinite(v) ? formatNumber(v, f) : '');
  const mean = num(link.mean, APA_STAT);
  const sd = num(link.sd, APA_STAT);
  return { alpha: num(link.alpha, APA_BOUNDED), meanSd: mean ? `${mean}${sd ? ` (${sd})` : ''}` : '', strongest: link.strongest ?? '' };
}

/**
 * The compact badge text of a link: "↔ Brand orientation · α .86 · M 3.71 (0.82) · β = .42***"
 * (missing figures left out).
 */
export function linkBadgeText(link: LinkedConstruct): string {
  const f = linkedConstructFigures(link);
  return ['↔ ' + link.targetName, f.alpha && `α ${f.alpha}`, f.meanSd && `M ${f.meanSd}`, f.strongest].filter(Boolean).join(' · ');
}

/**
 * The longer description of a link (a tooltip): the construct and its dataset, the figures,
 * where the strongest coefficient comes from, and the rationale.
 */
export function linkBadgeTitle(link: LinkedConstruct): string {
  const f = linkedConstructFigures(link);
  const figures = [f.alpha && `α = ${f.alpha}`, f.meanSd && `M (SD) = ${f.meanSd}`].filter(Boolean).join(', ');
  return [
    `Linked to the ${link.kind} “${link.targetName}” of the dataset “${link.datasetName}”`,
    figures ? `Latest version: ${figures}` : 'No figures yet',
    link.strongest ? `Strongest coefficient: ${link.strongest}${link.strongestIn ? ` in ${link.strongestIn}` : ''}` : 'No coefficient in a saved analysis yet',
    link.rationale.trim() ? `Rationale: ${link.rationale.trim()}` : 'No rationale given',
  ].join('\n');
}
