/**
 * Test support for lib/stats/tables (test code only): engine runs on the golden data sets of
 * lib/stats/golden, the tables built from them, and for each table the list of every number
 * it must show, taken from the engine result itself (not from the table), with the check that
 * a rendered cell shows that number rounded to the table's decimals.
 *
 * Each renderer test turns its output back into a grid of cell texts (HTML via the DOM, LaTeX
 * by parsing the tabular, CSV with papaparse, XLSX read back with exceljs, DOCX by unzipping
 * word/document.xml) and runs {@link checkGrid} on it.
 */
import { readFileSync } from 'node:fs';
import { URL as NodeURL, fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { byGroup } from '../by-group';
import { correlation } from '../correlation';
import { describe } from '../describe';
import { parseCsv } from '../frame';
import { did } from '../did';
import { mediate } from '../mediate';
import { moderate } from '../moderate';
import { ols, type OlsResult } from '../ols';
import { panel } from '../panel';
import { qreg } from '../qreg';
import { reliability } from '../reliability';
import { stars as starsFor, type StarConvention } from '../stars';
import { byGroupTable } from './by-group-table';
import { comparisonTable, hierarchicalModels } from './comparison-table';
import { correlationTable } from './correlation-table';
import { describeTable } from './describe-table';
import type { Quantity } from './format';
import { termLabel } from './format';
import { mediationTable } from './mediation-table';
import type { PubTable } from './model';
import { moderationTable } from './moderation-table';
import { olsTable } from './ols-table';
import { didMeansTable, didTable, panelTable } from './panel-table';
import { qregTable } from './qreg-table';
import { reliabilityTable } from './reliability-table';

/** One number a table must show. */
export interface NumberCheck {
  /** Row label (first cell), its occurrence (0-based), and whether the number is on the row under it. */
  row: string;
  nth?: number;
  below?: boolean;
  /** Logical column. */
  col: number;
  /** 'main' (default) or the second number of an inline cell "0.158*** (3.12)". */
  part?: 'main' | 'second';
  /** The engine's value. */
  value: number;
  kind: Quantity;
  decimals: number;
  /** Expected stars (default: none). */
  stars?: string;
  /** Written in parentheses. */
  parens?: boolean;
}

/** A table and every number it shows. */
export interface TableCase {
  name: string;
  table: PubTable;
  style: 'apa' | 'econ';
  minus: 'unicode' | 'hyphen';
  checks: NumberCheck[];
}

/** The cell texts of a rendered table, by logical column. */
export interface Grid {
  header: string[][];
  body: string[][];
}

let cached: TableCase[] | null = null;

// Not ../test-utils' readGoldenCsv: under the jsdom environment (the HTML test) the global URL
// is jsdom's, which node's fileURLToPath rejects; node's own URL class works in both.
function readGoldenCsv(name: string) {
  return parseCsv(readFileSync(fileURLToPath(new NodeURL(`../golden/${name}`, import.meta.url)), 'utf8'));
}

/**
 * Runs the engine on the golden data and builds one table per builder and layout.
 *
 * @returns the cases (computed once per test file).
 */
export function tableCases(): TableCase[] {
  if (cached) return cached;
  const survey = readGoldenCsv('ols-survey.csv');
  const med = readGoldenCsv('mediate-survey.csv');
  const firms = readGoldenCsv('panel-firms.csv');
  const wages = readGoldenCsv('qreg-wages.csv');
  const cases: TableCase[] = [];
  const st = (p: number | null, c: StarConvention) => (p === null ? '' : starsFor(p, c));

  // describe, grouped, APA 2 decimals.
  {
    const vars = ['age', 'tenure', 'income', 'satisfaction'];
    const r = describe(survey, { vars, group: 'sector' });
    const checks: NumberCheck[] = [];
    const blocks = [r.variables, ...r.groups!.map((g) => g.variables)];
    blocks.forEach((block, nth) => {
      for (const v of block) {
        const at = (col: number, value: number | null, kind: Quantity = 'stat') => {
          if (value !== null) checks.push({ row: v.name, nth, col, value, kind, decimals: kind === 'count' ? 0 : 2 });
        };
        at(1, v.n, 'count');
        at(2, v.min);
        at(3, v.max);
        at(4, v.mean);
        at(5, v.sd);
        at(6, v.skewness);
        at(7, v.seSkewness);
        at(8, v.kurtosis);
        at(9, v.seKurtosis);
      }
    });
    cases.push({ name: 'describe (APA, by group)', table: describeTable(r), style: 'apa', minus: 'unicode', checks });
  }

  // reliability, APA 3 decimals, reverse-coded item.
  {
    const r = reliability(survey, { items: ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'], reverse: ['q4'], scaleMin: 1, scaleMax: 5 });
    const checks: NumberCheck[] = r.items.flatMap((it) => {
      const row = `${it.name}${it.reversed ? ' (R)' : ''}`;
      return [
        { row, col: 1, value: it.mean, kind: 'stat' as const, decimals: 3 },
        { row, col: 2, value: it.sd, kind: 'stat' as const, decimals: 3 },
        { row, col: 3, value: it.itemTotalCorrelation, kind: 'bounded' as const, decimals: 3 },
        { row, col: 4, value: it.alphaIfDeleted!, kind: 'bounded' as const, decimals: 3 },
        { row, col: 5, value: it.loading!, kind: 'bounded' as const, decimals: 3 },
      ];
    });
    cases.push({ name: 'reliability (APA, 3 decimals)', table: reliabilityTable(r, { decimals: 3 }), style: 'apa', minus: 'unicode', checks });
  }

  // correlation with M and SD, APA 2 decimals.
  {
    const vars = ['age', 'tenure', 'income', 'satisfaction'];
    const r = correlation(survey, { vars });
    const d = describe(survey, { vars, missing: 'pairwise' });
    const checks: NumberCheck[] = [];
    vars.forEach((v, i) => {
      const row = `${i + 1}. ${v}`;
      checks.push({ row, col: 1, value: d.variables[i].mean, kind: 'stat', decimals: 2 });
      checks.push({ row, col: 2, value: d.variables[i].sd!, kind: 'stat', decimals: 2 });
      for (let j = 0; j < i; j++) checks.push({ row, col: 3 + j, value: r.r[i][j], kind: 'bounded', decimals: 2, stars: st(r.p[i][j], 'apa') });
    });
    cases.push({ name: 'correlation (APA, M and SD)', table: correlationTable(r, { descriptives: d }), style: 'apa', minus: 'unicode', checks });
  }

  // OLS, one model, CI and VIF, econ 3 decimals, hyphen minus, HC3.
  const o1 = ols(survey, { y: 'satisfaction', x: ['age', 'tenure', 'income', 'sector'], factors: { sector: 'public' }, se: 'hc3' });
  {
    const checks: NumberCheck[] = [];
    const d = 3;
    for (const c of o1.coefficients) {
      const row = termLabel(c.term, 'econ');
      checks.push(
        { row, col: 1, value: c.estimate, kind: 'stat', decimals: d, stars: st(c.p, 'econ') },
        { row, col: 2, value: c.se, kind: 'stat', decimals: d },
        { row, col: 4, value: c.t, kind: 'stat', decimals: d },
        { row, col: 5, value: c.p, kind: 'p', decimals: 3 },
        { row, col: 6, value: c.ciLower, kind: 'stat', decimals: d },
        { row, col: 7, value: c.ciUpper, kind: 'stat', decimals: d },
      );
      if (c.beta !== undefined) checks.push({ row, col: 3, value: c.beta, kind: 'bounded', decimals: d });
      if (c.vif !== undefined) checks.push({ row, col: 8, value: c.vif, kind: 'stat', decimals: d });
    }
    checks.push(
      { row: 'R²', col: 1, value: o1.r2, kind: 'bounded', decimals: d },
      { row: 'Adjusted R²', col: 1, value: o1.adjR2, kind: 'bounded', decimals: d },
      { row: `F(${o1.dfModel}, ${o1.dfResidual})`, col: 1, value: o1.f!, kind: 'stat', decimals: d },
      { row: `F(${o1.dfModel}, ${o1.dfResidual})`, col: 5, value: o1.pF!, kind: 'p', decimals: 3 },
      { row: 'N', col: 1, value: o1.n, kind: 'count', decimals: 0 },
    );
    const table = olsTable(o1, { style: 'econ', decimals: 3, minus: 'hyphen', ci: true, vif: true });
    cases.push({ name: 'ols (econ, CI, VIF, hyphen minus)', table, style: 'econ', minus: 'hyphen', checks });
  }

  // OLS, hierarchical, APA 2 decimals.
  const oh: OlsResult = ols(survey, { y: 'satisfaction', blocks: [['age', 'female'], ['tenure', 'income']] });
  {
    const checks: NumberCheck[] = [];
    oh.blocks!.forEach((b, k) => {
      for (const c of b.coefficients) {
        const row = termLabel(c.term, 'apa');
        const nth = oh.blocks!.slice(0, k).filter((bb) => bb.coefficients.some((x) => x.term === c.term)).length;
        checks.push(
          // APA 7: exact p in its own column, so no stars on B (econ tables keep them).
          { row, nth, col: 1, value: c.estimate, kind: 'stat', decimals: 2 },
          { row, nth, col: 2, value: c.se, kind: 'stat', decimals: 2 },
          { row, nth, col: 4, value: c.t, kind: 'stat', decimals: 2 },
          { row, nth, col: 5, value: c.p, kind: 'p', decimals: 3 },
        );
        if (c.beta !== undefined) checks.push({ row, nth, col: 3, value: c.beta, kind: 'bounded', decimals: 2 });
      }
      checks.push(
        { row: 'R²', nth: k, col: 1, value: b.r2, kind: 'bounded', decimals: 2 },
        { row: 'Adjusted R²', nth: k, col: 1, value: b.adjR2, kind: 'bounded', decimals: 2 },
        { row: 'ΔR²', nth: k, col: 1, value: b.deltaR2, kind: 'bounded', decimals: 2 },
        { row: `ΔF(${b.df1}, ${b.df2})`, col: 1, value: b.deltaF, kind: 'stat', decimals: 2 },
        { row: `ΔF(${b.df1}, ${b.df2})`, col: 5, value: b.pDeltaF, kind: 'p', decimals: 3 },
      );
    });
    checks.push({ row: 'N', col: 1, value: oh.n, kind: 'count', decimals: 0 });
    cases.push({ name: 'ols hierarchical (APA)', table: olsTable(oh), style: 'apa', minus: 'unicode', checks });
  }

  // Hierarchical steps side by side, APA, β with t in parentheses (below).
  {
    const checks: NumberCheck[] = [];
    oh.blocks!.forEach((b, k) => {
      for (const c of b.coefficients) {
        if (c.beta === undefined) continue;
        checks.push({ row: c.term, col: 1 + k, value: c.beta, kind: 'bounded', decimals: 2, stars: st(c.p, 'apa') });
        checks.push({ row: c.term, below: true, col: 1 + k, value: c.t, kind: 'stat', decimals: 2, parens: true });
      }
      checks.push(
        { row: 'N', col: 1 + k, value: oh.n, kind: 'count', decimals: 0 },
        { row: 'R²', col: 1 + k, value: b.r2, kind: 'bounded', decimals: 2 },
        { row: 'Adjusted R²', col: 1 + k, value: b.adjR2, kind: 'bounded', decimals: 2 },
        { row: 'ΔR²', col: 1 + k, value: b.deltaR2, kind: 'bounded', decimals: 2, stars: st(b.pDeltaF, 'apa') },
        { row: 'ΔF', col: 1 + k, value: b.deltaF, kind: 'stat', decimals: 2, stars: st(b.pDeltaF, 'apa') },
      );
    });
    const table = comparisonTable(hierarchicalModels(oh), { style: 'apa', coefficient: 'beta' });
    cases.push({ name: 'comparison of hierarchical steps (APA, β, t below)', table, style: 'apa', minus: 'unicode', checks });
  }

  // Mediation, one mediator with covariates, Sobel rows, APA 3 decimals.
  {
    const r = mediate(med, { y: 'engage', x: 'tl', m: 'empower', covariates: ['age', 'female'], boot: 300, seed: 7 });
    const m = r.mediators[0];
    const d = 3;
    const checks: NumberCheck[] = [];
    const path = (row: string, p: { estimate: number; se: number; t: number; p: number; ciLower: number; ciUpper: number }) =>
      checks.push(
        { row, col: 1, value: p.estimate, kind: 'stat', decimals: d, stars: st(p.p, 'apa') },
        { row, col: 2, value: p.se, kind: 'stat', decimals: d },
        { row, col: 3, value: p.t, kind: 'stat', decimals: d },
        { row, col: 4, value: p.p, kind: 'p', decimals: 3 },
        { row, col: 5, value: p.ciLower, kind: 'stat', decimals: d },
        { row, col: 6, value: p.ciUpper, kind: 'stat', decimals: d },
      );
    path('a (tl → empower)', m.a);
    path('b (empower → engage)', m.b);
    path('c′ (direct effect, tl → engage)', r.cPrime);
    path('c (total effect, tl → engage)', r.c);
    const ind = 'tl → empower → engage';
    checks.push(
      { row: ind, col: 1, value: m.indirect.estimate, kind: 'stat', decimals: d },
      { row: ind, col: 2, value: m.indirect.bootSe!, kind: 'stat', decimals: d },
      { row: ind, col: 5, value: m.indirect.ciLower!, kind: 'stat', decimals: d },
      { row: ind, col: 6, value: m.indirect.ciUpper!, kind: 'stat', decimals: d },
    );
    const sob = 'tl → empower → engage (z)';
    checks.push(
      { row: sob, col: 1, value: m.indirect.estimate, kind: 'stat', decimals: d, stars: st(m.sobel.p, 'apa') },
      { row: sob, col: 2, value: m.sobel.se, kind: 'stat', decimals: d },
      { row: sob, col: 3, value: m.sobel.z, kind: 'stat', decimals: d },
      { row: sob, col: 4, value: m.sobel.p, kind: 'p', decimals: 3 },
      { row: 'R² (empower)', col: 1, value: r.models.mediators[0].r2, kind: 'bounded', decimals: d },
      { row: 'R² (engage)', col: 1, value: r.models.outcome.r2, kind: 'bounded', decimals: d },
      { row: 'N', col: 1, value: r.n, kind: 'count', decimals: 0 },
    );
    cases.push({ name: 'mediation (APA, Sobel)', table: mediationTable(r, { decimals: 3, sobel: true }), style: 'apa', minus: 'unicode', checks });
  }

  // Moderation, centred, APA 2 decimals.
  {
    const r = moderate(med, { y: 'engage', x: 'tl', w: 'pos', covariates: ['age'], center: true });
    const checks: NumberCheck[] = [];
    const row6 = (row: string, v: { est: number; se: number; t: number; p: number; lo: number; hi: number }) =>
      checks.push(
        { row, col: 1, value: v.est, kind: 'stat', decimals: 2 }, // APA: exact p, no stars
        { row, col: 2, value: v.se, kind: 'stat', decimals: 2 },
        { row, col: 3, value: v.t, kind: 'stat', decimals: 2 },
        { row, col: 4, value: v.p, kind: 'p', decimals: 3 },
        { row, col: 5, value: v.lo, kind: 'stat', decimals: 2 },
        { row, col: 6, value: v.hi, kind: 'stat', decimals: 2 },
      );
    for (const c of r.coefficients) row6(termLabel(c.term, 'apa'), { est: c.estimate, se: c.se, t: c.t, p: c.p, lo: c.ciLower, hi: c.ciUpper });
    const tags: Record<string, string> = { '-1SD': ' (−1 SD)', mean: ' (M)', '+1SD': ' (+1 SD)', min: ' (minimum)', max: ' (maximum)', value: '' };
    for (const s of r.simpleSlopes) {
      row6(`pos = ${s.w.toFixed(2)}${tags[s.label]}`, { est: s.slope, se: s.se, t: s.t, p: s.p, lo: s.ciLower, hi: s.ciUpper });
    }
    for (const pt of r.johnsonNeyman!.points) {
      row6(`pos = ${pt.w.toFixed(2)} (${pt.percentBelow.toFixed(1)}% below)`, { est: pt.slope, se: pt.se, t: pt.t, p: pt.p, lo: pt.ciLower, hi: pt.ciUpper });
    }
    const i = r.interaction;
    checks.push(
      { row: 'R²', col: 1, value: r.r2, kind: 'bounded', decimals: 2 },
      { row: 'ΔR² (tl × pos)', col: 1, value: i.r2Change, kind: 'bounded', decimals: 2 },
      { row: `ΔF(1, ${i.df2})`, col: 1, value: i.f, kind: 'stat', decimals: 2 },
      { row: `ΔF(1, ${i.df2})`, col: 4, value: i.p, kind: 'p', decimals: 3 },
      { row: `F(${r.dfModel}, ${r.dfResidual})`, col: 1, value: r.f, kind: 'stat', decimals: 2 },
      { row: `F(${r.dfModel}, ${r.dfResidual})`, col: 4, value: r.pF, kind: 'p', decimals: 3 },
      { row: 'N', col: 1, value: r.n, kind: 'count', decimals: 0 },
    );
    cases.push({ name: 'moderation (APA)', table: moderationTable(r), style: 'apa', minus: 'unicode', checks });
  }

  // Panel: entity FE with clustered SEs and random effects, econ 3 decimals.
  const x = ['x1', 'x2', 'lev'];
  const pooled = panel(firms, { y: 'y', x, entity: 'firm', time: 'year', effects: 'pooled' });
  const fe = panel(firms, { y: 'y', x, entity: 'firm', time: 'year', effects: 'entity', se: 'cluster' });
  const tw = panel(firms, { y: 'y', x, entity: 'firm', time: 'year', effects: 'twoway', se: 'cluster' });
  const re = panel(firms, { y: 'y', x, entity: 'firm', time: 'year', effects: 'random' });
  for (const r of [fe, re]) {
    const checks: NumberCheck[] = [];
    for (const c of r.coefficients) {
      const row = termLabel(c.term, 'econ');
      checks.push(
        { row, col: 1, value: c.estimate, kind: 'stat', decimals: 3, stars: st(c.p, 'econ') },
        { row, col: 2, value: c.se, kind: 'stat', decimals: 3 },
        { row, col: 3, value: c.t, kind: 'stat', decimals: 3 },
        { row, col: 4, value: c.p, kind: 'p', decimals: 3 },
      );
    }
    checks.push(
      { row: 'Observations', col: 1, value: r.n, kind: 'count', decimals: 0 },
      { row: 'Entities', col: 1, value: r.nEntities, kind: 'count', decimals: 0 },
      { row: 'Periods', col: 1, value: r.nTimes!, kind: 'count', decimals: 0 },
      { row: r.effects === 'random' ? 'R²' : 'Within R²', col: 1, value: r.r2, kind: 'bounded', decimals: 3 },
      { row: 'Adjusted R²', col: 1, value: r.adjR2, kind: 'bounded', decimals: 3 },
      { row: 'Hausman χ²(3)', col: 1, value: r.hausman!.chisq, kind: 'stat', decimals: 3 },
      { row: 'Hausman χ²(3)', col: 4, value: r.hausman!.p, kind: 'p', decimals: 3 },
    );
    const mt = r.modelTest!;
    const mtRow = mt.type === 'F' ? `F(${mt.df1}, ${mt.df2})` : `Wald χ²(${mt.df1})`;
    checks.push({ row: mtRow, col: 1, value: mt.statistic, kind: 'stat', decimals: 3 }, { row: mtRow, col: 4, value: mt.p, kind: 'p', decimals: 3 });
    if (r.fTestEffects) {
      const f = r.fTestEffects;
      const fRow = `F test of fixed effects (${f.df1}, ${f.df2})`;
      checks.push({ row: fRow, col: 1, value: f.statistic, kind: 'stat', decimals: 3 }, { row: fRow, col: 4, value: f.p, kind: 'p', decimals: 3 });
    }
    if (r.random) {
      checks.push(
        { row: 'σ² (idiosyncratic)', col: 1, value: r.random.sigma2Idios, kind: 'stat', decimals: 3 },
        { row: 'σ² (entity)', col: 1, value: r.random.sigma2Entity, kind: 'stat', decimals: 3 },
        { row: 'θ (mean)', col: 1, value: r.random.theta.mean, kind: 'bounded', decimals: 3 },
      );
    }
    cases.push({ name: `panel ${r.effects}`, table: panelTable(r), style: 'econ', minus: 'unicode', checks });
  }

  // DID regression and means, econ 4 decimals.
  const dd = did(firms, { y: 'y', treat: 'treat', post: 'post', entity: 'firm', time: 'year', covariates: ['x1'] });
  {
    const checks: NumberCheck[] = [];
    for (const c of dd.coefficients) {
      const row = termLabel(c.term, 'econ');
      checks.push(
        { row, col: 1, value: c.estimate, kind: 'stat', decimals: 4, stars: st(c.p, 'econ') },
        { row, col: 2, value: c.se, kind: 'stat', decimals: 4 },
        { row, col: 3, value: c.t, kind: 'stat', decimals: 4 },
        { row, col: 4, value: c.p, kind: 'p', decimals: 3 },
      );
    }
    checks.push(
      { row: 'Observations', col: 1, value: dd.n, kind: 'count', decimals: 0 },
      { row: 'Entities', col: 1, value: dd.nEntities, kind: 'count', decimals: 0 },
      { row: 'Treated entities', col: 1, value: dd.nTreatedEntities, kind: 'count', decimals: 0 },
      { row: 'Periods', col: 1, value: dd.nTimes, kind: 'count', decimals: 0 },
      { row: 'Within R²', col: 1, value: dd.r2Within, kind: 'bounded', decimals: 4 },
    );
    cases.push({ name: 'did (econ, 4 decimals)', table: didTable(dd, { decimals: 4 }), style: 'econ', minus: 'unicode', checks });
    const m = (g: 0 | 1, q: 0 | 1) => dd.means.byPost.find((c) => c.treat === g && c.post === q)!.mean;
    const means: NumberCheck[] = [
      { row: 'Treated (treat = 1)', col: 1, value: m(1, 0), kind: 'stat', decimals: 4 },
      { row: 'Treated (treat = 1)', col: 2, value: m(1, 1), kind: 'stat', decimals: 4 },
      { row: 'Treated (treat = 1)', col: 3, value: m(1, 1) - m(1, 0), kind: 'stat', decimals: 4 },
      { row: 'Control (treat = 0)', col: 1, value: m(0, 0), kind: 'stat', decimals: 4 },
      { row: 'Control (treat = 0)', col: 2, value: m(0, 1), kind: 'stat', decimals: 4 },
      { row: 'Control (treat = 0)', col: 3, value: m(0, 1) - m(0, 0), kind: 'stat', decimals: 4 },
      { row: 'Difference', col: 1, value: m(1, 0) - m(0, 0), kind: 'stat', decimals: 4 },
      { row: 'Difference', col: 2, value: m(1, 1) - m(0, 1), kind: 'stat', decimals: 4 },
      { row: 'Difference', col: 3, value: dd.means.simpleDid, kind: 'stat', decimals: 4 },
    ];
    cases.push({ name: 'did means', table: didMeansTable(dd, { decimals: 4 }), style: 'econ', minus: 'unicode', checks: means });
  }

  // Quantile regression, wide layout, econ 3 decimals.
  const q = qreg(wages, { y: 'lwage', x: ['educ', 'exper', 'female'], tau: [0.25, 0.5, 0.75] });
  {
    const checks: NumberCheck[] = [];
    q.quantiles.forEach((qq, k) => {
      for (const c of qq.coefficients) {
        const row = termLabel(c.term, 'econ');
        checks.push(
          { row, col: 1 + 3 * k, value: c.estimate, kind: 'stat', decimals: 3, stars: st(c.p, 'econ') },
          { row, col: 2 + 3 * k, value: c.se, kind: 'stat', decimals: 3 },
          { row, col: 3 + 3 * k, value: c.p, kind: 'p', decimals: 3 },
        );
      }
      checks.push({ row: 'Observations', col: 1 + 3 * k, value: q.n, kind: 'count', decimals: 0 });
    });
    cases.push({ name: 'qreg (wide)', table: qregTable(q), style: 'econ', minus: 'unicode', checks });
  }

  // Panel models and DID side by side: econ, inline "coef*** (t)", custom FE labels.
  {
    const models = [pooled, fe, tw, re, dd];
    const checks: NumberCheck[] = [];
    models.forEach((r, k) => {
      for (const c of r.coefficients) {
        const row = termLabel(c.term, 'econ');
        checks.push(
          { row, col: 1 + k, value: c.estimate, kind: 'stat', decimals: 3, stars: st(c.p, 'econ') },
          { row, col: 1 + k, part: 'second', value: c.t, kind: 'stat', decimals: 3, parens: true },
        );
      }
      checks.push({ row: 'Observations', col: 1 + k, value: r.n, kind: 'count', decimals: 0 });
      const r2 = 'means' in r ? r.r2Within : r.r2; // DID reports the within R² only
      checks.push({ row: 'R²', col: 1 + k, value: r2, kind: 'bounded', decimals: 3 });
      if ('adjR2' in r) checks.push({ row: 'Adjusted R²', col: 1 + k, value: r.adjR2, kind: 'bounded', decimals: 3 });
    });
    const table = comparisonTable(models, { paren: 't', layout: 'inline', fixedEffects: { entity: 'Firm FE', time: 'Year FE' } });
    cases.push({ name: 'comparison of panel models (econ, inline t)', table, style: 'econ', minus: 'unicode', checks });
  }

  // Quantile regression as a comparison (one column per τ, SE below).
  {
    const checks: NumberCheck[] = [];
    q.quantiles.forEach((qq, k) => {
      for (const c of qq.coefficients) {
        const row = termLabel(c.term, 'econ');
        checks.push(
          { row, col: 1 + k, value: c.estimate, kind: 'stat', decimals: 3, stars: st(c.p, 'econ') },
          { row, below: true, col: 1 + k, value: c.se, kind: 'stat', decimals: 3, parens: true },
        );
      }
      checks.push({ row: 'Observations', col: 1 + k, value: q.n, kind: 'count', decimals: 0 });
    });
    cases.push({ name: 'comparison of quantiles (econ, SE below)', table: comparisonTable([q]), style: 'econ', minus: 'unicode', checks });
  }

  // By group: OLS private vs state with the z test of the difference.
  {
    const bg = byGroup(med, { group: 'ownership' }, (sub) => ols(sub, { y: 'engage', x: ['tl', 'age'] }));
    const checks: NumberCheck[] = [];
    bg.groups.forEach((g, k) => {
      const r = g.result!;
      for (const c of r.coefficients) {
        const row = termLabel(c.term, 'econ');
        checks.push(
          { row, col: 1 + k, value: c.estimate, kind: 'stat', decimals: 3, stars: st(c.p, 'econ') },
          { row, below: true, col: 1 + k, value: c.se, kind: 'stat', decimals: 3, parens: true },
        );
      }
      checks.push(
        { row: 'Observations', col: 1 + k, value: r.n, kind: 'count', decimals: 0 },
        { row: 'R²', col: 1 + k, value: r.r2, kind: 'bounded', decimals: 3 },
        { row: 'Adjusted R²', col: 1 + k, value: r.adjR2, kind: 'bounded', decimals: 3 },
      );
    });
    for (const t of bg.comparisons[0].tests) {
      const row = termLabel(t.term, 'econ');
      checks.push(
        { row, col: 3, value: t.difference, kind: 'stat', decimals: 3, stars: st(t.p, 'econ') },
        { row, below: true, col: 3, value: t.se, kind: 'stat', decimals: 3, parens: true },
      );
    }
    cases.push({ name: 'by group (econ, z test of differences)', table: byGroupTable(bg), style: 'econ', minus: 'unicode', checks });
  }

  cached = cases;
  return cases;
}

/** A displayed number split into its parts. */
interface Shown {
  text: string;
  stars: string;
  second: string | null;
}

function split(cell: string): Shown {
  const m = /^(.*?)(\**)(?: (\(.*\)))?$/.exec(cell.trim())!;
  return { text: m[1], stars: m[2], second: m[3] ?? null };
}

/**
 * Parses a number as a table shows it ("−.158", "(3.12)", "1,079", "< .001").
 *
 * @returns the number, or the bound of "< bound".
 */
export function parseShown(text: string): { value: number; below: boolean } {
  let t = text.trim();
  if (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1);
  const below = t.startsWith('< ');
  if (below) t = t.slice(2);
  t = t.replace('\u2212', '-').replace(/,/g, '');
  if (!/^-?(\d+)?(\.\d+)?$/.test(t) || t === '' || t === '-') throw new Error(`'${text}' is not a number as tables show it`);
  return { value: Number(t), below };
}

/**
 * Checks one number in a grid: the cell shows the engine value rounded to the decimals, with
 * the style's leading-zero and minus conventions, the stars and the parentheses expected.
 *
 * @param grid - cell texts of a rendered table.
 * @param c - the check.
 * @param tc - the case (style, minus).
 * @param where - renderer name for failure messages.
 */
export function checkNumber(grid: Grid, c: NumberCheck, tc: TableCase, where: string): void {
  const label = `${where} / ${tc.name} / ${c.row}${c.nth ? ` #${c.nth}` : ''}${c.below ? ' (below)' : ''} col ${c.col}`;
  const indices = grid.body.map((r, i) => (r[0] === c.row ? i : -1)).filter((i) => i >= 0);
  expect(indices.length, `${label}: row not found`).toBeGreaterThan(c.nth ?? 0);
  const i = indices[c.nth ?? 0] + (c.below ? 1 : 0);
  const cell = grid.body[i]?.[c.col];
  expect(cell, `${label}: no cell`).toBeTypeOf('string');
  const shown = split(cell);
  const part = c.part === 'second' ? shown.second : shown.text;
  expect(part, `${label}: '${cell}' has no ${c.part ?? 'main'} number`).not.toBeNull();
  const text = part!;
  if (c.part !== 'second') expect(shown.stars, `${label}: stars of '${cell}'`).toBe(c.stars ?? '');
  if (c.parens) expect(text, `${label}: parentheses`).toMatch(/^\(.*\)$/);
  else expect(text, `${label}: parentheses`).not.toMatch(/^\(/);
  const { value, below } = parseShown(text);
  const bound = 10 ** -c.decimals;
  if (c.kind === 'p' && c.value < bound) {
    expect(below, `${label}: '${text}' should read "< ${bound}"`).toBe(true);
    expect(value).toBe(bound);
  } else {
    expect(below, `${label}: '${text}'`).toBe(false);
    // The engine's value rounded to the table's decimals (as R's sprintf rounds it).
    // (A value that rounds to zero is shown without a sign: −3e−17 → "0.00".)
    expect(value, `${label}: '${text}' vs ${c.value}`).toBe(Number(c.value.toFixed(c.decimals)) + 0);
  }
  const inner = text.replace(/^\(|\)$/g, '').replace(/^< /, '');
  const decimals = inner.includes('.') ? inner.split('.')[1].length : 0;
  expect(decimals, `${label}: decimals of '${text}'`).toBe(c.decimals);
  const noLeadingZero = tc.style === 'apa' && (c.kind === 'bounded' || c.kind === 'p');
  if (Math.abs(value) < 1 && c.decimals > 0) expect(/^[-\u2212]?0\./.test(inner), `${label}: leading zero of '${text}'`).toBe(!noLeadingZero);
  if (value < 0) expect(inner.charAt(0), `${label}: minus of '${text}'`).toBe(tc.minus === 'unicode' ? '\u2212' : '-');
  else expect(/^[-\u2212]/.test(inner), `${label}: no minus in '${text}'`).toBe(false);
}

/**
 * Runs every check of every case against a renderer's grids, and checks that the cases check
 * every number the table holds (so "every number in the export" is covered).
 *
 * @param where - renderer name.
 * @param gridOf - the grid of a case's rendered table.
 */
export async function checkAllCases(where: string, gridOf: (tc: TableCase) => Grid | Promise<Grid>): Promise<void> {
  for (const tc of tableCases()) {
    const numbers = tc.table.rows.reduce((s, r) => s + r.cells.reduce((t, c) => t + (c.value !== undefined ? 1 : 0) + (c.second ? 1 : 0), 0), 0);
    expect(tc.checks.length, `${tc.name}: checks cover every number of the table`).toBe(numbers);
    const grid = await gridOf(tc);
    expect(grid.body.length, `${where} / ${tc.name}: body rows`).toBe(tc.table.rows.length);
    for (const c of tc.checks) checkNumber(grid, c, tc, where);
  }
}
