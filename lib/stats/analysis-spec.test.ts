import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { runAnalysis } from '@/lib/cli/run';
import { parseCsv } from '@/lib/stats/frame';
import { cellText } from '@/lib/stats/tables/model';

import { buildOptions, initialState, type FormState } from './analysis-spec';
import { analysisTable, comparisonOf } from './tables/analysis-table';

const withRoles = (kind: Parameters<typeof initialState>[0], roles: Record<string, string[]>, extra: Partial<FormState> = {}): FormState => {
  const s = initialState(kind);
  return { ...s, ...extra, roles: { ...s.roles, ...roles } };
};

describe('buildOptions', () => {
  it('writes a hierarchical OLS as --block lists, controls first', () => {
    const s = withRoles('ols', { y: ['engage'] }, { hierarchical: true, blocks: [['age', 'female'], ['tl', 'empower'], []] });
    expect(buildOptions('ols', s)).toEqual({ options: ['--y', 'engage', '--block', 'age,female', '--block', 'tl,empower'] });
  });

  it('keeps the bootstrap defaults of a mediation (5,000 draws, seed 1) in the spec', () => {
    expect(buildOptions('mediate', withRoles('mediate', { y: ['engage'], x: ['tl'], m: ['empower', 'trust'] }))).toEqual({
      options: ['--y', 'engage', '--x', 'tl', '--m', 'empower,trust', '--boot', '5000', '--seed', '1'],
    });
  });

  it('names what is missing or contradictory', () => {
    expect(buildOptions('mediate', initialState('mediate'))).toEqual({ error: 'Choose a variable for “Outcome (Y)”.' });
    expect(buildOptions('ols', withRoles('ols', { y: ['engage'], x: ['engage'] }))).toEqual({ error: '“engage” is the outcome: it cannot also be a predictor.' });
    const hier = withRoles('ols', { y: ['engage'] }, { hierarchical: true, blocks: [['age'], ['age']] });
    expect(buildOptions('ols', hier)).toEqual({ error: '“age” is in two blocks: each variable enters once.' });
    const cluster = withRoles('ols', { y: ['engage'], x: ['tl'], cluster: ['id'] });
    expect(buildOptions('ols', { ...cluster, options: { ...cluster.options, se: 'hc3' } })).toHaveProperty('error');
    expect(buildOptions('ols', cluster)).toEqual({ options: ['--y', 'engage', '--x', 'tl', '--cluster', 'id'] });
    const q = withRoles('qreg', { y: ['engage'], x: ['tl'] });
    expect(buildOptions('qreg', { ...q, options: { ...q.options, tau: '0.5,1' } })).toHaveProperty('error');
  });
});

describe('analysis tables', () => {
  const df = parseCsv(readFileSync('lib/stats/golden/mediate-survey.csv', 'utf8'));
  const ols = (title: string, options: string[]) => ({ kind: 'ols', title, options, result: runAnalysis('ols', df, options) });

  it('shows a hierarchical OLS as SPSS steps (APA) and as nested columns (econ)', () => {
    const h = ols('H', ['--y', 'engage', '--block', 'age,female', '--block', 'tl']);
    expect(analysisTable(h, { style: 'apa' }).rows.filter((r) => r.kind === 'section').map((r) => r.cells[0].text)).toEqual(['Step 1', 'Step 2']);
    const econ = analysisTable(h, { style: 'econ' });
    expect(econ.columns.at(-1)!.map((c) => c.text)).toEqual(['Variable', '(1)', '(2)']);
  });

  it('compares models with estimator titles and without ΔR² between unrelated columns', () => {
    const table = comparisonOf([ols('A', ['--y', 'engage', '--block', 'age', '--block', 'tl']), ols('B', ['--y', 'engage', '--x', 'tl,age', '--se', 'hc3'])], { style: 'econ' });
    expect(table.columns.at(-1)!.map((c) => c.text)).toEqual(['Variable', 'OLS', 'OLS']);
    expect(table.rows.map((r) => r.cells[0].text)).not.toContain('ΔR²');
    expect(table.rows.find((r) => r.cells[0].text === 'tl')!.cells.slice(1).map(cellText)).toHaveLength(2);
  });
});
