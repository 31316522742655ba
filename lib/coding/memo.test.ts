import { describe, expect, it } from 'vitest';

import {
  MEMO_MAX_BYTES,
  MEMO_MAX_DEPTH,
  MEMO_MENTION_ID_MAX,
  MEMO_MENTION_LABEL_MAX,
  ZMemoDoc,
  concatMemos,
  emptyMemo,
  isMemoEmpty,
  isMemoMentionId,
  isSafeMemoHref,
  memoMentionIds,
  memoToPlainText,
  plainTextToMemo,
  rewriteMentions,
  type MemoBlock,
  type MemoDoc,
} from './memo';

const text = (t: string, marks?: unknown[]) => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const p = (...content: unknown[]) => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' });
const li = (...content: unknown[]) => ({ type: 'listItem', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
/** A mention as tiptap's Mention extension (3.34) serializes it. */
const mention = (id: string, label: string | null = null) => ({ type: 'mention', attrs: { id, label, mentionSuggestionChar: '@' } });
const link = (href: string) => ({
  type: 'link',
  attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null },
});

/** A document using every allowed node, mark and attribute, as the editor writes them. */
const RICH = doc(
  { type: 'heading', attrs: { level: 2 }, content: [text('Emerging theme')] },
  p(text('Money ', [{ type: 'bold' }]), text('and', [{ type: 'bold' }, { type: 'italic' }]), { type: 'hardBreak' }, text('time 钱和时间 🎉')),
  {
    type: 'bulletList',
    content: [
      li(p(text('first')), { type: 'orderedList', attrs: { start: 3, type: null }, content: [li(p(text('nested')))] }),
      li(p(text('see '), text('the paper', [link('https://doi.org/10.1177/1609406917733847')]))),
    ],
  },
  { type: 'orderedList', attrs: { start: 1, type: 'a' }, content: [li(p(text('mail', [link('mailto:ana@example.org')])))] },
  { type: 'blockquote', content: [p(text('“We never had time.”'))] },
  { type: 'heading', attrs: { level: 3 }, content: [text('Next')] },
  p(),
);

const issues = (value: unknown) => {
  const result = ZMemoDoc.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('ZMemoDoc: accepts the dialect', () => {
  it('accepts a document with every allowed node, mark and attribute, and returns an equal copy', () => {
    const result = ZMemoDoc.safeParse(RICH);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(RICH);
    expect(result.data).not.toBe(RICH);
  });

  it('accepts emptyMemo() and what plainTextToMemo() makes', () => {
    expect(ZMemoDoc.safeParse(emptyMemo()).success).toBe(true);
    expect(ZMemoDoc.safeParse(plainTextToMemo('a\n\nb 😀')).success).toBe(true);
  });

  it('accepts empty paragraphs with and without an empty content array, and marks on a hard break', () => {
    expect(issues(doc(p(), { type: 'paragraph', content: [] }))).toEqual([]);
    expect(issues(doc(p(text('a'), { type: 'hardBreak', marks: [{ type: 'bold' }] })))).toEqual([]);
  });

  it('accepts mentions as the editor writes them, with or without a label, marks or the trigger character', () => {
    const value = doc(
      p(text('The core: '), mention('clx2m0h7a0001qz8r3k4d5e6f', 'Trust in institutions'), text(' shapes '), mention('c-2_b')),
      { type: 'heading', attrs: { level: 2 }, content: [mention('c3', 'Time')] },
      p({ type: 'mention', attrs: { id: 'c4', label: '钱 <b>' }, marks: [{ type: 'bold' }] }),
      p(mention('x'.repeat(MEMO_MENTION_ID_MAX), 'y'.repeat(MEMO_MENTION_LABEL_MAX))),
    );
    const result = ZMemoDoc.safeParse(value);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(result.data).toEqual(value);
  });

  it(`accepts nesting of exactly ${MEMO_MAX_DEPTH} levels`, () => {
    let node: unknown = p(text('deep'));
    // doc (1) + 17 blockquotes + paragraph + text = 20 levels.
    for (let i = 0; i < MEMO_MAX_DEPTH - 3; i++) node = { type: 'blockquote', content: [node] };
    expect(issues(doc(node))).toEqual([]);
  });
});

describe('ZMemoDoc: rejects hostile and malformed input', () => {
  it.each([null, undefined, 'a string', 42, [], {}, { type: 'doc' }, { type: 'doc', content: [] }, { type: 'paragraph' }])(
    'rejects %j',
    (value) => {
      expect(ZMemoDoc.safeParse(value).success).toBe(false);
    },
  );

  it.each([
    ['an image', { type: 'image', attrs: { src: 'https://evil.example/x.png' } }],
    ['a code block', { type: 'codeBlock', content: [text('x')] }],
    ['a script node', { type: 'script', content: [text('alert(1)')] }],
    ['a horizontal rule', { type: 'horizontalRule' }],
    ['a raw HTML node', { type: 'html', html: '<img src=x onerror=alert(1)>' }],
    ['a text node at block level', text('loose')],
  ])('rejects %s', (_, node) => {
    expect(issues(doc(node)).length).toBeGreaterThan(0);
  });

  it.each([
    ['underline', { type: 'underline' }],
    ['code', { type: 'code' }],
    ['textStyle', { type: 'textStyle', attrs: { color: 'red' } }],
    ['a bold mark with attrs', { type: 'bold', attrs: { style: 'x' } }],
  ])('rejects the mark %s', (_, mark) => {
    expect(issues(doc(p(text('x', [mark])))).length).toBeGreaterThan(0);
  });

  it.each([
    ['a style on a paragraph', doc({ type: 'paragraph', attrs: { style: 'background:url(javascript:alert(1))' } })],
    ['an event handler on the doc', { type: 'doc', content: [p()], attrs: { onclick: 'alert(1)' } }],
    ['an extra key on a text node', doc(p({ type: 'text', text: 'x', html: '<b>x</b>' }))],
    ['an id on a list item', doc({ type: 'bulletList', content: [{ type: 'listItem', attrs: { id: 'x' }, content: [p()] }] })],
    ['a class on a heading', doc({ type: 'heading', attrs: { level: 2, class: 'x' } })],
    ['attrs on a bullet list', doc({ type: 'bulletList', attrs: { type: 'disc' }, content: [li(p())] })],
    ['an unknown link attribute', doc(p(text('x', [{ type: 'link', attrs: { href: 'https://a.b', onmouseover: 'x' } }])))],
    ['an unknown ordered list attribute', doc({ type: 'orderedList', attrs: { start: 1, reversed: true }, content: [li(p())] })],
  ])('rejects unknown attributes: %s', (_, value) => {
    expect(issues(value).length).toBeGreaterThan(0);
  });

  it.each([
    ['an extra attribute', { type: 'mention', attrs: { id: 'c1', label: 'Trust', href: 'javascript:alert(1)' } }],
    ['an extra key', { type: 'mention', attrs: { id: 'c1', label: 'Trust' }, content: [text('x')] }],
    ['no id', { type: 'mention', attrs: { label: 'Trust' } }],
    ['a null id (tiptap default)', { type: 'mention', attrs: { id: null, label: 'Trust' } }],
    ['an empty id', { type: 'mention', attrs: { id: '', label: 'Trust' } }],
    [`an id over ${MEMO_MENTION_ID_MAX} characters`, { type: 'mention', attrs: { id: 'x'.repeat(MEMO_MENTION_ID_MAX + 1), label: 'Trust' } }],
    ['an id with a path in it', { type: 'mention', attrs: { id: '../admin', label: 'Trust' } }],
    ['a numeric id', { type: 'mention', attrs: { id: 7, label: 'Trust' } }],
    ['no label key', { type: 'mention', attrs: { id: 'c1' } }],
    ['an empty label', { type: 'mention', attrs: { id: 'c1', label: '' } }],
    [`a label over ${MEMO_MENTION_LABEL_MAX} characters`, { type: 'mention', attrs: { id: 'c1', label: 'y'.repeat(MEMO_MENTION_LABEL_MAX + 1) } }],
    ['another trigger character', { type: 'mention', attrs: { id: 'c1', label: 'Trust', mentionSuggestionChar: '#' } }],
    ['no attrs', { type: 'mention' }],
  ])('rejects a mention with %s', (_, node) => {
    expect(issues(doc(p(node))).length).toBeGreaterThan(0);
  });

  it('rejects a mention at block level', () => {
    expect(issues(doc(mention('c1', 'Trust'))).length).toBeGreaterThan(0);
  });

  it('rejects __proto__ and constructor keys (prototype pollution) and leaves Object.prototype alone', () => {
    const parsed = JSON.parse('{"type":"doc","content":[{"type":"paragraph"}],"__proto__":{"polluted":true}}');
    expect(issues(parsed).length).toBeGreaterThan(0);
    expect(issues(JSON.parse('{"type":"doc","content":[{"type":"paragraph","constructor":{"prototype":{"x":1}}}]}')).length).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['level 1', 1],
    ['level 4', 4],
    ['level "2" as a string', '2'],
  ])('rejects heading %s', (_, level) => {
    expect(issues(doc({ type: 'heading', attrs: { level }, content: [text('x')] }))).toContain('Memo headings are level 2 or 3.');
  });

  it('rejects a heading without a level', () => {
    expect(issues(doc({ type: 'heading', content: [text('x')] })).length).toBeGreaterThan(0);
  });

  it.each([
    ['type "x"', { type: 'x' }],
    ['type "disc"', { type: 'disc' }],
    ['a negative start', { start: -1 }],
    ['a fractional start', { start: 1.5 }],
    ['a string start', { start: '1' }],
    ['NaN start', { start: Number.NaN }],
  ])('rejects an ordered list with %s', (_, attrs) => {
    expect(issues(doc({ type: 'orderedList', attrs, content: [li(p())] })).length).toBeGreaterThan(0);
  });

  it('enforces the content rules ProseMirror would', () => {
    // An empty text node.
    expect(issues(doc(p(text(''))))).toContain('A text node is empty.');
    // A list item must start with a paragraph.
    expect(issues(doc({ type: 'bulletList', content: [li({ type: 'bulletList', content: [li(p())] })] })).length).toBeGreaterThan(0);
    expect(issues(doc({ type: 'bulletList', content: [li()] })).length).toBeGreaterThan(0);
    // A list holds list items, at least one.
    expect(issues(doc({ type: 'bulletList', content: [p(text('x'))] })).length).toBeGreaterThan(0);
    expect(issues(doc({ type: 'orderedList', content: [] }))).toContain('A list has no items.');
    // A quotation holds blocks, at least one.
    expect(issues(doc({ type: 'blockquote', content: [] }))).toContain('A quotation is empty.');
    expect(issues(doc({ type: 'blockquote', content: [text('x')] })).length).toBeGreaterThan(0);
    // Paragraphs hold inline content only.
    expect(issues(doc(p(p(text('x'))))).length).toBeGreaterThan(0);
    // A list item outside a list.
    expect(issues(doc(li(p()))).length).toBeGreaterThan(0);
    // A hard break has no text.
    expect(issues(doc(p({ type: 'hardBreak', text: 'x' }))).length).toBeGreaterThan(0);
  });

  it('rejects a text that is not a string, and a mark twice on the same text', () => {
    expect(issues(doc(p({ type: 'text', text: 42 }))).length).toBeGreaterThan(0);
    expect(issues(doc(p({ type: 'text', text: { toString: 'x' } }))).length).toBeGreaterThan(0);
    expect(issues(doc(p(text('x', [{ type: 'bold' }, { type: 'bold' }]))))).toContain('A mark appears twice on the same text.');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript\u200b:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/x',
    '/projects/1',
    '//evil.example/x',
    'evil.example',
    '#top',
    'http:evil.example',
    'https:/evil.example',
    'https://',
    'mailto:',
    'https://exa mple.org',
    `https://example.org/${'a'.repeat(3000)}`,
    '',
  ])('rejects the link %j', (href) => {
    expect(isSafeMemoHref(href)).toBe(false);
    expect(issues(doc(p(text('click', [{ type: 'link', attrs: { href } }]))))).toContain(
      'Links must be http(s) or mailto addresses (no javascript:, data: or relative links).',
    );
  });

  it.each(['https://doi.org/10.1177/1609406917733847', 'http://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG', 'mailto:ana@example.org', 'https://例子.测试/路径', 'https://example.org/%E4%B8%AD'])(
    'accepts the link %j',
    (href) => {
      expect(isSafeMemoHref(href)).toBe(true);
      expect(issues(doc(p(text('ok', [{ type: 'link', attrs: { href } }]))))).toEqual([]);
    },
  );

  it('rejects a link without an href, and over-long link attributes', () => {
    expect(issues(doc(p(text('x', [{ type: 'link', attrs: {} }])))).length).toBeGreaterThan(0);
    expect(issues(doc(p(text('x', [{ type: 'link' }])))).length).toBeGreaterThan(0);
    expect(issues(doc(p(text('x', [{ type: 'link', attrs: { href: 'https://a.b', title: 't'.repeat(300) } }])))).length).toBeGreaterThan(0);
  });

  it(`rejects nesting deeper than ${MEMO_MAX_DEPTH} levels`, () => {
    let node: unknown = p(text('deep'));
    // One level more than the test above.
    for (let i = 0; i < MEMO_MAX_DEPTH - 2; i++) node = { type: 'blockquote', content: [node] };
    expect(issues(doc(node))).toEqual([`The memo is nested more than ${MEMO_MAX_DEPTH} levels deep.`]);
  });

  it('rejects absurd nesting (100,000 levels) without a stack overflow', () => {
    let node: unknown = p();
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] };
    expect(issues(doc(node))).toEqual([`The memo is nested more than ${MEMO_MAX_DEPTH} levels deep.`]);
  });

  it('rejects a cyclic value without looping forever', () => {
    const a: { type: string; content: unknown[] } = { type: 'blockquote', content: [] };
    a.content.push(a, a);
    expect(issues(doc(a))).toEqual([`The memo is nested more than ${MEMO_MAX_DEPTH} levels deep.`]);
  });

  it('rejects a very wide document by node count before walking it', () => {
    const wide = { type: 'doc', content: Array.from({ length: 200_000 }, () => p()) };
    expect(issues(wide)[0]).toMatch(/^The memo has more than \d+ parts\.$/);
  });

  it(`rejects more than ${MEMO_MAX_BYTES / 1024} KB, counting UTF-8 bytes`, () => {
    const overhead = JSON.stringify(doc(p(text('')))).length;
    // 3 bytes per CJK character: just under and just over the limit.
    const under = '中'.repeat(Math.floor((MEMO_MAX_BYTES - overhead) / 3));
    expect(issues(doc(p(text(under))))).toEqual([]);
    expect(issues(doc(p(text(`${under}中`))))[0]).toMatch(/^The memo is too long \(\d+ KB; at most 200 KB\)\.$/);
  });
});

describe('memoToPlainText', () => {
  it('writes paragraphs, headings, hard breaks, lists and quotes as lines', () => {
    expect(memoToPlainText(ZMemoDoc.parse(RICH))).toBe(
      [
        'Emerging theme',
        'Money and',
        'time 钱和时间 🎉',
        '- first',
        '  3. nested',
        '- see the paper',
        '1. mail',
        '> “We never had time.”',
        'Next',
      ].join('\n'),
    );
  });

  it('indents continuation lines and later blocks of a list item under its text; nests quotes', () => {
    const value = ZMemoDoc.parse(
      doc(
        { type: 'orderedList', attrs: { start: 9 }, content: [li(p(text('a'), { type: 'hardBreak' }, text('b')), p(text('c'))), li(p(text('d')))] },
        { type: 'blockquote', content: [p(text('q1')), { type: 'bulletList', content: [li(p(text('q2')))] }, { type: 'blockquote', content: [p(text('q3'))] }] },
        { type: 'bulletList', content: [li(p(text('x')), { type: 'blockquote', content: [p(text('y'))] })] },
      ),
    );
    expect(memoToPlainText(value)).toBe(['9. a', '   b', '   c', '10. d', '> q1', '> - q2', '> > q3', '- x', '  > y'].join('\n'));
  });

  it('is empty for an empty memo and drops blank lines at both ends', () => {
    expect(memoToPlainText(emptyMemo())).toBe('');
    expect(memoToPlainText(doc(p(), p(text('a')), p(), p(text('b')), p(), p()) as MemoDoc)).toBe('a\n\nb');
    expect(memoToPlainText(doc(p(text('  ')), p()) as MemoDoc)).toBe('');
  });

  it('writes a mention as @ and its label, or its id when it has none', () => {
    const value = ZMemoDoc.parse(
      doc(
        p(text('Storyline: '), mention('c1', 'Trust in institutions'), text(' erodes '), mention('c2'), { type: 'hardBreak' }, mention('c3', '<b>钱</b>')),
        { type: 'bulletList', content: [li(p(mention('c1', 'Trust in institutions')))] },
      ),
    );
    expect(memoToPlainText(value)).toBe('Storyline: @Trust in institutions erodes @c2\n@<b>钱</b>\n- @Trust in institutions');
  });

  it('writes a <script> tag as the text it is', () => {
    expect(memoToPlainText(doc(p(text('<script>alert(1)</script>'))) as MemoDoc)).toBe('<script>alert(1)</script>');
  });
});

describe('plainTextToMemo', () => {
  it('makes one paragraph per line, keeping empty lines', () => {
    expect(plainTextToMemo('first\r\n\rsecond 😀\nthird')).toEqual(doc(p(text('first')), p(), p(text('second 😀')), p(text('third'))));
  });

  it('gives the empty memo for empty text', () => {
    expect(plainTextToMemo('')).toEqual(emptyMemo());
  });

  it.each(['one line', 'a\nb', 'a\n\nb', '钱和时间\n🎉 e\u0301', '- not a list\n> not a quote', '<b>markup</b> & stays text'])(
    'round-trips %j through memoToPlainText',
    (t) => {
      const memo = plainTextToMemo(t);
      expect(ZMemoDoc.safeParse(memo).success).toBe(true);
      expect(memoToPlainText(memo)).toBe(t);
    },
  );

  it('throws, naming the length, when the text is too long for a memo', () => {
    expect(() => plainTextToMemo('x'.repeat(MEMO_MAX_BYTES))).toThrow(/text of 204800 characters is too long for a memo/);
  });
});

describe('memoMentionIds', () => {
  it('lists the ids mentioned, each once, in document order (nested blocks included)', () => {
    const value = ZMemoDoc.parse(
      doc(
        p(mention('b', 'B'), text(' and '), mention('a', 'A')),
        { type: 'bulletList', content: [li(p(mention('c')), { type: 'blockquote', content: [p(mention('d', 'D'), mention('b', 'B'))] })] },
        p(mention('e', 'E')),
      ),
    );
    expect(memoMentionIds(value)).toEqual(['b', 'a', 'c', 'd', 'e']);
  });

  it('is empty for a memo without mentions', () => {
    expect(memoMentionIds(emptyMemo())).toEqual([]);
    expect(memoMentionIds(ZMemoDoc.parse(RICH))).toEqual([]);
  });
});

describe('isMemoMentionId', () => {
  it.each(['clx2m0h7a0001qz8r3k4d5e6f', '550e8400-e29b-41d4-a716-446655440000', '42', 'a_b', 'x'.repeat(MEMO_MENTION_ID_MAX)])('accepts %j', (id) => {
    expect(isMemoMentionId(id)).toBe(true);
  });

  it.each(['', ' c1', 'c1\n', '../x', 'a/b', 'a?b', 'a%20b', 'x'.repeat(MEMO_MENTION_ID_MAX + 1), null, 7])('refuses %j', (id) => {
    expect(isMemoMentionId(id)).toBe(false);
  });
});

describe('isMemoEmpty', () => {
  it('is true for no text and false for any text', () => {
    expect(isMemoEmpty(emptyMemo())).toBe(true);
    expect(isMemoEmpty(plainTextToMemo('\n \n'))).toBe(true);
    expect(isMemoEmpty(plainTextToMemo('x'))).toBe(false);
    const list: MemoBlock = { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] };
    // An empty bullet has no words either.
    expect(isMemoEmpty({ type: 'doc', content: [list] })).toBe(true);
    // A memo that only mentions a code says something.
    expect(isMemoEmpty(ZMemoDoc.parse(doc(p(mention('c1', 'Trust')))))).toBe(false);
  });
});

describe('rewriteMentions', () => {
  const doc: MemoDoc = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'See ' },
          { type: 'mention', attrs: { id: 'a', label: 'B1 Trust' }, marks: [{ type: 'bold' }] },
          { type: 'text', text: ' and ' },
          { type: 'mention', attrs: { id: 'gone', label: 'C9 Old' } },
        ],
      },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'mention', attrs: { id: 'a', label: 'B1 Trust' } }] }] }] },
    ],
  };

  it('re-points, keeps and turns unknown mentions into @text, everywhere in the document', () => {
    const out = rewriteMentions(doc, (m) => (m.id === 'a' ? { id: 'b', label: 'B2 Trust' } : null));
    expect(memoMentionIds(out)).toEqual(['b']);
    expect(memoToPlainText(out)).toBe('See @B2 Trust and @C9 Old\n- @B2 Trust');
    expect(ZMemoDoc.safeParse(out).success).toBe(true);
    // The bold mark stays on the rewritten mention; the input is untouched.
    expect((out.content[0] as { content: Array<{ marks?: unknown }> }).content[1].marks).toEqual([{ type: 'bold' }]);
    expect(memoMentionIds(doc)).toEqual(['a', 'gone']);
  });
});

describe('concatMemos', () => {
  it('appends the second memo, reads text and invalid bodies as text, and never exceeds the size limit', () => {
    const joined = concatMemos(plainTextToMemo('first'), 'second\nthird');
    expect(memoToPlainText(joined)).toBe('first\nsecond\nthird');
    expect(memoToPlainText(concatMemos({ type: 'nope' }, plainTextToMemo('x')))).toBe('x');
    // 80 paragraphs of 3,000 characters: over the 200 KB limit when joined.
    const big: MemoDoc = { type: 'doc', content: Array.from({ length: 80 }, () => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'y'.repeat(3000) }] })) };
    const capped = concatMemos(plainTextToMemo('keep me'), big);
    expect(ZMemoDoc.safeParse(capped).success).toBe(true);
    expect(memoToPlainText(capped).startsWith('keep me\n')).toBe(true);
    expect(capped.content.length).toBeGreaterThan(1);
    expect(capped.content.length).toBeLessThan(81);
  });

  // Regression: one whole-memo validation per dropped block (2,500 blocks near the limit: 10 s).
  it('keeps exactly as many of 2,500 blocks as fit, for two memos near the limit', () => {
    const first = plainTextToMemo(Array.from({ length: 1200 }, (_, i) => `first memo line ${i} `.repeat(5)).join('\n'));
    const second = plainTextToMemo(Array.from({ length: 2500 }, (_, i) => `second ${i}`).join('\n'));
    const joined = concatMemos(first, second);
    const kept = joined.content.length - first.content.length;
    expect(joined.content.slice(0, first.content.length)).toEqual(first.content);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(second.content.length);
    expect(ZMemoDoc.safeParse(joined).success).toBe(true);
    // One more block would not fit.
    const oneMore = { type: 'doc', content: [...joined.content, second.content[kept]] };
    expect(ZMemoDoc.safeParse(oneMore).success).toBe(false);
  });

  it('keeps the whole second memo when it fits, and only the first when none of it does', () => {
    const first = plainTextToMemo('a\nb');
    expect(memoToPlainText(concatMemos(first, plainTextToMemo('c\nd')))).toBe('a\nb\nc\nd');
    const full = plainTextToMemo('z'.repeat(MEMO_MAX_BYTES - 200));
    expect(concatMemos(full, plainTextToMemo('y'.repeat(1000)))).toEqual(full);
  });
});
