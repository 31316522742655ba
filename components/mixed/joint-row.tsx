'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

import { requestJson } from '@/components/datasets/api';
import { categoryHeading, coefficientText, constructHeading, datasetText, inferenceLabel, levelName, quoteText, staleText } from '@/lib/mixed/joint-display';
import type { JointDisplayRow, MetaInference } from '@/lib/mixed/types';
import { formatNumber } from '@/lib/stats/tables/format';

import { JointExemplarPicker } from './joint-exemplar-picker';
import { segmentHref } from './joint-helpers';
import styles from './mixed.module.css';

const fmt = (v: number | null, bounded = false) =>
  v === null || !Number.isFinite(v) ? '—' : formatNumber(v, { decimals: 2, leadingZero: !bounded, thousands: true, minus: 'unicode' });

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** The accessible name of a row: "B3 Brand building ↔ Brand orientation". */
export function jointRowName(row: Pick<JointDisplayRow, 'code' | 'target'>): string {
  return `${categoryHeading(row as JointDisplayRow)} ↔ ${row.target.name}`;
}

/** "β = .42***, B = 0.51 [0.30, 0.72] in Model (x → y)" with the figures in bold, so a column of them scans. */
function CoefficientLine({ text }: { text: string }) {
  const at = text.indexOf(' in ');
  if (at < 0) return <>{text}</>;
  return (
    <>
      <strong>{text.slice(0, at)}</strong>
      {text.slice(at)}
    </>
  );
}

/**
 * One joint-display row: the category with its exemplar quotes, the construct with its
 * figures and coefficients, and the team's meta-inference (editable by owners and coders).
 */
export function JointRow(props: { projectId: string; row: JointDisplayRow; latestVersion: number; canWrite: boolean }) {
  const { row, projectId } = props;
  const router = useRouter();
  const id = useId();
  const [inference, setInference] = useState<MetaInference>(row.inference);
  const [note, setNote] = useState(row.inferenceNote);
  const [busy, setBusy] = useState<'save' | 'review' | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [picking, setPicking] = useState(false);
  const q = row.quantitative;
  const api = `/api/projects/${encodeURIComponent(projectId)}/links/${encodeURIComponent(row.linkId)}`;

  async function patch(body: Record<string, unknown>, kind: 'save' | 'review') {
    setBusy(kind);
    setMessage(null);
    const answer = await requestJson(api, { method: 'PATCH', body });
    setBusy(null);
    if (!answer.ok) {
      setMessage({ kind: 'error', text: answer.error });
      return;
    }
    setMessage({ kind: 'success', text: kind === 'save' ? 'Meta-inference saved; the figures are recorded as reviewed.' : 'Marked reviewed.' });
    router.refresh();
  }

  return (
    <section className={`${styles.grid} ${styles.row} ${row.changed ? styles.rowChanged : ''}`} data-testid="joint-row" aria-label={jointRowName(row)}>
      {/* Qualitative */}
      <div className={styles.cell}>
        <h2 className={styles.cellTitle}>
          <Link href={`/projects/${projectId}/codes/${row.code.id}`}>{categoryHeading(row)}</Link>
          <span className={styles.levelTag}>{levelName(row.code.level)}</span>
        </h2>
        {row.code.definition && <p className={styles.definition}>{row.code.definition}</p>}
        <p className={styles.counts} data-testid="joint-counts">
          {plural(row.qualitative.sources, 'source', 'sources')} · {plural(row.qualitative.segments, 'segment', 'segments')}
        </p>
        {row.qualitative.exemplars.length > 0 ? (
          <ul className={styles.quotes} aria-label="Exemplar quotes">
            {row.qualitative.exemplars.map((e) => (
              <li key={e.codingId} className={styles.quote}>
                <blockquote>{quoteText(e)}</blockquote>
                <Link className={styles.quoteSource} href={segmentHref(projectId, e.sourceId, e.codingId)}>
                  — {e.sourceTitle}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.noQuotes}>No exemplar quotes picked yet.</p>
        )}
        {props.canWrite && (
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => setPicking(true)}>
            Pick quotes
          </button>
        )}
        {row.rationale && (
          <p className={styles.rationale}>
            <strong>Why linked:</strong> {row.rationale}
          </p>
        )}
      </div>

      {/* Quantitative */}
      <div className={styles.cell}>
        <p className={styles.cellTitle}>{constructHeading(row)}</p>
        <p className={styles.dataset}>{datasetText(row)}</p>
        {q ? (
          <dl className={styles.figures} aria-label="Figures">
            <div>
              <dt>α</dt>
              <dd>{fmt(q.alpha, true)}</dd>
            </div>
            <div>
              <dt>ω</dt>
              <dd>{fmt(q.omega, true)}</dd>
            </div>
            <div>
              <dt>M (SD)</dt>
              <dd>
                {fmt(q.mean)} ({fmt(q.sd)})
              </dd>
            </div>
            <div>
              <dt>n</dt>
              <dd>{q.n === null ? '—' : q.n.toLocaleString('en-GB')}</dd>
            </div>
          </dl>
        ) : (
          <p className={styles.figuresLine}>No figures yet{row.target.kind === 'scale' ? ': add the scale’s score as a variable (Scales tab).' : '.'}</p>
        )}
        <p className={styles.subhead}>Coefficients in saved analyses</p>
        {row.coefficients.some((c) => c.stale) && (
          <p className={styles.staleNote}>
            <span className={styles.stale}>stale</span>
            {props.latestVersion ? `the analysis ran before dataset version ${props.latestVersion}` : 'the analysis ran on an older dataset version'}; re-run it to update.
          </p>
        )}
        {row.coefficients.length > 0 ? (
          <ul className={styles.coefficients}>
            {row.coefficients.map((c, i) => (
              <li key={`${c.analysisId}-${i}`} className={c.stale ? styles.staleItem : undefined}>
                <CoefficientLine text={coefficientText({ ...c, stale: false })} />
                {c.stale && (
                  <span className={styles.stale} title={staleText(props.latestVersion || undefined)}>
                    stale
                  </span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.figuresLine}>None yet: run an analysis with {q?.variable ?? row.target.name} in it.</p>
        )}
      </div>

      {/* Meta-inference */}
      <div className={styles.cell}>
        {row.changed && (
          <div className={styles.changedMark} role="status" data-testid="joint-changed">
            <span>⚠ Changed since reviewed</span>
            {props.canWrite && (
              <button type="button" className="btn btn-secondary btn-sm" disabled={busy !== null} onClick={() => patch({ reviewed: true }, 'review')}>
                {busy === 'review' ? 'Saving…' : 'Mark reviewed'}
              </button>
            )}
          </div>
        )}
        {props.canWrite ? (
          <form
            className={styles.inferenceForm}
            onSubmit={(e) => {
              e.preventDefault();
              void patch({ inference, inferenceNote: note, reviewed: true }, 'save');
            }}
          >
            <div className="field">
              <label htmlFor={`${id}-inference`}>Meta-inference</label>
              <select id={`${id}-inference`} value={inference} onChange={(e) => setInference(e.target.value as MetaInference)}>
                <option value="">Not yet assessed</option>
                <option value="convergent">Convergent</option>
                <option value="complementary">Complementary</option>
                <option value="divergent">Divergent</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-note`}>Meta-inference note</label>
              <textarea id={`${id}-note`} value={note} maxLength={4000} onChange={(e) => setNote(e.target.value)} placeholder="How the quotes and the figures fit together…" />
            </div>
            <div className={styles.actions}>
              <button type="submit" className="btn btn-sm" disabled={busy !== null}>
                {busy === 'save' ? 'Saving…' : 'Save meta-inference'}
              </button>
            </div>
          </form>
        ) : (
          <>
            <p className={styles.subhead}>Meta-inference</p>
            <p className={`${styles.inferenceValue} ${row.inference ? styles[`inference_${row.inference}`] : 'muted'}`}>{inferenceLabel(row.inference)}</p>
            {row.inferenceNote && <p className={styles.note}>{row.inferenceNote}</p>}
          </>
        )}
        {message && (
          <p className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} style={{ marginTop: '0.6rem' }}>
            {message.text}
          </p>
        )}
      </div>
      {picking && (
        <JointExemplarPicker
          projectId={projectId}
          linkId={row.linkId}
          heading={categoryHeading(row)}
          initial={row.qualitative.exemplars}
          onClose={(saved) => {
            setPicking(false);
            if (saved) router.refresh();
          }}
        />
      )}
    </section>
  );
}
