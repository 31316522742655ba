/**
 * HTML → plain text, never markup. No HTML parser package is a dependency of the project (only
 * `next`'s private compiled copy, which lib/ must not import), so this is a small tokenizer
 * that follows the WHATWG tokenizer where it matters for text extraction:
 * - comments, doctypes, `<?…>` and `<![CDATA[…]]>` are skipped; attribute values are scanned
 *   with their quotes, so a `>` inside `title="a > b"` does not end the tag;
 * - raw-text elements (`script`, `style`, `noscript`, `iframe`, `xmp`, `noembed`, `noframes`)
 *   are skipped up to their matching end tag, without looking for tags inside;
 *   `title` and `textarea` are RCDATA (entities decoded, no tags);
 * - non-content elements (`template`, `svg`, `select`, `canvas`, `audio`, `video`, …) are
 *   dropped with everything inside;
 * - block elements become line breaks (paragraphs, headings, lists, tables: a blank line;
 *   `div`, `li`, `tr`: a line break), `<br>` a line break, table cells a tab; whitespace
 *   collapses as browsers render it, except inside `<pre>`/`<textarea>`;
 * - character references are decoded (see {@link decodeHtmlEntities}).
 * Every `<` that starts a tag is consumed, so the output contains no markup; a `&lt;script&gt;`
 * in the page becomes the literal text "<script>", which is what the page showed.
 */
import { decodeHtmlEntities } from './html-entities';

/** The text and metadata of an HTML document. */
export type HtmlText = {
  text: string;
  /** `<title>`, else `og:title`, else the first `<h1>`. */
  title?: string;
  author?: string;
  description?: string;
  language?: string;
  warnings: string[];
};

const RAW_TEXT = new Set(['script', 'style', 'noscript', 'iframe', 'xmp', 'noembed', 'noframes']);
const RCDATA = new Set(['title', 'textarea']);
const DROPPED = new Set(['template', 'svg', 'select', 'datalist', 'canvas', 'audio', 'video', 'object', 'map']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen']);
// Elements separated from their neighbours by a blank line.
const PARAGRAPH = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'listing', 'ul', 'ol', 'dl', 'menu', 'table', 'figure', 'hr',
  'section', 'article', 'aside', 'header', 'footer', 'nav', 'main', 'address', 'form', 'fieldset', 'details', 'body',
]);
// Elements on a line of their own.
const LINE = new Set([
  'div', 'li', 'dt', 'dd', 'tr', 'caption', 'summary', 'figcaption', 'legend', 'center', 'option', 'hgroup', 'search', 'dialog',
  'thead', 'tbody', 'tfoot', 'html', 'head',
]);
const PRESERVE_WHITESPACE = new Set(['pre', 'listing', 'textarea', 'plaintext']);

type Attributes = Record<string, string>;

/**
 * Extract the visible text of an HTML document.
 *
 * @param html - the decoded document.
 * @returns the text (lines joined with `\n`, paragraphs separated by a blank line) and metadata.
 * @example
 * htmlToText('<p>Caf&eacute;</p><script>alert(1)</script><p>Two</p>').text; // 'Café\n\nTwo'
 */
export function htmlToText(html: string): HtmlText {
  const out = new TextOutput();
  const unknownEntities = new Set<string>();
  const meta: { title?: string; ogTitle?: string; h1?: string; author?: string; description?: string; language?: string } = {};
  let preDepth = 0;
  let h1Start = -1;
  // A dropped element swallows everything until its own end tag (counting nested ones).
  let dropName: string | undefined;
  let dropDepth = 0;

  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      if (!dropName) out.text(decodeHtmlEntities(html.slice(i), unknownEntities), preDepth > 0);
      break;
    }
    if (lt > i && !dropName) out.text(decodeHtmlEntities(html.slice(i, lt), unknownEntities), preDepth > 0);
    i = lt;
    const next = html.charCodeAt(i + 1);

    if (next === 0x21 /* ! */) {
      if (html.startsWith('<!--', i)) {
        // "<!-->" and "<!--->" are complete (empty) comments.
        if (html.startsWith('<!-->', i)) i += 5;
        else if (html.startsWith('<!--->', i)) i += 6;
        else {
          const end = html.indexOf('-->', i + 4);
          i = end === -1 ? n : end + 3;
        }
      } else if (html.startsWith('<![CDATA[', i)) {
        const end = html.indexOf(']]>', i + 9);
        i = end === -1 ? n : end + 3;
      } else {
        const end = html.indexOf('>', i + 2);
        i = end === -1 ? n : end + 1;
      }
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = html.indexOf('>', i + 2);
      i = end === -1 ? n : end + 1;
      continue;
    }
    if (next === 0x2f /* / */) {
      if (isAsciiLetter(html.charCodeAt(i + 2))) {
        const tag = readTag(html, i + 2);
        i = tag.end;
        if (dropName) {
          if (tag.name === dropName && --dropDepth === 0) dropName = undefined;
          continue;
        }
        if (PRESERVE_WHITESPACE.has(tag.name) && preDepth > 0) preDepth--;
        if (tag.name === 'h1' && h1Start >= 0 && meta.h1 === undefined) {
          meta.h1 = collapse(out.since(h1Start));
          h1Start = -1;
        }
        if (tag.name === 'br') out.lineBreak(); // "</br>" is a <br> to browsers
        else blockBoundary(out, tag.name);
      } else if (html.startsWith('</>', i)) {
        i += 3;
      } else {
        const end = html.indexOf('>', i + 2);
        i = end === -1 ? n : end + 1;
      }
      continue;
    }
    if (!isAsciiLetter(next)) {
      // A "<" that does not start a tag is text ("a < b").
      if (!dropName) out.text('<', preDepth > 0);
      i++;
      continue;
    }

    const tag = readTag(html, i + 1);
    i = tag.end;
    const name = tag.name;
    if (dropName) {
      if (name === dropName && !tag.selfClosing) dropDepth++;
      continue;
    }

    if (RAW_TEXT.has(name) || RCDATA.has(name)) {
      const close = findEndTag(html, name, i);
      const content = html.slice(i, close.start);
      i = close.end;
      if (name === 'title') {
        if (meta.title === undefined) meta.title = collapse(decodeHtmlEntities(content));
      } else if (name === 'textarea') {
        out.block(1);
        out.text(decodeHtmlEntities(content.replace(/^\n/, ''), unknownEntities), true);
        out.block(1);
      }
      continue;
    }
    if (name === 'plaintext') {
      // Everything after <plaintext> is text, tags included (obsolete, but defined).
      out.block(1);
      out.text(html.slice(i), true);
      break;
    }
    if (DROPPED.has(name)) {
      if (!tag.selfClosing) {
        dropName = name;
        dropDepth = 1;
      }
      continue;
    }

    if (name === 'meta') {
      const key = (tag.attributes.name ?? tag.attributes.property ?? '').toLowerCase();
      const content = tag.attributes.content;
      if (content) {
        if (key === 'author') meta.author ??= collapse(content);
        else if (key === 'description') meta.description ??= collapse(content);
        else if (key === 'og:title') meta.ogTitle ??= collapse(content);
      }
      continue;
    }
    if (name === 'html' && tag.attributes.lang) meta.language ??= tag.attributes.lang;
    if (name === 'br') {
      out.lineBreak();
      continue;
    }
    if (name === 'td' || name === 'th') {
      out.cell();
      continue;
    }
    if (name === 'h1' && meta.h1 === undefined) h1Start = out.length;
    blockBoundary(out, name);
    if (PRESERVE_WHITESPACE.has(name) && !VOID.has(name)) {
      preDepth++;
      // A newline right after <pre> is not content (WHATWG "pre" start tag rule).
      if (html.charCodeAt(i) === 0x0a) i++;
    }
  }

  const warnings: string[] = [];
  if (unknownEntities.size > 0) {
    const names = [...unknownEntities].slice(0, 5).map((e) => `&${e};`).join(', ');
    warnings.push(`Some character references were not recognised and were kept as written: ${names}.`);
  }
  const title = meta.title || meta.ogTitle || meta.h1 || undefined;
  return {
    text: out.finish(),
    title,
    author: meta.author,
    description: meta.description,
    language: meta.language,
    warnings,
  };
}

function blockBoundary(out: TextOutput, name: string): void {
  if (PARAGRAPH.has(name)) out.block(2);
  else if (LINE.has(name)) out.block(1);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/**
 * Read a tag name and its attributes starting at `start` (just after "<" or "</"). Quoted
 * attribute values may contain ">". Returns the index just past the closing ">", or the end
 * of input for an unterminated tag (which the WHATWG tokenizer also drops).
 */
function readTag(html: string, start: number): { name: string; attributes: Attributes; selfClosing: boolean; end: number } {
  const n = html.length;
  let i = start;
  while (i < n && !isSpace(html.charCodeAt(i)) && html[i] !== '/' && html[i] !== '>') i++;
  const name = html.slice(start, i).toLowerCase();
  const attributes: Attributes = {};
  let selfClosing = false;
  while (i < n) {
    const c = html[i];
    if (c === '>') return { name, attributes, selfClosing, end: i + 1 };
    if (isSpace(html.charCodeAt(i))) {
      i++;
      continue;
    }
    if (c === '/') {
      selfClosing = html[i + 1] === '>';
      i++;
      continue;
    }
    selfClosing = false;
    // Attribute name: up to whitespace, "/", ">" or "=" (a leading "=" belongs to the name).
    const nameStart = i;
    i++;
    while (i < n && !isSpace(html.charCodeAt(i)) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++;
    const attrName = html.slice(nameStart, i).toLowerCase();
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (i < n && isSpace(html.charCodeAt(i))) i++;
      const q = html[i];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, i + 1);
        const end = close === -1 ? n : close;
        value = html.slice(i + 1, end);
        i = end + 1;
      } else {
        const vs = i;
        while (i < n && !isSpace(html.charCodeAt(i)) && html[i] !== '>') i++;
        value = html.slice(vs, i);
      }
    }
    if (!(attrName in attributes)) attributes[attrName] = decodeHtmlEntities(value);
  }
  return { name, attributes, selfClosing, end: n };
}

/** The matching `</name` (any case) followed by whitespace, "/" or ">"; or the end of input. */
function findEndTag(html: string, name: string, from: number): { start: number; end: number } {
  const needle = `</${name}`;
  let p = from;
  for (;;) {
    const at = indexOfIgnoreCase(html, needle, p);
    if (at === -1) return { start: html.length, end: html.length };
    const c = html.charCodeAt(at + needle.length);
    if (Number.isNaN(c) || isSpace(c) || c === 0x2f || c === 0x3e) {
      const close = html.indexOf('>', at + needle.length);
      return { start: at, end: close === -1 ? html.length : close + 1 };
    }
    p = at + needle.length;
  }
}

function indexOfIgnoreCase(html: string, needle: string, from: number): number {
  // Tag names are ASCII: search for "</" and compare the name case-insensitively, which avoids
  // lower-casing a whole (possibly multi-megabyte) document per raw-text element.
  let p = html.indexOf('</', from);
  while (p !== -1) {
    if (html.slice(p, p + needle.length).toLowerCase() === needle) return p;
    p = html.indexOf('</', p + 2);
  }
  return -1;
}

function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/**
 * Builds the output text the way a browser lays out text: collapsible whitespace, and block
 * boundaries that become at most `level` line breaks between two pieces of text (never at the
 * start or the end, and never doubled by nested blocks).
 */
class TextOutput {
  private parts: string[] = [];
  private size = 0;
  private started = false;
  private pendingBreak = 0;
  private pendingSpace = false;
  private pendingCell = false;
  // Newlines at the end of the output so far (capped at 2), to merge breaks.
  private trailingNewlines = 0;

  get length(): number {
    return this.size;
  }

  since(offset: number): string {
    return this.parts.join('').slice(offset);
  }

  block(level: number): void {
    if (this.started) this.pendingBreak = Math.max(this.pendingBreak, level);
    this.pendingCell = false;
  }

  lineBreak(): void {
    if (!this.started) return;
    this.flushBreak();
    // Runs of <br> are capped at one blank line, as for paragraphs.
    if (this.trailingNewlines < 2) this.write('\n');
    this.pendingSpace = false;
  }

  cell(): void {
    if (this.started && this.trailingNewlines === 0 && this.pendingBreak === 0) this.pendingCell = true;
  }

  text(raw: string, preserve: boolean): void {
    if (raw.length === 0) return;
    if (preserve) {
      this.flushBreak();
      this.write(raw);
      this.started = true;
      return;
    }
    let s = raw.replace(/[ \t\n\r\f]+/g, ' ');
    if (s.startsWith(' ')) {
      this.pendingSpace = true;
      s = s.slice(1);
    }
    const trailing = s.endsWith(' ');
    if (trailing) s = s.slice(0, -1);
    if (s.length > 0) {
      if (this.started && this.pendingBreak > 0) this.flushBreak();
      else if (this.pendingCell) this.write('\t');
      else if (this.pendingSpace && this.started && this.trailingNewlines === 0) this.write(' ');
      this.pendingCell = false;
      this.pendingSpace = false;
      this.write(s);
      this.started = true;
    }
    if (trailing) this.pendingSpace = true;
  }

  finish(): string {
    // trimEnd strips exactly what /\s+$/ matches, without retrying the regex at every position
    // of each long whitespace run (quadratic: a 100,000-space <pre> took seconds).
    return this.parts.join('').trimEnd();
  }

  private flushBreak(): void {
    if (this.pendingBreak > this.trailingNewlines) this.write('\n'.repeat(this.pendingBreak - this.trailingNewlines));
    this.pendingBreak = 0;
    this.pendingSpace = false;
    this.pendingCell = false;
  }

  private write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    let k = 0;
    while (k < s.length && k < 2 && s.charCodeAt(s.length - 1 - k) === 0x0a) k++;
    this.trailingNewlines = k === s.length ? Math.min(2, this.trailingNewlines + k) : k;
  }
}
