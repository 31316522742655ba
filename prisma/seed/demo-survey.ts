/**
 * The demo project's quantitative half: the "follow-up survey of 312 sellers" its description
 * promises, and a small seller × year panel. Deterministic (seeded generator), so the saved
 * analyses show the same numbers on every machine.
 *
 * Survey: five 4-item Likert scales (1–5) measuring the constructs the interviews surfaced —
 * buyer communication (BC), platform trust (PT; PT3 reverse-keyed), logistics capability (LC),
 * perceived risk (PR) and repeat-purchase intention (RI) — plus firm age, employees, platform and
 * owner gender. The generating model: communication → trust → intention (mediation), and risk
 * lowers intention less where logistics are strong (moderation).
 *
 * Panel: 60 sellers × 2019–2023, revenue growth on advertising and trust with seller and year
 * effects (a two-way FE model).
 */
import type { Dataset, Variable } from '../../lib/datasets/types';
import { createRng } from '../../lib/stats/random';
import type { Cell } from '../../lib/stats/frame';

const AGREE = { '1': 'Strongly disagree', '2': 'Disagree', '3': 'Neutral', '4': 'Agree', '5': 'Strongly agree' };

/** Item wording (the variable labels), by scale. */
export const SURVEY_ITEMS: Record<string, Array<[name: string, label: string]>> = {
  BC: [
    ['BC1', 'I answer buyer messages within a day'],
    ['BC2', 'I explain delays to buyers before they ask'],
    ['BC3', 'Buyers can reach me in their own language'],
    ['BC4', 'I follow up after delivery'],
  ],
  PT: [
    ['PT1', 'Buyers trust the platform to protect their payment'],
    ['PT2', 'The platform resolves disputes fairly'],
    ['PT3', 'Buyers worry the platform sides with sellers (reversed)'],
    ['PT4', 'Platform ratings make buyers confident'],
  ],
  LC: [
    ['LC1', 'My parcels arrive on the promised date'],
    ['LC2', 'I can track every shipment end to end'],
    ['LC3', 'I use an overseas warehouse for fast delivery'],
    ['LC4', 'Returns are easy for my buyers'],
  ],
  PR: [
    ['PR1', 'Buyers fear receiving counterfeit goods'],
    ['PR2', 'Buyers fear losing money on returns'],
    ['PR3', 'Buyers fear their data will be misused'],
    ['PR4', 'Buyers hesitate because I am abroad'],
  ],
  RI: [
    ['RI1', 'Buyers come back to my shop'],
    ['RI2', 'Buyers recommend my shop to others'],
    ['RI3', 'Buyers choose me over local shops'],
    ['RI4', 'Buyers order again within six months'],
  ],
};

/** The scales as the Scales tab defines them (PT3 reverse-keyed). */
export const SURVEY_SCALES = [
  { key: 'BC', name: 'Buyer communication', reversed: [] as string[] },
  { key: 'PT', name: 'Platform trust', reversed: ['PT3'] },
  { key: 'LC', name: 'Logistics capability', reversed: [] as string[] },
  { key: 'PR', name: 'Perceived risk', reversed: [] as string[] },
  { key: 'RI', name: 'Repeat-purchase intention', reversed: [] as string[] },
].map((s) => ({ ...s, items: SURVEY_ITEMS[s.key].map(([name]) => name), scoreName: s.key.toLowerCase() }));

const variable = (name: string, label: string, type: Variable['type'], extra: Partial<Variable> = {}): Variable => ({ name, label, type, valueLabels: {}, missingCodes: [], ...extra });

function normalOf(rng: ReturnType<typeof createRng>) {
  return () => {
    // Box–Muller; u1 in (0, 1].
    const u1 = 1 - rng.next();
    const u2 = rng.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
}

const likert = (latent: number) => Math.min(5, Math.max(1, Math.round(3 + latent)));

/** The 312-seller survey (version 1: items and background variables as collected). */
export function demoSurvey(): Dataset {
  const n = 312;
  const rng = createRng(20261206);
  const z = normalOf(rng);
  const platforms = ['Amazon', 'Shopify', 'AliExpress', 'Etsy'];
  const columns: Record<string, Cell[]> = { seller: [], firm_age: [], employees: [], platform: [], female_owner: [] };
  for (const scale of Object.values(SURVEY_ITEMS)) for (const [name] of scale) columns[name] = [];
  for (let i = 0; i < n; i++) {
    const bc = z();
    const lc = z();
    const pr = z();
    const pt = 0.55 * bc + 0.8 * z();
    const ri = 0.45 * pt + 0.15 * bc - 0.35 * pr + 0.2 * lc + 0.25 * pr * lc + 0.75 * z();
    const age = Math.max(1, Math.round(6 + 3 * z()));
    columns.seller.push(`S${String(i + 1).padStart(3, '0')}`);
    columns.firm_age.push(age);
    columns.employees.push(Math.max(1, Math.round(Math.exp(1.8 + 0.7 * z()))));
    columns.platform.push(platforms[rng.nextInt(platforms.length)]);
    columns.female_owner.push(rng.next() < 0.42 ? 1 : 0);
    const items = (key: string, latent: number, reversed: string[] = []) =>
      SURVEY_ITEMS[key].forEach(([name]) => {
        const answer = likert(0.9 * latent + 0.6 * z());
        // One answer in 80 left blank, as in any real survey.
        columns[name].push(rng.next() < 1 / 80 ? null : reversed.includes(name) ? 6 - answer : answer);
      });
    items('BC', bc);
    items('PT', pt, ['PT3']);
    items('LC', lc);
    items('PR', pr);
    items('RI', ri);
  }
  const variables: Variable[] = [
    variable('seller', 'Seller', 'text'),
    variable('firm_age', 'Years since the shop opened', 'numeric'),
    variable('employees', 'Employees', 'numeric'),
    variable('platform', 'Main platform', 'categorical'),
    variable('female_owner', 'Owner is a woman', 'categorical', { valueLabels: { '0': 'No', '1': 'Yes' } }),
    ...Object.values(SURVEY_ITEMS).flatMap((scale) => scale.map(([name, label]) => variable(name, label, 'likert', { likert: { min: 1, max: 5 }, valueLabels: AGREE }))),
  ];
  return { variables, columns, rowCount: n };
}

/** The seller × year panel (60 × 5). */
export function demoPanel(): Dataset {
  const rng = createRng(2019);
  const z = normalOf(rng);
  const columns: Record<string, Cell[]> = { seller: [], year: [], growth: [], ad_spend: [], trust: [], employees: [] };
  const yearShock = [0, -2.5, 1.5, 0.5, -1];
  for (let s = 0; s < 60; s++) {
    const sellerEffect = 2 * z();
    const baseAd = 3 + z();
    const baseTrust = 3.4 + 0.6 * z();
    for (let t = 0; t < 5; t++) {
      const ad = Math.max(0, baseAd + 0.3 * t + 0.8 * z());
      const trust = Math.min(5, Math.max(1, baseTrust + 0.1 * t + 0.3 * z()));
      columns.seller.push(`S${String(s + 1).padStart(3, '0')}`);
      columns.year.push(2019 + t);
      columns.ad_spend.push(Math.round(ad * 100) / 100);
      columns.trust.push(Math.round(trust * 100) / 100);
      columns.employees.push(Math.max(1, Math.round(5 + sellerEffect + t + z())));
      columns.growth.push(Math.round((4 + sellerEffect + yearShock[t] + 1.2 * ad + 2.1 * trust + 1.5 * z()) * 100) / 100);
    }
  }
  const variables: Variable[] = [
    variable('seller', 'Seller', 'text'),
    variable('year', 'Year', 'numeric'),
    variable('growth', 'Revenue growth (%)', 'numeric'),
    variable('ad_spend', 'Advertising spend (k USD)', 'numeric'),
    variable('trust', 'Platform trust score (1–5)', 'numeric'),
    variable('employees', 'Employees', 'numeric'),
  ];
  return { variables, columns, rowCount: 300 };
}

/** The saved analyses on the survey's version 2 (scale scores added): kind, title, CLI options. */
export const DEMO_SURVEY_ANALYSES: Array<{ kind: string; title: string; options: string[] }> = [
  { kind: 'describe', title: 'Descriptive statistics of the scales', options: ['--vars', 'bc,pt,lc,pr,ri,firm_age,employees'] },
  { kind: 'correlation', title: 'Correlations of the scales', options: ['--vars', 'bc,pt,lc,pr,ri', '--method', 'pearson'] },
  {
    kind: 'ols',
    title: 'Repeat-purchase intention: hierarchical regression',
    options: ['--y', 'ri', '--block', 'firm_age,employees,female_owner', '--block', 'bc,pt', '--block', 'lc,pr', '--se', 'hc3'],
  },
  { kind: 'mediate', title: 'Communication → trust → intention (PROCESS model 4)', options: ['--y', 'ri', '--x', 'bc', '--m', 'pt', '--covariates', 'firm_age', '--boot', '5000', '--seed', '1'] },
  { kind: 'moderate', title: 'Risk × logistics on intention (PROCESS model 1)', options: ['--y', 'ri', '--x', 'pr', '--w', 'lc', '--center'] },
];

/** The panel's saved analysis: two-way fixed effects with seller-clustered SEs. */
export const DEMO_PANEL_ANALYSES: Array<{ kind: string; title: string; options: string[] }> = [
  {
    kind: 'panel',
    title: 'Revenue growth: two-way fixed effects',
    options: ['--y', 'growth', '--x', 'ad_spend,trust', '--covariates', 'employees', '--entity', 'seller', '--time', 'year', '--effects', 'twoway', '--se', 'cluster', '--cluster', 'seller'],
  },
];
