import { getOffsetIndex } from './offsets';

/** A coded segment cut out of its source, with context for retrieval lists. */
export interface SegmentExcerpt {
  text: string;
  before: string;
  after: string;
}

/**
 * The segment [start, end) of `text` (code points) plus up to `context` code points on each
 * side, cut back to a word boundary where one is near so context does not start mid-word.
 */
export function excerpt(text: string, start: number, end: number, context = 120): SegmentExcerpt {
  const index = getOffsetIndex(text);
  const u = (cp: number) => index.toUtf16(Math.max(0, Math.min(index.length, cp)));
  let before = text.slice(u(start - context), u(start));
  let after = text.slice(u(end), u(end + context));
  if (start - context > 0) before = `…${before.replace(/^\S{0,20}\s/u, '')}`;
  if (end + context < index.length) after = `${after.replace(/\s\S{0,20}$/u, '')}…`;
  return { text: text.slice(u(start), u(end)), before, after };
}
