'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, useTransition } from 'react';

import {
  addCommentAction,
  deleteCommentAction,
  editCommentAction,
  loadThreadAction,
  markThreadReadAction,
} from '@/app/(app)/projects/[projectId]/team/comments/actions';
import type { CommentThreadView, CommentView, Mentionables } from '@/lib/server/data/comments/comments';
import { insertMention, type Mention, typedMention } from '@/lib/team/mentions';

import { CommentBody } from './comment-body';
import styles from './comment-thread.module.css';

/** A loaded thread: the comments, what can be mentioned, and who is reading. */
export interface ThreadData {
  thread: CommentThreadView;
  mentionables: Mentionables;
  userId: string;
}

type Target = CommentThreadView['target'];

const SUGGESTIONS_MAX = 8;

/**
 * A comment thread on a code or relation: the comments (oldest first; mentions as links), and a
 * composer whose "@" suggests members and codes. Marks the thread read once shown (and refreshes
 * the page, so the Team item's unread badge follows). Without `initial` it loads itself.
 */
export function CommentThread({ projectId, target, initial, heading = 'Comments' }: { projectId: string; target: Target; initial?: ThreadData; heading?: string | null }) {
  const router = useRouter();
  const [data, setData] = useState<ThreadData | null>(initial ?? null);
  const [error, setError] = useState<string | null>(null);
  const marked = useRef(false);

  useEffect(() => {
    if (data) return;
    let live = true;
    void loadThreadAction(projectId, { target }).then((r) => {
      if (!live) return;
      if (r.ok) setData(r.value);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [data, projectId, target]);

  // Seen: mark read once, and refresh the server components (the nav badge) if anything was unread.
  const unread = data?.thread.unread ?? 0;
  useEffect(() => {
    if (!data || marked.current) return;
    marked.current = true;
    void markThreadReadAction(projectId, { target }).then((r) => {
      if (r.ok && unread > 0) router.refresh();
    });
  }, [data, projectId, target, unread, router]);

  if (error) return <p className="message message-error">{error}</p>;
  if (!data) return <p className="muted">Loading comments…</p>;
  const { thread, mentionables, userId } = data;
  const readAt = thread.readAt;
  // A new or deleted comment also changes counts the server rendered around the thread (the
  // code page's "Comments (n)"): refresh them.
  const update = (comments: CommentView[], refresh = false) => {
    setData({ ...data, thread: { ...thread, comments } });
    if (refresh) router.refresh();
  };

  return (
    <section className={styles.thread} aria-label={heading ?? 'Comments'} data-testid="comment-thread">
      {heading && (
        <h2 className={styles.heading}>
          {heading} <span className="muted">({thread.comments.length})</span>
          {thread.unread > 0 && (
            <span className={styles.newBadge} data-testid="thread-unread">
              {thread.unread} new
            </span>
          )}
        </h2>
      )}
      {thread.comments.length === 0 ? (
        <p className="muted">No comments yet.{thread.canWrite ? ' Start the discussion: type @ to mention a member or a code.' : ''}</p>
      ) : (
        <ol className={styles.list} aria-label="Comments">
          {thread.comments.map((c) => (
            <CommentItem
              key={c.id}
              projectId={projectId}
              comment={c}
              isNew={c.author?.id !== userId && (!readAt || c.createdAt > readAt)}
              canEdit={thread.canWrite && c.author?.id === userId}
              canDelete={thread.canWrite && (c.author?.id === userId || thread.isOwner)}
              mentionables={mentionables}
              onChanged={(next) => update(thread.comments.map((x) => (x.id === next.id ? next : x)))}
              onDeleted={() => update(thread.comments.filter((x) => x.id !== c.id), true)}
            />
          ))}
        </ol>
      )}
      {thread.canWrite ? (
        <Composer
          mentionables={mentionables}
          submitLabel="Comment"
          onSubmit={async (body) => {
            const r = await addCommentAction(projectId, { target, body });
            if (r.ok) update([...thread.comments, r.value], true);
            return r.ok ? null : r.message;
          }}
        />
      ) : (
        <p className="muted">Viewers can read comments but not write them.</p>
      )}
    </section>
  );
}

function CommentItem(props: {
  projectId: string;
  comment: CommentView;
  isNew: boolean;
  canEdit: boolean;
  canDelete: boolean;
  mentionables: Mentionables;
  onChanged(next: CommentView): void;
  onDeleted(): void;
}) {
  const { comment: c } = props;
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <li className={`${styles.item} ${props.isNew ? styles.itemNew : ''}`} data-testid="comment">
      <div className="memo-meta">
        <strong>{c.author?.name ?? 'Former member'}</strong>
        <LocalTime iso={c.createdAt} />
        {c.editedAt && <span>(edited)</span>}
        {props.isNew && <span className={styles.newBadge}>new</span>}
        <span className={styles.actions}>
          {props.canEdit && !editing && (
            <button type="button" className="btn-link btn-sm" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {props.canDelete && !confirming && (
            <button type="button" className="btn-link btn-sm" onClick={() => setConfirming(true)}>
              Delete
            </button>
          )}
        </span>
      </div>
      {editing ? (
        <Composer
          mentionables={props.mentionables}
          initial={c.body}
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            const r = await editCommentAction(props.projectId, { commentId: c.id, body });
            if (!r.ok) return r.message;
            props.onChanged(r.value);
            setEditing(false);
            return null;
          }}
        />
      ) : (
        <CommentBody projectId={props.projectId} body={c.body} />
      )}
      {confirming && (
        <div className="row" role="group" aria-label="Confirm deletion">
          <span>Delete this comment?</span>
          <button
            type="button"
            className="btn btn-danger btn-sm"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const r = await deleteCommentAction(props.projectId, { commentId: c.id });
                if (r.ok) props.onDeleted();
                else setMessage(r.message);
                setConfirming(false);
              })
            }
          >
            Delete
          </button>
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {message && <p className="message message-error">{message}</p>}
    </li>
  );
}

/** A time in the reader's locale and time zone (rendered on the client, so it is theirs). */
export function LocalTime({ iso }: { iso: string }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => setText(new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })), [iso]);
  return <time dateTime={iso}>{text ?? iso.slice(0, 16).replace('T', ' ')}</time>;
}

type Suggestion = Mention & { hint: string };

function suggestionsFor(mentionables: Mentionables, query: string): Suggestion[] {
  const q = query.toLocaleLowerCase();
  const LEVEL = ['', 'concept', 'category', 'main category', 'core category'];
  const all: Suggestion[] = [
    ...mentionables.members.map((m) => ({ kind: 'user' as const, id: m.id, label: m.name, hint: 'member' })),
    ...mentionables.codes.map((c) => ({ kind: 'code' as const, id: c.id, label: `${c.label ? `${c.label} ` : ''}${c.name}`, hint: LEVEL[c.level] ?? 'code' })),
  ];
  const starts: Suggestion[] = [];
  const contains: Suggestion[] = [];
  for (const s of all) {
    const label = s.label.toLocaleLowerCase();
    if (label.startsWith(q) || label.split(/\s+/).some((w) => w.startsWith(q))) starts.push(s);
    else if (label.includes(q)) contains.push(s);
  }
  return [...starts, ...contains].slice(0, SUGGESTIONS_MAX);
}

/**
 * The comment text box. Typing "@" (where lib/text/mention-trigger.ts says it triggers) opens a
 * list of members and codes; ArrowUp/Down move, Enter or Tab pick, Escape closes. A picked
 * mention is stored as a token and shown as a chip once posted.
 */
function Composer(props: { mentionables: Mentionables; initial?: string; submitLabel: string; onSubmit(body: string): Promise<string | null>; onCancel?(): void }) {
  const [text, setText] = useState(props.initial ?? '');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const box = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const typed = typedMention(text, caret);
  const open = typed && typed.at !== dismissedAt ? typed : null;
  const items = open ? suggestionsFor(props.mentionables, open.query) : [];

  function pick(item: Suggestion) {
    const next = insertMention(text, caret, item);
    if (!next) return;
    setText(next.text);
    setCaret(next.caret);
    setActive(0);
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  function submit() {
    setMessage(null);
    start(async () => {
      const problem = await props.onSubmit(text);
      if (problem) setMessage(problem);
      else if (!props.onCancel) {
        setText('');
        setCaret(0);
      }
    });
  }

  return (
    <div className={styles.composer}>
      <div className={styles.boxWrap}>
        <textarea
          ref={box}
          className={styles.box}
          value={text}
          rows={3}
          aria-label={props.initial === undefined ? 'New comment' : 'Edit comment'}
          placeholder="Write a comment. Type @ to mention a member or a code."
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={items.length > 0 ? `${listId}-${active}` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setCaret(e.target.selectionStart);
            setActive(0);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={(e) => {
            if (items.length > 0 && open) {
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % items.length : (a - 1 + items.length) % items.length));
                return;
              }
              if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey) {
                e.preventDefault();
                pick(items[active] ?? items[0]);
                return;
              }
              if (e.key === 'Escape') {
                e.preventDefault();
                setDismissedAt(open.at);
                return;
              }
            }
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && text.trim()) {
              e.preventDefault();
              submit();
            }
          }}
        />
        {items.length > 0 && (
          <ul id={listId} role="listbox" aria-label="Members and codes to mention" className={styles.suggestions} onMouseDown={(e) => e.preventDefault()}>
            {items.map((item, i) => (
              <li
                key={`${item.kind}:${item.id}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={styles.suggestion}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(item)}
              >
                <span>{item.label}</span>
                <span className="muted">{item.hint}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="row">
        <button type="button" className="btn btn-sm" onClick={submit} disabled={pending || !text.trim()}>
          {pending ? 'Saving…' : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="btn btn-secondary btn-sm" onClick={props.onCancel}>
            Cancel
          </button>
        )}
        <span className="muted">Ctrl+Enter to send</span>
      </div>
      {message && (
        <p className="message message-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
