/**
 * The agreement table as text cells, shared by the page and the CSV/XLSX/DOCX exports: one
 * model, so every output names the level and settings and marks undefined statistics alike.
 */
import type { Statistic } from './statistics';
import { type AgreementLevel, type AgreementRow, type AgreementTable, levelLabel, unitNoun } from './units';

export interface ReportCell {
  text: string;
  /** For a statistic: its value (null when undefined). */
  value?: number | null;
  /** 1-based footnote number when the statistic is undefined. */
  note?: number;
}

export interface AgreementReport {
  title: string;
  level: string;
  /** "Coders: …", "Sources: …", "Codes: …" lines. */
  settings: string[];
  headers: string[];
  rows: Array<{ code: string; cells: ReportCell[]; pooled: boolean }>;
  /** Footnotes of undefined statistics, numbered from 1. */
  notes: string[];
}

export const UNDEFINED_MARK = '—';

/** Percentage agreement as "85.0%". */
export function formatPercent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** κ and α with three decimals (−0.000 shown as 0.000). */
export function formatCoefficient(value: number): string {
  const text = value.toFixed(3);
  return text === '-0.000' ? '0.000' : text.replace('-', '−');
}

/**
 * @param table - from agreementTable.
 * @param names - code id → display name ("C1 Trust"); coder and source descriptions for the settings lines.
 */
export function agreementReport(
  table: AgreementTable,
  context: { projectName: string; codeNames: ReadonlyMap<string, string>; coderNames: readonly string[]; sourceTitles: readonly string[]; codeCount: number },
): AgreementReport {
  const notes: string[] = [];
  const noteFor = (reason: string) => {
    const i = notes.indexOf(reason);
    return i >= 0 ? i + 1 : notes.push(reason);
  };
  const stat = (s: Statistic, format: (v: number) => string): ReportCell =>
    s.value === null ? { text: UNDEFINED_MARK, value: null, note: noteFor(s.reason) } : { text: format(s.value), value: s.value };
  const cells = (row: AgreementRow): ReportCell[] => [
    { text: row.units.toLocaleString('en-US'), value: row.units },
    stat(row.percent, formatPercent),
    stat(row.cohen, formatCoefficient),
    stat(row.fleiss, formatCoefficient),
    stat(row.alpha, formatCoefficient),
  ];
  const rows = table.rows.map((row) => ({ code: context.codeNames.get(row.codeId!) ?? row.codeId!, cells: cells(row), pooled: false }));
  rows.push({ code: 'All codes (pooled)', cells: cells(table.pooled), pooled: true });
  return {
    title: `${context.projectName} — inter-coder agreement`,
    level: levelLabel(table.level),
    settings: settingsLines(table.level, context),
    headers: ['Code', `n units (${unitNoun(table.level)})`, '% agreement', 'Cohen’s κ', 'Fleiss’ κ', 'Krippendorff’s α (nominal)'],
    rows,
    notes,
  };
}

function settingsLines(level: AgreementLevel, context: { coderNames: readonly string[]; sourceTitles: readonly string[]; codeCount: number }): string[] {
  const lines = [
    `Level: ${levelLabel(level)}`,
    `Coders: ${context.coderNames.join(', ')}`,
    `Sources (${context.sourceTitles.length}): ${context.sourceTitles.join(', ')}`,
    `Codes: ${context.codeCount}`,
  ];
  if (level.kind === 'segment') lines.push(`A segment agrees when the other coder coded the same code on a segment overlapping it by at least ${level.threshold}% of the two segments' combined extent.`);
  if (level.kind === 'character') lines.push('Each character of a source counts as one unit: coded with the code or not, by each coder.');
  if (level.kind === 'existence') lines.push('Each source counts as one unit per code: did the coder use the code anywhere in it?');
  lines.push('Cohen’s κ needs exactly two coders; the pooled κ averages the codes’ observed and chance agreement (De Vries et al. 2008). Codes no coder used are left out of the pooled row. A coder who made no coding in a source counts as missing there.');
  return lines;
}
