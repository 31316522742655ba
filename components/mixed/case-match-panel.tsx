'use client';

import { useState } from 'react';

import { requestJson } from '@/components/datasets/api';
import type { CaseMatch } from '@/lib/mixed/case-match';

import { type DatasetChoice, DatasetIdChooser } from './case-dataset-chooser';
import styles from './mixed.module.css';

/** Lists longer than this start folded. */
const FOLD_AT = 20;

function IdList(props: { label: string; ids: string[]; testId: string }) {
  if (props.ids.length === 0) return null;
  const list = (
    <ul className={styles.idList} aria-label={props.label} data-testid={props.testId}>
      {props.ids.map((x, i) => (
        <li key={`${x}-${i}`}>{x}</li>
      ))}
    </ul>
  );
  if (props.ids.length <= FOLD_AT) return list;
  return (
    <details>
      <summary className="btn-link" style={{ cursor: 'pointer' }}>
        Show all {props.ids.length.toLocaleString('en-GB')}
      </summary>
      {list}
    </details>
  );
}

/**
 * Matching cases to survey rows by an id variable: what matched, and — never hidden — the
 * cases without a row, the dataset ids without a case, ambiguous and duplicate ids, and rows
 * with no id.
 */
export function CaseMatchPanel(props: { projectId: string; datasets: DatasetChoice[]; caseCount: number }) {
  const [datasetId, setDatasetId] = useState('');
  const [idVariable, setIdVariable] = useState('');
  const [result, setResult] = useState<(CaseMatch & { caseNames: string[] }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function match() {
    setBusy(true);
    setError(null);
    setResult(null);
    const q = new URLSearchParams({ datasetId, idVariable });
    const answer = await requestJson<CaseMatch & { caseNames: string[] }>(`/api/projects/${encodeURIComponent(props.projectId)}/cases/match?${q}`);
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setResult(answer.data);
  }

  return (
    <section className={`card ${styles.section}`} aria-labelledby="match-heading">
      <h2 id="match-heading">Match to survey</h2>
      <p className={styles.intro}>
        A case matches a survey row when its identifier equals the row’s id (ignoring case and surrounding spaces; numbers by value, so “7”, “007” and 7 are one id).
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void match();
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
            setResult(null);
          }}
        >
          {() => (
            <button type="submit" className="btn" disabled={busy || !idVariable || props.caseCount === 0}>
              {busy ? 'Matching…' : 'Match cases'}
            </button>
          )}
        </DatasetIdChooser>
      </form>
      {props.caseCount === 0 && <p className="muted">Create cases first.</p>}
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className={styles.result} data-testid="match-result">
          <p className={styles.summary} role="status">
            <span>
              <strong>{result.matches.length}</strong> of {result.caseNames.length} cases matched
            </span>
            <span className={result.unmatchedCases.length ? styles.warn : undefined}>
              <strong>{result.unmatchedCases.length}</strong> cases without a row
            </span>
            <span className={result.ambiguousCases.length ? styles.warn : undefined}>
              <strong>{result.ambiguousCases.length}</strong> ambiguous
            </span>
            <span>
              <strong>{result.unmatchedIds.length.toLocaleString('en-GB')}</strong> survey ids without a case
            </span>
            <span className={result.missingIds ? styles.warn : undefined}>
              <strong>{result.missingIds.toLocaleString('en-GB')}</strong> rows with no id
            </span>
          </p>
          {result.matches.length > 0 && (
            <details open={result.matches.length <= FOLD_AT}>
              <summary style={{ cursor: 'pointer', fontWeight: 600 }}>Matched cases ({result.matches.length})</summary>
              <table className="table" aria-label="Matched cases" style={{ maxWidth: '28rem' }}>
                <thead>
                  <tr>
                    <th scope="col">Case</th>
                    <th scope="col" className={styles.num} style={{ textAlign: 'right' }}>
                      Survey row
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.matches.map((m) => (
                    <tr key={m.caseIndex}>
                      <td>{m.caseName}</td>
                      <td className={styles.num}>{(m.row + 1).toLocaleString('en-GB')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
          {result.unmatchedCases.length > 0 && (
            <div className={styles.problem}>
              <h3>Cases with no survey row ({result.unmatchedCases.length})</h3>
              <p className="muted" style={{ margin: 0 }}>
                No row of {idVariable} has these identifiers. Check the spelling, or rename the case to the respondent’s id.
              </p>
              <IdList label="Cases with no survey row" ids={result.unmatchedCases} testId="unmatched-cases" />
            </div>
          )}
          {result.ambiguities.length > 0 && (
            <div className={styles.problem}>
              <h3>Ambiguous cases ({result.ambiguities.length}): not matched</h3>
              {result.ambiguities.some((a) => a.reason === 'duplicate-id') && (
                <p className="muted" style={{ margin: 0 }}>
                  Several rows share an id, as in panel data (one row per year): matching needs a dataset with one row per respondent.
                </p>
              )}
              <ul style={{ margin: '0.3rem 0 0', paddingLeft: '1.2rem' }} data-testid="ambiguous-cases">
                {result.ambiguities.map((a) => (
                  <li key={a.caseIndex}>
                    <strong>{a.caseName}</strong>:{' '}
                    {a.reason === 'duplicate-id'
                      ? `its id is on ${a.rows.length} rows (${a.rows.slice(0, 10).map((r) => r + 1).join(', ')}${a.rows.length > 10 ? ', …' : ''})`
                      : 'another case has the same id'}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {result.duplicateIds.length > 0 && (
            <div className={styles.problem}>
              <h3>Ids on more than one row ({result.duplicateIds.length}): their rows are never matched</h3>
              <IdList label="Duplicate survey ids" ids={result.duplicateIds} testId="duplicate-ids" />
            </div>
          )}
          {result.unmatchedIds.length > 0 && (
            <div style={{ marginTop: '0.6rem' }}>
              <h3 style={{ fontSize: '0.92rem', margin: 0 }}>Survey ids without a case ({result.unmatchedIds.length.toLocaleString('en-GB')})</h3>
              <p className="muted" style={{ margin: 0, fontSize: '0.85rem' }}>
                Respondents who were not interviewed (expected in most designs).
              </p>
              <IdList label="Survey ids without a case" ids={result.unmatchedIds} testId="unmatched-ids" />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
