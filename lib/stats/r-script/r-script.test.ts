// The R script text (no R needed): the right calls for each analysis and option, names quoted
// for R (backticks in formulas, strings elsewhere), and clear errors for what R cannot reproduce.
// ./r-script-r.test.ts runs the scripts with Rscript and compares their numbers with the app's.
import { describe, expect, it } from 'vitest';
import { CliUsageError } from '@/lib/cli/args';
import { rScript, RScriptUnsupportedError } from './index';
import { rFormula, rName, rString } from './r-code';

const lines = (script: string) => script.split('\n').map((l) => l.trim());

describe('R quoting', () => {
  it('leaves plain ASCII names bare and backtick-quotes the rest', () => {
    expect(rName('age')).toBe('age');
    expect(rName('x.2_b')).toBe('x.2_b');
    expect(rName('job satisfaction')).toBe('`job satisfaction`');
    expect(rName('年龄')).toBe('`年龄`');
    expect(rName('2nd')).toBe('`2nd`');
    expect(rName('.5x')).toBe('`.5x`');
    expect(rName('if')).toBe('`if`');
    expect(rName('a-b')).toBe('`a-b`');
    expect(() => rName('a`b')).toThrow(RScriptUnsupportedError);
  });
  it('escapes string literals and builds formulas', () => {
    expect(rString('say "hi"\\\n')).toBe('"say \\"hi\\"\\\\\\n"');
    expect(rString('调查')).toBe('"调查"');
    expect(rFormula('job satisfaction', ['年龄', '年龄:female'])).toBe('`job satisfaction` ~ `年龄` + `年龄`:female');
    expect(rFormula('y', ['a'], false)).toBe('y ~ 0 + a');
    expect(rFormula('y', [])).toBe('y ~ 1');
  });
});

describe('rScript', () => {
  it('ols: lm + sandwich::vcovHC + lmtest::coeftest, factors with relevel, listwise deletion, quoted names', () => {
    const s = rScript(
      'ols',
      ['--y', 'job satisfaction', '--x', '年龄,female,job sector,年龄:female', '--factor', 'job sector=public', '--se', 'hc3', '--level', '0.9'],
      '调查 data.csv',
    );
    const l = lines(s);
    expect(l).toContain('data_file <- "调查 data.csv"');
    expect(s).toContain('read.csv(data_file, fileEncoding = "UTF-8-BOM", check.names = FALSE');
    expect(l).toContain('d <- complete_rows(d, numeric = c("job satisfaction", "年龄", "female"), categorical = c("job sector"))');
    expect(l).toContain('d[["job sector"]] <- app_factor(d[["job sector"]], ref = "public")');
    expect(s).toContain('relevel(f, ref = ref)');
    expect(l).toContain('m <- lm(`job satisfaction` ~ `年龄` + female + `job sector` + `年龄`:female, data = d)');
    expect(l).toContain('V <- sandwich::vcovHC(m, type = "HC3")');
    expect(l).toContain('ct <- lmtest::coeftest(m, vcov. = V, df = df_t)');
    expect(s).toContain('level = 0.9)');
    expect(s).toContain('for (p in c("sandwich", "lmtest")) if (!requireNamespace(p');
    expect(s).toContain("npm run -s cli -- stats ols --data '调查 data.csv' --y 'job satisfaction'");
    expect(s).toContain('std$vif <- unname(diag(solve(cor(X[, slopes, drop = FALSE]))))');
    expect(s).toContain('GROUNDWORK_R_RESULTS');
    expect(s).toContain('jsonlite::write_json');
  });

  it('ols: cluster SEs with vcovCL and G - 1 df; classic SEs need no sandwich; hierarchical blocks use anova', () => {
    const cl = rScript('ols', ['--y', 'sat', '--x', 'age', '--cluster', 'school'], 'd.csv');
    expect(cl).toContain('V <- sandwich::vcovCL(m, cluster = d[["school"]], type = "HC1")');
    expect(cl).toContain('df_t <- G - 1');
    expect(cl).toContain('categorical = c("school")');
    const classic = rScript('ols', ['--y', 'sat', '--x', 'age'], 'd.csv');
    expect(classic).toContain('V <- vcov(m)');
    expect(classic).not.toContain('sandwich');
    const blocks = rScript('ols', ['--y', 'sat', '--block', 'age,female', '--block', 'income', '--no-intercept'], 'd.csv');
    expect(blocks).toContain('  lm(sat ~ 0 + age + female, data = d),\n    lm(sat ~ 0 + age + female + income, data = d)');
    expect(blocks).toContain('prev <- lm(sat ~ 0, data = d)');
    expect(blocks).toContain('a <- anova(prev, models[[b]])');
  });

  it('describe, reliability, correlation: psych::describe(type = 2), psych::alpha with reversed items, cor.test', () => {
    const d = rScript('describe', ['--vars', 'age,收入', '--group', 'sector'], 'd.csv');
    expect(d).toContain('psych::describe(d[vars], type = 2)');
    expect(d).toContain('vars <- c("age", "收入")');
    expect(d).toContain('for (level in app_levels(g))');
    const r = rScript('reliability', ['--items', 'q1,q2,q3', '--reverse', 'q3', '--scale-min', '1', '--scale-max', '5'], 'd.csv');
    expect(r).toContain('x[[v]] <- 1 + 5 - x[[v]]');
    expect(r).toContain('a <- psych::alpha(x, check.keys = FALSE, warnings = FALSE)');
    expect(r).toContain('psych::fa(R, nfactors = 1, fm = "pa"');
    expect(() => rScript('reliability', ['--items', 'q1,q2', '--reverse', 'q2'], 'd.csv')).toThrow(/--scale-min/);
    const c = rScript('correlation', ['--vars', 'a,b', '--method', 'spearman', '--missing', 'listwise'], 'd.csv');
    expect(c).toContain('cor.test(x[[i]][ok], x[[j]][ok], method = "spearman", exact = FALSE)');
    expect(c).toContain('x <- x[complete.cases(x), , drop = FALSE]');
  });

  it('mediate: three lm models, a seeded manual bootstrap loop and a note that R\'s RNG differs', () => {
    const s = rScript('mediate', ['--y', 'engage', '--x', 'tl', '--m', 'empower,trust', '--covariates', 'age', '--boot', '2000', '--seed', '7', '--se', 'hc3'], 'd.csv');
    expect(s).toContain('empower = lm(empower ~ tl + age, data = d)');
    expect(s).toContain('fit_y <- lm(engage ~ tl + empower + trust + age, data = d)');
    expect(s).toContain('fit_c <- lm(engage ~ tl + age, data = d)');
    expect(s).toContain('vc <- function(model) sandwich::vcovHC(model, type = "HC3")');
    expect(s).toContain('set.seed(7)');
    expect(s).toContain('B <- 2000');
    expect(s).toMatch(/random numbers differ from the app's/);
    expect(s).toContain('quantile(draws, c((1 - level) / 2, (1 + level) / 2), type = 7');
    expect(rScript('mediate', ['--y', 'e', '--x', 't', '--m', 'm', '--boot', '0'], 'd.csv')).not.toContain('set.seed');
  });

  it('moderate: centring, lm with the interaction, simple slopes and Johnson–Neyman by formula', () => {
    const s = rScript('moderate', ['--y', 'engage', '--x', 'tl', '--w', 'pos', '--center', '--covariates', 'age'], 'd.csv');
    expect(s).toContain('m <- lm(engage ~ tl + pos + tl:pos + age, data = d)');
    expect(s).toContain('d[["tl"]] <- d[["tl"]] - cx');
    expect(s).toContain('c(max(w_mean - w_sd, min(w_raw)), w_mean, min(w_mean + w_sd, max(w_raw)))');
    expect(s).toContain('johnsonNeyman/roots');
    expect(rScript('moderate', ['--y', 'e', '--x', 't', '--w', 'p', '--w-values', '3,4.5'], 'd.csv')).toContain('probes <- c(3, 4.5)');
  });

  it('panel, did, qreg: plm models with vcovHC(type = "sss"), phtest, pFtest; quantreg::rq with se = "nid"', () => {
    const fe = rScript('panel', ['--y', 'y', '--x', 'x1,x 2', '--entity', 'firm', '--time', 'year', '--se', 'cluster'], 'd.csv');
    expect(fe).toContain('pd <- plm::pdata.frame(d, index = c("firm", "year"))');
    // plm make.names() non-syntactic columns, so the script renames them and maps the names back.
    expect(fe).toContain('plm_names <- c("x 2" = "v1_x_2")');
    expect(fe).toContain('f <- y ~ x1 + v1_x_2');
    expect(fe).toContain('app_names(rownames(ct), d, c("x1", "x 2"), renamed = plm_names)');
    expect(fe).toContain('m <- plm::plm(f, data = pd, model = "within")');
    expect(fe).toContain('V <- plm::vcovHC(m, type = "sss", cluster = "group")');
    expect(fe).toContain('plm::phtest(m, plm::plm(f, data = pd, model = "random", random.method = "swar"))');
    expect(fe).toContain('plm::pFtest(m, plm::plm(f, data = pd, model = "pooling"))');
    const re = rScript('panel', ['--y', 'y', '--x', 'x1', '--entity', 'firm', '--effects', 'random', '--cluster', 'region'], 'd.csv');
    expect(re).toContain('model = "random", random.method = "swar"');
    expect(re).toContain('pd <- plm::pdata.frame(d, index = c("firm"))');
    expect(re).toContain('cluster_vcov(model.matrix(m)');
    expect(re).toContain('df_t <- Inf');
    const tw = rScript('panel', ['--y', 'y', '--x', 'x1', '--entity', 'firm', '--time', 'year', '--effects', 'twoway'], 'd.csv');
    expect(tw).toContain('model = "within", effect = "twoways"');
    const did = rScript('did', ['--y', 'y', '--treat', 'treat', '--post', 'post', '--entity', 'firm', '--time', 'year', '--covariates', 'x1'], 'd.csv');
    expect(did).toContain('m <- plm::plm(f, data = pd, model = "within", effect = "twoways")');
    expect(did).toContain('"x1", "treat:post")');
    expect(did).toContain('V <- plm::vcovHC(m, type = "sss", cluster = "group")');
    const q = rScript('qreg', ['--y', 'lwage', '--x', 'educ,exper', '--tau', '0.25,0.75'], 'd.csv');
    expect(q).toContain('for (tau in c(0.25, 0.75)) {');
    expect(q).toContain('quantreg::rq(f, tau = tau, data = d, method = "br")');
    expect(q).toContain('summary(fit, se = "nid")');
  });

  it('--group: the analysis in every group, z tests, and the Chow test for ols', () => {
    const s = rScript('ols', ['--y', 'sat', '--x', 'age,income', '--group', 'sector type'], 'd.csv');
    expect(s).toContain('group_var <- "sector type"');
    expect(s).toContain('est <- tryCatch(analyse(sub)');
    expect(s).toContain('tests$z <- tests$difference / tests$se');
    expect(s).toContain('full <- lm(sat ~ (age + income) * `sector type`, data = dc)');
  });

  it('throws clear errors for unknown analyses and options and for what R cannot reproduce', () => {
    expect(() => rScript('anova', [], 'd.csv')).toThrow(CliUsageError);
    expect(() => rScript('ols', ['--y', 'y', '--x', 'a', '--bogus', '1'], 'd.csv')).toThrow(/unknown option --bogus/);
    expect(() => rScript('ols', ['--y', 'y', '--x', 'a', '--se', 'hc9'], 'd.csv')).toThrow(/--se must be one of/);
    expect(() => rScript('ols', ['--y', 'y', '--x', 'a', '--data', 'x.csv'], 'd.csv')).toThrow(RScriptUnsupportedError);
    expect(() => rScript('ols', ['--y', 'y', '--x', 'g', '--factor', 'g', '--no-intercept'], 'd.csv')).toThrow(/--no-intercept with the factor 'g'/);
    expect(() => rScript('ols', ['--y', 'y', '--x', 'x,x:g', '--factor', 'g'], 'd.csv')).not.toThrow();
    expect(() => rScript('ols', ['--y', 'y', '--x', 'g,x:g', '--factor', 'g'], 'd.csv')).toThrow(/interaction 'x:g' without the term 'x'/);
    expect(() => rScript('ols', ['--y', 'y', '--x', 'a`b'], 'd.csv')).toThrow(/backtick/);
    expect(() => rScript('mediate', ['--y', 'y', '--x', 'g', '--m', 'm', '--factor', 'g'], 'd.csv')).toThrow(/only covariates may be categorical/);
    expect(() => rScript('qreg', ['--y', 'y', '--x', 'a', '--tau', '1.5'], 'd.csv')).toThrow(/--tau/);
  });

  it('matches the stored snapshots', () => {
    expect(rScript('ols', ['--y', 'satisfaction', '--x', 'age,sector,age:sector', '--factor', 'sector=public', '--se', 'cluster', '--cluster', 'school'], 'survey.csv')).toMatchSnapshot();
    expect(rScript('mediate', ['--y', 'engage', '--x', 'tl', '--m', 'empower', '--boot', '1000', '--seed', '1'], 'survey.csv')).toMatchSnapshot();
    expect(rScript('panel', ['--y', 'y', '--x', 'x1,lev', '--entity', 'firm', '--time', 'year', '--effects', 'twoway', '--se', 'cluster'], 'firms.csv')).toMatchSnapshot();
  });
});
