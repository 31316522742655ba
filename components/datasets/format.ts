/**
 * How the dataset pages write variables, values, versions and reliability coefficients.
 * Pure (used by server and client components alike).
 */
import type { Variable, VariableType } from '@/lib/datasets/types';
import type { AnalysisKind } from '@/lib/stats/analysis-spec';
import { formatNumber } from '@/lib/stats/tables/format';
import { formatStableDate } from '@/lib/text/dates';

export const TYPE_LABELS: Record<VariableType, string> = {
  numeric: 'Numeric',
  likert: 'Likert',
  categorical: 'Categorical',
  text: 'Text',
  date: 'Date',
};

/** The types a user may choose in the import preview, in the order a researcher thinks of them. */
export const TYPE_CHOICES: VariableType[] = ['numeric', 'likert', 'categorical', 'text', 'date'];

/** "1–5" for a Likert variable, '' otherwise. */
export function likertRange(v: Pick<Variable, 'type' | 'likert'>): string {
  return v.type === 'likert' && v.likert ? `${v.likert.min}–${v.likert.max}` : '';
}

/** Numeric or Likert: the variables arithmetic (scales, logs, z-scores) works on. */
export function isNumeric(v: Pick<Variable, 'type'>): boolean {
  return v.type === 'numeric' || v.type === 'likert';
}

/**
 * A statistic bounded by 1 (α, ω, r) in APA style: two decimals, no leading zero, a real minus
 * (".85", "−.12"); '—' when the sample cannot define it.
 */
export function apa(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatNumber(value, { decimals, leadingZero: false, thousands: false, minus: 'unicode' });
}

/** An unbounded statistic (M, SD): leading zero kept. */
export function stat(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatNumber(value, { decimals, leadingZero: true, thousands: true, minus: 'unicode' });
}

export function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/** For text that cannot be a `<LocalTime>` (option labels): the stable form of lib/text/dates.ts. */
export function shortDate(iso: string): string {
  return formatStableDate(iso);
}

/** "v3 · Added log_income · by Ana · 6 Dec 2026" */
export function versionLabel(v: { number: number; note: string; createdBy: string | null; createdAt: string }): string {
  return [`v${v.number}`, v.note, v.createdBy ? `by ${v.createdBy}` : null, shortDate(v.createdAt)].filter(Boolean).join(' · ');
}

/**
 * A cell as the data grid shows it: numbers with at most 4 decimals (the full value is in the
 * tooltip), the value label instead of the code when asked, missing as empty.
 */
export function cellText(value: unknown, variable: Pick<Variable, 'valueLabels'> | undefined, showLabels: boolean): string {
  if (value === null || value === undefined) return '';
  if (showLabels && variable) {
    const label = variable.valueLabels[String(value)];
    if (label !== undefined) return label;
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    return value.toLocaleString('en-GB', { maximumFractionDigits: 4, useGrouping: false });
  }
  return String(value);
}

/** "1 = Male · 2 = Female" (all of them; callers shorten). */
export function valueLabelEntries(v: Pick<Variable, 'valueLabels'>): Array<[string, string]> {
  return Object.entries(v.valueLabels).sort(([a], [b]) => {
    const na = Number(a);
    const nb = Number(b);
    return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a.localeCompare(b);
  });
}

/** The analyses a dataset page offers (short names and what each gives), in the engine's order. */
export const ANALYSIS_CHOICES: ReadonlyArray<{ kind: AnalysisKind; label: string; hint: string }> = [
  { kind: 'describe', label: 'Descriptives', hint: 'Means, SDs, frequencies' },
  { kind: 'reliability', label: 'Reliability', hint: 'Cronbach’s α, McDonald’s ω' },
  { kind: 'correlation', label: 'Correlation', hint: 'Pearson or Spearman matrix' },
  { kind: 'ols', label: 'Regression (OLS)', hint: 'Linear model, robust SEs' },
  { kind: 'mediate', label: 'Mediation', hint: 'Indirect effect, bootstrap CI' },
  { kind: 'moderate', label: 'Moderation', hint: 'Interaction, simple slopes' },
  { kind: 'panel', label: 'Panel', hint: 'Fixed and random effects' },
  { kind: 'did', label: 'DID', hint: 'Difference-in-differences' },
  { kind: 'qreg', label: 'Quantile regression', hint: 'Median and other quantiles' },
];
