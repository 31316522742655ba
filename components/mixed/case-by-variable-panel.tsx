'use client';

import Link from 'next/link';
import { useId, useMemo, useState } from 'react';

import { requestJson } from '@/components/datasets/api';
import type { CaseFilterBounds, CaseFilterKind } from '@/lib/mixed/qualitize';
import { formatNumber } from '@/lib/stats/tables/format';

import { type DatasetChoice, DatasetIdChooser, type LoadedDataset } from './case-dataset-chooser';
import { codesInTreeOrder, codeTitle, cutOffText, distinctSegments, segmentHref, type TreeCode } from './joint-helpers';
import styles from './mixed.module.css';

type Segment = { codingId: string; sourceId: string; sourceTitle: string; start: number; end: number; text: string; codeLabel: string };
type Answer = { cases: Array<{ caseName: string; caseId: string; row: number; value: number; segments: Segment[] }>; bounds: CaseFilterBounds | null; unmatched: number };

const FILTERS: Array<{ value: CaseFilterKind; label: string }> = [
  { value: 'top-quartile', label: 'Top quartile' },
  { value: 'bottom-quartile', label: 'Bottom quartile' },
  { value: 'above-median', label: 'Above the median' },
  { value: 'below-median', label: 'Below the median' },
  { value: 'range', label: 'Range' },
];

const value = (v: number) => formatNumber(v, { decimals: Number.isInteger(v) ? 0 : 2, leadingZero: true, thousands: true, minus: 'unicode' });

/**
 * Qualitizing: the matched cases ordered by a survey variable within a filter (e.g. the top
 * quartile of brand orientation), each opening to its coded segments of a chosen code — the
 * quotes behind a statistical result.
 */
export function CaseByVariablePanel(props: { projectId: string; datasets: DatasetChoice[]; codes: TreeCode[] }) {
  const id = useId();
  const [datasetId, setDatasetId] = useState('');
  const [idVariable, setIdVariable] = useState('');
  const [dataset, setDataset] = useState<LoadedDataset | null>(null);
  const [variable, setVariable] = useState('');
  const [filter, setFilter] = useState<CaseFilterKind>('top-quartile');
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const [codeId, setCodeId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<(Answer & { variable: string; filter: CaseFilterKind; withCode: boolean }) | null>(null);
  const tree = useMemo(() => codesInTreeOrder(props.codes), [props.codes]);
  const numeric = (dataset?.latest.variables ?? []).filter((v) => (v.type === 'numeric' || v.type === 'likert') && v.name !== idVariable);

  async function run() {
    setBusy(true);
    setError(null);
    setResult(null);
    const q = new URLSearchParams({ datasetId, idVariable, variable, filter });
    if (filter === 'range') {
      if (min.trim()) q.set('min', min.trim());
      if (max.trim()) q.set('max', max.trim());
    }
    if (codeId) q.set('codeId', codeId);
    const answer = await requestJson<Answer>(`/api/projects/${encodeURIComponent(props.projectId)}/cases/by-variable?${q}`);
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    // Several coders (or a code and its sub-code) may have coded the same passage: show it once.
    const cases = answer.data.cases.map((c) => ({ ...c, segments: distinctSegments(c.segments) }));
    setResult({ ...answer.data, cases, variable, filter, withCode: Boolean(codeId) });
  }

  return (
    <section className={`card ${styles.section}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Cases by survey variable</h2>
      <p className={styles.intro}>Find the interviews behind a statistical result: the cases scoring high (or low) on a survey variable, with what they said about a code.</p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <DatasetIdChooser
          projectId={props.projectId}
          datasets={props.datasets}
          datasetId={datasetId}
          idVariable={idVariable}
          onChange={(n) => {
            setDatasetId(n.datasetId);
            setIdVariable(n.idVariable);
            setDataset(n.dataset);
            if (n.dataset && !n.dataset.latest.variables.some((v) => v.name === variable)) setVariable('');
          }}
        >
          {() => (
            <div className="field">
              <label htmlFor={`${id}-variable`}>Survey variable</label>
              <select id={`${id}-variable`} value={variable} onChange={(e) => setVariable(e.target.value)}>
                <option value="">Choose a numeric variable…</option>
                {numeric.map((v) => (
                  <option key={v.name} value={v.name}>
                    {v.name}
                    {v.label ? ` — ${v.label}` : ''}
                  </option>
                ))}
              </select>
            </div>
          )}
        </DatasetIdChooser>
        <div className={styles.chooser}>
          <div className="field">
            <label htmlFor={`${id}-filter`}>Cases in</label>
            <select id={`${id}-filter`} value={filter} onChange={(e) => setFilter(e.target.value as CaseFilterKind)}>
              {FILTERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          {filter === 'range' && (
            <>
              <div className="field" style={{ minWidth: '7rem', flex: '0 1 8rem' }}>
                <label htmlFor={`${id}-min`}>From (≥)</label>
                <input id={`${id}-min`} inputMode="decimal" value={min} onChange={(e) => setMin(e.target.value)} />
              </div>
              <div className="field" style={{ minWidth: '7rem', flex: '0 1 8rem' }}>
                <label htmlFor={`${id}-max`}>To (≤)</label>
                <input id={`${id}-max`} inputMode="decimal" value={max} onChange={(e) => setMax(e.target.value)} />
              </div>
            </>
          )}
          <div className="field">
            <label htmlFor={`${id}-code`}>With segments of (optional)</label>
            <select id={`${id}-code`} value={codeId} onChange={(e) => setCodeId(e.target.value)}>
              <option value="">No code: values only</option>
              {tree.map(({ code, depth }) => (
                <option key={code.id} value={code.id}>
                  {'\u00a0\u00a0'.repeat(depth)}
                  {codeTitle(code)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn" disabled={busy || !variable || !idVariable}>
            {busy ? 'Finding…' : 'Show cases'}
          </button>
        </div>
      </form>
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className={styles.result} data-testid="by-variable-result">
          <p role="status">
            {result.bounds ? (
              <>
                Cut-off: <span className={styles.cutOff}>{cutOffText(result.bounds, result.variable, result.filter)}</span>.{' '}
              </>
            ) : (
              <>The variable has no values. </>
            )}
            {result.cases.length} {result.cases.length === 1 ? 'case' : 'cases'} within it
            {result.unmatched > 0 ? `; ${result.unmatched} ${result.unmatched === 1 ? 'case is' : 'cases are'} not matched to a survey row (see Match to survey)` : ''}.
          </p>
          {result.cases.length > 0 && (
            <ol className={styles.valueList} aria-label={`Cases by ${result.variable}`}>
              {result.cases.map((c) => (
                <li key={c.caseName}>
                  <details className={styles.valueItem}>
                    <summary>
                      <strong>{c.caseName}</strong>
                      <span className="muted" style={{ fontSize: '0.85rem' }}>
                        row {c.row + 1}
                        {result.withCode ? ` · ${c.segments.length} ${c.segments.length === 1 ? 'segment' : 'segments'}` : ''}
                      </span>
                      <span className={styles.value}>
                        {result.variable} = {value(c.value)}
                      </span>
                    </summary>
                    <div className={styles.valueBody}>
                      {!result.withCode ? (
                        <p className="muted" style={{ margin: 0 }}>
                          Choose a code above to see this case’s segments.
                        </p>
                      ) : c.segments.length === 0 ? (
                        <p className="muted" style={{ margin: 0 }}>
                          No segments of that code in this case.
                        </p>
                      ) : (
                        <ul className={styles.quotes}>
                          {c.segments.map((s) => (
                            <li key={s.codingId} className={styles.quote}>
                              <blockquote>“{s.text}”</blockquote>
                              <Link className={styles.quoteSource} href={segmentHref(props.projectId, s.sourceId, s.codingId)}>
                                — {s.sourceTitle}
                              </Link>
                              <span className="muted" style={{ fontSize: '0.8rem' }}>
                                {' '}
                                · {s.codeLabel}
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </div>
                  </details>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
