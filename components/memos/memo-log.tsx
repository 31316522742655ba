'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

import { MemoEditor } from '@/components/memo/memo-editor';
import { MemoView } from '@/components/memo/memo-view';
import { emptyMemo, isMemoEmpty, type MemoDoc } from '@/lib/coding/memo';
import type { ActionResult } from '@/lib/coding/workbench-types';

type Target = { sourceId: string } | { codeId: string };

export interface MemoLogItem {
  id: string;
  body: unknown;
  authorId: string | null;
  authorName: string;
  createdAt: string;
  updatedAt: string;
}

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A timestamped memo log on a source or code: newest first, rich text, add and delete. */
export function MemoLog(props: {
  target: Target;
  memos: MemoLogItem[];
  canWrite: boolean;
  currentUserId: string;
  isOwner: boolean;
  add: (input: { target: Target; body: MemoDoc }) => Promise<ActionResult<{ id: string }>>;
  remove: (input: { target: Target; memoId: string }) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<MemoDoc>(emptyMemo());
  const [editorKey, setEditorKey] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const save = () =>
    startTransition(async () => {
      const result = await props.add({ target: props.target, body: draft });
      if (!result.ok) return setMessage(result.message);
      setMessage(null);
      setDraft(emptyMemo());
      setEditorKey((k) => k + 1); // a fresh, empty editor
      router.refresh();
    });

  const remove = (memoId: string) =>
    startTransition(async () => {
      if (!window.confirm('Delete this memo?')) return;
      const result = await props.remove({ target: props.target, memoId });
      setMessage(result.ok ? null : result.message);
      router.refresh();
    });

  return (
    <div className="memo-log stack">
      {props.canWrite && (
        <div className="stack">
          <MemoEditor key={editorKey} value={draft} onChange={setDraft} ariaLabel="New memo" placeholder="Write a memo: an idea, a question, a comparison…" />
          <div className="row">
            <button type="button" className="btn btn-sm" onClick={save} disabled={pending || isMemoEmpty(draft)}>
              {pending ? 'Saving…' : 'Add memo'}
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
                {props.canWrite && (props.isOwner || m.authorId === props.currentUserId) && (
                  <button type="button" className="btn-link memo-delete" onClick={() => remove(m.id)} disabled={pending}>
                    Delete
                  </button>
                )}
              </div>
              <MemoView value={m.body} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
