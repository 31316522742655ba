'use client';

import { useEffect, useId, useRef, useState } from 'react';

import { requestJson } from '@/components/datasets/api';
import type { ExemplarQuote } from '@/lib/mixed/types';

import { MAX_EXEMPLARS, moveExemplar, quoteStart, toggleExemplar } from './joint-helpers';
import styles from './mixed.module.css';

type Candidate = ExemplarQuote & { codeLabel: string };
type Page = { total: number; page: number; pageSize: number; segments: Candidate[] };

/**
 * A modal dialog to pick a row's exemplar quotes: the segments coded with the linked code (or
 * a code under it), 50 a page; up to 5 checked, in the order checked (re-orderable), saved as
 * PATCH …/links/:linkId {exemplars}.
 */
export function JointExemplarPicker(props: { projectId: string; linkId: string; heading: string; initial: ExemplarQuote[]; onClose: (saved: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>(() => props.initial.map((q) => q.codingId));
  // Texts of every quote seen, so the selection list can name quotes from other pages.
  const [known, setKnown] = useState<Map<string, string>>(() => new Map(props.initial.map((q) => [q.codingId, q.text])));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const api = `/api/projects/${encodeURIComponent(props.projectId)}/links/${encodeURIComponent(props.linkId)}`;
  const { onClose } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setLoadError(null);
    requestJson<Page>(`${api}/segments?page=${page}`, { signal: controller.signal })
      .then((answer) => {
        if (!answer.ok) return setLoadError(answer.error);
        setData(answer.data);
        setKnown((m) => new Map([...m, ...answer.data.segments.map((s) => [s.codingId, s.text] as const)]));
      })
      .catch(() => {});
    return () => controller.abort();
  }, [api, page]);

  async function save() {
    setBusy(true);
    setError(null);
    const answer = await requestJson(api, { method: 'PATCH', body: { exemplars: selected } });
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    onClose(true); // unmounts the dialog

  }

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const full = selected.length >= MAX_EXEMPLARS;

  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={`${id}-title`} onClose={() => onClose(false)}>
      <div className={styles.dialogInner}>
        <div className={styles.dialogHead}>
          <h2 id={`${id}-title`}>Pick exemplar quotes</h2>
          <p>
            For <strong>{props.heading}</strong>: check up to {MAX_EXEMPLARS} segments that show the category best. They appear in the order you check them.
          </p>
          {selected.length > 0 && (
            <ol className={styles.selected} aria-label="Chosen quotes, in order">
              {selected.map((codingId, i) => (
                <li key={codingId}>
                  <span className={styles.order} aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className={styles.text}>{quoteStart(known.get(codingId) ?? '(quote on another page)', 110)}</span>
                  <button type="button" className="btn btn-link btn-sm" disabled={i === 0} onClick={() => setSelected((s) => moveExemplar(s, codingId, -1))} aria-label={`Move quote ${i + 1} up`}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn-link btn-sm"
                    disabled={i === selected.length - 1}
                    onClick={() => setSelected((s) => moveExemplar(s, codingId, 1))}
                    aria-label={`Move quote ${i + 1} down`}
                  >
                    ↓
                  </button>
                  <button type="button" className="btn btn-link btn-sm" onClick={() => setSelected((s) => toggleExemplar(s, codingId))} aria-label={`Remove quote ${i + 1}`}>
                    Remove
                  </button>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div className={styles.dialogBody}>
          {loadError && (
            <p className="message message-error" role="alert">
              {loadError}
            </p>
          )}
          {!data && !loadError && <p className="muted">Loading segments…</p>}
          {data && data.total === 0 && <p className="muted">Nothing is coded with this code (or a code under it) yet. Code segments in the sources first.</p>}
          {data && data.segments.length > 0 && (
            <ul className={styles.candidates}>
              {data.segments.map((s) => {
                const checked = selected.includes(s.codingId);
                const position = selected.indexOf(s.codingId) + 1;
                return (
                  <li key={s.codingId}>
                    <label className={`${styles.candidate} ${checked ? styles.candidateChecked : ''}`}>
                      <input
                        type="checkbox"
                        checked={checked}
                        disabled={!checked && full}
                        aria-label={quoteStart(s.text)}
                        onChange={() => setSelected((sel) => toggleExemplar(sel, s.codingId))}
                      />
                      <span>
                        <span className={styles.candidateText}>“{s.text}”</span>
                        <span className={styles.candidateMeta}>
                          {checked && <strong>#{position} · </strong>}
                          {s.sourceTitle} · {s.codeLabel}
                        </span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        <div className={styles.dialogFoot}>
          <div className={styles.pager}>
            {data && data.total > data.pageSize && (
              <>
                <button type="button" className="btn btn-secondary btn-sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                  Previous
                </button>
                <span>
                  Page {page} of {pages} ({data.total.toLocaleString('en-GB')} segments)
                </span>
                <button type="button" className="btn btn-secondary btn-sm" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
                  Next
                </button>
              </>
            )}
            {data && data.total <= data.pageSize && (
              <span>
                {data.total.toLocaleString('en-GB')} {data.total === 1 ? 'segment' : 'segments'} · {selected.length} of {MAX_EXEMPLARS} chosen
              </span>
            )}
          </div>
          <div className={styles.actions}>
            {error && (
              <span className="message message-error" role="alert">
                {error}
              </span>
            )}
            <button type="button" className="btn btn-secondary" onClick={() => ref.current?.close()}>
              Cancel
            </button>
            <button type="button" className="btn" disabled={busy} onClick={save}>
              {busy ? 'Saving…' : 'Save quotes'}
            </button>
          </div>
        </div>
      </div>
    </dialog>
  );
}
