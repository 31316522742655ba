/**
 * WebVTT transcripts (.vtt), as exported by Zoom, Teams, Otter, YouTube and Whisper. Speakers
 * come from voice tags (`<v Ana>…</v>`, `<v.loud Ana>`) or, failing that, a "Name: " prefix.
 * Other cue markup (`<c>`, `<i>`, `<b>`, `<u>`, `<lang>`, `<ruby>`, inline timestamps) is
 * removed and character references decoded — markup never reaches the stored text. NOTE,
 * STYLE and REGION blocks are skipped.
 */
import { buildTranscript, oneLine, parseTimestamp, splitSpeakerPrefix, type Cue } from '../captions';
import type { DecodedText } from '../decode-text';
import { ImportError } from '../errors';
import { decodeHtmlEntities } from '../html-entities';
import { replaceBefore } from '../linear-replace';
import type { ImportedSource } from '../types';

/**
 * Import a decoded WebVTT file.
 *
 * @param decoded - the output of `decodeText`.
 * @param fallbackTitle - the file name without extension.
 * @returns one line per speaker turn ("Speaker: words") and `turns` with times and offsets.
 * @throws {ImportError} `INVALID_TRANSCRIPT` when no cue can be read.
 * @example
 * importVtt(decodeText(bytes), 'focus-group-2').turns?.[0]; // { speaker: 'Ana', startMs: 1000, … }
 */
export function importVtt(decoded: DecodedText, fallbackTitle: string): ImportedSource {
  const warnings = [...decoded.warnings];
  const text = decoded.text.replace(/^\ufeff/, '');
  if (!/^WEBVTT(?:[ \t\n]|$)/.test(text)) {
    warnings.push('The file does not start with "WEBVTT"; it was read as WebVTT anyway.');
  }
  const cues: Cue[] = [];
  let skipped = 0;
  // Blocks are separated by blank lines; a cue's text cannot contain one.
  for (const block of text.split(/\n[ \t]*\n/)) {
    const trimmed = block.replace(/^\s*\n/, '');
    if (trimmed.trim() === '') continue;
    let lines = trimmed.split('\n');
    if (/^WEBVTT(?:[ \t]|$)/.test(lines[0])) {
      // The header block; some writers put the first cue right under it without a blank line.
      const cueAt = lines.findIndex((l) => l.includes('-->'));
      if (cueAt < 0) continue;
      lines = lines.slice(cueAt);
    }
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(lines[0])) continue;
    const timingAt = lines.findIndex((l) => l.includes('-->'));
    // The timing is the first line, or the second after a cue identifier.
    if (timingAt < 0 || timingAt > 1) {
      skipped++;
      continue;
    }
    const timing = /^\s*(\S+)\s+-->\s+(\S+)/.exec(lines[timingAt]);
    const startMs = timing ? parseTimestamp(timing[1]) : undefined;
    const endMs = timing ? parseTimestamp(timing[2]) : undefined;
    if (startMs === undefined || endMs === undefined) {
      skipped++;
      continue;
    }
    for (const segment of voiceSegments(lines.slice(timingAt + 1).join('\n'))) {
      cues.push({ startMs, endMs: Math.max(startMs, endMs), ...segment });
    }
  }
  if (cues.length === 0) {
    throw new ImportError('INVALID_TRANSCRIPT', {
      message: `no readable WebVTT cue (${skipped} malformed block(s))`,
      userMessage: 'This WebVTT file contains no readable captions (no cue with a valid "00:00:01.000 --> 00:00:04.000" timing and text).',
    });
  }
  if (skipped > 0) warnings.push(`${skipped} caption block(s) without a valid timing line were skipped.`);
  const { text: out, turns } = buildTranscript(cues);
  return { text: out, format: 'vtt', title: fallbackTitle, turns, encoding: decoded.encoding, warnings };
}

/**
 * Split a cue payload at voice tags. Text before the first `<v>` or after a `</v>` has no voice;
 * for it (and only it) a "Name: " prefix names the speaker.
 */
function voiceSegments(payload: string): { speaker?: string; words: string }[] {
  const segments: { speaker?: string; words: string }[] = [];
  const re = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>|<\/v>/g;
  // Every voice tag ends with '>': searching only up to the last one keeps an unclosed "<v"
  // from scanning to the end of the payload (see ../linear-replace.ts).
  const tags = payload.slice(0, payload.lastIndexOf('>') + 1);
  let speaker: string | undefined;
  let last = 0;
  const push = (raw: string) => {
    const words = cleanPayload(raw);
    if (!words) return;
    if (speaker !== undefined) segments.push({ speaker, words });
    else segments.push(splitSpeakerPrefix(words));
  };
  for (let m = re.exec(tags); m; m = re.exec(tags)) {
    push(payload.slice(last, m.index));
    speaker = m[0] === '</v>' ? undefined : oneLine(decodeHtmlEntities(m[1] ?? '')) || undefined;
    last = m.index + m[0].length;
  }
  push(payload.slice(last));
  return segments;
}

function cleanPayload(raw: string): string {
  // Ruby annotations (<rt>) are pronunciation guides, not words said.
  // Searched up to the last closer only: linear however many unclosed "<" (../linear-replace.ts).
  const withoutRuby = replaceBefore(raw, raw.lastIndexOf('</rt>') + 5, /<rt>[\s\S]*?<\/rt>/g, '');
  return oneLine(decodeHtmlEntities(replaceBefore(withoutRuby, withoutRuby.lastIndexOf('>') + 1, /<[^>]*>/g, '')));
}
