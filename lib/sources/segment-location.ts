/**
 * Where a coded segment sits in its source, as a researcher finds it again: the PDF page, the
 * transcript speaker and timestamp, or the paragraph — never raw character offsets.
 *
 * Paragraphs are the non-empty lines of the stored text: every importer writes one paragraph
 * (a .docx or HTML paragraph, a transcript turn, a line of plain text) per line, and the reading
 * view shows each line as a paragraph, so "paragraph 12" is the twelfth block the reader sees
 * (blank separator lines are not counted). All offsets are code points (lib/coding/offsets.ts),
 * `end` exclusive, like the offsets of `pages` and `turns` in Source.structure.
 */
import type { PageSpan, Turn } from '../io/types';
import { formatTimestamp } from './markers';

/** A segment's place: always its paragraph(s); its page(s) and turn when the source has them. */
export interface SegmentLocation {
  /** 1-based number of the paragraph the segment starts in, and the one it ends in. */
  paragraph: number;
  paragraphEnd: number;
  /** PDF page the segment starts on and ends on (sources with pages only). */
  page?: number;
  pageEnd?: number;
  /** The transcript turn the segment starts in: its speaker ('' when unknown) and start time. */
  speaker?: string;
  startMs?: number;
  /** Start time of the turn the segment ends in, when it is a later turn. */
  endMs?: number;
}

/** What {@link locateSegment} needs of one source: paragraph starts and its structure. */
export interface SourceLayout {
  /** Code point offsets where each paragraph (non-empty line) begins, ascending. */
  paragraphStarts: number[];
  pages: PageSpan[];
  turns: Turn[];
}

/**
 * The code point offsets at which the non-empty lines of `text` begin.
 * @example paragraphStarts('One\n\nTwo 😀\nThree') // [0, 5, 11]
 */
export function paragraphStarts(text: string): number[] {
  const starts: number[] = [];
  let cp = 0;
  let lineStart = true;
  for (const ch of text) {
    if (ch === '\n') lineStart = true;
    else if (lineStart) {
      // A line of spaces only is a separator too (it shows as an empty paragraph).
      if (ch !== '\r' && ch.trim() !== '') {
        starts.push(cp);
        lineStart = false;
      }
    }
    cp++;
  }
  return starts;
}

/**
 * The pages and turns of a Source.structure JSON string (`{ pages?, turns? }`); anything that does
 * not parse or has the wrong shape counts as none.
 */
export function parseSourceStructure(structure: string | null | undefined): { pages: PageSpan[]; turns: Turn[] } {
  if (!structure) return { pages: [], turns: [] };
  try {
    const parsed = JSON.parse(structure) as { pages?: unknown; turns?: unknown };
    const spans = <T extends { start: number; end: number }>(value: unknown, ok: (x: Record<string, unknown>) => boolean): T[] =>
      Array.isArray(value)
        ? (value.filter((x) => !!x && typeof x === 'object' && typeof x.start === 'number' && typeof x.end === 'number' && ok(x)) as T[]).sort((a, b) => a.start - b.start)
        : [];
    return {
      pages: spans<PageSpan>(parsed.pages, (x) => typeof x.page === 'number'),
      turns: spans<Turn>(parsed.turns, (x) => typeof x.startMs === 'number'),
    };
  } catch {
    return { pages: [], turns: [] };
  }
}

/** The layout of a source from its stored text and structure JSON. */
export function sourceLayout(text: string, structure: string | null | undefined): SourceLayout {
  return { paragraphStarts: paragraphStarts(text), ...parseSourceStructure(structure) };
}

/** Index of the last start ≤ offset (0 when the offset is before the first). */
function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first span that ends at or after the offset (a turn's speaker prefix belongs to it). */
function spanAt(spans: ReadonlyArray<{ start: number; end: number }>, offset: number): number {
  const i = spans.findIndex((s) => s.end >= offset);
  return i === -1 ? spans.length - 1 : i;
}

/**
 * Where the segment `[start, end)` lies in a source.
 * @example locateSegment(sourceLayout('Intro\n\nSecond paragraph', null), 9, 14) // { paragraph: 2, paragraphEnd: 2 }
 */
export function locateSegment(layout: SourceLayout, start: number, end: number): SegmentLocation {
  const last = Math.max(start, end - 1);
  const location: SegmentLocation = {
    paragraph: lastAtOrBefore(layout.paragraphStarts, start) + 1,
    paragraphEnd: lastAtOrBefore(layout.paragraphStarts, last) + 1,
  };
  if (layout.pages.length) {
    location.page = layout.pages[spanAt(layout.pages, start)].page;
    location.pageEnd = layout.pages[spanAt(layout.pages, last)].page;
  }
  if (layout.turns.length) {
    const first = spanAt(layout.turns, start);
    const lastTurn = spanAt(layout.turns, last);
    location.speaker = layout.turns[first].speaker?.trim() ?? '';
    location.startMs = layout.turns[first].startMs;
    if (lastTurn > first) location.endMs = layout.turns[lastTurn].startMs;
  }
  return location;
}

/**
 * A location in words: "Ana, 12:03" (transcripts; "Ana, 12:03–12:41" across turns), "p. 4" /
 * "pp. 4–5" (PDFs), otherwise "paragraph 12" / "paragraphs 12–13".
 */
export function describeLocation(location: SegmentLocation): string {
  if (location.startMs !== undefined) {
    const time = formatTimestamp(location.startMs) + (location.endMs !== undefined ? `–${formatTimestamp(location.endMs)}` : '');
    return location.speaker ? `${location.speaker}, ${time}` : time;
  }
  if (location.page !== undefined) {
    return location.pageEnd !== undefined && location.pageEnd !== location.page ? `pp. ${location.page}–${location.pageEnd}` : `p. ${location.page}`;
  }
  return location.paragraphEnd !== location.paragraph ? `paragraphs ${location.paragraph}–${location.paragraphEnd}` : `paragraph ${location.paragraph}`;
}
