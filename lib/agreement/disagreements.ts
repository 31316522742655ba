/**
 * Disagreements between two coders, for the team to discuss and resolve: per source and code,
 * the two coders' segments are grouped into clusters of overlapping segments; a cluster is a
 * disagreement when one of its segments is not matched by the other coder at the level's rule.
 * Sources a coder did not code at all are not disagreements (their coding there is missing).
 */
import { type AgreementCoding, type AgreementLevel, isMatched } from './units';

export interface Disagreement {
  sourceId: string;
  codeId: string;
  /** The span of the cluster: from the first segment's start to the last segment's end. */
  start: number;
  end: number;
  /** Coder A's and coder B's codings in the cluster (either may be empty). */
  a: AgreementCoding[];
  b: AgreementCoding[];
}

/** The overlap a segment needs at this level to count as matched (the character level asks for identical extents). */
function thresholdFor(level: AgreementLevel): number {
  return level.kind === 'segment' ? level.threshold : 100;
}

/**
 * @param codings - codings of both coders (others are ignored), any codes.
 * @param codes - the codes compared.
 * @returns disagreements by source (in `sourceOrder`), code (in `codes` order) and position.
 */
export function findDisagreements(options: {
  coderA: string;
  coderB: string;
  codings: readonly AgreementCoding[];
  codes: readonly string[];
  sourceOrder: readonly string[];
  level: AgreementLevel;
}): Disagreement[] {
  const { coderA, coderB, level } = options;
  const worked = new Set(options.codings.map((c) => `${c.sourceId}\u0000${c.coderId}`));
  const codeRank = new Map(options.codes.map((c, i) => [c, i]));
  const groups = new Map<string, AgreementCoding[]>();
  for (const c of options.codings) {
    if ((c.coderId !== coderA && c.coderId !== coderB) || !codeRank.has(c.codeId)) continue;
    const key = `${c.sourceId}\u0000${c.codeId}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const threshold = thresholdFor(level);
  const result: Disagreement[] = [];
  for (const list of groups.values()) {
    const { sourceId, codeId } = list[0]!;
    if (!worked.has(`${sourceId}\u0000${coderA}`) || !worked.has(`${sourceId}\u0000${coderB}`)) continue;
    const aAll = list.filter((c) => c.coderId === coderA);
    const bAll = list.filter((c) => c.coderId === coderB);
    if (level.kind === 'existence' && aAll.length > 0 && bAll.length > 0) continue;
    for (const cluster of clusters(list)) {
      const a = cluster.filter((c) => c.coderId === coderA);
      const b = cluster.filter((c) => c.coderId === coderB);
      const agreed = a.every((s) => isMatched(s, bAll, threshold)) && b.every((s) => isMatched(s, aAll, threshold));
      if (agreed) continue;
      result.push({
        sourceId,
        codeId,
        start: Math.min(...cluster.map((c) => c.start)),
        end: Math.max(...cluster.map((c) => c.end)),
        a,
        b,
      });
    }
  }
  const sourceRank = new Map(options.sourceOrder.map((s, i) => [s, i]));
  return result.sort(
    (x, y) =>
      (sourceRank.get(x.sourceId) ?? Infinity) - (sourceRank.get(y.sourceId) ?? Infinity) ||
      x.start - y.start ||
      codeRank.get(x.codeId)! - codeRank.get(y.codeId)!,
  );
}

/** Groups segments into runs of transitively overlapping ranges (touching ends do not overlap). */
function clusters(list: readonly AgreementCoding[]): AgreementCoding[][] {
  const sorted = [...list].sort((x, y) => x.start - y.start || x.end - y.end);
  const out: AgreementCoding[][] = [];
  let current: AgreementCoding[] = [];
  let reach = -Infinity;
  for (const s of sorted) {
    if (current.length > 0 && s.start >= reach) {
      out.push(current);
      current = [];
      reach = -Infinity;
    }
    current.push(s);
    reach = Math.max(reach, s.end);
  }
  if (current.length > 0) out.push(current);
  return out;
}
