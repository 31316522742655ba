/**
 * PDF → plain text from the text layer, with page boundaries kept.
 *
 * Uses pdf.js (pdfjs-dist 5, the legacy build, which runs in Node) without a worker thread: the
 * worker module is loaded into this process and registered as `globalThis.pdfjsWorker`, which
 * pdf.js uses instead of spawning one. Font evaluation (`isEvalSupported`) and font loading are
 * off: we only read text. CJK PDFs that rely on predefined CMaps (e.g. UniGB-UCS2-H) need the
 * CMap files shipped in pdfjs-dist, which are located on disk when available.
 *
 * Text per page is pdf.js's text items in content order, with a line break where pdf.js marks
 * the end of a line; pages are separated by a blank line. No de-hyphenation or re-flowing: the
 * text is what the page shows, line for line.
 *
 * Note for the app: Next.js must not bundle pdfjs-dist (add it to `serverExternalPackages`).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ImportError } from '../errors';
import { TextBuilder } from '../text-builder';
import type { ImportedSource, PageSpan, SourceMetadata } from '../types';
import { removeTrailingBlanks } from '../linear-replace';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | undefined;
let pdfjsRoot: string | undefined;

/**
 * Load pdf.js once. Modules are imported by absolute file URL rather than bare specifier: tsx
 * (used by our scripts) runs TypeScript files as CommonJS from data: URLs, from which a bare
 * dynamic import cannot be resolved.
 */
async function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    // Node's own resolver, fetched so that bundlers cannot see it: Next's Turbopack rewrites
    // `createRequire`/`require.resolve` into its module registry, which has no paths.
    const nodeModule = process.getBuiltinModule('node:module') as typeof import('node:module');
    const require = nodeModule.createRequire(path.join(process.cwd(), 'package.json'));
    const resolve = (specifier: string) => require.resolve(specifier);
    const url = (specifier: string) => pathToFileURL(resolve(specifier)).href;
    pdfjsRoot = path.dirname(resolve('pdfjs-dist/package.json'));
    const worker: unknown = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url('pdfjs-dist/legacy/build/pdf.worker.mjs'));
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url('pdfjs-dist/legacy/build/pdf.mjs'))) as PdfJs;
  })();
  try {
    return await pdfjsPromise;
  } catch (error) {
    pdfjsPromise = undefined; // let a later import retry
    throw error;
  }
}

/** Where pdf.js finds the CMaps that CJK PDFs with predefined encodings need, and standard font data. */
function pdfjsAssetDirs(): { cMapUrl?: string; standardFontDataUrl?: string } {
  if (!pdfjsRoot) return {};
  return {
    cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
    standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
  };
}

/** Options of {@link importPdf}. */
export type PdfImportOptions = {
  /** Title when the PDF's metadata has none (the file name without extension). */
  fallbackTitle: string;
};

/**
 * Import a PDF's text layer.
 *
 * @param bytes - the PDF file.
 * @param options - the fallback title.
 * @returns the text, one entry in `pages` per page (1-based, code point offsets), title and
 *   metadata from the document information dictionary or XMP.
 * @throws {ImportError} `ENCRYPTED_PDF` (needs a password), `CORRUPT_PDF` (cannot be parsed),
 *   `SCANNED_PDF` (no page has text: "scanned PDF: no text to code").
 * @example
 * const source = await importPdf(bytes, { fallbackTitle: 'smith-2021' });
 * source.pages; // [{ page: 1, start: 0, end: 2481 }, …]
 */
export async function importPdf(bytes: Uint8Array, options: PdfImportOptions): Promise<ImportedSource> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js may take ownership of the buffer; give it a copy so the caller's bytes stay usable.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    ...pdfjsAssetDirs(),
  });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (error) {
      throw mapOpenError(error);
    }

    const b = new TextBuilder();
    const pages: PageSpan[] = [];
    const emptyPages: number[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      let pageText: string;
      try {
        const page = await doc.getPage(p);
        const content = await page.getTextContent();
        pageText = assemblePage(content.items as PdfTextItem[]);
        page.cleanup();
      } catch (error) {
        throw new ImportError('CORRUPT_PDF', {
          message: `pdf.js failed on page ${p}: ${(error as Error).message}`,
          userMessage: `Page ${p} of this PDF is damaged and cannot be read. Try printing the document to a new PDF and uploading that.`,
          cause: error,
        });
      }
      if (p > 1) b.append('\n\n');
      const start = b.position;
      b.append(pageText);
      pages.push({ page: p, start, end: b.position });
      if (pageText.length === 0) emptyPages.push(p);
    }

    if (emptyPages.length === doc.numPages) {
      throw new ImportError('SCANNED_PDF', {
        message: `scanned PDF: no text to code (${doc.numPages} page(s) without a text layer)`,
        userMessage:
          'Scanned PDF: no text to code. This PDF contains only images of pages, without a text layer. Run text recognition (OCR) on it, for example in Acrobat or with OCRmyPDF, and upload the result.',
      });
    }

    const warnings: string[] = [];
    if (emptyPages.length > 0) {
      warnings.push(emptyPagesWarning(emptyPages));
    }
    const { title, metadata } = await readMetadata(doc);
    const result: ImportedSource = { text: b.toString(), format: 'pdf', title: title || options.fallbackTitle, pages, warnings };
    if (Object.keys(metadata).length > 0) result.metadata = metadata;
    return result;
  } finally {
    await task.destroy();
  }
}

/** The fields of a pdf.js text content item that {@link assemblePage} reads. */
export type PdfTextItem = { str?: string; hasEOL?: boolean };

/**
 * Join a page's text items. Control characters that broken font encodings produce (NUL, …)
 * are removed, trailing spaces on lines dropped and blank-line runs collapsed; this happens
 * before the text is stored, so offsets are unaffected. Linear in the length of the page.
 *
 * @param items - pdf.js text content items of one page.
 * @returns the page's text.
 * @example
 * assemblePage([{ str: 'Hello  ', hasEOL: true }, { str: 'world' }]); // 'Hello\nworld'
 */
export function assemblePage(items: PdfTextItem[]): string {
  let s = '';
  for (const item of items) {
    if (typeof item.str !== 'string') continue; // marked-content markers
    s += item.str;
    if (item.hasEOL) s += '\n';
  }
  // Not /[ \t]+\n/g: quadratic on a long run of spaces (see ../linear-replace.ts).
  return removeTrailingBlanks(s.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, ''))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function emptyPagesWarning(pages: number[]): string {
  if (pages.length === 1) return `Page ${pages[0]} has no text layer (a scanned image?); its content cannot be coded.`;
  const shown = pages.slice(0, 10).join(', ');
  const more = pages.length > 10 ? ` and ${pages.length - 10} more` : '';
  return `Pages ${shown}${more} have no text layer (scanned images?); their content cannot be coded.`;
}

function mapOpenError(error: unknown): ImportError {
  const name = (error as { name?: string })?.name;
  if (name === 'PasswordException') {
    return new ImportError('ENCRYPTED_PDF', {
      message: `password-protected PDF: ${(error as Error).message}`,
      userMessage: 'This PDF is password-protected. Remove the password (for example by printing it to a new PDF) and upload it again.',
      cause: error,
    });
  }
  return new ImportError('CORRUPT_PDF', {
    message: `pdf.js could not open the file (${name ?? 'error'}): ${(error as Error)?.message}`,
    userMessage: 'This PDF is damaged or incomplete and cannot be read. Try opening it in a PDF viewer and saving or printing it to a new PDF.',
    cause: error,
  });
}

type PdfDoc = { getMetadata(): Promise<{ info: object; metadata: { get(name: string): unknown } | null }> };

async function readMetadata(doc: PdfDoc): Promise<{ title?: string; metadata: SourceMetadata }> {
  const metadata: SourceMetadata = {};
  let title: string | undefined;
  try {
    const { info, metadata: xmp } = await doc.getMetadata();
    const fields = info as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    title = cleanTitle(str(xmp?.get('dc:title')) ?? str(fields.Title));
    const author = str(xmp?.get('dc:creator')) ?? str(fields.Author);
    if (author) metadata.author = author;
    const subject = str(fields.Subject);
    if (subject) metadata.subject = subject;
    const keywords = str(fields.Keywords);
    if (keywords) metadata.keywords = keywords;
    const created = pdfDate(str(fields.CreationDate));
    if (created) metadata.created = created;
    const language = str(fields.Language);
    if (language) metadata.language = language;
  } catch {
    // Broken metadata must not stop an import whose text is readable.
  }
  return { title, metadata };
}

/** Titles like "Microsoft Word - chapter2.docx" are the producer's, not the author's. */
function cleanTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const t = title.replace(/^Microsoft (Word|PowerPoint) - /, '').replace(/\.(docx?|pptx?)$/i, '').trim();
  return t && !/^untitled$/i.test(t) ? t : undefined;
}

/** "D:20230405120000+02'00'" → "2023-04-05". */
function pdfDate(value: string | undefined): string | undefined {
  const m = value ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value) : null;
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}
