import { describe, expect, it } from 'vitest';

import { NAMED_ENTITIES, decodeHtmlEntities } from './html-entities';
import { htmlToText } from './html-to-text';

describe('decodeHtmlEntities', () => {
  it('decodes named, decimal and hex references', () => {
    expect(decodeHtmlEntities('caf&eacute; &amp; &#x1F600; &#169; &lt;b&gt; &ldquo;q&rdquo;')).toBe('café & 😀 © <b> “q”');
  });

  it('maps &#128;–&#159; to Windows-1252 and invalid code points to U+FFFD', () => {
    expect(decodeHtmlEntities('&#147;x&#148; &#128;')).toBe('“x” €');
    expect(decodeHtmlEntities('&#0; &#xD800; &#x110000; &#99999999999;')).toBe('\ufffd \ufffd \ufffd \ufffd');
  });

  it('accepts legacy names without a semicolon, like browsers', () => {
    expect(decodeHtmlEntities('&copy 2024 &amp &lt;')).toBe('© 2024 & <');
  });

  it('keeps unknown names and bare ampersands as written, and reports unknown names', () => {
    const unknown = new Set<string>();
    expect(decodeHtmlEntities('R&D; AT&T Q&A &bogus; & done', unknown)).toBe('R&D; AT&T Q&A &bogus; & done');
    expect([...unknown].sort()).toEqual(['D', 'bogus']);
  });

  it('has the full HTML 4 Latin-1 set', () => {
    expect(NAMED_ENTITIES.nbsp).toBe('\u00a0');
    expect(NAMED_ENTITIES.yuml).toBe('ÿ');
    expect(NAMED_ENTITIES.Omega).toBe('Ω');
    expect(NAMED_ENTITIES.hellip).toBe('…');
  });
});

describe('htmlToText', () => {
  it('drops scripts, styles, comments, templates and noscript, and never keeps markup', () => {
    const { text } = htmlToText(
      '<style>p{}</style><script>var s = "</p><p>x";</script><!-- <p>c</p> --><p>Visible</p><template><p>t</p></template><noscript>n</noscript>',
    );
    expect(text).toBe('Visible');
  });

  it('finds the end of a script case-insensitively and ignores "</scripts"', () => {
    expect(htmlToText('<SCRIPT>a = "</scripts>";</SCRIPT >after').text).toBe('after');
  });

  it('turns blocks into line breaks and collapses whitespace', () => {
    const { text } = htmlToText('<div>one\n   two</div><div>three</div><p>para</p><p>graph</p>');
    expect(text).toBe('one two\nthree\n\npara\n\ngraph');
  });

  it('keeps inline elements inline and spaces between them', () => {
    expect(htmlToText('<p>a <b>bold</b> <i>move</i>, x<span>y</span></p>').text).toBe('a bold move, xy');
  });

  it('renders <br>, lists, tables and <pre>', () => {
    expect(htmlToText('<p>a<br>b<br/><br>c</p>').text).toBe('a\nb\n\nc');
    expect(htmlToText('<ul><li>one</li><li>two</li></ul>').text).toBe('one\ntwo');
    expect(htmlToText('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>').text).toBe('a\tb\nc\td');
    expect(htmlToText('<pre>\n  x  y\n z</pre>').text).toBe('  x  y\n z');
  });

  it('reads quoted attributes containing ">" without leaking them into the text', () => {
    expect(htmlToText('<p title="a > b" data-x=\'<p>\'>text</p>').text).toBe('text');
  });

  it('treats a "<" that does not start a tag as text', () => {
    expect(htmlToText('<p>5 < 6 and 3<4, a <= b</p>').text).toBe('5 < 6 and 3<4, a <= b');
    // "<b" does start a tag, as in browsers: "a<b</p>" shows only "a".
    expect(htmlToText('<p>a<b</p>').text).toBe('a');
  });

  it('drops an unterminated tag at the end, as browsers do', () => {
    expect(htmlToText('<p>kept</p><a href="x').text).toBe('kept');
  });

  it('decodes entities in text but shows escaped markup as text', () => {
    expect(htmlToText('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; caf&eacute;</p>').text).toBe('<script>alert(1)</script> & café');
  });

  it('keeps Chinese, emoji and right-to-left text, and non-breaking spaces', () => {
    expect(htmlToText('<p>中文 😀 مرحبا&nbsp;שלום</p>').text).toBe('中文 😀 مرحبا\u00a0שלום');
  });

  it('takes the title from <title>, else og:title, else the first <h1>', () => {
    expect(htmlToText('<title> A &amp; B </title><h1>H</h1>').title).toBe('A & B');
    expect(htmlToText('<meta property="og:title" content="OG"><h1>H</h1>').title).toBe('OG');
    expect(htmlToText('<h1>The <em>heading</em></h1><p>x</p>').title).toBe('The heading');
  });

  it('reads author and language metadata', () => {
    const r = htmlToText('<html lang="zh-CN"><meta name="author" content="王五"><p>x</p>');
    expect(r.author).toBe('王五');
    expect(r.language).toBe('zh-CN');
  });

  it('warns about unknown character references', () => {
    expect(htmlToText('<p>&madeup; x</p>').warnings[0]).toMatch(/&madeup;/);
  });

  it('drops <svg> and <select> content including nested elements', () => {
    expect(htmlToText('<p>a</p><svg><g><svg><text>no</text></svg></g></svg><select><option>o</option></select><p>b</p>').text).toBe('a\n\nb');
  });

  // Speed is measured by `npm run bench`, not asserted here (a loaded machine makes timings flaky).
  it('converts a large page whole', () => {
    const html = `<html><body>${'<p>Some <b>bold</b> words &amp; more words in a paragraph.</p>\n'.repeat(20_000)}</body></html>`;
    const { text } = htmlToText(html);
    expect(text.split('\n\n')).toHaveLength(20_000);
  });
});

// Regression: the final /\s+$/ was quadratic on a long whitespace run (50,000 in a <pre>: 2.9 s).
describe('htmlToText on long whitespace', () => {
  it('keeps a 500,000-space run in <pre> and trims the end', () => {
    const run = ' '.repeat(500_000);
    expect(htmlToText(`<pre>a${run}b</pre><p>x</p><pre>${run}\n\n</pre>`).text).toBe(`a${run}b\n\nx`);
  });
});
