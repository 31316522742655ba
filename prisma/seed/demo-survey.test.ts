import { describe, expect, it } from 'vitest';

import { runAnalysis } from '../../lib/cli/run';
import { scaleReliability, scaleScoreTransform } from '../../lib/datasets/scales';
import { applyTransforms } from '../../lib/datasets/transform';
import { DEMO_PANEL_ANALYSES, DEMO_SURVEY_ANALYSES, demoPanel, demoSurvey, SURVEY_SCALES } from './demo-survey';

/** The demo's survey must tell the story the project description and the interviews tell. */
describe('demo survey and panel', () => {
  const items = demoSurvey();
  const scales = SURVEY_SCALES.map((s) => ({ id: s.key, name: s.name, items: s.items, reversed: s.reversed, score: 'mean' as const }));
  const scored = applyTransforms(
    items,
    scales.map((s, i) => scaleScoreTransform(s, { name: SURVEY_SCALES[i].scoreName, minValid: 3 })),
  );

  it('has 312 sellers, is the same on every run, and has some blank answers', () => {
    expect(items.rowCount).toBe(312);
    expect(demoSurvey()).toEqual(items);
    const blanks = items.columns.PT1.filter((v) => v === null).length;
    expect(blanks).toBeGreaterThan(0);
    expect(blanks).toBeLessThan(20);
  });

  it('each scale is reliable (α between .70 and .95), with PT3 reverse-keyed', () => {
    for (const scale of scales) {
      const r = scaleReliability(items, scale);
      expect(r.alpha, scale.name).toBeGreaterThan(0.7);
      expect(r.alpha, scale.name).toBeLessThan(0.95);
    }
    // Without reversing PT3 the trust scale falls apart: the reversal is real.
    const unreversed = scaleReliability(items, { ...scales[1], reversed: [] });
    expect(unreversed.alpha).toBeLessThan(scaleReliability(items, scales[1]).alpha - 0.2);
  });

  it('every saved analysis runs, and the mediation and moderation show what the interviews suggest', () => {
    const results = Object.fromEntries(DEMO_SURVEY_ANALYSES.map((a) => [a.kind, runAnalysis(a.kind, scored.columns, a.options)])) as Record<string, any>;
    expect(results.mediate.indirect.ciLower).toBeGreaterThan(0);
    expect(results.moderate.interaction.p).toBeLessThan(0.05);
    expect(results.ols.blocks).toHaveLength(3);
    expect(results.correlation.variables).toEqual(['bc', 'pt', 'lc', 'pr', 'ri']);
    const panel = runAnalysis(DEMO_PANEL_ANALYSES[0].kind, demoPanel().columns, DEMO_PANEL_ANALYSES[0].options) as any;
    const ad = panel.coefficients.find((c: { term: string }) => c.term === 'ad_spend');
    expect(ad.estimate).toBeGreaterThan(0.8);
    expect(ad.estimate).toBeLessThan(1.6);
  });
});
