/**
 * Code colours: 16 hues that stay distinguishable as translucent highlights on white and as
 * solid margin stripes (a qualitative palette in the spirit of ColorBrewer Set1/Dark2, darkened
 * where white text must stay legible).
 */
export const CODE_COLORS = [
  '#d1495b', '#2e86ab', '#3c9d5d', '#e6a000', '#7b4fa1', '#e07a1f', '#1f9e89', '#c2478f',
  '#5a6fcf', '#8c6d31', '#2f9bd1', '#a83f2f', '#6b8e23', '#b8860b', '#4b6584', '#9b59b6',
] as const;

/** The first palette colour no code uses yet (case-insensitive), cycling when all are taken. */
export function nextColor(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return CODE_COLORS.find((c) => !taken.has(c)) ?? CODE_COLORS[used.length % CODE_COLORS.length];
}

const NAME_MAX = 200;

/**
 * In-vivo code names come from selected text: one line, single spaces, at most 200 characters
 * (code points; a longer name is cut to 199 and "…").
 *
 * Only the start of a long selection can reach the name, so only a prefix is read — the
 * picker calls this on every keystroke, and the selection may be a whole 10 MB transcript.
 * Folding whitespace is local, so a folded prefix is a prefix of the folded whole (up to its
 * last character, which may be half a surrogate pair or part of a longer whitespace run).
 *
 * @param selected - the selected text.
 * @returns the name.
 * @example
 * codeNameFromSelection('  trust\n  the   platform '); // 'trust the platform'
 */
export function codeNameFromSelection(selected: string): string {
  for (let size = 1024; size < selected.length; size *= 4) {
    const head = [...selected.slice(0, size).replace(/\s+/g, ' ').trim()];
    if (head.length > NAME_MAX + 1) return `${head.slice(0, NAME_MAX - 1).join('')}…`;
  }
  const name = selected.replace(/\s+/g, ' ').trim();
  const chars = [...name];
  return chars.length > NAME_MAX ? `${chars.slice(0, NAME_MAX - 1).join('')}…` : name;
}
