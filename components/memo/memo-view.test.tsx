// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { MemoView } from './memo-view';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const text = (t: string, marks?: unknown[]) => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const p = (...content: unknown[]) => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' });
const li = (...content: unknown[]) => ({ type: 'listItem', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const link = (href: string, extra: Record<string, unknown> = {}) => ({ type: 'link', attrs: { href, ...extra } });

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(ui: React.ReactNode) {
  act(() => root.render(ui));
  return container;
}

describe('MemoView', () => {
  it('renders paragraphs, marks, lists, headings, quotes and line breaks as elements', () => {
    const el = render(
      <MemoView
        value={doc(
          { type: 'heading', attrs: { level: 2 }, content: [text('Theme')] },
          p(text('plain '), text('bold', [{ type: 'bold' }]), text(' '), text('both', [{ type: 'italic' }, { type: 'bold' }]), { type: 'hardBreak' }, text('钱和时间 🎉')),
          { type: 'bulletList', content: [li(p(text('one'))), li(p(text('two')), { type: 'orderedList', attrs: { start: 3, type: 'a' }, content: [li(p(text('nested')))] })] },
          { type: 'orderedList', attrs: { start: 1, type: null }, content: [li(p(text('first')))] },
          { type: 'blockquote', content: [p(text('quoted', [{ type: 'italic' }]))] },
          { type: 'heading', attrs: { level: 3 }, content: [text('Sub')] },
          p(),
        )}
      />,
    );
    const view = el.firstElementChild!;
    expect(Array.from(view.children, (c) => c.tagName)).toEqual(['H4', 'P', 'UL', 'OL', 'BLOCKQUOTE', 'H5', 'P']);
    expect(view.querySelector('h4')!.textContent).toBe('Theme');
    const para = view.querySelector('p')!;
    expect(para.innerHTML).toBe('plain <strong>bold</strong> <strong><em>both</em></strong><br>钱和时间 🎉');
    expect(Array.from(view.querySelectorAll(':scope > ul > li'), (li) => li.firstElementChild!.textContent)).toEqual(['one', 'two']);
    const nested = view.querySelector('ul ol')!;
    expect(nested.getAttribute('start')).toBe('3');
    expect(nested.getAttribute('type')).toBe('a');
    // start=1 is the default: not written.
    expect(view.querySelector(':scope > ol')!.hasAttribute('start')).toBe(false);
    expect(view.querySelector('blockquote em')!.textContent).toBe('quoted');
    // An empty paragraph keeps its line.
    expect(view.lastElementChild!.innerHTML).toBe('<br>');
  });

  it('shows <script> and other markup typed into a memo as text', () => {
    const el = render(<MemoView value={doc(p(text('<script>alert(1)</script> <img src=x onerror=alert(2)> &amp;')))} />);
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toBe('<script>alert(1)</script> <img src=x onerror=alert(2)> &amp;');
  });

  it('renders safe links with its own target and rel, ignoring the stored ones', () => {
    const el = render(
      <MemoView value={doc(p(text('paper', [link('https://doi.org/10.1/x', { target: '_self', rel: 'opener', class: 'evil', title: 't' })])))} />,
    );
    const a = el.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://doi.org/10.1/x');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
    expect(a.className).not.toContain('evil');
    expect(a.hasAttribute('title')).toBe(false);
  });

  it.each([
    ['a javascript: link', doc(p(text('click', [link('javascript:alert(1)')])))],
    ['a data: link', doc(p(text('click', [link('data:text/html,<script>alert(1)</script>')])))],
    ['an unknown node', doc({ type: 'image', attrs: { src: 'x' } })],
    ['an unknown attribute', doc({ type: 'paragraph', attrs: { dangerouslySetInnerHTML: { __html: '<b>x</b>' } } })],
    ['a raw HTML field', { type: 'doc', content: [p(text('click'))], html: '<script>alert(1)</script>' }],
    ['a number', 42],
  ])('refuses to render a memo with %s, showing none of it', (_, value) => {
    const el = render(<MemoView value={value} />);
    expect(el.textContent).toBe('This memo cannot be displayed.');
    expect(el.querySelector('a, script, img, b')).toBeNull();
  });

  it('renders a plain-text memo one paragraph per line', () => {
    const el = render(<MemoView value={'first line\n<b>second</b>'} />);
    expect(Array.from(el.querySelectorAll('p'), (p) => p.textContent)).toEqual(['first line', '<b>second</b>']);
    expect(el.querySelector('b')).toBeNull();
  });

  it('shows emptyText for an empty memo, and pushes headings by headingOffset', () => {
    expect(render(<MemoView value={doc(p(), p(text(' ')))} emptyText="No memo yet." />).textContent).toBe('No memo yet.');
    expect(render(<MemoView value={null} emptyText="No memo yet." />).textContent).toBe('No memo yet.');
    const el = render(<MemoView value={doc({ type: 'heading', attrs: { level: 3 }, content: [text('x')] })} headingOffset={0} />);
    expect(el.querySelector('h3')).not.toBeNull();
    const capped = render(<MemoView value={doc({ type: 'heading', attrs: { level: 3 }, content: [text('x')] })} headingOffset={9} />);
    expect(capped.querySelector('h6')).not.toBeNull();
  });

  describe('mentions', () => {
    const mention = (id: string, label: string | null, marks?: unknown[]) => ({
      type: 'mention',
      attrs: { id, label, mentionSuggestionChar: '@' },
      ...(marks ? { marks } : {}),
    });
    const storyline = doc(
      p(
        text('Because of '),
        mention('c2', 'Trust <img src=x onerror=alert(1)> & "quotes"'),
        text(', people rely on '),
        mention('gone', null),
        text('.'),
      ),
    );
    const href = (id: string) => (id === 'gone' ? null : `/projects/p1/codes/${id}`);

    it('renders a mention as a link to mentionHref(id), its label escaped', () => {
      const el = render(<MemoView value={storyline} mentionHref={href} />);
      const a = el.querySelector<HTMLAnchorElement>('a[data-mention-id]')!;
      expect(a.getAttribute('href')).toBe('/projects/p1/codes/c2');
      expect(a.getAttribute('data-mention-id')).toBe('c2');
      expect(a.className).toContain('mention');
      // Same tab: it is a page of this app, not an outside link.
      expect(a.hasAttribute('target')).toBe(false);
      expect(a.textContent).toBe('@Trust <img src=x onerror=alert(1)> & "quotes"');
      expect(el.querySelector('img')).toBeNull();
      expect(el.textContent).toBe('Because of @Trust <img src=x onerror=alert(1)> & "quotes", people rely on @gone.');
    });

    it('renders a pill without a link when mentionHref gives null or is not given', () => {
      const el = render(<MemoView value={storyline} mentionHref={href} />);
      const span = el.querySelector<HTMLElement>('span[data-mention-id="gone"]')!;
      expect(span.textContent).toBe('@gone');
      expect(span.className).toContain('mention');
      expect(el.querySelectorAll('a')).toHaveLength(1);

      const plain = render(<MemoView value={storyline} />);
      expect(plain.querySelector('a')).toBeNull();
      expect(Array.from(plain.querySelectorAll('span[data-mention-id]'), (s) => s.getAttribute('data-mention-id'))).toEqual(['c2', 'gone']);
    });

    it.each([
      ['javascript:alert(1)', null],
      [' javascript:alert(1)', null],
      ['data:text/html,x', null],
      ['//evil.example/x', null],
      ['/\\evil.example/x', null],
      ['codes/c2', null],
      ['/codes/c2?tab=memos#top', '/codes/c2?tab=memos#top'],
      ['?code=c2', '?code=c2'],
      ['#code-c2', '#code-c2'],
      ['https://example.org/codes/c2', 'https://example.org/codes/c2'],
    ])('uses the address %j only if it is same-site or a safe link', (address, expected) => {
      const el = render(<MemoView value={storyline} mentionHref={() => address} />);
      const a = el.querySelector('a[data-mention-id]');
      expect(a?.getAttribute('href') ?? null).toBe(expected);
    });

    it('keeps bold and italic on a mention, but never puts a link inside a link', () => {
      const value = doc(
        p(mention('c2', 'Trust', [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.org' } }])),
      );
      const linked = render(<MemoView value={value} mentionHref={href} />);
      expect(linked.querySelector('p')!.innerHTML).toMatch(/^<strong><a href="\/projects\/p1\/codes\/c2" class="[^"]*" data-mention-id="c2">@Trust<\/a><\/strong>$/);
      const unlinked = render(<MemoView value={value} />);
      expect(unlinked.querySelector('a')!.getAttribute('href')).toBe('https://example.org');
      expect(unlinked.querySelector('a span[data-mention-id="c2"]')!.textContent).toBe('@Trust');
    });

    it('refuses a memo whose mention is malformed', () => {
      const el = render(<MemoView value={doc(p({ type: 'mention', attrs: { id: 'c2', label: 'x', onclick: 'alert(1)' } }))} mentionHref={href} />);
      expect(el.textContent).toBe('This memo cannot be displayed.');
      expect(el.querySelector('a')).toBeNull();
    });

    it('renders on the server too', () => {
      const html = renderToStaticMarkup(<MemoView value={storyline} mentionHref={href} />);
      expect(html).toContain('data-mention-id="c2">@Trust &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</a>');
    });
  });

  it('renders on the server to the same markup (no client code needed)', () => {
    const html = renderToStaticMarkup(<MemoView value={doc(p(text('a <b>', [{ type: 'bold' }])))} />);
    expect(html).toMatch(/^<div[^>]*><p><strong>a &lt;b&gt;<\/strong><\/p><\/div>$/);
  });
});
