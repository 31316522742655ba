import { describe, expect, it } from 'vitest';

import { figuresFingerprint, linkTargetKey, scaleScoreVariable } from './links';
import type { ConstructFigures, LinkedCoefficient } from './types';

const figures: ConstructFigures = { variable: 'trust', n: 312, mean: 3.714281, sd: 0.82, alpha: 0.861, omega: 0.88, items: 4, versionNumber: 2 };
const coefficient: LinkedCoefficient = {
  analysisId: 'a1', analysisTitle: 'OLS', kind: 'ols', label: 'trust → perf', outcome: 'perf', estimate: 0.42, beta: 0.4, se: 0.1, p: 0.0001, ciLower: 0.2, ciUpper: 0.6, stars: '***', stale: false,
};

describe('links', () => {
  it('keys a target by kind and id', () => {
    expect(linkTargetKey({ kind: 'scale', datasetId: 'd', scaleId: 's1' })).toBe('scale:s1');
    expect(linkTargetKey({ kind: 'variable', datasetId: 'd', variable: 'age' })).toBe('variable:age');
  });

  it('finds the latest score variable of a scale across versions', () => {
    const recipes = [[], [{ op: 'scaleScore', name: 'trust_v1', scaleId: 's1' }, { op: 'log', name: 'x' }], [{ op: 'scaleScore', name: 'other', scaleId: 's2' }], [{ op: 'scaleScore', name: 'trust', scaleId: 's1' }]];
    expect(scaleScoreVariable(recipes, 's1')).toBe('trust');
    expect(scaleScoreVariable(recipes, 's2')).toBe('other');
    expect(scaleScoreVariable(recipes, 's3')).toBeNull();
  });

  it('fingerprints change with a coefficient, not with the order of coefficients', () => {
    const other = { ...coefficient, analysisTitle: 'Panel', estimate: 0.1 };
    const base = figuresFingerprint(figures, [coefficient, other]);
    expect(figuresFingerprint(figures, [other, coefficient])).toBe(base);
    expect(figuresFingerprint(figures, [{ ...coefficient, estimate: 0.43 }, other])).not.toBe(base);
    expect(figuresFingerprint({ ...figures, mean: 3.9 }, [coefficient, other])).not.toBe(base);
    // Differences below 6 significant digits are noise from a re-run, not a change.
    expect(figuresFingerprint({ ...figures, mean: 3.7142810000001 }, [coefficient, other])).toBe(base);
  });
});
