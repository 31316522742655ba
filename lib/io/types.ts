/**
 * What every importer returns. All offsets (`pages`, `turns`) are **code point** offsets into
 * `text`, half-open `[start, end)` — the unit of `lib/coding/offsets`, so codings, pages and
 * turns can be compared directly.
 */

/** The importers, one per file kind. */
export type SourceFormat = 'txt' | 'md' | 'docx' | 'pdf' | 'html' | 'vtt' | 'srt';

/** Where one PDF page's text lies in `text`. */
export type PageSpan = {
  /** 1-based page number, as the PDF viewer shows it. */
  page: number;
  start: number;
  end: number;
};

/**
 * One speaker turn of a transcript. The turn is one line of `text`, written
 * `${speaker}: ${words}` (or just the words when the speaker is unknown); `[start, end)` covers
 * the words only, so `sliceByCodePoints(text, turn.start, turn.end)` is what was said.
 */
export type Turn = {
  speaker?: string;
  /** Start of the first cue of the turn, in milliseconds from the start of the recording. */
  startMs: number;
  /** End of the last cue of the turn, in milliseconds. */
  endMs: number;
  start: number;
  end: number;
};

/** Descriptive metadata found in the file, for pre-filling the source form. */
export type SourceMetadata = {
  author?: string;
  subject?: string;
  keywords?: string;
  /** Creation date as found (ISO 8601 when the format has one). */
  created?: string;
  language?: string;
};

/** The result of importing one file: the plain text to store and what was learnt on the way. */
export type ImportedSource = {
  /**
   * The plain text to store. Lines end with `\n`; paragraphs of .html and .pdf pages are
   * separated by a blank line, .docx paragraphs are one line each (no blank line); transcripts
   * have one turn per line. Never contains markup.
   */
  text: string;
  format: SourceFormat;
  /** From the file's metadata (docx core properties, PDF info, HTML <title>, Markdown front matter or first heading), else the file name without extension. */
  title: string;
  pages?: PageSpan[];
  turns?: Turn[];
  /** The character encoding the bytes were decoded from (text formats only), e.g. 'utf-8', 'gb18030'. */
  encoding?: string;
  metadata?: SourceMetadata;
  /** Things the user may want to know (a guessed encoding, pages without text, skipped cues). */
  warnings: string[];
};
