/**
 * Where to go after signing in: only a path on this site (no scheme, no `//host`, no
 * backslash tricks), else the project list.
 */
export function safeCallbackPath(value: unknown, fallback = '/projects'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}
