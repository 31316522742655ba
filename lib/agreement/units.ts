/**
 * Reliability units from stored codings, at the three levels a researcher can pick, and the
 * agreement table built from them (one row per code plus a pooled row).
 *
 * Levels:
 * - existence — one unit per source and code: did the coder use the code anywhere in the
 *   source? (MAXQDA's "code existence in the document", the simplest criterion.)
 * - segment — one unit per coded segment of each coder: it counts as agreed for another coder
 *   when that coder coded the same code on a segment overlapping it by at least the threshold
 *   percent of the two segments' combined extent (intersection / union), evaluated from each
 *   coder's segments in turn (MAXQDA's "segment agreement" with a minimum overlap; a
 *   MAXQDA-style table therefore counts a matched pair once from each side).
 * - character — one unit per character of the source and code: coded or not by each coder
 *   (NVivo's coding comparison query: "the percentage of the source's content where the two
 *   users agree on whether the content may be coded at the node", κ from the character
 *   confusion table). Runs of characters with the same coding are one weighted unit.
 *
 * Missing data: a coder who made no coding at all in a source (with any code) did not code
 * that source; their values there are missing rather than "not coded".
 */
import {
  cohenKappa,
  fleissKappa,
  krippendorffAlpha,
  percentAgreement,
  pooledCohenKappa,
  REASON_NEED_TWO,
  type ReliabilityUnit,
  type Statistic,
} from './statistics';

export interface AgreementCoding {
  id?: string;
  coderId: string;
  codeId: string;
  sourceId: string;
  start: number;
  end: number;
}

export type AgreementLevel = { kind: 'existence' } | { kind: 'segment'; threshold: number } | { kind: 'character' };

export const CODED = 'coded';
export const NOT_CODED = 'not coded';

export interface AgreementInput {
  /** The coders compared, in column order (two or more). */
  coders: readonly string[];
  /** The sources compared, with their text length (characters, for the character level). */
  sources: ReadonlyArray<{ id: string; length: number }>;
  /** The codes compared. */
  codes: readonly string[];
  /** Every coding of these coders in these sources (all codes: a coding of any code marks the source as coded by its coder). */
  codings: readonly AgreementCoding[];
  level: AgreementLevel;
}

/** The level's name as the page heading and exports show it. */
export function levelLabel(level: AgreementLevel): string {
  switch (level.kind) {
    case 'existence':
      return 'Code existence per source';
    case 'segment':
      return `Segment level (overlap ≥ ${level.threshold}%)`;
    case 'character':
      return 'Character level';
  }
}

/** What one unit is at the level (column header "n units" explains itself with it). */
export function unitNoun(level: AgreementLevel): string {
  return level.kind === 'existence' ? 'sources' : level.kind === 'segment' ? 'segments' : 'characters';
}

/** Overlap of two ranges as a share of their union, in percent (0 when disjoint). */
export function overlapPercent(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return (inter / union) * 100;
}

/** Whether `segment` is matched by one of `others` at the threshold (percent, 0 < t ≤ 100). */
export function isMatched(segment: { start: number; end: number }, others: ReadonlyArray<{ start: number; end: number }>, threshold: number): boolean {
  // A tiny tolerance so 100% means "identical" despite float rounding of the ratio.
  return others.some((o) => overlapPercent(segment, o) >= threshold - 1e-9);
}

class Index {
  readonly worked = new Set<string>(); // `${sourceId}\u0000${coderId}`
  readonly byKey = new Map<string, AgreementCoding[]>(); // `${sourceId}\u0000${codeId}\u0000${coderId}`

  constructor(codings: readonly AgreementCoding[]) {
    for (const c of codings) {
      this.worked.add(`${c.sourceId}\u0000${c.coderId}`);
      const key = `${c.sourceId}\u0000${c.codeId}\u0000${c.coderId}`;
      const list = this.byKey.get(key);
      if (list) list.push(c);
      else this.byKey.set(key, [c]);
    }
  }

  hasWorked(sourceId: string, coderId: string): boolean {
    return this.worked.has(`${sourceId}\u0000${coderId}`);
  }

  segments(sourceId: string, codeId: string, coderId: string): readonly AgreementCoding[] {
    return this.byKey.get(`${sourceId}\u0000${codeId}\u0000${coderId}`) ?? [];
  }
}

function unitsForCode(input: AgreementInput, index: Index, codeId: string): ReliabilityUnit[] {
  const units: ReliabilityUnit[] = [];
  for (const source of input.sources) {
    const worked = input.coders.map((coder) => index.hasWorked(source.id, coder));
    const segs = input.coders.map((coder) => index.segments(source.id, codeId, coder));
    if (input.level.kind === 'existence') {
      units.push({ values: input.coders.map((_, i) => (worked[i] ? (segs[i]!.length > 0 ? CODED : NOT_CODED) : null)) });
    } else if (input.level.kind === 'segment') {
      const threshold = input.level.threshold;
      input.coders.forEach((_, owner) => {
        for (const segment of segs[owner]!) {
          units.push({
            values: input.coders.map((__, other) => {
              if (other === owner) return CODED;
              if (!worked[other]) return null;
              return isMatched(segment, segs[other]!, threshold) ? CODED : NOT_CODED;
            }),
          });
        }
      });
    } else {
      units.push(...characterUnits(source.length, worked, segs));
    }
  }
  return units;
}

/** Runs of characters over [0, length) with the same coded / not coded value per coder, weighted by their length. */
function characterUnits(length: number, worked: readonly boolean[], segs: ReadonlyArray<readonly AgreementCoding[]>): ReliabilityUnit[] {
  if (length <= 0) return [];
  const cuts = new Set<number>([0, length]);
  for (const list of segs) {
    for (const s of list) {
      cuts.add(Math.max(0, Math.min(length, s.start)));
      cuts.add(Math.max(0, Math.min(length, s.end)));
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const units: ReliabilityUnit[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (to <= from) continue;
    const values = segs.map((list, c) => (worked[c] ? (list.some((s) => s.start <= from && s.end >= to) ? CODED : NOT_CODED) : null));
    const last = units.at(-1);
    if (last && last.values.every((v, c) => v === values[c])) (last as { weight: number }).weight += to - from;
    else units.push({ values, weight: to - from });
  }
  return units;
}

export interface AgreementRow {
  /** The code's id, or null for the pooled row. */
  codeId: string | null;
  /** Units with values from at least two coders (characters at the character level). */
  units: number;
  percent: Statistic;
  cohen: Statistic;
  fleiss: Statistic;
  alpha: Statistic;
}

export interface AgreementTable {
  level: AgreementLevel;
  coders: string[];
  rows: AgreementRow[];
  pooled: AgreementRow;
}

export const REASON_UNUSED = 'no coder used this code in these sources';

function pairable(units: readonly ReliabilityUnit[]): number {
  return units.reduce((n, u) => n + (u.values.filter((v) => v !== null).length >= 2 ? (u.weight ?? 1) : 0), 0);
}

function rowFor(codeId: string | null, units: readonly ReliabilityUnit[], twoCoders: boolean, cohen?: Statistic): AgreementRow {
  return {
    codeId,
    units: pairable(units),
    percent: percentAgreement(units),
    cohen: cohen ?? (twoCoders ? cohenKappa(units) : { value: null, reason: REASON_NEED_TWO }),
    fleiss: fleissKappa(units),
    alpha: krippendorffAlpha(units),
  };
}

/**
 * The agreement table: per code, n units, percentage agreement, Cohen's κ (two coders only),
 * Fleiss' κ and Krippendorff's α (nominal); and a pooled row over all the codes' units
 * (Cohen's κ pooled as De Vries et al. 2008: see {@link pooledCohenKappa}); codes no coder used
 * in the sources are left out of the pooled row.
 * A code no coder used in the sources gets "no coder used this code" for κ and α.
 */
export function agreementTable(input: AgreementInput): AgreementTable {
  if (input.coders.length < 2) throw new RangeError('Agreement needs at least two coders.');
  if (input.level.kind === 'segment' && !(input.level.threshold > 0 && input.level.threshold <= 100)) {
    throw new RangeError('The overlap threshold must be a percentage above 0 and at most 100.');
  }
  const coders = new Set(input.coders);
  const sources = new Set(input.sources.map((s) => s.id));
  const index = new Index(input.codings.filter((c) => coders.has(c.coderId) && sources.has(c.sourceId)));
  const twoCoders = input.coders.length === 2;
  const rows: AgreementRow[] = [];
  const perCode: ReliabilityUnit[][] = [];
  const all: ReliabilityUnit[] = [];
  for (const codeId of input.codes) {
    const units = unitsForCode(input, index, codeId);
    const used = input.codings.some((c) => c.codeId === codeId && coders.has(c.coderId) && sources.has(c.sourceId));
    const row = rowFor(codeId, units, twoCoders);
    if (!used) {
      const unused = { value: null, reason: REASON_UNUSED } as const;
      row.cohen = twoCoders ? unused : row.cohen;
      row.fleiss = unused;
      row.alpha = unused;
    }
    rows.push(row);
    // Codes no one used add only agreeing "not coded" units: left out of the pooled row so a
    // long codebook does not inflate it.
    if (used) {
      perCode.push(units);
      all.push(...units);
    }
  }
  const pooled = rowFor(null, all, twoCoders, twoCoders ? pooledCohenKappa(perCode) : undefined);
  return { level: input.level, coders: [...input.coders], rows, pooled };
}
