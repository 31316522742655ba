import { splitSpeakerPrefix } from '../io/captions';
import type { SourceFormat } from '../io/types';

/** What a source is, for filtering and for which metadata fields apply. */
export const SOURCE_KINDS = ['interview', 'literature', 'fieldnote', 'document', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * The one place kinds are named, as shown everywhere (selects, badges, exports). Sentence case:
 * badges show the label as written (no CSS capitalising), so "Field note" reads the same in the
 * select and in the list.
 */
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  interview: 'Interview',
  literature: 'Literature',
  fieldnote: 'Field note',
  document: 'Document',
  other: 'Other',
};

export function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === 'string' && (SOURCE_KINDS as readonly string[]).includes(value);
}

/** The label of a stored kind; an unknown value (from an older version) is shown as stored. */
export function sourceKindLabel(kind: string): string {
  return isSourceKind(kind) ? SOURCE_KIND_LABELS[kind] : kind;
}

/**
 * Whether a text reads as a transcript: lines that open with a speaker ("Interviewer: …",
 * "R: …", "受访者：…"), from at least two speakers, at least three such lines, and at least a
 * third of the non-blank lines. A paper that quotes one "Participant: …" line is not one.
 *
 * @param text - the imported text, lines separated by `\n`.
 * @example
 * hasSpeakerTurns('Interviewer: How did you start?\nRespondent: With a loan.\nInterviewer: From whom?'); // true
 */
export function hasSpeakerTurns(text: string): boolean {
  const speakers = new Map<string, number>();
  let lines = 0;
  let turns = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    lines++;
    const { speaker } = splitSpeakerPrefix(line.trim());
    if (!speaker) continue;
    turns++;
    const key = speaker.toLocaleLowerCase();
    speakers.set(key, (speakers.get(key) ?? 0) + 1);
  }
  return speakers.size >= 2 && turns >= 3 && turns * 3 >= lines;
}

/**
 * A first guess the uploader can override ("Detect from file"): timed transcripts and texts
 * written as speaker turns (a .docx or .txt transcript with "Interviewer:"/"Respondent:" lines)
 * are interviews, other PDFs usually articles, the rest documents.
 *
 * @param format - the importer that read the file.
 * @param text - the imported text; without it only the format decides.
 */
export function suggestKind(format: SourceFormat | 'paste', text?: string): SourceKind {
  if (format === 'vtt' || format === 'srt') return 'interview';
  if (text !== undefined && hasSpeakerTurns(text)) return 'interview';
  if (format === 'pdf') return 'literature';
  return 'document';
}
