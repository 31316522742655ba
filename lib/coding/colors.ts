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

/** In-vivo code names come from selected text: one line, single spaces, at most 200 characters. */
export function codeNameFromSelection(selected: string): string {
  const name = selected.replace(/\s+/g, ' ').trim();
  const chars = [...name];
  return chars.length > 200 ? `${chars.slice(0, 199).join('')}…` : name;
}
