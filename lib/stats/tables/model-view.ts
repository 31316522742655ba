/**
 * One regression-like result seen the same way whatever analysis produced it (OLS, a step of
 * a hierarchical OLS, panel, DID, moderation, one τ of a quantile regression, mediation
 * paths): its coefficients and the statistics a comparison table prints under them. Used by
 * ./comparison-table (models side by side) and ./by-group-table (groups side by side).
 */
import type { DidResult } from '../did';
import { StatsError } from '../errors';
import type { MediationResult } from '../mediate';
import type { ModerationResult } from '../moderate';
import type { OlsResult } from '../ols';
import type { PanelResult } from '../panel';
import type { QregResult } from '../qreg';
import type { SeType } from '../types';

/** A result that can be a column of a comparison table. */
export type ComparableResult = OlsResult | PanelResult | DidResult | ModerationResult | QregResult | MediationResult;

/** A coefficient as compared across models. */
export interface ViewEstimate {
  /** Term as the engine names it (the row key). */
  term: string;
  /**
   * Row label when it is not the term's (mediation paths), given the table's variable labeller.
   */
  label?: (name: (variable: string) => string) => string;
  estimate: number;
  se: number;
  /** t, or z (see {@link ModelView.z}). */
  t: number;
  p: number;
  beta?: number;
}

/** What a comparison table needs of one model. */
export interface ModelView {
  kind: 'ols' | 'panel' | 'did' | 'moderation' | 'qreg' | 'mediation';
  y: string;
  n: number;
  estimates: ViewEstimate[];
  r2?: number;
  /** The R² is the within R² (fixed-effects models). */
  within?: boolean;
  adjR2?: number;
  deltaR2?: { value: number; p: number };
  deltaF?: { value: number; df1: number; df2: number; p: number };
  f?: { value: number; df1: number; df2?: number; p: number; type: 'F' | 'chisq' };
  /** Fixed effects (panel and DID models; undefined for others). */
  fe?: { entity: boolean; time: boolean; random: boolean };
  se: SeType;
  nClusters?: number;
  /** The test statistics are z, not t (random effects). */
  z: boolean;
  /** The quantile, for one τ of a quantile regression. */
  tau?: number;
}

/**
 * Which analysis a result comes from, by its shape (the CLI JSON carries no type tag).
 *
 * @param result - an analysis result.
 * @returns the kind.
 * @throws {StatsError} `invalid-option` when the result is not a supported regression result.
 * @example
 * ```ts
 * resultKind(panel(df, opts)); // 'panel'
 * ```
 */
export function resultKind(result: unknown): ModelView['kind'] {
  const r = (result ?? {}) as Record<string, unknown>;
  if (Array.isArray(r.quantiles) && r.table) return 'qreg';
  if (typeof r.effects === 'string' && typeof r.nEntities === 'number') return 'panel';
  if (r.means && typeof r.term === 'string') return 'did';
  if (Array.isArray(r.simpleSlopes)) return 'moderation';
  if (Array.isArray(r.mediators) && r.cPrime) return 'mediation';
  if (Array.isArray(r.coefficients) && typeof r.adjR2 === 'number' && typeof r.dfModel === 'number') return 'ols';
  throw new StatsError('invalid-option', 'not a regression result (expected the result of ols, panel, did, moderate, qreg or mediate)');
}

/**
 * Views of a result: one per τ of a quantile regression (or the chosen τ), one for the chosen
 * step of a hierarchical OLS (default the final model), else one.
 *
 * @param result - the analysis result.
 * @param select - τ or step (1-based) to take.
 * @returns the views.
 * @throws {StatsError} `invalid-option` for a τ or step the result does not have.
 * @example
 * ```ts
 * modelViews(qreg(df, { y, x, tau: [0.25, 0.75] })).length; // 2
 * ```
 */
export function modelViews(result: ComparableResult, select: { tau?: number; step?: number } = {}): ModelView[] {
  const kind = resultKind(result);
  switch (kind) {
    case 'qreg': {
      const r = result as QregResult;
      const qs = select.tau === undefined ? r.quantiles : r.quantiles.filter((q) => Math.abs(q.tau - select.tau!) < 1e-12);
      if (qs.length === 0) throw new StatsError('invalid-option', `the quantile regression has no tau = ${select.tau} (it has ${r.quantiles.map((q) => q.tau).join(', ')})`);
      return qs.map((q) => ({ kind, y: r.y, n: r.n, estimates: q.coefficients.map(est), se: 'classic', z: false, tau: q.tau }));
    }
    case 'panel': {
      const r = result as PanelResult;
      const fe = r.effects === 'entity' || r.effects === 'twoway';
      const view: ModelView = {
        kind,
        y: r.y,
        n: r.n,
        estimates: r.coefficients.map(est),
        r2: r.r2,
        within: fe,
        adjR2: r.adjR2,
        fe: { entity: fe, time: r.effects === 'twoway', random: r.effects === 'random' },
        se: r.se,
        z: r.effects === 'random',
      };
      if (r.modelTest) view.f = { value: r.modelTest.statistic, df1: r.modelTest.df1, df2: r.modelTest.df2, p: r.modelTest.p, type: r.modelTest.type };
      if (r.nClusters !== undefined) view.nClusters = r.nClusters;
      return [view];
    }
    case 'did': {
      const r = result as DidResult;
      const view: ModelView = {
        kind,
        y: r.y,
        n: r.n,
        estimates: r.coefficients.map(est),
        r2: r.r2Within,
        within: true,
        fe: { entity: true, time: true, random: false },
        se: r.se,
        z: false,
      };
      if (r.nClusters !== undefined) view.nClusters = r.nClusters;
      return [view];
    }
    case 'moderation': {
      const r = result as ModerationResult;
      return [
        {
          kind,
          y: r.y,
          n: r.n,
          estimates: r.coefficients.map(est),
          r2: r.r2,
          deltaR2: { value: r.interaction.r2Change, p: r.interaction.p },
          deltaF: { value: r.interaction.f, df1: r.interaction.df1, df2: r.interaction.df2, p: r.interaction.p },
          f: { value: r.f, df1: r.dfModel, df2: r.dfResidual, p: r.pF, type: 'F' },
          se: r.se,
          z: false,
        },
      ];
    }
    case 'mediation': {
      const r = result as MediationResult;
      const single = r.mediators.length === 1;
      const estimates: ViewEstimate[] = [];
      // Term names as lib/stats/by-group's comparableEstimates, so the group tests match.
      for (const m of r.mediators) {
        estimates.push({ ...path(m.a), term: single ? 'a' : `a[${m.name}]`, label: (l) => `a (${l(r.x)} → ${l(m.name)})` });
        estimates.push({ ...path(m.b), term: single ? 'b' : `b[${m.name}]`, label: (l) => `b (${l(m.name)} → ${l(r.y)})` });
      }
      estimates.push({ ...path(r.c), term: 'c', label: (l) => `c (total effect of ${l(r.x)})` });
      estimates.push({ ...path(r.cPrime), term: 'cPrime', label: (l) => `c′ (direct effect of ${l(r.x)})` });
      return [{ kind, y: r.y, n: r.n, estimates, se: r.se, z: false }];
    }
    case 'ols': {
      const r = result as OlsResult;
      const base = { kind, y: r.y, n: r.n, se: r.se, z: false } as const;
      const withClusters = (v: ModelView): ModelView => (r.nClusters !== undefined ? { ...v, nClusters: r.nClusters } : v);
      if (r.blocks && select.step !== undefined) {
        const b = r.blocks[select.step - 1];
        if (!b) throw new StatsError('invalid-option', `the regression has ${r.blocks.length} steps (got step ${select.step})`);
        return [
          withClusters({
            ...base,
            estimates: b.coefficients.map(est),
            r2: b.r2,
            adjR2: b.adjR2,
            deltaR2: { value: b.deltaR2, p: b.pDeltaF },
            deltaF: { value: b.deltaF, df1: b.df1, df2: b.df2, p: b.pDeltaF },
          }),
        ];
      }
      if (select.step !== undefined && select.step !== 1) throw new StatsError('invalid-option', `the regression has no blocks (got step ${select.step})`);
      const view: ModelView = withClusters({ ...base, estimates: r.coefficients.map(est), r2: r.r2, adjR2: r.adjR2 });
      const last = r.blocks?.[r.blocks.length - 1];
      if (last) {
        view.deltaR2 = { value: last.deltaR2, p: last.pDeltaF };
        view.deltaF = { value: last.deltaF, df1: last.df1, df2: last.df2, p: last.pDeltaF };
      }
      if (r.f !== null && r.pF !== null) view.f = { value: r.f, df1: r.dfModel, df2: r.dfResidual, p: r.pF, type: 'F' };
      return [view];
    }
  }
}

/**
 * One view of a quantile regression with every τ in it, terms named "educ@tau=0.25" (the
 * naming of lib/stats/by-group), for by-group tables.
 *
 * @param result - a quantile regression result.
 * @returns the view.
 */
export function flatQregView(result: QregResult): ModelView {
  const estimates = result.quantiles.flatMap((q) => q.coefficients.map((c) => ({ ...est(c), term: `${c.term}@tau=${q.tau}` })));
  return { kind: 'qreg', y: result.y, n: result.n, estimates, se: 'classic', z: false };
}

function est(c: { term: string; estimate: number; se: number; t: number; p: number; beta?: number }): ViewEstimate {
  const e: ViewEstimate = { term: c.term, estimate: c.estimate, se: c.se, t: c.t, p: c.p };
  if (c.beta !== undefined) e.beta = c.beta;
  return e;
}

function path(p: { estimate: number; se: number; t: number; p: number }): Omit<ViewEstimate, 'term'> {
  return { estimate: p.estimate, se: p.se, t: p.t, p: p.p };
}
