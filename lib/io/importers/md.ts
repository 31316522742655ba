/**
 * Markdown (.md): field notes and memos written in Obsidian, Typora or a plain editor. The
 * stored text is the *reading* text: syntax that only marks up (heading `#`s, emphasis
 * markers, link targets, code fences, block-quote `>`s, YAML front matter) is removed, the
 * words stay. List markers stay, as they read naturally ("- item", "1. item").
 *
 * No Markdown parser is a dependency, so this follows CommonMark for the common constructs
 * only; anything not recognised is kept verbatim (losing a `*` is worse than showing one).
 * Code blocks and inline code are kept exactly.
 */
import type { DecodedText } from '../decode-text';
import { replaceBefore } from '../linear-replace';
import type { ImportedSource, SourceMetadata } from '../types';

/**
 * Import a decoded Markdown file.
 *
 * @param decoded - the output of `decodeText`.
 * @param fallbackTitle - the file name without extension.
 * @returns the reading text; title from front matter `title:`, else the first level-1 heading.
 * @example
 * importMarkdown(decodeText(bytes), 'fieldnotes-day1').text;
 */
export function importMarkdown(decoded: DecodedText, fallbackTitle: string): ImportedSource {
  const { body, frontMatter } = splitFrontMatter(decoded.text);
  const { text, firstH1 } = markdownToText(body);
  const metadata: SourceMetadata = {};
  if (frontMatter.author) metadata.author = frontMatter.author;
  if (frontMatter.date) metadata.created = frontMatter.date;
  if (frontMatter.tags) metadata.keywords = frontMatter.tags;
  const result: ImportedSource = {
    text,
    format: 'md',
    title: frontMatter.title || firstH1 || fallbackTitle,
    encoding: decoded.encoding,
    warnings: [...decoded.warnings],
  };
  if (Object.keys(metadata).length > 0) result.metadata = metadata;
  return result;
}

function splitFrontMatter(text: string): { body: string; frontMatter: Record<string, string> } {
  const frontMatter: Record<string, string> = {};
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { body: text, frontMatter };
  for (const line of m[1].split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv && kv[2].trim()) frontMatter[kv[1].toLowerCase()] = kv[2].trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { body: text.slice(m[0].length).replace(/^\n+/, ''), frontMatter };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S+/;

/**
 * Markdown → reading text, line by line.
 *
 * @param md - Markdown with `\n` line endings.
 * @returns the text and the first level-1 heading.
 * @example
 * markdownToText('# Day 1\n\nMet **Ana** at the [market](http://x).').text; // 'Day 1\n\nMet Ana at the market.'
 */
export function markdownToText(md: string): { text: string; firstH1?: string } {
  const out: string[] = [];
  let firstH1: string | undefined;
  let fence: string | undefined;
  const lines = md.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      // A closing fence is at least as long as the opening one, of the same character.
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && line.trim() === fenceMatch[1]) {
        fence = undefined;
      } else {
        out.push(line);
      }
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    const prev = out.length > 0 ? out[out.length - 1] : '';
    const setext = SETEXT.exec(line);
    if (setext && prev.trim() !== '' && !THEMATIC_BREAK.exec(prev)) {
      // "Title\n=====": the underline only marks the previous line as a heading.
      if (setext[1][0] === '=' && firstH1 === undefined) firstH1 = prev.trim();
      continue;
    }
    if (THEMATIC_BREAK.exec(line)) {
      out.push('');
      continue;
    }
    if (LINK_DEFINITION.exec(line)) continue;
    const atx = parseAtxHeading(line);
    if (atx) {
      const heading = inline(atx.text);
      if (atx.level === 1 && firstH1 === undefined) firstH1 = heading.trim();
      out.push(heading);
      continue;
    }
    out.push(inline(line.replace(/^( {0,3}>[ \t]?)+/, '')));
  }
  const text = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd(); // not /\s+$/: quadratic on a long whitespace run (see ../linear-replace.ts)
  return { text, firstH1: firstH1 || undefined };
}

/**
 * An ATX heading line (`## Title ##`): its level and text, or undefined. The same as matching
 * `/^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/`, without that regex's cost: its lazy
 * text retries the closing pattern at every position, each retry scanning the blanks that
 * follow, so a heading with a run of k spaces took k²/2 steps.
 */
function parseAtxHeading(line: string): { level: number; text: string } | undefined {
  const n = line.length;
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 0x20) i++;
  let h = i;
  while (h < n && line.charCodeAt(h) === 0x23 /* # */) h++;
  const level = h - i;
  if (level < 1 || level > 6 || (h < n && !isBlank(line.charCodeAt(h)))) return undefined;
  // `.` in the regex stops at line terminators other than \n: such a line is no heading.
  if (/[\r\u2028\u2029]/.test(line)) return undefined;
  let a = h;
  while (a < n && isBlank(line.charCodeAt(a))) a++;
  let e = n;
  while (e > a && isBlank(line.charCodeAt(e - 1))) e--;
  // A closing sequence: blanks, then #s, at the end (the text is as short as possible).
  let k = e;
  while (k > a && line.charCodeAt(k - 1) === 0x23) k--;
  if (k < e && k > a && isBlank(line.charCodeAt(k - 1))) {
    e = k;
    while (e > a && isBlank(line.charCodeAt(e - 1))) e--;
  }
  return { level, text: line.slice(a, e) };
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

// What follows the text of a link or image: `](url "title")`, and of a reference link: `][ref]`.
const LINK_TAIL = /\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/y;
const REF_TAIL = /\]\[[^\]]*\]/y;

/**
 * Replace `open` + text + `tail` by the text: the same as `s.replace(re, '$1')` with
 * `re = /!\[([^\]]*)\]…/g` (open '![') or `/\[([^\]]+)\]…/g` (open '['), where … is the tail.
 * The regex would retry at every "[" before a "]" that has no valid tail, each retry scanning
 * to that "]" (quadratic: 20,000 "[a " before one "]" took 1.2 s). All those retries reach the
 * same "]" and fail the same way, so here the search moves on past it.
 */
function unwrapBrackets(s: string, open: '![' | '[', tail: RegExp): string {
  let out = '';
  let copied = 0;
  for (let i = s.indexOf(open); i !== -1; ) {
    const textStart = i + open.length;
    const close = s.indexOf(']', textStart);
    if (close === -1) break;
    if (close > textStart || open === '![') {
      tail.lastIndex = close;
      const m = tail.exec(s);
      if (m) {
        out += s.slice(copied, i) + s.slice(textStart, close);
        copied = close + m[0].length;
        i = s.indexOf(open, copied);
        continue;
      }
    }
    i = s.indexOf(open, close + 1);
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/**
 * The end of the last closing `marker` (two characters) in `s`: one after a non-whitespace
 * character, and for `__` not followed by a letter, digit or `_`; 0 when there is none.
 */
function closerEnd(s: string, marker: '**' | '__' | '~~'): number {
  for (let j = s.lastIndexOf(marker); j > 0; j = s.lastIndexOf(marker, j - 1)) {
    if (/\s/.test(s[j - 1])) continue;
    if (marker === '__' && j + 2 < s.length && /[\p{L}\p{N}_]/u.test(String.fromCodePoint(s.codePointAt(j + 2)!))) continue;
    return j + 2;
  }
  return 0;
}

/** Inline syntax outside code spans: images, links, emphasis, strikethrough, escapes. */
function inline(line: string): string {
  // Split off code spans (`code`, ``co`de``): their content is kept exactly.
  const parts: string[] = [];
  let rest = line;
  for (;;) {
    const open = /`+/.exec(rest);
    if (!open) break;
    const ticks = open[0];
    const closeAt = findClosingTicks(rest, ticks, open.index + ticks.length);
    if (closeAt === -1) break;
    parts.push(inlineText(rest.slice(0, open.index)));
    let code = rest.slice(open.index + ticks.length, closeAt);
    if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim()) code = code.slice(1, -1);
    parts.push(code);
    rest = rest.slice(closeAt + ticks.length);
  }
  parts.push(inlineText(rest));
  return parts.join('');
}

function findClosingTicks(s: string, ticks: string, from: number): number {
  const re = /`+/g;
  re.lastIndex = from;
  for (let m = re.exec(s); m; m = re.exec(s)) if (m[0].length === ticks.length) return m.index;
  return -1;
}

function inlineText(line: string): string {
  let s = line;
  // Images before links: ![alt](src) → alt. Then [text](url "title") and [text][ref] → text.
  s = unwrapBrackets(s, '![', LINK_TAIL);
  s = unwrapBrackets(s, '[', LINK_TAIL);
  s = unwrapBrackets(s, '[', REF_TAIL);
  // <https://…> autolinks → the address.
  s = s.replace(/<((?:https?|mailto):[^\s<>]+)>/g, '$1');
  // **strong**, __strong__, ~~strike~~: cut after the last closer (a `**` after a non-space;
  // `__` also not before a letter, digit or `_`), so every opener before it finds one.
  s = replaceBefore(s, closerEnd(s, '**'), /\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1');
  s = replaceBefore(s, closerEnd(s, '__'), /(^|[^\p{L}\p{N}_])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/gu, '$1$2');
  s = replaceBefore(s, closerEnd(s, '~~'), /~~(?=\S)([\s\S]*?\S)~~/g, '$1');
  return (
    s
      // *em* (allowed inside words) and _em_ (not inside words, so snake_case survives).
      .replace(/(^|[^\\*])\*(?=[^\s*])([^*]*?[^\s*\\])\*(?!\*)/g, '$1$2')
      .replace(/(^|[^\p{L}\p{N}_\\])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1$2')
      // Backslash escapes of ASCII punctuation: \* → *.
      .replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, '$1')
  );
}
