'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type ReactNode, useState, useTransition } from 'react';

import { mergeCodesAction, splitCodeAction } from '@/app/(app)/projects/[projectId]/hierarchy/actions';

export interface CodeSegmentItem {
  codingId: string;
  sourceId: string;
  sourceTitle: string;
  before: string;
  text: string;
  after: string;
  /** Where the segment is, in words: "p. 4", "Ana, 12:03", "paragraph 12" (lib/sources/segment-location.ts). */
  location: string;
  coderName: string;
  memo: string;
  /** Set when the segment is coded with a code below this one (a category's concept). */
  via: { id: string; title: string } | null;
}

/**
 * Coded retrieval: a code's segments with context, each linking to its place in the source.
 * Users who may code can split the code: tick segments and move them to a new code of the
 * same level and parent. The server pages the list; `segments` is the shown page.
 */
export function CodeSegmentList(props: {
  projectId: string;
  code: { id: string; color: string; title: string };
  segments: CodeSegmentItem[];
  canSplit: boolean;
  /** Whether codes sit below this one (their segments are listed too). */
  hasChildren: boolean;
  /** Whether the list has more than one page (splitting then picks from the shown page). */
  paginated?: boolean;
  /** Above and below the list: the pager. */
  header?: ReactNode;
  footer?: ReactNode;
}) {
  const router = useRouter();
  const [splitting, setSplitting] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; undo?: () => void } | null>(null);
  const [busy, startTransition] = useTransition();
  const base = `/projects/${props.projectId}`;
  const own = props.segments.filter((s) => !s.via);
  let lastSource = '';

  return (
    <>
      {props.canSplit && own.length > 0 && (
        <div className="card split-panel">
          {!splitting ? (
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => setSplitting(true)}>
              Split code…
            </button>
          ) : (
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                startTransition(async () => {
                  const result = await splitCodeAction(props.projectId, { codeId: props.code.id, codingIds: [...chosen], name });
                  if (!result.ok) {
                    setMessage({ kind: 'error', text: result.message });
                    return;
                  }
                  const created = result.value;
                  setMessage({
                    kind: 'ok',
                    text: `Moved ${created.codingsMoved} ${created.codingsMoved === 1 ? 'segment' : 'segments'} to ${created.label} ${name}.`,
                    // Undo merges the new code back: its codings (and their memos) return here.
                    undo: () =>
                      startTransition(async () => {
                        const back = await mergeCodesAction(props.projectId, { fromId: created.id, intoId: props.code.id });
                        setMessage(back.ok ? { kind: 'ok', text: `Undone: the segments are back in ${props.code.title}.` } : { kind: 'error', text: back.message });
                        router.refresh();
                      }),
                  });
                  setChosen(new Set());
                  setName('');
                  setSplitting(false);
                  router.refresh();
                });
              }}
            >
              <p className="muted" style={{ flexBasis: '100%', margin: 0 }}>
                Tick the segments that belong to a new code ({chosen.size} of {own.length}
                {props.paginated ? ' on this page' : ''} ticked). They move to it with their memos; the new code sits beside{' '}
                {props.code.title}.
              </p>
              <label className="field">
                <span>New code name</span>
                <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
              </label>
              <button type="submit" className="btn btn-sm" disabled={busy || chosen.size === 0}>
                Move {chosen.size} to new code
              </button>
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => setSplitting(false)}>
                Cancel
              </button>
            </form>
          )}
          {message && (
            <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'message message-error' : 'message message-success'}>
              {message.text}{' '}
              {message.undo && (
                <button type="button" className="btn btn-secondary btn-sm" onClick={message.undo} disabled={busy}>
                  Undo
                </button>
              )}
            </p>
          )}
        </div>
      )}
      {props.header}
      {props.segments.length === 0 ? (
        <div className="card empty">No segments are coded with this code{props.hasChildren ? ' or the codes below it' : ''} yet.</div>
      ) : (
        <ol className="segments" aria-label="Coded segments">
          {props.segments.map((s) => {
            const header = s.sourceId !== lastSource;
            lastSource = s.sourceId;
            return (
              <li key={s.codingId} className="segment card" data-testid="segment">
                {header && <h2 className="segment-source">{s.sourceTitle}</h2>}
                <div className="segment-body">
                  {splitting && !s.via && (
                    <input
                      type="checkbox"
                      aria-label={`Move “${s.text.slice(0, 40)}” to the new code`}
                      checked={chosen.has(s.codingId)}
                      onChange={() =>
                        setChosen((c) => {
                          const next = new Set(c);
                          if (next.has(s.codingId)) next.delete(s.codingId);
                          else next.add(s.codingId);
                          return next;
                        })
                      }
                    />
                  )}
                  <blockquote dir="auto">
                    <span className="context">{s.before}</span>
                    <mark style={{ background: `${props.code.color}33`, borderBottom: `2px solid ${props.code.color}` }}>{s.text}</mark>
                    <span className="context">{s.after}</span>
                  </blockquote>
                </div>
                <div className="segment-meta">
                  <Link href={`${base}/sources/${s.sourceId}?coding=${s.codingId}`}>Open in source</Link>
                  {s.via && (
                    <span>
                      via <Link href={`${base}/codes/${s.via.id}`}>{s.via.title}</Link>
                    </span>
                  )}
                  {s.location && <span data-testid="segment-location">{s.location}</span>}
                  <span>coded by {s.coderName}</span>
                  {s.memo && <span className="segment-memo">Memo: {s.memo}</span>}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {props.footer}
    </>
  );
}
