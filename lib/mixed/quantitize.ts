/**
 * Quantitizing: turning the qualitative coding of interview cases into variables, one row per
 * case, that can be joined to survey data (see ./case-match.ts) and analysed.
 *
 * The definitions, stated so that a methods section can quote them (per case, per code):
 *
 * What belongs to a case — whole sources and parts of sources (a range, or one transcript
 * speaker's turns) — and when a coding counts for it are defined in lib/cases/parts.ts: a
 * coding counts for every case whose text (ranges) it overlaps, so a focus group with two
 * speakers in two cases feeds both.
 *
 * - **presence** — 1 when at least one coding of the code (with roll-up: of the code or any
 *   code below it) counts for the case, else 0.
 * - **count** — the number of distinct coded segments: distinct (source, start, end) ranges
 *   among those codings. The same range coded by two coders, or by two concepts of a rolled-up
 *   category, counts once; overlapping but different ranges count separately. This is the
 *   segment rule of the hierarchy table (lib/coding/hierarchy.ts `rollUp`), applied per case.
 * - **share** — coded text over case text: the number of characters (Unicode code points)
 *   inside the union of those ranges (overlaps counted once) **and inside the case's ranges**,
 *   divided by the total length of the case's ranges (whole sources: their length); a
 *   proportion in [0, 1]. Missing (null) when the case has no text (no sources, or only empty
 *   ones), since 0/0 is undefined.
 * - **coder** — 1 when the chosen coder applied the code (with roll-up: the code or any code
 *   below it) in the case's text, else 0. Codings by other coders are ignored.
 *
 * Roll-up follows the hierarchy as every view reads it (`indexHierarchy`): a code's parent
 * counts only when it sits exactly one level up, so a rolled-up category includes the codings
 * of its concepts, a main category those of its categories and their concepts, and the numbers
 * agree with the hierarchy table and outline.
 *
 * Every case given is a row, in the order given, including cases without sources (presence,
 * count and coder 0; share null). Sources without a case (`caseId` null) or with a case not
 * given, and codings of such sources or of unknown sources, are left out (unless a part of the
 * source belongs to a given case).
 */
import { type CasePartInput, caseMembership, caseRanges, insideLength } from '@/lib/cases/parts';
import { indexHierarchy } from '@/lib/coding/hierarchy';
import type { CodeLevel } from '@/lib/coding/hierarchy-types';
import { MAX_NAME_LENGTH, nameFragment, nameProblem } from '@/lib/datasets/transform/names';
import { MixedMethodsError } from './errors';

/** A code as quantitizing needs it. */
export interface QuantitizeCode {
  id: string;
  name: string;
  /** e.g. "B3"; may be ''. */
  label: string;
  level: CodeLevel;
  parentId: string | null;
}

/** A source (document) and the case it belongs to. */
export interface QuantitizeSource {
  id: string;
  /** The case (interviewee, organisation) the source belongs to; null = not assigned. */
  caseId: string | null;
  /** Length of the source text in Unicode code points. */
  length: number;
  /** Source.structure (JSON with the transcript turns), needed for speaker parts. */
  structure?: string | null;
}

/** A coding: [start, end) in code points of its source. Codings may overlap; coders may repeat a range. */
export interface QuantitizeCoding {
  id: string;
  sourceId: string;
  codeId: string;
  start: number;
  end: number;
  coderId: string | null;
}

/** A case: one row of the quantitized data. */
export interface QuantitizeCase {
  id: string;
  name: string;
}

/** What one quantitized variable measures (see the module comment for the definitions). */
export type QuantitizeMeasure = 'presence' | 'count' | 'share' | 'coder';

/** Which codes to quantitize and how. */
export interface QuantitizeSpec {
  /** One variable per entry, in this order. `rollUp`: include the codings of every code below. */
  codes: ReadonlyArray<{ codeId: string; rollUp: boolean }>;
  measure: QuantitizeMeasure;
  /** The coder for `measure: 'coder'` (required then, ignored otherwise). */
  coderId?: string;
  /** The coder's display name, for the variable name and label (defaults to `coderId`). */
  coderName?: string;
}

/** Options for {@link quantitize}. */
export interface QuantitizeOptions {
  codes: readonly QuantitizeCode[];
  sources: readonly QuantitizeSource[];
  codings: readonly QuantitizeCoding[];
  cases: readonly QuantitizeCase[];
  /** Parts of sources that belong to cases (lib/cases/parts.ts); none when left out. */
  parts?: readonly CasePartInput[];
  spec: QuantitizeSpec;
}

/** One quantitized variable: a value per case, in the order of `caseNames`. */
export interface QuantitizedVariable {
  /** A valid new dataset variable name (lib/datasets/transform/names), unique ignoring case. */
  name: string;
  /** e.g. "B3 Brand building — presence (rolled up)". */
  label: string;
  measure: QuantitizeMeasure;
  codeId: string;
  /** True when codings of codes below were included (only said when the code has any). */
  rolledUp: boolean;
  /** 0/1 for presence and coder, a whole number for count, a proportion or null for share. */
  values: Array<number | null>;
}

/** The quantitized coding: one row per case. */
export interface Quantitized {
  /** Case names in the order of the cases given. */
  caseNames: string[];
  variables: QuantitizedVariable[];
}

const MEASURE_TEXT: Record<QuantitizeMeasure, string> = {
  presence: 'presence',
  count: 'number of coded segments',
  share: 'share of case text coded',
  coder: 'coded by',
};

/**
 * Quantitizes the coding of the given codes into one variable per code, a value per case.
 * Definitions: see the module comment (presence, count of distinct segments, share of text as
 * the union of coded ranges over the case's text, coder).
 *
 * @param options - codes, sources, codings, cases and the spec.
 * @returns case names and the variables, in the order of `spec.codes`.
 * @throws {MixedMethodsError} `invalid-spec` (unknown measure; 'coder' without a coder),
 *   `unknown-code` (a spec code is not among `codes`), `duplicate-id` (two cases or sources
 *   share an id), `invalid-coding` (a counted coding's range does not fit its source).
 * @example
 * ```ts
 * quantitize({ codes, sources, codings, cases, spec: { codes: [{ codeId: 'b3', rollUp: true }], measure: 'presence' } });
 * // { caseNames: ['Anna', 'Ben'], variables: [{ name: 'q_B3_presence', values: [1, 0], … }] }
 * ```
 */
export function quantitize(options: QuantitizeOptions): Quantitized {
  const { codes, sources, codings, cases, spec } = options;
  if (!(spec.measure in MEASURE_TEXT)) throw new MixedMethodsError('invalid-spec', `unknown measure '${String(spec.measure)}'; use presence, count, share or coder`);
  if (spec.measure === 'coder' && !spec.coderId) throw new MixedMethodsError('invalid-spec', "the measure 'coder' needs the coder whose coding to use");

  const caseIndex = new Map<string, number>();
  cases.forEach((c, i) => {
    if (caseIndex.has(c.id)) throw new MixedMethodsError('duplicate-id', `two cases have the id '${c.id}'`, { caseId: c.id });
    caseIndex.set(c.id, i);
  });
  // Each case's text (ranges per source), and each source's length.
  const sourceLength = new Map<string, number>();
  for (const s of sources) {
    if (sourceLength.has(s.id)) throw new MixedMethodsError('duplicate-id', `two sources have the id '${s.id}'`, { sourceId: s.id });
    if (!(Number.isInteger(s.length) && s.length >= 0)) throw new MixedMethodsError('invalid-coding', `source '${s.id}' has length ${s.length}; a length is a whole number of characters ≥ 0`, { sourceId: s.id });
    sourceLength.set(s.id, s.length);
  }
  const given = new Set(caseIndex.keys());
  const membership = caseMembership(
    caseRanges(
      sources.map((s) => ({ ...s, caseId: s.caseId !== null && given.has(s.caseId) ? s.caseId : null })),
      (options.parts ?? []).filter((p) => given.has(p.caseId)),
    ),
  );
  const caseLength = cases.map((c) => membership.caseTextLength(c.id));

  const index = indexHierarchy(codes);
  const codingsByCode = new Map<string, QuantitizeCoding[]>();
  for (const coding of codings) {
    const list = codingsByCode.get(coding.codeId);
    if (list) list.push(coding);
    else codingsByCode.set(coding.codeId, [coding]);
  }

  const usedNames = new Set<string>();
  const variables = spec.codes.map(({ codeId, rollUp }): QuantitizedVariable => {
    const code = index.byId.get(codeId);
    if (!code) throw new MixedMethodsError('unknown-code', `code '${codeId}' is not among the project's codes`, { codeId });
    const hasBelow = (index.childrenOf.get(codeId)?.length ?? 0) > 0;
    const rolledUp = rollUp && hasBelow;
    const subtree = rolledUp ? subtreeIds(index.childrenOf, codeId) : [codeId];

    // The codings counted for this variable, grouped by case row.
    const perCase: QuantitizeCoding[][] = cases.map(() => []);
    for (const id of subtree) {
      for (const coding of codingsByCode.get(id) ?? []) {
        const caseIds = membership.casesOf(coding.sourceId, coding.start, coding.end);
        if (caseIds.length === 0 && !membership.hasCase(coding.sourceId)) continue;
        if (spec.measure === 'coder' && coding.coderId !== spec.coderId) continue;
        checkRange(coding, sourceLength.get(coding.sourceId)!);
        for (const caseId of caseIds) perCase[caseIndex.get(caseId)!].push(coding);
      }
    }
    const values = perCase.map((list, row) => measureOf(spec.measure, list, caseLength[row], (sourceId) => membership.rangesOf(cases[row].id, sourceId)));
    const name = uniqueName(variableName(code, spec), usedNames);
    return { name, label: variableLabel(code, spec, rolledUp, hasBelow), measure: spec.measure, codeId, rolledUp, values };
  });

  return { caseNames: cases.map((c) => c.name), variables };
}

/** The code and every code below it under the one-level-up reading (levels rise, so no cycles). */
function subtreeIds(childrenOf: ReadonlyMap<string, ReadonlyArray<{ id: string }>>, id: string): string[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const child of childrenOf.get(out[i]) ?? []) out.push(child.id);
  return out;
}

function checkRange(coding: QuantitizeCoding, length: number): void {
  const { start, end } = coding;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= length)) {
    throw new MixedMethodsError(
      'invalid-coding',
      `coding '${coding.id}' covers [${start}, ${end}), which does not fit source '${coding.sourceId}' (${length} characters)`,
      { codingId: coding.id, sourceId: coding.sourceId },
    );
  }
}

function measureOf(measure: QuantitizeMeasure, list: readonly QuantitizeCoding[], textLength: number, rangesOf: (sourceId: string) => ReadonlyArray<readonly [number, number]>): number | null {
  switch (measure) {
    case 'presence':
    case 'coder':
      return list.length > 0 ? 1 : 0;
    case 'count':
      return new Set(list.map((c) => `${c.sourceId}\u0000${c.start}\u0000${c.end}`)).size;
    case 'share':
      return textLength === 0 ? null : unionLength(list, rangesOf) / textLength;
  }
}

/**
 * Characters inside the union of the ranges and inside the case's ranges of their source, per
 * source (ranges of different sources never overlap).
 */
function unionLength(list: readonly QuantitizeCoding[], rangesOf: (sourceId: string) => ReadonlyArray<readonly [number, number]>): number {
  const bySource = new Map<string, Array<[number, number]>>();
  for (const c of list) {
    const ranges = bySource.get(c.sourceId);
    if (ranges) ranges.push([c.start, c.end]);
    else bySource.set(c.sourceId, [[c.start, c.end]]);
  }
  let total = 0;
  for (const [sourceId, ranges] of bySource) {
    const inCase = rangesOf(sourceId);
    ranges.sort((a, b) => a[0] - b[0]);
    let [from, to] = ranges[0];
    for (const [s, e] of ranges) {
      if (s > to) {
        total += insideLength(inCase, from, to);
        from = s;
        to = e;
      } else if (e > to) {
        to = e;
      }
    }
    total += insideLength(inCase, from, to);
  }
  return total;
}

const SUFFIX: Record<QuantitizeMeasure, string> = { presence: 'presence', count: 'count', share: 'share', coder: 'coder' };

/** "q_<label or name>_<measure>[_<coder>]", cut to the length limit; always starts with a letter. */
function variableName(code: QuantitizeCode, spec: QuantitizeSpec): string {
  const codePart = nameFragment(code.label) || nameFragment(code.name) || 'code';
  let tail = SUFFIX[spec.measure];
  if (spec.measure === 'coder') {
    const coderPart = nameFragment(spec.coderName ?? spec.coderId ?? '');
    if (coderPart) tail += `_${coderPart.slice(0, 20)}`;
  }
  // Room for "q_", "_<tail>" and a "_99" uniqueness suffix.
  const room = MAX_NAME_LENGTH - 2 - 1 - tail.length - 3;
  return `q_${codePart.slice(0, Math.max(1, room)).replace(/_+$/, '')}_${tail}`;
}

function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}_${k}`;
  used.add(name.toLowerCase());
  const problem = nameProblem(name);
  // Cannot happen with the "q_" prefix and the length budget; guards a future change of the rule.
  if (problem) throw new MixedMethodsError('invalid-name', problem, { variable: name });
  return name;
}

function variableLabel(code: QuantitizeCode, spec: QuantitizeSpec, rolledUp: boolean, hasBelow: boolean): string {
  const what = [code.label.trim(), code.name.trim()].filter(Boolean).join(' ') || code.id;
  let measure = MEASURE_TEXT[spec.measure];
  if (spec.measure === 'coder') measure += ` ${spec.coderName ?? spec.coderId}`;
  // Say how codes below were treated only when there are any, so the label never overstates.
  const scope = rolledUp ? ' (rolled up)' : hasBelow ? ' (this code only)' : '';
  return `${what} — ${measure}${scope}`;
}
