/**
 * Mediation (Hayes PROCESS model 4) as a paper reports it: the paths a (X → M), b (M → Y),
 * the direct effect c′ and the total effect c with SE, t, p and CI; the indirect effect(s)
 * a·b with the percentile bootstrap SE and CI (several mediators: each specific indirect
 * effect, the total and the pairwise contrasts); optionally the Sobel tests. From a
 * {@link MediationResult}.
 */
import type { IndirectEffect, MediationResult, PathEstimate } from '../mediate';
import { coefficientHeaders, coefficientLayout, sectionRow, statRow, type CoefficientColumns } from './coefficients';
import { blank, countText, legendOf, seSentence, tableContext, text, type TableContext, type TableOptions } from './format';
import type { PubCell, PubRow, PubTable } from './model';

/** Options of {@link mediationTable}. */
export interface MediationTableOptions extends TableOptions {
  /** Add the Sobel (normal-theory) test of each indirect effect (default false). */
  sobel?: boolean;
  /** Add the R² of each equation (default true). */
  r2?: boolean;
}

/**
 * Builds the mediation table.
 *
 * @param result - a mediation result (the CLI's `stats mediate` JSON).
 * @param options - style, decimals, labels, Sobel rows.
 * @returns the table.
 * @throws {StatsError} `invalid-option` for bad formatting options.
 * @example
 * ```ts
 * mediationTable(mediate(df, { y: 'engage', x: 'tl', m: 'empower', boot: 5000, seed: 1 }));
 * ```
 */
export function mediationTable(result: MediationResult, options: MediationTableOptions = {}): PubTable {
  const ctx = tableContext(options);
  const cols: CoefficientColumns = { ci: true, stub: 'Path', estimate: 'Effect' };
  const L = coefficientLayout(cols);
  const columns = coefficientHeaders(ctx, cols, result.level);
  const x = ctx.label(result.x);
  const y = ctx.label(result.y);
  const single = result.mediators.length === 1;
  const rows: PubRow[] = [];

  rows.push(sectionRow('Paths', L.ncol));
  result.mediators.forEach((m, j) => {
    const idx = single ? '' : String(j + 1);
    rows.push(pathRow(ctx, `a${idx} (${x} → ${ctx.label(m.name)})`, m.a));
  });
  result.mediators.forEach((m, j) => {
    const idx = single ? '' : String(j + 1);
    rows.push(pathRow(ctx, `b${idx} (${ctx.label(m.name)} → ${y})`, m.b));
  });
  rows.push(pathRow(ctx, `c′ (direct effect, ${x} → ${y})`, result.cPrime));
  rows.push(pathRow(ctx, `c (total effect, ${x} → ${y})`, result.c));

  rows.push(sectionRow(single ? 'Indirect effect' : 'Indirect effects', L.ncol));
  for (const m of result.mediators) rows.push(indirectRow(ctx, `${x} → ${ctx.label(m.name)} → ${y}`, m.indirect));
  if (!single) {
    rows.push(indirectRow(ctx, 'Total indirect effect', result.indirect));
    for (const c of result.contrasts) rows.push(indirectRow(ctx, `Contrast: ${ctx.label(c.mediator1)} − ${ctx.label(c.mediator2)}`, c));
  }
  if (options.sobel) {
    rows.push(sectionRow('Sobel test', L.ncol));
    for (const m of result.mediators) {
      rows.push({
        indent: 1,
        cells: [
          text(`${x} → ${ctx.label(m.name)} → ${y} (z)`),
          ctx.num(m.indirect.estimate, 'stat', { p: m.sobel.p }),
          ctx.num(m.sobel.se),
          ctx.num(m.sobel.z),
          ctx.num(m.sobel.p, 'p'),
          blank(),
          blank(),
        ],
      });
    }
  }
  let first = true;
  const ruled = () => {
    const r = first;
    first = false;
    return r;
  };
  if (options.r2 ?? true) {
    result.models.mediators.forEach((e) => rows.push(statRow(`R² (${ctx.label(e.outcome)})`, L, { [L.est]: ctx.num(e.r2, 'bounded') }, { rule: ruled() })));
    rows.push(statRow(`R² (${y})`, L, { [L.est]: ctx.num(result.models.outcome.r2, 'bounded') }, { rule: ruled() }));
  }
  rows.push(statRow('N', L, { [L.est]: ctx.num(result.n, 'count') }, { rule: ruled() }));

  const notes: string[] = [];
  notes.push(
    `Unstandardized effects (PROCESS model 4${single ? '' : ', parallel mediators'}). Paths with t tests and t-based CIs; indirect effects with ${
      result.bootstrap
        ? `percentile bootstrap SE and CI (${countText(result.bootstrap.draws)} draws, seed ${result.bootstrap.seed})`
        : 'no bootstrap (CI not computed)'
    }.`,
  );
  if (result.covariates.length) notes.push(`Covariates in every equation: ${result.covariates.map(ctx.label).join(', ')}.`);
  if (result.nDropped > 0) notes.push(`${countText(result.nDropped)} ${result.nDropped === 1 ? 'case' : 'cases'} with missing values excluded (listwise).`);
  const se = seSentence(result.se);
  if (se) notes.push(se);
  if (options.sobel) notes.push('Sobel rows: first-order SE and z test of a·b.');
  const legend = legendOf(ctx);
  if (legend) notes.push(legend);
  return { title: options.title ?? (single ? 'Mediation Analysis' : 'Parallel Mediation Analysis'), columns, rows, notes, style: ctx.style };
}

function pathRow(ctx: TableContext, label: string, p: PathEstimate): PubRow {
  const cells: PubCell[] = [
    text(label),
    ctx.num(p.estimate, 'stat', { p: p.p }),
    ctx.num(p.se),
    ctx.num(p.t),
    ctx.num(p.p, 'p'),
    ctx.num(p.ciLower),
    ctx.num(p.ciUpper),
  ];
  return { indent: 1, cells };
}

function indirectRow(ctx: TableContext, label: string, e: IndirectEffect): PubRow {
  const cells: PubCell[] = [text(label), ctx.num(e.estimate), ctx.num(e.bootSe), blank(), blank(), ctx.num(e.ciLower), ctx.num(e.ciUpper)];
  return { indent: 1, cells };
}
