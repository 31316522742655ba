/**
 * The analysis forms' model: which variables each analysis takes by role, which options it
 * offers, and how a filled form becomes the CLI's options (the spec saved with the analysis,
 * so `npm run cli -- stats <kind> --data export.csv <options>` reproduces it). Pure: used by
 * the client form and its tests.
 */

export const ANALYSIS_KINDS = ['describe', 'reliability', 'correlation', 'ols', 'mediate', 'moderate', 'panel', 'did', 'qreg'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

/** Regression-type kinds a comparison table can put side by side. */
export const COMPARABLE_KINDS: readonly string[] = ['ols', 'panel', 'did', 'qreg'];

export const KIND_LABELS: Record<AnalysisKind, string> = {
  describe: 'Descriptive statistics',
  reliability: 'Reliability (α, ω)',
  correlation: 'Correlations',
  ols: 'Linear regression (OLS)',
  mediate: 'Mediation (PROCESS model 4)',
  moderate: 'Moderation (PROCESS model 1)',
  panel: 'Panel regression',
  did: 'Difference-in-differences',
  qreg: 'Quantile regression',
};

export function isAnalysisKind(kind: string | undefined): kind is AnalysisKind {
  return (ANALYSIS_KINDS as readonly string[]).includes(kind ?? '');
}

/** A variable role: one variable (`single`) or several (`multi`). */
export interface Role {
  /** Form key and, unless `flag` says otherwise, the CLI option name. */
  key: string;
  label: string;
  multi: boolean;
  required: boolean;
  hint?: string;
  /** CLI option (default `--key`). */
  flag?: string;
  /** Only numeric variables make sense here. */
  numeric?: boolean;
}

const Y: Role = { key: 'y', label: 'Outcome (Y)', multi: false, required: true, numeric: true };
const COVARIATES: Role = { key: 'covariates', label: 'Covariates (controls)', multi: true, required: false, numeric: true };
const FACTOR: Role = { key: 'factor', label: 'Categorical predictors as dummies (factors)', multi: true, required: false, hint: 'First level is the reference. Add them to X or a block as well.' };
const GROUP: Role = { key: 'group', label: 'Run separately by group', multi: false, required: false, hint: 'Optional: one analysis per group, with group differences.' };
const ENTITY: Role = { key: 'entity', label: 'Entity (panel unit)', multi: false, required: true };
const CLUSTER: Role = { key: 'cluster', label: 'Cluster SEs by', multi: false, required: false, hint: 'Sets SE type to cluster.' };

/** Variable roles of each analysis (hierarchical OLS blocks are handled separately). */
export const ROLES: Record<AnalysisKind, Role[]> = {
  describe: [
    { key: 'vars', label: 'Variables', multi: true, required: true, numeric: true },
    { key: 'group', label: 'Group by', multi: false, required: false },
  ],
  reliability: [
    { key: 'items', label: 'Items', multi: true, required: true, numeric: true },
    { key: 'reverse', label: 'Reverse-scored items', multi: true, required: false, numeric: true, hint: 'Needs the scale minimum and maximum.' },
  ],
  correlation: [{ key: 'vars', label: 'Variables', multi: true, required: true, numeric: true }],
  ols: [Y, { key: 'x', label: 'Predictors (X)', multi: true, required: true }, COVARIATES, FACTOR, CLUSTER, GROUP],
  mediate: [Y, { key: 'x', label: 'Predictor (X)', multi: false, required: true, numeric: true }, { key: 'm', label: 'Mediators (M)', multi: true, required: true, numeric: true }, COVARIATES, FACTOR, GROUP],
  moderate: [Y, { key: 'x', label: 'Predictor (X)', multi: false, required: true, numeric: true }, { key: 'w', label: 'Moderator (W)', multi: false, required: true, numeric: true }, COVARIATES, FACTOR, GROUP],
  panel: [Y, { key: 'x', label: 'Predictors (X)', multi: true, required: true }, COVARIATES, ENTITY, { key: 'time', label: 'Time', multi: false, required: false, hint: 'Needed for two-way fixed effects.' }, FACTOR, CLUSTER, GROUP],
  did: [
    Y,
    { key: 'treat', label: 'Treated (0/1)', multi: false, required: true, numeric: true },
    { key: 'post', label: 'Post period (0/1)', multi: false, required: true, numeric: true },
    ENTITY,
    { key: 'time', label: 'Time', multi: false, required: true },
    COVARIATES,
    FACTOR,
    CLUSTER,
  ],
  qreg: [Y, { key: 'x', label: 'Predictors (X)', multi: true, required: true }, COVARIATES, FACTOR, GROUP],
};

/** A non-variable option. */
export interface OptionField {
  key: string;
  label: string;
  type: 'choice' | 'number' | 'text' | 'flag';
  choices?: Array<{ value: string; label: string }>;
  /** Default shown in the form; options equal to `omitWhen` are left out of the CLI array. */
  initial: string;
  omitWhen?: string;
  hint?: string;
  flag?: string;
}

const LEVEL: OptionField = { key: 'level', label: 'Confidence level', type: 'choice', initial: '0.95', omitWhen: '0.95', choices: ['0.9', '0.95', '0.99'].map((v) => ({ value: v, label: `${Math.round(Number(v) * 100)} %` })) };
const SE_LABELS: Record<string, string> = { classic: 'Conventional (OLS)', hc0: 'HC0 robust', hc1: 'HC1 robust (Stata “robust”)', hc2: 'HC2 robust', hc3: 'HC3 robust', cluster: 'Clustered (set a cluster variable)' };
const se = (values: string[], initial = 'classic'): OptionField => ({ key: 'se', label: 'Standard errors', type: 'choice', initial, omitWhen: initial, choices: values.map((v) => ({ value: v, label: SE_LABELS[v] })) });

export const OPTIONS: Record<AnalysisKind, OptionField[]> = {
  describe: [{ key: 'missing', label: 'Missing values', type: 'choice', initial: 'listwise', omitWhen: 'listwise', choices: [{ value: 'listwise', label: 'Listwise' }, { value: 'pairwise', label: 'Pairwise' }] }],
  reliability: [
    { key: 'scale-min', label: 'Scale minimum', type: 'number', initial: '', hint: 'For reverse scoring, e.g. 1' },
    { key: 'scale-max', label: 'Scale maximum', type: 'number', initial: '', hint: 'e.g. 5' },
  ],
  correlation: [
    { key: 'method', label: 'Method', type: 'choice', initial: 'pearson', omitWhen: 'pearson', choices: [{ value: 'pearson', label: 'Pearson' }, { value: 'spearman', label: 'Spearman' }] },
    { key: 'missing', label: 'Missing values', type: 'choice', initial: 'pairwise', omitWhen: 'pairwise', choices: [{ value: 'pairwise', label: 'Pairwise' }, { value: 'listwise', label: 'Listwise' }] },
  ],
  ols: [se(['classic', 'hc1', 'hc3', 'cluster']), LEVEL, { key: 'no-intercept', label: 'No intercept', type: 'flag', initial: '' }],
  mediate: [
    { key: 'boot', label: 'Bootstrap draws', type: 'number', initial: '5000', hint: 'Percentile bootstrap CI of the indirect effect' },
    { key: 'seed', label: 'Random seed', type: 'number', initial: '1', hint: 'The same seed gives the same CI' },
    LEVEL,
    se(['classic', 'hc0', 'hc1', 'hc2', 'hc3']),
  ],
  moderate: [
    { key: 'center', label: 'Mean-centre X and W', type: 'flag', initial: '' },
    { key: 'w-values', label: 'W values for simple slopes', type: 'text', initial: '', hint: 'e.g. 2,3,4 (default: mean ± 1 SD)' },
    LEVEL,
    se(['classic', 'hc0', 'hc1', 'hc2', 'hc3']),
  ],
  panel: [
    {
      key: 'effects',
      label: 'Model',
      type: 'choice',
      initial: 'entity',
      choices: [
        { value: 'pooled', label: 'Pooled OLS' },
        { value: 'entity', label: 'Entity fixed effects' },
        { value: 'twoway', label: 'Two-way fixed effects' },
        { value: 'random', label: 'Random effects' },
      ],
    },
    se(['classic', 'cluster']),
    LEVEL,
  ],
  did: [se(['cluster', 'classic'], 'cluster'), LEVEL],
  qreg: [{ key: 'tau', label: 'Quantiles (τ)', type: 'text', initial: '0.5', hint: 'One or several, e.g. 0.25,0.5,0.75' }, LEVEL, { key: 'no-intercept', label: 'No intercept', type: 'flag', initial: '' }],
};

/** What the form holds. */
export interface FormState {
  roles: Record<string, string[]>;
  options: Record<string, string>;
  /** Hierarchical OLS: the blocks (each a list of terms); empty or one block = plain OLS with X. */
  blocks: string[][];
  hierarchical: boolean;
}

export function initialState(kind: AnalysisKind): FormState {
  return {
    roles: Object.fromEntries(ROLES[kind].map((r) => [r.key, []])),
    options: Object.fromEntries(OPTIONS[kind].map((o) => [o.key, o.initial])),
    blocks: [[], []],
    hierarchical: false,
  };
}

/**
 * Turns a filled form into the CLI's options, or says what is missing.
 *
 * @returns `{ options }` or `{ error }` naming the first problem.
 * @example
 * ```ts
 * buildOptions('mediate', state); // { options: ['--y', 'engage', '--x', 'tl', '--m', 'empower', '--boot', '5000', '--seed', '1'] }
 * ```
 */
export function buildOptions(kind: AnalysisKind, state: FormState): { options: string[] } | { error: string } {
  const out: string[] = [];
  const hierarchical = kind === 'ols' && state.hierarchical;
  for (const role of ROLES[kind]) {
    const values = (state.roles[role.key] ?? []).filter(Boolean);
    if (hierarchical && (role.key === 'x' || role.key === 'covariates')) continue;
    if (role.required && values.length === 0) return { error: `Choose ${role.multi ? 'at least one variable' : 'a variable'} for “${role.label}”.` };
    if (values.length === 0) continue;
    out.push(role.flag ?? `--${role.key}`, values.join(','));
  }
  if (hierarchical) {
    const blocks = state.blocks.map((b) => b.filter(Boolean)).filter((b) => b.length > 0);
    if (blocks.length < 2) return { error: 'A hierarchical regression needs at least two blocks with variables (controls go in block 1).' };
    const seen = new Set<string>();
    for (const b of blocks) {
      for (const v of b) {
        if (seen.has(v)) return { error: `“${v}” is in two blocks: each variable enters once.` };
        seen.add(v);
      }
      out.push('--block', b.join(','));
    }
  }
  const y = state.roles.y?.[0];
  if (y) {
    const used = [...(state.roles.x ?? []), ...(state.roles.m ?? []), ...(state.roles.w ?? []), ...(state.roles.covariates ?? []), ...(hierarchical ? state.blocks.flat() : [])];
    if (used.includes(y)) return { error: `“${y}” is the outcome: it cannot also be a predictor.` };
  }
  for (const o of OPTIONS[kind]) {
    const value = (state.options[o.key] ?? '').trim();
    if (o.type === 'flag') {
      if (value === 'true') out.push(`--${o.key}`);
      continue;
    }
    if (value === '' || value === o.omitWhen) continue;
    if (o.key === 'se' && value === 'cluster' && !(state.roles.cluster ?? []).length) return { error: 'Clustered standard errors need a “Cluster SEs by” variable.' };
    // --cluster alone means clustered SEs; another --se with it is a contradiction.
    if (o.key === 'se' && (state.roles.cluster ?? []).length && value !== 'cluster') return { error: `Clustering by “${state.roles.cluster[0]}” needs standard errors “Clustered” (got ${SE_LABELS[value] ?? value}).` };
    if (o.type === 'number' && !Number.isFinite(Number(value))) return { error: `“${o.label}” must be a number.` };
    if (o.key === 'boot' && (!Number.isInteger(Number(value)) || Number(value) < 100 || Number(value) > 100_000)) return { error: 'Bootstrap draws must be a whole number from 100 to 100,000.' };
    if (o.key === 'tau' && value.split(',').some((t) => !(Number(t) > 0 && Number(t) < 1))) return { error: 'Each τ must be strictly between 0 and 1, e.g. 0.25,0.5,0.75.' };
    out.push(`--${o.key}`, value);
  }
  return { options: out };
}

/** Reads `--name value` from saved options (first occurrence), for labels and R scripts. */
export function optionValue(options: readonly string[], name: string): string | undefined {
  const i = options.indexOf(`--${name}`);
  return i >= 0 ? options[i + 1] : undefined;
}

/** A spec as a CLI line, shown under the result ("the same spec from the command line"). */
export function cliLine(kind: string, options: readonly string[]): string {
  const quote = (s: string) => (/^[\w.,:=\-[\]]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return ['npm run -s cli -- stats', kind, '--data', 'data.csv', ...options.map(quote), '--json'].join(' ');
}
