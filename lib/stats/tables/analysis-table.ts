/**
 * A saved analysis (kind + CLI options + engine JSON) as a publication table: one builder of
 * lib/stats/tables per kind, the by-group table for `--group` runs, and the comparison table
 * for several models. Pure (no React, no server code): the result page renders it in the
 * browser when the style changes, and the exports (lib/server/data/dataset/analysis-export.ts)
 * build the same table for DOCX/XLSX/CSV/LaTeX/HTML, so the file equals what is on screen.
 */
import type { DescribeResult } from '@/lib/stats/describe';
import type { MediationResult } from '@/lib/stats/mediate';
import type { ModerationResult } from '@/lib/stats/moderate';
import type { OlsResult } from '@/lib/stats/ols';
import type { PanelResult } from '@/lib/stats/panel';
import type { DidResult } from '@/lib/stats/did';
import type { QregResult } from '@/lib/stats/qreg';
import type { ReliabilityResult } from '@/lib/stats/reliability';
import type { CorrelationResult } from '@/lib/stats/correlation';
// Each builder from its own module: the package index also exports the CSV renderer, which
// imports lib/io/export (node:stream) and cannot go into the browser bundle.
import { byGroupTable, type ByGroupTableInput } from '@/lib/stats/tables/by-group-table';
import { comparisonTable, hierarchicalModels, type ComparisonModel } from '@/lib/stats/tables/comparison-table';
import { correlationTable } from '@/lib/stats/tables/correlation-table';
import { describeTable } from '@/lib/stats/tables/describe-table';
import { mediationTable } from '@/lib/stats/tables/mediation-table';
import type { PubTable, TableStyle } from '@/lib/stats/tables/model';
import type { ComparableResult } from '@/lib/stats/tables/model-view';
import { moderationTable } from '@/lib/stats/tables/moderation-table';
import { olsTable } from '@/lib/stats/tables/ols-table';
import { didTable, panelTable } from '@/lib/stats/tables/panel-table';
import { qregTable } from '@/lib/stats/tables/qreg-table';
import { reliabilityTable } from '@/lib/stats/tables/reliability-table';
import type { SideStat } from '@/lib/stats/tables/side-by-side';

import { optionValue } from '../analysis-spec';

/** How the user wants the table: APA 7 or econometrics, and decimals. */
export interface TableChoice {
  style: TableStyle;
  /** 0–6; default 2 (APA) / 3 (econ). */
  decimals?: number;
}

/** The part of a saved analysis a table needs. */
export interface AnalysisForTable {
  kind: string;
  title: string;
  options: readonly string[];
  result: unknown;
}

/** Whether the result is a `--group` run (one result per group). */
function isByGroup(a: AnalysisForTable): boolean {
  return a.kind !== 'describe' && a.options.includes('--group') && typeof a.result === 'object' && a.result !== null && 'groups' in a.result;
}

/**
 * Builds the publication table of one saved analysis.
 *
 * @param a - kind, title, options and the engine's result.
 * @param choice - style and decimals.
 * @returns the table (title = the analysis title).
 * @throws {StatsError} from the builders (bad decimals; a by-group run of an analysis that has no side-by-side form).
 */
export function analysisTable(a: AnalysisForTable, choice: TableChoice): PubTable {
  const o = { style: choice.style, decimals: choice.decimals, title: a.title };
  const r = a.result;
  if (isByGroup(a)) return byGroupTable(r as ByGroupTableInput, o);
  const level = Number(optionValue(a.options, 'level') ?? 0.95);
  switch (a.kind) {
    case 'describe':
      return describeTable(r as DescribeResult, o);
    case 'reliability':
      return reliabilityTable(r as ReliabilityResult, o);
    case 'correlation':
      return correlationTable(r as CorrelationResult, o);
    case 'ols': {
      const res = r as OlsResult;
      // Econometrics: a hierarchical regression is nested models side by side (esttab);
      // APA: SPSS-style steps with ΔR² and ΔF.
      if (res.blocks && choice.style === 'econ') return comparisonTable(hierarchicalModels(res), o);
      return olsTable(res, { ...o, level });
    }
    case 'mediate':
      return mediationTable(r as MediationResult, o);
    case 'moderate':
      return moderationTable(r as ModerationResult, o);
    case 'panel':
      return panelTable(r as PanelResult, { ...o, level });
    case 'did':
      return didTable(r as DidResult, { ...o, level });
    case 'qreg':
      return qregTable(r as QregResult, o);
    default:
      throw new RangeError(`unknown analysis kind '${a.kind}'`);
  }
}

/**
 * Several saved regression-type analyses side by side: "(1) (2) (3)" (econ) or "Model 1 …"
 * (APA) columns, coefficient with stars and SE in parentheses, FE rows, Observations, R².
 *
 * @param analyses - in column order (a hierarchical OLS contributes its final model).
 * @param choice - style and decimals.
 * @param title - table title.
 * @returns the table.
 * @throws {StatsError} when a result is not a regression.
 */
export function comparisonOf(analyses: readonly AnalysisForTable[], choice: TableChoice, title?: string): PubTable {
  const models: ComparisonModel[] = analyses.map((a) => {
    const result = a.result as ComparableResult;
    const blocks = a.kind === 'ols' ? (result as OlsResult).blocks : undefined;
    const label = modelLabel(a, choice.style);
    return { result, ...(blocks ? { step: blocks.length } : {}), ...(label ? { label } : {}) };
  });
  // ΔR² and ΔF of a hierarchical step compare it with a model that is not a column here:
  // leave them out (a reviewer would read them as changes between the columns).
  const clustered = models.some((m) => typeof (m.result as { nClusters?: number }).nClusters === 'number');
  const stats: SideStat[] = ['n', 'r2', 'adjR2', ...(clustered ? (['clusters'] as const) : [])];
  return comparisonTable(models, { style: choice.style, decimals: choice.decimals, stats, ...(title ? { title } : {}) });
}

const PANEL_LABELS: Record<string, string> = { pooled: 'Pooled OLS', entity: 'FE', twoway: 'Two-way FE', random: 'RE' };

/**
 * The estimator over each column, as esttab's model titles ("OLS", "FE", "Median"), so a
 * reader sees what differs between the columns; the notes say which SEs each column has.
 */
function modelLabel(a: AnalysisForTable, style: TableStyle): string | undefined {
  switch (a.kind) {
    case 'ols':
      return 'OLS';
    case 'panel':
      return PANEL_LABELS[(a.result as PanelResult).effects] ?? 'Panel';
    case 'did':
      return 'DID';
    case 'qreg': {
      const taus = (a.result as QregResult).quantiles.map((q) => q.tau);
      if (taus.length !== 1) return undefined; // one column per τ, labelled by the table
      const tau = String(taus[0]);
      return taus[0] === 0.5 ? 'Median' : `Quantile, τ = ${style === 'apa' ? tau.replace(/^0\./, '.') : tau}`;
    }
    default:
      return undefined;
  }
}

/** Parses `style` / `decimals` query values (defaults: APA, the style's decimals). */
export function parseChoice(style: string | null | undefined, decimals: string | null | undefined): TableChoice {
  const s: TableStyle = style === 'econ' ? 'econ' : 'apa';
  const d = decimals === null || decimals === undefined || decimals === '' ? undefined : Number(decimals);
  return { style: s, decimals: d !== undefined && Number.isInteger(d) && d >= 0 && d <= 6 ? d : undefined };
}
