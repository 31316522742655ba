/**
 * d3 plots of lib/stats results: SVG rendered by React from d3 scales and shapes, journal style
 * (components/plots/theme.ts), each with <title>/<desc>, an aria-label(ledby) and SVG/PNG
 * export (PlotFigure → components/hierarchy/export-image).
 *
 * | Component                  | Takes                                                                                   |
 * |----------------------------|-----------------------------------------------------------------------------------------|
 * | CorrelationHeatmap         | `result`: CorrelationResult (correlation())                                              |
 * | CoefficientPlot            | `coefficients`: Coefficient[] of OlsResult / PanelResult / ModerationResult / one τ      |
 * | QuantileCoefficientPlot    | `result`: QregResult (several τ) or QregResult[]; `ols?`: OlsResult['coefficients']     |
 * | MediationDiagram           | `result`: MediationResult (mediate(); one or parallel mediators)                         |
 * | SimpleSlopesPlot           | `result`: ModerationResult; `xRange`: [low, high] of X (not in the result)              |
 * | JohnsonNeymanPlot          | `result`: ModerationResult (notice when W is dichotomous)                                |
 * | ResidualHistogram          | `residuals`: number[] (not in OlsResult: the engine/API must provide them)               |
 * | QqPlot                     | `residuals`: number[] (idem)                                                             |
 * | ScatterPlot                | `x`, `y`: number[] (raw data; or fitted vs residuals with `line={false} referenceY={0}`) |
 */
export { CorrelationHeatmap, type CorrelationHeatmapProps } from './correlation-heatmap';
export { CoefficientPlot, type CoefficientPlotProps } from './coefficient-plot';
export { QuantileCoefficientPlot, type QuantileCoefficientPlotProps } from './quantile-coefficient-plot';
export { MediationDiagram, type MediationDiagramProps } from './mediation-diagram';
export { SimpleSlopesPlot, type SimpleSlopesPlotProps } from './simple-slopes-plot';
export { JohnsonNeymanPlot, type JohnsonNeymanPlotProps } from './johnson-neyman-plot';
export { ResidualHistogram, type ResidualHistogramProps } from './residual-histogram';
export { QqPlot, type QqPlotProps } from './qq-plot';
export { ScatterPlot, type ScatterPlotProps } from './scatter-plot';
export { PlotFigure, type PlotFigureProps } from './plot-figure';
export { PLOT } from './theme';

/** Each plot and the result shape it takes (for analysis pages choosing a plot). */
export const PLOT_CATALOGUE = [
  { component: 'CorrelationHeatmap', takes: 'CorrelationResult', prop: 'result' },
  { component: 'CoefficientPlot', takes: 'Coefficient[] (OlsResult | PanelResult | ModerationResult | QregQuantile).coefficients', prop: 'coefficients' },
  { component: 'QuantileCoefficientPlot', takes: 'QregResult | QregResult[] (+ OlsResult.coefficients as ols)', prop: 'result' },
  { component: 'MediationDiagram', takes: 'MediationResult', prop: 'result' },
  { component: 'SimpleSlopesPlot', takes: 'ModerationResult + xRange [low, high]', prop: 'result' },
  { component: 'JohnsonNeymanPlot', takes: 'ModerationResult', prop: 'result' },
  { component: 'ResidualHistogram', takes: 'residuals: number[]', prop: 'residuals' },
  { component: 'QqPlot', takes: 'residuals: number[]', prop: 'residuals' },
  { component: 'ScatterPlot', takes: 'x: number[], y: number[]', prop: 'x' },
] as const;
