/**
 * Triangulation: for each category (level 2 and up), which kinds of source support it —
 * literature, interviews, field notes, documents, other — and how many of each (distinct
 * sources with a coded segment of the category or any code below it), plus "statistics": the
 * survey constructs (scales or variables) linked to the category or a code below it. Pure.
 */
import { indexHierarchy, orderCodes } from '../coding/hierarchy';
import type { CodeLevel, HierarchyCode } from '../coding/hierarchy-types';
import { SOURCE_KINDS, type SourceKind } from '../sources/kinds';

/** The columns of the view: the source kinds, then statistics. */
export const TRIANGULATION_KINDS = [...SOURCE_KINDS, 'statistics'] as const;
export type TriangulationKind = (typeof TRIANGULATION_KINDS)[number];
export const TRIANGULATION_LABELS: Record<TriangulationKind, string> = {
  interview: 'Interviews',
  literature: 'Literature',
  fieldnote: 'Field notes',
  document: 'Documents',
  other: 'Other',
  statistics: 'Statistics',
};

export interface TriangulationRow {
  id: string;
  label: string;
  name: string;
  level: CodeLevel;
  /** Sources per kind; `statistics` = linked survey constructs. */
  counts: Record<TriangulationKind, number>;
  /** How many different kinds (statistics included) support the category. */
  kinds: number;
  /** Linked constructs' names (for the table's tooltip). */
  constructs: string[];
}

/** Options of {@link triangulate}. */
export interface TriangulateOptions {
  codes: readonly HierarchyCode[];
  sources: ReadonlyArray<{ id: string; kind: string }>;
  /** Distinct (code, source) pairs suffice; repeated pairs are fine. */
  codings: ReadonlyArray<{ codeId: string; sourceId: string }>;
  /** CodeLinks: the code and the target's name. */
  links: ReadonlyArray<{ codeId: string; target: string; name: string }>;
}

const emptyCounts = (): Record<TriangulationKind, number> => ({ interview: 0, literature: 0, fieldnote: 0, document: 0, other: 0, statistics: 0 });

/**
 * Triangulation rows for every code of level ≥ 2, in hierarchy order: core categories, main
 * categories, then categories (each level in label order).
 * @example
 * // B1 with concept C1 coded in an interview and an article, and B1 linked to the scale "Trust":
 * triangulate({ codes, sources, codings, links })[0].counts // { interview: 1, literature: 1, …, statistics: 1 }
 */
export function triangulate(options: TriangulateOptions): TriangulationRow[] {
  const index = indexHierarchy(options.codes);
  const kindOf = new Map(options.sources.map((s) => [s.id, (SOURCE_KINDS as readonly string[]).includes(s.kind) ? (s.kind as SourceKind) : 'other']));
  // Each code's ancestors (itself included) of level ≥ 2.
  const upward = (codeId: string): string[] => {
    const out: string[] = [];
    let at: string | null = index.byId.has(codeId) ? codeId : null;
    while (at !== null) {
      if (index.byId.get(at)!.level >= 2) out.push(at);
      at = index.parentOf.get(at) ?? null;
    }
    return out;
  };
  const sourcesOf = new Map<string, Set<string>>();
  for (const c of options.codings) {
    if (!kindOf.has(c.sourceId)) continue;
    for (const id of upward(c.codeId)) {
      const set = sourcesOf.get(id) ?? new Set<string>();
      set.add(c.sourceId);
      sourcesOf.set(id, set);
    }
  }
  const linksOf = new Map<string, Map<string, string>>();
  for (const l of options.links) {
    for (const id of upward(l.codeId)) {
      const map = linksOf.get(id) ?? new Map<string, string>();
      map.set(l.target, l.name);
      linksOf.set(id, map);
    }
  }
  const categories = ([4, 3, 2] as const).flatMap((level) => orderCodes([...index.byId.values()].filter((c) => c.level === level)));
  return categories.map((code) => {
    const counts = emptyCounts();
    for (const s of sourcesOf.get(code.id) ?? []) counts[kindOf.get(s)!]++;
    const constructs = [...(linksOf.get(code.id)?.values() ?? [])];
    counts.statistics = constructs.length;
    return { id: code.id, label: code.label, name: code.name, level: code.level, counts, kinds: TRIANGULATION_KINDS.filter((k) => counts[k] > 0).length, constructs };
  });
}
