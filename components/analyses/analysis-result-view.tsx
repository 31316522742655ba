'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, useTransition } from 'react';

import { AnalysisDiagnostics } from './analysis-diagnostics';
import { AnalysisPlots } from './analysis-plots';
import { cliLine, KIND_LABELS, isAnalysisKind } from '@/lib/stats/analysis-spec';
import { analysisTable, type TableChoice } from '@/lib/stats/tables/analysis-table';
import { PubTableView } from './pub-table-view';
import { runAnalysis, type RunProgress } from './run-analysis';
import { RunProgressView } from './run-progress';
import { choiceQuery, TableControls } from './table-controls';
import styles from './analyses.module.css';
import type { SavedAnalysis } from '@/lib/server/data/dataset/analyses';
import { LocalTime } from '@/components/ui/local-time';

/** What the result page passes in: a saved analysis with its result. */
export type AnalysisView = SavedAnalysis;

/**
 * A saved analysis: its publication table (APA 7 / econometrics, decimals), who ran it on which
 * version, a stale notice with Re-run, exports, the R script and the CSV it reads.
 */
export function AnalysisResultView(props: { projectId: string; analysis: AnalysisView; latestVersion: number; canWrite: boolean }) {
  const { analysis: a, projectId } = props;
  const router = useRouter();
  const [choice, setChoice] = useState<TableChoice>({ style: 'apa' });
  const built = useMemo(() => {
    try {
      return { table: analysisTable(a, choice), error: null };
    } catch (e) {
      return { table: null, error: `This result cannot be shown as a table: ${(e as Error).message}` };
    }
  }, [a, choice]);
  const api = `/api/projects/${projectId}/analyses/${a.id}`;
  const datasetBase = `/projects/${projectId}/data/${a.datasetId}`;

  // Re-run: the same kind, options and title on the latest version, saved as a new analysis.
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, startNavigation] = useTransition();
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  async function rerun() {
    setRunning(true);
    setError(null);
    setProgress(null);
    const controller = new AbortController();
    abort.current = controller;
    const outcome = await runAnalysis(`/api/projects/${projectId}/datasets/${a.datasetId}/analyses`, { kind: a.kind, options: a.options, title: a.title }, { progress: setProgress, signal: controller.signal });
    abort.current = null;
    if (outcome.ok) {
      startNavigation(() => router.push(`${datasetBase}/analyses/${outcome.analysisId}`));
      return;
    }
    setRunning(false);
    setError(outcome.error);
  }

  const [deleting, setDeleting] = useState(false);
  async function remove() {
    if (!window.confirm(`Delete “${a.title}”? The dataset is not affected.`)) return;
    setDeleting(true);
    const response = await fetch(api, { method: 'DELETE' });
    if (response.ok) {
      router.push(`${datasetBase}/analyses`);
      router.refresh();
    } else {
      setDeleting(false);
      setError(((await response.json().catch(() => null)) as { error?: string } | null)?.error ?? `Delete failed (${response.status}).`);
    }
  }

  return (
    <div className="stack">
      <div className={styles.meta} data-testid="analysis-meta">
        <span>{isAnalysisKind(a.kind) ? KIND_LABELS[a.kind] : a.kind}</span>
        <span>
          Run by {a.createdBy ?? 'a former member'} on <LocalTime iso={a.createdAt} style="dateTime" />
        </span>
        <span data-testid="analysis-version">
          Dataset version {a.versionNumber}
          {a.stale ? ` (latest: ${props.latestVersion})` : ' (latest)'}
        </span>
      </div>

      {a.stale ? (
        <div className={`message ${styles.stale}`} data-testid="stale-notice" role="note">
          Stale — the dataset has a newer version (v{props.latestVersion}).{' '}
          {props.canWrite ? (
            <button type="button" className="btn btn-sm" onClick={rerun} disabled={running}>
              Re-run
            </button>
          ) : null}
        </div>
      ) : null}

      <TableControls choice={choice} onChange={setChoice} exportUrl={(format) => `${api}/export?format=${format}&${choiceQuery(choice)}`} />
      <PubTableView table={built.table} error={built.error} />

      <AnalysisPlots kind={a.kind} options={a.options} result={a.result} style={choice.style} decimals={choice.decimals} />
      <AnalysisDiagnostics projectId={projectId} analysisId={a.id} kind={a.kind} options={a.options} />

      <div className={styles.actions}>
        {props.canWrite && !a.stale ? (
          <button type="button" className="btn btn-secondary" onClick={rerun} disabled={running}>
            Re-run
          </button>
        ) : null}
        <RScript api={api} csvUrl={`/api/projects/${projectId}/datasets/${a.datasetId}/csv?versionId=${encodeURIComponent(a.versionId)}`} />
        {props.canWrite ? (
          <button type="button" className="btn btn-danger" onClick={remove} disabled={deleting || running}>
            Delete
          </button>
        ) : null}
      </div>
      {running ? <RunProgressView progress={progress} onCancel={() => abort.current?.abort()} /> : null}
      {error ? (
        <p className="message message-error" role="alert" data-testid="run-error">
          {error}
        </p>
      ) : null}

      <details className={styles.spec}>
        <summary>Specification</summary>
        <p className="muted">The same analysis from the command line, on the CSV of version {a.versionNumber}:</p>
        <code data-testid="cli-line">{cliLine(a.kind, a.options)}</code>
      </details>
    </div>
  );
}

/** "Copy as R script": fetches the script, copies it, and shows it for manual copying too. */
function RScript(props: { api: string; csvUrl: string }) {
  const [script, setScript] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  async function copy() {
    setStatus(null);
    const response = await fetch(`${props.api}/r-script`).catch(() => null);
    if (!response?.ok || !response.headers.get('content-type')?.startsWith('text/plain')) {
      const body = (await response?.json().catch(() => null)) as { error?: string } | null;
      setStatus(body?.error ?? 'No R script could be made for this analysis.');
      return;
    }
    const text = await response.text();
    setScript(text);
    try {
      await navigator.clipboard.writeText(text);
      setStatus('R script copied. It reads the CSV you download with “Download the data (CSV)”.');
    } catch {
      setStatus('Select the script below and copy it. It reads the CSV you download with “Download the data (CSV)”.');
    }
  }
  return (
    <>
      <button type="button" className="btn btn-secondary" onClick={copy}>
        Copy as R script
      </button>
      <a className="btn btn-secondary" href={props.csvUrl} download>
        Download the data (CSV)
      </a>
      {status ? (
        <span className="muted" role="status">
          {status}
        </span>
      ) : null}
      {script ? <textarea className={styles.script} readOnly value={script} aria-label="R script" rows={12} /> : null}
    </>
  );
}
