// The generated R scripts, run with Rscript on the golden CSVs, reproduce the app's numbers:
// every key number a script writes (coefficients, SEs, t, p, CIs, R², F, panel and Hausman
// statistics, quantiles, α, ω, correlations, simple slopes, Johnson–Neyman points …) must equal
// the app's result for the same spec (lib/cli/run.ts runAnalysis) to 1e-6 relative; bootstrap
// SEs and CIs (R's random numbers are not the app's) to within 0.25 bootstrap SE.
// Skipped, with a message, where Rscript is not installed (CI machines without R); a case
// whose R packages are missing is skipped by itself. Install R and the packages with
//   apt-get install -y r-base-core r-cran-sandwich r-cran-lmtest r-cran-plm r-cran-quantreg r-cran-psych r-cran-jsonlite
import { describe, expect, it } from 'vitest';
import { compareWithApp, hasRscript, missingRPackages, runRScript } from './test-support';

const R = hasRscript();
if (!R) console.warn('r-script-r.test.ts: Rscript is not on PATH; the R comparison tests are skipped (install r-base-core to run them).');

/** Bootstrap numbers: compared loosely. */
const bootstrapKey = (key: string) => /(indirect|contrasts)\/.*(bootSe|ciLower|ciUpper)$/.test(key);

/** Survey CSV with a column renamed to a name with a space and one to a Chinese name. */
const renameSurvey = (text: string) =>
  text.replace(/^id,school,sector,region,female,age,/, 'id,school,"job sector",region,female,年龄,').replace(/,satisfaction\n/, ',job satisfaction\n');
const renameFirms = (text: string) => text.replace(/^firm,year,y,x1,x2,/, '公司,year,y,log assets,x2,');

interface Case {
  name: string;
  analysis: string;
  options: string[];
  csv: string;
  packages: string[];
  transform?: (text: string) => string;
  fileName?: string;
  /** Keys that must be among those compared (checks the script wrote what matters). */
  mustHave: string[];
}

const PKG = {
  ols: ['sandwich', 'lmtest'],
  panel: ['plm', 'lmtest'],
};

const cases: Case[] = [
  {
    name: 'describe by group (psych::describe type 2, SPSS SEs)',
    analysis: 'describe',
    options: ['--vars', 'age,income,satisfaction,q1', '--group', 'sector'],
    csv: 'ols-survey.csv',
    packages: ['psych'],
    mustHave: ['variables/name=income/skewness', 'variables/name=income/kurtosis', 'groups/group=ngo/variables/name=age/seKurtosis'],
  },
  {
    name: 'describe pairwise',
    analysis: 'describe',
    options: ['--vars', 'age,income,q2', '--missing', 'pairwise'],
    csv: 'ols-survey.csv',
    packages: ['psych'],
    mustHave: ['variables/name=q2/n', 'variables/name=age/median'],
  },
  {
    name: 'reliability with a reversed item (psych::alpha, ω)',
    analysis: 'reliability',
    options: ['--items', 'q1,q2,q3,q4,q5,q6', '--reverse', 'q4', '--scale-min', '1', '--scale-max', '5'],
    csv: 'ols-survey.csv',
    packages: ['psych'],
    mustHave: ['alpha', 'standardizedAlpha', 'omegaTotal', 'items/name=q4/itemTotalCorrelation', 'items/name=q4/alphaIfDeleted', 'items/name=q4/mean'],
  },
  {
    name: 'correlation Spearman pairwise',
    analysis: 'correlation',
    options: ['--vars', 'satisfaction,age,income,q1', '--method', 'spearman'],
    csv: 'ols-survey.csv',
    packages: [],
    mustHave: ['r/[0]/[1]', 'p/[2]/[3]', 'n/[1]/[2]'],
  },
  {
    name: 'correlation Pearson listwise',
    analysis: 'correlation',
    options: ['--vars', 'satisfaction,age,income', '--missing', 'listwise'],
    csv: 'ols-survey.csv',
    packages: [],
    mustHave: ['r/[0]/[2]', 'p/[0]/[2]', 'nDropped'],
  },
  {
    name: 'ols with a factor, interactions and HC3',
    analysis: 'ols',
    options: ['--y', 'satisfaction', '--x', 'age,female,sector,age:female,income,income:sector', '--factor', 'sector=public', '--se', 'hc3'],
    csv: 'ols-survey.csv',
    packages: PKG.ols,
    mustHave: ['coefficients/term=income:sector[ngo]/se', 'coefficients/term=sector[private]/beta', 'coefficients/term=age/vif', 'r2', 'adjR2', 'f', 'pF'],
  },
  {
    name: 'ols with cluster SEs (vcovCL) and level 0.9',
    analysis: 'ols',
    options: ['--y', 'satisfaction', '--x', 'age,income,female,tenure', '--cluster', 'school', '--level', '0.9'],
    csv: 'ols-survey.csv',
    packages: PKG.ols,
    mustHave: ['coefficients/term=age/ciLower', 'coefficients/term=tenure/p', 'nClusters', 'f', 'dfResidual'],
  },
  {
    name: 'ols hierarchical blocks (anova ΔR²)',
    analysis: 'ols',
    options: ['--y', 'satisfaction', '--block', 'age,female', '--block', 'income,tenure', '--block', 'sector', '--factor', 'sector=public'],
    csv: 'ols-survey.csv',
    packages: PKG.ols,
    mustHave: ['blocks/[0]/deltaF', 'blocks/[1]/deltaR2', 'blocks/[2]/pDeltaF', 'coefficients/term=sector[ngo]/estimate'],
  },
  {
    name: 'ols without intercept, HC1',
    analysis: 'ols',
    options: ['--y', 'satisfaction', '--x', 'age,income', '--no-intercept', '--se', 'hc1'],
    csv: 'ols-survey.csv',
    packages: PKG.ols,
    mustHave: ['coefficients/term=age/se', 'r2', 'adjR2'],
  },
  {
    name: 'ols: names with a space and in Chinese, reordered interaction',
    analysis: 'ols',
    options: ['--y', 'job satisfaction', '--x', '年龄,female,job sector,年龄:female,income:job sector,income', '--factor', 'job sector=public', '--se', 'hc1'],
    csv: 'ols-survey.csv',
    transform: renameSurvey,
    fileName: '调查 data.csv',
    packages: PKG.ols,
    mustHave: ['coefficients/term=年龄:female/se', 'coefficients/term=income:job sector[private]/estimate', 'coefficients/term=job sector[ngo]/beta'],
  },
  {
    name: 'ols by group (z tests, Chow test)',
    analysis: 'ols',
    options: ['--y', 'satisfaction', '--x', 'age,income,female', '--covariates', 'tenure', '--group', 'sector'],
    csv: 'ols-survey.csv',
    packages: PKG.ols,
    mustHave: ['groups/level=ngo/result/coefficients/term=age/se', 'comparisons/[2]/tests/term=income/z', 'chow/f', 'chow/p', 'n', 'nDropped'],
  },
  {
    name: 'mediate, one mediator with covariates (bootstrap)',
    analysis: 'mediate',
    options: ['--y', 'engage', '--x', 'tl', '--m', 'empower', '--covariates', 'age,female,tenure', '--boot', '2000', '--seed', '7'],
    csv: 'mediate-survey.csv',
    packages: [],
    mustHave: ['c/se', 'cPrime/p', 'mediators/name=empower/a/se', 'mediators/name=empower/sobel/z', 'indirect/estimate', 'indirect/ciLower', 'indirect/bootSe'],
  },
  {
    name: 'mediate, parallel mediators, factor covariate, HC3',
    analysis: 'mediate',
    options: ['--y', 'engage', '--x', 'tl', '--m', 'empower,trust', '--covariates', 'age,ownership', '--factor', 'ownership=state', '--boot', '2000', '--seed', '3', '--se', 'hc3'],
    csv: 'mediate-survey.csv',
    packages: ['sandwich'],
    mustHave: ['mediators/name=trust/b/se', 'mediators/name=trust/aroian/p', 'contrasts/[0]/ciUpper', 'indirect/ciUpper'],
  },
  {
    name: 'mediate by group (bootstrap differences)',
    analysis: 'mediate',
    options: ['--y', 'engage', '--x', 'tl', '--m', 'empower,trust', '--boot', '1000', '--seed', '1', '--group', 'ownership'],
    csv: 'mediate-survey.csv',
    packages: [],
    mustHave: ['comparisons/[0]/tests/term=a[empower]/z', 'comparisons/[0]/indirect/effect=total/difference', 'comparisons/[0]/indirect/effect=trust/ciLower'],
  },
  {
    name: 'moderate, centred, covariates (simple slopes, Johnson–Neyman)',
    analysis: 'moderate',
    options: ['--y', 'engage', '--x', 'tl', '--w', 'pos', '--covariates', 'age,female', '--center'],
    csv: 'mediate-survey.csv',
    packages: PKG.ols,
    mustHave: ['coefficients/term=tl:pos/se', 'simpleSlopes/[2]/slope', 'johnsonNeyman/points/[0]/w', 'johnsonNeyman/points/[0]/percentBelow', 'interaction/r2Change', 'f'],
  },
  {
    name: 'moderate, dichotomous W, HC3, by group (Chow)',
    analysis: 'moderate',
    options: ['--y', 'engage', '--x', 'tl', '--w', 'female', '--se', 'hc3', '--group', 'ownership'],
    csv: 'mediate-survey.csv',
    packages: PKG.ols,
    mustHave: ['groups/level=state/result/simpleSlopes/[1]/se', 'comparisons/[0]/tests/term=tl:female/p', 'chow/f'],
  },
  {
    name: 'moderate at chosen W values, level 0.9',
    analysis: 'moderate',
    options: ['--y', 'engage', '--x', 'tl', '--w', 'pos', '--w-values', '3,4.4,6', '--level', '0.9'],
    csv: 'mediate-survey.csv',
    packages: PKG.ols,
    mustHave: ['simpleSlopes/[1]/ciLower', 'johnsonNeyman/roots/[0]'],
  },
  {
    name: 'panel entity FE, clustered (vcovHC sss), Hausman, F test',
    analysis: 'panel',
    options: ['--y', 'y', '--x', 'x1,x2,lev', '--entity', 'firm', '--time', 'year', '--effects', 'entity', '--se', 'cluster'],
    csv: 'panel-firms.csv',
    packages: PKG.panel,
    mustHave: ['coefficients/term=x1/se', 'r2Within', 'hausman/chisq', 'fTestEffects/statistic', 'modelTest/statistic', 'nClusters'],
  },
  {
    name: 'panel two-way FE, classic, renamed columns',
    analysis: 'panel',
    options: ['--y', 'y', '--x', 'log assets,x2,lev', '--entity', '公司', '--time', 'year', '--effects', 'twoway'],
    csv: 'panel-firms.csv',
    transform: renameFirms,
    packages: PKG.panel,
    mustHave: ['coefficients/term=log assets/se', 'r2Within', 'fTestEffects/p', 'adjR2'],
  },
  {
    name: 'panel random effects, clustered (z tests)',
    analysis: 'panel',
    options: ['--y', 'y', '--x', 'x1,x2,lev,soe', '--entity', 'firm', '--time', 'year', '--effects', 'random', '--se', 'cluster'],
    csv: 'panel-firms.csv',
    packages: PKG.panel,
    mustHave: ['coefficients/term=soe/p', 'random/sigma2Entity', 'hausman/p', 'modelTest/statistic'],
  },
  {
    name: 'panel pooled, clustered by another column',
    analysis: 'panel',
    options: ['--y', 'y', '--x', 'x1,x2,lev', '--entity', 'firm', '--time', 'year', '--effects', 'pooled', '--cluster', 'year'],
    csv: 'panel-firms.csv',
    packages: PKG.panel,
    mustHave: ['coefficients/term=(Intercept)/se', 'coefficients/term=lev/t', 'nClusters'],
  },
  {
    name: 'did with covariates (two-way FE, clustered)',
    analysis: 'did',
    options: ['--y', 'y', '--treat', 'treat', '--post', 'post', '--entity', 'firm', '--time', 'year', '--covariates', 'x1,x2'],
    csv: 'panel-firms.csv',
    packages: PKG.panel,
    mustHave: ['coefficients/term=treat:post/se', 'coefficients/term=x2/p', 'r2Within', 'means/simpleDid', 'means/byPost/[3]/mean'],
  },
  {
    name: 'did, classic SEs',
    analysis: 'did',
    options: ['--y', 'y', '--treat', 'treat', '--post', 'post', '--entity', 'firm', '--time', 'year', '--se', 'classic'],
    csv: 'panel-firms.csv',
    packages: PKG.panel,
    mustHave: ['coefficients/term=treat:post/ciUpper', 'dfResidual'],
  },
  {
    name: 'qreg at three quantiles (rq br, nid SEs)',
    analysis: 'qreg',
    options: ['--y', 'lwage', '--x', 'educ,exper,female', '--tau', '0.25,0.5,0.75'],
    csv: 'qreg-wages.csv',
    packages: ['quantreg'],
    mustHave: ['quantiles/tau=0.25/coefficients/term=educ/se', 'quantiles/tau=0.75/coefficients/term=female/p', 'quantiles/tau=0.5/objective'],
  },
  {
    name: 'qreg with a factor and an interaction',
    analysis: 'qreg',
    options: ['--y', 'lwage', '--x', 'educ,female,educ:female', '--factor', 'female=1', '--tau', '0.5'],
    csv: 'qreg-wages.csv',
    packages: ['quantreg'],
    mustHave: ['quantiles/tau=0.5/coefficients/term=female[0]/se', 'quantiles/tau=0.5/coefficients/term=educ:female[0]/estimate'],
  },
];

describe.skipIf(!R)('R scripts reproduce the app (Rscript)', () => {
  for (const c of cases) {
    it(c.name, (ctx) => {
      const missing = missingRPackages(c.packages);
      if (missing.length) {
        console.warn(`r-script-r.test.ts: '${c.name}' skipped: R packages not installed: ${missing.join(', ')}`);
        ctx.skip();
      }
      const run = runRScript(c.analysis, c.options, c.csv, c.transform, c.fileName);
      const { mismatches, compared } = compareWithApp(run, { rel: 1e-6, loose: bootstrapKey });
      expect(mismatches).toEqual([]);
      for (const key of c.mustHave) expect(Object.keys(run.values), `R wrote no '${key}'`).toContain(key);
      expect(compared).toBeGreaterThanOrEqual(c.mustHave.length);
    }, 180_000);
  }
});
