import { useLayoutEffect, useRef, useState } from 'react';

import type { WorkbenchCode } from '@/lib/coding/workbench-types';

import styles from './workbench.module.css';

/** Props of {@link SelectionBar}. */
export interface SelectionBarProps {
  /** Inside the document's positioned container: below a line (`top`) or above it (`bottom`). */
  position: { top?: number; bottom?: number; left: number };
  lastCode: WorkbenchCode | null;
  onPick(): void;
  onApplyLast(): void;
  onInVivo(): void;
  /** "Assign to case…": make the selection part of a case (offered when given). */
  onAssignToCase?(): void;
}

/**
 * Quick actions under a selection, with their shortcuts: pick a code, repeat the last code,
 * in vivo; and assigning the passage to a case. Buttons keep the text focused (mousedown is cancelled) so the selection stays.
 */
export function SelectionBar({ position, lastCode, onPick, onApplyLast, onInVivo, onAssignToCase }: SelectionBarProps) {
  const keep = (e: React.MouseEvent) => e.preventDefault();
  // Never cut off at the pane's right edge: measured, then moved left as far as needed.
  const ref = useRef<HTMLDivElement>(null);
  const [left, setLeft] = useState(position.left);
  useLayoutEffect(() => {
    const el = ref.current;
    const room = el?.parentElement?.clientWidth ?? 0;
    if (!el || room === 0) return setLeft(position.left);
    setLeft(Math.max(4, Math.min(position.left, room - el.offsetWidth - 4)));
  }, [position.left, lastCode, onAssignToCase]);
  return (
    <div ref={ref} className={styles.selectionBar} style={{ top: position.top, bottom: position.bottom, left }} role="group" aria-label="Code the selection" data-testid="selection-bar">
      <button type="button" onMouseDown={keep} onClick={onPick} aria-keyshortcuts="C Control+K Meta+K">
        Code… <kbd>C</kbd>
      </button>
      {lastCode && (
        <button type="button" onMouseDown={keep} onClick={onApplyLast} aria-keyshortcuts="L" title={`Code with “${lastCode.name}” (L)`}>
          <span className={styles.swatch} style={{ background: lastCode.color }} aria-hidden="true" />
          <span className={styles.selectionBarName}>{lastCode.name}</span> <kbd>L</kbd>
        </button>
      )}
      <button type="button" onMouseDown={keep} onClick={onInVivo} aria-keyshortcuts="V" title="Create a code named by the selected words (V)">
        In vivo <kbd>V</kbd>
      </button>
      {onAssignToCase && (
        <button type="button" onMouseDown={keep} onClick={onAssignToCase} title="Make the selected passage part of a case">
          Assign to case…
        </button>
      )}
    </div>
  );
}
