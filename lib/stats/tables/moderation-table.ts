/**
 * Moderation (Hayes PROCESS model 1) as a paper reports it: the coefficients of
 * Y = b0 + b1 X + b2 W + b3 X×W (+ covariates) with SE, t, p and CI; the conditional effects
 * of X ("simple slopes") at −1 SD, the mean and +1 SD of W (or the chosen values); the
 * Johnson–Neyman transition points, with the region of significance in the note; R², the R²
 * change of X×W with its F test, and N. From a {@link ModerationResult}.
 */
import type { ModerationResult, SimpleSlope } from '../moderate';
import { coefficientHeaders, coefficientLayout, coefficientRow, sectionRow, statRow, type CoefficientColumns } from './coefficients';
import { countText, legendOf, seSentence, exactPOptions, tableContext, text, type TableContext, type TableOptions } from './format';
import type { PubRow, PubTable } from './model';

/** Options of {@link moderationTable}. */
export interface ModerationTableOptions extends TableOptions {
  /** Confidence interval columns (default true, as PROCESS). */
  ci?: boolean;
  /** Johnson–Neyman rows and note (default true). */
  johnsonNeyman?: boolean;
}

const PROBE: Record<SimpleSlope['label'], string> = { '-1SD': '−1 SD', mean: 'M', '+1SD': '+1 SD', min: 'minimum', max: 'maximum', value: '' };

/**
 * Builds the moderation table.
 *
 * @param result - a moderation result (the CLI's `stats moderate` JSON).
 * @param options - style, decimals, labels, CI and Johnson–Neyman parts.
 * @returns the table.
 * @throws {StatsError} `invalid-option` for bad formatting options.
 * @example
 * ```ts
 * moderationTable(moderate(df, { y: 'engage', x: 'tl', w: 'pos', center: true }), { labels: { tl: 'Leadership' } });
 * ```
 */
export function moderationTable(result: ModerationResult, options: ModerationTableOptions = {}): PubTable {
  const ctx = tableContext(exactPOptions(options));
  const cols: CoefficientColumns = { ci: options.ci ?? true };
  const L = coefficientLayout(cols);
  const columns = coefficientHeaders(ctx, cols, result.level);
  const x = ctx.label(result.x);
  const w = ctx.label(result.w);
  const xw = ctx.label(`${result.x}:${result.w}`);
  const rows: PubRow[] = [];

  rows.push(sectionRow('Coefficients', L.ncol));
  rows.push(...result.coefficients.map((c) => coefficientRow(ctx, c, cols, 1)));

  rows.push(sectionRow(`Conditional effects of ${x} at values of ${w}`, L.ncol));
  for (const s of result.simpleSlopes) {
    const tag = PROBE[s.label];
    rows.push(slopeRow(ctx, `${w} = ${ctx.fmt(s.w)}${tag ? ` (${tag})` : ''}`, s, cols));
  }
  const jn = (options.johnsonNeyman ?? true) ? result.johnsonNeyman : null;
  if (jn && jn.points.length) {
    rows.push(sectionRow('Johnson–Neyman transition points', L.ncol));
    for (const pt of jn.points) {
      rows.push(slopeRow(ctx, `${w} = ${ctx.fmt(pt.w)} (${ctx.fmt(pt.percentBelow, 'stat', { decimals: 1 })}% below)`, pt, cols));
    }
  }

  const i = result.interaction;
  rows.push(statRow('R²', L, { [L.est]: ctx.num(result.r2, 'bounded') }, { rule: true }));
  rows.push(statRow(`ΔR² (${xw})`, L, { [L.est]: ctx.num(i.r2Change, 'bounded', { p: i.p }) }));
  rows.push(statRow(`ΔF(${i.df1}, ${countText(i.df2)})`, L, { [L.est]: ctx.num(i.f), [L.p]: ctx.num(i.p, 'p') }));
  rows.push(statRow(`F(${result.dfModel}, ${countText(result.dfResidual)})`, L, { [L.est]: ctx.num(result.f), [L.p]: ctx.num(result.pF, 'p') }));
  rows.push(statRow('N', L, { [L.est]: ctx.num(result.n, 'count') }));

  const notes: string[] = [];
  notes.push(
    `Dependent variable: ${ctx.label(result.y)}. Unstandardized coefficients (PROCESS model 1)${result.center ? `; ${x} and ${w} mean-centred before forming ${xw}` : ''}. Values of ${w} in its original metric (M = ${ctx.fmt(result.wMean)}, SD = ${ctx.fmt(result.wSd)}).`,
  );
  if (jn) notes.push(johnsonNeymanSentence(ctx, result));
  if (result.covariates.length) notes.push(`Covariates: ${result.covariates.map(ctx.label).join(', ')}.`);
  if (result.nDropped > 0) notes.push(`${countText(result.nDropped)} ${result.nDropped === 1 ? 'case' : 'cases'} with missing values excluded (listwise).`);
  const se = seSentence(result.se);
  if (se) notes.push(se);
  const legend = legendOf(ctx);
  if (legend) notes.push(legend);
  return { title: options.title ?? 'Moderation Analysis', columns, rows, notes, style: ctx.style };
}

function slopeRow(ctx: TableContext, label: string, s: Omit<SimpleSlope, 'label'>, cols: CoefficientColumns): PubRow {
  return {
    indent: 1,
    cells: [
      text(label),
      ctx.num(s.slope, 'stat', { p: s.p }),
      ctx.num(s.se),
      ctx.num(s.t),
      ctx.num(s.p, 'p'),
      ...(cols.ci ? [ctx.num(s.ciLower), ctx.num(s.ciUpper)] : []),
    ],
  };
}

/** The region of significance in words (Hayes 2022, sec. 7.4). */
function johnsonNeymanSentence(ctx: TableContext, r: ModerationResult): string {
  const jn = r.johnsonNeyman!;
  const x = ctx.label(r.x);
  const w = ctx.label(r.w);
  const alpha = ctx.fmt(jn.alpha, 'bounded', { decimals: Math.max(2, ctx.decimals) });
  const sig = jn.regions.filter((g) => g.significant);
  const range = `${ctx.fmt(jn.wMin)} to ${ctx.fmt(jn.wMax)}`;
  if (sig.length === 0) return `Johnson–Neyman: the conditional effect of ${x} is not significant (α = ${alpha}) anywhere in the observed range of ${w} (${range}).`;
  if (sig.length === jn.regions.length) return `Johnson–Neyman: the conditional effect of ${x} is significant (α = ${alpha}) across the observed range of ${w} (${range}).`;
  const parts = sig.map((g) => `from ${ctx.fmt(g.from)} to ${ctx.fmt(g.to)} (${g.sign})`);
  return `Johnson–Neyman: the conditional effect of ${x} is significant (α = ${alpha}) for ${w} ${parts.join(' and ')}, and not significant elsewhere in the observed range (${range}).`;
}
