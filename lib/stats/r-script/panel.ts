/**
 * R code for `stats panel` and `stats did` with plm 2.6 (the package lib/stats/panel.ts is
 * checked against): pooled OLS, within (entity FE), two-way within, random effects
 * (Swamy–Arora); classic SEs (plm's vcov) or cluster-robust CR1 (plm::vcovHC(type = "sss",
 * cluster = "group"), t tests on G − 1 df as Stata); the F test of the effects (pFtest) and the
 * Hausman test (phtest). DID: two-way within with treat:post, main effects only when they are
 * not absorbed by the fixed effects, clustered by entity unless --se classic.
 */
import type { CliArgs } from '@/lib/cli/args';
import { factorOption, regressors, seAndCluster } from '@/lib/cli/stats/options';
import { variablesOf, type FactorSpec } from '@/lib/stats/frame';
import { assertRCoding, factorSetup, factorVariables, listwise, numericVariables, type AnalysisCode } from './analysis-code';
import { isSyntactic, rFormula, rName, rNumber, rString, rTerm, rVector } from './r-code';

type Effects = 'pooled' | 'entity' | 'twoway' | 'random';
const MODEL: Record<Effects, string> = {
  pooled: 'model = "pooling"',
  entity: 'model = "within"',
  twoway: 'model = "within", effect = "twoways"',
  random: 'model = "random", random.method = "swar"',
};

/**
 * plm (pdata.frame) turns column names that are not syntactic into make.names() ones, so columns
 * such as "log assets" or "公司" get plain names (v1_log_assets, v2) for the model; app_names()
 * maps them back.
 */
class PlmNames {
  private readonly map = new Map<string, string>();
  constructor(columns: readonly string[]) {
    for (const c of new Set(columns)) {
      if (isSyntactic(c)) continue;
      rName(c); // throws for an unquotable name
      const clean = c.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
      this.map.set(c, `v${this.map.size + 1}${clean ? `_${clean}` : ''}`);
    }
  }
  /** The R column name of an app column. */
  name = (c: string): string => this.map.get(c) ?? c;
  /** An app term with R column names. */
  term = (t: string): string => t.split(':').map((v) => this.name(v.trim())).join(':');
  /** Factor spec with R column names. */
  factors = (f: FactorSpec): FactorSpec => Object.fromEntries(Object.entries(f).map(([k, v]) => [this.name(k), v]));
  /** R code renaming the columns (empty when none needs it). */
  code(): string {
    if (!this.map.size) return '';
    return [
      '# plm renames columns whose names are not syntactic in R, so they get plain names for the model.',
      `plm_names <- c(${[...this.map].map(([a, b]) => `${rString(a)} = ${rString(b)}`).join(', ')})`,
      'for (v in names(plm_names)) names(d)[names(d) == v] <- plm_names[[v]]',
    ].join('\n');
  }
  /** The `renamed` argument of app_names. */
  renamed(): string {
    return this.map.size ? 'plm_names' : 'character(0)';
  }
}

/** The covariance, df and coefficient-table lines shared by panel and did. */
function seLines(se: 'classic' | 'cluster', cluster: string, entity: string, z: boolean, level: number, terms: readonly string[], renamed: string): string[] {
  const lines: string[] = [];
  if (se === 'classic') {
    lines.push('V <- vcov(m) # classic standard errors, as plm reports them', `df_t <- ${z ? 'Inf # random effects: z tests, as plm' : 'df.residual(m)'}`);
  } else {
    lines.push(`G <- length(unique(d[[${rString(cluster)}]]))`, 'put("nClusters", G)');
    if (cluster === entity) {
      lines.push(`# Cluster-robust by ${entity}: CR1 = G/(G-1)*(n-1)/(n-k), k = reported coefficients (Stata's vce(cluster)).`, 'V <- plm::vcovHC(m, type = "sss", cluster = "group")');
    } else {
      lines.push(`# Cluster-robust by ${cluster} (not the entity, so computed directly from the transformed data): CR1.`, `V <- cluster_vcov(model.matrix(m), as.numeric(residuals(m)), as.character(pd[[${rString(cluster)}]]))`);
    }
    lines.push(`df_t <- ${z ? 'Inf # random effects: z tests' : 'G - 1 # t tests on G - 1 df (Stata)'}`);
  }
  lines.push(
    'ct <- lmtest::coeftest(m, vcov. = V, df = df_t)',
    `rownames(ct) <- app_names(rownames(ct), d, ${rVector(terms)}, renamed = ${renamed})`,
    'print(ct)',
    `tab <- coef_rows("coefficients/", setNames(ct[, 1], rownames(ct)), ct[, 2], df_t, level = ${rNumber(level)})`,
  );
  return lines;
}

function commonSetup(y: string, terms: readonly string[], factors: FactorSpec, entity: string, time: string | undefined, extraNumeric: readonly string[], cluster: string | undefined) {
  const fvars = factorVariables(terms, factors);
  rName(y);
  return [
    listwise([y, ...numericVariables(terms, factors), ...extraNumeric], [entity, ...(time ? [time] : []), ...(cluster ? [cluster] : []), ...fvars]),
    factorSetup(Object.fromEntries(fvars.map((f) => [f, factors[f]]))),
    `pd <- plm::pdata.frame(d, index = ${rVector(time ? [entity, time] : [entity])})`,
    `put("nEntities", length(unique(d[[${rString(entity)}]])))`,
  ];
}

/**
 * @param args - parsed panel options.
 * @returns the analysis code.
 * @throws {RScriptUnsupportedError} for a factor coding R cannot reproduce.
 */
export function panelCode(args: CliArgs): AnalysisCode {
  const appTerms = regressors(args);
  const names = new PlmNames([args.string('y', true), ...variablesOf(appTerms), args.string('entity', true), ...[args.string('time'), args.string('cluster')].filter((v): v is string => !!v)]);
  const y = names.name(args.string('y', true));
  const terms = appTerms.map(names.term);
  const entity = names.name(args.string('entity', true));
  const time = args.string('time') === undefined ? undefined : names.name(args.string('time') as string);
  const effects = args.choice('effects', ['pooled', 'entity', 'twoway', 'random'] as const) ?? 'entity';
  const { se = 'classic', cluster: appCluster } = seAndCluster(args, ['classic', 'cluster'] as const);
  const cluster = appCluster === undefined ? undefined : names.name(appCluster);
  const factors = names.factors(factorOption(args));
  const level = args.number('level') ?? 0.95;
  assertRCoding(terms, factors, true, 'panel');
  const clusterVar = se === 'cluster' ? (cluster ?? entity) : undefined;
  const z = effects === 'random';
  const formula = rFormula(y, terms);
  const body = [
    names.code(),
    ...commonSetup(y, terms, factors, entity, time, [], clusterVar !== entity ? clusterVar : undefined),
    `f <- ${formula}`,
    `m <- plm::plm(f, data = pd, ${MODEL[effects]})`,
    ...seLines(se, clusterVar ?? entity, entity, z, level, appTerms, names.renamed()),
    'put("dfResidual", df.residual(m))',
    'put("rss", sum(residuals(m)^2))',
    'put("sigma", sqrt(sum(residuals(m)^2) / df.residual(m)))',
    'put("r2", plm::r.squared(m))',
    'put("adjR2", plm::r.squared(m, dfcor = TRUE))',
    ...(effects === 'entity' || effects === 'twoway' ? ['put("r2Within", plm::r.squared(m))'] : []),
    '# Joint test of the slopes with the covariance above (F, or chi-squared for random effects).',
    'idx <- which(rownames(ct) != "(Intercept)")',
    ...(se === 'cluster' ? ['if (length(idx) <= G - 1) {'] : ['{']),
    '  mt <- wald_test(coef(m), V, idx, df_t)',
    '  for (k in names(mt)) put(paste0("modelTest/", k), mt[[k]])',
    '}',
    ...(effects === 'entity' || effects === 'twoway'
      ? [
          '# F test of the fixed effects against pooled OLS.',
          'ft <- plm::pFtest(m, plm::plm(f, data = pd, model = "pooling"))',
          'print(ft)',
          'put("fTestEffects/statistic", ft$statistic); put("fTestEffects/df1", ft$parameter[1])',
          'put("fTestEffects/df2", ft$parameter[2]); put("fTestEffects/p", ft$p.value)',
        ]
      : []),
    ...(effects === 'entity' || effects === 'random'
      ? [
          '# Hausman test, fixed against random effects (classic covariances).',
          effects === 'entity'
            ? 'ht <- tryCatch(plm::phtest(m, plm::plm(f, data = pd, model = "random", random.method = "swar")), error = function(e) NULL)'
            : 'ht <- tryCatch(plm::phtest(plm::plm(f, data = pd, model = "within"), m), error = function(e) NULL)',
          'if (!is.null(ht)) { print(ht); put("hausman/chisq", ht$statistic); put("hausman/df", ht$parameter); put("hausman/p", ht$p.value) }',
        ]
      : []),
    ...(effects === 'random'
      ? [
          'ec <- plm::ercomp(f, data = pd, method = "swar", effect = "individual")',
          'print(ec)',
          'put("random/sigma2Idios", ec$sigma2[["idios"]]); put("random/sigma2Entity", ec$sigma2[["id"]])',
        ]
      : []),
    'tab[c("term", "estimate", "se")]',
  ]
    .filter((l) => l !== '')
    .join('\n');
  return {
    title: `Panel regression (${effects === 'entity' ? 'entity fixed effects' : effects === 'twoway' ? 'two-way fixed effects' : effects === 'random' ? 'random effects' : 'pooled OLS'}) of ${args.string('y', true)}`,
    packages: ['plm', 'lmtest'],
    helpers: ['put', 'completeRows', 'appFactor', 'appNames', 'coefRows', 'waldF', ...(clusterVar && clusterVar !== entity ? (['clusterVcov'] as const) : [])],
    notes: [`standard errors: ${se === 'cluster' ? `cluster-robust by ${appCluster ?? args.string('entity', true)}, t tests on G − 1 df` : 'classic'}${z ? ' (z tests for random effects)' : ''}.`],
    setup: '',
    body,
  };
}

/**
 * @param args - parsed did options.
 * @returns the analysis code.
 * @throws {RScriptUnsupportedError} for a factor coding R cannot reproduce.
 */
export function didCode(args: CliArgs): AnalysisCode {
  const appCovs = args.list('covariates');
  const { se = 'cluster', cluster: appCluster } = seAndCluster(args, ['classic', 'cluster'] as const);
  const app = ['y', 'treat', 'post', 'entity', 'time'].map((k) => args.string(k, true));
  const names = new PlmNames([...app, ...variablesOf(appCovs), ...(appCluster ? [appCluster] : [])]);
  const [y, treat, post, entity, time] = app.map(names.name);
  const covs = appCovs.map(names.term);
  const cluster = appCluster === undefined ? undefined : names.name(appCluster);
  const factors = names.factors(factorOption(args));
  const level = args.number('level') ?? 0.95;
  const term = `${treat}:${post}`;
  const appTerm = `${app[1]}:${app[2]}`;
  assertRCoding(covs, factors, true, 'did');
  [treat, post].forEach(rName);
  const clusterVar = se === 'cluster' ? (cluster ?? entity) : undefined;
  const T = rString(treat);
  const P = rString(post);
  const body = [
    names.code(),
    ...commonSetup(y, covs, factors, entity, time, [treat, post], clusterVar !== entity ? clusterVar : undefined),
    `for (v in c(${T}, ${P})) if (!all(d[[v]] %in% c(0, 1))) stop("column '", v, "' must be coded 0/1")`,
    `# ${treat} is absorbed by the entity effects when constant within entities, ${post} by the period`,
    '# effects when constant within periods; otherwise it enters the model itself (as the app).',
    'varies <- function(v, g) any(tapply(v, g, function(z) length(unique(z)) > 1))',
    `rhs <- c(if (varies(d[[${T}]], d[[${rString(entity)}]])) ${rString(rName(treat))}, if (varies(d[[${P}]], d[[${rString(time)}]])) ${rString(rName(post))},`,
    `         ${covs.length ? `${covs.map((c) => rString(rTerm(c))).join(', ')}, ` : ''}${rString(rTerm(term))})`,
    `f <- as.formula(paste(${rString(rName(y))}, "~", paste(rhs, collapse = " + ")))`,
    'print(f)',
    'm <- plm::plm(f, data = pd, model = "within", effect = "twoways")',
    ...seLines(se, clusterVar ?? entity, entity, false, level, [...appCovs, appTerm], names.renamed()),
    'put("dfResidual", df.residual(m))',
    'put("sigma", sqrt(sum(residuals(m)^2) / df.residual(m)))',
    'put("r2Within", plm::r.squared(m))',
    '',
    `# Means of ${y} by ${treat} and ${post}, and the simple 2x2 difference-in-differences.`,
    `cell_mean <- tapply(d[[${rString(y)}]], list(treat = d[[${T}]], post = d[[${P}]]), mean)`,
    `cell_n <- table(treat = d[[${T}]], post = d[[${P}]])`,
    'print(cell_mean)',
    'k <- 0',
    'for (q in c("0", "1")) for (g in c("0", "1")) {',
    '  put(sprintf("means/byPost/[%d]/n", k), cell_n[g, q]); put(sprintf("means/byPost/[%d]/mean", k), cell_mean[g, q])',
    '  k <- k + 1',
    '}',
    'put("means/simpleDid", (cell_mean["1", "1"] - cell_mean["1", "0"]) - (cell_mean["0", "1"] - cell_mean["0", "0"]))',
    'tab[c("term", "estimate", "se")]',
  ]
    .filter((l) => l !== '')
    .join('\n');
  return {
    title: `Difference-in-differences of ${app[0]} (${appTerm})`,
    packages: ['plm', 'lmtest'],
    helpers: ['put', 'completeRows', 'appFactor', 'appNames', 'coefRows', ...(clusterVar && clusterVar !== entity ? (['clusterVcov'] as const) : [])],
    notes: [`two-way fixed effects (${app[3]}, ${app[4]}); standard errors: ${se === 'cluster' ? `cluster-robust by ${appCluster ?? app[3]}, t tests on G − 1 df` : 'classic'}.`],
    setup: '',
    body,
  };
}
