/**
 * Password rules for sign-up (NIST SP 800-63B §5.1.1.2: length over composition, reject
 * common and context-specific passwords, allow any characters and long passphrases).
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

// The most common passwords of at least 10 characters in public breach lists (lower-cased).
const COMMON = new Set([
  '1234567890', '0123456789', '12345678910', '1234567891', 'qwertyuiop', 'password1', 'password12',
  'password123', 'password1234', 'passw0rd123', 'iloveyou123', 'qwerty1234', 'qwerty12345', 'qwerty123456',
  '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4t5', 'zaq12wsxcde3', 'asdfghjkl1', 'abcdefghij', 'abcd123456',
  'princess123', 'football123', 'baseball123', 'welcome123', 'welcome1234', 'letmein123', 'sunshine123',
  'trustno1234', 'monkey12345', 'dragon12345', 'changeme123', 'administrator', 'groundwork123',
  'groundwork', 'researcher', 'research123', 'university', 'university1', 'qualitative', '0987654321',
  '1111111111', '0000000000', '1212121212', 'aaaaaaaaaa', 'superman123', 'starwars123', 'computer123',
]);

/**
 * @param password - the candidate.
 * @param context - words that must not make up the password (email, name).
 * @returns problems in plain language; empty when the password is acceptable.
 * @example passwordProblems('short') // ['Use at least 10 characters.']
 */
export function passwordProblems(password: string, context: { email?: string; name?: string } = {}): string[] {
  const problems: string[] = [];
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters.`);
  if (chars.length > PASSWORD_MAX_LENGTH) problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters.`);
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) problems.push('This password is too common; choose another.');
  else if (new Set(chars).size < 5 && chars.length >= PASSWORD_MIN_LENGTH) problems.push('Use more varied characters.');
  const local = context.email?.split('@')[0]?.toLowerCase();
  const name = context.name?.trim().toLowerCase();
  for (const word of [local, name]) {
    if (word && word.length >= 4 && lower.includes(word)) {
      problems.push('Do not build the password from your email address or name.');
      break;
    }
  }
  return problems;
}
