/**
 * Inter-coder agreement statistics on reliability data: units (rows) × coders (columns), each
 * cell a category or `null` when that coder gave no value for the unit (missing data). A unit
 * may carry a weight (the character level counts runs of characters as one weighted unit).
 *
 * Undefined statistics are `{ value: null, reason }`, never NaN.
 */

/** One unit of analysis: one value per coder (null: missing), and how many units it stands for. */
export interface ReliabilityUnit {
  values: ReadonlyArray<string | null>;
  /** Number of identical units this row stands for (default 1). */
  weight?: number;
}

/** A statistic, or why it is undefined. */
export type Statistic = { value: number; reason: null } | { value: null; reason: string };

export const REASON_NO_VARIATION = 'no variation: every unit was coded the same way';
export const REASON_NO_UNITS = 'no units coded by at least two of the coders';
export const REASON_NEED_TWO = 'Cohen’s κ compares exactly two coders';

const defined = (value: number): Statistic => ({ value, reason: null });
const undefinedStat = (reason: string): Statistic => ({ value: null, reason });
const weightOf = (u: ReliabilityUnit) => u.weight ?? 1;

// Floating-point noise around exact agreement (e.g. 1 − 1e-17): a denominator this close to
// zero is zero.
const EPS = 1e-12;

/**
 * Percentage agreement: the share of units on which every coder who gave a value gave the same
 * one, among units with values from at least two coders. Two coders: (agreeing units) / (units
 * both coded), as NVivo's coding comparison ("the number of units of agreement divided by the
 * total units of measure") and MAXQDA report it.
 * @returns a proportion in [0, 1] (the page shows it as %).
 */
export function percentAgreement(units: readonly ReliabilityUnit[]): Statistic {
  let total = 0;
  let agree = 0;
  for (const unit of units) {
    const values = unit.values.filter((v): v is string => v !== null);
    if (values.length < 2) continue;
    total += weightOf(unit);
    if (values.every((v) => v === values[0])) agree += weightOf(unit);
  }
  return total === 0 ? undefinedStat(REASON_NO_UNITS) : defined(agree / total);
}

/** The 2-coder contingency table of a set of units (units missing either value are skipped). */
export interface ConfusionTable {
  categories: string[];
  /** counts[i][j]: units coder 1 put in categories[i] and coder 2 in categories[j]. */
  counts: number[][];
  total: number;
}

export function confusionTable(units: readonly ReliabilityUnit[], categories?: readonly string[]): ConfusionTable {
  const cats = categories ? [...categories] : [...new Set(units.flatMap((u) => u.values.slice(0, 2).filter((v): v is string => v !== null)))].sort();
  const index = new Map(cats.map((c, i) => [c, i]));
  const counts = cats.map(() => cats.map(() => 0));
  let total = 0;
  for (const unit of units) {
    const [a, b] = unit.values;
    if (a == null || b == null) continue;
    let i = index.get(a);
    let j = index.get(b);
    if (i === undefined) {
      i = cats.push(a) - 1;
      index.set(a, i);
      counts.forEach((row) => row.push(0));
      counts.push(cats.map(() => 0));
    }
    if (j === undefined) {
      j = cats.push(b) - 1;
      index.set(b, j);
      counts.forEach((row) => row.push(0));
      counts.push(cats.map(() => 0));
    }
    counts[i]![j]! += weightOf(unit);
    total += weightOf(unit);
  }
  return { categories: cats, counts, total };
}

/** Observed and chance agreement of a 2-coder table (Cohen 1960): p_o = Σ n_ii / n, p_e = Σ (n_i· n_·i) / n². */
export function cohenComponents(table: ConfusionTable): { po: number; pe: number } | null {
  if (table.total === 0) return null;
  const n = table.total;
  let po = 0;
  let pe = 0;
  table.categories.forEach((_, i) => {
    po += table.counts[i]![i]!;
    const row = table.counts[i]!.reduce((s, x) => s + x, 0);
    const col = table.counts.reduce((s, r) => s + r[i]!, 0);
    pe += row * col;
  });
  return { po: po / n, pe: pe / (n * n) };
}

/**
 * Cohen's κ for two coders (Cohen, J. (1960). A coefficient of agreement for nominal scales.
 * Educational and Psychological Measurement 20(1), 37–46): κ = (p_o − p_e) / (1 − p_e), from
 * the units both coders gave a value. Undefined when p_e = 1 (both coders put every unit in one
 * and the same category: no variation).
 */
export function cohenKappa(units: readonly ReliabilityUnit[]): Statistic {
  if (units.some((u) => u.values.length !== 2)) return undefinedStat(REASON_NEED_TWO);
  const parts = cohenComponents(confusionTable(units));
  if (!parts) return undefinedStat(REASON_NO_UNITS);
  return kappaFrom(parts.po, parts.pe);
}

function kappaFrom(po: number, pe: number): Statistic {
  if (1 - pe < EPS) return undefinedStat(REASON_NO_VARIATION);
  return defined((po - pe) / (1 - pe));
}

/**
 * Pooled κ over several codes (De Vries, H., Elliott, M. N., Kanouse, D. E., & Teleki, S. S.
 * (2008). Using pooled kappa to summarize interrater agreement across many items. Field Methods
 * 20(3), 272–282): κ_pooled = (p̄_o − p̄_e) / (1 − p̄_e), with p̄_o and p̄_e the means of each
 * code's observed and chance agreement. Codes with no units both coders coded are left out.
 */
export function pooledCohenKappa(perCode: ReadonlyArray<readonly ReliabilityUnit[]>): Statistic {
  if (perCode.some((units) => units.some((u) => u.values.length !== 2))) return undefinedStat(REASON_NEED_TWO);
  const parts = perCode.map((units) => cohenComponents(confusionTable(units))).filter((p): p is { po: number; pe: number } => p !== null);
  if (parts.length === 0) return undefinedStat(REASON_NO_UNITS);
  const po = parts.reduce((s, p) => s + p.po, 0) / parts.length;
  const pe = parts.reduce((s, p) => s + p.pe, 0) / parts.length;
  return kappaFrom(po, pe);
}

/**
 * Fleiss' κ for two or more coders (Fleiss, J. L. (1971). Measuring nominal scale agreement
 * among many raters. Psychological Bulletin 76(5), 378–382). For unit i with n_i values and
 * n_ij of them in category j: P_i = Σ_j n_ij (n_ij − 1) / (n_i (n_i − 1)); P̄ = mean of P_i;
 * p_j = Σ_i n_ij / Σ_i n_i; P̄_e = Σ_j p_j²; κ = (P̄ − P̄_e) / (1 − P̄_e).
 *
 * Missing data: a unit counts with the coders who gave it a value (units with fewer than two
 * values are skipped), the usual generalisation to unequal numbers of raters per unit; with
 * complete data it is exactly Fleiss' formula.
 */
export function fleissKappa(units: readonly ReliabilityUnit[]): Statistic {
  const totals = new Map<string, number>();
  let sumP = 0;
  let unitWeight = 0;
  let valueCount = 0;
  for (const unit of units) {
    const values = unit.values.filter((v): v is string => v !== null);
    const n = values.length;
    if (n < 2) continue;
    const w = weightOf(unit);
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    let agreeing = 0;
    for (const [category, c] of counts) {
      agreeing += c * (c - 1);
      totals.set(category, (totals.get(category) ?? 0) + c * w);
    }
    sumP += (agreeing / (n * (n - 1))) * w;
    unitWeight += w;
    valueCount += n * w;
  }
  if (unitWeight === 0) return undefinedStat(REASON_NO_UNITS);
  const pBar = sumP / unitWeight;
  let pe = 0;
  for (const c of totals.values()) pe += (c / valueCount) ** 2;
  return kappaFrom(pBar, pe);
}

/**
 * Krippendorff's α for nominal data, with missing values, by the coincidence-matrix method
 * (Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
 * Communication, University of Pennsylvania, section C): units with m_u ≥ 2 values are
 * pairable; o_ck = Σ_u (number of c–k pairs in u) / (m_u − 1); n_c = Σ_k o_ck; n = Σ_c n_c;
 * α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k.
 * Undefined when fewer than two categories occur among the pairable values (D_e = 0).
 */
export function krippendorffAlpha(units: readonly ReliabilityUnit[]): Statistic {
  // Only the diagonal and the marginals are needed: Σ_{c≠k} o_ck = n − Σ_c o_cc and
  // Σ_{c≠k} n_c n_k = n² − Σ_c n_c².
  const marginals = new Map<string, number>();
  let diagonal = 0;
  let n = 0;
  for (const unit of units) {
    const values = unit.values.filter((v): v is string => v !== null);
    const m = values.length;
    if (m < 2) continue;
    const w = weightOf(unit);
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [category, c] of counts) {
      // Each value pairs with the m − 1 others: its row of the coincidence matrix sums to 1.
      marginals.set(category, (marginals.get(category) ?? 0) + c * w);
      diagonal += ((c * (c - 1)) / (m - 1)) * w;
    }
    n += m * w;
  }
  if (n === 0) return undefinedStat(REASON_NO_UNITS);
  let sumSquares = 0;
  for (const c of marginals.values()) sumSquares += c * c;
  const expectedDisagreement = n * n - sumSquares;
  if (expectedDisagreement < EPS * n * n) return undefinedStat(REASON_NO_VARIATION);
  return defined(1 - ((n - 1) * (n - diagonal)) / expectedDisagreement);
}
