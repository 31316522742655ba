/**
 * Pure helpers of the mixed-methods pages (joint display and cases): URLs, the exemplar
 * picker's ordered selection, the hierarchy order of a code list and the cut-off text of a
 * qualitizing filter. No React, no I/O: unit-tested in joint-helpers.test.tsx.
 */
import type { CaseFilterBounds, CaseFilterKind } from '@/lib/mixed/qualitize';

/** At most this many exemplar quotes per joint-display row (lib/validation/mixed ZLinkPatch). */
export const MAX_EXEMPLARS = 5;

/** Where a coded segment sits in its source: the source page scrolls to and highlights the coding. */
export function segmentHref(projectId: string, sourceId: string, codingId: string): string {
  return `/projects/${encodeURIComponent(projectId)}/sources/${encodeURIComponent(sourceId)}?coding=${encodeURIComponent(codingId)}`;
}

/** The joint display's filter as search parameters ('' and the default order left out, so URLs stay short). */
export function jointDisplayQuery(filter: { under?: string; order?: string }): string {
  const q = new URLSearchParams();
  if (filter.under) q.set('under', filter.under);
  if (filter.order && filter.order !== 'hierarchy') q.set('order', filter.order);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The export route for the current filter (the same rows as on screen, in the same order). */
export function jointDisplayExportHref(projectId: string, format: 'docx' | 'xlsx', filter: { under?: string; order?: string }): string {
  const q = new URLSearchParams({ format });
  if (filter.under) q.set('under', filter.under);
  if (filter.order) q.set('order', filter.order);
  return `/api/projects/${encodeURIComponent(projectId)}/joint-display/export?${q.toString()}`;
}

/**
 * Checks or unchecks a quote in the picker: checking appends (the order of checking is the
 * order in the display), unchecking removes; a sixth check is refused (returns the same list).
 */
export function toggleExemplar(selected: readonly string[], id: string, max = MAX_EXEMPLARS): string[] {
  if (selected.includes(id)) return selected.filter((s) => s !== id);
  if (selected.length >= max) return [...selected];
  return [...selected, id];
}

/** Moves a selected quote one place up (-1) or down (+1); out-of-range moves change nothing. */
export function moveExemplar(selected: readonly string[], id: string, by: -1 | 1): string[] {
  const out = [...selected];
  const i = out.indexOf(id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** The start of a quote, for a checkbox's accessible name: whitespace collapsed, at most `max` characters. */
export function quoteStart(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** A code as the code pickers list it. */
export interface TreeCode {
  id: string;
  label: string;
  name: string;
  level: number;
  parentId: string | null;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const byLabel = (a: TreeCode, b: TreeCode) => (!a.label !== !b.label ? (a.label ? -1 : 1) : collator.compare(a.label, b.label) || collator.compare(a.name, b.name));

/**
 * Codes in the hierarchy's reading order with their depth: top codes (no parent, or a parent
 * not in the list) from the highest level down, each followed by its children, labels in
 * natural order (B2 before B10). Every code appears once, even in a broken (cyclic) tree.
 */
export function codesInTreeOrder(codes: readonly TreeCode[]): Array<{ code: TreeCode; depth: number }> {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string, TreeCode[]>();
  for (const c of codes) if (c.parentId && ids.has(c.parentId) && c.parentId !== c.id) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const out: Array<{ code: TreeCode; depth: number }> = [];
  const seen = new Set<string>();
  const visit = (code: TreeCode, depth: number) => {
    if (seen.has(code.id)) return;
    seen.add(code.id);
    out.push({ code, depth });
    for (const child of [...(children.get(code.id) ?? [])].sort(byLabel)) visit(child, depth + 1);
  };
  const roots = codes.filter((c) => !c.parentId || !ids.has(c.parentId) || c.parentId === c.id);
  for (const root of [...roots].sort((a, b) => b.level - a.level || byLabel(a, b))) visit(root, 0);
  for (const c of [...codes].sort(byLabel)) visit(c, 0); // cycles: never reached from a root
  return out;
}

/** "B3 Brand building" (the name alone without a label). */
export function codeTitle(code: { label: string; name: string }): string {
  return [code.label.trim(), code.name].filter(Boolean).join(' ');
}

const FILTER_TEXT: Record<CaseFilterKind, string> = {
  'top-quartile': 'top quartile',
  'bottom-quartile': 'bottom quartile',
  'above-median': 'above the median',
  'below-median': 'below the median',
  range: 'range',
};

/** "top quartile", "above the median", … */
export function filterName(kind: CaseFilterKind): string {
  return FILTER_TEXT[kind];
}

const num = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)))).replace('-', '−');

/**
 * The cut-off a filter stands for, as a researcher reads it: "brand_orient ≥ 4.25 (top
 * quartile of 212 survey values)", "2 ≤ brand_orient ≤ 4 (range)", "all values (range)".
 */
export function cutOffText(bounds: CaseFilterBounds, variable: string, kind: CaseFilterKind): string {
  const lower = bounds.min !== null ? `${num(bounds.min)} ${bounds.includeMin ? '≤' : '<'} ` : '';
  const upper = bounds.max !== null ? ` ${bounds.includeMax ? '≤' : '<'} ${num(bounds.max)}` : '';
  let condition: string;
  if (bounds.min === null && bounds.max === null) condition = 'all values';
  else if (lower && !upper) condition = `${variable} ${bounds.includeMin ? '≥' : '>'} ${num(bounds.min!)}`;
  else condition = `${lower}${variable}${upper}`;
  const of = kind === 'range' ? '' : ` of ${bounds.n} survey ${bounds.n === 1 ? 'value' : 'values'}`;
  return `${condition} (${filterName(kind)}${of})`;
}

/**
 * The variable that most likely identifies respondents: a name such as "id", "case_id",
 * "respondent", "participant" (first match in that order of preference), else the first variable.
 */
export function guessIdVariable(variables: ReadonlyArray<{ name: string }>): string {
  const names = variables.map((v) => v.name);
  const tests = [/^id$/i, /^(case|respondent|participant|resp|person|interviewee)_?id$/i, /(^|_)id$/i, /^(case|respondent|participant|interviewee|code|pseudonym)$/i, /id/i];
  for (const t of tests) {
    const hit = names.find((n) => t.test(n));
    if (hit) return hit;
  }
  return names[0] ?? '';
}

/**
 * Coded segments with each passage once: codings of the same source range (several coders, or
 * a code and a code under it) merge, their code labels joined ("C1 …; C2 …"), first-seen order.
 */
export function distinctSegments<T extends { sourceId: string; start: number; end: number; codeLabel: string }>(segments: readonly T[]): T[] {
  const byRange = new Map<string, T>();
  for (const s of segments) {
    const key = `${s.sourceId}\u0000${s.start}\u0000${s.end}`;
    const seen = byRange.get(key);
    if (!seen) byRange.set(key, { ...s });
    else if (!seen.codeLabel.split('; ').includes(s.codeLabel)) byRange.set(key, { ...seen, codeLabel: `${seen.codeLabel}; ${s.codeLabel}` });
  }
  return [...byRange.values()];
}
