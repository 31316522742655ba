// @vitest-environment jsdom
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';

import { correlation } from '@/lib/stats/correlation';
import { buildDesign, parseCsv } from '@/lib/stats/frame';
import { fitLinearModel } from '@/lib/stats/linear-model';
import { mediate } from '@/lib/stats/mediate';
import { moderate } from '@/lib/stats/moderate';
import { ols } from '@/lib/stats/ols';
import { panel } from '@/lib/stats/panel';
import { qreg } from '@/lib/stats/qreg';

import {
  CoefficientPlot,
  CorrelationHeatmap,
  JohnsonNeymanPlot,
  MediationDiagram,
  QqPlot,
  QuantileCoefficientPlot,
  ResidualHistogram,
  ScatterPlot,
  SimpleSlopesPlot,
} from './index';

// Sample results from the engine on the golden data. Set PLOTS_OUT=/tmp/plots to write each
// plot as a standalone SVG file for a visual check (e.g. chromium --headless --screenshot).
// (lib/stats/test-utils resolves the folder from import.meta.url, which jsdom's URL rejects.)
const readGoldenCsv = (name: string) => parseCsv(readFileSync(join(process.cwd(), 'lib/stats/golden', name), 'utf8'));
const survey = readGoldenCsv('ols-survey.csv');
const mediation = readGoldenCsv('mediate-survey.csv');
const wages = readGoldenCsv('qreg-wages.csv');
const firms = readGoldenCsv('panel-firms.csv');

const olsResult = ols(survey, { y: 'satisfaction', x: ['age', 'income', 'female', 'tenure'] });
const design = buildDesign(survey, ['age', 'income', 'female', 'tenure', 'satisfaction']);
const fit = fitLinearModel(
  { names: design.names.slice(0, -1), columns: design.columns.slice(0, -1) },
  design.columns[design.names.indexOf('satisfaction')],
);
const moderation = moderate(mediation, { y: 'engage', x: 'tl', w: 'pos', covariates: ['age', 'female'], center: true });
const meanOf = (name: string) => {
  const v = mediation[name].filter((x): x is number => typeof x === 'number');
  return v.reduce((s, x) => s + x, 0) / v.length;
};
const tl = mediation.tl.filter((v): v is number => typeof v === 'number');
const tlMean = tl.reduce((s, v) => s + v, 0) / tl.length;
const tlSd = Math.sqrt(tl.reduce((s, v) => s + (v - tlMean) ** 2, 0) / (tl.length - 1));

const plots: Record<string, ReactElement> = {
  'correlation-heatmap': <CorrelationHeatmap result={correlation(survey, { vars: ['satisfaction', 'age', 'income', 'q1', 'tenure'] })} />,
  'coefficient-plot': <CoefficientPlot coefficients={olsResult.coefficients} title="OLS: satisfaction" />,
  'coefficient-plot-panel': (
    <CoefficientPlot coefficients={panel(firms, { y: 'y', x: ['x1', 'x2', 'lev'], entity: 'firm', time: 'year', effects: 'entity', se: 'cluster' }).coefficients} title="Fixed effects" />
  ),
  'quantile-coefficients': (
    <QuantileCoefficientPlot
      result={qreg(wages, { y: 'lwage', x: ['educ', 'exper', 'female'], tau: [0.1, 0.25, 0.5, 0.75, 0.9] })}
      ols={ols(wages, { y: 'lwage', x: ['educ', 'exper', 'female'] }).coefficients}
    />
  ),
  'mediation-diagram': <MediationDiagram result={mediate(mediation, { y: 'engage', x: 'tl', m: 'empower', covariates: ['age', 'female', 'tenure'], boot: 1000, seed: 1 })} />,
  'mediation-parallel': <MediationDiagram result={mediate(mediation, { y: 'engage', x: 'tl', m: ['empower', 'trust'], boot: 1000, seed: 1 })} />,
  'simple-slopes': <SimpleSlopesPlot result={moderation} xRange={[tlMean - tlSd, tlMean + tlSd]} covariateValues={{ age: meanOf('age'), female: meanOf('female') }} />,
  'johnson-neyman': <JohnsonNeymanPlot result={moderation} />,
  'johnson-neyman-dichotomous': <JohnsonNeymanPlot result={moderate(mediation, { y: 'engage', x: 'tl', w: 'female' })} />,
  'residual-histogram': <ResidualHistogram residuals={fit.residuals} />,
  'qq-plot': <QqPlot residuals={fit.residuals} />,
  scatter: <ScatterPlot x={design.columns[design.names.indexOf('income')]} y={design.columns[design.names.indexOf('satisfaction')]} xLabel="Income" yLabel="Satisfaction" />,
  'residuals-fitted': <ScatterPlot x={fit.fitted} y={fit.residuals} xLabel="Fitted values" yLabel="Residuals" line={false} referenceY={0} title="Residuals against fitted values" />,
};

/** The <svg> element of a rendered figure. */
const svgOf = (markup: string) => markup.match(/<svg[\s\S]*<\/svg>/)![0];

describe('plots render as accessible SVG', () => {
  for (const [name, element] of Object.entries(plots)) {
    it(name, () => {
      const markup = renderToStaticMarkup(element);
      const svg = svgOf(markup);
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      expect(doc.querySelector('parsererror')).toBeNull();
      const root = doc.documentElement;
      expect(root.getAttribute('role')).toBe('img');
      const [titleId, descId] = root.getAttribute('aria-labelledby')!.split(' ');
      expect(doc.getElementById(titleId)!.tagName).toBe('title');
      expect(doc.getElementById(descId)!.textContent!.length).toBeGreaterThan(40);
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
      expect(markup).toContain('Export SVG');
      expect(markup).toContain('Export PNG');
      if (process.env.PLOTS_OUT) {
        mkdirSync(process.env.PLOTS_OUT, { recursive: true });
        writeFileSync(join(process.env.PLOTS_OUT, `${name}.svg`), `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`);
      }
    });
  }

  it('labels the mediation paths with stars and the indirect effect with its bootstrap CI', () => {
    const svg = svgOf(renderToStaticMarkup(plots['mediation-diagram']));
    expect(svg).toMatch(/a = \d\.\d\d\**</);
    expect(svg).toMatch(/c′ = −?\d\.\d\d\**</);
    expect(svg).toMatch(/Indirect effect: a × b = \d\.\d\d, 95% bootstrap CI \[/);
  });

  it('prints each correlation without the leading zero', () => {
    const svg = svgOf(renderToStaticMarkup(plots['correlation-heatmap']));
    expect(svg).toMatch(/>−?\.\d\d\**</);
  });
});
