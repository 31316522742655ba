/**
 * The stretches of a source within which co-occurrence is counted, in code points
 * (lib/coding/offsets.ts), half-open, in text order.
 *
 * **Paragraph.** The text is split at every line break (LF, CRLF or CR); each line with
 * something other than white space is one paragraph. Why every line break, not only blank
 * lines: the importers store paragraphs separated by a blank line (DOCX, HTML, Markdown:
 * "A\n\nB") and transcripts one turn per line ("P01: …\nInterviewer: …"), so splitting at line
 * breaks reads both as intended — blank lines just give no paragraph. A plain-text file
 * hard-wrapped at 80 columns is the exception: each of its lines counts as a paragraph.
 *
 * **Speaker turn.** The turns stored at import (`Source.structure.turns`: WebVTT and SRT
 * transcripts, with their speakers). A source without stored turns is read for speaker labels
 * instead: a line beginning with a short label and a colon ("Interviewer:", "P01:", "访谈者：")
 * starts a turn that runs until the next such line (continuation lines belong to it); text
 * before the first label belongs to no turn. A source with neither has no turns, and its
 * codings do not co-occur by turn (the result lists such sources).
 */
import { getOffsetIndex } from '../coding/offsets';

/** A unit of a source: [start, end) in code points, with the speaker of a turn. */
export interface TextUnit {
  start: number;
  end: number;
  speaker?: string;
}

/** Lines of `text` as [start, end) code point ranges (line break excluded), with their text. */
function lines(text: string): Array<{ start: number; end: number; line: string }> {
  const index = getOffsetIndex(text);
  const out: Array<{ start: number; end: number; line: string }> = [];
  const re = /\r\n|\r|\n/g;
  let from = 0;
  for (;;) {
    const m = re.exec(text);
    const to = m ? m.index : text.length;
    out.push({ start: index.toCodePoint(from), end: index.toCodePoint(to), line: text.slice(from, to) });
    if (!m) break;
    from = m.index + m[0].length;
  }
  return out;
}

/**
 * The paragraphs of `text` (see the module comment): each non-blank line.
 * @example paragraphUnits('A\n\nB c') // [{ start: 0, end: 1 }, { start: 3, end: 6 }]
 */
export function paragraphUnits(text: string): TextUnit[] {
  return lines(text)
    .filter((l) => l.line.trim() !== '')
    .map(({ start, end }) => ({ start, end }));
}

// A label of at most 40 characters without sentence punctuation, then a colon (ASCII or full
// width) and something said: "P01: …", "Interviewer: …", "访谈者：…".
const SPEAKER = /^\s*([^\s:：.?!。？！,，;；][^:：.?!。？！,，;；\n]{0,39}?)\s*[:：]\s*\S/u;

/**
 * The speaker turns of a source (see the module comment): stored turns when the structure has
 * any, otherwise turns read from speaker labels at line starts; [] when there are none.
 *
 * @param structure - Source.structure as stored (JSON with `turns: [{speaker, start, end, …}]`), or null.
 */
export function turnUnits(text: string, structure?: string | null): TextUnit[] {
  if (structure) {
    try {
      const parsed = JSON.parse(structure) as { turns?: Array<{ speaker?: string; start: number; end: number }> };
      if (Array.isArray(parsed.turns) && parsed.turns.length > 0) {
        return parsed.turns
          .filter((t) => Number.isInteger(t.start) && Number.isInteger(t.end) && t.end > t.start)
          .map((t) => ({ start: t.start, end: t.end, ...(t.speaker ? { speaker: t.speaker } : {}) }))
          .sort((a, b) => a.start - b.start);
      }
    } catch {
      // Unreadable structure: read the labels instead.
    }
  }
  const turns: TextUnit[] = [];
  for (const l of lines(text)) {
    const m = SPEAKER.exec(l.line);
    if (m) turns.push({ start: l.start, end: l.end, speaker: m[1].trim() });
    else if (turns.length > 0 && l.line.trim() !== '') turns[turns.length - 1].end = l.end;
  }
  return turns;
}

/**
 * Indices of the units that `[start, end)` shares at least one code point with (`units` in
 * text order, not overlapping). An empty range lies in the unit holding its position.
 */
export function unitsTouching(units: readonly TextUnit[], start: number, end: number): number[] {
  // First unit ending after start (binary search), then on while units start before end.
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < units.length && (units[i].start < end || (start === end && units[i].start <= start)); i++) out.push(i);
  return out;
}
