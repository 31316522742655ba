'use client';

import Link from 'next/link';
import { useId, useMemo, useState } from 'react';

import { requestJson } from '@/components/datasets/api';
import type { CaseMatch } from '@/lib/mixed/case-match';

import { type DatasetChoice, DatasetIdChooser, type LoadedDataset } from './case-dataset-chooser';
import { codesInTreeOrder, codeTitle, type TreeCode } from './joint-helpers';
import styles from './mixed.module.css';

type Measure = 'presence' | 'count' | 'share' | 'coder';
type Answer = { version: { id: string; number: number }; match: CaseMatch; variables: Array<{ name: string; label: string }> };

const MEASURES: Array<{ value: Measure; label: string; hint: string }> = [
  { value: 'presence', label: 'Presence (0/1)', hint: '1 when any of the case’s text (its sources, speakers, passages) is coded with the code' },
  { value: 'count', label: 'Count of segments', hint: 'distinct coded segments in the case’s sources' },
  { value: 'share', label: 'Share of the case’s text', hint: 'coded characters ÷ all characters of the case’s sources' },
  { value: 'coder', label: 'Coded by a coder (0/1)', hint: '1 when the chosen coder applied the code in the case' },
];

/**
 * Quantitizing: the chosen codes' coding per case (presence, count, share of text, or one
 * coder's use) joined to a dataset by its id variable, as the dataset's next version.
 */
export function CaseQuantitizePanel(props: { projectId: string; datasets: DatasetChoice[]; codes: TreeCode[]; members: Array<{ userId: string; name: string }>; canWrite: boolean }) {
  const id = useId();
  const [datasetId, setDatasetId] = useState('');
  const [idVariable, setIdVariable] = useState('');
  const [dataset, setDataset] = useState<LoadedDataset | null>(null);
  const [chosen, setChosen] = useState<Map<string, boolean>>(new Map()); // codeId → roll up
  const [measure, setMeasure] = useState<Measure>('presence');
  const [coderId, setCoderId] = useState(props.members[0]?.userId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<(Answer & { datasetId: string }) | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const tree = useMemo(() => codesInTreeOrder(props.codes), [props.codes]);

  if (!props.canWrite) {
    return (
      <section className={`card ${styles.section}`} aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>Quantitize coding</h2>
        <p className="muted">Only owners and coders can add quantitized coding to a dataset.</p>
      </section>
    );
  }

  async function run() {
    if (!dataset) return;
    setBusy(true);
    setError(null);
    setResult(null);
    const body = {
      datasetId,
      baseVersionId: dataset.latest.id,
      idVariable,
      codes: tree.filter((t) => chosen.has(t.code.id)).map((t) => ({ codeId: t.code.id, rollUp: chosen.get(t.code.id) ?? false })),
      measure,
      ...(measure === 'coder' ? { coderId } : {}),
    };
    const answer = await requestJson<Answer>(`/api/projects/${encodeURIComponent(props.projectId)}/datasets/${encodeURIComponent(datasetId)}/quantitize`, { method: 'POST', body });
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setResult({ ...answer.data, datasetId });
    setReloadKey((k) => k + 1); // the next run builds on the new version
  }

  const base = `/projects/${props.projectId}/data/${result?.datasetId ?? datasetId}`;

  return (
    <section className={`card ${styles.section}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Quantitize coding</h2>
      <p className={styles.intro}>Turn coding into variables: one value per case, joined to the survey by the id variable and saved as the dataset’s next version.</p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <fieldset className={styles.codeTree}>
          <legend>Codes ({chosen.size} chosen)</legend>
          {tree.length === 0 && <p className="muted">No codes yet.</p>}
          {tree.map(({ code, depth }) => {
            const on = chosen.has(code.id);
            const title = codeTitle(code);
            return (
              <div key={code.id} className={styles.codeRow} style={{ paddingLeft: `${depth * 1.25}rem` }}>
                <label className={styles.check}>
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={(e) =>
                      setChosen((m) => {
                        const next = new Map(m);
                        if (e.target.checked) next.set(code.id, code.level >= 2);
                        else next.delete(code.id);
                        return next;
                      })
                    }
                  />
                  <span>{title}</span>
                </label>
                {code.level >= 2 && on && (
                  <label className={`${styles.check} ${styles.rollUp}`}>
                    <input type="checkbox" checked={chosen.get(code.id) ?? false} onChange={(e) => setChosen((m) => new Map(m).set(code.id, e.target.checked))} aria-label={`Roll up ${title}`} />
                    roll up (include codes below)
                  </label>
                )}
              </div>
            );
          })}
        </fieldset>
        <div className={styles.chooser}>
          <div className="field">
            <label htmlFor={`${id}-measure`}>Measure</label>
            <select id={`${id}-measure`} value={measure} onChange={(e) => setMeasure(e.target.value as Measure)} aria-describedby={`${id}-measure-hint`}>
              {MEASURES.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
            <span className="hint" id={`${id}-measure-hint`}>
              {MEASURES.find((m) => m.value === measure)?.hint}
            </span>
          </div>
          {measure === 'coder' && (
            <div className="field">
              <label htmlFor={`${id}-coder`}>Coder</label>
              <select id={`${id}-coder`} value={coderId} onChange={(e) => setCoderId(e.target.value)}>
                {props.members.map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        <DatasetIdChooser
          projectId={props.projectId}
          datasets={props.datasets}
          datasetId={datasetId}
          idVariable={idVariable}
          reloadKey={reloadKey}
          onChange={(n) => {
            setDatasetId(n.datasetId);
            setIdVariable(n.idVariable);
            setDataset(n.dataset);
          }}
        >
          {(d) => (
            <button type="submit" className="btn" disabled={busy || chosen.size === 0 || !idVariable || (measure === 'coder' && !coderId)}>
              {busy ? 'Adding…' : `Add to ${d.name} as version ${d.latest.number + 1}`}
            </button>
          )}
        </DatasetIdChooser>
      </form>
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className={styles.result} role="status" data-testid="quantitize-result">
          <p className="message message-success">
            Version {result.version.number} adds {result.variables.length} {result.variables.length === 1 ? 'variable' : 'variables'}; {result.match.matches.length} cases matched
            {result.match.unmatchedCases.length > 0 ? `, ${result.match.unmatchedCases.length} without a survey row (left missing): ${result.match.unmatchedCases.join(', ')}` : ''}.
          </p>
          <table className="table" aria-label="New variables" style={{ marginTop: '0.5rem' }}>
            <thead>
              <tr>
                <th scope="col">Variable</th>
                <th scope="col">Label</th>
              </tr>
            </thead>
            <tbody>
              {result.variables.map((v) => (
                <tr key={v.name}>
                  <td>
                    <code>{v.name}</code>
                  </td>
                  <td>{v.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className={styles.actions} style={{ marginTop: '0.75rem' }}>
            <Link className="btn btn-secondary btn-sm" href={`${base}?v=${result.version.number}`}>
              Open the dataset (version {result.version.number})
            </Link>
            <Link className="btn btn-sm" href={`${base}/analyses/new?kind=correlation`}>
              New analysis: correlations
            </Link>
          </p>
        </div>
      )}
    </section>
  );
}
