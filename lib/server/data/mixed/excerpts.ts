import 'server-only';

import { getOffsetIndex } from '@/lib/coding/offsets';

import { db } from '../../db/client';

/** Longest quote shown (code points); a longer segment keeps its start and end around an ellipsis. */
const QUOTE_MAX = 700;

/**
 * The texts of coded segments, read from their sources once each, quotes over 700 code points
 * shortened in the middle ("… […] …") so a joint display stays a table.
 */
export async function excerpts(segments: ReadonlyArray<{ sourceId: string; start: number; end: number }>): Promise<string[]> {
  const ids = [...new Set(segments.map((s) => s.sourceId))];
  const texts = new Map<string, string>();
  // A few sources at a time: a project's sources together can be hundreds of megabytes.
  for (let i = 0; i < ids.length; i += 20) {
    const rows = await db.source.findMany({ where: { id: { in: ids.slice(i, i + 20) } }, select: { id: true, text: true } });
    for (const r of rows) texts.set(r.id, r.text);
  }
  return segments.map((s) => {
    const text = texts.get(s.sourceId);
    if (text === undefined) return '';
    const index = getOffsetIndex(text);
    const cut = (a: number, b: number) => text.slice(index.toUtf16(Math.max(0, Math.min(index.length, a))), index.toUtf16(Math.max(0, Math.min(index.length, b))));
    if (s.end - s.start <= QUOTE_MAX) return cut(s.start, s.end).trim();
    const half = Math.floor(QUOTE_MAX / 2);
    return `${cut(s.start, s.start + half).trim()} […] ${cut(s.end - half, s.end).trim()}`;
  });
}
