/**
 * Web pages (.html): visible text only, via `htmlToText` — scripts, styles and markup never
 * reach the stored text.
 */
import type { DecodedText } from '../decode-text';
import { htmlToText } from '../html-to-text';
import type { ImportedSource, SourceMetadata } from '../types';

/**
 * Import a decoded HTML document.
 *
 * @param decoded - the output of `decodeText` (pass the <meta charset> from
 *   {@link sniffHtmlCharset} to it).
 * @param fallbackTitle - the file name without extension.
 * @returns the page's text, its <title> and author/language metadata.
 * @example
 * importHtml(decodeText(bytes, { declaredEncoding: sniffHtmlCharset(bytes) }), 'blog-post');
 */
export function importHtml(decoded: DecodedText, fallbackTitle: string): ImportedSource {
  const page = htmlToText(decoded.text);
  const metadata: SourceMetadata = {};
  if (page.author) metadata.author = page.author;
  if (page.description) metadata.subject = page.description;
  if (page.language) metadata.language = page.language;
  const result: ImportedSource = {
    text: page.text,
    format: 'html',
    title: page.title || fallbackTitle,
    encoding: decoded.encoding,
    warnings: [...decoded.warnings, ...page.warnings],
  };
  if (Object.keys(metadata).length > 0) result.metadata = metadata;
  return result;
}

/**
 * The encoding an HTML file declares in its first 1024 bytes (`<meta charset>`,
 * `<meta http-equiv="Content-Type" content="…; charset=…">`, or an XML declaration), as the
 * WHATWG prescan does.
 *
 * @param bytes - the file's bytes.
 * @returns the declared label, or undefined.
 * @example
 * sniffHtmlCharset(new TextEncoder().encode('<meta charset="gbk">')); // 'gbk'
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  // Latin-1 maps bytes 1:1 to characters, so ASCII markup is readable whatever the encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  if (meta) return meta[1];
  const xml = /^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/i.exec(head);
  return xml ? xml[1] : undefined;
}
