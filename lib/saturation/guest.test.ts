import { describe, expect, it } from 'vitest';

import { guestSaturation, thresholdText } from './guest';

const codes = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `c${from + i}`);

/*
 * Worked example, computed by hand. Ten sources in coding order; the codes found in each and
 * how many of them no earlier source had:
 *
 *   source  codes                      new   running total
 *   1       c1–c8                       8     8
 *   2       c1 c2 c9–c14                6    14
 *   3       c3 c15–c18                  4    18
 *   4       c1 c19 c20 (c1 twice)       2    20   ← base of 4: 20 unique codes
 *   5       c21 c22 c4                  2    22
 *   6       c23 c5                      1    23
 *   7       c24                         1    24
 *   8       c2                          0    24
 *   9       c25 c1                      1    25
 *   10      c3                          0    25
 *
 * Base 4, run 2, threshold ≤ 5 % (new codes in the run / 20 base codes):
 *   run 5–6: 2 + 1 = 3 → 3/20 = 15 %   no
 *   run 6–7: 1 + 1 = 2 → 2/20 = 10 %   no
 *   run 7–8: 1 + 0 = 1 → 1/20 =  5 %   yes → the 6 sources before the run were enough
 *   run 8–9: 0 + 1 = 1 → 5 %           yes
 *   run 9–10: 1 + 0 = 1 → 5 %          yes
 * ⇒ "saturation reached at source 6 of 10 (base 4, run 2, ≤ 5 %)".
 *
 * Base 3 instead (18 base codes): runs 4–5: 4/18 = 22.2 %, 5–6: 3/18 = 16.7 %, 6–7: 2/18 =
 * 11.1 %, 7–8: 1/18 = 5.6 %, 8–9: 1/18 = 5.6 %, 9–10: 1/18 = 5.6 % — never ≤ 5 % ⇒ not reached.
 */
const example = [codes(1, 8), ['c1', 'c2', ...codes(9, 14)], ['c3', ...codes(15, 18)], ['c1', 'c19', 'c20', 'c1'], ['c21', 'c22', 'c4'], ['c23', 'c5'], ['c24'], ['c2'], ['c25', 'c1'], ['c3']];

describe('guestSaturation (Guest, Namey & Chen 2020)', () => {
  it('finds saturation in the worked example with the defaults (base 4, run 2, ≤ 5 %)', () => {
    const r = guestSaturation(example);
    expect(r.baseCodes).toBe(20);
    expect(r.runs.map((x) => [x.from, x.to, x.newCodes])).toEqual([
      [5, 6, 3],
      [6, 7, 2],
      [7, 8, 1],
      [8, 9, 1],
      [9, 10, 1],
    ]);
    expect(r.runs.map((x) => x.ratio)).toEqual([0.15, 0.1, 0.05, 0.05, 0.05].map((v) => expect.closeTo(v, 12)));
    expect(r.runs.map((x) => x.meetsThreshold)).toEqual([false, false, true, true, true]);
    expect(r.reachedAt).toBe(6);
    expect(r.sentence).toBe('saturation reached at source 6 of 10 (base 4, run 2, ≤ 5 %)');
  });

  it('is not reached with a smaller base: 1 new code of 18 is 5.6 %, above 5 %', () => {
    const r = guestSaturation(example, { base: 3 });
    expect(r.baseCodes).toBe(18);
    expect(r.runs.map((x) => x.newCodes)).toEqual([4, 3, 2, 1, 1, 1]);
    expect(r.runs[3].ratio).toBeCloseTo(1 / 18, 12);
    expect(r.reachedAt).toBeNull();
    expect(r.sentence).toBe('not reached (base 3, run 2, ≤ 5 %)');
  });

  it('reaches saturation later with a looser threshold and a longer run moved accordingly', () => {
    // Threshold 10 %: run 6–7 has 2/20 = 10 % → reached at 5.
    expect(guestSaturation(example, { threshold: 0.1 }).reachedAt).toBe(5);
    // Run of 3, ≤ 5 %: runs 5–7: 4, 6–8: 2, 7–9: 2, 8–10: 1 → 1/20 → reached at 7.
    const r = guestSaturation(example, { run: 3 });
    expect(r.runs.map((x) => x.newCodes)).toEqual([4, 2, 2, 1]);
    expect(r.reachedAt).toBe(7);
    expect(r.sentence).toBe('saturation reached at source 7 of 10 (base 4, run 3, ≤ 5 %)');
  });

  it('needs base + run sources, and codes in the base', () => {
    const few = guestSaturation(example.slice(0, 5));
    expect(few.reachedAt).toBeNull();
    expect(few.problem).toMatch(/at least 6/);
    expect(guestSaturation([[], [], [], [], ['a'], []]).problem).toBe('the base has no codes');
  });

  it('rejects impossible parameters, naming the value', () => {
    expect(() => guestSaturation(example, { base: 0 })).toThrow(/base size .* got 0/);
    expect(() => guestSaturation(example, { run: 1.5 })).toThrow(/run length .* got 1.5/);
    expect(() => guestSaturation(example, { threshold: 5 })).toThrow(/threshold .* got 5/);
  });

  it('writes the threshold as the paper does', () => {
    expect(thresholdText(0.05)).toBe('≤ 5 %');
    expect(thresholdText(0.025)).toBe('≤ 2.5 %');
    expect(thresholdText(0)).toBe('≤ 0 %');
  });
});
