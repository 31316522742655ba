import { sliceByCodePoints } from '../coding/offsets';
import type { PageSpan, Turn } from '../io/types';

/** A run of the stored text with what it belongs to, for a reading view. Offsets: code points. */
export interface TextBlock {
  start: number;
  end: number;
  text: string;
  page?: number;
  speaker?: string;
  startMs?: number;
}

/**
 * Splits a source's text into blocks by transcript turn or PDF page (falling back to one block),
 * keeping every character exactly once, in order, so positions in the view are positions in
 * the stored text.
 */
export function textBlocks(text: string, structure: { pages?: PageSpan[]; turns?: Turn[] }, length: number): TextBlock[] {
  const spans: Array<Omit<TextBlock, 'text'>> = structure.turns?.length
    ? structure.turns.map((t) => ({ start: t.start, end: t.end, speaker: t.speaker, startMs: t.startMs }))
    : structure.pages?.length
      ? structure.pages.map((p) => ({ start: p.start, end: p.end, page: p.page }))
      : [{ start: 0, end: length }];
  // Fill gaps (text between spans) so nothing is hidden.
  const blocks: TextBlock[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start > at) blocks.push({ start: at, end: span.start, text: sliceByCodePoints(text, at, span.start) });
    const start = Math.max(span.start, at);
    if (span.end > start) blocks.push({ ...span, start, text: sliceByCodePoints(text, start, span.end) });
    at = Math.max(at, span.end);
  }
  if (at < length) blocks.push({ start: at, end: length, text: sliceByCodePoints(text, at, length) });
  return blocks;
}

/** 83_456 ms → "1:23" (or "1:01:23" past an hour), as transcripts show timestamps. */
export function formatTimestamp(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
