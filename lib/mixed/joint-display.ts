/**
 * The joint display of a mixed-methods study: one row per link (a code ↔ a survey construct),
 * the qualitative evidence (category, exemplar quotes) beside the quantitative (reliability,
 * descriptives, coefficients) and the team's meta-inference (Fetters, Curry & Creswell 2013;
 * Guetterman, Fetters & Creswell 2015). This module is the model: which rows, in which
 * order, and the texts every rendering shares. Pure (no docx/exceljs): safe in client code.
 * The Word and Excel renderings are ./joint-display-docx and ./joint-display-xlsx.
 */
import { indexHierarchy } from '@/lib/coding/hierarchy';
import { LEVEL_NAME, toCodeLevel, type CodeLevel } from '@/lib/coding/hierarchy-types';
import { starLegend, tableContext } from '@/lib/stats/tables/format';

import { coefficientStrength, compareStrength, formatCoefficientBadge, strongestCoefficient } from './coefficients';
import type { ConstructFigures, ExemplarQuote, JointDisplayRow, LinkedCoefficient, MetaInference } from './types';

/** A code of the project as the hierarchy order and the `under` filter read it. */
export interface JointDisplayTreeCode {
  id: string;
  label: string;
  name: string;
  /** 1 concept … 4 core category; anything else reads as a concept. */
  level: number;
  parentId: string | null;
}

/** Options of the Word and Excel renderings (./joint-display-docx, ./joint-display-xlsx). */
export interface JointDisplayExportOptions {
  /** Title above the table (DOCX) and of the workbook (XLSX), e.g. "Joint display: brand building and performance". */
  title: string;
  projectName: string;
  /** When the file was made (shown under the DOCX title; the XLSX creation date). Fixed dates make stable files. */
  generatedAt: Date;
}

/** Row orders of the joint display. */
export type JointDisplayOrder = 'hierarchy' | 'strength' | 'label';

/** Options of {@link filterAndSortRows}. */
export interface JointDisplayFilter {
  /** Keep only rows whose code is this code (a core or main category) or sits below it. */
  under?: string;
  /**
   * 'hierarchy': as the hierarchy table reads (core categories with their main categories,
   * categories and concepts, each level in label order C2 before C10; then codes not yet
   * placed); 'strength': strongest coefficient first (|β|, see coefficientStrength), rows
   * without coefficients last; 'label': by code label, naturally (B2 before B10), then name.
   */
  order: JointDisplayOrder;
}

// Natural order of labels and names ("C2" < "C10"), case-insensitive, locale-independent.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Compares labels naturally; empty labels (never numbered) after numbered ones. */
function compareLabels(a: string, b: string): number {
  if (!a !== !b) return a ? -1 : 1;
  return collator.compare(a, b);
}

function byLabel(a: JointDisplayRow, b: JointDisplayRow): number {
  return (
    compareLabels(a.code.label, b.code.label) ||
    collator.compare(a.code.name, b.code.name) ||
    collator.compare(a.target.name, b.target.name) ||
    collator.compare(a.target.datasetName, b.target.datasetName)
  );
}

/**
 * The rows to show, filtered to a branch of the hierarchy and ordered. Stable: ties keep
 * their input order after the documented tie-breaks (label, then name, then target).
 *
 * @param rows - the joint display's rows.
 * @param codes - the project's codes (id, label, name, level, parentId); a parent counts when
 *   it sits exactly one level up, as in every hierarchy view (lib/coding/hierarchy).
 * @param filter - `under` (a code id) and `order`.
 * @returns a new array; [] when `under` names no code in `codes`.
 * @example
 * ```ts
 * filterAndSortRows(rows, codes, { under: coreId, order: 'strength' });
 * ```
 */
export function filterAndSortRows(rows: readonly JointDisplayRow[], codes: readonly JointDisplayTreeCode[], filter: JointDisplayFilter): JointDisplayRow[] {
  const tree = indexHierarchy(codes.map((c) => ({ ...c, level: toCodeLevel(c.level) })));
  let kept = [...rows];
  if (filter.under !== undefined) {
    if (!tree.byId.has(filter.under)) return [];
    const branch = new Set<string>();
    const stack = [filter.under];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (branch.has(id)) continue;
      branch.add(id);
      for (const child of tree.childrenOf.get(id) ?? []) stack.push(child.id);
    }
    kept = kept.filter((r) => branch.has(r.code.id));
  }
  if (filter.order === 'label') return kept.sort(byLabel);
  if (filter.order === 'strength') {
    const strength = new Map(kept.map((r) => [r, rowStrength(r)]));
    return kept.sort((a, b) => {
      const sa = strength.get(a) ?? null;
      const sb = strength.get(b) ?? null;
      if (sa === null || sb === null) return sa === sb ? byLabel(a, b) : sa === null ? 1 : -1;
      return compareStrength(sa, sb) || byLabel(a, b);
    });
  }
  // Hierarchy: pre-order positions in the hierarchy table's reading order.
  const position = new Map<string, number>();
  type Node = (typeof tree.roots)[CodeLevel][number];
  const visit = (code: Node) => {
    if (position.has(code.id)) return;
    position.set(code.id, position.size);
    for (const child of tree.childrenOf.get(code.id) ?? []) visit(child);
  };
  for (const level of [4, 2, 3, 1] as const) for (const root of tree.roots[level]) visit(root);
  return kept.sort((a, b) => {
    const pa = position.get(a.code.id);
    const pb = position.get(b.code.id);
    if (pa !== undefined && pb !== undefined && pa !== pb) return pa - pb;
    if ((pa === undefined) !== (pb === undefined)) return pa === undefined ? 1 : -1;
    return byLabel(a, b);
  });
}

/** The strength of a row's strongest coefficient, or null without coefficients. */
export function rowStrength(row: JointDisplayRow): { tier: 1 | 2; value: number } | null {
  const best = strongestCoefficient(row.coefficients);
  return best === null ? null : coefficientStrength(best);
}

// ---------------------------------------------------------------------------------------------
// Texts shared by the renderings

/** Column headers of the published layout. */
export const JOINT_DISPLAY_COLUMNS = ['Category (qualitative)', 'Exemplar quotes', 'Construct (quantitative)', 'Statistics', 'Meta-inference'] as const;

const ctx = tableContext(); // APA: 2 decimals, no leading zero for bounded statistics, "−"

/** "B3 Brand building" (the name alone when the code has no label). */
export function categoryHeading(row: JointDisplayRow): string {
  return [row.code.label.trim(), row.code.name].filter(Boolean).join(' ');
}

/** The level's name: "category", "main category", … */
export function levelName(level: number): string {
  return LEVEL_NAME[toCodeLevel(level)];
}

/** "4 sources / 12 segments" (singular for 1). */
export function countsText(row: JointDisplayRow): string {
  const { sources, segments } = row.qualitative;
  return `${ctx.fmt(sources, 'count')} ${sources === 1 ? 'source' : 'sources'} / ${ctx.fmt(segments, 'count')} ${segments === 1 ? 'segment' : 'segments'}`;
}

/** A quote in typographic quotation marks: “…”. */
export function quoteText(q: ExemplarQuote): string {
  return `“${q.text.trim()}”`;
}

/**
 * Where a quote comes from, as a reader of the paper understands it: the source's title
 * ("— Interview 4"). Code-point offsets mean nothing on paper; they stay in the XLSX's data.
 */
export function quoteSource(q: ExemplarQuote): string {
  return `— ${q.sourceTitle}`;
}

/** "Scale: Brand orientation" / "Variable: satisfaction". */
export function constructHeading(row: JointDisplayRow): string {
  return `${row.target.kind === 'scale' ? 'Scale' : 'Variable'}: ${row.target.name}`;
}

/** "Employee survey 2024, version 3" (the version of the figures when known). */
export function datasetText(row: JointDisplayRow): string {
  return row.quantitative ? `${row.target.datasetName}, version ${row.quantitative.versionNumber}` : row.target.datasetName;
}

/**
 * The construct's figures, APA: "α = .86, ω = .88; M = 3.71, SD = 0.82 (n = 312)"; parts
 * without a value are left out; "No figures yet" when there are none.
 *
 * @param q - the figures, or null.
 * @returns the text.
 */
export function figuresText(q: ConstructFigures | null): string {
  if (q === null) return 'No figures yet';
  const reliability = [q.alpha !== null ? `α = ${ctx.fmt(q.alpha, 'bounded')}` : '', q.omega !== null ? `ω = ${ctx.fmt(q.omega, 'bounded')}` : ''].filter(Boolean).join(', ');
  const moments = [q.mean !== null ? `M = ${ctx.fmt(q.mean)}` : '', q.sd !== null ? `SD = ${ctx.fmt(q.sd)}` : ''].filter(Boolean).join(', ');
  const n = q.n !== null ? `(n = ${ctx.fmt(q.n, 'count')})` : '';
  const descriptives = [moments, n].filter(Boolean).join(' ');
  return [reliability, descriptives].filter(Boolean).join('; ') || 'No figures yet';
}

/**
 * One coefficient as the statistics cell writes it: the badge, B with its CI (the interval
 * the engine gives is B's, so it follows B, not β), where it comes from, and a stale flag:
 * "β = .42***, B = 0.51 [0.30, 0.72] in Hierarchical OLS (brand → performance)". For a
 * correlation: "r = .42*** [.30, .52] in Correlations (r: brand ↔ performance)".
 *
 * @param c - the coefficient.
 * @param latestVersion - the dataset's newest version, for the stale flag.
 * @returns the text.
 */
export function coefficientText(c: LinkedCoefficient, latestVersion?: number): string {
  const badge = formatCoefficientBadge(c);
  const bounded = c.kind === 'correlation';
  const ci = `[${ctx.fmt(c.ciLower, bounded ? 'bounded' : 'stat')}, ${ctx.fmt(c.ciUpper, bounded ? 'bounded' : 'stat')}]`;
  const value = c.beta !== null && !bounded ? `${badge}, B = ${ctx.fmt(c.estimate)} ${ci}` : `${badge} ${ci}`;
  return `${value} in ${c.analysisTitle} (${c.label})${c.stale ? ` ${staleText(latestVersion)}` : ''}`;
}

/** "(stale: dataset version 4 is newer)". */
export function staleText(latestVersion?: number): string {
  return latestVersion !== undefined ? `(stale: dataset version ${latestVersion} is newer)` : '(stale: a newer dataset version exists)';
}

const INFERENCE: Record<MetaInference, string> = { '': 'Not yet assessed', convergent: 'Convergent', complementary: 'Complementary', divergent: 'Divergent' };

/** "Convergent", …, "Not yet assessed". */
export function inferenceLabel(inference: MetaInference): string {
  return INFERENCE[inference] ?? INFERENCE[''];
}

/** The note under the table: how to read the statistics, the star legend, the † mark. */
export function jointDisplayNote(): string {
  return (
    'α = Cronbach’s alpha; ω = McDonald’s omega; β = standardized coefficient (r for correlations); ' +
    'B = unstandardized coefficient with its confidence interval in brackets (percentile bootstrap CI for indirect effects, ' +
    'whose stars follow the Sobel test). ' +
    `${starLegend('apa', 'apa')} Rows marked † changed since last reviewed.`
  );
}
