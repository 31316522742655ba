'use client';

import { type ReactNode, useCallback, useEffect, useState } from 'react';

import { QqPlot, ResidualHistogram, ScatterPlot } from '@/components/plots';
import type { DiagnosticsOutcome } from '@/lib/jobs/analysis-diagnostics';
import type { ResidualDiagnostics } from '@/lib/stats/diagnostics';

import { PlotBoundary } from './analysis-plots';
import styles from './diagnostics.module.css';

/** Kinds whose page offers residual diagnostics (fetched) or says why not (panel). */
const FETCHED = new Set(['ols', 'moderate', 'did']);

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; outcome: DiagnosticsOutcome };

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * "Diagnostics" below a regression's plots: the residual histogram, the normal Q–Q plot,
 * residuals against fitted values and Y against the focal X with the least-squares line. The
 * model is refitted on demand (GET …/analyses/:id/diagnostics), after the page has rendered.
 */
export function AnalysisDiagnostics(props: { projectId: string; analysisId: string; kind: string; options: readonly string[] }) {
  const { projectId, analysisId, kind } = props;
  const byGroup = props.options.includes('--group');
  const wanted = FETCHED.has(kind) && !byGroup;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    (async () => {
      try {
        const response = await fetch(`/api/projects/${projectId}/analyses/${analysisId}/diagnostics`, { signal: controller.signal });
        const body = (await response.json().catch(() => null)) as (DiagnosticsOutcome & { error?: string }) | null;
        if (!response.ok || !body) {
          setState({ status: 'error', message: body?.error ?? `The server answered ${response.status}.` });
          return;
        }
        setState({ status: 'done', outcome: body });
      } catch (error) {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: error instanceof Error && error.message ? `The request failed (${error.message}).` : 'The request failed.' });
      }
    })();
    return () => controller.abort();
  }, [wanted, projectId, analysisId, attempt]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);

  if (kind === 'panel' && !byGroup) {
    return (
      <Section>
        <p className="muted">Residual diagnostics are not available for panel models.</p>
      </Section>
    );
  }
  if (!wanted) return null;
  if (state.status === 'loading') {
    return (
      <Section busy>
        <p className="muted" role="status" data-testid="diagnostics-loading">
          Refitting the model to draw the residual plots…
        </p>
      </Section>
    );
  }
  if (state.status === 'error') {
    return (
      <Section>
        <p className="message message-error" data-testid="diagnostics-error">
          The diagnostics could not be computed. {state.message}{' '}
          <button type="button" className="btn btn-sm" onClick={retry}>
            Try again
          </button>
        </p>
      </Section>
    );
  }
  if (!state.outcome.available) {
    return (
      <Section>
        <p className="muted">{state.outcome.reason}</p>
      </Section>
    );
  }
  return (
    <Section>
      <DiagnosticPlots d={state.outcome.diagnostics} kind={kind} />
    </Section>
  );
}

function Section(props: { children: ReactNode; busy?: boolean }) {
  return (
    <section className={styles.section} aria-labelledby="diagnostics-heading" aria-busy={props.busy || undefined} data-testid="analysis-diagnostics">
      <h2 id="diagnostics-heading">Diagnostics</h2>
      {props.children}
    </section>
  );
}

/** One plot with a visible heading and a one-line reading hint. */
function Panel(props: { heading: string; hint?: string; children: ReactNode }) {
  return (
    <div className={styles.panel}>
      <h3>{props.heading}</h3>
      {props.hint ? <p className="muted">{props.hint}</p> : null}
      <PlotBoundary>{props.children}</PlotBoundary>
    </div>
  );
}

/** The four diagnostics plots of a diagnostics result (exported for tests). */
export function DiagnosticPlots({ d, kind }: { d: ResidualDiagnostics; kind: string }) {
  const subsampled = d.nPoints < d.n;
  const model = kind === 'did' ? 'the two-way fixed-effects model' : kind === 'moderate' ? 'the moderation model' : 'the final model';
  return (
    <>
      <p className={`muted ${styles.intro}`} data-testid="diagnostics-intro">
        Residuals of {model} on its {count(d.n)} cases.
        {subsampled
          ? ` The scatter plots show ${count(d.nPoints)} evenly spaced cases; the histogram and the Q–Q plot (${count(d.qq.sample.length)} quantiles) use all residuals.`
          : ''}
      </p>
      <div className={styles.plotGrid}>
        <Panel heading="Distribution of residuals" hint="Roughly bell-shaped around 0 if the errors are normal.">
          <ResidualHistogram residuals={subsampled ? [] : d.residuals} binned={d.histogram} />
        </Panel>
        <Panel heading="Normal Q–Q plot" hint="Points near the line if the residuals are normal; curved tails mean heavy or light tails.">
          <QqPlot residuals={d.qq.sample} title={d.qq.orderStatistics ? `Normal Q–Q plot of residuals (${count(d.qq.sample.length)} quantiles)` : undefined} />
        </Panel>
        <Panel heading="Residuals against fitted values" hint="An even band around 0 if the model is linear with constant variance; a funnel or curve says otherwise.">
          <ScatterPlot x={d.fitted} y={d.residuals} xLabel="Fitted values" yLabel="Residuals" line={false} band={false} referenceY={0} title="Residuals against fitted values" />
        </Panel>
        {d.x && d.y ? (
          <div>
            <Panel heading={`${d.y.name} against ${d.x.name}`}>
              <ScatterPlot x={d.x.values} y={d.y.values} xLabel={d.x.name} yLabel={d.y.name} />
            </Panel>
            {d.x.role !== 'only' ? (
              <p className={`muted ${styles.note}`} data-testid="diagnostics-scatter-note">
                {d.x.role === 'largest-beta' ? `${d.x.name} is the predictor with the largest standardized coefficient. ` : ''}
                The line is the simple regression of {d.y.name} on {d.x.name}
                {d.x.role === 'focal' ? ' (ignoring the moderator)' : ''}, not the model&apos;s adjusted effect.
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
