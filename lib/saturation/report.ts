/**
 * The saturation report: coding order, emergence curve, Guest et al.'s metrics, the hold-out
 * test and thin categories, assembled from plain rows (the data layer loads them; the page, the
 * JSON API and the DOCX/CSV exports read the result).
 */
import { LEVEL_NAME } from '../coding/hierarchy-types';
import { relationLabelOf } from '../coding/relations';
import { codingOrder, type CodingOrderMode } from './coding-order';
import { codesPerSource, emergence, newCodesPerSource, type EmergencePoint } from './emergence';
import { guestSaturation, type GuestOptions, type GuestResult } from './guest';
import { holdOutReport, type HoldOutReport, type SnapshotData } from './holdout';
import { thinCategories, type ThinCategory } from './thin';
import type { SaturationCode, SaturationCoding, SaturationRelation, SaturationSource } from './types';

export interface SaturationReportInput {
  sources: readonly SaturationSource[];
  codes: readonly SaturationCode[];
  relations: readonly SaturationRelation[];
  codings: readonly SaturationCoding[];
  /** The latest snapshot, if a test set was ever created. */
  snapshot: SnapshotData | null;
  guest?: Partial<GuestOptions>;
}

export interface EmergenceRow extends EmergencePoint {
  title: string;
  kind: string;
  saturationTest: boolean;
  /** The user's position, if set. */
  codingOrder: number | null;
  /** Codes (any level) applied here that no earlier source had: Guest et al.'s unit. */
  newCodes: number;
  /** Whether it has any coding (a source the user placed in the order may have none). */
  coded: boolean;
}

export interface SaturationReport {
  mode: CodingOrderMode;
  emergence: EmergenceRow[];
  /** Sources not in the order (no coding, no position). */
  uncoded: Array<{ id: string; title: string; kind: string; saturationTest: boolean }>;
  /** Codes named anywhere in the report, by id. */
  codes: Record<string, { label: string; name: string; level: number }>;
  guest: GuestResult;
  holdOut: HoldOutReport | null;
  /** The current test set, whether or not a snapshot exists. */
  testSourceIds: string[];
  thin: ThinCategory[];
}

/** Builds the whole report. */
export function saturationReport(input: SaturationReportInput): SaturationReport {
  const order = codingOrder(input.sources);
  const ids = order.ordered.map((s) => s.id);
  const points = emergence(ids, input.codes, input.codings);
  const perSource = codesPerSource(ids, input.codes, input.codings);
  const fresh = newCodesPerSource(perSource);
  const tests = order.ordered.filter((s) => s.saturationTest).concat(order.uncoded.filter((s) => s.saturationTest));
  return {
    mode: order.mode,
    emergence: points.map((p, i) => {
      const s = order.ordered[i];
      return { ...p, title: s.title, kind: s.kind, saturationTest: s.saturationTest, codingOrder: s.codingOrder, newCodes: fresh[i], coded: s.firstCodedAt !== null };
    }),
    uncoded: order.uncoded.map((s) => ({ id: s.id, title: s.title, kind: s.kind, saturationTest: s.saturationTest })),
    codes: Object.fromEntries(input.codes.map((c) => [c.id, { label: c.label, name: c.name, level: c.level }])),
    guest: guestSaturation(perSource, input.guest),
    holdOut: input.snapshot ? holdOutReport({ snapshot: input.snapshot, testSources: tests, codes: input.codes, relations: input.relations, codings: input.codings }) : null,
    testSourceIds: tests.map((s) => s.id),
    thin: thinCategories(input.codes, input.codings),
  };
}

const KIND_WORD: Record<string, string> = { literature: 'article', interview: 'interview', fieldnote: 'field note', document: 'document', other: 'other' };
export const kindWord = (kind: string) => KIND_WORD[kind] ?? kind;
export const codeText = (c: { label: string; name: string }) => (c.label ? `${c.label} ${c.name}` : c.name);
export const relationText = (r: { from: { label: string; name: string }; to: { label: string; name: string }; type: string; customType: string }) =>
  `${codeText(r.from)} → ${codeText(r.to)} (${relationLabelOf(r)})`;

/** One field of RFC 4180 CSV; a leading = + - @ is quoted away from spreadsheet formulas. */
function csvField(value: string | number | boolean): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const SATURATION_CSV_COLUMNS = ['section', 'position', 'source', 'source_kind', 'test_source', 'item', 'label', 'name', 'detail'] as const;

/**
 * The report as one long CSV table (UTF-8 with BOM, CRLF): one row per code first appearing in a
 * source (section `emergence`), per Guest run (`guest-run`), per new item of a test source or a
 * test source that added nothing (`hold-out`), and per thin category (`thin`).
 */
export function saturationCsv(report: SaturationReport): string {
  const rows: Array<Array<string | number | boolean>> = [[...SATURATION_CSV_COLUMNS]];
  const code = (id: string) => report.codes[id] ?? { label: '', name: id, level: 1 };
  for (const p of report.emergence) {
    for (const level of [1, 2, 3] as const) for (const id of p.added[level]) rows.push(['emergence', p.position, p.title, p.kind, p.saturationTest, LEVEL_NAME[level], code(id).label, code(id).name, `cumulative ${LEVEL_NAME[level]}: ${p.cumulative[level]}`]);
  }
  for (const r of report.guest.runs) rows.push(['guest-run', `${r.from}-${r.to}`, '', '', '', 'run', '', '', `${r.newCodes} new codes; ${(r.ratio * 100).toFixed(1)} % of ${report.guest.baseCodes} base codes${r.meetsThreshold ? '; meets threshold' : ''}`]);
  rows.push(['guest', '', '', '', '', 'verdict', '', '', report.guest.sentence]);
  if (report.holdOut) {
    report.holdOut.sources.forEach((s, i) => {
      const base = ['hold-out', i + 1, s.title, s.kind, true] as const;
      if (s.newCodes.length === 0 && s.newRelations.length === 0) rows.push([...base, s.coded ? 'nothing new' : 'not coded yet', '', '', '']);
      for (const c of s.newCodes) rows.push([...base, `new ${LEVEL_NAME[c.level]}`, c.label, c.name, c.parent ? `${c.parentExisted ? 'absorbed into' : 'under'} ${codeText(c.parent)}` : '']);
      for (const r of s.newRelations) rows.push([...base, 'new relation', '', '', relationText(r)]);
    });
    for (const c of report.holdOut.elsewhere.codes) rows.push(['hold-out', '', '(not from a test source)', '', false, `new ${LEVEL_NAME[c.level]}`, c.label, c.name, c.parent ? `under ${codeText(c.parent)}` : '']);
    for (const r of report.holdOut.elsewhere.relations) rows.push(['hold-out', '', '(not from a test source)', '', false, 'new relation', '', '', relationText(r)]);
    rows.push(['hold-out', '', '', '', '', 'verdict', '', '', report.holdOut.verdict]);
  }
  for (const t of report.thin) rows.push(['thin', '', '', '', '', LEVEL_NAME[t.level], t.label, t.name, `${t.reasons.join(', ')}; ${t.sources} sources, ${t.coders} coders`]);
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
