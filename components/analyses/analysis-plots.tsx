'use client';

import { Component, type ReactNode } from 'react';

import { CoefficientPlot, CorrelationHeatmap, JohnsonNeymanPlot, MediationDiagram, QuantileCoefficientPlot, SimpleSlopesPlot } from '@/components/plots';
import type { CorrelationResult } from '@/lib/stats/correlation';
import type { MediationResult } from '@/lib/stats/mediate';
import type { ModerationResult } from '@/lib/stats/moderate';
import type { QregResult } from '@/lib/stats/qreg';
import type { Coefficient } from '@/lib/stats/types';

import { optionValue } from '@/lib/stats/analysis-spec';
import styles from './analyses.module.css';
import grid from './diagnostics.module.css';

/** A plot that fails to draw shows a line instead of taking the page down. */
export class PlotBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? <p className="muted">This plot cannot be drawn for this result.</p> : this.props.children;
  }
}

/** The d3 plot(s) of a saved analysis (components/plots), by kind; nothing for kinds without one (describe, reliability, by-group runs). */
export function AnalysisPlots(props: { kind: string; options: readonly string[]; result: unknown; style: 'apa' | 'econ'; decimals?: number }) {
  const { kind, result } = props;
  if (props.options.includes('--group') && kind !== 'describe') return null;
  const level = Number(optionValue(props.options, 'level') ?? 0.95);
  let plot: ReactNode = null;
  if (kind === 'ols' || kind === 'panel' || kind === 'did') {
    const coefficients = (result as { coefficients?: Coefficient[] }).coefficients;
    if (coefficients?.length) plot = <CoefficientPlot coefficients={coefficients} level={level} />;
  } else if (kind === 'qreg') plot = <QuantileCoefficientPlot result={result as QregResult} level={level} />;
  else if (kind === 'mediate') {
    // The diagram's stars and digits follow the table's style, so the two never disagree.
    plot = <MediationDiagram result={result as MediationResult} stars={props.style} digits={props.decimals ?? (props.style === 'apa' ? 2 : 3)} />;
  }
  else if (kind === 'moderate') plot = <ModerationPlots result={result as ModerationResult} />;
  else if (kind === 'correlation') plot = <CorrelationHeatmap result={result as CorrelationResult} />;
  if (!plot) return null;
  return (
    <section className={styles.plots} aria-label="Plots" data-testid="analysis-plots">
      <PlotBoundary>{plot}</PlotBoundary>
    </section>
  );
}

/**
 * Moderation: the Johnson–Neyman plot and the simple slopes. The lines span X's mean ± 1 SD with
 * covariates at their means (PROCESS's plot), all in the ORIGINAL metric of X and the
 * covariates: simpleSlopeLines subtracts the centring constants itself, so the same values
 * serve centred and uncentred runs. Results saved before xMean existed draw no lines.
 */
function ModerationPlots({ result }: { result: ModerationResult }) {
  const hasX = typeof result.xMean === 'number' && typeof result.xSd === 'number';
  return (
    <div className={grid.plotGrid}>
      <div className={grid.panelWide}>
        <h3>Conditional effect of {result.x} across {result.w} (Johnson–Neyman)</h3>
        <PlotBoundary>
          <JohnsonNeymanPlot result={result} />
        </PlotBoundary>
      </div>
      <div className={grid.panelWide}>
        <h3>Simple slopes of {result.x} at values of {result.w}</h3>
        {hasX ? (
          <>
            <p className="muted">
              {result.x} from its mean − 1 SD to mean + 1 SD{result.covariates.length ? '; covariates at their means' : ''}.
            </p>
            <PlotBoundary>
              <SimpleSlopesPlot result={result} xRange={[result.xMean - result.xSd, result.xMean + result.xSd]} covariateValues={result.covariateMeans ?? {}} />
            </PlotBoundary>
          </>
        ) : (
          <p className="muted" data-testid="simple-slopes-rerun">
            Re-run this analysis to draw the simple-slopes plot.
          </p>
        )}
      </div>
    </div>
  );
}
