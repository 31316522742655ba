// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';

import { createDocPositionIndex, textToDocJSON } from '@/lib/coding/doc-positions';

import { Decoration, DecorationSet } from '@tiptap/pm/view';

import {
  buildCodingDecorations,
  CodingHighlights,
  codingHighlightsKey,
  codingSegments,
  type CodingHighlight,
  type ParagraphDecorationCache,
} from './coding-highlights';
import { ReadOnlySource } from './read-only-source';
import { sourceSchema } from './source-schema';

const TEXT = ['Interviewer: How did you start?', '', '受访者：我们在田野里 🙂 开始了。', 'café e\u0301 end'].join('\n');
const index = createDocPositionIndex(TEXT);
/** Code point range of the first occurrence of `s`. */
const rangeOf = (s: string) => {
  const u = TEXT.indexOf(s);
  if (u < 0) throw new Error(`'${s}' is not in the text`);
  return { start: index.offsets.toCodePoint(u), end: index.offsets.toCodePoint(u + s.length) };
};
const hl = (id: string, codeId: string, color: string, s: string): CodingHighlight => ({
  id,
  codeId,
  color,
  ...index.rangeToPositions(rangeOf(s)),
});

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
  document.body.innerHTML = '';
});

function makeEditor(highlights: CodingHighlight[], activeId: string | null = null, firstPaint?: number) {
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({
    element,
    extensions: [...sourceSchema, ReadOnlySource, CodingHighlights.configure({ initial: { highlights, activeId }, firstPaint })],
    content: textToDocJSON(TEXT),
  });
  return editor;
}

/** The highlighted spans: their text and attributes. */
function spans(ed: Editor) {
  return Array.from(ed.view.dom.querySelectorAll<HTMLElement>('span.gw-coding')).map((el) => ({
    text: el.textContent,
    codings: el.dataset.codingIds,
    codes: el.dataset.codeIds,
    depth: el.dataset.depth,
    cls: el.className,
    style: el.getAttribute('style') ?? '',
  }));
}

describe('CodingHighlights', () => {
  it('renders the stored text one paragraph per line, unchanged', () => {
    const ed = makeEditor([]);
    const paragraphs = Array.from(ed.view.dom.querySelectorAll('p')).map((p) => p.textContent);
    expect(paragraphs).toEqual(TEXT.split('\n'));
    expect(ed.state.doc.textBetween(0, ed.state.doc.content.size, '\n')).toBe(TEXT);
  });

  it('highlights Chinese text and an emoji at the right characters, with the code colour', () => {
    const ed = makeEditor([hl('c1', 'k1', '#2e86ab', '田野里 🙂')]);
    const [span] = spans(ed);
    expect(span.text).toBe('田野里 🙂');
    expect(span.codings).toBe('c1');
    expect(span.codes).toBe('k1');
    expect(span.depth).toBe('1');
    expect(span.style).toMatch(/background-color: rgba\(46, 134, 171, 0\.2\)/);
  });

  it('splits overlapping and nested codings into segments that know every coding over them', () => {
    const ed = makeEditor([
      hl('outer', 'k1', '#d1495b', 'How did you start?'),
      hl('inner', 'k2', '#2e86ab', 'did you'),
      hl('other-coder', 'k1', '#d1495b', 'you start'),
    ]);
    expect(spans(ed).map(({ text, codings, codes, depth }) => ({ text, codings, codes, depth }))).toEqual([
      { text: 'How ', codings: 'outer', codes: 'k1', depth: '1' },
      { text: 'did ', codings: 'outer inner', codes: 'k1 k2', depth: '2' },
      { text: 'you', codings: 'outer inner other-coder', codes: 'k1 k2', depth: '3' },
      { text: ' start', codings: 'outer other-coder', codes: 'k1', depth: '2' },
      { text: '?', codings: 'outer', codes: 'k1', depth: '1' },
    ]);
    const overlap = spans(ed)[1];
    expect(overlap.cls).toContain('gw-coding--overlap');
    // Blend: the mean of #d1495b and #2e86ab, underlined because two codes meet.
    expect(overlap.style).toContain('rgba(128, 104, 131, 0.29)');
    expect(overlap.style).toContain('box-shadow');
  });

  it('highlights a coding across paragraphs (and an empty line) and outlines the active one', () => {
    const ed = makeEditor([hl('x', 'k1', '#3c9d5d', 'start?\n\n受访者')], 'x');
    const s = spans(ed);
    expect(s.map((x) => x.text)).toEqual(['start?', '受访者']);
    expect(s.every((x) => x.cls.includes('gw-coding--active'))).toBe(true);
  });

  it('moves the outline with setActiveCoding without rebuilding the segments', () => {
    const ed = makeEditor([hl('a', 'k1', '#d1495b', 'How did'), hl('b', 'k2', '#2e86ab', 'did you')]);
    const before = codingHighlightsKey.getState(ed.state)!.set;
    ed.commands.setActiveCoding('b');
    expect(codingHighlightsKey.getState(ed.state)!.set).toBe(before);
    const outlined = Array.from(ed.view.dom.querySelectorAll('.gw-coding--active')).map((el) => el.textContent).join('');
    expect(outlined).toBe('did you');
    ed.commands.setActiveCoding(null);
    expect(ed.view.dom.querySelectorAll('.gw-coding--active')).toHaveLength(0);
  });

  it('handles combining characters without splitting them', () => {
    const ed = makeEditor([hl('e', 'k1', '#3c9d5d', 'e\u0301 end')]);
    expect(spans(ed)[0].text).toBe('e\u0301 end');
  });

  it('replaces highlights with the setCodingHighlights command (e.g. a filter)', () => {
    const ed = makeEditor([hl('a', 'k1', '#d1495b', 'How'), hl('b', 'k2', '#2e86ab', 'café')]);
    expect(spans(ed)).toHaveLength(2);
    ed.commands.setCodingHighlights({ highlights: [hl('b', 'k2', '#2e86ab', 'café')] });
    expect(spans(ed).map((s) => s.codings)).toEqual(['b']);
    expect(codingHighlightsKey.getState(ed.state)?.set.find()).toHaveLength(1);
  });

  it('skips empty and out-of-document ranges', () => {
    const ed = makeEditor([
      { id: 'e', codeId: 'k', from: 3, to: 3, color: '#000000' },
      { id: 'o', codeId: 'k', from: 3, to: 10_000, color: '#000000' },
    ]);
    expect(spans(ed)).toEqual([]);
  });
});

describe('buildCodingDecorations', () => {
  const many = () => [
    hl('a', 'k1', '#d1495b', 'How did you start?\n\n受访者'),
    hl('b', 'k2', '#2e86ab', 'did you'),
    hl('c', 'k3', '#3c9d5d', '田野里 🙂 开始了。\ncafé'),
    hl('d', 'k1', '#d1495b', 'e\u0301 end'),
  ];

  it('draws exactly what one DecorationSet.create over the whole document draws', () => {
    const ed = makeEditor(many());
    const fast = ed.view.dom.innerHTML;
    const reference = DecorationSet.create(
      ed.state.doc,
      codingSegments(many(), ed.state.doc.content.size).map((s) => Decoration.inline(s.from, s.to, s.attrs)),
    );
    ed.view.setProps({ decorations: () => reference, plugins: [] });
    ed.view.updateState(ed.state.reconfigure({ plugins: [] }));
    expect(ed.view.dom.innerHTML).toBe(fast);
    expect(fast).toContain('gw-coding');
  });

  it('keeps the set of every paragraph the change does not touch', () => {
    const ed = makeEditor([]);
    const cache: ParagraphDecorationCache = { keys: new Map(), sets: new Map() };
    buildCodingDecorations(ed.state.doc, many(), cache);
    const before = new Map(cache.sets);
    buildCodingDecorations(ed.state.doc, [...many(), hl('e', 'k4', '#7b4fa1', 'end')], cache);
    // Paragraph 3 ("café é end") changed; 0 and 2 are the same objects.
    expect(cache.sets.get(0)).toBe(before.get(0));
    expect(cache.sets.get(2)).toBe(before.get(2));
    expect(cache.sets.get(3)).not.toBe(before.get(3));
  });
});

describe('ReadOnlySource', () => {
  it('refuses document changes but allows selection', () => {
    const ed = makeEditor([hl('a', 'k1', '#d1495b', 'How')]);
    const before = ed.state.doc;
    expect(ed.commands.insertContent('typed')).toBe(true); // the command runs, its transaction is refused
    ed.view.dispatch(ed.state.tr.insertText('x', 1));
    ed.view.dispatch(ed.state.tr.delete(1, 5));
    expect(ed.state.doc).toBe(before);
    ed.commands.setTextSelection({ from: 2, to: 6 });
    expect([ed.state.selection.from, ed.state.selection.to]).toEqual([2, 6]);
    expect(ed.view.dom.getAttribute('aria-readonly')).toBe('true');
    expect(spans(ed)).toHaveLength(1); // highlights survive refused edits
  });

  it('redraws the text when the DOM is edited behind its back (IME, spellcheck)', async () => {
    const ed = makeEditor([]);
    const p = ed.view.dom.querySelector('p')!;
    p.firstChild!.textContent = 'Hacked';
    // ProseMirror's DOM observer reads the change and redraws the unchanged state.
    await new Promise((r) => setTimeout(r, 50));
    (ed.view as unknown as { domObserver: { flush(): void } }).domObserver.flush();
    expect(ed.state.doc.textBetween(0, ed.state.doc.content.size, '\n')).toBe(TEXT);
    expect(ed.view.dom.querySelector('p')!.textContent).toBe(TEXT.split('\n')[0]);
  });
});

// Speed is measured by `npm run bench -- workbench`; here the per-paragraph build must equal
// ProseMirror's own at that size.
describe('buildCodingDecorations at size', () => {
  it('builds 5,000 codings over a 100,000-word text like ProseMirror’s own builder', () => {
    const words = ['we', 'talked', 'about', '田野', 'trust', '🙂', 'and', 'care'];
    const parts: string[] = [];
    for (let i = 0; i < 100_000; i++) parts.push(words[i % words.length] + (i % 40 === 39 ? '\n' : ' '));
    const text = parts.join('');
    const idx = createDocPositionIndex(text);
    const element = document.createElement('div');
    document.body.append(element);
    editor = new Editor({ element, extensions: [...sourceSchema, ReadOnlySource], content: textToDocJSON(text) });
    const n = idx.offsets.length;
    const highlights: CodingHighlight[] = [];
    for (let i = 0; i < 5000; i++) {
      const start = Math.floor((i * (n - 200)) / 5000);
      highlights.push({ id: `c${i}`, codeId: `k${i % 30}`, color: '#2e86ab', ...idx.rangeToPositions({ start, end: start + 30 + (i % 5) * 40 }) });
    }
    const set = buildCodingDecorations(editor.state.doc, highlights);
    // The per-paragraph structure holds the same decorations as ProseMirror's own builder.
    const reference = DecorationSet.create(
      editor.state.doc,
      codingSegments(highlights, editor.state.doc.content.size).map((s) => Decoration.inline(s.from, s.to, s.attrs)),
    );
    // Compare what each text node gets (the reference keeps cross-paragraph segments whole).
    const pieces = (ds: DecorationSet) => {
      const out: string[] = [];
      for (const d of ds.find()) {
        const ids = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-coding-ids'];
        editor!.state.doc.nodesBetween(d.from, d.to, (node, pos) => {
          if (node.isText) out.push(`${Math.max(d.from, pos)}-${Math.min(d.to, pos + node.nodeSize)}:${ids}`);
        });
      }
      return out.sort().join(' ');
    };
    expect(pieces(set)).toBe(pieces(reference));
    expect(set.find().length).toBeGreaterThan(5000);
  }, 60_000);
});

describe('CodingHighlights, drawn in steps (firstPaint)', () => {
  const all = () => [hl('c1', 'k1', '#2e86ab', 'How did you start'), hl('c2', 'k2', '#d1495b', '田野里 🙂'), hl('c3', 'k1', '#2e86ab', 'café')];

  it('draws the first paragraphs at creation and the rest in idle steps, outlining any coding at once', async () => {
    const ed = makeEditor(all(), 'c3', 5);
    expect(spans(ed).map((s) => s.codings)).toEqual(['c1']);
    expect(ed.view.dom.querySelector('.gw-coding--active')?.textContent).toBe('café');
    for (let i = 0; i < 20 && codingHighlightsKey.getState(ed.state)?.drawnTo !== Infinity; i++) await new Promise((r) => setTimeout(r, 0));
    expect(codingHighlightsKey.getState(ed.state)?.drawnTo).toBe(Infinity);
    expect(spans(ed).map((s) => s.codings)).toEqual(['c1', 'c2', 'c3']);
  });

  it('draws up to a position on demand, and new highlights keep the drawn extent', () => {
    const ed = makeEditor(all(), null, 5);
    const cafe = all()[2];
    ed.commands.drawCodingHighlightsTo(cafe.to);
    expect(codingHighlightsKey.getState(ed.state)?.drawnTo).toBe(cafe.to);
    expect(spans(ed).map((s) => s.codings)).toEqual(['c1', 'c2', 'c3']);
    ed.commands.setCodingHighlights({ highlights: all().slice(1) });
    expect(spans(ed).map((s) => s.codings)).toEqual(['c2', 'c3']);
  });

  it('draws everything at once by default', () => {
    expect(codingHighlightsKey.getState(makeEditor(all()).state)?.drawnTo).toBe(Infinity);
  });
});
