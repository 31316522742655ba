import { describe, expect, it } from 'vitest';

import { decodeText } from '../decode-text';
import { readFixture } from '../fixtures/read-fixture';
import { importMarkdown, markdownToText } from './md';

describe('importMarkdown', () => {
  it('imports the field notes fixture as reading text with front-matter metadata', () => {
    const source = importMarkdown(decodeText(readFixture('fieldnotes.md')), 'fieldnotes');
    expect(source).toMatchObject({ format: 'md', title: 'Field notes, day 1', metadata: { author: 'Ana Lima', created: '2024-03-05' } });
    expect(source.text).toBe(
      [
        'Arrival at the market',
        '',
        'Met Dona Rosa at the fish stall. She was tired but',
        'talkative — see notes_v2 and snake_case_names.',
        '',
        '"We open at five, every day."',
        '',
        '- prices rose',
        '- fewer customers 😟',
        '',
        'raw **code** stays',
        '',
        'Setext heading',
        '',
        'Escaped *stars* stay.',
      ].join('\n'),
    );
  });

  it('takes the title from the first level-1 heading without front matter, else the file name', () => {
    expect(importMarkdown(decodeText(new TextEncoder().encode('intro\n\n# Real title\n\n## Sub')), 'f').title).toBe('Real title');
    expect(importMarkdown(decodeText(new TextEncoder().encode('Title\n=====\n\ntext')), 'f').title).toBe('Title');
    expect(importMarkdown(decodeText(new TextEncoder().encode('## only h2')), 'file name').title).toBe('file name');
  });
});

describe('markdownToText', () => {
  it('removes emphasis but keeps intraword underscores, arithmetic stars and inline code', () => {
    expect(markdownToText('**bold** __strong__ *em* _em_ ~~gone~~ snake_case_var 2 * 3 `a*b*c`').text).toBe(
      'bold strong em em gone snake_case_var 2 * 3 a*b*c',
    );
  });

  it('replaces links and images by their text and drops reference definitions', () => {
    expect(markdownToText('See [the report](http://x.org/a(b)) and ![a chart](c.png) and [ref][1].\n\n[1]: http://x').text).toBe(
      'See the report and a chart and ref.',
    );
  });

  it('keeps fenced code verbatim and removes the fences', () => {
    expect(markdownToText('~~~~\n# not a heading\n**x**\n~~~~\nafter').text).toBe('# not a heading\n**x**\nafter');
  });

  it('keeps Chinese, emoji and right-to-left text', () => {
    expect(markdownToText('# 标题\n\n**重要** 👍🏽 שלום').text).toBe('标题\n\n重要 👍🏽 שלום');
  });
});

// Regressions: each of these lines took seconds (k²/2 regex steps) before the patterns were
// bounded; the results are checked at a size where the old code would time out.
describe('markdownToText on long lines', () => {
  it('reads a heading with a 200,000-space run and a closing sequence', () => {
    const run = ' '.repeat(200_000);
    expect(markdownToText(`# Title${run}words ##   \n\ntext`)).toEqual({ text: `Title${run}words\n\ntext`, firstH1: `Title${run}words` });
    expect(markdownToText(`## a${run}`).text).toBe('a');
  });

  it('keeps 100,000 unclosed "**", "__", "~~" and "[" and still strips the closed ones', () => {
    const openers = '**a __b ~~c [d '.repeat(100_000);
    expect(markdownToText(`**bold** ${openers}`).text).toBe(`bold ${openers}`.trimEnd());
    expect(markdownToText(openers).text).toBe(openers.trimEnd());
    // A closer at the very end: the first opener before it takes everything up to it.
    expect(markdownToText(`${openers}x**`).text).toBe(`a __b ~~c [d ${openers.slice(15)}x`);
  });

  it('keeps 100,000 "[" before a "]" that closes no link, and reads the links after it', () => {
    const brackets = '[a '.repeat(100_000);
    expect(markdownToText(`${brackets}] [link](http://x "t") ![img](y) [ref][r]`).text).toBe(`${brackets}] link img ref`);
    expect(markdownToText(`${brackets}](x) b`).text).toBe(`${brackets.slice(1)} b`);
  });

  it('drops 300,000 trailing spaces and blank lines', () => {
    expect(markdownToText(`text${' '.repeat(300_000)}\n${'   \n'.repeat(50_000)}`).text).toBe('text');
  });
});
