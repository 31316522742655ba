'use client';

import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

import { MemoEditor, type MemoMentions } from '@/components/memo/memo-editor';
import { MemoView } from '@/components/memo/memo-view';
import type { MemoDoc } from '@/lib/coding/memo';
import type { ActionResult } from '@/lib/coding/workbench-types';
import {
  type AnyVersionConflict,
  type CodeFields,
  changedCodeFields,
  mergeCodeFields,
  mergeMemoDocs,
  type VersionConflict,
} from '@/lib/team/conflict';

import styles from './conflict-dialog.module.css';

const NOUN = { memo: 'memo', code: 'code', storyline: 'storyline' } as const;

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The value a resolution saves: a memo document, or a code's fields. */
type ValueOf<C extends AnyVersionConflict> = C['yours']['value'];

export interface ConflictDialogProps<C extends AnyVersionConflict = AnyVersionConflict> {
  conflict: C;
  /**
   * Saves `value` over the stored version `baseVersion` (theirs). A new conflict (someone saved
   * yet again) re-opens the dialog with it; a plain failure shows its message.
   */
  save(value: ValueOf<C>, baseVersion: number): Promise<ActionResult<unknown>>;
  /** After a successful save (Keep mine or Merge). */
  onSaved(): void;
  /** Keep theirs: drop the local edit (the caller reloads the stored version). */
  onKeepTheirs(): void;
  /** Close without choosing (Escape): the edit stays open. */
  onCancel(): void;
  /** Offered in the merge editor of a memo or storyline. */
  mentions?: MemoMentions;
}

/**
 * "Someone else changed this memo/code/storyline while you were editing": their version (who,
 * when) and yours side by side, and three ways on. **Keep mine** saves yours over theirs (naming
 * their version, so a third save in between is caught again); **Keep theirs** discards yours;
 * **Merge** opens an editable combination (lib/team/conflict.ts: their memo, then yours, marked;
 * for a code your name and colour with both definitions) to save. A modal `<dialog>`: focus
 * stays inside, Escape cancels.
 */
export function ConflictDialog<C extends AnyVersionConflict>(props: ConflictDialogProps<C>) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [conflict, setConflict] = useState<AnyVersionConflict>(props.conflict);
  const [merging, setMerging] = useState<ValueOf<C> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => dialog?.close?.();
  }, []);

  const noun = NOUN[conflict.entity];

  async function save(value: ValueOf<C>) {
    setBusy(true);
    setError(null);
    let result: ActionResult<unknown>;
    try {
      result = await props.save(value, conflict.theirs.version);
    } catch {
      result = { ok: false, message: 'The server did not answer. Nothing was saved; try again.' };
    }
    setBusy(false);
    if (result.ok) return props.onSaved();
    if (result.conflict) {
      // Someone saved again meanwhile: compare with that version now (your text stays yours).
      setConflict({ ...result.conflict, yours: { ...result.conflict.yours, value } } as AnyVersionConflict);
      setMerging(null);
      setError(`${result.conflict.theirs.byName} saved again meanwhile. Compare with their newest version.`);
      return;
    }
    setError(result.message);
  }

  const startMerge = () =>
    setMerging(
      (conflict.entity === 'code'
        ? mergeCodeFields(conflict.theirs.value as CodeFields, conflict.yours.value as CodeFields)
        : mergeMemoDocs(conflict.theirs.value as MemoDoc, conflict.yours.value as MemoDoc, { theirsBy: conflict.theirs.byName })) as ValueOf<C>,
    );

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={headingId}
      data-testid="conflict-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) props.onCancel();
      }}
    >
      <h2 id={headingId} className={styles.heading}>
        Someone else changed this {noun} while you were editing
      </h2>
      <p className={styles.lead}>
        {conflict.theirs.byName} saved a new version at {when(conflict.theirs.at)}. Nothing of yours is lost yet: choose which version to keep, or merge
        them.
      </p>
      <div className={styles.columns}>
        <section className={styles.side} aria-label="Their version" data-testid="conflict-theirs">
          <h3>Their version</h3>
          <p className={styles.meta}>
            {conflict.theirs.byName} · {when(conflict.theirs.at)} · version {conflict.theirs.version}
          </p>
          <Version conflict={conflict} side="theirs" />
        </section>
        <section className={styles.side} aria-label="Your version" data-testid="conflict-yours">
          <h3>Your version</h3>
          <p className={styles.meta}>Not saved · edited from version {conflict.yours.baseVersion}</p>
          <Version conflict={conflict} side="yours" />
        </section>
      </div>
      {merging !== null && (
        <section className={styles.merge} aria-label="Merged version">
          <h3>Merged version</h3>
          {conflict.entity === 'code' ? (
            <CodeMergeForm value={merging as CodeFields} onChange={(v) => setMerging(v as ValueOf<C>)} />
          ) : (
            <>
              <MemoEditor value={merging} onChange={(d) => setMerging(d as ValueOf<C>)} ariaLabel={`Merged ${noun}`} mentions={props.mentions} />
              <p className={styles.hint}>Their text comes first, then yours, each under a line in italics. Edit it into one {noun}, then save.</p>
            </>
          )}
        </section>
      )}
      {error && (
        <p className="message message-error" role="alert" style={{ marginTop: '1rem' }}>
          {error}
        </p>
      )}
      <div className={styles.actions}>
        {merging === null ? (
          <>
            <button type="button" className="btn btn-secondary" disabled={busy} onClick={props.onKeepTheirs}>
              Keep theirs
            </button>
            <button type="button" className="btn btn-secondary" disabled={busy} onClick={startMerge}>
              Merge
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void save(conflict.yours.value as ValueOf<C>)}>
              {busy ? 'Saving…' : 'Keep mine'}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => setMerging(null)}>
              Back to the comparison
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void save(merging)}>
              {busy ? 'Saving…' : 'Save merged version'}
            </button>
          </>
        )}
      </div>
    </dialog>
  );
}

function Version({ conflict, side }: { conflict: AnyVersionConflict; side: 'theirs' | 'yours' }) {
  if (conflict.entity !== 'code') {
    const value = conflict[side].value as MemoDoc;
    return <MemoView value={value} emptyText={side === 'theirs' ? 'They cleared it.' : 'You cleared it.'} />;
  }
  const c = conflict as VersionConflict<'code'>;
  const changed = new Set(changedCodeFields(c.theirs.value, c.yours.value));
  const v = c[side].value;
  const cell = (key: keyof CodeFields, content: ReactNode) => <dd className={changed.has(key) ? styles.changed : undefined}>{content}</dd>;
  return (
    <dl className={styles.fields}>
      <dt>Name</dt>
      {cell('name', v.name)}
      {v.label !== undefined && (
        <>
          <dt>Label</dt>
          {cell('label', v.label)}
        </>
      )}
      <dt>Colour</dt>
      {cell(
        'color',
        <>
          <span className={styles.swatch} style={{ background: v.color }} aria-hidden="true" />
          {v.color}
        </>,
      )}
      <dt>Definition</dt>
      {cell('definition', v.definition || <span className="muted">none</span>)}
    </dl>
  );
}

function CodeMergeForm({ value, onChange }: { value: CodeFields; onChange(v: CodeFields): void }) {
  const id = useId();
  return (
    <div className="stack">
      <div className="row">
        <div className="field grow">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={value.name} maxLength={200} onChange={(e) => onChange({ ...value, name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-color`}>Colour</label>
          <input id={`${id}-color`} type="color" className="color-input" value={value.color} onChange={(e) => onChange({ ...value, color: e.target.value })} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-definition`}>Definition</label>
        <textarea id={`${id}-definition`} rows={4} value={value.definition} onChange={(e) => onChange({ ...value, definition: e.target.value })} />
      </div>
    </div>
  );
}
