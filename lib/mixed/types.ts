/**
 * Mixed methods: the shared shapes of links (a code ↔ a survey construct or variable), cases
 * matched to respondents, quantitized coding and the joint display. Pure data: no I/O.
 */

/** What a code is linked to: a scale (construct, by its stable id) or one variable of a dataset. */
export type LinkTarget =
  | { readonly kind: 'scale'; readonly datasetId: string; readonly scaleId: string }
  | { readonly kind: 'variable'; readonly datasetId: string; readonly variable: string };

/** The team's meta-inference for a joint-display row ('' = not yet written). */
export type MetaInference = '' | 'convergent' | 'complementary' | 'divergent';

/** A coefficient of a linked construct in one saved analysis, as the joint display shows it. */
export interface LinkedCoefficient {
  analysisId: string;
  analysisTitle: string;
  /** The analysis kind (ols, panel, mediate, …). */
  kind: string;
  /** What the coefficient is, in words: "brand_orient → performance", "a path: X → M". */
  label: string;
  /** The model's outcome. */
  outcome: string;
  /** B (unstandardised). */
  estimate: number;
  /** β when the engine gives it. */
  beta: number | null;
  se: number;
  p: number;
  ciLower: number;
  ciUpper: number;
  /** Stars by the APA convention (* .05, ** .01, *** .001). */
  stars: string;
  /** The analysis ran on an older dataset version than the latest. */
  stale: boolean;
}

/** The quantitative figures of a link target on a dataset version. */
export interface ConstructFigures {
  /** The variable described: the scale's score variable, or the linked variable; null when a scale has no score yet. */
  variable: string | null;
  n: number | null;
  mean: number | null;
  sd: number | null;
  /** Scales only. */
  alpha: number | null;
  omega: number | null;
  items: number | null;
  versionNumber: number;
}

/** One coding chosen (or available) as an exemplar quote. */
export interface ExemplarQuote {
  codingId: string;
  sourceId: string;
  sourceTitle: string;
  start: number;
  end: number;
  /** The quoted text (trimmed to a readable length by the caller). */
  text: string;
}

/** A code as a joint-display row shows it. */
export interface JointDisplayCode {
  id: string;
  /** e.g. "B3" ('' when never numbered). */
  label: string;
  name: string;
  /** 1 concept, 2 category, 3 main category, 4 core category (lib/coding/hierarchy-types). */
  level: number;
  definition: string;
}

/** What a joint-display row's code is linked to, by name (for display). */
export interface JointDisplayTarget {
  kind: 'scale' | 'variable';
  /** The scale's or the variable's name. */
  name: string;
  datasetName: string;
}

/** One row of the joint display: a link, with the qualitative and quantitative evidence side by side. */
export interface JointDisplayRow {
  linkId: string;
  code: JointDisplayCode;
  target: JointDisplayTarget;
  /** Why the code and the construct were linked. */
  rationale: string;
  qualitative: { sources: number; segments: number; exemplars: ExemplarQuote[] };
  /** null when the target has no figures (e.g. a scale without a score yet). */
  quantitative: ConstructFigures | null;
  coefficients: LinkedCoefficient[];
  inference: MetaInference;
  inferenceNote: string;
  /** The figures changed since the team last confirmed the row. */
  changed: boolean;
}
