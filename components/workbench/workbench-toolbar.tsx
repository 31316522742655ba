'use client';

import { useId } from 'react';

import styles from './workbench.module.css';

/** Props of {@link WorkbenchToolbar}. */
export interface WorkbenchToolbarProps {
  coders: ReadonlyArray<{ id: string; name: string }>;
  currentUserId: string;
  coderId: string | null;
  onCoderChange(coderId: string | null): void;
  visibleCount: number;
  totalCount: number;
  filtered: boolean;
  onClearFilter(): void;
  onPrevious(): void;
  onNext(): void;
  canCode: boolean;
  /** Label of the modifier key: "⌘" on Apple platforms, "Ctrl" elsewhere. */
  mod: string;
  /** Opens the find bar (components/search/find-bar.tsx). */
  onFind?(): void;
  /** What Undo / Redo would change ("coding with “Trust”"), or null when there is nothing. */
  undoLabel?: string | null;
  redoLabel?: string | null;
  onUndo?(): void;
  onRedo?(): void;
}

/** Filters, navigation and the keyboard help above the document. */
export function WorkbenchToolbar(props: WorkbenchToolbarProps) {
  const { coders, currentUserId, coderId, onCoderChange, visibleCount, totalCount, filtered, canCode, mod } = props;
  const coderSelect = useId();
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Coding view">
      <div className={styles.toolGroup}>
        <label htmlFor={coderSelect} className={styles.toolLabel}>
          Coder
        </label>
        <select
          id={coderSelect}
          className={styles.toolSelect}
          value={coderId ?? ''}
          onChange={(e) => onCoderChange(e.target.value || null)}
        >
          <option value="">All coders</option>
          {coders.map((c) => (
            <option key={c.id} value={c.id}>
              {c.id === currentUserId ? `${c.name} (you)` : c.name}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.toolGroup}>
        <span className={styles.toolCount} aria-live="polite">
          {filtered ? `${visibleCount} of ${totalCount} codings shown` : `${totalCount} ${totalCount === 1 ? 'coding' : 'codings'}`}
        </span>
        {filtered && (
          <button type="button" className="btn-link btn-sm" onClick={props.onClearFilter}>
            Clear filter
          </button>
        )}
      </div>
      <div className={styles.toolGroup}>
        <button type="button" className="btn btn-secondary btn-sm" onClick={props.onPrevious} disabled={visibleCount === 0} aria-keyshortcuts="P">
          ← Previous
        </button>
        <button type="button" className="btn btn-secondary btn-sm" onClick={props.onNext} disabled={visibleCount === 0} aria-keyshortcuts="N">
          Next →
        </button>
      </div>
      <div className={styles.toolSpacer} />
      {canCode && props.onUndo && (
        <div className={styles.toolGroup}>
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={props.onUndo}
            disabled={!props.undoLabel}
            aria-keyshortcuts="Control+Z Meta+Z"
            title={props.undoLabel ? `Undo the ${props.undoLabel} (${mod}+Z)` : 'Nothing to undo'}
          >
            Undo
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={props.onRedo}
            disabled={!props.redoLabel}
            aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
            title={props.redoLabel ? `Redo the ${props.redoLabel} (${mod}+Shift+Z)` : 'Nothing to redo'}
          >
            Redo
          </button>
        </div>
      )}
      {props.onFind && (
        <button type="button" className="btn btn-secondary btn-sm" onClick={props.onFind} aria-keyshortcuts="Control+F Meta+F" title={`Find in this source (${mod}+F)`}>
          Find
        </button>
      )}
      {!canCode && <span className="badge">Read only</span>}
      <details className={styles.shortcuts}>
        <summary>Keyboard</summary>
        <div className={styles.shortcutsPanel}>
          <p className={styles.shortcutsNote}>In the text:</p>
          <dl>
            {canCode && (
              <>
                <dt>
                  <kbd>C</kbd> or <kbd>{mod}</kbd>+<kbd>K</kbd>
                </dt>
                <dd>Code the selection (pick or create a code)</dd>
                <dt>
                  <kbd>L</kbd>
                </dt>
                <dd>Code the selection with the last-used code</dd>
                <dt>
                  <kbd>V</kbd>
                </dt>
                <dd>In vivo: the selected words become a new code</dd>
                <dt>
                  <kbd>{mod}</kbd>+<kbd>Z</kbd> / <kbd>{mod}</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd>
                </dt>
                <dd>Undo / redo your last coding change (code, remove, extent, memo)</dd>
              </>
            )}
            <dt>
              <kbd>N</kbd> / <kbd>P</kbd>
            </dt>
            <dd>Next / previous coding</dd>
            <dt>
              <kbd>{mod}</kbd>+<kbd>F</kbd>
            </dt>
            <dd>Find in this source (Enter / Shift+Enter: next / previous hit)</dd>
            <dt>
              <kbd>Enter</kbd>
            </dt>
            <dd>Show the codings at the caret{canCode ? ' (confirm while adjusting)' : ''}</dd>
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>Close</dd>
          </dl>
        </div>
      </details>
    </div>
  );
}
