/**
 * SubRip transcripts (.srt). Cues are "index / start --> end / text lines", separated by blank
 * lines; real files are often sloppy (missing indices or blank lines, "." instead of ",", BOMs,
 * position suffixes), so the parser is line-based: every timing line starts a cue, and a bare
 * number right before it is its index, not text. Formatting tags (`<i>`, `<b>`, `<font …>`) and
 * ASS overrides (`{\an8}`) are removed; speakers come from "Name: " prefixes.
 */
import { buildTranscript, oneLine, parseTimestamp, splitSpeakerPrefix, type Cue } from '../captions';
import type { DecodedText } from '../decode-text';
import { ImportError } from '../errors';
import { replaceBefore } from '../linear-replace';
import type { ImportedSource } from '../types';

const TIMING = /^\s*(\d+:\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?)\s*-->\s*(\d+:\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?)/;

/**
 * Import a decoded SubRip file.
 *
 * @param decoded - the output of `decodeText`.
 * @param fallbackTitle - the file name without extension.
 * @returns one line per speaker turn ("Speaker: words") and `turns` with times and offsets.
 * @throws {ImportError} `INVALID_TRANSCRIPT` when no cue can be read.
 * @example
 * importSrt(decodeText(bytes), 'interview-4').turns?.length;
 */
export function importSrt(decoded: DecodedText, fallbackTitle: string): ImportedSource {
  const lines = decoded.text.replace(/^\ufeff/, '').split('\n');
  const raw: { startMs: number; endMs: number; lines: string[] }[] = [];
  let current: (typeof raw)[number] | undefined;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const timing = TIMING.exec(line);
    if (timing) {
      const startMs = parseTimestamp(timing[1]);
      const endMs = parseTimestamp(timing[2]);
      // A bare number just before the timing line is the cue index, not the previous cue's text.
      if (current && current.lines.length > 0 && /^\s*\d+\s*$/.test(current.lines[current.lines.length - 1])) current.lines.pop();
      current = startMs === undefined || endMs === undefined ? undefined : { startMs, endMs: Math.max(startMs, endMs), lines: [] };
      if (current) raw.push(current);
      continue;
    }
    if (current && line.trim() !== '') current.lines.push(line);
  }

  const cues: Cue[] = [];
  for (const cue of raw) {
    const words = oneLine(stripMarkup(cue.lines.join('\n')));
    if (words) cues.push({ startMs: cue.startMs, endMs: cue.endMs, ...splitSpeakerPrefix(words) });
  }
  if (cues.length === 0) {
    throw new ImportError('INVALID_TRANSCRIPT', {
      message: 'no readable SubRip cue',
      userMessage: 'This SubRip (.srt) file contains no readable captions (no cue with a valid "00:00:01,000 --> 00:00:04,000" timing and text).',
    });
  }
  const { text, turns } = buildTranscript(cues);
  return { text, format: 'srt', title: fallbackTitle, turns, encoding: decoded.encoding, warnings: [...decoded.warnings] };
}

/**
 * Formatting tags (`<i>`, `</font>`) and ASS overrides (`{\an8}`) removed. Each pattern runs only
 * up to its last closer, so unclosed "<" or "{" cannot make it quadratic (../linear-replace.ts).
 */
function stripMarkup(text: string): string {
  const noTags = replaceBefore(text, text.lastIndexOf('>') + 1, /<\/?[A-Za-z][^>]*>/g, '');
  return replaceBefore(noTags, noTags.lastIndexOf('}') + 1, /\{\\[^}]*\}/g, '');
}
