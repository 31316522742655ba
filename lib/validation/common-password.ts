/**
 * The "common or breached password" rule of sign-up (NIST SP 800-63B §5.1.1.2: compare new
 * passwords with values known to be commonly used or compromised, and say why one is refused).
 *
 * A password is refused when, lower-cased, it is on the list, or is a listed password with only
 * digits, a year or symbols added before or after it (`Summer2024!`, `letmein1234`,
 * `!!dragon99`), or is one of those with the usual letter-for-symbol swaps (`P@ssw0rd`). Those
 * are exactly the variants cracking tools try first, so they are as weak as the listed word.
 *
 * Pure: the list is passed in (lib/server/auth/common-passwords.ts loads the shipped one), so
 * this module stays small enough for any bundle and is unit-tested with a tiny list.
 */

/** Letters people swap for look-alike digits and symbols. */
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '8': 'b', '3': 'e', '6': 'g', '1': 'i', '!': 'i', '0': 'o', '5': 's', $: 's', '7': 't', '+': 't', '2': 'z' };

const deleet = (s: string) => s.replace(/[@483610!5$7+2]/g, (c) => LEET[c]);
/** Drops digits, spaces and symbols from both ends (`summer` from `Summer 2024!`). */
const stripBoth = (s: string) => s.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
/** Drops them from the end only, keeping a leading swap (`@dmin` from `@dmin2024`). */
const stripEnd = (s: string) => s.replace(/[^\p{L}]+$/u, '');

export type CommonPasswordMatch = { kind: 'listed' } | { kind: 'variant'; base: string };

/**
 * Whether `password` is a listed password or a predictable variant of one.
 * @param password - the candidate, as typed.
 * @param isListed - membership in a lower-cased list of common/breached passwords.
 * @returns what matched, or null.
 * @example
 * const list = new Set(['summer', 'letmein']);
 * findCommonPassword('Summer2024!', (p) => list.has(p)); // { kind: 'variant', base: 'summer' }
 */
export function findCommonPassword(password: string, isListed: (lowerCased: string) => boolean): CommonPasswordMatch | null {
  const lower = password.toLowerCase();
  if (isListed(lower)) return { kind: 'listed' };
  const candidates = [stripBoth(lower), stripEnd(lower), deleet(lower), deleet(stripEnd(lower)), stripBoth(deleet(stripEnd(lower)))];
  for (const base of candidates) {
    if (base.length > 0 && base !== lower && isListed(base)) return { kind: 'variant', base };
  }
  return null;
}

/**
 * The message for a match, explaining the rule.
 * @example commonPasswordMessage({ kind: 'variant', base: 'summer' })
 */
export function commonPasswordMessage(match: CommonPasswordMatch): string {
  if (match.kind === 'listed') {
    return 'This password is on lists of common and breached passwords that attackers try first. Choose another, for example a few unrelated words.';
  }
  return `This password is a common password (“${match.base}”) with digits, a year, symbols or letter swaps added: attackers try those variants first. Choose another, for example a few unrelated words.`;
}
