'use client';

import { useEffect, useId, useState } from 'react';

import { requestJson } from '@/components/datasets/api';
import { describeRange } from '@/lib/cases/parts';

/**
 * "Assign to case…" for a selection in the workbench: choose one of the project's cases and the
 * selected range of the source becomes a part of it (a range part, lib/cases/parts.ts).
 */
export function AssignToCase(props: {
  projectId: string;
  sourceId: string;
  range: { start: number; end: number };
  position: { top?: number; bottom?: number; left: number };
  onClose(): void;
}) {
  const id = useId();
  const api = `/api/projects/${encodeURIComponent(props.projectId)}/cases`;
  const [cases, setCases] = useState<Array<{ id: string; name: string }> | null>(null);
  const [caseId, setCaseId] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    void requestJson<{ cases: Array<{ id: string; name: string }> }>(api).then((answer) => {
      if (!live) return;
      if (!answer.ok) setMessage({ kind: 'error', text: answer.error });
      else {
        setCases(answer.data.cases);
        setCaseId(answer.data.cases[0]?.id ?? '');
      }
    });
    return () => {
      live = false;
    };
  }, [api]);

  const where = describeRange(props.range.start, props.range.end);
  return (
    <div
      role="dialog"
      aria-labelledby={`${id}-title`}
      data-testid="assign-to-case"
      className="card"
      style={{ position: 'absolute', zIndex: 20, top: props.position.top, bottom: props.position.bottom, left: props.position.left, width: 300, padding: '0.7rem 0.8rem', boxShadow: '0 8px 20px rgba(16, 24, 40, 0.22)' }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <h2 id={`${id}-title`} style={{ fontSize: '0.95rem', margin: '0 0 0.4rem' }}>
        Assign to case
      </h2>
      <p className="muted" style={{ fontSize: '0.82rem', margin: '0 0 0.5rem' }}>
        The selection ({where}) becomes part of the case.
      </p>
      {cases && cases.length === 0 && <p className="muted">No cases yet: create one on the Cases page.</p>}
      <form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const answer = await requestJson(`${api}/${encodeURIComponent(caseId)}/parts`, { method: 'POST', body: { sourceId: props.sourceId, start: props.range.start, end: props.range.end } });
          setBusy(false);
          const name = cases?.find((c) => c.id === caseId)?.name ?? '';
          setMessage(answer.ok ? { kind: 'success', text: `Assigned ${where} to ${name}.` } : { kind: 'error', text: answer.error });
        }}
      >
        {cases && cases.length > 0 && (
          <div className="field">
            <label htmlFor={`${id}-case`}>Case</label>
            <select id={`${id}-case`} value={caseId} onChange={(e) => setCaseId(e.target.value)} autoFocus>
              {cases.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {message && (
          <p className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div style={{ display: 'flex', gap: '0.4rem' }}>
          <button type="submit" className="btn btn-sm" disabled={busy || !caseId || message?.kind === 'success'}>
            Assign
          </button>
          <button type="button" className="btn btn-secondary btn-sm" onClick={props.onClose}>
            {message?.kind === 'success' ? 'Close' : 'Cancel'}
          </button>
        </div>
      </form>
    </div>
  );
}
