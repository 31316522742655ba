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
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
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
    const atx = ATX.exec(line);
    if (atx) {
      const heading = inline(atx[2] ?? '');
      if (atx[1].length === 1 && firstH1 === undefined) firstH1 = heading.trim();
      out.push(heading);
      continue;
    }
    out.push(inline(line.replace(/^( {0,3}>[ \t]?)+/, '')));
  }
  const text = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .replace(/\s+$/, '');
  return { text, firstH1: firstH1 || undefined };
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

function inlineText(s: string): string {
  return (
    s
      // Images before links: ![alt](src) → alt.
      .replace(/!\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1')
      // [text](url "title") and [text][ref] → text.
      .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      // <https://…> autolinks → the address.
      .replace(/<((?:https?|mailto):[^\s<>]+)>/g, '$1')
      // **strong**, __strong__, ~~strike~~.
      .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1')
      .replace(/(^|[^\p{L}\p{N}_])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/gu, '$1$2')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
      // *em* (allowed inside words) and _em_ (not inside words, so snake_case survives).
      .replace(/(^|[^\\*])\*(?=[^\s*])([^*]*?[^\s*\\])\*(?!\*)/g, '$1$2')
      .replace(/(^|[^\p{L}\p{N}_\\])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1$2')
      // Backslash escapes of ASCII punctuation: \* → *.
      .replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, '$1')
  );
}
