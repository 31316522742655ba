/**
 * Grounded theory's code hierarchy (axial and selective coding), as plain data shared by the
 * pure rules (lib/coding/hierarchy.ts), the exporters (lib/io/export/hierarchy-table.ts),
 * the data layer and the views (components/hierarchy).
 *
 * Four levels, each code's parent sits exactly one level up (or it has none yet):
 *   1 concept (open code, label C1…) → 2 category (B1…) → 3 main category (A1…)
 *   → 4 core category (label prefix chosen per project, default CC1…).
 */

export type CodeLevel = 1 | 2 | 3 | 4;
export const CODE_LEVELS: readonly CodeLevel[] = [1, 2, 3, 4];

export const LEVEL_NAME: Record<CodeLevel, string> = { 1: 'concept', 2: 'category', 3: 'main category', 4: 'core category' };
export const LEVEL_PLURAL: Record<CodeLevel, string> = { 1: 'concepts', 2: 'categories', 3: 'main categories', 4: 'core categories' };

/** A stored level as a CodeLevel (anything else, or none, reads as a concept). */
export const toCodeLevel = (level: number | undefined): CodeLevel => (level === 2 || level === 3 || level === 4 ? level : 1);

/** Label prefixes per level; the core prefix is a project setting (Project.corePrefix). */
export type LabelPrefixes = Record<CodeLevel, string>;
export const DEFAULT_CORE_PREFIX = 'CC';
export const labelPrefixes = (corePrefix: string = DEFAULT_CORE_PREFIX): LabelPrefixes => ({ 1: 'C', 2: 'B', 3: 'A', 4: corePrefix });

export interface HierarchyCode {
  id: string;
  name: string;
  /** e.g. "C12"; may be '' (never numbered) or edited by hand. */
  label: string;
  level: CodeLevel;
  parentId: string | null;
  /** #rrggbb */
  color: string;
  definition: string;
}

/** A coded segment as the hierarchy rules see it: [start, end) in code points of the source text. */
export interface HierarchyCoding {
  id: string;
  codeId: string;
  sourceId: string;
  start: number;
  end: number;
  coderId: string | null;
}

/**
 * A code's counts rolled up over its subtree. A segment is a distinct (source, start, end)
 * range: the same span coded by two concepts of one category, or by two coders, counts once
 * for the category. Sources are counted distinct.
 */
export interface RollUp {
  /** Distinct segments coded with this code or any code below it. */
  segments: number;
  /** Distinct sources among those segments. */
  sources: number;
  /** Codings applied to this code itself (rows, not distinct ranges). */
  directCodings: number;
}

export interface HierarchySummary {
  /** Distinct coded segments in the project (any code). */
  segments: number;
  counts: Record<CodeLevel, number>;
  /** "276 coded segments · 30 concepts · 12 categories · 6 main categories · 4 core categories" */
  line: string;
}

/** One cell of the hierarchy table: a code with its label and rolled-up counts. */
export interface HierarchyCell {
  id: string;
  label: string;
  name: string;
  level: CodeLevel;
  segments: number;
  sources: number;
}

/**
 * One row of the published layout "Core category | Main category | Category | Concepts": one
 * row per category (its concepts listed in the last cell). `coreSpan`/`mainSpan` give how many
 * rows the core / main cell spans starting at this row (0: covered by a row above), so HTML
 * rowSpan, Word vertical merges and XLSX merged ranges come from the same numbers.
 * Codes not yet placed appear with null cells above them (e.g. a category with no main
 * category: main = null, core = null); concepts without a category are gathered in a last
 * row with category = null.
 */
export interface HierarchyTableRow {
  core: HierarchyCell | null;
  coreSpan: number;
  main: HierarchyCell | null;
  mainSpan: number;
  category: HierarchyCell | null;
  concepts: HierarchyCell[];
}

export interface HierarchyTable {
  rows: HierarchyTableRow[];
  summary: HierarchySummary;
}

/** A node of the tree/icicle view: the project at the root, then core → main → category → concept. */
export interface HierarchyTreeNode {
  /** Code id, or 'root' / 'unplaced-<level>' for synthetic groups. */
  id: string;
  label: string;
  name: string;
  /** 0 for the root and synthetic groups. */
  level: CodeLevel | 0;
  color: string;
  /** Rolled-up distinct segments (shown in labels). */
  segments: number;
  sources: number;
  /** Codings applied to this node itself: the size a partition layout sums (d3 hierarchy.sum). */
  ownSize: number;
  children: HierarchyTreeNode[];
}
