'use client';

import { Component, type ReactNode } from 'react';

import { CoefficientPlot, CorrelationHeatmap, JohnsonNeymanPlot, MediationDiagram, QuantileCoefficientPlot } from '@/components/plots';
import type { CorrelationResult } from '@/lib/stats/correlation';
import type { MediationResult } from '@/lib/stats/mediate';
import type { ModerationResult } from '@/lib/stats/moderate';
import type { QregResult } from '@/lib/stats/qreg';
import type { Coefficient } from '@/lib/stats/types';

import { optionValue } from '@/lib/stats/analysis-spec';
import styles from './analyses.module.css';

/** A plot that fails to draw shows a line instead of taking the page down. */
class PlotBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
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
  else if (kind === 'moderate') plot = <JohnsonNeymanPlot result={result as ModerationResult} />;
  else if (kind === 'correlation') plot = <CorrelationHeatmap result={result as CorrelationResult} />;
  if (!plot) return null;
  return (
    <section className={styles.plots} aria-label="Plots" data-testid="analysis-plots">
      <PlotBoundary>{plot}</PlotBoundary>
    </section>
  );
}
