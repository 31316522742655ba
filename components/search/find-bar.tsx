'use client';

import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { DocPositionIndex } from '@/lib/coding/doc-positions';
import { sliceByCodePoints, type CodePointRange } from '@/lib/coding/offsets';
import { findHits } from '@/lib/search/find';
import { normalizeForSearch } from '@/lib/search/normalize';

import styles from './search.module.css';

/** Props of {@link FindBar}. */
export interface FindBarProps {
  editor: Editor | null;
  /** The source's position index (its text, lines and offsets). */
  posIndex: DocPositionIndex;
  projectId: string;
  /** Select a hit in the text and scroll to it (ProseMirror positions). */
  onReveal(from: number, to: number): void;
  /** Whether the bar is shown (the workbench's toolbar has a Find button too). */
  open: boolean;
  /** Show or hide the bar; hiding gives the text the focus back. */
  onOpenChange(open: boolean): void;
  /** Label of the modifier key: "⌘" or "Ctrl". */
  mod: string;
}

/** Hits highlighted at once: beyond this a query is too common to read highlights anyway. */
const MAX_HIGHLIGHTS = 10_000;
const TYPE_SETTLE_MS = 120;

type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): void };
type HighlightCtor = new (...ranges: Range[]) => unknown;

/** The CSS Custom Highlight API, where the browser has it (not in jsdom, not in old browsers). */
function highlightApi(): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const registry = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
  const Highlight = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  return registry && Highlight ? { registry, Highlight } : null;
}

/**
 * The workbench's find bar (Ctrl/⌘+F): every occurrence of a word or phrase in this source —
 * case, width and compatibility forms ignored, Chinese matched without spaces (lib/search) —
 * highlighted with the CSS Custom Highlight API (the document and its coding decorations are
 * not touched), with "3 of 12", next and previous. The current hit is selected in the text, so
 * C or L codes it. A link from the search page (`?find=…&at=<code point>`) opens it on that hit.
 */
export function FindBar({ editor, posIndex, projectId, onReveal, open, onOpenChange, mod }: FindBarProps) {
  const setOpen = onOpenChange;
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const wantAt = useRef<number | null>(null);

  // The folded copy is built once per text, and only when the bar is first opened.
  const normalized = useMemo(() => (open ? normalizeForSearch(posIndex.text) : null), [open, posIndex.text]);
  const hits = useMemo<CodePointRange[]>(() => (normalized && query ? findHits(normalized, query) : []), [normalized, query]);

  useEffect(() => {
    const t = setTimeout(() => setQuery(input), TYPE_SETTLE_MS);
    return () => clearTimeout(t);
  }, [input]);

  const show = useCallback(
    (i: number) => {
      const hit = hits[i];
      if (!hit) return;
      const { from, to } = posIndex.rangeToPositions(hit);
      onReveal(from, to);
    },
    [hits, posIndex, onReveal],
  );

  // A new set of hits: go to the one asked for by a link, else the first at or after the caret.
  useEffect(() => {
    if (hits.length === 0) return setCurrent(0);
    let i = 0;
    if (wantAt.current !== null) {
      const at = wantAt.current;
      wantAt.current = null;
      i = Math.max(0, hits.findIndex((h) => h.start >= at));
    } else if (editor && !editor.isDestroyed) {
      const caret = posIndex.positionsToRange(editor.state.selection.from, editor.state.selection.from).start;
      i = Math.max(0, hits.findIndex((h) => h.start >= caret));
    }
    setCurrent(i);
    show(i);
  }, [hits]); // eslint-disable-line react-hooks/exhaustive-deps

  // Open from a link: ?find=…&at=…
  useEffect(() => {
    if (!editor) return;
    const params = new URLSearchParams(window.location.search);
    const find = params.get('find');
    if (!find) return;
    const at = Number(params.get('at'));
    wantAt.current = Number.isInteger(at) && at >= 0 ? at : null;
    setOpen(true);
    setInput(find);
    setQuery(find);
  }, [editor]); // eslint-disable-line react-hooks/exhaustive-deps

  // Ctrl/⌘+F opens the bar (or selects its text when open) instead of the browser's find,
  // which cannot see Chinese text folded by width or the paragraphs not laid out yet.
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        const ed = editor;
        // A selection of a few words becomes the query, as in browsers.
        if (ed && !ed.isDestroyed && !ed.state.selection.empty && document.activeElement !== inputRef.current) {
          const { from, to } = ed.state.selection;
          const range = posIndex.positionsToRange(from, to);
          if (range.end - range.start <= 100) {
            const words = sliceByCodePoints(posIndex.text, range.start, range.end).trim();
            if (words && !words.includes('\n')) setInput(words);
          }
        }
        setOpen(true);
        requestAnimationFrame(() => inputRef.current?.select());
      }
    };
    window.addEventListener('keydown', down);
    return () => window.removeEventListener('keydown', down);
  }, [editor, posIndex]); // eslint-disable-line react-hooks/exhaustive-deps

  // Opened (by the toolbar's button or the keyboard): the query is ready to type over.
  useEffect(() => {
    if (open) requestAnimationFrame(() => inputRef.current?.select());
  }, [open]);

  // Paint the hits. Ranges point into the editor's DOM, which changes when coding decorations
  // are redrawn: repaint after each editor transaction (settled), and on every change here.
  useEffect(() => {
    const api = highlightApi();
    if (!api || !editor || editor.isDestroyed) return;
    const clear = () => {
      api.registry.delete('gw-find');
      api.registry.delete('gw-find-current');
    };
    if (!open || hits.length === 0) return clear();
    const paint = () => {
      if (editor.isDestroyed) return;
      const view = editor.view;
      const toRange = (hit: CodePointRange): Range | null => {
        try {
          const { from, to } = posIndex.rangeToPositions(hit);
          const a = view.domAtPos(from);
          const b = view.domAtPos(to);
          const r = document.createRange();
          r.setStart(a.node, a.offset);
          r.setEnd(b.node, b.offset);
          return r;
        } catch {
          return null;
        }
      };
      const all = hits.slice(0, MAX_HIGHLIGHTS).map(toRange).filter((r): r is Range => !!r);
      const cur = hits[current] ? toRange(hits[current]) : null;
      api.registry.set('gw-find', new api.Highlight(...all));
      if (cur) api.registry.set('gw-find-current', new api.Highlight(cur));
      else api.registry.delete('gw-find-current');
    };
    paint();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(paint, 60);
    };
    editor.on('transaction', later);
    return () => {
      clearTimeout(timer);
      editor.off('transaction', later);
      clear();
    };
  }, [editor, open, hits, current, posIndex]);

  function step(direction: 1 | -1) {
    if (hits.length === 0) return;
    // Typing is settled first, so Enter right after typing goes to the first hit of the new query.
    if (input !== query) return setQuery(input);
    const i = (current + direction + hits.length) % hits.length;
    setCurrent(i);
    show(i);
  }

  function close() {
    setOpen(false);
  }

  if (!open) return null;
  const pending = input.trim() !== '' && input !== query;
  const none = !pending && query.trim() !== '' && hits.length === 0;
  const searchHref = `/projects/${projectId}/search?${new URLSearchParams({ q: input.trim() })}`;
  return (
    <div className={styles.findBar} role="search" aria-label="Find in this source" data-testid="find-bar">
      <input
        ref={inputRef}
        type="search"
        aria-label="Find in this source"
        placeholder="Find in this source"
        value={input}
        autoFocus
        onChange={(e) => setInput(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      />
      <span className={styles.findCount} aria-live="polite" data-testid="find-count" data-none={none}>
        {input.trim() === '' ? '' : pending ? '…' : hits.length === 0 ? 'No hits' : `${current + 1} of ${hits.length}`}
      </span>
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => step(-1)} disabled={hits.length === 0} aria-label="Previous hit" title="Previous hit (Shift+Enter)">
        ↑
      </button>
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => step(1)} disabled={hits.length === 0} aria-label="Next hit" title="Next hit (Enter)">
        ↓
      </button>
      <span className={styles.findSpacer} />
      {input.trim() && (
        <a className={`btn-link ${styles.findToggle}`} href={searchHref}>
          Search all sources
        </a>
      )}
      <button type="button" className="btn-link btn-sm" onClick={close} aria-label="Close find" title={`Close (Esc) · ${mod}+F opens`}>
        ✕
      </button>
    </div>
  );
}
