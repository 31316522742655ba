/**
 * Links between codes and survey constructs: the target key that makes a link unique, where a
 * scale's score lives in a dataset, and the fingerprint of a row's statistics that tells the
 * joint display which rows changed since the team last reviewed them.
 */
import type { ConstructFigures, LinkedCoefficient, LinkTarget } from './types';

/** "scale:<id>" or "variable:<name>": one link per code, dataset and target. */
export function linkTargetKey(target: LinkTarget): string {
  return target.kind === 'scale' ? `scale:${target.scaleId}` : `variable:${target.variable}`;
}

/**
 * The variable holding a scale's score: the last `scaleScore` computed variable made for that
 * scale (dataset versions in order, each with its recipe), or null when it was never scored.
 *
 * @param recipes - each version's recipe (transforms JSON, oldest first).
 * @param scaleId - the scale's stable id.
 * @example
 * ```ts
 * scaleScoreVariable([[], [{ op: 'scaleScore', name: 'trust', scaleId: 's1', items: [] }]], 's1'); // 'trust'
 * ```
 */
export function scaleScoreVariable(recipes: readonly (readonly unknown[])[], scaleId: string): string | null {
  let name: string | null = null;
  for (const recipe of recipes) {
    for (const step of recipe) {
      if (step && typeof step === 'object' && (step as { op?: unknown }).op === 'scaleScore' && (step as { scaleId?: unknown }).scaleId === scaleId) {
        const n = (step as { name?: unknown }).name;
        if (typeof n === 'string') name = n;
      }
    }
  }
  return name;
}

const round = (x: number | null) => (x === null ? null : Number(x.toPrecision(6)));

/**
 * A stable text of the statistics a joint-display row shows (figures and coefficients, rounded
 * to 6 significant digits): equal fingerprints mean the row's numbers did not change.
 */
export function figuresFingerprint(figures: ConstructFigures | null, coefficients: readonly LinkedCoefficient[]): string {
  const f = figures && { v: figures.variable, n: figures.n, m: round(figures.mean), sd: round(figures.sd), a: round(figures.alpha), o: round(figures.omega) };
  const c = coefficients
    .map((k) => ({ t: k.analysisTitle, l: k.label, b: round(k.estimate), p: round(k.p) }))
    .sort((x, y) => `${x.t}\u0000${x.l}`.localeCompare(`${y.t}\u0000${y.l}`));
  return JSON.stringify({ f, c });
}
