'use client';

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

import { MemoEditor } from '@/components/memo/memo-editor';
import { MemoView } from '@/components/memo/memo-view';
import type { MemoDoc } from '@/lib/coding/memo';
import { isPendingId } from '@/lib/coding/workbench-state';
import type { WorkbenchCode, WorkbenchCoding } from '@/lib/coding/workbench-types';

import styles from './workbench.module.css';

/** Props of {@link CodingCard}. */
export interface CodingCardProps {
  codings: readonly WorkbenchCoding[];
  codesById: ReadonlyMap<string, WorkbenchCode>;
  /** The coded text of a coding (shortened). */
  excerptOf(coding: WorkbenchCoding): string;
  canCode: boolean;
  activeId: string | null;
  /** The coding whose boundaries are being adjusted, if any. */
  adjustingId: string | null;
  /** Whether the current selection can become the adjusted extent. */
  canUseSelection: boolean;
  /** Inside the document's positioned container: below a line (`top`) or above it (`bottom`). */
  position: { top?: number; bottom?: number; left: number };
  /** Move focus into the card when it opens (opened from the keyboard). */
  autoFocus: boolean;
  onActivate(codingId: string): void;
  onRemove(codingId: string): void;
  /** `baseVersion`: the memo version the editor opened (a conflict check). */
  onSaveMemo(codingId: string, doc: MemoDoc, baseVersion?: number): void;
  onStartAdjust(codingId: string): void;
  onApplyAdjust(): void;
  onCancelAdjust(): void;
  onClose(): void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/**
 * The codings at a place in the text: code, coder, date, the coded words and the memo, with
 * "Edit memo", "Adjust extent" and "Remove" for people who may code. Esc closes it.
 */
export function CodingCard(props: CodingCardProps) {
  const { codings, position, autoFocus, onClose, adjustingId } = props;
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (autoFocus) ref.current?.querySelector<HTMLElement>('button, textarea')?.focus();
  }, [autoFocus]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (adjustingId) props.onCancelAdjust();
      else onClose();
    }
  };

  return (
    <div
      ref={ref}
      className={`${styles.popover} ${styles.card}`}
      style={{ top: position.top, bottom: position.bottom, left: position.left }}
      role="dialog"
      aria-label={codings.length === 1 ? 'Coding' : `${codings.length} codings here`}
      data-testid="coding-card"
      onKeyDown={onKeyDown}
    >
      <div className={styles.cardHead}>
        <span className={styles.cardTitle}>{codings.length === 1 ? 'Coding' : `${codings.length} codings here`}</span>
        <button type="button" className={styles.iconButton} aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <ul className={styles.cardList}>
        {codings.map((coding) => (
          <CodingRow key={coding.id} coding={coding} {...props} />
        ))}
      </ul>
    </div>
  );
}

function CodingRow({
  coding,
  codesById,
  excerptOf,
  canCode,
  activeId,
  adjustingId,
  canUseSelection,
  onActivate,
  onRemove,
  onSaveMemo,
  onStartAdjust,
  onApplyAdjust,
  onCancelAdjust,
}: CodingCardProps & { coding: WorkbenchCoding }) {
  const [editing, setEditing] = useState(false);
  const [memo, setMemo] = useState<MemoDoc | null>(null);
  /** The memo version the editor opened: a save names it. */
  const [memoBase, setMemoBase] = useState<number | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const code = codesById.get(coding.codeId);
  const pending = isPendingId(coding.id);
  const adjusting = adjustingId === coding.id;
  const created = new Date(coding.createdAt);

  return (
    <li className={`${styles.cardItem} ${coding.id === activeId ? styles.cardItemActive : ''}`} onMouseEnter={() => onActivate(coding.id)}>
      <div className={styles.cardCode}>
        <span className={styles.swatch} style={{ background: code?.color ?? '#888888' }} aria-hidden="true" />
        <strong>{code?.name ?? 'Unknown code'}</strong>
      </div>
      <div className={styles.cardMeta}>
        {coding.coderName}
        {Number.isNaN(created.getTime()) ? '' : ` · ${dateFormat.format(created)}`}
        {pending && ' · saving…'}
      </div>
      <blockquote className={styles.cardExcerpt}>{excerptOf(coding)}</blockquote>

      {editing ? (
        <form
          className={styles.memoForm}
          onSubmit={(e) => {
            e.preventDefault();
            if (memo) onSaveMemo(coding.id, memo, memoBase);
            setEditing(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setEditing(false);
            } else if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              e.currentTarget.requestSubmit();
            }
          }}
        >
          <MemoEditor value={coding.memoBody ?? coding.memo} onChange={setMemo} ariaLabel="Memo on this coding" placeholder="What strikes you about this passage?" />
          <div className={styles.cardActions}>
            <button type="submit" className="btn btn-sm" disabled={!memo}>
              Save memo
            </button>
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : coding.memo ? (
        <MemoView value={coding.memoBody ?? coding.memo} className={styles.cardMemo} />
      ) : (
        <p className={styles.cardMemoEmpty}>No memo</p>
      )}

      {adjusting && (
        <div className={styles.adjustBox} role="status">
          Select the new extent in the text, then press Enter or “Use selection”.
          <div className={styles.cardActions}>
            <button type="button" className="btn btn-sm" disabled={!canUseSelection} onClick={onApplyAdjust}>
              Use selection
            </button>
            <button type="button" className="btn btn-secondary btn-sm" onClick={onCancelAdjust}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {canCode && !editing && !adjusting && (
        <div className={styles.cardActions}>
          {confirming ? (
            <>
              <span className={styles.confirmText}>Remove this coding?</span>
              <button type="button" className="btn btn-danger btn-sm" onClick={() => onRemove(coding.id)}>
                Remove
              </button>
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                disabled={pending}
                onClick={() => {
                  setMemo(null);
                  setMemoBase(coding.memoVersion);
                  setEditing(true);
                }}
              >
                {coding.memo ? 'Edit memo' : 'Add memo'}
              </button>
              <button type="button" className="btn btn-secondary btn-sm" disabled={pending} onClick={() => onStartAdjust(coding.id)}>
                Adjust extent
              </button>
              <button
                type="button"
                className={`btn btn-secondary btn-sm ${styles.dangerText}`}
                disabled={pending}
                onClick={() => setConfirming(true)}
                aria-label={`Remove coding “${code?.name ?? ''}”`}
              >
                Remove
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
