'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, useTransition } from 'react';

import { buildOptions, cliLine, initialState, KIND_LABELS, OPTIONS, ROLES, type AnalysisKind, type FormState } from '@/lib/stats/analysis-spec';
import { runAnalysis, type RunProgress } from './run-analysis';
import { RunProgressView } from './run-progress';
import { MultiVariable, SingleVariable, type VariableOption } from './variable-picker';
import styles from './analyses.module.css';

const NUMERIC = new Set(['numeric', 'likert']);

/**
 * The form of one analysis: variables by role, options, then Run (progress with the bootstrap
 * draws done, Cancel). The run streams from the server, so the page stays responsive; on
 * success it opens the saved analysis.
 */
export function AnalysisForm(props: { projectId: string; datasetId: string; kind: AnalysisKind; variables: VariableOption[]; canWrite: boolean }) {
  const router = useRouter();
  const [state, setState] = useState<FormState>(() => initialState(props.kind));
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [navigating, startNavigation] = useTransition();
  const abort = useRef<AbortController | null>(null);
  const titleId = useId();
  const kind = props.kind;

  // Leaving the page cancels a run in flight (the server then saves nothing).
  useEffect(() => () => abort.current?.abort(), []);

  const built = buildOptions(kind, state);
  const setRole = (key: string, values: string[]) => setState((s) => ({ ...s, roles: { ...s.roles, [key]: values } }));
  const setOption = (key: string, value: string) => setState((s) => ({ ...s, options: { ...s.options, [key]: value } }));
  const setBlock = (i: number, values: string[]) => setState((s) => ({ ...s, blocks: s.blocks.map((b, j) => (j === i ? values : b)) }));

  async function run(event: React.FormEvent) {
    event.preventDefault();
    if ('error' in built) {
      setError(built.error);
      return;
    }
    setError(null);
    setRunning(true);
    setProgress(null);
    const controller = new AbortController();
    abort.current = controller;
    const outcome = await runAnalysis(
      `/api/projects/${props.projectId}/datasets/${props.datasetId}/analyses`,
      { kind, options: built.options, ...(title.trim() ? { title: title.trim() } : {}) },
      { progress: setProgress, signal: controller.signal },
    );
    abort.current = null;
    if (outcome.ok) {
      startNavigation(() => router.push(`/projects/${props.projectId}/data/${props.datasetId}/analyses/${outcome.analysisId}`));
      return;
    }
    setRunning(false);
    setError(outcome.error);
  }

  const varsFor = (numeric?: boolean) => (numeric ? props.variables.filter((v) => NUMERIC.has(v.type)) : props.variables);
  const roles = ROLES[kind].filter((r) => !(kind === 'ols' && state.hierarchical && (r.key === 'x' || r.key === 'covariates')));

  return (
    <form className={styles.form} onSubmit={run} aria-label={KIND_LABELS[kind]}>
      <fieldset className={styles.fieldset} disabled={running}>
        <legend>Variables</legend>
        {kind === 'ols' ? (
          <label className={styles.check}>
            <input type="checkbox" checked={state.hierarchical} onChange={(e) => setState((s) => ({ ...s, hierarchical: e.target.checked }))} />
            Hierarchical regression (enter predictors in blocks)
          </label>
        ) : null}
        <div className={styles.roles}>
          {roles.map((r) =>
            r.multi ? (
              <MultiVariable key={r.key} label={r.label} hint={r.hint} required={r.required} variables={varsFor(r.numeric)} value={state.roles[r.key] ?? []} onChange={(v) => setRole(r.key, v)} />
            ) : (
              <SingleVariable key={r.key} label={r.label} hint={r.hint} required={r.required} variables={varsFor(r.numeric)} value={state.roles[r.key]?.[0] ?? ''} onChange={(v) => setRole(r.key, v ? [v] : [])} />
            ),
          )}
        </div>
        {kind === 'ols' && state.hierarchical ? (
          <div className={styles.blocks} data-testid="blocks">
            {state.blocks.map((b, i) => (
              <div key={i} className={styles.block}>
                <MultiVariable label={`Block ${i + 1}`} hint={i === 0 ? 'Controls first.' : undefined} required={i < 2} variables={props.variables} value={b} onChange={(v) => setBlock(i, v)} />
                {state.blocks.length > 2 ? (
                  <button type="button" className="btn btn-link btn-sm" onClick={() => setState((s) => ({ ...s, blocks: s.blocks.filter((_, j) => j !== i) }))}>
                    Remove block {i + 1}
                  </button>
                ) : null}
              </div>
            ))}
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => setState((s) => ({ ...s, blocks: [...s.blocks, []] }))}>
              Add block
            </button>
          </div>
        ) : null}
      </fieldset>

      <fieldset className={styles.fieldset} disabled={running}>
        <legend>Options</legend>
        <div className={styles.roles}>
          {OPTIONS[kind].map((o) =>
            o.type === 'flag' ? (
              <label key={o.key} className={styles.check}>
                <input type="checkbox" checked={state.options[o.key] === 'true'} onChange={(e) => setOption(o.key, e.target.checked ? 'true' : '')} />
                {o.label}
              </label>
            ) : (
              <OptionInput key={o.key} label={o.label} hint={o.hint} value={state.options[o.key] ?? ''} choices={o.choices} numeric={o.type === 'number'} onChange={(v) => setOption(o.key, v)} />
            ),
          )}
          <div className="field">
            <label htmlFor={titleId}>Title</label>
            <input id={titleId} type="text" value={title} maxLength={200} placeholder="Default: the analysis and Y" onChange={(e) => setTitle(e.target.value)} />
          </div>
        </div>
      </fieldset>

      {'options' in built ? (
        <p className={styles.cli}>
          <span className="muted">Command line: </span>
          <code data-testid="cli-line">{cliLine(kind, built.options)}</code>
        </p>
      ) : null}

      {error ? (
        <p className="message message-error" data-testid="run-error" role="alert">
          {error}
        </p>
      ) : null}

      {running ? (
        navigating || progress?.stage === 'done' ? (
          <p className="muted">Saved. Opening the result…</p>
        ) : (
          <RunProgressView progress={progress} onCancel={() => abort.current?.abort()} />
        )
      ) : (
        <div className="row">
          <button type="submit" className="btn" disabled={!props.canWrite}>
            Run
          </button>
          {!props.canWrite ? <span className="muted">Only owners and coders can run analyses.</span> : null}
        </div>
      )}
    </form>
  );
}

function OptionInput(props: { label: string; hint?: string; value: string; choices?: Array<{ value: string; label: string }>; numeric: boolean; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.choices ? (
        <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {props.choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      ) : (
        <input id={id} type="text" inputMode={props.numeric ? 'decimal' : undefined} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      )}
      {props.hint ? <span className="hint">{props.hint}</span> : null}
    </div>
  );
}
