/**
 * Rich-text memos (on a coding, a source or a code): a tiptap / ProseMirror JSON document in a
 * deliberately small dialect, validated on every write and before every render.
 *
 * **Allowed.** Nodes `doc`, `paragraph`, `text`, `heading` (levels 2–3), `bulletList`,
 * `orderedList`, `listItem`, `blockquote`, `hardBreak`, `mention` (of a code, by id: see
 * {@link MemoMention}); marks `bold`, `italic`, `link`. Links point to `http:`, `https:` or
 * `mailto:` only. The content rules are ProseMirror's for these
 * nodes (a list holds list items, a list item starts with a paragraph, a text node is never
 * empty), so a valid memo always loads into the editor unchanged.
 *
 * **Rejected, not repaired.** Any other node or mark type, any attribute not listed here, any
 * other link scheme (`javascript:`, `data:`, `vbscript:`, relative URLs…), a document deeper
 * than {@link MEMO_MAX_DEPTH} nodes or larger than {@link MEMO_MAX_BYTES} serialized. Silently
 * dropping unknown parts would hide a bug or an attack and lose a researcher's text without
 * telling them; rejecting lets the server action return a message instead.
 *
 * The attributes accepted are exactly those the memo editor (components/memo/memo-editor.tsx)
 * writes: heading `level`; ordered list `start` and `type`; link `href` plus tiptap's `target`,
 * `rel`, `class` and `title`, which {@link ZMemoDoc} bounds but renderers ignore (the memo view
 * always renders its own safe `target`/`rel`); mention `id`, `label` and tiptap's
 * `mentionSuggestionChar` (always `'@'`).
 *
 * Pure TypeScript: used by server actions (validation), the memo view (render) and exports
 * (plain text).
 */
import { z } from 'zod';

/** Largest accepted memo, in bytes of its UTF-8 JSON serialization (200 KB). */
export const MEMO_MAX_BYTES = 200 * 1024;

/**
 * Deepest accepted nesting of nodes, text included: `doc` is level 1, its paragraphs level 2,
 * their text level 3, … (enough for lists nested eight deep).
 */
export const MEMO_MAX_DEPTH = 20;

/**
 * Most nodes a memo may contain. Implied by the byte limit (the smallest node serializes to
 * 16 bytes); checked first so that a hostile, huge document is refused before it is walked.
 */
const MEMO_MAX_NODES = Math.ceil(MEMO_MAX_BYTES / 16);

/** Longest accepted link, in UTF-16 units (browsers and servers handle far less in practice). */
const HREF_MAX = 2048;

/** Longest accepted mention id (a cuid is 25 characters; a UUID 36). */
export const MEMO_MENTION_ID_MAX = 64;

/** Longest accepted mention label, in UTF-16 units. */
export const MEMO_MENTION_LABEL_MAX = 300;

/** A `bold` mark. */
export type MemoBoldMark = { type: 'bold' };
/** An `italic` mark. */
export type MemoItalicMark = { type: 'italic' };
/** A `link` mark; only `href` carries meaning, the other attributes are tiptap's defaults. */
export type MemoLinkMark = {
  type: 'link';
  attrs: {
    href: string;
    target?: string | null;
    rel?: string | null;
    class?: string | null;
    title?: string | null;
  };
};
/** Any mark a memo's text may carry. */
export type MemoMark = MemoBoldMark | MemoItalicMark | MemoLinkMark;

/** A run of text (never empty) with its marks. */
export type MemoText = { type: 'text'; text: string; marks?: MemoMark[] };
/** A line break inside a paragraph (Shift+Enter). */
export type MemoHardBreak = { type: 'hardBreak'; marks?: MemoMark[] };
/**
 * A mention of a code (typed `@` in the memo editor), shown as `@label`. The shape is what
 * tiptap's Mention extension (3.x) serializes: `id` (see {@link isMemoMentionId}), `label` (the
 * code's name when it was mentioned; null shows the id) and `mentionSuggestionChar`, the trigger
 * character, which memos only ever use as `'@'` (optional here, always written by the editor).
 * Like any inline node it may carry marks (bold over a sentence with a mention in it).
 */
export type MemoMention = {
  type: 'mention';
  attrs: { id: string; label: string | null; mentionSuggestionChar?: '@' };
  marks?: MemoMark[];
};
/** Inline content. */
export type MemoInline = MemoText | MemoHardBreak | MemoMention;

/** A paragraph. */
export type MemoParagraph = { type: 'paragraph'; content?: MemoInline[] };
/** A section heading; level 1 is the page's, so memos start at 2. */
export type MemoHeading = { type: 'heading'; attrs: { level: 2 | 3 }; content?: MemoInline[] };
/** A list item: a paragraph, then any blocks (nested lists). */
export type MemoListItem = { type: 'listItem'; content: [MemoParagraph, ...MemoBlock[]] };
/** A bulleted list. */
export type MemoBulletList = { type: 'bulletList'; content: MemoListItem[] };
/** HTML `<ol type>` values. */
export type MemoOrderedListType = '1' | 'a' | 'A' | 'i' | 'I';
/** A numbered list, optionally starting at another number or using letters / roman numerals. */
export type MemoOrderedList = {
  type: 'orderedList';
  attrs?: { start?: number; type?: MemoOrderedListType | null };
  content: MemoListItem[];
};
/** A quotation (e.g. from a participant). */
export type MemoBlockquote = { type: 'blockquote'; content: MemoBlock[] };
/** Block content. */
export type MemoBlock = MemoParagraph | MemoHeading | MemoBulletList | MemoOrderedList | MemoBlockquote;

/** A memo document. */
export type MemoDoc = { type: 'doc'; content: MemoBlock[] };

/** Any node of a memo. */
export type MemoNode = MemoDoc | MemoBlock | MemoListItem | MemoInline;

// ---------------------------------------------------------------------------------------------
// Links

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * Whether `href` may be the target of a memo link: an absolute `http:`, `https:` or `mailto:`
 * URL, at most 2048 characters, without whitespace or control characters.
 *
 * Why so strict: browsers strip leading whitespace and tabs/newlines *inside* a scheme
 * (`" java\tscript:alert(1)"` runs as `javascript:`), so the check is on the raw string, not on
 * a cleaned-up copy, and anything that needs cleaning is refused. Relative URLs are refused
 * too: a memo may be shown on any page, and a relative link would mean something different on
 * each.
 *
 * @param href - the link target as stored.
 * @returns true when the link is safe to render as `<a href>`.
 * @example
 * isSafeMemoHref('https://doi.org/10.1177/1609406917733847'); // true
 * isSafeMemoHref('mailto:ana@example.org'); // true
 * isSafeMemoHref('javascript:alert(1)'); // false
 * isSafeMemoHref('/projects/1'); // false
 */
export function isSafeMemoHref(href: string): boolean {
  if (typeof href !== 'string' || href.length === 0 || href.length > HREF_MAX) return false;
  // Whitespace, C0/C1 controls, DEL, and invisible format characters (which can hide a scheme).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u00a0\u00ad\u2000-\u200f\u2028-\u202f\u205f-\u206f\ufeff]/.test(href)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href);
  if (!scheme || !SAFE_SCHEMES.has(`${scheme[1].toLowerCase()}:`)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (!SAFE_SCHEMES.has(url.protocol)) return false;
  // "http:foo" and "https:/x" parse, but are not what anyone meant by a web link.
  if (url.protocol !== 'mailto:' && !/^https?:\/\/[^/?#]/i.test(href)) return false;
  if (url.protocol === 'mailto:' && href.length <= 'mailto:'.length) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Mentions

/**
 * Whether `id` may be the id of a memo mention: 1–{@link MEMO_MENTION_ID_MAX} characters from
 * `A–Z a–z 0–9 _ -` (cuids, UUIDs, numbers). The narrow alphabet means an id can go into a URL
 * path or a `data-` attribute as it is.
 *
 * @param id - the stored id.
 * @returns true when the id is acceptable.
 * @example
 * isMemoMentionId('clx2m0h7a0001qz8r3k4d5e6f'); // true
 * isMemoMentionId('../admin'); // false
 */
export function isMemoMentionId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= MEMO_MENTION_ID_MAX && /^[A-Za-z0-9_-]+$/.test(id);
}

// ---------------------------------------------------------------------------------------------
// Schema

const ZOptionalString = z.string().max(256).nullable().optional();

const ZMark: z.ZodType<MemoMark> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bold') }),
  z.strictObject({ type: z.literal('italic') }),
  z.strictObject({
    type: z.literal('link'),
    attrs: z.strictObject({
      href: z.string().refine(isSafeMemoHref, {
        message: 'Links must be http(s) or mailto addresses (no javascript:, data: or relative links).',
      }),
      target: ZOptionalString,
      rel: ZOptionalString,
      class: ZOptionalString,
      title: ZOptionalString,
    }),
  }),
]);

const ZMarks = z
  .array(ZMark)
  .max(3)
  .refine((marks) => new Set(marks.map((m) => m.type)).size === marks.length, {
    message: 'A mark appears twice on the same text.',
  })
  .optional();

const ZInline: z.ZodType<MemoInline> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('text'),
    // ProseMirror refuses empty text nodes ("Empty text nodes are not allowed").
    text: z.string().min(1, { message: 'A text node is empty.' }),
    marks: ZMarks,
  }),
  z.strictObject({ type: z.literal('hardBreak'), marks: ZMarks }),
  z.strictObject({
    type: z.literal('mention'),
    attrs: z.strictObject({
      id: z.string().refine(isMemoMentionId, {
        message: `A mention's id must be 1–${MEMO_MENTION_ID_MAX} letters, digits, '_' or '-'.`,
      }),
      label: z
        .string()
        .min(1, { message: "A mention's label is empty." })
        .max(MEMO_MENTION_LABEL_MAX, { message: `A mention's label is longer than ${MEMO_MENTION_LABEL_MAX} characters.` })
        .nullable(),
      mentionSuggestionChar: z.literal('@', { message: "A mention's trigger character must be '@'." }).optional(),
    }),
    marks: ZMarks,
  }),
]);

const ZInlineContent = z.array(ZInline).optional();

const ZParagraph = z.strictObject({ type: z.literal('paragraph'), content: ZInlineContent });

const ZHeading = z.strictObject({
  type: z.literal('heading'),
  attrs: z.strictObject({
    level: z.union([z.literal(2), z.literal(3)], { message: 'Memo headings are level 2 or 3.' }),
  }),
  content: ZInlineContent,
});

// Recursive parts: `z.lazy` defers the reference to ZBlock until parse time.
const ZBlock: z.ZodType<MemoBlock> = z.lazy(() =>
  z.discriminatedUnion('type', [ZParagraph, ZHeading, ZBulletList, ZOrderedList, ZBlockquote]),
);

const ZListItem: z.ZodType<MemoListItem> = z.strictObject({
  type: z.literal('listItem'),
  // tiptap's listItem content expression: "paragraph block*".
  content: z.tuple([ZParagraph], ZBlock),
});

const ZBulletList = z.strictObject({
  type: z.literal('bulletList'),
  content: z.array(ZListItem).min(1, { message: 'A list has no items.' }),
});

const ZOrderedList = z.strictObject({
  type: z.literal('orderedList'),
  attrs: z
    .strictObject({
      start: z.number().int().min(0).max(1_000_000).optional(),
      type: z.enum(['1', 'a', 'A', 'i', 'I']).nullable().optional(),
    })
    .optional(),
  content: z.array(ZListItem).min(1, { message: 'A list has no items.' }),
});

const ZBlockquote = z.strictObject({
  type: z.literal('blockquote'),
  content: z.array(ZBlock).min(1, { message: 'A quotation is empty.' }),
});

const ZDocStructure = z.strictObject({
  type: z.literal('doc', { message: 'A memo must be a document ({ "type": "doc" }).' }),
  content: z.array(ZBlock).min(1, { message: 'A memo document needs at least one paragraph.' }),
});

/**
 * Walks the raw value along `content` arrays only (the one place the schema recurses) without
 * recursion of its own, so a hostile, absurdly deep or cyclic value is refused cheaply instead
 * of overflowing the stack inside zod or JSON.stringify.
 */
function checkShape(value: unknown, ctx: z.RefinementCtx): void {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (++nodes > MEMO_MAX_NODES) {
      ctx.addIssue({ code: 'custom', message: `The memo has more than ${MEMO_MAX_NODES} parts.`, fatal: true });
      return;
    }
    if (depth > MEMO_MAX_DEPTH) {
      ctx.addIssue({
        code: 'custom',
        message: `The memo is nested more than ${MEMO_MAX_DEPTH} levels deep.`,
        fatal: true,
      });
      return;
    }
    if (typeof node !== 'object' || node === null) continue;
    const content = (node as { content?: unknown }).content;
    if (Array.isArray(content)) {
      for (const child of content) stack.push({ node: child, depth: depth + 1 });
    }
  }
}

function checkSize(doc: MemoDoc, ctx: z.RefinementCtx): void {
  const bytes = utf8Length(JSON.stringify(doc));
  if (bytes > MEMO_MAX_BYTES) {
    ctx.addIssue({
      code: 'custom',
      message: `The memo is too long (${Math.ceil(bytes / 1024)} KB; at most ${MEMO_MAX_BYTES / 1024} KB).`,
    });
  }
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * Validates a memo document (tiptap JSON) and returns a fresh copy that contains only the
 * allowed nodes, marks and attributes. Use it in every server action or route that stores a
 * memo, and before rendering a stored one.
 *
 * Checks, in order: nesting ≤ {@link MEMO_MAX_DEPTH} and node count (without recursion);
 * structure (node and mark types, attributes, content rules, safe link targets — see
 * {@link isSafeMemoHref}); serialized size ≤ {@link MEMO_MAX_BYTES}.
 *
 * @example
 * const result = ZMemoDoc.safeParse(JSON.parse(body));
 * if (!result.success) return { ok: false, message: result.error.issues[0].message };
 * await saveMemo(result.data, memoToPlainText(result.data));
 */
export const ZMemoDoc: z.ZodType<MemoDoc> = z
  .unknown()
  .superRefine(checkShape)
  .pipe(ZDocStructure)
  .superRefine(checkSize);

/** Type of a valid memo document (alias of {@link MemoDoc}, in the `T…` naming of lib/validation). */
export type TMemoDoc = MemoDoc;

// ---------------------------------------------------------------------------------------------
// Helpers

/**
 * A new, empty memo: one empty paragraph (what the editor shows for "no memo yet").
 *
 * @returns a valid {@link MemoDoc}.
 * @example
 * emptyMemo(); // { type: 'doc', content: [{ type: 'paragraph' }] }
 */
export function emptyMemo(): MemoDoc {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/**
 * The memo as plain text, for previews, search and exports (CSV/XLSX "Memo" column).
 *
 * Paragraphs, headings and list items each become one line, joined with `\n` (a hard break is a
 * `\n` too). List items are marked like Markdown — `- ` for bullets, `1. `, `2. `… for numbered
 * lists (from the list's `start`) — with nested blocks indented under the item's text; quoted
 * lines get `> `. A mention is written `@` + its label (`@` + its id when it has none). Blank
 * lines at the start and end are dropped. Marks and link targets are dropped: the text is what
 * the researcher wrote.
 *
 * @param doc - a valid memo (validate unknown input with {@link ZMemoDoc} first).
 * @returns the text; '' for an empty memo.
 * @example
 * memoToPlainText({ type: 'doc', content: [
 *   { type: 'paragraph', content: [{ type: 'text', text: 'Two themes:' }] },
 *   { type: 'bulletList', content: [
 *     { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'money' }] }] },
 *     { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'time' }] }] } ] } ] });
 * // 'Two themes:\n- money\n- time'
 */
export function memoToPlainText(doc: MemoDoc): string {
  const lines: string[] = [];
  // `first` is written before the first line of a block, `rest` before each of its other lines
  // (list markers, quote markers and the indentation under them).
  const block = (node: MemoBlock, first: string, rest: string): void => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        inline(node.content ?? []).split('\n').forEach((line, i) => lines.push(`${i === 0 ? first : rest}${line}`));
        return;
      case 'bulletList':
      case 'orderedList': {
        const start = node.type === 'orderedList' ? (node.attrs?.start ?? 1) : 0;
        node.content.forEach((item, i) => {
          const marker = node.type === 'bulletList' ? '- ' : `${start + i}. `;
          // Continuation lines and nested blocks line up under the item's text.
          const inner = `${rest}${' '.repeat(marker.length)}`;
          item.content.forEach((child, j) => {
            if (j === 0) block(child, `${i === 0 ? first : rest}${marker}`, inner);
            else block(child, inner, inner);
          });
        });
        return;
      }
      case 'blockquote':
        node.content.forEach((child, i) => block(child, `${i === 0 ? first : rest}> `, `${rest}> `));
        return;
    }
  };
  for (const node of doc.content) block(node, '', '');
  // The editor often leaves an empty paragraph at the end (after a list, say): drop empty
  // lines at both ends so previews and export cells do not start or end with line breaks.
  let from = 0;
  let to = lines.length;
  while (from < to && lines[from].trim() === '') from++;
  while (to > from && lines[to - 1].trim() === '') to--;
  return lines.slice(from, to).join('\n');
}

function inline(nodes: readonly MemoInline[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.text;
    else if (n.type === 'mention') out += mentionText(n);
    else out += '\n';
  }
  return out;
}

/**
 * How a mention reads as text: `@` + label, or `@` + id when it has no label (as tiptap's
 * Mention renders it).
 *
 * @param mention - a valid mention node.
 * @returns e.g. `'@Trust in institutions'`.
 */
export function mentionText(mention: MemoMention): string {
  return `@${mention.attrs.label ?? mention.attrs.id}`;
}

/**
 * The ids a memo mentions, each once, in the order they first appear — e.g. to list or link the
 * codes a storyline memo names.
 *
 * @param doc - a valid memo.
 * @returns distinct mention ids; [] when the memo mentions nothing.
 * @example
 * memoMentionIds({ type: 'doc', content: [{ type: 'paragraph', content: [
 *   { type: 'mention', attrs: { id: 'c1', label: 'Trust' } },
 *   { type: 'text', text: ' and ' },
 *   { type: 'mention', attrs: { id: 'c2', label: 'Time' } },
 *   { type: 'mention', attrs: { id: 'c1', label: 'Trust' } } ] }] });
 * // ['c1', 'c2']
 */
export function memoMentionIds(doc: MemoDoc): string[] {
  const ids = new Set<string>();
  // Depth-first in document order, without recursion (children pushed in reverse).
  const stack: MemoNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'mention') ids.add(node.attrs.id);
    else if ('content' in node && node.content) {
      const children = node.content as MemoNode[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return [...ids];
}

/**
 * A copy of the memo with each mention passed through `rewrite`: keep it (return the same
 * target), point it at another code (return `{ id, label }`, e.g. after a merge), or turn it
 * into plain `@label` text (return null, e.g. the code was deleted or is not in the project).
 * Marks on a mention stay on its replacement.
 *
 * @param doc - a valid memo.
 * @param rewrite - decides each mention by its id and label.
 * @returns a new valid memo; the input is not changed.
 * @example
 * rewriteMentions(storyline, (m) => (known.has(m.id) ? m : null));
 */
export function rewriteMentions(doc: MemoDoc, rewrite: (mention: { id: string; label: string | null }) => { id: string; label: string | null } | null): MemoDoc {
  const copy = structuredClone(doc);
  const stack: MemoNode[] = [copy];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('content' in node) || !node.content) continue;
    const children = node.content as MemoNode[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.type !== 'mention') {
        stack.push(child);
        continue;
      }
      const target = rewrite({ id: child.attrs.id, label: child.attrs.label });
      if (target) {
        child.attrs = { ...child.attrs, id: target.id, label: target.label };
      } else {
        const text: MemoText = { type: 'text', text: mentionText(child) };
        if (child.marks) text.marks = child.marks.filter((m) => m.type !== 'link');
        if (text.marks?.length === 0) delete text.marks;
        children[i] = text;
      }
    }
  }
  return copy;
}

/**
 * Two memos as one, the second's blocks after the first's (used when codings or codes are
 * merged). Either side may be a stored body that no longer validates, or plain text: it is
 * read as plain text then. The result is cut to the memo size limit by dropping the second
 * memo's last blocks, never the first memo's.
 *
 * @param first - the memo that is kept (a memo document, or text; an invalid document keeps
 *   its valid blocks).
 * @param second - the memo appended to it.
 * @returns a valid memo.
 */
export function concatMemos(first: unknown, second: unknown): MemoDoc {
  const read = (value: unknown): MemoDoc => {
    const parsed = ZMemoDoc.safeParse(value);
    if (parsed.success) return parsed.data;
    if (typeof value === 'string') return plainTextToMemo(value.slice(0, MEMO_MAX_BYTES / 4));
    // An over-long or partly invalid document: keep the blocks that are valid on their own.
    const content = (value as { content?: unknown } | null)?.content;
    const blocks = Array.isArray(content)
      ? content.flatMap((block) => {
          const one = ZMemoDoc.safeParse({ type: 'doc', content: [block] });
          return one.success ? one.data.content : [];
        })
      : [];
    return blocks.length > 0 ? { type: 'doc', content: blocks } : emptyMemo();
  };
  const a = read(first);
  const b = read(second);
  const join = (k: number): MemoDoc => ({ type: 'doc', content: [...a.content, ...b.content.slice(0, k)] });
  // The most of the second memo's blocks that fit. Every block is valid on its own, so what can
  // fail is only size, node count and depth, and dropping blocks never makes a valid memo
  // invalid: binary search, not one validation of the whole memo per dropped block (merging
  // two memos near the limit, 2,500 blocks, took 10 s).
  if (ZMemoDoc.safeParse(join(b.content.length)).success) return join(b.content.length);
  let lo = 0; // a count that fits (none of the second memo: `a` is valid)
  let hi = b.content.length; // a count that does not
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (ZMemoDoc.safeParse(join(mid)).success) lo = mid;
    else hi = mid;
  }
  return lo === 0 ? a : join(lo);
}

/**
 * A memo from plain text (a legacy plain memo, an import, a test): one paragraph per line
 * (`\n`, `\r\n` or `\r`), empty lines kept as empty paragraphs. The inverse of
 * {@link memoToPlainText} for text without list or quote markers:
 * `memoToPlainText(plainTextToMemo(t)) === t` when `t` uses `\n` line ends and neither starts nor
 * ends with a blank line.
 *
 * @param text - plain text.
 * @returns a valid memo; {@link emptyMemo} for ''.
 * @throws {RangeError} when the text is too long for a memo ({@link MEMO_MAX_BYTES}).
 * @example
 * plainTextToMemo('first\nsecond');
 * // { type: 'doc', content: [
 * //   { type: 'paragraph', content: [{ type: 'text', text: 'first' }] },
 * //   { type: 'paragraph', content: [{ type: 'text', text: 'second' }] } ] }
 */
export function plainTextToMemo(text: string): MemoDoc {
  if (text === '') return emptyMemo();
  const doc: MemoDoc = {
    type: 'doc',
    content: text
      .split(/\r\n|\r|\n/)
      .map((line): MemoParagraph => (line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] })),
  };
  const bytes = utf8Length(JSON.stringify(doc));
  if (bytes > MEMO_MAX_BYTES) {
    throw new RangeError(`text of ${text.length} characters is too long for a memo (${bytes} bytes as a document; at most ${MEMO_MAX_BYTES})`);
  }
  return doc;
}

/**
 * Whether a memo has no words: every text node is whitespace (only empty paragraphs, empty
 * list items, …) and nothing is mentioned. Such a memo is "no memo" — store nothing instead of it.
 *
 * @param doc - a valid memo.
 * @returns true when the memo contains no non-whitespace text.
 * @example
 * isMemoEmpty(emptyMemo()); // true
 * isMemoEmpty(plainTextToMemo('Money matters')); // false
 */
export function isMemoEmpty(doc: MemoDoc): boolean {
  const stack: MemoNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      if (node.text.trim() !== '') return false;
    } else if (node.type === 'mention') {
      return false;
    } else if ('content' in node && node.content) {
      stack.push(...(node.content as MemoNode[]));
    }
  }
  return true;
}
