import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

import { joinParagraphSets } from './paragraph-sets';

/**
 * Codings shown as highlights. Codings are rows, not document content (STYLE.md, "Editor"): this
 * extension turns a list of ranges into ProseMirror *decorations*, so any number of overlapping
 * codings — several codes, several coders — coexist over text that never changes.
 *
 * Overlaps: ProseMirror merges the `style` of decorations that cover the same text (the last one
 * wins), so one decoration per coding could not blend colours. Instead the ranges are cut into
 * elementary segments (between any two consecutive boundaries) in one sweep, and each segment
 * gets one decoration that knows every coding over it: a blended background, an underline when
 * codes overlap, and `data-coding-ids` / `data-code-ids` / `data-depth` for hover and click.
 * 5,000 codings give at most 10,000 segments, cut at paragraph ends into one small set per
 * paragraph (linear; unchanged paragraphs keep their set, so ProseMirror redraws only what
 * changed). The active coding's outline is a second, one-decoration set.
 *
 * A long text can be drawn in steps (option `firstPaint`): the editor is created with the
 * highlights of its first paragraphs only, and the rest follow paragraph band by paragraph band
 * in idle time, each step a transaction that adds sets for new paragraphs (the ones drawn keep
 * their set, so ProseMirror does not touch them). Creating the DOM of thousands of overlapping
 * segments is most of the cost of opening a coded 200 KB transcript; the reader sees the first
 * screen long before the last paragraph is highlighted.
 */

/** One coding to highlight, in ProseMirror positions. */
export interface CodingHighlight {
  id: string;
  codeId: string;
  /** Inclusive start position. */
  from: number;
  /** Exclusive end position. */
  to: number;
  /** The code's colour, `#rrggbb`. */
  color: string;
}

/** What {@link CodingHighlightsOptions} and the `setCodingHighlights` command take. */
export interface CodingHighlightsInput {
  highlights: readonly CodingHighlight[];
  /** The coding to outline (navigated to or clicked), if any. */
  activeId?: string | null;
}

/** Options of the {@link CodingHighlights} extension. */
export interface CodingHighlightsOptions {
  /** Highlights to show when the editor is created (saves a second render of a long text). */
  initial: CodingHighlightsInput;
  /**
   * Document positions highlighted when the editor is created (whole paragraphs, at least
   * this many); the rest are drawn in idle-time steps of about as many positions. Default:
   * everything at once.
   */
  firstPaint?: number;
}

/** Class names on highlighted text (global: they are inside ProseMirror's DOM). */
export const CODING_CLASS = 'gw-coding';
export const CODING_OVERLAP_CLASS = 'gw-coding--overlap';
export const CODING_ACTIVE_CLASS = 'gw-coding--active';

/** State of the highlights plugin. */
export interface HighlightsState {
  highlights: readonly CodingHighlight[];
  activeId: string | null;
  /** The segments of all highlights. */
  set: DecorationSet;
  /** The outline of the active coding. */
  active: DecorationSet;
  /** Per-paragraph sets of the last build, reused where nothing changed. */
  cache: ParagraphDecorationCache;
  /** The segments of `highlights` (kept while only `drawnTo` moves). */
  segments: Segment[];
  /** Paragraphs starting before this position are drawn (Infinity: all of them). */
  drawnTo: number;
}

/** Key of the highlights plugin. */
export const codingHighlightsKey = new PluginKey<HighlightsState>('codingHighlights');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    codingHighlights: {
      /** Replace the highlighted codings (and the active one). */
      setCodingHighlights: (input: CodingHighlightsInput) => ReturnType;
      /** Outline another coding (cheap: the segments are kept). */
      setActiveCoding: (activeId: string | null) => ReturnType;
      /** Draw the highlights of the paragraphs that start before `pos` too (see `firstPaint`). */
      drawCodingHighlightsTo: (pos: number) => ReturnType;
    };
  }
}

/**
 * Highlights codings as decorations (the shape of tiptap's extension-highlight, for rows).
 *
 * @example
 * const editor = new Editor({ extensions: [...sourceSchema, CodingHighlights.configure({ initial })] });
 * editor.commands.setCodingHighlights({ highlights, activeId: 'c12' });
 */
export const CodingHighlights = Extension.create<CodingHighlightsOptions>({
  name: 'codingHighlights',

  addOptions() {
    return { initial: { highlights: [], activeId: null }, firstPaint: Infinity };
  },

  addCommands() {
    return {
      setCodingHighlights:
        (input) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(codingHighlightsKey, input);
          return true;
        },
      setActiveCoding:
        (activeId) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(codingHighlightsKey, { activeId });
          return true;
        },
      drawCodingHighlightsTo:
        (pos) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(codingHighlightsKey, { drawnTo: pos }).setMeta('addToHistory', false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const { initial } = this.options;
    const step = Math.max(1, this.options.firstPaint ?? Infinity);
    const activeKey = new PluginKey('codingHighlightsActive');
    return [
      new Plugin<HighlightsState>({
        key: codingHighlightsKey,
        state: {
          init: (_config, state) => {
            const highlights = initial.highlights;
            const activeId = initial.activeId ?? null;
            const cache: ParagraphDecorationCache = { keys: new Map(), sets: new Map() };
            const segments = codingSegments(highlights, state.doc.content.size);
            const drawnTo = step >= state.doc.content.size ? Infinity : step;
            const set = decorationsFromSegments(state.doc, segments, cache, drawnTo);
            return { highlights, activeId, set, cache, segments, drawnTo, active: buildActiveDecoration(state.doc, highlights, activeId) };
          },
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(codingHighlightsKey) as (Partial<CodingHighlightsInput> & { drawnTo?: number }) | undefined;
            if (meta) {
              const highlights = meta.highlights ?? value.highlights;
              const activeId = meta.activeId !== undefined ? meta.activeId : value.activeId;
              const drawnTo = meta.drawnTo === undefined ? value.drawnTo : meta.drawnTo >= state.doc.content.size ? Infinity : Math.max(value.drawnTo, meta.drawnTo);
              const segments = meta.highlights ? codingSegments(highlights, state.doc.content.size) : value.segments;
              // Changing only the active coding must not rebuild thousands of segments.
              const set = meta.highlights || drawnTo !== value.drawnTo ? decorationsFromSegments(state.doc, segments, value.cache, drawnTo) : value.set;
              const active = meta.highlights || meta.activeId !== undefined ? buildActiveDecoration(state.doc, highlights, activeId) : value.active;
              return { ...value, highlights, activeId, set, segments, drawnTo, active };
            }
            if (!tr.docChanged) return value;
            // Never happens (ReadOnlySource refuses document changes); mapping keeps it correct
            // if the extension is ever used without it. The cache no longer matches: drop it.
            const cache: ParagraphDecorationCache = { keys: new Map(), sets: new Map() };
            return { ...value, cache, set: value.set.map(tr.mapping, tr.doc), active: value.active.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          decorations(state) {
            return codingHighlightsKey.getState(state)?.set;
          },
        },
        // The paragraphs not drawn at creation, a band per idle moment (see `firstPaint`).
        view: (editorView) => {
          const idle: (fn: () => void) => () => void =
            typeof requestIdleCallback === 'function'
              ? (fn) => {
                  const id = requestIdleCallback(fn, { timeout: 200 });
                  return () => cancelIdleCallback(id);
                }
              : (fn) => {
                  const id = setTimeout(fn, 0);
                  return () => clearTimeout(id);
                };
          let cancel: (() => void) | null = null;
          const next = () => {
            cancel = null;
            const drawnTo = codingHighlightsKey.getState(editorView.state)?.drawnTo ?? Infinity;
            if (drawnTo === Infinity || editorView.isDestroyed) return;
            editorView.dispatch(editorView.state.tr.setMeta(codingHighlightsKey, { drawnTo: drawnTo + step }).setMeta('addToHistory', false));
          };
          const schedule = () => {
            if (!cancel && (codingHighlightsKey.getState(editorView.state)?.drawnTo ?? Infinity) !== Infinity) cancel = idle(next);
          };
          schedule();
          return {
            update: schedule,
            destroy: () => cancel?.(),
          };
        },
      }),
      // A second plugin, so the outline of the active coding is a separate, tiny decoration set
      // (ProseMirror merges the classes where it meets the segments).
      new Plugin({
        key: activeKey,
        props: {
          decorations(state) {
            return codingHighlightsKey.getState(state)?.active;
          },
        },
      }),
    ];
  },
});

/** One elementary segment: absolute positions, the attributes, and a key of those attributes. */
export interface Segment {
  from: number;
  to: number;
  attrs: Record<string, string>;
  key: string;
}

/**
 * The per-paragraph decoration sets of the last build, so an unchanged paragraph keeps the very
 * same set object: ProseMirror then skips it by identity instead of comparing its decorations,
 * and applying one code to a long transcript redraws one paragraph, not all of them.
 */
export interface ParagraphDecorationCache {
  keys: Map<number, string>;
  sets: Map<number, DecorationSet>;
}

/**
 * Build the decoration set for `highlights` over `doc` in one sweep (see the module comment).
 * Empty and out-of-document ranges are skipped.
 *
 * @param doc - the editor's document (paragraphs of text).
 * @param highlights - codings in ProseMirror positions, any order.
 * @param cache - the previous build's cache, to reuse unchanged paragraphs (updated in place).
 * @returns the decorations.
 * @example
 * buildCodingDecorations(state.doc, [{ id: 'c1', codeId: 'k1', from: 1, to: 5, color: '#2e86ab' }]);
 */
export function buildCodingDecorations(doc: PMNode, highlights: readonly CodingHighlight[], cache?: ParagraphDecorationCache): DecorationSet {
  return decorationsFromSegments(doc, codingSegments(highlights, doc.content.size), cache, Infinity);
}

/**
 * {@link buildCodingDecorations} from segments already cut, for the paragraphs that start
 * before `drawnTo` only (Infinity: all).
 */
function decorationsFromSegments(doc: PMNode, segments: readonly Segment[], cache: ParagraphDecorationCache | undefined, drawnTo: number): DecorationSet {
  // DecorationSet.create(doc, all) scans every decoration once per paragraph (O(paragraphs ×
  // decorations): ~90 ms for 1,200 paragraphs and 10,000 segments in Chromium, growing with
  // longer transcripts). Cutting the segments at paragraph ends and creating one small set per
  // paragraph is linear.
  const children: Array<number | DecorationSet> = [];
  const keys = new Map<number, string>();
  const sets = new Map<number, DecorationSet>();
  let si = 0;
  if (segments.length > 0) {
    doc.forEach((paragraph, offset, index) => {
      if (offset >= drawnTo) return;
      const start = offset + 1;
      const end = offset + paragraph.nodeSize - 1;
      while (si < segments.length && segments[si].to <= start) si++;
      let key = '';
      const local: Array<[number, number, Segment]> = [];
      for (let j = si; j < segments.length && segments[j].from < end; j++) {
        const from = Math.max(segments[j].from, start) - start;
        const to = Math.min(segments[j].to, end) - start;
        if (from < to) {
          local.push([from, to, segments[j]]);
          key += `${from},${to},${segments[j].key};`;
        }
      }
      if (local.length === 0) return;
      let set = cache?.keys.get(index) === key ? cache.sets.get(index) : undefined;
      set ??= DecorationSet.create(paragraph, local.map(([from, to, seg]) => Decoration.inline(from, to, seg.attrs)));
      keys.set(index, key);
      sets.set(index, set);
      children.push(offset, offset + paragraph.nodeSize, set);
    });
  }
  if (cache) {
    cache.keys = keys;
    cache.sets = sets;
  }
  return joinParagraphSets(children, () =>
    DecorationSet.create(
      doc,
      segments.filter((seg) => drawnTo === Infinity || seg.from < drawnTo).map((seg) => Decoration.inline(seg.from, seg.to, seg.attrs)),
    ),
  );
}

/**
 * The elementary segments of `highlights`: the text between any two consecutive boundaries,
 * with the codings over it, in order.
 *
 * @param highlights - codings in ProseMirror positions, any order.
 * @param size - the document's content size (ranges beyond it are skipped).
 * @returns sorted, non-overlapping segments with their attributes.
 */
export function codingSegments(highlights: readonly CodingHighlight[], size: number): Segment[] {
  const items = highlights.filter((h) => h.from < h.to && h.from >= 0 && h.to <= size);
  const n = items.length;
  const segments: Segment[] = [];
  if (n === 0) return segments;
  const starts = items.slice().sort((a, b) => a.from - b.from || a.to - b.to);
  const ends = items.slice().sort((a, b) => a.to - b.to);
  const looks = new Map<string, Record<string, string>>();
  const active: CodingHighlight[] = [];
  let i = 0;
  let j = 0;
  let prev = 0;
  while (j < n) {
    const p = i < n ? Math.min(starts[i].from, ends[j].to) : ends[j].to;
    if (active.length > 0 && prev < p) segments.push(segment(prev, p, active, looks));
    // Half-open ranges: codings ending at p close before those starting at p open.
    for (; j < n && ends[j].to === p; j++) active.splice(active.indexOf(ends[j]), 1);
    for (; i < n && starts[i].from === p; i++) active.push(starts[i]);
    prev = p;
  }
  return segments;
}

/** One segment over the `active` codings; the look (class, style) is shared between segments. */
function segment(from: number, to: number, active: readonly CodingHighlight[], looks: Map<string, Record<string, string>>): Segment {
  let codingIds = '';
  let codeIds = '';
  const seen: string[] = [];
  const colors: string[] = [];
  for (const h of active) {
    codingIds += codingIds ? ` ${h.id}` : h.id;
    if (!seen.includes(h.codeId)) {
      seen.push(h.codeId);
      colors.push(h.color);
      codeIds += codeIds ? ` ${h.codeId}` : h.codeId;
    }
  }
  const depth = active.length;
  const lookKey = `${colors.join(',')}|${depth}`;
  let look = looks.get(lookKey);
  if (!look) {
    look = { class: depth > 1 ? `${CODING_CLASS} ${CODING_OVERLAP_CLASS}` : CODING_CLASS, style: styleFor(colors, depth) };
    looks.set(lookKey, look);
  }
  return {
    from,
    to,
    attrs: { ...look, 'data-coding-ids': codingIds, 'data-code-ids': codeIds, 'data-depth': String(depth) },
    key: `${codingIds}|${lookKey}`,
  };
}

/**
 * The outline of the active coding: one inline decoration over its whole range.
 *
 * @param doc - the editor's document.
 * @param highlights - the current highlights.
 * @param activeId - the active coding's id, or null.
 * @returns a set with at most one decoration (none when the coding is not highlighted).
 */
export function buildActiveDecoration(doc: PMNode, highlights: readonly CodingHighlight[], activeId: string | null): DecorationSet {
  if (activeId === null) return DecorationSet.empty;
  const h = highlights.find((x) => x.id === activeId);
  if (!h || h.from >= h.to || h.to > doc.content.size) return DecorationSet.empty;
  return DecorationSet.create(doc, [Decoration.inline(h.from, h.to, { class: CODING_ACTIVE_CLASS })]);
}

/**
 * The mean of the codes' colours, translucent over the page: more opaque the more codings
 * overlap (capped so dark text stays readable), with an underline in the same hue when more
 * than one code is present.
 */
function styleFor(colors: readonly string[], depth: number): string {
  let r = 0;
  let g = 0;
  let b = 0;
  for (const c of colors) {
    const [cr, cg, cb] = parseHex(c);
    r += cr;
    g += cg;
    b += cb;
  }
  r = Math.round(r / colors.length);
  g = Math.round(g / colors.length);
  b = Math.round(b / colors.length);
  const alpha = Math.min(0.2 + 0.09 * (depth - 1), 0.45).toFixed(2);
  let style = `background-color: rgba(${r}, ${g}, ${b}, ${alpha})`;
  if (colors.length > 1) style += `; box-shadow: inset 0 -2px 0 rgba(${r}, ${g}, ${b}, 0.75)`;
  return style;
}

/** `#rrggbb` → [r, g, b]; anything else is a neutral grey, so one bad colour cannot hide text. */
export function parseHex(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : [128, 128, 128];
}
