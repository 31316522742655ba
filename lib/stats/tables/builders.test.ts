import { describe as group, expect, it } from 'vitest';
import { correlation } from '../correlation';
import { describe } from '../describe';
import { mediate } from '../mediate';
import { moderate } from '../moderate';
import { ols } from '../ols';
import { panel } from '../panel';
import { did } from '../did';
import { reliability } from '../reliability';
import { catchStatsError, readGoldenCsv } from '../test-utils';
import { correlationTable } from './correlation-table';
import { describeTable } from './describe-table';
import { mediationTable } from './mediation-table';
import { cellText, checkTable, type PubTable } from './model';
import { moderationTable } from './moderation-table';
import { olsTable } from './ols-table';
import { didTable, panelTable } from './panel-table';
import { reliabilityTable } from './reliability-table';

// Layout and notes of each builder (the numbers themselves are checked in every renderer's test,
// see ./test-support).
const survey = readGoldenCsv('ols-survey.csv');
const med = readGoldenCsv('mediate-survey.csv');
const firms = readGoldenCsv('panel-firms.csv');

const headers = (t: PubTable) => t.columns.map((r) => r.map((c) => (c.colSpan ? `${c.text}/${c.colSpan}` : c.text)));
const labels = (t: PubTable) => t.rows.map((r) => r.cells[0].text);
const row = (t: PubTable, label: string) => t.rows.find((r) => r.cells[0].text === label)!.cells.map(cellText);

group('describeTable', () => {
  const r = describe(survey, { vars: ['age', 'income'] });

  it('lays out SPSS DESCRIPTIVES: skewness and kurtosis with SEs under spanning headers', () => {
    const t = describeTable(r);
    expect(checkTable(t)).toBe(10);
    expect(headers(t)).toEqual([
      ['', '', '', '', '', '', 'Skewness/2', 'Kurtosis/2'],
      ['Variable', 'N', 'Minimum', 'Maximum', 'M', 'SD', 'Statistic', 'SE', 'Statistic', 'SE'],
    ]);
    expect(labels(t)).toEqual(['age', 'income']);
    expect(t.notes[0]).toBe(`N = ${r.n}; ${r.nDropped} cases with missing values excluded.`);
  });

  it('without SEs, with the median, labels and econ headers', () => {
    const t = describeTable(r, { se: false, median: true, style: 'econ', labels: { age: 'Age (years)' }, title: 'Sample' });
    expect(headers(t)).toEqual([['Variable', 'N', 'Minimum', 'Maximum', 'Mean', 'Median', 'SD', 'Skewness', 'Kurtosis']]);
    expect(t.title).toBe('Sample');
    expect(row(t, 'Age (years)')[5]).toBe(r.variables[0].median.toFixed(3));
  });

  it('marks statistics a tiny sample cannot define', () => {
    const t = describeTable(describe({ x: [1, 2, 3], c: [5, 5, 5] }, { vars: ['x', 'c'] }));
    expect(row(t, 'x').slice(6)).toEqual(['0.00', '1.22', '—', '—']);
    expect(row(t, 'c')[6]).toBe('—');
    expect(t.notes.at(-1)).toBe('— = not defined (too few observations or a constant variable).');
  });
});

group('reliabilityTable', () => {
  it('puts α, standardized α and ω in the note and marks reverse-coded items', () => {
    const r = reliability(survey, { items: ['q1', 'q2', 'q3', 'q4'], reverse: ['q4'], scaleMin: 1, scaleMax: 5 });
    const t = reliabilityTable(r);
    expect(headers(t)).toEqual([['Item', 'M', 'SD', 'Corrected item–total r', 'α if item deleted', 'Loading']]);
    expect(labels(t)).toEqual(['q1', 'q2', 'q3', 'q4 (R)']);
    expect(t.notes[0]).toMatch(/^Cronbach’s α = \.\d\d, standardized α = \.\d\d, McDonald’s ω = \.\d\d; 4 items, N = \d+/);
    expect(t.notes).toContain('(R) = reverse-coded item.');
  });

  it('two items: no α if deleted and no loadings', () => {
    const t = reliabilityTable(reliability(survey, { items: ['q1', 'q2'] }));
    expect(headers(t)[0]).toHaveLength(5);
    expect(row(t, 'q1')[4]).toBe('—');
    expect(t.notes).toContain('α if item deleted is not defined with two items.');
  });
});

group('correlationTable', () => {
  const vars = ['age', 'tenure', 'income'];
  const r = correlation(survey, { vars });

  it('numbers the variables, shows the lower triangle with stars and a dash on the diagonal', () => {
    const t = correlationTable(r);
    expect(headers(t)).toEqual([['Variable', '1', '2', '3']]);
    expect(labels(t)).toEqual(['1. age', '2. tenure', '3. income']);
    expect(row(t, '1. age')).toEqual(['1. age', '—', '', '']);
    expect(row(t, '3. income')[3]).toBe('—');
    expect(t.rows[2].cells[1].stars).toBe('***');
    expect(t.notes).toEqual([expect.stringMatching(/^Pearson correlations; (pairwise )?N = \d+(–\d+)?\.$/), '*p < .05. **p < .01. ***p < .001.']);
  });

  it('full matrix, Spearman, econ stars recomputed from p', () => {
    const s = correlation(survey, { vars, method: 'spearman', stars: 'apa' });
    const t = correlationTable(s, { triangle: 'full', style: 'econ' });
    expect(t.title).toBe('Spearman Correlations');
    expect(t.rows[0].cells[2].value).toBe(s.r[0][1]);
    expect(t.rows[0].cells[2].text).toMatch(/^0\.\d{3}$/);
    expect(t.notes.at(-1)).toBe('* p<0.1, ** p<0.05, *** p<0.01');
  });

  it('names a variable the descriptives lack', () => {
    const e = catchStatsError(() => correlationTable(r, { descriptives: describe(survey, { vars: ['age'] }) }));
    expect(e.message).toBe("the descriptives have no variable 'tenure'");
  });
});

group('olsTable', () => {
  it('one model: coefficient columns, then R², adjusted R², F with its p, N under a rule', () => {
    const r = ols(survey, { y: 'satisfaction', x: ['age', 'tenure'], se: 'cluster', cluster: 'school' });
    const t = olsTable(r, { beta: false });
    expect(headers(t)).toEqual([['Predictor', 'B', 'SE', 't', 'p']]);
    expect(labels(t)).toEqual(['Intercept', 'age', 'tenure', 'R²', 'Adjusted R²', `F(2, ${r.dfResidual})`, 'N']);
    expect(t.rows[3]).toMatchObject({ kind: 'stat', rule: true });
    expect(t.rows[5].cells[4].value).toBe(r.pF);
    expect(t.notes).toContain(`Standard errors clustered (${r.nClusters} clusters).`);
  });

  it('hierarchical: a section per step with ΔR² and ΔF, the steps and the final F in the notes', () => {
    const r = ols(survey, { y: 'satisfaction', blocks: [['age'], ['tenure', 'income']] });
    const t = olsTable(r, { stepLabel: 'Model' });
    expect(t.rows.filter((x) => x.kind === 'section').map((x) => x.cells[0].text)).toEqual(['Model 1', 'Model 2']);
    expect(t.rows.filter((x) => x.cells[0].text === 'ΔR²')).toHaveLength(2);
    expect(t.notes[1]).toBe('Model 1: age; Model 2: + tenure, income.');
    expect(t.notes[2]).toMatch(/^Final model: F\(3, \d+\) = \d+\.\d\d, p < \.001\.$/);
  });
});

group('mediationTable', () => {
  it('parallel mediators: a1, a2, b1, b2, c′, c, each indirect effect, the total and the contrast', () => {
    const r = mediate(med, { y: 'engage', x: 'tl', m: ['empower', 'trust'], boot: 200, seed: 3 });
    const t = mediationTable(r, { labels: { tl: 'TL' } });
    expect(headers(t)).toEqual([
      ['', '', '', '', '', '95% CI/2'],
      ['Path', 'Effect', 'SE', 't', 'p', 'LL', 'UL'],
    ]);
    expect(labels(t)).toEqual([
      'Paths',
      'a1 (TL → empower)',
      'a2 (TL → trust)',
      'b1 (empower → engage)',
      'b2 (trust → engage)',
      'c′ (direct effect, TL → engage)',
      'c (total effect, TL → engage)',
      'Indirect effects',
      'TL → empower → engage',
      'TL → trust → engage',
      'Total indirect effect',
      'Contrast: empower − trust',
      'R² (empower)',
      'R² (trust)',
      'R² (engage)',
      'N',
    ]);
    expect(t.rows.find((x) => x.cells[0].text === 'Total indirect effect')!.cells[1].value).toBe(r.indirect.estimate);
    expect(t.notes[0]).toContain('percentile bootstrap SE and CI (200 draws, seed 3)');
  });

  it('without a bootstrap the CI cells are dashes', () => {
    const t = mediationTable(mediate(med, { y: 'engage', x: 'tl', m: 'empower', boot: 0 }), { r2: false });
    expect(row(t, 'tl → empower → engage').slice(2)).toEqual(['—', '', '', '—', '—']);
    expect(t.notes[0]).toContain('no bootstrap (CI not computed)');
    expect(labels(t).at(-1)).toBe('N');
  });
});

group('moderationTable', () => {
  it('probes chosen values of W and describes the Johnson–Neyman region in the note', () => {
    const r = moderate(med, { y: 'engage', x: 'tl', w: 'pos', wValues: [3, 5] });
    const t = moderationTable(r, { ci: false });
    expect(headers(t)).toEqual([['Predictor', 'B', 'SE', 't', 'p']]);
    expect(labels(t)).toContain('pos = 3.00');
    expect(labels(t)).toContain('pos = 5.00');
    expect(t.notes.find((n) => n.startsWith('Johnson–Neyman'))).toMatch(/significant \(α = \.05\) for pos from \d\.\d\d to 7\.00 \(positive\)/);
  });

  it('a dichotomous moderator has no Johnson–Neyman part', () => {
    const r = moderate(med, { y: 'engage', x: 'tl', w: 'female' });
    const t = moderationTable(r);
    expect(labels(t)).toContain('female = 0.00');
    expect(labels(t)).not.toContain('Johnson–Neyman transition points');
    expect(t.notes.some((n) => n.startsWith('Johnson–Neyman'))).toBe(false);
  });
});

group('panelTable', () => {
  it('random effects: z tests, variance components, econ style by default, APA on request', () => {
    const r = panel(firms, { y: 'y', x: ['x1', 'lev'], entity: 'firm', time: 'year', effects: 'random' });
    const t = panelTable(r);
    expect(headers(t)).toEqual([['Variable', 'Coef.', 'SE', 'z', 'p']]);
    expect(t.style).toBe('econ');
    expect(t.notes[0]).toBe('Dependent variable: y. Random effects (Swamy–Arora), unbalanced panel.');
    const apa = panelTable(r, { style: 'apa', ci: true });
    expect(headers(apa)[1]).toEqual(['Predictor', 'B', 'SE', 'z', 'p', 'LL', 'UL']);
    expect(row(apa, 'θ (mean)')[1]).toMatch(/^\.\d\d$/);
  });
});

group('every builder', () => {
  it('leaves out stars and the legend with stars: false', () => {
    const r = ols(survey, { y: 'satisfaction', x: ['age'] });
    const t = olsTable(r, { stars: false });
    expect(t.rows.every((x) => x.cells.every((c) => !c.stars))).toBe(true);
    expect(t.notes.some((n) => n.includes('p <'))).toBe(false);
  });
  it('APA regression tables report exact p without stars (APA 7); econ keeps stars; explicit stars still honoured', () => {
    const r = ols(survey, { y: 'satisfaction', x: ['age', 'tenure'] });
    const starred = (t: ReturnType<typeof olsTable>) => t.rows.some((x) => x.cells.some((c) => c.stars));
    const apa = olsTable(r);
    expect(starred(apa)).toBe(false);
    expect(apa.notes.some((n) => n.includes('*p <'))).toBe(false);
    expect(headers(apa)[0]).toContain('p');
    const econ = olsTable(r, { style: 'econ' });
    expect(starred(econ)).toBe(true);
    expect(econ.notes.at(-1)).toBe('* p<0.1, ** p<0.05, *** p<0.01');
    expect(starred(olsTable(r, { stars: 'apa' }))).toBe(true);
    const m = moderate(med, { y: 'engage', x: 'tl', w: 'pos' });
    expect(starred(moderationTable(m))).toBe(false);
    expect(starred(moderationTable(m, { style: 'econ' }))).toBe(true);
    const d = did(firms, { y: 'y', treat: 'treat', post: 'post', entity: 'firm', time: 'year' });
    expect(starred(didTable(d, { style: 'apa' }))).toBe(false);
    expect(starred(didTable(d))).toBe(true);
  });
});
