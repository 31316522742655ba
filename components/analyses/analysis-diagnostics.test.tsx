import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { drawableDiagnostics } from '@/lib/stats/diagnostics';

import { DiagnosticPlots } from './analysis-diagnostics';

// A deterministic model with more cases than the drawing cap.
const n = 6001;
const x = Float64Array.from({ length: n }, (_, i) => (i % 97) / 10);
const residuals = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) + ((i * 31) % 13) / 13 - 0.5);
const fitted = Float64Array.from(x, (v) => 2 + 0.5 * v);
const model = { fitted, residuals, x: { name: 'tl', values: x, role: 'only' as const }, y: { name: 'engage', values: Float64Array.from(fitted, (f, i) => f + residuals[i]) } };

describe('DiagnosticPlots', () => {
  it('above the cap: says what is subsampled; the histogram counts all n residuals; the Q–Q plot draws 1,000 quantiles', () => {
    const d = drawableDiagnostics(model);
    const html = renderToStaticMarkup(<DiagnosticPlots d={d} kind="ols" />);
    expect(html).toContain('Residuals of the final model on its 6,001 cases.');
    expect(html).toContain('The scatter plots show 5,000 evenly spaced cases; the histogram and the Q–Q plot (1,000 quantiles) use all residuals.');
    // The histogram's description lists the counts of all residuals.
    const counts = /Counts: ([\d, ]+)\./.exec(html)![1].split(', ').map(Number);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(n);
    expect(html).toContain('Histogram of 6001 residuals');
    expect(html).toContain('Normal Q–Q plot of 1000 residuals');
    expect(html).toContain('Residuals against fitted values');
    // A single predictor: the line is the model's own, so no caveat.
    expect(html).not.toContain('not the model&#x27;s adjusted effect');
  });

  it('below the cap: every case, no subsampling note; a caveat when the scatter is not the whole model', () => {
    const small = { ...model, fitted: fitted.slice(0, 200), residuals: residuals.slice(0, 200), x: { ...model.x, values: x.slice(0, 200), role: 'focal' as const }, y: { ...model.y, values: model.y.values.slice(0, 200) } };
    const html = renderToStaticMarkup(<DiagnosticPlots d={drawableDiagnostics(small)} kind="moderate" />);
    expect(html).toContain('Residuals of the moderation model on its 200 cases.');
    expect(html).not.toContain('evenly spaced');
    expect(html).toContain('(ignoring the moderator)');
  });
});
