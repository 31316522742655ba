'use client';

import { useEffect, useId, useState } from 'react';

import { datasetsApi, requestJson } from '@/components/datasets/api';
import type { Variable } from '@/lib/datasets/types';

import { guessIdVariable } from './joint-helpers';
import styles from './mixed.module.css';

/** A dataset as the choosers list it. */
export interface DatasetChoice {
  id: string;
  name: string;
  rowCount: number;
}

/** The chosen dataset's latest version, as GET …/datasets/:datasetId answers. */
export interface LoadedDataset {
  id: string;
  name: string;
  latest: { id: string; number: number; rowCount: number; variables: Variable[] };
}

/** Loads a dataset's latest version (variables, version id) when `datasetId` changes. */
export function useDataset(projectId: string, datasetId: string): { dataset: LoadedDataset | null; error: string | null; reload: () => void } {
  const [dataset, setDataset] = useState<LoadedDataset | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    setDataset(null);
    setError(null);
    if (!datasetId) return;
    const controller = new AbortController();
    requestJson<{ dataset: LoadedDataset }>(`${datasetsApi(projectId)}/${encodeURIComponent(datasetId)}`, { signal: controller.signal })
      .then((answer) => (answer.ok ? setDataset(answer.data.dataset) : setError(answer.error)))
      .catch(() => {});
    return () => controller.abort();
  }, [projectId, datasetId, tick]);
  return { dataset, error, reload: () => setTick((t) => t + 1) };
}

/**
 * Choose a dataset and the variable that identifies its respondents (the id variable whose
 * values are the case names). The id variable defaults to one that looks like an id.
 */
export function DatasetIdChooser(props: {
  projectId: string;
  datasets: DatasetChoice[];
  datasetId: string;
  idVariable: string;
  onChange: (next: { datasetId: string; idVariable: string; dataset: LoadedDataset | null }) => void;
  /** Reload the dataset after a new version (quantitizing). */
  reloadKey?: number;
  children?: (dataset: LoadedDataset) => React.ReactNode;
}) {
  const id = useId();
  const { dataset, error, reload } = useDataset(props.projectId, props.datasetId);
  const { onChange, datasetId, idVariable, reloadKey } = props;

  useEffect(() => {
    if (reloadKey) reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reloadKey]);

  useEffect(() => {
    if (!dataset || dataset.id !== datasetId) return;
    const names = dataset.latest.variables.map((v) => v.name);
    const next = names.includes(idVariable) ? idVariable : guessIdVariable(dataset.latest.variables);
    onChange({ datasetId, idVariable: next, dataset });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataset]);

  if (props.datasets.length === 0) return <p className="muted">No datasets yet: import the survey under Data first.</p>;

  return (
    <>
      <div className={styles.chooser}>
        <div className="field">
          <label htmlFor={`${id}-dataset`}>Dataset</label>
          <select id={`${id}-dataset`} value={datasetId} onChange={(e) => onChange({ datasetId: e.target.value, idVariable: '', dataset: null })}>
            <option value="">Choose a dataset…</option>
            {props.datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.rowCount.toLocaleString('en-GB')} rows)
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-idvar`}>Id variable</label>
          <select id={`${id}-idvar`} value={idVariable} disabled={!dataset} onChange={(e) => onChange({ datasetId, idVariable: e.target.value, dataset })}>
            {!dataset && <option value="">{datasetId ? 'Loading…' : '—'}</option>}
            {dataset?.latest.variables.map((v) => (
              <option key={v.name} value={v.name}>
                {v.name}
                {v.label ? ` — ${v.label}` : ''}
              </option>
            ))}
          </select>
        </div>
        {dataset && props.children?.(dataset)}
      </div>
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
