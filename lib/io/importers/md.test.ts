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
