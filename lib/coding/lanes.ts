/**
 * Margin lanes for coding stripes: columns beside the text, one stripe per coding. Two codings
 * of different codes that overlap — or come closer than `minGap` — never share a lane, so
 * nested and overlapping codings stay readable as separate stripes; codings of the same code
 * that overlap (several coders) share one.
 *
 * Interval colouring with a memory: codings are swept in text order and each takes the lane its
 * code used last if that lane is free there, else the lowest free lane. A code therefore keeps
 * its lane through a passage (its stripes line up), while the number of lanes stays at the
 * deepest local overlap. A fixed lane per code for the whole text cannot do both: over a long
 * transcript nearly every pair of codes meets somewhere, and 60 codes would need 60 lanes.
 *
 * Cost: O(n log n) to sort, then O(n·d) for n codings and overlap depth d.
 */

/** The part of a coding the lane assignment needs (offsets in any one unit). */
export interface LaneCoding {
  codeId: string;
  start: number;
  end: number;
}

/** Options for {@link assignLanes}. */
export interface AssignLanesOptions {
  /**
   * Codings closer than this (in the offsets' unit) also count as overlapping. Stripes span
   * whole visual lines, so two codings on one line look overlapping even when their characters
   * do not; a gap of about one line's characters keeps their stripes apart. Default 0.
   */
  minGap?: number;
  /**
   * The `codeLanes` of the previous assignment: each code starts out preferring the lane it
   * had, so removing a coding does not move the stripes beside it. Pass it across edits, not
   * across filter changes (a filtered view should be compact).
   */
  previous?: ReadonlyMap<string, number>;
}

/** The result of {@link assignLanes}. */
export interface LaneAssignment {
  /** The lane of each input coding, in input order; lane 0 is next to the text. */
  lanes: number[];
  /** Number of lanes in use (max lane + 1; 0 when there are no codings). */
  laneCount: number;
  /** The lane of each code's first coding in the text (pass it back as `previous`). */
  codeLanes: Map<string, number>;
}

/**
 * Assign a margin lane to every coding (see the module comment). Deterministic: the same
 * codings in any order (and the same `previous`) give the same lanes. Empty codings
 * (`start === end`) overlap nothing unless `minGap` > 0.
 *
 * @param codings - the codings to show, any order.
 * @param options - see {@link AssignLanesOptions}.
 * @returns the lane of each coding, the number of lanes, and each code's lane.
 * @throws {RangeError} when a coding has `end < start` or `minGap` is negative.
 * @example
 * const { lanes, laneCount, codeLanes } = assignLanes(visible, { minGap: 60, previous: last.codeLanes });
 */
export function assignLanes(codings: readonly LaneCoding[], options: AssignLanesOptions = {}): LaneAssignment {
  const gap = options.minGap ?? 0;
  if (!(gap >= 0)) throw new RangeError(`minGap ${gap} must be a non-negative number`);
  const n = codings.length;
  const order = Array.from({ length: n }, (_, i) => i);
  for (const c of codings) {
    if (c.end < c.start) throw new RangeError(`coding of code '${c.codeId}' has end ${c.end} < start ${c.start}`);
  }
  order.sort((i, j) => {
    const a = codings[i];
    const b = codings[j];
    return a.start - b.start || a.end - b.end || (a.codeId < b.codeId ? -1 : a.codeId > b.codeId ? 1 : 0) || i - j;
  });

  const lanes = new Array<number>(n).fill(0);
  const lastLane = new Map<string, number>(options.previous ?? []);
  // A previous lane may leave lower lanes empty (a coding below was removed), but never widen
  // the margin beyond what it was.
  let previousWidth = 0;
  for (const l of options.previous?.values() ?? []) previousWidth = Math.max(previousWidth, l + 1);
  const codeLanes = new Map<string, number>();
  // Codings still reaching the sweep position (their end plus the gap lies beyond it).
  let open: number[] = [];
  let laneCount = 0;
  const taken = new Set<number>();
  for (const i of order) {
    const c = codings[i];
    open = open.filter((o) => codings[o].end + gap > c.start);
    const empty = c.start === c.end && gap === 0;
    taken.clear();
    let sameCodeLane = -1;
    if (!empty) {
      for (const o of open) {
        if (codings[o].codeId === c.codeId) sameCodeLane = lanes[o];
        else taken.add(lanes[o]);
      }
    }
    let lane: number;
    const preferred = lastLane.get(c.codeId);
    if (sameCodeLane >= 0 && !taken.has(sameCodeLane)) lane = sameCodeLane;
    else if (preferred !== undefined && preferred >= 0 && preferred < Math.max(laneCount, previousWidth) && !taken.has(preferred)) lane = preferred;
    else for (lane = 0; taken.has(lane); lane++);
    lanes[i] = lane;
    lastLane.set(c.codeId, lane);
    if (!codeLanes.has(c.codeId)) codeLanes.set(c.codeId, lane);
    laneCount = Math.max(laneCount, lane + 1);
    if (!empty) open.push(i);
  }
  return { lanes, laneCount, codeLanes };
}
