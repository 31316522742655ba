import { type CaseSourceRanges, caseMembership } from '../cases/parts';
import { indexHierarchy, orderCodes } from '../coding/hierarchy';
import type { CodeLevel } from '../coding/hierarchy-types';
import type { MatrixRow, QueryCaseValue, QueryCode, QueryCoding, QueryFilter, QuerySegment, QuerySource } from './types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The codings a query counts under `filter` (see {@link QueryFilter}): source kind, case
 * attribute value (a case holding it must have the coding's text — its whole source, or with
 * `caseRanges` a part the coding overlaps, lib/cases/parts.ts), coder, coding date (UTC
 * calendar day, both ends included). Codings of sources not in `sources` are dropped.
 *
 * @throws {RangeError} when `from`/`to` is not a `YYYY-MM-DD` date (the message names it).
 */
export function filterCodings(
  codings: readonly QueryCoding[],
  sources: readonly Pick<QuerySource, 'id' | 'kind' | 'caseId'>[],
  filter: QueryFilter = {},
  caseValues: readonly QueryCaseValue[] = [],
  caseRanges?: readonly CaseSourceRanges[],
): QueryCoding[] {
  for (const key of ['from', 'to'] as const) {
    const v = filter[key];
    if (v !== undefined && !DATE.test(v)) throw new RangeError(`filter.${key} '${v}' is not a YYYY-MM-DD date`);
  }
  const coders = filter.coderIds?.length ? new Set(filter.coderIds) : null;
  const allowed = sourcesPassing(sources, filter, caseValues, caseRanges);
  // With parts, the coding itself must lie in the text of a case holding the value.
  const holding = filter.caseAttribute && caseRanges ? casesHolding(filter, caseValues) : null;
  const membership = holding ? caseMembership(caseRanges!.filter((r) => holding.has(r.caseId))) : null;
  return codings.filter((c) => {
    if (!allowed.has(c.sourceId)) return false;
    if (membership && membership.casesOf(c.sourceId, c.start, c.end).length === 0) return false;
    if (coders && !coders.has(c.coderId ?? 'none')) return false;
    const day = c.createdAt.slice(0, 10);
    if (filter.from !== undefined && day < filter.from) return false;
    if (filter.to !== undefined && day > filter.to) return false;
    return true;
  });
}

/** The cases holding the filter's attribute value. */
function casesHolding(filter: QueryFilter, caseValues: readonly QueryCaseValue[]): Set<string> {
  const { attributeId, value } = filter.caseAttribute!;
  return new Set(caseValues.filter((v) => v.attributeId === attributeId && v.value === value).map((v) => v.caseId));
}

/**
 * Ids of the sources that pass the source filters of `filter` (kind, case attribute value: a
 * case holding it has the source, or with `caseRanges` a part of it).
 */
export function sourcesPassing(
  sources: readonly Pick<QuerySource, 'id' | 'kind' | 'caseId'>[],
  filter: QueryFilter = {},
  caseValues: readonly QueryCaseValue[] = [],
  caseRanges?: readonly CaseSourceRanges[],
): Set<string> {
  const kinds = filter.sourceKinds?.length ? new Set(filter.sourceKinds) : null;
  const cases = filter.caseAttribute ? casesHolding(filter, caseValues) : null;
  const withPart = cases && caseRanges ? new Set(caseRanges.filter((r) => cases.has(r.caseId)).map((r) => r.sourceId)) : null;
  const allowed = new Set<string>();
  for (const s of sources) {
    if (kinds && !kinds.has(s.kind)) continue;
    if (cases && !((s.caseId !== null && cases.has(s.caseId)) || withPart?.has(s.id))) continue;
    allowed.add(s.id);
  }
  return allowed;
}

/**
 * The codes in tree order (core categories, their main categories, categories and concepts,
 * then codes not yet placed, by level from the top), each with its depth under the
 * one-level-up reading of lib/coding/hierarchy.ts.
 */
export function treeRows(codes: readonly QueryCode[]): MatrixRow[] {
  const index = indexHierarchy(codes);
  const rows: MatrixRow[] = [];
  const visit = (code: QueryCode, depth: number) => {
    rows.push({ id: code.id, label: code.label, name: code.name, level: code.level, depth, color: code.color });
    for (const child of index.childrenOf.get(code.id) ?? []) visit(child, depth + 1);
  };
  for (const level of [4, 3, 2, 1] as const) for (const code of index.roots[level]) visit(code, 0);
  return rows;
}

/**
 * For each code, the code itself and its ancestors (one-level-up reading): the codes a coding
 * of it counts for when counts are rolled up.
 */
export function ancestorsOf(codes: readonly QueryCode[]): Map<string, string[]> {
  const { parentOf } = indexHierarchy(codes);
  const out = new Map<string, string[]>();
  for (const id of parentOf.keys()) {
    const chain: string[] = [];
    // Levels rise along parentOf, so this ends within four codes.
    for (let a: string | null | undefined = id; a != null; a = parentOf.get(a)) chain.push(a);
    out.set(id, chain);
  }
  return out;
}

/**
 * For each code, the code of `level` it rolls up to: itself at that level, its ancestor at that
 * level, or none (a code above the level, or one not placed under a code of the level).
 */
export function rollUpTo(codes: readonly QueryCode[], level: CodeLevel): Map<string, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out = new Map<string, string>();
  for (const [id, chain] of ancestorsOf(codes)) {
    const at = chain.find((a) => byId.get(a)!.level === level);
    if (at !== undefined) out.set(id, at);
  }
  return out;
}

/** Codes of one level in display order ({@link orderCodes}), as rows at depth 0. */
export function levelRows(codes: readonly QueryCode[], level: CodeLevel): MatrixRow[] {
  return orderCodes(codes.filter((c) => c.level === level)).map((c) => ({ id: c.id, label: c.label, name: c.name, level: c.level, depth: 0, color: c.color }));
}

/**
 * Codings grouped into distinct segments (same source, start and end), in source and text
 * order. Each segment keeps its codings' ids, codes and coders.
 */
export function toSegments(codings: readonly QueryCoding[]): QuerySegment[] {
  const byKey = new Map<string, QuerySegment>();
  const sorted = [...codings].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const c of sorted) {
    const key = `${c.sourceId}\u0000${c.start}\u0000${c.end}`;
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { sourceId: c.sourceId, start: c.start, end: c.end, codingIds: [], codeIds: [], coderIds: [] }));
    s.codingIds.push(c.id);
    if (!s.codeIds.includes(c.codeId)) s.codeIds.push(c.codeId);
    if (!s.coderIds.includes(c.coderId)) s.coderIds.push(c.coderId);
  }
  return [...byKey.values()].sort((a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : a.start - b.start || a.end - b.end));
}

/** The codings of `codeId` or any code below it (one-level-up reading). */
export function codingsOfSubtree(codes: readonly QueryCode[], codings: readonly QueryCoding[], codeId: string): QueryCoding[] {
  const chains = ancestorsOf(codes);
  return codings.filter((c) => chains.get(c.codeId)?.includes(codeId) ?? false);
}
