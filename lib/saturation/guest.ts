/**
 * Thematic saturation after Guest, Namey & Chen (2020), "A simple method to assess and report
 * thematic saturation in qualitative research", PLoS ONE 15(5): e0232076.
 *
 * - **Base size** b: the first b sources (in coding order) establish the base; its number of
 *   unique codes is the denominator of every ratio.
 * - **Run length** r: a run is r consecutive sources after the base. Runs roll forward one
 *   source at a time: the first covers sources b+1…b+r, the next b+2…b+r+1, and so on.
 * - **New information** in a run: the codes appearing in the run that appear in no earlier
 *   source (neither the base nor any source before the run), divided by the base's unique codes.
 * - **Threshold** t (e.g. ≤ 5 %): the first run whose new information is ≤ t shows that the
 *   sources before it were enough. Saturation is reached at the last source before that run;
 *   the run is the evidence (the paper reports "saturation at n" with the base, run and
 *   threshold stated, as {@link guestSentence} does).
 * If no run meets the threshold (or there are fewer than b + r sources, or the base has no
 * codes), saturation is not reached.
 */

export interface GuestOptions {
  /** Base size: sources in the base (≥ 1). Default 4. */
  base: number;
  /** Run length: sources per run (≥ 1). Default 2. */
  run: number;
  /** New-information threshold as a proportion (0.05 = 5 %). Default 0.05. */
  threshold: number;
}

export const GUEST_DEFAULTS: GuestOptions = { base: 4, run: 2, threshold: 0.05 };

export interface GuestRun {
  /** 1-based positions of the run's first and last source. */
  from: number;
  to: number;
  /** Codes in the run that no earlier source had. */
  newCodes: number;
  /** newCodes / baseCodes. */
  ratio: number;
  meetsThreshold: boolean;
}

export interface GuestResult {
  options: GuestOptions;
  /** Sources in the order. */
  sources: number;
  /** Unique codes in the base. */
  baseCodes: number;
  runs: GuestRun[];
  /** 1-based position where saturation is reached, or null. */
  reachedAt: number | null;
  /** Why saturation could not be assessed, when it could not. */
  problem: string | null;
  /** "saturation reached at source 11 of 20 (base 4, run 2, ≤ 5 %)" or "not reached (…)". */
  sentence: string;
}

/** "≤ 5 %", "≤ 2.5 %": the threshold as the paper writes it. */
export function thresholdText(threshold: number): string {
  const pct = Math.round(threshold * 1000) / 10;
  return `≤ ${pct} %`;
}

function parameters(o: GuestOptions): string {
  return `base ${o.base}, run ${o.run}, ${thresholdText(o.threshold)}`;
}

/** The verdict sentence for a result. */
export function guestSentence(result: Pick<GuestResult, 'options' | 'sources' | 'reachedAt'>): string {
  return result.reachedAt === null
    ? `not reached (${parameters(result.options)})`
    : `saturation reached at source ${result.reachedAt} of ${result.sources} (${parameters(result.options)})`;
}

/**
 * Guest et al.'s saturation assessment.
 * @param perSource - for each source in coding order, the codes found in it (duplicates ignored).
 * @param options - base size, run length and threshold ({@link GUEST_DEFAULTS}).
 * @throws RangeError when base or run is not a whole number ≥ 1, or the threshold is not in [0, 1].
 * @example
 * ```ts
 * guestSaturation([['a', 'b'], ['c'], ['a'], ['b']], { base: 2, run: 1, threshold: 0 }).reachedAt; // 2
 * ```
 */
export function guestSaturation(perSource: readonly (readonly string[])[], options: Partial<GuestOptions> = {}): GuestResult {
  const o: GuestOptions = { ...GUEST_DEFAULTS, ...options };
  if (!Number.isInteger(o.base) || o.base < 1) throw new RangeError(`base size must be a whole number ≥ 1, got ${o.base}`);
  if (!Number.isInteger(o.run) || o.run < 1) throw new RangeError(`run length must be a whole number ≥ 1, got ${o.run}`);
  if (!(o.threshold >= 0 && o.threshold <= 1)) throw new RangeError(`threshold must be a proportion in [0, 1], got ${o.threshold}`);

  const n = perSource.length;
  // firstAt[code] = 0-based index of the first source holding the code.
  const firstAt = new Map<string, number>();
  perSource.forEach((codes, i) => {
    for (const c of codes) if (!firstAt.has(c)) firstAt.set(c, i);
  });
  // New codes per source: those whose first source it is.
  const fresh = new Array<number>(n).fill(0);
  for (const i of firstAt.values()) fresh[i]++;
  const baseCodes = fresh.slice(0, Math.min(o.base, n)).reduce((s, x) => s + x, 0);

  const runs: GuestRun[] = [];
  let problem: string | null = null;
  let reachedAt: number | null = null;
  if (n < o.base + o.run) problem = `needs at least ${o.base + o.run} coded sources (base ${o.base} + run ${o.run}); there are ${n}`;
  else if (baseCodes === 0) problem = 'the base has no codes';
  else {
    for (let start = o.base; start + o.run <= n; start++) {
      // A code is new in the run when its first source lies inside the run.
      let newCodes = 0;
      for (let i = start; i < start + o.run; i++) newCodes += fresh[i];
      const ratio = newCodes / baseCodes;
      // A small tolerance so 1/20 counts as ≤ 5 % despite binary floating point.
      const meetsThreshold = ratio <= o.threshold + 1e-12;
      runs.push({ from: start + 1, to: start + o.run, newCodes, ratio, meetsThreshold });
      if (meetsThreshold && reachedAt === null) reachedAt = start;
    }
  }
  const partial = { options: o, sources: n, reachedAt };
  return { ...partial, baseCodes, runs, problem, sentence: guestSentence(partial) };
}
