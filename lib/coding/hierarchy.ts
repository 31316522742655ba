import {
  CODE_LEVELS,
  LEVEL_NAME,
  LEVEL_PLURAL,
  type CodeLevel,
  type HierarchyCell,
  type HierarchyCode,
  type HierarchyCoding,
  type HierarchySummary,
  type HierarchyTable,
  type HierarchyTableRow,
  type HierarchyTreeNode,
  type LabelPrefixes,
  type RollUp,
} from './hierarchy-types';

/**
 * The rules of the code hierarchy (axial and selective coding): labels and their numbering,
 * where a code may be placed, merging and splitting codes, and the counts rolled up over the
 * tree for the hierarchy table, the tree view and the exports. Pure: the data layer loads the
 * rows, asks these functions what to do, and stores the answer.
 *
 * One reading of the stored tree is shared by every function here that walks it (roll-ups,
 * table, tree, renumbering): a code's parent counts only when it exists and sits exactly one
 * level up. A parent link that skips or reverses levels, points at itself or at an unknown
 * code (rows written before the rule, a hand-edited import) is read as "no parent yet", so the
 * code shows up with the unplaced ones instead of vanishing. Because levels strictly rise
 * along that reading, parent cycles in bad data cannot make a walk loop.
 */

/** A rule of the hierarchy was broken; `message` is written for researchers and may be shown as is. */
export class HierarchyRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HierarchyRuleError';
  }
}

/** What {@link planMerge} tells the data layer to do, all in one transaction. */
export interface MergePlan {
  /** Codings of `from` to re-point at `into`. */
  moveCodingIds: string[];
  /**
   * Codings of `from` that would duplicate a coding of `into` (same source, range and coder):
   * delete `dropId`, appending its memo to `keepId`'s.
   */
  collapse: Array<{ dropId: string; keepId: string }>;
  /** Children of `from` to re-parent under `into` (same level as `from`, so still valid). */
  reparentChildIds: string[];
}

/** Options for {@link planMerge}. */
export interface PlanMergeOptions {
  /** The code that disappears. */
  from: HierarchyCode;
  /** The code that stays and receives `from`'s codings and children. */
  into: HierarchyCode;
  /** The project's codes (for `from`'s children). */
  codes: readonly HierarchyCode[];
  /** The project's codings (at least those of `from` and `into`). */
  codings: readonly HierarchyCoding[];
}

/** What {@link planSplit} tells the data layer to move to the new code. */
export interface SplitPlan {
  /** The chosen codings of the code being split, without repeats, in the order given. */
  moveCodingIds: string[];
}

/** Options for {@link planSplit}. */
export interface PlanSplitOptions {
  /** The code being split. */
  code: HierarchyCode;
  /** Codings chosen to move to the new code. */
  codingIds: readonly string[];
  /** The project's codings (at least those of `code`). */
  codings: readonly HierarchyCoding[];
}

// ---------------------------------------------------------------------------------------------
// Labels

/**
 * Read a label such as "C12" as its level and number. The label must be exactly a level's
 * prefix followed by ASCII digits (case-sensitive; surrounding whitespace ignored). Where one
 * prefix begins another the longest wins; with the default prefixes the digits rule already
 * keeps "CC3" (core category 3) apart from concepts ("C" + "C3" is not prefix + digits). An
 * empty prefix never matches. Prefixes are compared as stored, so a core prefix "Core " reads
 * "Core 3" but not "Core3".
 *
 * @param label - a code's label, e.g. "B4", "CC1", "Core 2", or a hand-edited name.
 * @param prefixes - the project's prefixes (`labelPrefixes(project.corePrefix)`).
 * @returns the level and number, or null when the label is not a numbered label.
 * @example parseLabel('CC3', labelPrefixes()) // { level: 4, n: 3 }
 */
export function parseLabel(label: string, prefixes: LabelPrefixes): { level: CodeLevel; n: number } | null {
  const text = label.trim();
  // Longest prefix first; equal lengths keep level order (only possible when a core prefix
  // repeats a built-in one, which makes such labels ambiguous anyway).
  const levels = [...CODE_LEVELS].sort((a, b) => prefixes[b].length - prefixes[a].length);
  for (const level of levels) {
    const prefix = prefixes[level];
    if (!prefix || !text.startsWith(prefix)) continue;
    const digits = text.slice(prefix.length);
    if (/^[0-9]+$/.test(digits)) return { level, n: Number(digits) };
  }
  return null;
}

/**
 * The label for a new code of `level`: its prefix and one more than the highest number in use
 * at that level. Gaps left by deleted codes are not filled, so a number never comes back with
 * another meaning; renumbering is an explicit step ({@link renumberLabels}), never a surprise.
 *
 * @param level - the new code's level.
 * @param existingLabels - labels of the project's codes (all levels; others are ignored).
 * @param prefixes - the project's prefixes.
 * @example nextLabel(1, ['C1', 'C3', 'CC7'], labelPrefixes()) // 'C4'
 */
export function nextLabel(level: CodeLevel, existingLabels: readonly string[], prefixes: LabelPrefixes): string {
  let max = 0;
  for (const label of existingLabels) {
    const parsed = parseLabel(label, prefixes);
    if (parsed && parsed.level === level && parsed.n > max) max = parsed.n;
  }
  return `${prefixes[level]}${max + 1}`;
}

const nameCollator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The number a label ends in, for ordering: a prefix that does not end in a digit, then digits
 * ("C12" → 12, "Core 3" → 3). Read without the project's prefixes so the views need not pass
 * them; for the labels the app writes it is the `n` of {@link parseLabel}.
 */
function labelNumber(label: string): number | null {
  const match = /^\D*([0-9]+)$/.exec(label.trim());
  return match ? Number(match[1]) : null;
}

/**
 * Codes in display order within a level: numbered labels by their number ("C2" before "C10"),
 * then codes without a numbered label by name (locale order, case-insensitive, numbers inside
 * names by value). Ties keep their input order. Returns a new array.
 *
 * @param codes - codes of one level (mixing levels only orders them by the same rule).
 * @example orderCodes([{ label: 'C10', name: 'b' }, { label: '', name: 'a' }, { label: 'C2', name: 'c' }]) // C2, C10, a
 */
export function orderCodes<T extends Pick<HierarchyCode, 'label' | 'name'>>(codes: readonly T[]): T[] {
  const keyed = codes.map((code) => ({ code, n: labelNumber(code.label) }));
  keyed.sort((a, b) => {
    if (a.n !== null && b.n !== null) return a.n - b.n || nameCollator.compare(a.code.name, b.code.name);
    if (a.n !== null) return -1;
    if (b.n !== null) return 1;
    return nameCollator.compare(a.code.name, b.code.name);
  });
  return keyed.map((k) => k.code);
}

// ---------------------------------------------------------------------------------------------
// The tree as every walk reads it

/** The fields a walk of the tree needs. */
type TreeCode = Pick<HierarchyCode, 'id' | 'level' | 'parentId' | 'label' | 'name'>;

/** The tree as every walk reads it: parents under the one-level-up rule, children and roots in display order. */
export interface HierarchyIndex<T extends TreeCode = HierarchyCode> {
  byId: Map<string, T>;
  /** Parent id under the one-level-up rule (see the module comment), or null. */
  parentOf: Map<string, string | null>;
  /** Children under that rule, in {@link orderCodes} order. */
  childrenOf: Map<string, T[]>;
  /** Codes without a parent under that rule, per level, in {@link orderCodes} order. */
  roots: Record<CodeLevel, T[]>;
}
type CodeIndex = HierarchyIndex<HierarchyCode>;

/**
 * Indexes codes as every view should read the tree: a parent counts only when it exists, is
 * not the code itself and sits exactly one level up (anything else reads as "not placed yet"),
 * so the outline, table, tree and storyline never disagree, even over inconsistent rows.
 */
export function indexHierarchy<T extends TreeCode>(codes: readonly T[]): HierarchyIndex<T> {
  const byId = new Map<string, T>();
  for (const code of codes) if (!byId.has(code.id)) byId.set(code.id, code);
  const parentOf = new Map<string, string | null>();
  const children = new Map<string, T[]>();
  const roots: Record<CodeLevel, T[]> = { 1: [], 2: [], 3: [], 4: [] };
  for (const code of byId.values()) {
    const parent = code.parentId === null ? undefined : byId.get(code.parentId);
    const placed = parent !== undefined && parent.id !== code.id && parent.level === code.level + 1;
    parentOf.set(code.id, placed ? parent.id : null);
    if (placed) {
      const list = children.get(parent.id);
      if (list) list.push(code);
      else children.set(parent.id, [code]);
    } else {
      roots[code.level].push(code);
    }
  }
  const childrenOf = new Map<string, T[]>();
  for (const [id, list] of children) childrenOf.set(id, orderCodes(list));
  for (const level of CODE_LEVELS) roots[level] = orderCodes(roots[level]);
  return { byId, parentOf, childrenOf, roots };
}

const indexCodes = (codes: readonly HierarchyCode[]): CodeIndex => indexHierarchy(codes);

const kids = (index: CodeIndex, code: HierarchyCode) => index.childrenOf.get(code.id) ?? [];

interface LayoutRow {
  core: HierarchyCode | null;
  main: HierarchyCode | null;
  category: HierarchyCode | null;
  concepts: HierarchyCode[];
}

/** The rows of the hierarchy table (see {@link buildHierarchyTable}); every code appears once. */
function layoutRows(index: CodeIndex): LayoutRow[] {
  const rows: LayoutRow[] = [];
  const mainRows = (core: HierarchyCode | null, main: HierarchyCode) => {
    const categories = kids(index, main);
    if (categories.length === 0) rows.push({ core, main, category: null, concepts: [] });
    for (const category of categories) rows.push({ core, main, category, concepts: kids(index, category) });
  };
  for (const core of index.roots[4]) {
    const mains = kids(index, core);
    if (mains.length === 0) rows.push({ core, main: null, category: null, concepts: [] });
    for (const main of mains) mainRows(core, main);
  }
  for (const category of index.roots[2]) rows.push({ core: null, main: null, category, concepts: kids(index, category) });
  for (const main of index.roots[3]) mainRows(null, main);
  if (index.roots[1].length > 0) rows.push({ core: null, main: null, category: null, concepts: index.roots[1] });
  return rows;
}

/**
 * Explicit renumbering: every level numbered 1…n again, in the order the codes are read in the
 * hierarchy table ({@link buildHierarchyTable}): core categories in {@link orderCodes} order
 * with their main categories, categories and concepts; then the codes not yet placed
 * (categories without a main category, main categories without a core category with their
 * categories, concepts without a category), each group in {@link orderCodes} order.
 *
 * @param codes - the project's codes.
 * @param prefixes - the project's prefixes.
 * @returns only the codes whose label changes, core categories first, then main categories,
 *   categories and concepts, each in their new order.
 */
export function renumberLabels(codes: readonly HierarchyCode[], prefixes: LabelPrefixes): Array<{ id: string; label: string }> {
  const order: Record<CodeLevel, HierarchyCode[]> = { 1: [], 2: [], 3: [], 4: [] };
  const seen = new Set<string>();
  const visit = (code: HierarchyCode | null) => {
    if (code === null || seen.has(code.id)) return;
    seen.add(code.id);
    order[code.level].push(code);
  };
  for (const row of layoutRows(indexCodes(codes))) {
    visit(row.core);
    visit(row.main);
    visit(row.category);
    row.concepts.forEach(visit);
  }
  const changes: Array<{ id: string; label: string }> = [];
  for (const level of [4, 3, 2, 1] as const) {
    order[level].forEach((code, i) => {
      const label = `${prefixes[level]}${i + 1}`;
      if (code.label !== label) changes.push({ id: code.id, label });
    });
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------
// Placement rules

const quoted = (code: Pick<HierarchyCode, 'name'>) => `“${code.name}”`;

/**
 * Whether `child` may be put under `parent`. Taking a code out (parent null) is always fine;
 * otherwise the parent must be another code exactly one level up.
 *
 * @returns a message naming the problem, or null when the move may be stored.
 * @example parentProblem(concept, mainCategory) // '“Price anxiety” is a concept; it goes into a category, not a main category.'
 */
export function parentProblem(child: HierarchyCode, parent: HierarchyCode | null): string | null {
  if (parent === null) return null;
  if (parent.id === child.id) return `${quoted(child)} cannot be placed under itself.`;
  if (child.level === 4) {
    return `${quoted(child)} is a core category; core categories are the top level and go into nothing.`;
  }
  if (parent.level !== child.level + 1) {
    const up = (child.level + 1) as CodeLevel;
    return `${quoted(child)} is a ${LEVEL_NAME[child.level]}; it goes into a ${LEVEL_NAME[up]}, not a ${LEVEL_NAME[parent.level]}.`;
  }
  return null;
}

/**
 * Whether `code` may change to `newLevel`. A code changes level only while it stands alone:
 * no parent and no children, since either link would skip or reverse a level afterwards.
 *
 * @param codes - the project's codes (to find the parent's name and the children).
 * @returns a message saying what is in the way (the parent, the children, or both), or null.
 */
export function levelChangeProblem(code: HierarchyCode, newLevel: CodeLevel, codes: readonly HierarchyCode[]): string | null {
  if (!CODE_LEVELS.includes(newLevel)) return `Level ${String(newLevel)} does not exist; choose a level from 1 (concept) to 4 (core category).`;
  if (newLevel === code.level) return null;
  const problems: string[] = [];
  const undo: string[] = [];
  if (code.parentId !== null) {
    const parent = codes.find((c) => c.id === code.parentId);
    problems.push(parent ? `sits in the ${LEVEL_NAME[parent.level]} ${quoted(parent)}` : 'sits in another code');
    undo.push('take it out');
  }
  const children = codes.filter((c) => c.parentId === code.id && c.id !== code.id);
  if (children.length > 0) {
    const levels = new Set(children.map((c) => c.level));
    const level = levels.size === 1 ? children[0].level : null;
    const noun = level === null ? (children.length === 1 ? 'code' : 'codes') : children.length === 1 ? LEVEL_NAME[level] : LEVEL_PLURAL[level];
    problems.push(`has ${children.length} ${noun} under it`);
    undo.push(`move the ${noun} elsewhere`);
  }
  if (problems.length === 0) return null;
  return `${quoted(code)} ${problems.join(' and ')}; ${undo.join(' and ')} before making it a ${LEVEL_NAME[newLevel]}.`;
}

/**
 * Whether the selected codes may be grouped under a new code one level up ("create a category
 * from these concepts"): at least one code, all of one level, below core categories.
 *
 * @returns a message naming the problem, or null.
 */
export function groupProblem(children: readonly HierarchyCode[]): string | null {
  if (children.length === 0) return 'Select at least one code to group.';
  const first = children[0];
  const other = children.find((c) => c.level !== first.level);
  if (other) {
    return `${quoted(first)} is a ${LEVEL_NAME[first.level]} but ${quoted(other)} is a ${LEVEL_NAME[other.level]}; group codes of one level.`;
  }
  if (first.level === 4) return 'Core categories are the top level; they cannot be grouped under another code.';
  return null;
}

/**
 * Ids of every code below `id`, following the stored parent links (whatever their levels, so a
 * delete or move covers everything that points down from the code). Not including `id`; safe
 * on parent cycles.
 */
export function descendantIds(codes: readonly HierarchyCode[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const code of codes) {
    if (code.parentId === null) continue;
    const list = children.get(code.parentId);
    if (list) list.push(code.id);
    else children.set(code.parentId, [code.id]);
  }
  const found = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (child === id || found.has(child)) continue;
      found.add(child);
      stack.push(child);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Merge and split

/** Same source, range and coder: two such codings of one code say the same thing twice. */
const duplicateKey = (c: HierarchyCoding) => JSON.stringify([c.sourceId, c.start, c.end, c.coderId]);

/**
 * Plan merging `from` into `into` (two codes found to mean the same). Every coding of `from`
 * moves to `into`, except one that would duplicate a coding already there — same source,
 * range and coder — which collapses into it instead (the data layer appends the dropped
 * coding's memo to the kept one). Duplicates among `from`'s own codings collapse into the
 * first of them. The same span by another coder is not a duplicate: both coders' codings stay.
 * `from`'s children move under `into`.
 *
 * @throws {HierarchyRuleError} when `from` and `into` are the same code or of different levels.
 */
export function planMerge(options: PlanMergeOptions): MergePlan {
  const { from, into, codes, codings } = options;
  if (from.id === into.id) throw new HierarchyRuleError(`${quoted(from)} cannot be merged into itself; choose another code.`);
  if (from.level !== into.level) {
    throw new HierarchyRuleError(
      `${quoted(from)} is a ${LEVEL_NAME[from.level]} but ${quoted(into)} is a ${LEVEL_NAME[into.level]}; only codes of the same level can be merged.`,
    );
  }
  const kept = new Map<string, string>();
  for (const coding of codings) {
    if (coding.codeId !== into.id) continue;
    const key = duplicateKey(coding);
    if (!kept.has(key)) kept.set(key, coding.id);
  }
  const plan: MergePlan = { moveCodingIds: [], collapse: [], reparentChildIds: [] };
  for (const coding of codings) {
    if (coding.codeId !== from.id) continue;
    const key = duplicateKey(coding);
    const keepId = kept.get(key);
    if (keepId !== undefined) {
      plan.collapse.push({ dropId: coding.id, keepId });
    } else {
      plan.moveCodingIds.push(coding.id);
      kept.set(key, coding.id);
    }
  }
  // (`into` itself is never its own child, even if bad data had it under `from`.)
  for (const code of codes) if (code.parentId === from.id && code.id !== from.id && code.id !== into.id) plan.reparentChildIds.push(code.id);
  return plan;
}

/**
 * Plan splitting some codings off `code` into a new code (which the data layer creates at the
 * same level and under the same parent). Repeated ids count once.
 *
 * @throws {HierarchyRuleError} when no coding is chosen, or some chosen ids are not codings of `code`.
 */
export function planSplit(options: PlanSplitOptions): SplitPlan {
  const { code, codingIds, codings } = options;
  const ids = [...new Set(codingIds)];
  if (ids.length === 0) throw new HierarchyRuleError(`Choose at least one coding to split off from ${quoted(code)}.`);
  const own = new Set<string>();
  for (const coding of codings) if (coding.codeId === code.id) own.add(coding.id);
  const foreign = ids.filter((id) => !own.has(id)).length;
  if (foreign > 0) {
    const verb = foreign === 1 ? 'does not belong' : 'do not belong';
    throw new HierarchyRuleError(`${foreign} of the ${ids.length} selected codings ${verb} to ${quoted(code)}; reload and choose again.`);
  }
  return { moveCodingIds: ids };
}

// ---------------------------------------------------------------------------------------------
// Counts

/**
 * Counts rolled up over each code's subtree ({@link RollUp}): distinct segments — a segment is
 * a (source, start, end) range, so one span coded by two concepts of a category, or by two
 * coders, counts once, while partially overlapping spans are different segments — distinct
 * sources, and the coding rows applied to the code itself. Codings of unknown codes are
 * ignored.
 *
 * Linear time: segments and sources are numbered, the codings grouped by segment (and by
 * source) with a counting sort, and each coding's number credited to its code and the code's
 * ancestors (at most three, under the one-level-up reading) unless already credited there —
 * no set per code. 100,000 codings over 5,000 codes take tens of milliseconds.
 *
 * @returns an entry for every code, zeros included.
 */
export function rollUp(codes: readonly HierarchyCode[], codings: readonly HierarchyCoding[]): Map<string, RollUp> {
  return rollUpIndexed(indexCodes(codes), codings).byCode;
}

/** Roll-ups of every code and the project totals, as the table, tree and summary take them. */
export interface HierarchyRollUps {
  byCode: Map<string, RollUp>;
  /** Distinct segments and sources over all codings of known codes. */
  total: { segments: number; sources: number };
}
type RollUpResult = HierarchyRollUps;

function rollUpIndexed(index: CodeIndex, codings: readonly HierarchyCoding[]): RollUpResult {
  // Codes, segments and sources as small integers, so the counting below runs on typed arrays.
  const ids = [...index.byId.keys()];
  const codeNo = new Map<string, number>();
  ids.forEach((id, i) => codeNo.set(id, i));
  const parentNo = Int32Array.from(ids, (id) => {
    const parent = index.parentOf.get(id);
    return parent == null ? -1 : codeNo.get(parent)!;
  });
  // source → start → end → segment number (nested maps: no key strings to build per coding).
  const segmentNos = new Map<string, Map<number, Map<number, number>>>();
  const sourceNos = new Map<string, number>();
  let segmentCount = 0;
  const rowCode = new Int32Array(codings.length);
  const rowSegment = new Int32Array(codings.length);
  const rowSource = new Int32Array(codings.length);
  const direct = new Int32Array(ids.length);
  let rows = 0;
  for (const coding of codings) {
    const c = codeNo.get(coding.codeId);
    if (c === undefined) continue;
    let byStart = segmentNos.get(coding.sourceId);
    if (byStart === undefined) {
      segmentNos.set(coding.sourceId, (byStart = new Map()));
      sourceNos.set(coding.sourceId, sourceNos.size);
    }
    let byEnd = byStart.get(coding.start);
    if (byEnd === undefined) byStart.set(coding.start, (byEnd = new Map()));
    let segment = byEnd.get(coding.end);
    if (segment === undefined) byEnd.set(coding.end, (segment = segmentCount++));
    rowCode[rows] = c;
    rowSegment[rows] = segment;
    rowSource[rows] = sourceNos.get(coding.sourceId)!;
    rows += 1;
    direct[c] += 1;
  }
  const segments = distinctPerSubtree(rowCode, rowSegment, rows, segmentCount, parentNo);
  const sources = distinctPerSubtree(rowCode, rowSource, rows, sourceNos.size, parentNo);
  const byCode = new Map<string, RollUp>();
  ids.forEach((id, i) => byCode.set(id, { segments: segments[i], sources: sources[i], directCodings: direct[i] }));
  return { byCode, total: { segments: segmentCount, sources: sourceNos.size } };
}

/**
 * For every code, how many distinct values (segment or source numbers 0…valueCount-1) occur
 * among the rows of its subtree. Rows are visited grouped by value (a counting sort); a code
 * counts a value the first time it is reached for it and is stamped with it, and the walk up
 * stops at a code already stamped, because its ancestors were stamped on the same walk. So
 * each (code, value) pair is counted once, without a set per code.
 */
function distinctPerSubtree(rowCode: Int32Array, rowValue: Int32Array, rows: number, valueCount: number, parentNo: Int32Array): Int32Array {
  const starts = new Int32Array(valueCount + 1);
  for (let r = 0; r < rows; r++) starts[rowValue[r] + 1] += 1;
  for (let v = 0; v < valueCount; v++) starts[v + 1] += starts[v];
  const order = new Int32Array(rows);
  const fill = starts.slice(0, valueCount);
  for (let r = 0; r < rows; r++) order[fill[rowValue[r]]++] = r;
  const counts = new Int32Array(parentNo.length);
  const stamp = new Int32Array(parentNo.length).fill(-1);
  for (let i = 0; i < rows; i++) {
    const r = order[i];
    const value = rowValue[r];
    // Levels rise strictly along parentNo (see indexCodes), so this walk ends within four codes.
    for (let c = rowCode[r]; c !== -1 && stamp[c] !== value; c = parentNo[c]) {
      stamp[c] = value;
      counts[c] += 1;
    }
  }
  return counts;
}

/**
 * What the database aggregates per code for {@link rollUpFromStats} (one `GROUP BY` over the
 * codings): the coding rows on the code, its distinct segments, and the distinct sources.
 */
export interface CodeCodingStats {
  codeId: string;
  /** Coding rows applied to the code itself. */
  codings: number;
  /** Distinct (source, start, end) ranges among them. */
  segments: number;
  /** Distinct sources among them. */
  sourceIds: readonly string[];
}

/**
 * A segment that more than one code codes (the only segments where a subtree can count a
 * segment twice): the codes on it, repeats allowed (one per coding row is fine).
 */
export interface SharedSegment {
  codeIds: readonly string[];
}

/**
 * The counts of {@link rollUp}, from per-code aggregates instead of every coding, so a page
 * reads about 2,000 rows rather than 100,000. Same numbers, by inclusion–exclusion: a
 * subtree's distinct segments are the sum of its codes' own distinct segments, less, for every
 * segment that k > 1 codes of the subtree code, the k − 1 extra counts; only segments coded by
 * two or more codes are needed for that. Sources are few, so their union per subtree is taken
 * directly from each code's source list. Rows of unknown codes are ignored.
 *
 * @param stats - per-code aggregates (codes without codings may be left out).
 * @param shared - the segments that two or more codes code, with their codes.
 * @returns an entry for every code, zeros included, and the project totals.
 */
export function rollUpFromStats(codes: readonly HierarchyCode[], stats: readonly CodeCodingStats[], shared: readonly SharedSegment[]): HierarchyRollUps {
  return rollUpFromStatsIndexed(indexCodes(codes), stats, shared);
}

function rollUpFromStatsIndexed(index: CodeIndex, stats: readonly CodeCodingStats[], shared: readonly SharedSegment[]): HierarchyRollUps {
  const ids = [...index.byId.keys()];
  const codeNo = new Map<string, number>();
  ids.forEach((id, i) => codeNo.set(id, i));
  const parentNo = Int32Array.from(ids, (id) => {
    const parent = index.parentOf.get(id);
    return parent == null ? -1 : codeNo.get(parent)!;
  });
  const direct = new Int32Array(ids.length);
  const own = new Int32Array(ids.length);
  // (code, source) rows for the distinct-sources walk, as in rollUpIndexed.
  const sourceNos = new Map<string, number>();
  let pairs = 0;
  for (const s of stats) if (codeNo.has(s.codeId)) pairs += s.sourceIds.length;
  const rowCode = new Int32Array(pairs);
  const rowSource = new Int32Array(pairs);
  let rows = 0;
  const seenStats = new Uint8Array(ids.length);
  for (const s of stats) {
    const c = codeNo.get(s.codeId);
    if (c === undefined || seenStats[c]) continue;
    seenStats[c] = 1;
    direct[c] = s.codings;
    own[c] = s.segments;
    for (const sourceId of s.sourceIds) {
      let n = sourceNos.get(sourceId);
      if (n === undefined) sourceNos.set(sourceId, (n = sourceNos.size));
      rowCode[rows] = c;
      rowSource[rows] = n;
      rows += 1;
    }
  }
  const sources = distinctPerSubtree(rowCode, rowSource, rows, sourceNos.size, parentNo);

  // Segments: sum of own distinct segments over each subtree (each code adds to itself and its
  // ancestors), then the over-count on shared segments taken off.
  const segments = new Int32Array(ids.length);
  let totalSegments = 0;
  for (let c = 0; c < ids.length; c++) {
    if (own[c] === 0) continue;
    totalSegments += own[c];
    for (let a = c; a !== -1; a = parentNo[a]) segments[a] += own[c];
  }
  // Per shared segment, how many distinct codes of each subtree code it (k); take k − 1 off.
  const hits = new Int32Array(ids.length);
  const codeStamp = new Int32Array(ids.length).fill(-1);
  const touched: number[] = [];
  shared.forEach((segment, segmentNo) => {
    let distinctCodes = 0;
    for (const codeId of segment.codeIds) {
      const c = codeNo.get(codeId);
      if (c === undefined || codeStamp[c] === segmentNo) continue;
      codeStamp[c] = segmentNo;
      distinctCodes += 1;
      for (let a = c; a !== -1; a = parentNo[a]) {
        if (hits[a] === 0) touched.push(a);
        hits[a] += 1;
      }
    }
    if (distinctCodes > 1) totalSegments -= distinctCodes - 1;
    for (const a of touched) {
      segments[a] -= hits[a] - 1;
      hits[a] = 0;
    }
    touched.length = 0;
  });
  const byCode = new Map<string, RollUp>();
  ids.forEach((id, i) => byCode.set(id, { segments: segments[i], sources: sources[i], directCodings: direct[i] }));
  return { byCode, total: { segments: totalSegments, sources: sourceNos.size } };
}

/**
 * {@link rollUp} for one code, from codings that include at least its subtree's (e.g. what
 * coded retrieval lists for the code and every code below it by parent links): codings of
 * codes outside the subtree under the one-level-up reading are left out, so the numbers are
 * the ones the outline shows, without rolling up the whole project.
 */
export function rollUpOne(codes: readonly HierarchyCode[], codeId: string, codings: ReadonlyArray<Pick<HierarchyCoding, 'codeId' | 'sourceId' | 'start' | 'end'>>): RollUp {
  const { parentOf } = indexHierarchy(codes);
  if (!parentOf.has(codeId)) return { segments: 0, sources: 0, directCodings: 0 };
  const inSubtree = new Map<string, boolean>();
  const within = (id: string): boolean => {
    let known = inSubtree.get(id);
    if (known === undefined) {
      // Levels rise along parentOf, so this ends within four codes.
      let a: string | null | undefined = id;
      while (a != null && a !== codeId) a = parentOf.get(a);
      inSubtree.set(id, (known = a === codeId));
    }
    return known;
  };
  const segments = new Map<string, Map<number, Set<number>>>();
  let count = 0;
  let directCodings = 0;
  for (const coding of codings) {
    if (!within(coding.codeId)) continue;
    if (coding.codeId === codeId) directCodings += 1;
    let byStart = segments.get(coding.sourceId);
    if (byStart === undefined) segments.set(coding.sourceId, (byStart = new Map()));
    let ends = byStart.get(coding.start);
    if (ends === undefined) byStart.set(coding.start, (ends = new Set()));
    if (!ends.has(coding.end)) {
      ends.add(coding.end);
      count += 1;
    }
  }
  return { segments: count, sources: segments.size, directCodings };
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const counted = (n: number, one: string, many: string) => `${integer.format(n)} ${n === 1 ? one : many}`;

function summaryOf(index: CodeIndex, segments: number): HierarchySummary {
  const counts: Record<CodeLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const code of index.byId.values()) counts[code.level] += 1;
  return summaryLine(counts, segments);
}

function summaryLine(counts: Record<CodeLevel, number>, segments: number): HierarchySummary {
  const line = [
    counted(segments, 'coded segment', 'coded segments'),
    ...CODE_LEVELS.map((level) => counted(counts[level], LEVEL_NAME[level], LEVEL_PLURAL[level])),
  ].join(' · ');
  return { segments, counts, line };
}

/**
 * The project at a glance: distinct coded segments (any code; same rule as {@link rollUp}),
 * the number of codes per level, and the line shown above the hierarchy, e.g.
 * "276 coded segments · 30 concepts · 12 categories · 6 main categories · 4 core categories"
 * (singular for 1, en-US thousands separators).
 */
export function summarize(codes: readonly HierarchyCode[], codings: readonly HierarchyCoding[]): HierarchySummary {
  return rollUpAndSummarize(codes, codings).summary;
}

/** The summary line ({@link summarize}) from roll-ups already computed (e.g. {@link rollUpFromStats}). */
export function summarizeRollUps(codes: readonly HierarchyCode[], rollUps: HierarchyRollUps): HierarchySummary {
  return summaryOf(indexCodes(codes), rollUps.total.segments);
}

/**
 * The summary line ({@link summarize}) from the project's distinct coded segments counted
 * elsewhere (e.g. in SQL); only the codes' levels are read.
 */
export function summarizeSegments(codes: ReadonlyArray<Pick<HierarchyCode, 'id' | 'level'>>, segments: number): HierarchySummary {
  const counts: Record<CodeLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code.id)) continue;
    seen.add(code.id);
    counts[code.level] += 1;
  }
  return summaryLine(counts, segments);
}

/** {@link rollUp} and {@link summarize} from one pass over the codings (what a page needs both for). */
export function rollUpAndSummarize(codes: readonly HierarchyCode[], codings: readonly HierarchyCoding[]): { rollUps: Map<string, RollUp>; summary: HierarchySummary } {
  const index = indexCodes(codes);
  const result = rollUpIndexed(index, codings);
  return { rollUps: result.byCode, summary: summaryOf(index, result.total.segments) };
}

/**
 * The published layout "Core category | Main category | Category | Concepts": one row per
 * category with its concepts (in {@link orderCodes} order) in the last cell; cells carry the
 * rolled-up counts. Rows come in this order:
 *
 * 1. core categories ({@link orderCodes} order), their main categories, their categories; a
 *    main category without categories still gets a row (category null, no concepts), and so
 *    does a core category without main categories (main and category null);
 * 2. categories without a main category (main and core null);
 * 3. main categories without a core category (core null), with their categories;
 * 4. one row of the concepts without a category (category null), when there are any.
 *
 * `coreSpan`/`mainSpan` count the consecutive rows a cell covers, on its first row, and are 0
 * on the rows it covers. An empty (null) cell is never merged with its neighbours: its span is
 * 1, because the empty cells of unrelated unplaced codes should not read as one group.
 */
export function buildHierarchyTable(codes: readonly HierarchyCode[], codings: readonly HierarchyCoding[]): HierarchyTable {
  const index = indexCodes(codes);
  return tableOf(index, rollUpIndexed(index, codings));
}

/** {@link buildHierarchyTable} from roll-ups already computed (e.g. {@link rollUpFromStats}, in SQL). */
export function hierarchyTableFromRollUps(codes: readonly HierarchyCode[], rollUps: HierarchyRollUps): HierarchyTable {
  return tableOf(indexCodes(codes), rollUps);
}

function tableOf(index: CodeIndex, counts: HierarchyRollUps): HierarchyTable {
  const cell = (code: HierarchyCode | null): HierarchyCell | null => {
    if (code === null) return null;
    const r = counts.byCode.get(code.id)!;
    return { id: code.id, label: code.label, name: code.name, level: code.level, segments: r.segments, sources: r.sources };
  };
  const layout = layoutRows(index);
  const span = (i: number, pick: (row: LayoutRow) => HierarchyCode | null): number => {
    const code = pick(layout[i]);
    if (code === null) return 1;
    if (i > 0 && pick(layout[i - 1])?.id === code.id) return 0;
    let n = 1;
    while (i + n < layout.length && pick(layout[i + n])?.id === code.id) n += 1;
    return n;
  };
  const rows: HierarchyTableRow[] = layout.map((row, i) => ({
    core: cell(row.core),
    coreSpan: span(i, (r) => r.core),
    main: cell(row.main),
    mainSpan: span(i, (r) => r.main),
    category: cell(row.category),
    concepts: row.concepts.map((c) => cell(c)!),
  }));
  return { rows, summary: summaryOf(index, counts.total.segments) };
}

/**
 * The tree for the tree and icicle views: a root for the project (id 'root', level 0, named
 * `rootName`, no colour of its own: views draw it in their neutral) → core categories → main
 * categories → categories → concepts. Codes below core level that have no parent hang
 * directly under the root, after the core categories (main categories, then categories, then
 * concepts), so nothing coded is hidden. Children come in {@link orderCodes} order.
 *
 * `ownSize` is the coding rows on the code itself (what d3's `hierarchy.sum` adds up), while
 * `segments`/`sources` are the {@link rollUp} counts; the root carries the project totals.
 */
export function buildHierarchyTree(codes: readonly HierarchyCode[], codings: readonly HierarchyCoding[], rootName: string): HierarchyTreeNode {
  const index = indexCodes(codes);
  return treeOf(index, rollUpIndexed(index, codings), rootName);
}

/** {@link buildHierarchyTree} from roll-ups already computed (e.g. {@link rollUpFromStats}, in SQL). */
export function hierarchyTreeFromRollUps(codes: readonly HierarchyCode[], rollUps: HierarchyRollUps, rootName: string): HierarchyTreeNode {
  return treeOf(indexCodes(codes), rollUps, rootName);
}

function treeOf(index: CodeIndex, counts: HierarchyRollUps, rootName: string): HierarchyTreeNode {
  const node = (code: HierarchyCode): HierarchyTreeNode => {
    const r = counts.byCode.get(code.id)!;
    return {
      id: code.id,
      label: code.label,
      name: code.name,
      level: code.level,
      color: code.color,
      segments: r.segments,
      sources: r.sources,
      ownSize: r.directCodings,
      children: kids(index, code).map(node),
    };
  };
  const roots = ([4, 3, 2, 1] as const).flatMap((level) => index.roots[level]);
  return {
    id: 'root',
    label: '',
    name: rootName,
    level: 0,
    color: '',
    segments: counts.total.segments,
    sources: counts.total.sources,
    ownSize: 0,
    children: roots.map(node),
  };
}
