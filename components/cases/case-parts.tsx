'use client';

import Link from 'next/link';
import { useId, useState } from 'react';

import { requestJson } from '@/components/datasets/api';
import { describeRange } from '@/lib/cases/parts';
import type { CasePartView } from '@/lib/server/data/cases/parts';

import styles from '../mixed/mixed.module.css';

/** A part of a source in a case (a transcript speaker, or a range of the text): the data layer's shape. */
export type CasePartItem = CasePartView;

type Call = (url: string, method: string, body: unknown, success: (data: never) => string) => Promise<boolean>;

/** "Interview 3 — speaker “B”" or "Focus group 1 — characters 1,200–3,400". */
export const partLabel = (p: Pick<CasePartItem, 'sourceTitle' | 'speaker' | 'start' | 'end'>) => `${p.sourceTitle} — ${p.speaker ? `speaker “${p.speaker}”` : describeRange(p.start, p.end)}`;

/**
 * The parts of one case: transcript speakers and text ranges of sources (a focus group's
 * speakers can be cases of their own). Owners and coders add a speaker (source → speaker) or
 * remove a part; ranges are added from a selection in the workbench.
 */
export function CaseParts(props: { projectId: string; caseId: string; caseName: string; parts: CasePartItem[]; sources: Array<{ id: string; title: string }>; canWrite: boolean; busy: boolean; call: Call }) {
  const id = useId();
  const api = `/api/projects/${encodeURIComponent(props.projectId)}`;
  const partsUrl = `${api}/cases/${encodeURIComponent(props.caseId)}/parts`;
  const [adding, setAdding] = useState(false);
  const [sourceId, setSourceId] = useState('');
  const [speakers, setSpeakers] = useState<Array<{ speaker: string; turns: number }> | null>(null);
  const [speaker, setSpeaker] = useState('');
  const [loadError, setLoadError] = useState('');

  async function chooseSource(next: string) {
    setSourceId(next);
    setSpeakers(null);
    setSpeaker('');
    setLoadError('');
    if (!next) return;
    const answer = await requestJson<{ speakers: Array<{ speaker: string; turns: number }> }>(`${api}/sources/${encodeURIComponent(next)}/speakers`);
    if (!answer.ok) setLoadError(answer.error);
    else {
      setSpeakers(answer.data.speakers);
      setSpeaker(answer.data.speakers[0]?.speaker ?? '');
    }
  }

  const reset = () => {
    setAdding(false);
    setSourceId('');
    setSpeakers(null);
    setSpeaker('');
    setLoadError('');
  };

  return (
    <div className={styles.caseParts}>
      {props.parts.length > 0 && (
        <ul className={styles.caseSources} aria-label={`Parts of sources in ${props.caseName}`}>
          {props.parts.map((p) => (
            <li key={p.id} className={styles.chip} data-testid="case-part">
              <Link href={`/projects/${props.projectId}/sources/${p.sourceId}`}>{partLabel(p)}</Link>
              {props.canWrite && (
                <button
                  type="button"
                  aria-label={`Remove ${partLabel(p)} from ${props.caseName}`}
                  title="Remove from the case"
                  disabled={props.busy}
                  onClick={() => props.call(`${partsUrl}/${encodeURIComponent(p.id)}`, 'DELETE', undefined, () => `Removed ${partLabel(p)} from ${props.caseName}.`)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canWrite && !adding && (
        <button type="button" className="btn btn-link btn-sm" onClick={() => setAdding(true)} disabled={props.sources.length === 0}>
          Add a speaker
        </button>
      )}
      {props.canWrite && adding && (
        <form
          className={styles.partForm}
          aria-label={`Add a speaker to ${props.caseName}`}
          onSubmit={async (e) => {
            e.preventDefault();
            if (await props.call(partsUrl, 'POST', { sourceId, speaker }, () => `Put speaker “${speaker}” in ${props.caseName}.`)) reset();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-source`}>Transcript</label>
            <select id={`${id}-source`} value={sourceId} onChange={(e) => void chooseSource(e.target.value)}>
              <option value="">Choose a source…</option>
              {props.sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </div>
          {speakers && speakers.length > 0 && (
            <div className="field">
              <label htmlFor={`${id}-speaker`}>Speaker</label>
              <select id={`${id}-speaker`} value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
                {speakers.map((s) => (
                  <option key={s.speaker} value={s.speaker}>
                    {s.speaker} ({s.turns} {s.turns === 1 ? 'turn' : 'turns'})
                  </option>
                ))}
              </select>
            </div>
          )}
          {speakers && speakers.length === 0 && <p className="muted">This source has no transcript speakers (only WebVTT and SRT transcripts with speakers have them).</p>}
          {loadError && (
            <p className="message message-error" role="alert">
              {loadError}
            </p>
          )}
          <div className={styles.actions}>
            <button type="submit" className="btn btn-sm" disabled={props.busy || !sourceId || !speaker}>
              Add speaker
            </button>
            <button type="button" className="btn btn-secondary btn-sm" onClick={reset}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
