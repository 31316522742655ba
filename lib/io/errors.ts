/**
 * Import failures. Every rejected upload throws one {@link ImportError}: a stable `code` for the
 * upload route and the UI (to pick an icon or a help link), a technical `message` for logs that
 * names the bad value, and a `userMessage` that can be shown as is. Nothing is stored when an
 * import throws.
 */

/** Why an import was refused. */
export type ImportErrorCode =
  /** The file has no bytes, or only whitespace once decoded. */
  | 'EMPTY_FILE'
  /** The file is larger than the configured limit. */
  | 'TOO_LARGE'
  /** The bytes are not text (NUL bytes, control characters, or a known binary signature). */
  | 'BINARY_FILE'
  /** A format Groundwork does not import (an image, a spreadsheet, a legacy .doc, …). */
  | 'UNSUPPORTED_TYPE'
  /** A .docx that is not a readable Word document (truncated zip, broken XML). */
  | 'CORRUPT_DOCX'
  /** A password-protected Word document (an OLE container with an encrypted package). */
  | 'ENCRYPTED_DOCX'
  /** A zip whose contents would expand far beyond its size (a "zip bomb"). */
  | 'ZIP_BOMB'
  /** A PDF that pdf.js cannot parse. */
  | 'CORRUPT_PDF'
  /** A PDF that needs a password to open. */
  | 'ENCRYPTED_PDF'
  /** A PDF without a text layer (a scan): there is no text to code. */
  | 'SCANNED_PDF'
  /** A transcript (.vtt/.srt) without a single readable cue. */
  | 'INVALID_TRANSCRIPT'
  /** The caller asked for a text encoding that does not exist. */
  | 'UNKNOWN_ENCODING';

/** Options of an {@link ImportError}. */
export type ImportErrorOptions = {
  /** Technical description for logs; names the bad value. Defaults to `userMessage`. */
  message?: string;
  /** Shown to the user as is: what is wrong and, where possible, what to do. */
  userMessage: string;
  /** The underlying error (from mammoth, pdf.js, …), kept for logs only. */
  cause?: unknown;
};

/**
 * An upload that cannot be imported.
 *
 * @example
 * try {
 *   await importSource({ fileName, bytes });
 * } catch (error) {
 *   if (error instanceof ImportError) return { message: error.userMessage, code: error.code };
 *   throw error;
 * }
 */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly userMessage: string;

  /**
   * @param code - why the import was refused.
   * @param options - messages and cause.
   */
  constructor(code: ImportErrorCode, options: ImportErrorOptions) {
    super(options.message ?? options.userMessage, { cause: options.cause });
    this.name = 'ImportError';
    this.code = code;
    this.userMessage = options.userMessage;
  }
}

/** The file types Groundwork imports, as listed in messages. */
export const SUPPORTED_TYPES_TEXT =
  'plain text (.txt), Markdown (.md), Word (.docx), PDF (.pdf), web pages (.html) and transcripts (.vtt, .srt)';
