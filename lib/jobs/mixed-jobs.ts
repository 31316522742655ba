/**
 * Mixed-methods jobs for the worker threads: the figures of linked constructs (descriptives and
 * reliability on a dataset version), matching cases to respondents, quantitizing coding into a
 * new dataset version, and picking cases by a survey variable. The request thread only loads
 * rows; decoding and computing happen here.
 */
import { matchCases, type CaseMatch } from '../mixed/case-match';
import { MixedMethodsError } from '../mixed/errors';
import { casesByVariable, type CaseFilter, type CaseFilterBounds, type CaseValue, filterBounds } from '../mixed/qualitize';
import { quantitize, type QuantitizeOptions } from '../mixed/quantitize';
import { joinQuantitized } from '../mixed/case-match';
import { scaleReliability, type Scale } from '../datasets/scales';
import { encodeDataset, type EncodedDataset } from '../datasets/storage';
import type { Dataset } from '../datasets/types';
import type { Cell } from '../stats/frame';
import { guard, open, type StoredVersion } from './dataset-jobs';
import type { JointDisplayExportOptions } from '../mixed/joint-display';
import { jointDisplayDocx } from '../mixed/joint-display-docx';
import { jointDisplayXlsx } from '../mixed/joint-display-xlsx';
import type { JointDisplayRow } from '../mixed/types';
import type { JobHandler } from './run-job';

/** Descriptives (and, for a scale, reliability) of one link target. */
export interface TargetFigures {
  n: number | null;
  mean: number | null;
  sd: number | null;
  alpha: number | null;
  omega: number | null;
  items: number | null;
}

function describe(column: readonly Cell[] | undefined): Pick<TargetFigures, 'n' | 'mean' | 'sd'> {
  if (!column) return { n: null, mean: null, sd: null };
  let n = 0;
  let sum = 0;
  for (const c of column) {
    if (typeof c === 'number' && Number.isFinite(c)) {
      n++;
      sum += c;
    }
  }
  if (n === 0) return { n: 0, mean: null, sd: null };
  const mean = sum / n;
  let ss = 0;
  for (const c of column) if (typeof c === 'number' && Number.isFinite(c)) ss += (c - mean) ** 2;
  return { n, mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : null };
}

function idColumn(dataset: Dataset, idVariable: string): readonly Cell[] {
  const column = dataset.columns[idVariable];
  if (!column) throw new MixedMethodsError('missing-variable', `the dataset has no variable named '${idVariable}'`, { variable: idVariable });
  return column;
}

export const mixedJobs = {
  /** For each target: n, mean and SD of its variable (a scale's score), and α, ω of a scale's items. */
  constructFigures: (async (input) => {
    const dataset = open(input.version);
    const out: Record<string, TargetFigures> = {};
    for (const t of input.targets) {
      const figures: TargetFigures = { ...describe(t.variable ? dataset.columns[t.variable] : undefined), alpha: null, omega: null, items: t.scale ? t.scale.items.length : null };
      if (t.scale) {
        try {
          const r = scaleReliability(dataset, t.scale);
          figures.alpha = r.alpha;
          figures.omega = r.omegaTotal;
        } catch {
          // A scale whose items no longer fit (deleted, constant) shows no α rather than failing the page.
        }
      }
      out[t.key] = figures;
    }
    return out;
  }) as JobHandler<{ version: StoredVersion; targets: Array<{ key: string; variable: string | null; scale: Scale | null }> }, Record<string, TargetFigures>>,

  /** Interview cases matched to the dataset's rows by an id variable: matches and everything unmatched. */
  caseMatch: (async (input) => guard(() => matchCases(input.caseNames, idColumn(open(input.version), input.idVariable)))) as JobHandler<
    { version: StoredVersion; idVariable: string; caseNames: string[] },
    CaseMatch
  >,

  /** Quantitized coding per case joined to the version by the id variable → the next version's stored form. */
  quantitizeJoin: (async (input) =>
    guard(() => {
      const dataset = open(input.version);
      const quantitized = quantitize(input.quantitize);
      const match = matchCases(quantitized.caseNames, idColumn(dataset, input.idVariable));
      const joined = joinQuantitized(dataset, input.idVariable, quantitized, match);
      return { encoded: encodeDataset(joined), match, variables: quantitized.variables.map((v) => ({ name: v.name, label: v.label })) };
    })) as JobHandler<
    { version: StoredVersion; idVariable: string; quantitize: QuantitizeOptions },
    { encoded: EncodedDataset; match: CaseMatch; variables: Array<{ name: string; label: string }> }
  >,

  /** Matched cases ordered by a survey variable, within a filter (top quartile, …), with the cut-offs used. */
  casesByVariable: (async (input) =>
    guard(() => {
      const dataset = open(input.version);
      const match = matchCases(input.caseNames, idColumn(dataset, input.idVariable));
      const column = idColumn(dataset, input.variable);
      const cases = casesByVariable(match, column, input.filter, { variable: input.variable });
      const values = column.filter((c): c is number => typeof c === 'number' && Number.isFinite(c));
      return { cases, bounds: filterBounds(values, input.filter), unmatched: match.unmatchedCases.length + match.ambiguousCases.length };
    })) as JobHandler<
    { version: StoredVersion; idVariable: string; variable: string; caseNames: string[]; filter: CaseFilter },
    { cases: CaseValue[]; bounds: CaseFilterBounds | null; unmatched: number }
  >,

  /** The joint display as a landscape Word table. */
  jointDisplayDocx: (async (input) => {
    return jointDisplayDocx(input.rows, { ...input.options, generatedAt: new Date(input.options.generatedAt) });
  }) as JobHandler<{ rows: JointDisplayRow[]; options: JointDisplayExportOptions }, Uint8Array>,

  /** The joint display as one Excel sheet, numbers as numbers. */
  jointDisplayXlsx: (async (input) => {
    return jointDisplayXlsx(input.rows, { ...input.options, generatedAt: new Date(input.options.generatedAt) });
  }) as JobHandler<{ rows: JointDisplayRow[]; options: JointDisplayExportOptions }, Uint8Array>,
};
