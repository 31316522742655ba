/**
 * Shared by the WebVTT and SubRip importers: timestamps, "Name:" speaker prefixes, and turning
 * a list of cues into the stored transcript text with speaker turns.
 */
import type { Turn } from './types';
import { TextBuilder } from './text-builder';

/** One caption cue after markup is removed. */
export type Cue = {
  startMs: number;
  endMs: number;
  speaker?: string;
  /** The spoken words on one line (caption line wraps joined with a space). */
  words: string;
};

/**
 * Parse a caption timestamp: `hh:mm:ss.ttt`, `mm:ss.ttt` (WebVTT) or `hh:mm:ss,ttt` (SubRip).
 * Tolerates 1–3 fraction digits and a missing fraction, as real-world files have them.
 *
 * @param s - the timestamp text.
 * @returns milliseconds, or undefined when `s` is not a timestamp.
 * @example
 * parseTimestamp('01:02:03.456'); // 3723456
 */
export function parseTimestamp(s: string): number | undefined {
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(s.trim());
  if (!m) return undefined;
  const [, h, min, sec, frac] = m;
  if (Number(min) > 59 || Number(sec) > 59) return undefined;
  const ms = frac ? Number(frac.padEnd(3, '0')) : 0;
  return ((Number(h ?? 0) * 60 + Number(min)) * 60 + Number(sec)) * 1000 + ms;
}

// "Name: words", "NAME: words", ">> Name: words", "张三：你好". A name starts with a letter, has
// at most four words and 40 characters, and is followed by ": " (ASCII colon and space) or a
// full-width colon — so "at 10:30" or "https://…" are not taken for speakers.
const SPEAKER_PREFIX = /^(?:>>\s*)?(\p{L}[\p{L}\p{M}\p{N} .'’-]{0,39}?)\s*(?::[ \t]+|：\s*)(?=\S)/u;

/**
 * Split a "Name: words" caption line into speaker and words.
 *
 * @param line - one cue's text.
 * @returns the speaker (when the line starts with a plausible name and a colon) and the words.
 * @example
 * splitSpeakerPrefix('Interviewer: How did it start?'); // { speaker: 'Interviewer', words: 'How did it start?' }
 */
export function splitSpeakerPrefix(line: string): { speaker?: string; words: string } {
  const m = SPEAKER_PREFIX.exec(line);
  if (!m) return { words: line };
  const speaker = m[1].trim();
  if (speaker.split(/\s+/).length > 4) return { words: line };
  return { speaker, words: line.slice(m[0].length).trim() };
}

/**
 * Build the transcript text and its turns from cues, in order. Consecutive cues of the same
 * named speaker form one turn (captions split speech every few seconds; researchers code
 * turns); cues without a speaker stay one line each, since nothing says they belong together.
 *
 * @param cues - cues in file order, with non-empty `words`.
 * @returns one line per turn, `Speaker: words` or `words`, and the turns with code point offsets
 *   of the words.
 * @example
 * buildTranscript([{ startMs: 0, endMs: 900, speaker: 'Ana', words: 'Hello' }]);
 * // { text: 'Ana: Hello', turns: [{ speaker: 'Ana', startMs: 0, endMs: 900, start: 5, end: 10 }] }
 */
export function buildTranscript(cues: Cue[]): { text: string; turns: Turn[] } {
  const merged: Cue[] = [];
  for (const cue of cues) {
    const last = merged[merged.length - 1];
    if (last && cue.speaker !== undefined && cue.speaker === last.speaker) {
      last.words = `${last.words} ${cue.words}`;
      last.endMs = Math.max(last.endMs, cue.endMs);
    } else {
      merged.push({ ...cue });
    }
  }
  const b = new TextBuilder();
  const turns: Turn[] = [];
  merged.forEach((cue, k) => {
    if (k > 0) b.append('\n');
    if (cue.speaker !== undefined) b.append(`${cue.speaker}: `);
    const start = b.position;
    b.append(cue.words);
    const turn: Turn = { startMs: cue.startMs, endMs: cue.endMs, start, end: b.position };
    if (cue.speaker !== undefined) turn.speaker = cue.speaker;
    turns.push(turn);
  });
  return { text: b.toString(), turns };
}

/**
 * Collapse the whitespace of caption text (line wraps are layout, not content).
 *
 * @param s - cue text.
 * @returns the text on one line, trimmed.
 * @example
 * oneLine(' a\n b '); // 'a b'
 */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
