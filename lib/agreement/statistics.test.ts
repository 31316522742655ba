import { describe, expect, it } from 'vitest';

import {
  cohenKappa,
  fleissKappa,
  krippendorffAlpha,
  percentAgreement,
  pooledCohenKappa,
  REASON_NEED_TWO,
  REASON_NO_UNITS,
  REASON_NO_VARIATION,
  type ReliabilityUnit,
} from './statistics';

/** Units from a 2×2 table: a both yes, b coder 1 yes only, c coder 2 yes only, d both no. */
function twoByTwo(a: number, b: number, c: number, d: number): ReliabilityUnit[] {
  const rows: ReliabilityUnit[] = [];
  const add = (n: number, x: string, y: string) => {
    for (let i = 0; i < n; i++) rows.push({ values: [x, y] });
  };
  add(a, 'yes', 'yes');
  add(b, 'yes', 'no');
  add(c, 'no', 'yes');
  add(d, 'no', 'no');
  return rows;
}

/** Rows of coders' values; '.' is a missing value. Returns one unit per column. */
function byColumns(rows: string[]): ReliabilityUnit[] {
  const cells = rows.map((r) => r.split(/\s+/));
  return cells[0]!.map((_, u) => ({ values: cells.map((row) => (row[u] === '.' ? null : row[u]!)) }));
}

describe('Krippendorff’s α (nominal)', () => {
  // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability, section C, "Nominal
  // data, any number of observers, missing data": observers A–D × units 1–12 (values 1–5),
  // published α_nominal = 0.743.
  const reliabilityData = byColumns([
    '1 2 3 3 2 1 4 1 2 . . .', // observer A
    '1 2 3 3 2 2 4 1 2 5 . 3', // observer B
    '. 3 3 3 2 3 4 2 2 5 1 .', // observer C
    '1 2 3 3 2 4 4 1 2 5 1 .', // observer D
  ]);

  it('reproduces Krippendorff’s worked example (α = 0.743)', () => {
    const alpha = krippendorffAlpha(reliabilityData);
    expect(alpha.value).not.toBeNull();
    expect(alpha.value!).toBeCloseTo(0.743, 3);
    // By hand from the coincidence matrix: n = 40 pairable values; n_c = 9, 13, 10, 5, 3;
    // Σ o_cc = 32 (units 2, 6 and 8 hold the disagreements) →
    // α = 1 − (n − 1)(n − Σ o_cc) / (n² − Σ n_c²) = 1 − 39 · 8 / (1600 − 384) = 0.74342…
    expect(alpha.value!).toBeCloseTo(1 - 312 / 1216, 10);
  });

  it('is 1 for perfect agreement and undefined (not NaN) without variation', () => {
    expect(krippendorffAlpha(byColumns(['a b a b', 'a b a b'])).value).toBe(1);
    const flat = krippendorffAlpha(byColumns(['a a a', 'a a a']));
    expect(flat).toEqual({ value: null, reason: REASON_NO_VARIATION });
  });

  it('is undefined when no unit has two values', () => {
    expect(krippendorffAlpha(byColumns(['a . b', '. a .']))).toEqual({ value: null, reason: REASON_NO_UNITS });
  });

  it('weights count like repeated units', () => {
    const repeated = [...twoByTwo(3, 1, 2, 4)];
    const weighted: ReliabilityUnit[] = [
      { values: ['yes', 'yes'], weight: 3 },
      { values: ['yes', 'no'], weight: 1 },
      { values: ['no', 'yes'], weight: 2 },
      { values: ['no', 'no'], weight: 4 },
    ];
    expect(krippendorffAlpha(weighted).value!).toBeCloseTo(krippendorffAlpha(repeated).value!, 12);
    expect(cohenKappa(weighted).value!).toBeCloseTo(cohenKappa(repeated).value!, 12);
    expect(fleissKappa(weighted).value!).toBeCloseTo(fleissKappa(repeated).value!, 12);
  });
});

describe('Cohen’s κ against hand-computed tables', () => {
  it('20/5/10/15: p_o = .70, p_e = .50, κ = .40', () => {
    // Coder 1 yes 25/50, coder 2 yes 30/50: p_e = .5·.6 + .5·.4 = .5.
    expect(cohenKappa(twoByTwo(20, 5, 10, 15)).value!).toBeCloseTo(0.4, 12);
    expect(percentAgreement(twoByTwo(20, 5, 10, 15)).value!).toBeCloseTo(0.7, 12);
  });

  it('45/15/25/15: p_o = .60, p_e = .54, κ = .06/.46', () => {
    expect(cohenKappa(twoByTwo(45, 15, 25, 15)).value!).toBeCloseTo(0.06 / 0.46, 12);
  });

  it('a 3×3 table', () => {
    // Rows coder 1, columns coder 2: [[10,2,3],[1,12,2],[2,1,17]], n = 50.
    // p_o = 39/50 = .78; marginals rows 15,15,20, columns 13,15,22;
    // p_e = (15·13 + 15·15 + 20·22)/2500 = 860/2500 = .344; κ = (.78 − .344)/.656.
    const table = [
      [10, 2, 3],
      [1, 12, 2],
      [2, 1, 17],
    ];
    const cats = ['a', 'b', 'c'];
    const units = table.flatMap((row, i) => row.map((n, j) => ({ values: [cats[i]!, cats[j]!], weight: n })));
    expect(cohenKappa(units).value!).toBeCloseTo((0.78 - 0.344) / 0.656, 12);
  });

  it('perfect agreement: κ = 1', () => {
    expect(cohenKappa(twoByTwo(7, 0, 0, 3)).value).toBe(1);
  });

  it('agreement at chance level: κ = 0', () => {
    // Each coder says yes half the time, independently: p_o = p_e = .5.
    expect(cohenKappa(twoByTwo(5, 5, 5, 5)).value).toBe(0);
    expect(fleissKappa(twoByTwo(5, 5, 5, 5)).value!).toBeCloseTo(0, 12);
    expect(krippendorffAlpha(twoByTwo(5, 5, 5, 5)).value!).toBeCloseTo(1 / 40, 12);
  });

  it('a code used by only one coder: κ = 0, α ≤ 0, both defined', () => {
    const units = twoByTwo(0, 3, 0, 7);
    expect(cohenKappa(units).value).toBe(0);
    expect(percentAgreement(units).value).toBeCloseTo(0.7, 12);
    expect(krippendorffAlpha(units).value!).toBeLessThan(0);
  });

  it('a category no one used: κ, Fleiss’ κ and α undefined with a reason, no NaN', () => {
    const units = twoByTwo(0, 0, 0, 10);
    for (const stat of [cohenKappa(units), fleissKappa(units), krippendorffAlpha(units)]) {
      expect(stat).toEqual({ value: null, reason: REASON_NO_VARIATION });
    }
    expect(percentAgreement(units).value).toBe(1);
  });

  it('needs exactly two coders', () => {
    expect(cohenKappa(byColumns(['a', 'a', 'a']))).toEqual({ value: null, reason: REASON_NEED_TWO });
  });

  it('skips units a coder left missing', () => {
    const units = [...twoByTwo(20, 5, 10, 15), { values: ['yes', null] }, { values: [null, 'no'] }];
    expect(cohenKappa(units).value!).toBeCloseTo(0.4, 12);
  });

  it('pooled κ averages observed and chance agreement over codes (De Vries et al. 2008)', () => {
    const code1 = twoByTwo(20, 5, 10, 15); // p_o .7, p_e .5
    const code2 = twoByTwo(45, 15, 25, 15); // p_o .6, p_e .54
    const expected = (0.65 - 0.52) / (1 - 0.52);
    expect(pooledCohenKappa([code1, code2]).value!).toBeCloseTo(expected, 12);
    expect(pooledCohenKappa([code1]).value!).toBeCloseTo(0.4, 12);
    expect(pooledCohenKappa([twoByTwo(0, 0, 0, 5)])).toEqual({ value: null, reason: REASON_NO_VARIATION });
  });
});

describe('Fleiss’ κ', () => {
  // Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories;
  // P̄ = 0.378, P̄_e = 0.213, κ = 0.210.
  const counts = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];
  const units = counts.map((row) => ({ values: row.flatMap((n, j) => Array.from({ length: n }, () => String(j + 1))) }));

  it('reproduces the worked example (κ = 0.210)', () => {
    const kappa = fleissKappa(units).value!;
    expect(kappa).toBeCloseTo(0.21, 3);
    // By hand: Σ_i Σ_j n_ij(n_ij − 1) = 688 over 10 · 14 · 13 → P̄ = 0.378; category totals 20, 28, 39, 21, 32 of 140.
    const pBar = 688 / 1820;
    const pe = [20, 28, 39, 21, 32].reduce((s, c) => s + (c / 140) ** 2, 0);
    expect(kappa).toBeCloseTo((pBar - pe) / (1 - pe), 10);
  });

  it('equals Cohen’s κ closely for two coders with matching marginals, and 1 for perfect agreement', () => {
    expect(fleissKappa(byColumns(['a b c a', 'a b c a'])).value).toBe(1);
    // Symmetric marginals: Scott's π (= Fleiss for 2 raters) equals Cohen's κ.
    const symmetric = twoByTwo(10, 5, 5, 10);
    expect(fleissKappa(symmetric).value!).toBeCloseTo(cohenKappa(symmetric).value!, 12);
  });

  it('handles missing values per unit', () => {
    const k = fleissKappa(byColumns(['a a b .', 'a b b a', '. a b a']));
    expect(k.value).not.toBeNull();
    expect(Number.isNaN(k.value)).toBe(false);
  });
});

describe('percentage agreement', () => {
  it('counts units where all coders agree, among units with two or more values', () => {
    expect(percentAgreement(byColumns(['a a b .', 'a b b a', '. a b a'])).value).toBeCloseTo(3 / 4, 12);
    expect(percentAgreement(byColumns(['a .', '. b']))).toEqual({ value: null, reason: REASON_NO_UNITS });
  });
});
