/**
 * Word (.docx) → plain text with mammoth's raw-text conversion: one line per paragraph, with no
 * blank line between paragraphs (the workbench shows each line as a paragraph, so a blank line
 * would show as an empty paragraph); headings, list items and table cells become plain lines;
 * images and formatting are dropped.
 *
 * Sources imported before this rule kept mammoth's blank line between paragraphs. Their stored
 * text is never rewritten — codings are offsets into it — so they keep their blank lines;
 * only new imports get one line per paragraph.
 *
 * The zip is checked and unpacked by `zip-guard` first (entry count, declared and actual sizes,
 * compression ratios), and mammoth only ever sees a re-packed archive of the verified XML
 * parts — never the upload itself — so a zip bomb cannot reach it.
 */
import mammoth from 'mammoth';
import { zipSync } from 'fflate';

import { ImportError, SUPPORTED_TYPES_TEXT } from '../errors';
import { decodeHtmlEntities } from '../html-entities';
import { removeTrailingBlanks, replaceBefore } from '../linear-replace';
import type { ImportedSource, SourceMetadata } from '../types';
import {
  DEFAULT_ZIP_LIMITS,
  ZipGuardError,
  checkZipLimits,
  extractZipEntries,
  readZipDirectory,
  type ZipEntry,
  type ZipLimits,
} from '../zip-guard';

/** Options of {@link importDocx}. */
export type DocxImportOptions = {
  /** Title when the document's properties have none (the file name without extension). */
  fallbackTitle: string;
  /** Zip limits; defaults to {@link DEFAULT_ZIP_LIMITS}. */
  zipLimits?: ZipLimits;
};

/**
 * Import a .docx file.
 *
 * @param bytes - the file, a zip archive.
 * @param options - fallback title and zip limits.
 * @returns the document's text, title and core properties (author, dates).
 * @throws {ImportError} `CORRUPT_DOCX` (truncated or damaged), `ZIP_BOMB` (over the zip limits),
 *   `UNSUPPORTED_TYPE` (another zip-based format: .xlsx, .pptx, .odt, .epub, a plain .zip),
 *   `EMPTY_FILE` (no text).
 * @example
 * const source = await importDocx(bytes, { fallbackTitle: 'interview-03' });
 */
export async function importDocx(bytes: Uint8Array, options: DocxImportOptions): Promise<ImportedSource> {
  const limits = options.zipLimits ?? DEFAULT_ZIP_LIMITS;
  let files: Record<string, Uint8Array>;
  try {
    const entries = readZipDirectory(bytes);
    checkZipLimits(entries, limits);
    const names = new Set(entries.map((e) => e.name));
    if (!names.has('word/document.xml')) throw notWordError(entries, bytes, limits);
    // mammoth needs the XML parts and their relationships; images and embedded objects are
    // not read for raw text, so they are neither inflated nor passed on.
    files = extractZipEntries(bytes, entries.filter(isXmlPart), limits);
  } catch (error) {
    throw mapZipError(error);
  }

  let raw: string;
  try {
    const repacked = zipSync(files, { level: 0 });
    const result = await mammoth.extractRawText({ buffer: Buffer.from(repacked.buffer, repacked.byteOffset, repacked.byteLength) });
    raw = result.value;
  } catch (error) {
    throw new ImportError('CORRUPT_DOCX', {
      message: `mammoth could not read the document: ${(error as Error).message}`,
      userMessage: 'This Word document is damaged and cannot be read. Open it in Word, save it again as .docx, and upload the new file.',
      cause: error,
    });
  }

  const text = normaliseParagraphs(raw);
  if (text.trim().length === 0) {
    throw new ImportError('EMPTY_FILE', { userMessage: 'This Word document contains no text.' });
  }
  const core = files['docProps/core.xml'] ? readCoreProperties(new TextDecoder().decode(files['docProps/core.xml'])) : {};
  const { title, ...metadata } = core;
  const result: ImportedSource = { text, format: 'docx', title: title || options.fallbackTitle, warnings: [] };
  if (Object.keys(metadata).length > 0) result.metadata = metadata;
  return result;
}

function isXmlPart(e: ZipEntry): boolean {
  const name = e.name.toLowerCase();
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/**
 * mammoth ends every paragraph with a blank line, and empty paragraphs (used for spacing in
 * Word) add more: every run of line breaks becomes one, so each paragraph is one line and no
 * line is empty. Line-internal text, including tabs and non-breaking spaces, is kept. Linear in
 * the length of the text.
 *
 * @param raw - mammoth's raw text.
 * @returns the text with `\n` line ends, no trailing blanks on lines, no blank lines, no line
 *   breaks at the start and no whitespace at the end.
 * @example
 * normaliseParagraphs('A  \r\n\r\n\r\n\r\nB\n\n'); // 'A\nB'
 */
export function normaliseParagraphs(raw: string): string {
  // Not /[ \t]+\n/g and /\s+$/: quadratic on a long run of spaces (see ../linear-replace.ts).
  const text = removeTrailingBlanks(raw.replace(/\r\n?/g, '\n'));
  return text.replace(/\n{2,}/g, '\n').replace(/^\n+/, '').trimEnd();
}

/**
 * Title, author, subject, keywords, language and creation date from docProps/core.xml.
 *
 * Each pattern is searched only up to its tag's last closing tag (see ../linear-replace.ts):
 * the XML comes from the upload and may be tens of megabytes, and an opening tag without a
 * closing one would otherwise be scanned to the end once per such tag (quadratic).
 *
 * @param xml - the text of docProps/core.xml.
 * @returns the properties that are present and not blank.
 * @example
 * readCoreProperties('<dc:title>Interview 3</dc:title>'); // { title: 'Interview 3' }
 */
export function readCoreProperties(xml: string): SourceMetadata & { title?: string } {
  const pick = (tag: string): string | undefined => {
    const close = xml.lastIndexOf(`</${tag}>`);
    if (close === -1) return undefined;
    const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml.slice(0, close + tag.length + 3));
    if (!m) return undefined;
    const raw = replaceBefore(m[1], m[1].lastIndexOf(']]>') + 3, /<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
    return decodeHtmlEntities(raw).trim() || undefined;
  };
  const out: SourceMetadata & { title?: string } = {};
  const fields: [keyof (SourceMetadata & { title?: string }), string][] = [
    ['title', 'dc:title'],
    ['author', 'dc:creator'],
    ['subject', 'dc:subject'],
    ['keywords', 'cp:keywords'],
    ['language', 'dc:language'],
    ['created', 'dcterms:created'],
  ];
  for (const [key, tag] of fields) {
    const value = pick(tag);
    if (value) out[key] = value;
  }
  return out;
}

function notWordError(entries: ZipEntry[], bytes: Uint8Array, limits: ZipLimits): ImportError {
  const names = new Set(entries.map((e) => e.name));
  let what = 'a zip archive';
  if (names.has('xl/workbook.xml')) what = 'an Excel workbook';
  else if (names.has('ppt/presentation.xml')) what = 'a PowerPoint presentation';
  else if (names.has('mimetype')) {
    const entry = entries.find((e) => e.name === 'mimetype')!;
    let mimetype = '';
    try {
      mimetype = new TextDecoder().decode(extractZipEntries(bytes, [entry], limits).mimetype).trim();
    } catch {
      // An unreadable mimetype just means we cannot name the format.
    }
    if (mimetype === 'application/vnd.oasis.opendocument.text') what = 'an OpenDocument text (.odt)';
    else if (mimetype === 'application/epub+zip') what = 'an e-book (EPUB)';
    else if (mimetype.startsWith('application/vnd.oasis.opendocument')) what = 'an OpenDocument file';
  }
  const advice = what === 'an OpenDocument text (.odt)' ? ' Save it as .docx and upload it again.' : '';
  return new ImportError('UNSUPPORTED_TYPE', {
    message: `zip archive without word/document.xml (${what})`,
    userMessage: `This file is ${what}, not a Word document.${advice} Groundwork imports ${SUPPORTED_TYPES_TEXT}.`,
  });
}

function mapZipError(error: unknown): unknown {
  if (!(error instanceof ZipGuardError)) return error;
  switch (error.reason) {
    case 'bomb':
      return new ImportError('ZIP_BOMB', {
        message: `unsafe .docx archive: ${error.message}`,
        userMessage:
          'This Word file would expand to far more data than a document contains, so it was refused for safety. If it is a genuine document, open it in Word and save it again.',
        cause: error,
      });
    case 'encrypted':
      return new ImportError('ENCRYPTED_DOCX', {
        message: `encrypted zip entry: ${error.message}`,
        userMessage: 'This Word document is encrypted. Remove the password in Word and upload it again.',
        cause: error,
      });
    default:
      return new ImportError('CORRUPT_DOCX', {
        message: `damaged .docx archive: ${error.message}`,
        userMessage:
          'This Word document is damaged or incomplete (perhaps the upload or download was cut off). Open it in Word, save it again as .docx, and upload the new file.',
        cause: error,
      });
  }
}
