'use client';

import type { Editor } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';
import { EditorContent, useEditor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type CSSProperties } from 'react';

import { FindBar } from '@/components/search/find-bar';
import { CodingHighlights, codingHighlightsKey, type CodingHighlight } from '@/components/editor/extensions/coding-highlights';
import { CodingShortcuts, type CodingShortcutHandlers } from '@/components/editor/extensions/coding-shortcuts';
import { HeldSelection } from '@/components/editor/extensions/held-selection';
import { SourceMarkers } from '@/components/editor/extensions/source-markers';
import { ReadOnlySource } from '@/components/editor/extensions/read-only-source';
import { sourceSchema } from '@/components/editor/extensions/source-schema';
import { createDocPositionIndex, selectionToCodingRange, textToDocJSON } from '@/lib/coding/doc-positions';
import { assignLanes } from '@/lib/coding/lanes';
import { isPackedCodings, type PackedWorkbenchData, unpackCodings } from '@/lib/coding/packed-codings';
import { sliceByCodePoints, type CodePointRange } from '@/lib/coding/offsets';
import { adjacentCoding, codingsAt, initWorkbenchState, isPendingId, selectView, selectVisibleCodings, workbenchReducer } from '@/lib/coding/workbench-state';
import type { WorkbenchApi, WorkbenchCoding, WorkbenchData } from '@/lib/coding/workbench-types';
import type { VersionConflict } from '@/lib/team/conflict';

import { CodePicker } from './code-picker';
import { CodebookPanel } from './codebook-panel';
import { CodingCard } from './coding-card';
import { CodingTooltip } from './coding-tooltip';
import { ExtentHandles } from './extent-handles';
import { MarginStripes, stripeGeometry, type StripeItem } from './margin-stripes';
import { SelectionBar } from './selection-bar';
import { AssignToCase } from '../cases/assign-to-case';
import { ConflictDialog } from '../team/conflict-dialog';
import { useCodingActions } from './use-coding-actions';
import { WorkbenchToolbar } from './workbench-toolbar';
import styles from './workbench.module.css';

/** Props of {@link Workbench}. */
export interface WorkbenchProps {
  /** The page's data, its codings as rows or packed for the wire (lib/coding/packed-codings.ts). */
  data: WorkbenchData | PackedWorkbenchData;
  api: WorkbenchApi;
}

/** Where a popover goes inside the positioned container: below a line (`top`) or above it (`bottom`). */
type Anchor = { top?: number; bottom?: number; left: number };

/** Shortcut, click and stripe handlers, refreshed every render and read through a ref. */
type Handlers = Partial<CodingShortcutHandlers> & {
  click?: (view: EditorView, pos: number, event: MouseEvent) => boolean;
  stripe?: (codingId: string, event: MouseEvent) => void;
};

/**
 * Codings closer than this many code points also get separate lanes: stripes span whole lines,
 * and a line holds roughly this many characters of Latin text (fewer CJK characters, so CJK
 * stripes are, if anything, kept further apart).
 */
const LANE_GAP = 60;
const POPOVER_WIDTH = 330;
/** Height a popover needs below its line; with less room it opens above when that has more. */
const POPOVER_ROOM = 300;
/**
 * Document positions highlighted when the editor is created (a few screens of text); the rest
 * of a long text is highlighted in idle-time steps of as many (see CodingHighlights).
 */
const FIRST_PAINT = 16_000;
/** How long a selection must rest before the quick actions follow it. */
const SELECTION_SETTLE_MS = 120;

/**
 * The open-coding workbench: the source's text (read-only, tiptap) with codings as highlights
 * and margin stripes, the codebook beside it, and the actions to code, uncode, adjust and memo.
 * All changes go through `api` optimistically and are rolled back (with a message) on failure.
 *
 * @example
 * <Workbench data={await loadWorkbench(...)} api={{ applyCode, createCodeAndApply, ... }} />
 */
export function Workbench({ data: wire, api }: WorkbenchProps) {
  const data = useMemo<WorkbenchData>(() => (isPackedCodings(wire.codings) ? { ...wire, codings: unpackCodings(wire.codings) } : (wire as WorkbenchData)), [wire]);
  const text = data.source.text;
  const { canCode, currentUser } = data;
  const posIndex = useMemo(() => createDocPositionIndex(text), [text]);
  const [state, dispatch] = useReducer(workbenchReducer, data, (d) => initWorkbenchState(d.codes, d.codings));

  // A revalidated page brings fresh rows; pending operations stay on top of them.
  const firstData = useRef(true);
  useEffect(() => {
    if (firstData.current) {
      firstData.current = false;
      return;
    }
    dispatch({ type: 'reset', codes: data.codes, codings: data.codings });
  }, [data.codes, data.codings]);

  const view = useMemo(() => selectView(state), [state.codes, state.codings, state.pending]); // eslint-disable-line react-hooks/exhaustive-deps
  const codesById = useMemo(() => new Map(view.codes.map((c) => [c.id, c])), [view.codes]);
  // Colours and names only: segment counts change with every coding and must not rebuild the
  // highlights of a long text.
  const lookKey = view.codes.map((c) => `${c.id}\u0000${c.color}\u0000${c.name}`).join('\u0001');
  const looks = useMemo(() => new Map(view.codes.map((c) => [c.id, { color: c.color, name: c.name }])), [lookKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const visible = useMemo(() => selectVisibleCodings(view.codings, state.filter), [view.codings, state.filter]);
  // Lanes remember their previous layout across edits (stripes do not jump when a coding is
  // added or removed), but not across filter changes, where a compact margin reads better.
  const previousLanes = useRef<{ filter: unknown; codeLanes: Map<string, number> } | null>(null);
  const lanes = useMemo(() => {
    const prev = previousLanes.current;
    return assignLanes(visible, { minGap: LANE_GAP, previous: prev && prev.filter === state.filter ? prev.codeLanes : undefined });
  }, [visible]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    previousLanes.current = { filter: state.filter, codeLanes: lanes.codeLanes };
  }, [lanes, state.filter]);
  const geometry = useMemo(() => stripeGeometry(lanes.laneCount), [lanes.laneCount]);

  const { highlights, stripeItems } = useMemo(() => {
    const hs: CodingHighlight[] = [];
    const items: StripeItem[] = [];
    visible.forEach((c, i) => {
      let range;
      try {
        range = posIndex.rangeToPositions(c);
      } catch {
        return; // a row that does not fit this text: never drawn at the wrong place
      }
      const look = looks.get(c.codeId) ?? { color: '#888888', name: 'Unknown code' };
      hs.push({ id: c.id, codeId: c.codeId, color: look.color, ...range });
      items.push({ id: c.id, ...range, lane: lanes.lanes[i], color: look.color, label: `${look.name} — ${c.coderName}` });
    });
    return { highlights: hs, stripeItems: items };
  }, [visible, posIndex, looks, lanes]);

  // ---- UI state -------------------------------------------------------------------------
  const [selection, setSelection] = useState<{ from: number; to: number; anchor: Anchor }>({ from: 0, to: 0, anchor: { top: 0, left: 0 } });
  // Popovers remember the document position they belong to (and the pointer's x), so they can
  // follow the text when the layout changes under them (see `relayout`).
  const [picker, setPicker] = useState<{ range: CodePointRange; text: string; pos: number; anchor: Anchor } | null>(null);
  const [assigning, setAssigning] = useState<{ range: CodePointRange; anchor: Anchor } | null>(null);
  const [card, setCard] = useState<{ ids: string[]; pos: number; x?: number; anchor: Anchor; focus: boolean } | null>(null);
  const [tooltip, setTooltip] = useState<{ ids: string[]; anchor: Anchor } | null>(null);
  const [adjustingId, setAdjustingId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [findOpen, setFindOpen] = useState(false);
  const [mod, setMod] = useState('Ctrl');
  useEffect(() => {
    if (/Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)) setMod('⌘');
  }, []);

  const scrollRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const handlersRef = useRef<Handlers>({});
  const selectionTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(selectionTimer.current), []);

  const selRange = useMemo(
    () => (selection.from === selection.to ? null : selectionToCodingRange(posIndex, selection.from, selection.to)),
    [posIndex, selection.from, selection.to],
  );

  // ---- the editor -----------------------------------------------------------------------
  // Created once per text; later highlights go in by command (the first ones at creation, so a
  // long text is not drawn twice).
  const extensions = useMemo(
    () => [
      ...sourceSchema,
      ReadOnlySource,
      SourceMarkers.configure({
        markers: (data.source.markers ?? []).filter((m) => m.start >= 0 && m.start <= data.source.length).map((m) => ({ ...m, pos: posIndex.cpToPos(m.start) })),
      }),
      CodingHighlights.configure({ initial: { highlights, activeId: state.activeCodingId }, firstPaint: FIRST_PAINT }),
      CodingShortcuts.configure({ getHandlers: () => handlersRef.current }),
      HeldSelection,
    ],
    [text], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const content = useMemo(() => textToDocJSON(text), [text]);
  const editor = useEditor(
    {
      immediatelyRender: false,
      extensions,
      content,
      enableInputRules: false,
      enablePasteRules: false,
      coreExtensionOptions: { clipboardTextSerializer: { blockSeparator: '\n' } },
      editorProps: {
        attributes: { 'aria-label': `Text of “${data.source.title}”`, class: styles.prose },
        handleClick: (v, pos, event) => handlersRef.current.click?.(v, pos, event) ?? false,
      },
      onSelectionUpdate: () => {
        // Settle first: a drag or Shift+arrow fires this per step, and every React commit while
        // the text has focus walks the whole contenteditable DOM (React saves the selection),
        // ~20 ms on a 100,000-word text. The quick actions appear when the selection rests.
        clearTimeout(selectionTimer.current);
        selectionTimer.current = setTimeout(() => {
          const ed = editorRef.current;
          if (!ed || ed.isDestroyed) return;
          const { from, to } = ed.state.selection;
          setSelection((s) => (s.from === from && s.to === to ? s : { from, to, anchor: from === to ? s.anchor : anchorAt(to) }));
        }, SELECTION_SETTLE_MS);
      },
    },
    [text],
  );
  editorRef.current = editor;

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    if (codingHighlightsKey.getState(editor.state)?.highlights === highlights) return;
    editor.commands.setCodingHighlights({ highlights, activeId: state.activeCodingId });
  }, [editor, highlights]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    if (codingHighlightsKey.getState(editor.state)?.activeId !== state.activeCodingId) editor.commands.setActiveCoding(state.activeCodingId);
  }, [editor, state.activeCodingId]);

  // ---- margin stripes -------------------------------------------------------------------
  const stripesRef = useRef<MarginStripes | null>(null);
  // Paragraphs off screen are laid out lazily (content-visibility), so the text can move after
  // a popover opened: when the layout changes, open popovers are placed again.
  const relayoutRef = useRef<() => void>(() => {});
  relayoutRef.current = () => {
    if (card) setCard((c) => (c ? { ...c, anchor: anchorAt(c.pos, c.x) } : c));
    if (picker) setPicker((p) => (p ? { ...p, anchor: anchorAt(p.pos) } : p));
  };
  useEffect(() => {
    if (!editor || editor.isDestroyed || !layerRef.current || !scrollRef.current) return;
    const stripes = new MarginStripes(layerRef.current, scrollRef.current, editor.view, posIndex, () => relayoutRef.current());
    stripesRef.current = stripes;
    return () => {
      stripes.destroy();
      stripesRef.current = null;
    };
  }, [editor, posIndex]);
  useEffect(() => {
    stripesRef.current?.setItems(stripeItems, geometry, state.activeCodingId);
  }, [editor, stripeItems, geometry, state.activeCodingId]);

  // Ready: text, highlights and stripes painted (two frames after the editor mounted; the
  // highlights of the first FIRST_PAINT positions, a long text's others follow). Set on
  // the DOM, not in React state, so it costs no render; e2e tests and `npm run bench` wait
  // for data-ready, and data-ready-at is the time since navigation start in ms.
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        const root = rootRef.current;
        if (!root || root.dataset.ready) return;
        root.dataset.readyAt = String(Math.round(performance.now()));
        root.dataset.ready = 'true';
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [editor]);

  // ---- geometry helpers -----------------------------------------------------------------
  /** A popover position at the line of ProseMirror position `pos` (or at `clientX`). */
  function anchorAt(pos: number, clientX?: number): Anchor {
    const ed = editorRef.current;
    if (!ed || ed.isDestroyed) return { top: 0, left: 0 };
    try {
      const c = ed.view.coordsAtPos(pos);
      return place(c.top, c.bottom, clientX ?? c.left);
    } catch {
      return { top: 0, left: 0 }; // no layout (e.g. a test DOM)
    }
  }
  function anchorAtPoint(clientY: number, clientX: number): Anchor {
    return place(clientY - 12, clientY + 12, clientX);
  }
  /**
   * Below the line, or above it when the visible part of the document has more room there (a
   * popover must not open under the bottom edge of the pane). Arguments are viewport pixels.
   */
  function place(lineTop: number, lineBottom: number, clientX: number): Anchor {
    const inner = innerRef.current;
    const scroller = scrollRef.current;
    if (!inner || !scroller) return { top: 0, left: 0 };
    const box = inner.getBoundingClientRect();
    const pane = scroller.getBoundingClientRect();
    const left = Math.round(Math.max(8, Math.min(clientX - box.left - 12, Math.max(8, inner.clientWidth - POPOVER_WIDTH - 8))));
    const below = pane.bottom - lineBottom;
    const above = lineTop - pane.top;
    if (below < POPOVER_ROOM && above > below) return { bottom: Math.round(box.bottom - lineTop + 6), left };
    return { top: Math.round(lineBottom - box.top + 6), left };
  }

  const announce = useCallback((message: string) => setAnnouncement(message), []);
  // Stable, so the memoised codebook does not re-render on every selection change.
  const toggleCodeFilter = useCallback((codeId: string) => dispatch({ type: 'toggleCodeFilter', codeId }), []);
  const clearFilter = useCallback(() => dispatch({ type: 'clearFilter' }), []);

  const focusText = () => editorRef.current?.view.focus();

  // ---- server operations ----------------------------------------------------------------
  // A coding memo saved meanwhile by someone else: the conflict dialog shows both versions.
  const [memoConflict, setMemoConflict] = useState<VersionConflict<'memo'> | null>(null);
  const actions = useCodingActions({ api, dispatch, view, filter: state.filter, currentUser, canCode, announce, onMemoConflict: setMemoConflict });
  const { applyCode, createAndApply, saveMemo } = actions;
  function removeCoding(codingId: string) {
    actions.removeCoding(codingId);
    focusText();
  }

  /** The selection as a coding range, read from the editor now (not from the last render). */
  function currentRange(): CodePointRange | null {
    const ed = editorRef.current;
    if (!ed || ed.isDestroyed) return null;
    const { from, to } = ed.state.selection;
    return from === to ? null : selectionToCodingRange(posIndex, from, to);
  }

  function startAdjust(codingId: string) {
    const coding = view.codings.find((c) => c.id === codingId);
    const ed = editorRef.current;
    if (!coding || !ed || !canCode) return;
    setAdjustingId(codingId);
    const { from, to } = posIndex.rangeToPositions(coding);
    ed.chain().setTextSelection({ from, to }).focus(undefined, { scrollIntoView: false }).run();
    announce('Select the new extent of the coding, then press Enter. Escape cancels.');
  }

  function applyAdjust() {
    const coding = view.codings.find((c) => c.id === adjustingId);
    const range = currentRange();
    if (!coding) return setAdjustingId(null);
    if (!range) return announce('Select the new extent first.');
    setAdjustingId(null);
    actions.adjustCoding(coding, range);
  }

  function cancelAdjust() {
    setAdjustingId(null);
    announce('Adjustment cancelled.');
    focusText();
  }

  // ---- opening things -------------------------------------------------------------------
  function openPicker(): boolean {
    if (!canCode) return false;
    const ed = editorRef.current;
    const range = currentRange();
    if (!ed || !range) {
      announce('Select some text first, then press C.');
      return true;
    }
    setCard(null);
    setTooltip(null);
    const pos = ed.state.selection.to;
    setPicker({ range, text: sliceByCodePoints(text, range.start, range.end), pos, anchor: anchorAt(pos) });
    return true;
  }

  function closePicker() {
    setPicker(null);
    focusText();
  }

  // While the picker has focus, the passage it will code stays visibly selected.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    let range: { from: number; to: number } | null = null;
    if (picker) {
      try {
        range = posIndex.rangeToPositions(picker.range);
      } catch {
        range = null;
      }
    }
    editor.commands.holdSelection(range);
  }, [editor, picker, posIndex]);

  /** After coding, the selection collapses to its end: the quick-action bar goes away. */
  function collapseSelection() {
    const ed = editorRef.current;
    if (!ed || ed.isDestroyed) return;
    ed.commands.setTextSelection(ed.state.selection.to);
  }

  function applyLastCode(): boolean {
    if (!canCode) return false;
    const last = state.lastCodeId ? codesById.get(state.lastCodeId) : undefined;
    if (!last) return openPicker(); // nothing used yet: choose one
    const range = currentRange();
    if (!range) {
      announce('Select some text first, then press L.');
      return true;
    }
    applyCode(last, range);
    collapseSelection();
    return true;
  }

  function inVivo(): boolean {
    if (!canCode) return false;
    const range = currentRange();
    if (!range) {
      announce('Select the words to name the code, then press V.');
      return true;
    }
    createAndApply(sliceByCodePoints(text, range.start, range.end), range);
    collapseSelection();
    return true;
  }

  function openCard(ids: string[], pos: number, x: number | undefined, focus: boolean) {
    if (ids.length === 0) return setCard(null);
    setTooltip(null);
    setCard({ ids, pos, x, anchor: anchorAt(pos, x), focus });
    // Outline the innermost (shortest) coding of the ones here.
    const here = ids.map((id) => view.codings.find((c) => c.id === id)).filter((c): c is WorkbenchCoding => !!c);
    here.sort((a, b) => a.end - a.start - (b.end - b.start));
    if (here[0]) dispatch({ type: 'setActive', codingId: here[0].id });
  }

  function closeCard() {
    const hadFocus = !!cardRef.current?.contains(document.activeElement);
    setCard(null);
    setAdjustingId(null);
    if (hadFocus) focusText();
  }

  function go(direction: 1 | -1): boolean {
    const ed = editorRef.current;
    if (!ed || ed.isDestroyed) return false;
    const caret = posIndex.positionsToRange(ed.state.selection.from, ed.state.selection.from).start;
    const target = adjacentCoding(visible, { activeId: state.activeCodingId, from: caret }, direction);
    if (!target) {
      announce(visible.length === 0 ? 'No codings to show.' : 'No other coding.');
      return true;
    }
    showCoding(ed, target);
    const n = visible.indexOf(target) + 1;
    announce(`Coding ${n} of ${visible.length}: ${codesById.get(target.codeId)?.name ?? ''}, by ${target.coderName}.`);
    return true;
  }

  /** Put the caret at a coding's start, scroll to it, outline it and open its card. */
  function showCoding(ed: Editor, coding: WorkbenchCoding) {
    const { from, to } = posIndex.rangeToPositions(coding);
    // A coding beyond the highlights drawn so far (a long text just opened): draw up to it now.
    if ((codingHighlightsKey.getState(ed.state)?.drawnTo ?? Infinity) < to) ed.commands.drawCodingHighlightsTo(to + FIRST_PAINT);
    ed.commands.setTextSelection(from);
    scrollToPos(ed, from);
    dispatch({ type: 'setActive', codingId: coding.id });
    setCard({ ids: [coding.id], pos: from, anchor: anchorAt(from), focus: false });
  }

  // A link from coded retrieval names a coding to show once the text is there.
  const focusedCodingId = useRef<string | null>(null);
  useEffect(() => {
    const id = data.focusCodingId;
    if (!editor || editor.isDestroyed || !id || focusedCodingId.current === id) return;
    const coding = view.codings.find((c) => c.id === id);
    if (!coding) return;
    focusedCodingId.current = id;
    showCoding(editor, coding);
  }, [editor, data.focusCodingId]); // eslint-disable-line react-hooks/exhaustive-deps

  /** The find bar's current hit: selected (so C or L codes it) and scrolled to. */
  const revealRange = useCallback((from: number, to: number) => {
    const ed = editorRef.current;
    if (!ed || ed.isDestroyed) return;
    ed.commands.setTextSelection({ from, to });
    scrollToPos(ed, from);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  /** Scroll the document pane so `pos` sits a third of the way down (not at the very edge). */
  function scrollToPos(ed: Editor, pos: number) {
    const scroller = scrollRef.current;
    if (!scroller) return;
    try {
      const c = ed.view.coordsAtPos(pos);
      const box = scroller.getBoundingClientRect();
      if (c.top < box.top + 40 || c.bottom > box.bottom - 40) scroller.scrollTop += c.top - box.top - box.height / 3;
    } catch {
      // no layout: nothing to scroll
    }
  }

  // Keyboard shortcuts and clicks read the latest closures through this ref.
  handlersRef.current = {
    openPicker,
    applyLastCode,
    inVivo,
    undo: () => {
      if (!canCode) return false;
      void actions.undo();
      return true;
    },
    redo: () => {
      if (!canCode) return false;
      void actions.redo();
      return true;
    },
    next: () => go(1),
    previous: () => go(-1),
    enter: () => {
      const ed = editorRef.current;
      if (!ed) return false;
      if (adjustingId) {
        applyAdjust();
        return true;
      }
      const head = ed.state.selection.head;
      const cp = posIndex.positionsToRange(head, head).start;
      const here = codingsAt(visible, cp);
      if (here.length === 0) announce('No coding at the caret.');
      else openCard(here.map((c) => c.id), head, undefined, true);
      return true; // Enter never edits the text anyway
    },
    escape: () => {
      if (picker) closePicker();
      else if (adjustingId) cancelAdjust();
      else if (card) closeCard();
      else if (tooltip) setTooltip(null);
      else return false;
      return true;
    },
    click: (_v, pos, event) => {
      if (adjustingId) return false; // the user is selecting the new extent
      const el = (event.target as Element | null)?.closest?.('.gw-coding') as HTMLElement | null;
      const ids = el?.dataset.codingIds?.split(' ') ?? [];
      if (ids.length === 0) {
        setCard(null);
        dispatch({ type: 'setActive', codingId: null });
      } else openCard(ids, pos, event.clientX, false);
      return false; // let ProseMirror place the caret
    },
  };

  // A new selection replaces the card (unless it is the new extent being chosen).
  useEffect(() => {
    if (selection.from !== selection.to && !adjustingId) setCard((c) => (c && !c.focus ? null : c));
  }, [selection.from, selection.to, adjustingId]);

  // Hover: one delegated listener on the text; the tooltip waits a moment so moving the mouse
  // across the text does not flash it.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const dom = editor.view.dom;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shown = '';
    const over = (e: MouseEvent) => {
      const el = (e.target as Element).closest?.('.gw-coding') as HTMLElement | null;
      const key = el?.dataset.codingIds ?? '';
      if (key === shown) return;
      shown = key;
      clearTimeout(timer);
      if (!key) return setTooltip(null);
      const anchor = anchorAtPoint(e.clientY, e.clientX);
      timer = setTimeout(() => setTooltip({ ids: key.split(' '), anchor }), 300);
    };
    const leave = () => {
      shown = '';
      clearTimeout(timer);
      setTooltip(null);
    };
    dom.addEventListener('mouseover', over);
    dom.addEventListener('mouseleave', leave);
    return () => {
      clearTimeout(timer);
      dom.removeEventListener('mouseover', over);
      dom.removeEventListener('mouseleave', leave);
    };
  }, [editor]);

  // Stripes are clickable: they open their coding.
  useEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    const click = (e: MouseEvent) => {
      const id = (e.target as HTMLElement).dataset?.codingId;
      if (id) handlersRef.current.stripe?.(id, e);
    };
    layer.addEventListener('click', click);
    return () => layer.removeEventListener('click', click);
  }, []);
  handlersRef.current.stripe = (id, e) => {
    if (adjustingId) return;
    const coding = view.codings.find((c) => c.id === id);
    if (coding) openCard([id], posIndex.rangeToPositions(coding).from, undefined, false);
  };

  // Clicks outside an open popover close it (clicks in the text are handled above).
  useEffect(() => {
    if (!picker && !card) return;
    const down = (e: MouseEvent) => {
      const t = e.target as Node;
      const inside = (sel: string) => !!(t instanceof Element ? t : t.parentElement)?.closest(sel);
      if (picker && !inside('[data-testid="code-picker"]')) setPicker(null);
      if (card && !adjustingId && !inside('[data-testid="coding-card"]') && !inside('.ProseMirror') && !inside('.gw-stripe')) setCard(null);
    };
    document.addEventListener('mousedown', down);
    return () => document.removeEventListener('mousedown', down);
  }, [picker, card, adjustingId]);

  // ---- derived view data ----------------------------------------------------------------
  const hereCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of view.codings) m.set(c.codeId, (m.get(c.codeId) ?? 0) + 1);
    return m;
  }, [view.codings]);
  const cardCodings = useMemo(
    () => (card ? card.ids.map((id) => view.codings.find((c) => c.id === id)).filter((c): c is WorkbenchCoding => !!c) : []),
    [card, view.codings],
  );
  const tooltipCodings = useMemo(
    () => (tooltip ? tooltip.ids.map((id) => view.codings.find((c) => c.id === id)).filter((c): c is WorkbenchCoding => !!c) : []),
    [tooltip, view.codings],
  );
  const excerptOf = useCallback(
    (c: WorkbenchCoding) => {
      // Only the ends of a long coding are read (a whole-document coding is a megabyte).
      const len = posIndex.offsets.length;
      const start = Math.min(c.start, len);
      const end = Math.min(c.end, len);
      const squash = (s: string) => Array.from(s.replace(/\s+/g, ' '));
      if (end - start <= 600) {
        const chars = squash(sliceByCodePoints(text, start, end).trim());
        if (chars.length <= 220) return chars.join('');
      }
      const head = squash(sliceByCodePoints(text, start, Math.min(end, start + 300)).trimStart()).slice(0, 150);
      const tail = squash(sliceByCodePoints(text, Math.max(start, end - 100), end).trimEnd()).slice(-50);
      return `${head.join('')} … ${tail.join('')}`;
    },
    [text, posIndex],
  );
  const lastCode = state.lastCodeId ? (codesById.get(state.lastCodeId) ?? null) : null;
  /**
   * Ctrl+Z / Ctrl+Shift+Z (⌘ on a Mac) anywhere in the workbench but in a field or a memo
   * editor, which keep their own text undo. The source text handles them itself (CodingShortcuts).
   */
  function undoKeys(e: React.KeyboardEvent) {
    if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    e.preventDefault();
    if (key === 'y' || e.shiftKey) void actions.redo();
    else void actions.undo();
  }
  const filtered = state.filter.codeIds.length > 0 || state.filter.coderId !== null;
  const showSelectionBar = canCode && !!selRange && !picker && !assigning && !adjustingId && !!editor;
  // Grips to drag the ends of the user's own selected coding (owners adjust others' from the card).
  const handleCoding = useMemo(() => {
    if (!canCode || !editor || picker || adjustingId || !state.activeCodingId || isPendingId(state.activeCodingId)) return null;
    const c = visible.find((v) => v.id === state.activeCodingId);
    if (!c || c.coderId !== currentUser.id) return null;
    try {
      return { coding: c, extent: posIndex.rangeToPositions(c) };
    } catch {
      return null;
    }
  }, [canCode, editor, picker, adjustingId, state.activeCodingId, visible, currentUser.id, posIndex]);

  return (
    <div className={styles.workbench} data-testid="workbench" ref={rootRef} onKeyDown={undoKeys}>
      <WorkbenchToolbar
        coders={data.coders}
        currentUserId={currentUser.id}
        coderId={state.filter.coderId}
        onCoderChange={(coderId) => dispatch({ type: 'setCoderFilter', coderId })}
        visibleCount={visible.length}
        totalCount={view.codings.length}
        filtered={filtered}
        onClearFilter={() => dispatch({ type: 'clearFilter' })}
        onPrevious={() => go(-1)}
        onNext={() => go(1)}
        canCode={canCode}
        mod={mod}
        onFind={() => setFindOpen(true)}
        undoLabel={actions.undoLabel}
        redoLabel={actions.redoLabel}
        onUndo={() => void actions.undo()}
        onRedo={() => void actions.redo()}
      />
      {state.error && (
        <div className={`message message-error ${styles.error}`} role="alert" data-testid="workbench-error">
          <span>{state.error}</span>
          <button type="button" className="btn-link btn-sm" onClick={() => dispatch({ type: 'setError', message: null })}>
            Dismiss
          </button>
        </div>
      )}
      <div className={styles.body}>
        <div className={styles.docPane} ref={scrollRef} data-testid="source-document">
          <FindBar
            editor={editor}
            posIndex={posIndex}
            projectId={data.projectId}
            onReveal={revealRange}
            open={findOpen}
            onOpenChange={(o) => {
              setFindOpen(o);
              if (!o) focusText();
            }}
            mod={mod}
          />
          <div className={styles.docInner} ref={innerRef} style={{ '--gw-gutter': `${geometry.gutter}px` } as CSSProperties}>
            <div className={styles.stripes} ref={layerRef} aria-hidden="true" />
            {editor ? <EditorContent editor={editor} /> : <div className={styles.loading}>Loading the text…</div>}
            {handleCoding && editor && innerRef.current && (
              <ExtentHandles
                key={handleCoding.coding.id}
                editor={editor}
                container={innerRef.current}
                extent={handleCoding.extent}
                label={`${codesById.get(handleCoding.coding.codeId)?.name ?? ''}, by ${handleCoding.coding.coderName}`}
                onPreview={(extent) => editor.commands.holdSelection(extent)}
                onCommit={({ from, to }) => {
                  const range = selectionToCodingRange(posIndex, from, to);
                  if (range) actions.adjustCoding(handleCoding.coding, range);
                  else announce('A coding needs at least one character that is not a space.');
                }}
              />
            )}
            {showSelectionBar && (
              <SelectionBar
                position={selection.anchor}
                lastCode={lastCode}
                onPick={openPicker}
                onApplyLast={applyLastCode}
                onInVivo={inVivo}
                onAssignToCase={() => selRange && setAssigning({ range: selRange, anchor: selection.anchor })}
              />
            )}
            {memoConflict && (
              <ConflictDialog
                conflict={memoConflict}
                // Saved like any memo edit (optimistic); a further conflict re-opens the dialog.
                save={async (body, baseVersion) => {
                  saveMemo(memoConflict.entityId, body, baseVersion);
                  return { ok: true, value: null };
                }}
                onSaved={() => setMemoConflict(null)}
                onKeepTheirs={() => {
                  actions.showStoredMemo(memoConflict.entityId, memoConflict.theirs.value, memoConflict.theirs.version);
                  setMemoConflict(null);
                }}
                onCancel={() => setMemoConflict(null)}
              />
            )}
            {assigning && (
              <AssignToCase
                projectId={data.projectId}
                sourceId={data.source.id}
                range={assigning.range}
                position={assigning.anchor}
                onClose={() => {
                  setAssigning(null);
                  focusText();
                }}
              />
            )}
            {picker && (
              <CodePicker
                codes={view.codes}
                selectedText={picker.text}
                lastCodeId={state.lastCodeId}
                position={picker.anchor}
                onApply={(codeId) => {
                  const code = codesById.get(codeId);
                  if (code) applyCode(code, picker.range);
                  closePicker();
                  collapseSelection();
                }}
                onCreate={(name) => {
                  createAndApply(name, picker.range);
                  closePicker();
                  collapseSelection();
                }}
                onClose={closePicker}
              />
            )}
            {card && cardCodings.length > 0 && (
              <div ref={cardRef}>
                <CodingCard
                  codings={cardCodings}
                  codesById={codesById}
                  excerptOf={excerptOf}
                  canCode={canCode}
                  activeId={state.activeCodingId}
                  adjustingId={adjustingId}
                  canUseSelection={!!selRange}
                  position={card.anchor}
                  autoFocus={card.focus}
                  onActivate={(id) => dispatch({ type: 'setActive', codingId: id })}
                  onRemove={removeCoding}
                  onSaveMemo={saveMemo}
                  onStartAdjust={startAdjust}
                  onApplyAdjust={applyAdjust}
                  onCancelAdjust={cancelAdjust}
                  onClose={closeCard}
                />
              </div>
            )}
            {tooltip && !picker && tooltipCodings.length > 0 && (
              <CodingTooltip codings={tooltipCodings} codesById={codesById} position={tooltip.anchor} />
            )}
          </div>
        </div>
        <CodebookPanel
          codes={view.codes}
          hereCounts={hereCounts}
          filterCodeIds={state.filter.codeIds}
          canCode={canCode}
          language={data.language}
          onToggle={toggleCodeFilter}
          onClear={clearFilter}
        />
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="workbench-status">
        {announcement}
      </div>
    </div>
  );
}
