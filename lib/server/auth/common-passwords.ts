import 'server-only';

import { commonPasswordMessage, findCommonPassword } from '@/lib/validation/common-password';

/**
 * The shipped list of common and breached passwords: the ~49,000 of @zxcvbn-ts/language-common
 * (MIT; drawn from public breach corpora, ranked by frequency), plus Groundwork's own list of
 * long common ones in lib/auth/password-policy.ts. Loaded once, on the first sign-up.
 */
let listed: Promise<Set<string>> | undefined;

function load(): Promise<Set<string>> {
  listed ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())));
  return listed;
}

/**
 * Why a new password is refused as common or breached, or null (NIST SP 800-63B §5.1.1.2).
 * Case-insensitive, and also refuses a listed password with digits, a year or symbols added
 * (see lib/validation/common-password.ts).
 * @example await commonPasswordProblem('Summer2024!') // 'This password is a common password (“summer”) …'
 */
export async function commonPasswordProblem(password: string): Promise<string | null> {
  const set = await load();
  const match = findCommonPassword(password, (p) => set.has(p));
  return match ? commonPasswordMessage(match) : null;
}
