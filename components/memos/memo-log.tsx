'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

import { MemoEditor } from '@/components/memo/memo-editor';
import { MemoView } from '@/components/memo/memo-view';
import { ConflictDialog } from '@/components/team/conflict-dialog';
import { emptyMemo, isMemoEmpty, type MemoDoc } from '@/lib/coding/memo';
import type { ActionResult } from '@/lib/coding/workbench-types';
import type { VersionConflict } from '@/lib/team/conflict';

type Target = { sourceId: string } | { codeId: string };

export interface MemoLogItem {
  id: string;
  body: unknown;
  authorId: string | null;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  /** The version an edit starts from (lib/team/conflict.ts). */
  version: number;
}

type UpdateMemo = (input: { target: Target; memoId: string; body: MemoDoc; baseVersion: number }) => Promise<ActionResult<{ id: string; version: number }>>;

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * A timestamped memo log on a source or code: newest first, rich text, add, edit and delete.
 * An edit names the version it started from; when someone else saved the memo meanwhile, the
 * conflict dialog shows both versions (keep mine, keep theirs, merge).
 */
export function MemoLog(props: {
  target: Target;
  memos: MemoLogItem[];
  canWrite: boolean;
  currentUserId: string;
  isOwner: boolean;
  add: (input: { target: Target; body: MemoDoc }) => Promise<ActionResult<{ id: string }>>;
  update?: UpdateMemo;
  remove: (input: { target: Target; memoId: string }) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<MemoDoc>(emptyMemo());
  const [editorKey, setEditorKey] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  /** The memo being edited: its id, the version it was loaded at, and the edit so far. */
  const [editing, setEditing] = useState<{ id: string; baseVersion: number; doc: MemoDoc | null } | null>(null);
  const [conflict, setConflict] = useState<VersionConflict<'memo'> | null>(null);

  const save = () =>
    startTransition(async () => {
      const result = await props.add({ target: props.target, body: draft });
      if (!result.ok) return setMessage(result.message);
      setMessage(null);
      setDraft(emptyMemo());
      setEditorKey((k) => k + 1); // a fresh, empty editor
      router.refresh();
    });

  const saveEdit = () =>
    startTransition(async () => {
      if (!editing?.doc || !props.update) return;
      const result = await props.update({ target: props.target, memoId: editing.id, body: editing.doc, baseVersion: editing.baseVersion });
      if (!result.ok) {
        if (result.conflict?.entity === 'memo') return setConflict(result.conflict as VersionConflict<'memo'>);
        return setMessage(result.message);
      }
      setMessage(null);
      setEditing(null);
      router.refresh();
    });

  const remove = (memoId: string) =>
    startTransition(async () => {
      if (!window.confirm('Delete this memo?')) return;
      const result = await props.remove({ target: props.target, memoId });
      setMessage(result.ok ? null : result.message);
      router.refresh();
    });

  const mayChange = (m: MemoLogItem) => props.canWrite && (props.isOwner || m.authorId === props.currentUserId);

  return (
    <div className="memo-log stack">
      {props.canWrite && (
        <div className="stack">
          <MemoEditor key={editorKey} value={draft} onChange={setDraft} ariaLabel="New memo" placeholder="Write a memo: an idea, a question, a comparison…" />
          <div className="row">
            <button type="button" className="btn btn-sm" onClick={save} disabled={pending || isMemoEmpty(draft)}>
              {pending && !editing ? 'Saving…' : 'Add memo'}
            </button>
          </div>
        </div>
      )}
      {message && (
        <div className="message message-error" role="status">
          {message}
        </div>
      )}
      {props.memos.length === 0 ? (
        <p className="muted">No memos yet.</p>
      ) : (
        <ol className="memo-list" aria-label="Memos">
          {props.memos.map((m) => (
            <li key={m.id} className="memo-item" data-testid="memo">
              <div className="memo-meta">
                <strong>{m.authorName}</strong>
                <time dateTime={m.createdAt}>{when(m.createdAt)}</time>
                {m.updatedAt !== m.createdAt && <span>(edited {when(m.updatedAt)})</span>}
                {mayChange(m) && (
                  <span className="memo-delete" style={{ display: 'inline-flex', gap: '0.9rem' }}>
                    {props.update && editing?.id !== m.id && (
                      <button type="button" className="btn-link" onClick={() => setEditing({ id: m.id, baseVersion: m.version, doc: null })} disabled={pending}>
                        Edit
                      </button>
                    )}
                    <button type="button" className="btn-link" onClick={() => remove(m.id)} disabled={pending}>
                      Delete
                    </button>
                  </span>
                )}
              </div>
              {editing?.id === m.id ? (
                <div className="stack">
                  <MemoEditor value={m.body} onChange={(doc) => setEditing((e) => (e && e.id === m.id ? { ...e, doc } : e))} ariaLabel="Edit memo" />
                  <div className="row">
                    <button type="button" className="btn btn-sm" onClick={saveEdit} disabled={pending || !editing.doc || isMemoEmpty(editing.doc)}>
                      {pending ? 'Saving…' : 'Save memo'}
                    </button>
                    <button type="button" className="btn btn-secondary btn-sm" onClick={() => setEditing(null)} disabled={pending}>
                      Cancel
                    </button>
                  </div>
                </div>
              ) : (
                <MemoView value={m.body} />
              )}
            </li>
          ))}
        </ol>
      )}
      {conflict && editing && props.update && (
        <ConflictDialog
          conflict={conflict}
          save={(body, baseVersion) => props.update!({ target: props.target, memoId: editing.id, body, baseVersion })}
          onSaved={() => {
            setConflict(null);
            setEditing(null);
            setMessage(null);
            router.refresh();
          }}
          onKeepTheirs={() => {
            setConflict(null);
            setEditing(null);
            router.refresh();
          }}
          onCancel={() => setConflict(null)}
        />
      )}
    </div>
  );
}
