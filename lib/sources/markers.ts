import type { PageSpan, Turn } from '../io/types';

/** A label shown where a PDF page or a transcript turn begins (offset in code points). */
export interface SourceMarker {
  start: number;
  label: string;
  kind: 'page' | 'time';
}

/** 83_456 ms → "1:23" (or "1:01:23" past an hour), as transcripts show timestamps. */
export function formatTimestamp(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/**
 * The page numbers (PDFs with more than one page) and turn timestamps (transcripts) kept at
 * import, as markers for the reading and coding view, in text order.
 */
export function sourceMarkers(structure: { pages?: readonly PageSpan[]; turns?: readonly Turn[] }): SourceMarker[] {
  const markers: SourceMarker[] = [];
  if (structure.turns?.length) {
    for (const t of structure.turns) markers.push({ start: t.start, label: formatTimestamp(t.startMs), kind: 'time' });
  } else if ((structure.pages?.length ?? 0) > 1) {
    for (const p of structure.pages!) markers.push({ start: p.start, label: `p. ${p.page}`, kind: 'page' });
  }
  return markers.sort((a, b) => a.start - b.start);
}
