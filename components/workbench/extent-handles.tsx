'use client';

import type { Editor } from '@tiptap/core';
import { useLayoutEffect, useRef, useState } from 'react';

import { dragExtent } from '@/lib/coding/extent-drag';

import styles from './workbench.module.css';

/** Props of {@link ExtentHandles}. */
export interface ExtentHandlesProps {
  editor: Editor;
  /** The positioned container the handles are placed in (the document's inner box). */
  container: HTMLElement;
  /** The coding's extent in ProseMirror positions. */
  extent: { from: number; to: number };
  /** Names the coding for screen readers ("trust, by Ana"). */
  label: string;
  /** While dragging: the extent to paint (null: stop painting). */
  onPreview(extent: { from: number; to: number } | null): void;
  /** Dropped (or Enter): the new extent in ProseMirror positions. */
  onCommit(extent: { from: number; to: number }): void;
}

type End = 'start' | 'end';

/**
 * Two grips at the ends of the selected coding: drag one to move that end (the passage being
 * chosen is painted as it moves), or focus one and use ←/→ (one character) then Enter; Escape
 * cancels. The change is saved like "Adjust extent", and can be undone with Ctrl+Z.
 */
export function ExtentHandles({ editor, container, extent, label, onPreview, onCommit }: ExtentHandlesProps) {
  const [draft, setDraft] = useState<{ from: number; to: number } | null>(null);
  const [boxes, setBoxes] = useState<Record<End, { left: number; top: number; height: number }> | null>(null);
  const dragging = useRef<End | null>(null);
  const shown = draft ?? extent;
  const docEnd = editor.state.doc.content.size;

  useLayoutEffect(() => {
    try {
      const box = container.getBoundingClientRect();
      const a = editor.view.coordsAtPos(shown.from, 1);
      const b = editor.view.coordsAtPos(shown.to, -1);
      setBoxes({
        start: { left: a.left - box.left, top: a.top - box.top, height: a.bottom - a.top },
        end: { left: b.left - box.left, top: b.top - box.top, height: b.bottom - b.top },
      });
    } catch {
      setBoxes(null); // no layout (a test DOM): no handles
    }
  }, [editor, container, shown.from, shown.to]);

  const update = (next: { from: number; to: number }) => {
    setDraft(next);
    onPreview(next);
  };
  const finish = (commit: boolean) => {
    const result = draft;
    dragging.current = null;
    setDraft(null);
    onPreview(null);
    if (commit && result && (result.from !== extent.from || result.to !== extent.to)) onCommit(result);
  };

  if (!boxes) return null;
  const handle = (end: End) => (
    <button
      key={end}
      type="button"
      className={`${styles.extentHandle} ${end === 'start' ? styles.extentHandleStart : styles.extentHandleEnd}`}
      style={{ left: boxes[end].left, top: boxes[end].top, height: boxes[end].height }}
      aria-label={`${end === 'start' ? 'Start' : 'End'} of the coding ${label}: drag, or use the arrow keys and Enter`}
      title="Drag to change the coded passage"
      data-testid={`extent-handle-${end}`}
      onMouseDown={(e) => e.preventDefault()}
      onPointerDown={(e) => {
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        dragging.current = end;
        update(extent);
      }}
      onPointerMove={(e) => {
        if (dragging.current !== end) return;
        const hit = editor.view.posAtCoords({ left: e.clientX, top: e.clientY });
        if (hit) update(dragExtent(draft ?? extent, end, hit.pos, { min: 1, max: docEnd - 1 }));
      }}
      onPointerUp={() => dragging.current === end && finish(true)}
      onPointerCancel={() => finish(false)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          const current = draft ?? extent;
          const at = (end === 'start' ? current.from : current.to) + (e.key === 'ArrowLeft' ? -1 : 1);
          update(dragExtent(current, end, at, { min: 1, max: docEnd - 1 }));
        } else if (e.key === 'Enter') {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape' && draft) {
          e.preventDefault();
          e.stopPropagation();
          finish(false);
        }
      }}
    />
  );
  return (
    <>
      {handle('start')}
      {handle('end')}
    </>
  );
}
