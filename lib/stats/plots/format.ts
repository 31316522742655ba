/**
 * Number formats for plot labels (APA-like: true minus sign, no leading zero for values bounded
 * by 1 such as r and p).
 */

const MINUS = '\u2212';

/**
 * `value` with `digits` decimals and a true minus sign; "−0.00" becomes "0.00".
 *
 * @example formatNumber(-0.1234) // '−0.12'
 */
export function formatNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? `${MINUS}∞` : '—';
  const s = value.toFixed(digits);
  if (/^-0(\.0*)?$/.test(s)) return s.slice(1);
  return s.replace(/^-/, MINUS);
}

/**
 * A value bounded by 1 in absolute value (a correlation) without the leading zero.
 *
 * @example formatBounded(0.456) // '.46'; formatBounded(-1) // '−1.00'
 */
export function formatBounded(value: number, digits = 2): string {
  return formatNumber(value, digits).replace(/^(−?)0\./, '$1.');
}

/**
 * A p-value as APA prints it: "p = .034", "p < .001".
 *
 * @example formatP(0.0004) // 'p < .001'
 */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return 'p = —';
  if (p < 0.001) return 'p < .001';
  return `p = ${formatBounded(p, 3)}`;
}

/**
 * An interval "[0.12, 0.45]".
 *
 * @example formatInterval(-0.1, 0.3) // '[−0.10, 0.30]'
 */
export function formatInterval(lower: number, upper: number, digits = 2): string {
  return `[${formatNumber(lower, digits)}, ${formatNumber(upper, digits)}]`;
}

/**
 * Decimals that show the smallest non-zero magnitude among `values` with two significant
 * digits, between `min` and `max` (coefficients of 0.012 need 3, of 1.2 need 2).
 *
 * @example autoDigits([0.012, 0.35]) // 3
 */
export function autoDigits(values: readonly number[], min = 2, max = 4): number {
  const mags = values.filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs);
  if (mags.length === 0) return min;
  const smallest = Math.min(...mags);
  return Math.max(min, Math.min(max, 1 - Math.floor(Math.log10(smallest))));
}
