/**
 * The one entry point for turning an uploaded file into a source's stored text.
 *
 * The real type comes from the bytes (magic numbers: %PDF, PK zip, OLE, image/audio/program
 * signatures), then from the content of text files (a WEBVTT header, SubRip timings, an HTML
 * doctype); the file name's extension and the browser's MIME type only decide between text
 * formats that look alike (.txt vs .md). A mismatch is imported by content, with a warning.
 *
 * Every failure is an {@link ImportError} with a user-facing message, thrown before anything is
 * returned, so callers store nothing for a bad file.
 */
import { decodeText, type DecodedText } from './decode-text';
import { ImportError, SUPPORTED_TYPES_TEXT } from './errors';
import { importDocx } from './importers/docx';
import { importHtml, sniffHtmlCharset } from './importers/html';
import { importMarkdown } from './importers/md';
import { importPdf } from './importers/pdf';
import { importSrt } from './importers/srt';
import { importTxt } from './importers/txt';
import { importVtt } from './importers/vtt';
import { describeOle, sniffBytes } from './sniff';
import type { ImportedSource, SourceFormat } from './types';
import type { ZipLimits } from './zip-guard';

/** Default upload limit: 25 MB. */
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

/** Input of {@link importSource}. */
export type ImportSourceInput = {
  /** The uploaded file's name (a path is tolerated; only the last segment is used). */
  fileName: string;
  bytes: Uint8Array;
  /** The MIME type the browser sent; a hint for text formats only. */
  mimeType?: string;
  /** Largest accepted file in bytes; default {@link DEFAULT_MAX_BYTES}. */
  maxBytes?: number;
  /** Force the text encoding of a text file (after a wrong guess), e.g. 'gbk', 'windows-1252'. */
  encoding?: string;
  /** Limits for .docx archives; default `DEFAULT_ZIP_LIMITS` (200 MB, 100:1, 5,000 entries). */
  zipLimits?: ZipLimits;
};

const TEXT_EXTENSIONS: Record<string, Exclude<SourceFormat, 'docx' | 'pdf'>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  mdown: 'md',
  mkd: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  vtt: 'vtt',
  webvtt: 'vtt',
  srt: 'srt',
};

const TEXT_MIME_TYPES: Record<string, Exclude<SourceFormat, 'docx' | 'pdf'>> = {
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/x-markdown': 'md',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/vtt': 'vtt',
  'application/x-subrip': 'srt',
  'text/srt': 'srt',
};

// Document formats people try to upload that we cannot read, with what to do instead.
const UNSUPPORTED_EXTENSIONS: Record<string, string> = {
  doc: 'Word 97–2003 (.doc) files cannot be imported: open it in Word and save it as .docx.',
  rtf: 'Rich Text (.rtf) files cannot be imported: open it in Word and save it as .docx.',
  odt: 'OpenDocument (.odt) files cannot be imported: save it as .docx.',
  pages: 'Apple Pages files cannot be imported: export it as .docx or PDF.',
  xls: 'Spreadsheets cannot be imported as sources.',
  xlsx: 'Spreadsheets cannot be imported as sources.',
  ppt: 'Presentations cannot be imported: export it as PDF.',
  pptx: 'Presentations cannot be imported: export it as PDF.',
  epub: 'E-books cannot be imported: export the text as PDF or .docx.',
};

/**
 * Import one uploaded file as a source.
 *
 * @param input - the file name, its bytes, and optional MIME type, size limit, forced encoding
 *   and zip limits.
 * @returns the plain text to store (offsets of later codings are defined on it), the detected
 *   format, a title, page or turn boundaries (code point offsets), the text encoding, metadata
 *   and warnings for the user.
 * @throws {ImportError} for every file that cannot be imported: `EMPTY_FILE`, `TOO_LARGE`,
 *   `BINARY_FILE`, `UNSUPPORTED_TYPE`, `CORRUPT_DOCX`, `ENCRYPTED_DOCX`, `ZIP_BOMB`,
 *   `CORRUPT_PDF`, `ENCRYPTED_PDF`, `SCANNED_PDF`, `INVALID_TRANSCRIPT`, `UNKNOWN_ENCODING`.
 * @example
 * const source = await importSource({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
 * // source.format === 'docx', source.text === 'Interviewer: …'
 */
export async function importSource(input: ImportSourceInput): Promise<ImportedSource> {
  const { bytes } = input;
  const baseName = input.fileName.split(/[\\/]/).pop() ?? '';
  const ext = extensionOf(baseName);
  const fallbackTitle = titleFromFileName(baseName);
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;

  if (bytes.length === 0) throw new ImportError('EMPTY_FILE', { message: `'${baseName}' is empty (0 bytes)`, userMessage: 'This file is empty.' });
  if (bytes.length > maxBytes) {
    throw new ImportError('TOO_LARGE', {
      message: `'${baseName}' has ${bytes.length} bytes (limit ${maxBytes})`,
      userMessage: `This file is ${formatMegabytes(bytes.length)}; the limit is ${formatMegabytes(maxBytes)}. Split it into smaller files, or remove images from it.`,
    });
  }

  const sniffed = sniffBytes(bytes);
  const renamed = (format: SourceFormat) =>
    ext && ext !== format ? [`The file name ends in .${ext}, but the file is ${FORMAT_NAMES[format]}; it was imported as such.`] : [];

  let result: ImportedSource;
  switch (sniffed.kind) {
    case 'pdf':
      result = await importPdf(bytes, { fallbackTitle });
      result.warnings.unshift(...renamed('pdf'));
      break;
    case 'zip':
      // importDocx names other zip formats (.xlsx, .pptx, .odt, .epub) from their contents.
      result = await importDocx(bytes, { fallbackTitle, zipLimits: input.zipLimits });
      result.warnings.unshift(...renamed('docx'));
      break;
    case 'ole':
      throw oleError(bytes, ext);
    case 'binary':
      if (TEXT_EXTENSIONS[ext] || ext === '' || ext === 'docx' || ext === 'pdf') {
        throw new ImportError('BINARY_FILE', {
          message: `'${baseName}' is ${sniffed.description}`,
          userMessage: `This file is not ${ext ? `a .${ext} file` : 'a text document'}: it is ${sniffed.description}. Groundwork imports ${SUPPORTED_TYPES_TEXT}.`,
        });
      }
      throw unsupported(UNSUPPORTED_EXTENSIONS[ext] ?? `This file is ${sniffed.description}.`);
    case 'text':
      result = importText(input, bytes, ext, baseName, fallbackTitle);
      break;
  }

  if (result.text.trim().length === 0) {
    throw new ImportError('EMPTY_FILE', {
      message: `'${baseName}' has no text once imported as ${result.format}`,
      userMessage: 'This file contains no text to code.',
    });
  }
  return result;
}

const FORMAT_NAMES: Record<SourceFormat, string> = {
  txt: 'plain text',
  md: 'Markdown',
  docx: 'a Word document',
  pdf: 'a PDF',
  html: 'a web page (HTML)',
  vtt: 'a WebVTT transcript',
  srt: 'a SubRip transcript',
};

function importText(input: ImportSourceInput, bytes: Uint8Array, ext: string, baseName: string, fallbackTitle: string): ImportedSource {
  if (ext === 'docx') {
    throw new ImportError('CORRUPT_DOCX', {
      message: `'${baseName}' is plain text, not a zip archive`,
      userMessage: 'This .docx file is not a Word document (it contains plain text). Save it from Word as .docx, or upload it as .txt.',
    });
  }
  if (ext === 'pdf') {
    throw new ImportError('CORRUPT_PDF', {
      message: `'${baseName}' has no %PDF header`,
      userMessage: 'This .pdf file is not a PDF (it has no PDF header). It may be damaged or mislabelled.',
    });
  }
  if (UNSUPPORTED_EXTENSIONS[ext]) throw unsupported(UNSUPPORTED_EXTENSIONS[ext]);

  const byName = TEXT_EXTENSIONS[ext] ?? (input.mimeType ? TEXT_MIME_TYPES[input.mimeType.split(';')[0].trim().toLowerCase()] : undefined);
  const mightBeHtml = byName === 'html' || looksLikeHtmlBytes(bytes);
  const decoded = decodeText(bytes, {
    encoding: input.encoding,
    declaredEncoding: mightBeHtml ? sniffHtmlCharset(bytes) : undefined,
  });
  const byContent = formatFromContent(decoded.text);
  // Content wins when it is unambiguous (a WEBVTT header, SubRip timings, an HTML document);
  // Markdown and plain text look alike, so there the name decides.
  let format: Exclude<SourceFormat, 'docx' | 'pdf'> = byContent ?? byName ?? 'txt';
  if (byContent === 'html' && byName === 'md') format = 'md'; // Markdown may embed HTML
  const warnings: string[] = [];
  if (byName && format !== byName) {
    warnings.push(`The file name ends in .${ext}, but the file is ${FORMAT_NAMES[format]}; it was imported as such.`);
  } else if (!byName && ext) {
    warnings.push(`Files ending in .${ext} are not a known type; this one was imported as ${FORMAT_NAMES[format]}.`);
  }
  const result = dispatchText(format, decoded, fallbackTitle);
  result.warnings.unshift(...warnings);
  return result;
}

function dispatchText(format: Exclude<SourceFormat, 'docx' | 'pdf'>, decoded: DecodedText, fallbackTitle: string): ImportedSource {
  switch (format) {
    case 'md':
      return importMarkdown(decoded, fallbackTitle);
    case 'html':
      return importHtml(decoded, fallbackTitle);
    case 'vtt':
      return importVtt(decoded, fallbackTitle);
    case 'srt':
      return importSrt(decoded, fallbackTitle);
    default:
      return importTxt(decoded, fallbackTitle);
  }
}

/** A text format recognisable from the content alone, or undefined. */
function formatFromContent(text: string): 'vtt' | 'srt' | 'html' | undefined {
  const head = text.slice(0, 2048).replace(/^\ufeff/, '');
  if (/^WEBVTT(?:[ \t\n]|$)/.test(head)) return 'vtt';
  if (/^\s*\d+[ \t]*\n[ \t]*\d+:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->[ \t]*\d+:\d{2}:\d{2}[,.]\d{1,3}/.test(head)) return 'srt';
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html\b|<html\b)/i.test(head)) return 'html';
  return undefined;
}

function looksLikeHtmlBytes(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  return /<!doctype\s+html\b|<html\b|<meta\b/i.test(head);
}

function oleError(bytes: Uint8Array, ext: string): ImportError {
  const kind = describeOle(bytes);
  if (kind === 'encrypted-ooxml' || (kind === 'unknown' && ext === 'docx')) {
    return new ImportError('ENCRYPTED_DOCX', {
      message: `OLE compound file (${kind}) named .${ext}`,
      userMessage:
        kind === 'encrypted-ooxml'
          ? 'This document is password-protected. Open it in Word, remove the password (File → Info → Protect Document), save, and upload it again.'
          : 'This Word file is encrypted or in the old Word 97–2003 format. Open it in Word, remove any password, save it as .docx, and upload it again.',
    });
  }
  if (kind === 'word-97') return unsupported(UNSUPPORTED_EXTENSIONS.doc);
  if (kind === 'excel-97') return unsupported(UNSUPPORTED_EXTENSIONS.xls);
  if (kind === 'powerpoint-97') return unsupported(UNSUPPORTED_EXTENSIONS.ppt);
  return unsupported('This file is a legacy Microsoft Office or Outlook file.');
}

function unsupported(what: string): ImportError {
  return new ImportError('UNSUPPORTED_TYPE', { message: what, userMessage: `${what} Groundwork imports ${SUPPORTED_TYPES_TEXT}.` });
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * A source title from a file name: without extension, underscores read as spaces.
 *
 * @param fileName - the uploaded file's base name.
 * @returns the title, or "Untitled" for a name that leaves nothing.
 * @example
 * titleFromFileName('interview_03.docx'); // 'interview 03'
 */
export function titleFromFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const title = stem.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return title || 'Untitled';
}

function formatMegabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
