import { describe, expect, it } from 'vitest';
import { byGroup, chowTest } from '../by-group';
import { did } from '../did';
import { mediate } from '../mediate';
import { moderate } from '../moderate';
import { ols } from '../ols';
import { panel } from '../panel';
import { qreg } from '../qreg';
import { catchStatsError, readGoldenCsv } from '../test-utils';
import { byGroupTable, type ByGroupTableInput } from './by-group-table';
import { comparisonTable, hierarchicalModels } from './comparison-table';
import { cellText, checkTable, type PubTable } from './model';

const firms = readGoldenCsv('panel-firms.csv');
const med = readGoldenCsv('mediate-survey.csv');
const survey = readGoldenCsv('ols-survey.csv');
const wages = readGoldenCsv('qreg-wages.csv');

const x = ['x1', 'x2', 'lev'];
const pooled = panel(firms, { y: 'y', x, entity: 'firm', time: 'year', effects: 'pooled' });
const fe = panel(firms, { y: 'y', x, entity: 'firm', time: 'year', effects: 'entity', se: 'cluster' });
const tw = panel(firms, { y: 'y', x, entity: 'firm', time: 'year', effects: 'twoway', se: 'cluster' });

const headers = (t: PubTable) => t.columns.map((r) => r.map((c) => (c.colSpan ? `${c.text}/${c.colSpan}` : c.text)));
const labels = (t: PubTable) => t.rows.map((r) => r.cells[0].text);
const texts = (t: PubTable, label: string, nth = 0) => t.rows.filter((r) => r.cells[0].text === label)[nth].cells.map(cellText);

describe('comparisonTable', () => {
  it('econ: dependent variable over (1)…(k), SE under each coefficient, FE rows, observations and R²', () => {
    const t = comparisonTable([pooled, fe, tw]);
    expect(checkTable(t)).toBe(4);
    expect(headers(t)).toEqual([
      ['', 'Dependent variable: y/3'],
      ['Variable', '(1)', '(2)', '(3)'],
    ]);
    expect(labels(t)).toEqual(['x1', '', 'x2', '', 'lev', '', 'Constant', '', 'Entity FE', 'Time FE', 'Observations', 'R²', 'Adjusted R²']);
    expect(texts(t, 'Entity FE')).toEqual(['Entity FE', 'No', 'Yes', 'Yes']);
    expect(texts(t, 'Time FE')).toEqual(['Time FE', 'No', 'No', 'Yes']);
    expect(texts(t, 'Constant')[2]).toBe(''); // FE models absorb the intercept
    expect(t.rows[1].cells[1].text).toMatch(/^\(0\.\d{3}\)$/);
    expect(t.rows.filter((r) => r.rule).map((r) => r.cells[0].text)).toEqual(['Entity FE', 'Observations']);
    expect(t.notes).toEqual([
      'Standard errors in parentheses.',
      `Standard errors clustered (${fe.nClusters} clusters) in (2), (3).`,
      'Conventional standard errors otherwise.',
      'R² of fixed-effects models is the within R².',
      '* p<0.1, ** p<0.05, *** p<0.01',
    ]);
  });

  it('inline "0.158*** (3.12)" with t, chosen terms, FE labels, extra indicator rows and statistics', () => {
    const t = comparisonTable(
      [
        { result: fe, indicators: { Controls: 'Yes' } },
        { result: tw, label: 'Two-way', indicators: { Controls: 'Yes' } },
      ],
      { paren: 't', layout: 'inline', terms: ['lev', 'x1'], fixedEffects: { entity: 'Firm FE', time: 'Year FE' }, stats: ['n', 'clusters'] },
    );
    expect(headers(t)).toEqual([
      ['', 'Dependent variable: y/2'],
      ['', '(1)', '(2)'],
      ['Variable', '', 'Two-way'],
    ]);
    expect(labels(t)).toEqual(['lev', 'x1', 'Firm FE', 'Year FE', 'Controls', 'Observations', 'Clusters']);
    const c = fe.coefficients.find((k) => k.term === 'x1')!;
    expect(texts(t, 'x1')[1]).toBe(`${c.estimate.toFixed(3)}${c.p < 0.01 ? '***' : c.p < 0.05 ? '**' : c.p < 0.1 ? '*' : ''} (${c.t.toFixed(3)})`);
    expect(texts(t, 'Clusters')).toEqual(['Clusters', '150', '150']);
    expect(t.notes[0]).toBe('t statistics in parentheses.');
  });

  it('APA: Model 1 … Model k, intercept first, dependent variable in the note; omit hides dummies', () => {
    const a = ols(survey, { y: 'satisfaction', x: ['age', 'sector'], factors: { sector: null } });
    const b = ols(survey, { y: 'satisfaction', x: ['age', 'sector', 'tenure'], factors: { sector: null } });
    const t = comparisonTable([a, b], { style: 'apa', omit: ['sector'], paren: 'none' });
    expect(headers(t)).toEqual([['Predictor', 'Model 1', 'Model 2']]);
    expect(labels(t)).toEqual(['Intercept', 'age', 'tenure', 'N', 'R²', 'Adjusted R²']);
    expect(texts(t, 'R²')[1]).toMatch(/^\.\d\d$/);
    expect(t.notes[0]).toBe('Dependent variable: satisfaction.');
    expect(comparisonTable([a], { intercept: 'omit' }).rows.some((r) => r.cells[0].text === 'Constant')).toBe(false);
  });

  it('hierarchical steps as columns with ΔR² and ΔF; β with t', () => {
    const r = ols(survey, { y: 'satisfaction', blocks: [['age'], ['tenure']] });
    const t = comparisonTable(hierarchicalModels(r), { style: 'apa', coefficient: 'beta' });
    expect(labels(t)).toEqual(['age', '', 'tenure', '', 'N', 'R²', 'Adjusted R²', 'ΔR²', 'ΔF']);
    expect(t.rows[0].cells[1].value).toBe(r.blocks![0].coefficients[1].beta);
    expect(texts(t, 'ΔR²')[2]).toMatch(/^\.\d\d\**$/);
    expect(t.notes.slice(0, 3)).toEqual(['Dependent variable: satisfaction.', 'Standardized coefficients (β).', 't statistics in parentheses.']);
    expect(hierarchicalModels(ols(survey, { y: 'satisfaction', x: ['age'] }))).toHaveLength(1);
  });

  it('different outcomes and model kinds; quantile regressions one column per τ or one τ', () => {
    const d = did(firms, { y: 'y', treat: 'treat', post: 'post', entity: 'firm', time: 'year' });
    const m = moderate(med, { y: 'engage', x: 'tl', w: 'pos' });
    const q = qreg(wages, { y: 'lwage', x: ['educ'], tau: [0.25, 0.75] });
    const t = comparisonTable([d, m, q, { result: q, tau: 0.75, label: 'Upper' }]);
    expect(headers(t)).toEqual([
      ['', '(1)', '(2)', '(3)', '(4)', '(5)'],
      ['Variable', 'y', 'engage', 'lwage', 'lwage', 'Upper'],
    ]);
    expect(texts(t, 'treat × post')[1]).toMatch(/^0\.\d{3}\*{0,3}$/);
    expect(texts(t, 'tl × pos')[2]).not.toBe('');
    expect(texts(t, 'educ')[5]).toBe(texts(t, 'educ')[4]); // τ = 0.75 chosen = the second column of q
    expect(texts(t, 'educ')[3]).not.toBe(texts(t, 'educ')[4]);
    expect(t.notes).toContain('Quantile regressions: “nid” sandwich standard errors (R quantreg).');
    const taus = comparisonTable([q]);
    expect(headers(taus)[2]).toEqual(['Variable', 'τ = 0.25', 'τ = 0.75']);
  });

  it('rejects what it cannot show', () => {
    expect(catchStatsError(() => comparisonTable([])).message).toBe('a comparison table needs at least one model');
    expect(catchStatsError(() => comparisonTable([{ y: 1 } as never])).message).toMatch(/^not a regression result/);
    expect(catchStatsError(() => comparisonTable([fe], { coefficient: 'beta' })).message).toBe('model (1) is a panel result, which has no standardized coefficients');
    const o = ols(survey, { y: 'satisfaction', x: ['age'] });
    expect(catchStatsError(() => comparisonTable([o], { coefficient: 'beta', paren: 'se' })).message).toMatch(/no standard errors/);
    expect(catchStatsError(() => comparisonTable([{ result: o, step: 2 }])).message).toBe('the regression has no blocks (got step 2)');
    const q = qreg(wages, { y: 'lwage', x: ['educ'], tau: 0.5 });
    expect(catchStatsError(() => comparisonTable([{ result: q, tau: 0.9 }])).message).toBe('the quantile regression has no tau = 0.9 (it has 0.5)');
    expect(catchStatsError(() => comparisonTable([o], { terms: ['nope'] })).message).toBe("no model has the term 'nope' (terms: (Intercept), age)");
  });
});

describe('byGroupTable', () => {
  it('OLS by group: group columns under the group name, the difference with its z-test stars, the Chow test', () => {
    const r = byGroup(med, { group: 'ownership' }, (sub) => ols(sub, { y: 'engage', x: ['tl'] }));
    const chow = chowTest(med, { y: 'engage', terms: ['tl'], group: 'ownership' });
    const t = byGroupTable({ ...r, chow } as ByGroupTableInput, { paren: 't' });
    expect(headers(t)).toEqual([
      ['', 'ownership/2', 'Difference/1'],
      ['Variable', 'private', 'state', 'private − state'],
    ]);
    const test = r.comparisons[0].tests.find((k) => k.term === 'tl')!;
    const diff = t.rows.find((k) => k.cells[0].text === 'tl')!.cells[3];
    expect(diff.value).toBe(test.difference);
    expect(t.rows[t.rows.findIndex((k) => k.cells[0].text === 'tl') + 1].cells[3].value).toBe(test.z);
    expect(t.notes.some((n) => n.startsWith('Differences: z test of equal coefficients'))).toBe(true);
    expect(t.notes).toContain(`Chow test of equal coefficients across groups: F(${chow.df1}, ${chow.df2}) = ${chow.f.toFixed(3)}, p = ${chow.p.toFixed(3)}.`);
    expect(byGroupTable(r as ByGroupTableInput, { differences: false }).columns[1]).toHaveLength(3);
  });

  it('mediation by group: the paths, the indirect effects with bootstrap SEs and the CI of their difference', () => {
    const r = byGroup(med, { group: 'ownership' }, (sub) => mediate(sub, { y: 'engage', x: 'tl', m: ['empower', 'trust'], boot: 200, seed: 5, keepDraws: true }));
    const t = byGroupTable(r as ByGroupTableInput, { style: 'apa' });
    expect(labels(t).filter((l) => l !== '')).toEqual([
      'a (tl → empower)',
      'b (empower → engage)',
      'a (tl → trust)',
      'b (trust → engage)',
      'c (total effect of tl)',
      'c′ (direct effect of tl)',
      'Indirect effect via empower',
      'Indirect effect via trust',
      'Total indirect effect',
      'N',
    ]);
    const total = t.rows.find((k) => k.cells[0].text === 'Total indirect effect')!;
    expect(total.cells[1].value).toBe(r.groups[0].result!.indirect.estimate);
    expect(total.cells[3].value).toBe(r.comparisons[0].indirect!.find((d) => d.effect === 'total')!.difference);
    expect(total.cells[3].stars).toBeUndefined();
    expect(t.notes.find((n) => n.startsWith('Indirect effects'))).toMatch(/95% CI of the differences \(percentile bootstrap\): private − state, empower: \[.+\]; private − state, trust: \[.+\]; private − state, total: \[.+\]\./);
  });

  it('names a group whose analysis failed, and quantile terms by τ', () => {
    const sub = { ...wages, grp: wages.female.map((f, i) => (f === 1 ? 'f' : i % 50 === 0 ? 'tiny' : 'm')) };
    const r = byGroup(sub, { group: 'grp' }, (d) => qreg(d, { y: 'lwage', x: ['educ', 'exper'], tau: [0.5] }));
    const t = byGroupTable(r as ByGroupTableInput);
    expect(labels(t)).toContain('educ (τ = 0.5)');
    const failed = r.groups.filter((g) => g.result === null);
    expect(failed.map((g) => g.level)).toEqual(['tiny']);
    for (const g of failed) expect(t.notes).toContain(`grp = ${g.level}: not estimated (${g.error!.message}).`);
  });
});
