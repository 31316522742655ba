import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StatsError } from '@/lib/stats/errors';
import { expectAbs, expectRel, readGoldenJson } from '@/lib/stats/test-utils';
import { CliUsageError } from './args';
import { run } from './run';

// The CLI contract of issue 5, driven in-process (lib/cli/main.test.ts spawns the real process
// for exit codes). Expected numbers: lib/stats/golden (make-golden-core.R, make-golden-mediation.R,
// make-golden-panel.R).
const golden = (name: string) => fileURLToPath(new URL(`../stats/golden/${name}`, import.meta.url));
const survey = golden('ols-survey.csv');
const med = golden('mediate-survey.csv');
const firms = golden('panel-firms.csv');
const wages = golden('qreg-wages.csv');
const json = (...argv: string[]) => {
  const out = run([...argv, '--json']);
  expect(out.split('\n')).toHaveLength(1);
  return JSON.parse(out);
};
const fails = (argv: string[], type: typeof CliUsageError | typeof StatsError, message: RegExp) => {
  expect(() => run([...argv, '--json'])).toThrow(type);
  expect(() => run([...argv, '--json'])).toThrow(message);
};
const tmp = mkdtempSync(join(tmpdir(), 'gw-cli-'));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('CLI field names and values (camelCase contract)', () => {
  it('describe: variables [{name, n, mean, sd, min, median, max, skewness, kurtosis}], n, nDropped', () => {
    const g = readGoldenJson('describe-expected.json');
    const out = json('stats', 'describe', '--data', survey, '--vars', g.vars.join(','));
    expect(out.n).toBe(g.n);
    expect(out.nDropped).toBe(g.nDropped);
    out.variables.forEach((v: Record<string, number>, j: number) => {
      for (const k of ['name', 'n', 'mean', 'sd', 'min', 'median', 'max', 'skewness', 'kurtosis']) expect(v).toHaveProperty(k);
      for (const k of ['mean', 'sd', 'skewness', 'kurtosis']) expectRel(v[k], g.variables[j][k], 1e-8, `${v.name}.${k}`);
    });
    const byGroup = json('stats', 'describe', '--data', survey, '--vars', 'age', '--group', 'sector');
    expect(byGroup.groups.map((x: { group: string }) => x.group)).toEqual(['ngo', 'private', 'public']);
  });

  it('reliability: n, alpha, standardizedAlpha, omegaTotal, items [{name, itemTotalCorrelation, alphaIfDeleted}]; reverse coding', () => {
    const g = readGoldenJson('reliability-expected.json');
    const out = json('stats', 'reliability', '--data', survey, '--items', g.items.join(','), '--reverse', 'q4', '--scale-min', '1', '--scale-max', '5');
    expect(out.n).toBe(g.n);
    expect(out.nDropped).toBe(g.nDropped);
    expectRel(out.alpha, g.alpha, 1e-8, 'alpha');
    expectRel(out.standardizedAlpha, g.standardizedAlpha, 1e-8, 'standardizedAlpha');
    expectRel(out.omegaTotal, g.omegaTotal, 1e-8, 'omegaTotal');
    out.items.forEach((it: Record<string, number>, j: number) => {
      expect(it.name).toBe(g.items[j]);
      expectRel(it.itemTotalCorrelation, g.itemTotalCorrelation[j], 1e-8, 'r.drop');
      expectRel(it.alphaIfDeleted, g.alphaIfDeleted[j], 1e-8, 'alpha.drop');
    });
    fails(['stats', 'reliability', '--data', survey, '--items', 'q1,q4', '--reverse', 'q4'], StatsError, /scale minimum and maximum/);
  });

  it('correlation: variables, r, p, n matrices (pearson | spearman); stars apa | econ', () => {
    const g = readGoldenJson('correlation-expected.json');
    for (const method of ['pearson', 'spearman'] as const) {
      const out = json('stats', 'correlation', '--data', survey, '--vars', g.variables.join(','), '--method', method, '--stars', 'econ');
      expect(out.variables).toEqual(g.variables);
      expect(out.n).toEqual(g[method].n);
      expectRel(out.r[0][1], g[method].r[0][1], 1e-8, 'r');
      expectAbs(out.p[0][1], g[method].p[0][1], 1e-10, 'p');
      expect(out).toHaveProperty('nDropped');
    }
    fails(['stats', 'correlation', '--data', survey, '--vars', 'age,income', '--method', 'kendall'], CliUsageError, /--method must be one of pearson, spearman/);
  });

  it('ols: n, r2, adjR2, f, dfModel, dfResidual, pF, sigma; "(Intercept)" and "X:W"; blocks [{r2, deltaR2, deltaF, pDeltaF}]', () => {
    const out = json('stats', 'ols', '--data', survey, '--y', 'satisfaction', '--x', 'age,female,age:female', '--factor', 'sector=public', '--covariates', 'sector');
    for (const k of ['n', 'nDropped', 'r2', 'adjR2', 'f', 'dfModel', 'dfResidual', 'pF', 'sigma']) expect(typeof out[k]).toBe('number');
    expect(out.coefficients.map((c: { term: string }) => c.term)).toEqual(['(Intercept)', 'age', 'female', 'age:female', 'sector[ngo]', 'sector[private]']);
    expect(Object.keys(out.coefficients[1])).toEqual(['term', 'estimate', 'se', 't', 'p', 'ciLower', 'ciUpper', 'beta', 'vif']);
    const h = readGoldenJson('ols-expected.json').hierarchical;
    const blocks = json('stats', 'ols', '--data', survey, '--y', 'satisfaction', '--block', 'age,female', '--block', 'income,tenure', '--block', 'sector', '--factor', 'sector=public');
    blocks.blocks.forEach((b: Record<string, number>, i: number) => {
      for (const k of ['r2', 'deltaR2', 'deltaF', 'pDeltaF']) expect(typeof b[k]).toBe('number');
      expectRel(b.deltaF, h.steps[i].deltaF, 1e-8, `block ${i + 1} deltaF`);
    });
  });

  it('ols: --covariates are extra regressors; --cluster alone means --se cluster; contradictions are refused', () => {
    const a = json('stats', 'ols', '--data', survey, '--y', 'satisfaction', '--x', 'age,income', '--covariates', 'female,tenure');
    const b = json('stats', 'ols', '--data', survey, '--y', 'satisfaction', '--x', 'age,income,female,tenure');
    expect(a).toEqual(b);
    const e = readGoldenJson('ols-expected.json').cases[0];
    const cl = json('stats', 'ols', '--data', survey, '--y', 'satisfaction', '--x', 'age,income,female,tenure', '--cluster', 'school');
    expect(cl.se).toBe('cluster');
    expect(cl.nClusters).toBe(e.nClusters);
    cl.coefficients.forEach((c: { se: number }, j: number) => expectRel(c.se, e.se.cluster.coefficients[j].se, 1e-8, 'cluster se'));
    fails(['stats', 'ols', '--data', survey, '--y', 'satisfaction', '--x', 'age', '--cluster', 'school', '--se', 'hc3'], CliUsageError, /--cluster school needs --se cluster/);
    fails(['stats', 'ols', '--data', survey, '--y', 'satisfaction', '--x', 'age', '--se', 'cluster'], StatsError, /needs a cluster variable/);
    fails(['stats', 'ols', '--data', survey, '--y', 'satisfaction', '--block', 'age', '--covariates', 'female'], CliUsageError, /either --x/);
    fails(['stats', 'ols', '--data', survey, '--y', 'satisfaction', '--x', 'age', '--covariates', 'age'], CliUsageError, /'age' is given twice/);
  });

  it('--stars apa|econ adds stars beside every p of a regression result, and nothing without it', () => {
    const plain = json('stats', 'ols', '--data', survey, '--y', 'satisfaction', '--x', 'age,income');
    expect(plain.coefficients[0]).not.toHaveProperty('stars');
    const econ = json('stats', 'ols', '--data', survey, '--y', 'satisfaction', '--x', 'age,income', '--stars', 'econ');
    econ.coefficients.forEach((c: { p: number; stars: string }) => {
      expect(c.stars).toBe(c.p < 0.01 ? '***' : c.p < 0.05 ? '**' : c.p < 0.1 ? '*' : '');
    });
    const panel = json('stats', 'panel', '--data', firms, '--y', 'y', '--x', 'x1,x2,lev', '--entity', 'firm', '--stars', 'apa');
    expect(panel.coefficients.every((c: { stars?: string }) => typeof c.stars === 'string')).toBe(true);
    expect(typeof panel.hausman.stars).toBe('string');
    fails(['stats', 'ols', '--data', survey, '--y', 'satisfaction', '--x', 'age', '--stars', 'nejm'], CliUsageError, /--stars must be one of apa, econ/);
  });

  it('mediate: a, b, c, cPrime {estimate, se, t, p}; indirect {estimate, bootSe, ciLower, ciUpper}; sobel {z, p}; reproducible seed', () => {
    const args = ['stats', 'mediate', '--data', med, '--y', 'engage', '--x', 'tl', '--m', 'empower', '--covariates', 'age,female', '--boot', '200', '--seed', '3'];
    const out = json(...args);
    for (const k of ['a', 'b', 'c', 'cPrime']) for (const f of ['estimate', 'se', 't', 'p']) expect(typeof out[k][f]).toBe('number');
    expect(Object.keys(out.indirect)).toEqual(['estimate', 'bootSe', 'ciLower', 'ciUpper']);
    expect(typeof out.sobel.z).toBe('number');
    expect(typeof out.sobel.p).toBe('number');
    expect(run([...args, '--json'])).toBe(JSON.stringify(out));
  });

  it('moderate: coefficients with "X:W", simpleSlopes [{w, slope, se, t, p}], johnsonNeyman', () => {
    const out = json('stats', 'moderate', '--data', med, '--y', 'engage', '--x', 'tl', '--w', 'pos', '--center');
    expect(out.coefficients.map((c: { term: string }) => c.term)).toEqual(['(Intercept)', 'tl', 'pos', 'tl:pos']);
    for (const s of out.simpleSlopes) for (const k of ['w', 'slope', 'se', 't', 'p']) expect(typeof s[k]).toBe('number');
    expect(out).toHaveProperty('johnsonNeyman');
  });

  it('panel / did: coefficients, r2Within, hausman {chisq, df, p}; every --effects; n and nDropped', () => {
    for (const effects of ['pooled', 'entity', 'twoway', 'random']) {
      const out = json('stats', 'panel', '--data', firms, '--y', 'y', '--x', 'x1,x2', '--covariates', 'lev', '--entity', 'firm', '--time', 'year', '--effects', effects);
      expect(out.coefficients.length).toBeGreaterThan(0);
      expect(typeof out.n).toBe('number');
      expect(typeof out.nDropped).toBe('number');
      if (effects === 'entity' || effects === 'twoway') expect(typeof out.r2Within).toBe('number');
      if (effects === 'entity' || effects === 'random') expect(Object.keys(out.hausman)).toEqual(['chisq', 'df', 'p']);
    }
    fails(['stats', 'panel', '--data', firms, '--y', 'y', '--x', 'x1', '--entity', 'firm', '--effects', 'between'], CliUsageError, /--effects must be one of pooled, entity, twoway, random/);
    fails(['stats', 'panel', '--data', firms, '--y', 'y', '--x', 'x1', '--entity', 'firm', '--se', 'hc1'], CliUsageError, /--se must be one of classic, cluster/);
    const did = json('stats', 'did', '--data', firms, '--y', 'y', '--treat', 'treat', '--post', 'post', '--entity', 'firm', '--time', 'year', '--se', 'classic');
    expect(did.se).toBe('classic');
    expect(typeof did.r2Within).toBe('number');
    fails(['stats', 'did', '--data', firms, '--y', 'y', '--treat', 'treat', '--post', 'post', '--entity', 'firm', '--time', 'year', '--se', 'classic', '--cluster', 'firm'], CliUsageError, /needs --se cluster/);
  });

  it('qreg: quantiles [{tau, coefficients}]; --tau outside (0, 1) is refused', () => {
    const out = json('stats', 'qreg', '--data', wages, '--y', 'lwage', '--x', 'educ', '--covariates', 'exper,female', '--tau', '0.25,0.5');
    expect(out.quantiles.map((q: { tau: number }) => q.tau)).toEqual([0.25, 0.5]);
    expect(out.quantiles[0].coefficients.map((c: { term: string }) => c.term)).toEqual(['(Intercept)', 'educ', 'exper', 'female']);
    fails(['stats', 'qreg', '--data', wages, '--y', 'lwage', '--x', 'educ', '--tau', '1.5'], StatsError, /tau must be strictly between 0 and 1 \(got 1.5\)/);
  });

  it('--group runs any analysis by group and reports n and nDropped', () => {
    const out = json('stats', 'reliability', '--data', survey, '--items', 'q1,q2,q3', '--group', 'sector');
    expect(out.levels).toEqual(['ngo', 'private', 'public']);
    expect(typeof out.n).toBe('number');
    expect(typeof out.nDropped).toBe('number');
  });
});

describe('CLI options are accepted only where they make sense', () => {
  const base: Record<string, string[]> = {
    describe: ['--vars', 'age'],
    reliability: ['--items', 'q1,q2,q3'],
    correlation: ['--vars', 'age,income'],
    ols: ['--y', 'satisfaction', '--x', 'age'],
    mediate: ['--y', 'satisfaction', '--x', 'age', '--m', 'income', '--boot', '0'],
    moderate: ['--y', 'satisfaction', '--x', 'age', '--w', 'income'],
    panel: ['--y', 'satisfaction', '--x', 'age', '--entity', 'school'],
    did: ['--y', 'satisfaction', '--treat', 'female', '--post', 'female', '--entity', 'school', '--time', 'id'],
    qreg: ['--y', 'satisfaction', '--x', 'age'],
  };
  // Issue 5's option names that each analysis must refuse (exit 2, the option named).
  const refused: Record<string, string[]> = {
    describe: ['y', 'x', 'm', 'w', 'covariates', 'items', 'entity', 'time', 'cluster', 'effects', 'se', 'tau', 'boot', 'seed', 'treat', 'post', 'method', 'center'],
    reliability: ['y', 'x', 'm', 'w', 'covariates', 'vars', 'entity', 'time', 'cluster', 'effects', 'se', 'tau', 'boot', 'seed', 'treat', 'post', 'method', 'center'],
    correlation: ['y', 'x', 'm', 'w', 'covariates', 'items', 'entity', 'time', 'cluster', 'effects', 'se', 'tau', 'boot', 'seed', 'treat', 'post', 'center'],
    ols: ['m', 'w', 'items', 'vars', 'entity', 'time', 'effects', 'tau', 'boot', 'seed', 'treat', 'post', 'method', 'center'],
    mediate: ['w', 'items', 'vars', 'entity', 'time', 'cluster', 'effects', 'tau', 'treat', 'post', 'method', 'center'],
    moderate: ['m', 'items', 'vars', 'entity', 'time', 'cluster', 'effects', 'tau', 'boot', 'seed', 'treat', 'post', 'method'],
    panel: ['m', 'w', 'items', 'vars', 'tau', 'boot', 'seed', 'treat', 'post', 'method', 'center'],
    did: ['x', 'm', 'w', 'items', 'vars', 'effects', 'tau', 'boot', 'seed', 'method', 'center'],
    qreg: ['m', 'w', 'items', 'vars', 'entity', 'time', 'cluster', 'effects', 'se', 'boot', 'seed', 'treat', 'post', 'method', 'center'],
  };
  for (const [analysis, names] of Object.entries(refused)) {
    it(`stats ${analysis} refuses ${names.map((n) => `--${n}`).join(' ')}`, () => {
      for (const name of names) {
        const value = name === 'center' ? [] : ['1'];
        expect(() => run(['stats', analysis, '--data', survey, ...base[analysis], `--${name}`, ...value, '--json']), `--${name}`).toThrow(
          new RegExp(`unknown option --${name} for stats ${analysis}`),
        );
      }
    });
  }
});

describe('CLI input errors', () => {
  it('unknown analysis, unknown command, missing --data, unreadable file', () => {
    fails(['stats', 'anova', '--data', survey], CliUsageError, /unknown analysis 'anova' \(available: describe, reliability/);
    fails(['plot', 'ols'], CliUsageError, /unknown command 'plot'/);
    fails(['stats', 'ols', '--y', 'satisfaction', '--x', 'age'], CliUsageError, /missing required option --data/);
    fails(['stats', 'ols', '--data', join(tmp, 'nope.csv'), '--y', 'a', '--x', 'b'], CliUsageError, /cannot read --data '.*nope.csv': ENOENT/);
  });
  it('bad CSV: unclosed quote, too many fields, duplicate header, header only, text in a numeric column', () => {
    fails(['stats', 'ols', '--data', file('quote.csv', 'y,x\n1,"2\n3,4\n'), '--y', 'y', '--x', 'x'], StatsError, /CSV line 2: .*quoted field is not closed/);
    fails(['stats', 'ols', '--data', file('long.csv', 'y,x\n1,2,3\n'), '--y', 'y', '--x', 'x'], StatsError, /CSV line 2 has 3 fields, the header has 2/);
    fails(['stats', 'ols', '--data', file('dup.csv', 'y,y\n1,2\n'), '--y', 'y', '--x', 'x'], StatsError, /column 'y' appears twice/);
    fails(['stats', 'ols', '--data', file('head.csv', 'y,x\n'), '--y', 'y', '--x', 'x'], StatsError, /has a header but no data rows/);
    fails(['stats', 'ols', '--data', file('text.csv', 'y,x\n1,2\n2,three\n3,1\n'), '--y', 'y', '--x', 'x'], StatsError, /column 'x' row 2: 'three' is not a number/);
  });
  it('without --json the same object is pretty-printed', () => {
    const args = ['stats', 'describe', '--data', survey, '--vars', 'age'];
    expect(JSON.parse(run(args))).toEqual(JSON.parse(run([...args, '--json'])));
    expect(run(args).split('\n').length).toBeGreaterThan(1);
  });
});

describe('runAnalysis (the app’s path to the same commands)', () => {
  it('gives the CLI’s JSON for the same options on the same data, by group and with stars', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseCsv } = await import('@/lib/stats/frame');
    const { runAnalysis } = await import('./run');
    const df = parseCsv(readFileSync(survey, 'utf8'));
    const options = ['--y', 'satisfaction', '--x', 'age,tenure,income', '--se', 'hc3', '--stars', 'econ'];
    expect(JSON.parse(JSON.stringify(runAnalysis('ols', df, options)))).toEqual(json('stats', 'ols', '--data', survey, ...options));
    expect(() => runAnalysis('ols', df, ['--data', survey, '--y', 'satisfaction'])).toThrow(/unknown option --data/);
    expect(() => runAnalysis('anova', df, [])).toThrow(/unknown analysis 'anova'/);
    expect(() => runAnalysis('describe', { a: [] }, ['--vars', 'a'])).toThrow(/no rows/);
  });
});

describe('runAnalysis progress', () => {
  it('reports bootstrap draws as they are done, ending at the total, without changing the result', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseCsv } = await import('@/lib/stats/frame');
    const { runAnalysis } = await import('./run');
    const df = parseCsv(readFileSync(med, 'utf8'));
    const options = ['--y', 'engage', '--x', 'tl', '--m', 'empower', '--boot', '1000', '--seed', '7'];
    const seen: Array<[number, number]> = [];
    const withProgress = runAnalysis('mediate', df, options, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toHaveLength(100);
    expect(seen[0]).toEqual([10, 1000]);
    expect(seen.at(-1)).toEqual([1000, 1000]);
    expect(seen.every(([d], i) => i === 0 || d > seen[i - 1][0])).toBe(true);
    expect(withProgress).toEqual(runAnalysis('mediate', df, options));
  });
});
